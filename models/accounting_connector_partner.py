# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorPartner(models.Model):
    """A customer's code in the package (debtor code), kept per connector."""

    _name = "accounting.connector.partner"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Customer Code"
    _mapping_kind = "customer"

    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('parent_id', '=', False)]",
    )

    _sql_constraints = [
        (
            "partner_id_unique",
            "unique(connector_id, partner_id)",
            "Each record has one code per connector.",
        ),
        (
            "code_unique",
            "unique(connector_id, code)",
            "Two customers cannot share a code in one connector.",
        ),
    ]

    def _mapped_record(self):
        return self.partner_id
