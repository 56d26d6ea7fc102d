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
        "views/menus.xml",
        "data/sale_visit_data.xml",
        "data/mail_activity_type_data.xml",
        "data/sale_order_data.xml",
        "views/sale_visit_views.xml",
        "views/res_partner_views.xml",
        "views/res_config_settings_views.xml",
        "views/sale_order_stock_views.xml",
        "views/sale_order_views.xml",
        "views/sale_order_lost_reason_views.xml",
        "wizards/sale_stock_inquiry_views.xml",
        "wizards/sale_order_confirm_review_views.xml",
        "wizards/sale_order_renew_views.xml",
        "wizards/sale_order_cancel_views.xml",
    ],
    "demo": [
        "data/demo/sow_demo_company.xml",
        "data/demo/sow_demo_users.xml",
        "data/demo/sow_demo_partners.xml",
        "data/demo/sow_demo_products.xml",
        "data/demo/sow_demo_invoices.xml",
        "data/demo/sow_demo_visits.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "sales_order_workflow/static/src/**/*",
        ],
        "web.assets_tests": [
            "sales_order_workflow/static/tests/tours/**/*",
        ],
    },
}
