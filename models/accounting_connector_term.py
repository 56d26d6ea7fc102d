# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorTerm(models.Model):
    """An Odoo payment term → the package's terms code (e.g. C.O.D., 30 Days)."""

    _name = "accounting.connector.term"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Terms"
    _mapping_kind = "terms"

    payment_term_id = fields.Many2one(
        "account.payment.term",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )

    _sql_constraints = [
        (
            "payment_term_id_unique",
            "unique(connector_id, payment_term_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.payment_term_id
