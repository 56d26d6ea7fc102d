# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorArea(models.Model):
    """A state → the package's area code."""

    _name = "accounting.connector.area"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Area"
    _mapping_kind = "area"

    state_id = fields.Many2one(
        "res.country.state",
        required=True,
        ondelete="cascade",
        index=True,
    )

    _sql_constraints = [
        (
            "state_id_unique",
            "unique(connector_id, state_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.state_id
