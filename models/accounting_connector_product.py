# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class AccountingConnectorProduct(models.Model):
    """A product's item code in the package (ST_ITEM, EMAS item_no)."""

    _name = "accounting.connector.product"
    _inherit = "accounting.connector.mapping"
    _description = "Accounting Connector Item Code"
    _mapping_kind = "item"

    product_id = fields.Many2one(
        "product.product",
        required=True,
        ondelete="cascade",
        index=True,
        check_company=True,
    )

    _sql_constraints = [
        (
            "product_id_unique",
            "unique(connector_id, product_id)",
            "Each record has one code per connector.",
        ),
    ]

    def _mapped_record(self):
        return self.product_id
