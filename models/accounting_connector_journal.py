# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorJournal(models.Model):
    """A bank or cash journal → the package's payment method (AutoCount) or
    bank/cash GL account (SQL Account)."""

    _name = "accounting.connector.journal"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Payment Method"
    _mapping_kind = "payment_method"

    journal_id = fields.Many2one(
        "account.journal",
        string="Bank or Cash Journal",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
        domain="[('type', 'in', ('bank', 'cash'))]",
    )

    _sql_constraints = [
        (
            "journal_id_unique",
            "unique(connector_id, journal_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.journal_id
