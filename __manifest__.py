# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
{
    "name": "Sales Order Workflow",
    "summary": "Field sales for Odoo: clock in, customer visits with GPS, stock "
    "inquiry, quotations, collections, reports and Malaysian accounting exports",
    "version": "18.0.1.0.0",
    "category": "Sales",
    "website": "https://github.com/sales-order-workflow/sales_order_workflow",
    "author": "Sales Order Workflow contributors",
    "maintainers": [],
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": [
        "sale_management",
        "sale_stock",
        "hr_attendance",
        "account",
        "base_geolocalize",
    ],
    "external_dependencies": {"python": []},
    "data": [
        "security/groups.xml",
        "security/ir.model.access.csv",
        "security/rules.xml",
        "report/sale_collection_reports.xml",
        "report/sale_collection_receipt_templates.xml",
        "data/sale_collection_data.xml",
        "views/sale_collection_views.xml",
        "views/sale_collection_handover_views.xml",
        "views/res_partner_views.xml",
        "views/account_payment_views.xml",
        "views/res_config_settings_views_collection.xml",
        "wizards/sale_collection_cancel_views.xml",
        "wizards/sale_collection_bounce_views.xml",
        "wizards/sale_collection_handover_receive_views.xml",
        "views/menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "sales_order_workflow/static/tests/tours/*.js",
        ],
    },
    "demo": [
        "data/demo/sow_demo_company.xml",
        "data/demo/sow_demo_users.xml",
        "data/demo/sow_demo_partners.xml",
        "data/demo/sow_demo_products.xml",
        "data/demo/sow_demo_invoices.xml",
        "data/demo/sow_demo_collections.xml",
    ],
}
