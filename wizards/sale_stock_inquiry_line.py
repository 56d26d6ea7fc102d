# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleStockInquiryLine(models.TransientModel):
    """One product in one warehouse: the numbers of ``sow_availability``."""

    _name = "sale.stock.inquiry.line"
    _description = "Stock Inquiry: Product in a Warehouse"
    _order = "row_id, warehouse_sequence, warehouse_id"

    inquiry_id = fields.Many2one(
        "sale.stock.inquiry", required=True, ondelete="cascade", index=True
    )
    row_id = fields.Many2one(
        "sale.stock.inquiry.product",
        string="Product Row",
        required=True,
        ondelete="cascade",
        index=True,
    )
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    warehouse_id = fields.Many2one("stock.warehouse", required=True, readonly=True)
    warehouse_sequence = fields.Integer(related="warehouse_id.sequence")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    tracked = fields.Boolean(
        readonly=True, help="False for services and goods whose stock is not tracked."
    )
    qty_on_hand = fields.Float(
        "On Hand", digits="Product Unit of Measure", readonly=True
    )
    qty_reserved = fields.Float(
        "Reserved", digits="Product Unit of Measure", readonly=True
    )
    qty_free = fields.Float(
        "Free",
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand and not reserved for another order.",
    )
    qty_incoming = fields.Float(
        "Incoming", digits="Product Unit of Measure", readonly=True
    )
    qty_outgoing = fields.Float(
        "Outgoing", digits="Product Unit of Measure", readonly=True
    )
    qty_forecast = fields.Float(
        "Forecast",
        digits="Product Unit of Measure",
        readonly=True,
        help="On hand, plus incoming, minus outgoing.",
    )
