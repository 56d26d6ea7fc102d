# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorAgent(models.Model):
    """A salesperson → the package's agent code."""

    _name = "accounting.connector.agent"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Agent"
    _mapping_kind = "agent"

    user_id = fields.Many2one(
        "res.users",
        string="Salesperson",
        required=True,
        ondelete="cascade",
        index=True,
    )

    _sql_constraints = [
        (
            "user_id_unique",
            "unique(connector_id, user_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.user_id
