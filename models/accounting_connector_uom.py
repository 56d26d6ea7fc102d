# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorUom(models.Model):
    """An Odoo unit of measure → the package's unit (UOM) code."""

    _name = "accounting.connector.uom"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Unit"
    _mapping_kind = "uom"

    uom_id = fields.Many2one(
        "uom.uom",
        string="Unit",
        required=True,
        ondelete="cascade",
        index=True,
    )

    _sql_constraints = [
        (
            "uom_id_unique",
            "unique(connector_id, uom_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.uom_id
