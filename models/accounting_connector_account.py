# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorAccount(models.Model):
    """An Odoo income account → the package's sales GL account."""

    _name = "accounting.connector.account"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Sales Account"
    _mapping_kind = "account"

    account_id = fields.Many2one(
        "account.account",
        string="Income Account",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('account_type', 'in', ('income', 'income_other'))]",
    )

    _sql_constraints = [
        (
            "account_id_unique",
            "unique(connector_id, account_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.account_id
