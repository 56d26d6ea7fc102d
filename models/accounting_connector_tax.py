# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorTax(models.Model):
    """An Odoo sales tax → the package's SST tax code."""

    _name = "accounting.connector.tax"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Tax Code"
    _mapping_kind = "tax"

    tax_id = fields.Many2one(
        "account.tax",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('type_tax_use', '=', 'sale')]",
    )

    _sql_constraints = [
        (
            "tax_id_unique",
            "unique(connector_id, tax_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.tax_id
