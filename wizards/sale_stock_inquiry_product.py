# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class SaleStockInquiryProduct(models.TransientModel):
    """One product found by a stock inquiry: its stock in every warehouse,
    the customer's price, and the quantity the rep wants to order."""

    _name = "sale.stock.inquiry.product"
    _description = "Stock Inquiry: Product"
    _order = "sequence, id"

    inquiry_id = fields.Many2one(
        "sale.stock.inquiry", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one("product.product", required=True, readonly=True)
    default_code = fields.Char(related="product_id.default_code")
    barcode = fields.Char(related="product_id.barcode")
    categ_id = fields.Many2one(related="product_id.categ_id")
    product_uom_id = fields.Many2one(related="product_id.uom_id", string="Unit")
    tracked = fields.Boolean(readonly=True)
    line_ids = fields.One2many(
        "sale.stock.inquiry.line", "row_id", string="Warehouses", readonly=True
    )
    qty_free = fields.Float(
        "Free (All Warehouses)",
        digits="Product Unit of Measure",
        readonly=True,
        help="Free stock summed over the warehouses of the inquiry.",
    )
    availability = fields.Json(
        string="Free Stock per Warehouse", compute="_compute_availability"
    )
    currency_id = fields.Many2one(related="inquiry_id.currency_id")
    price_unit = fields.Monetary(
        "Price",
        compute="_compute_price_unit",
        help="The customer's price from the pricelist of the inquiry (the sales "
        "price without a customer), for the quantity to order (or one unit).",
    )
    quantity = fields.Float(
        "Quantity to Order", digits="Product Unit of Measure", default=0.0
    )

    @api.constrains("quantity")
    def _check_quantity(self):
        for row in self:
            if row.quantity < 0:
                raise ValidationError(
                    self.env._(
                        "%(product)s: the quantity to order cannot be negative "
                        "(%(quantity)s). Enter what the customer buys, or 0.",
                        product=row.product_id.display_name,
                        quantity=row.quantity,
                    )
                )

    @api.depends(
        "line_ids.qty_free",
        "line_ids.qty_on_hand",
        "line_ids.qty_forecast",
        "quantity",
    )
    def _compute_availability(self):
        for row in self:
            row.availability = {
                "tracked": row.tracked,
                "uom": row.product_uom_id.name,
                "needed": row.quantity,
                "warehouse_id": row.inquiry_id.delivery_warehouse_id.id,
                "warehouses": [
                    {
                        "id": line.warehouse_id.id,
                        "name": line.warehouse_id.name,
                        "code": line.warehouse_id.code,
                        "on_hand": line.qty_on_hand,
                        "reserved": line.qty_reserved,
                        "free": line.qty_free,
                        "incoming": line.qty_incoming,
                        "outgoing": line.qty_outgoing,
                        "forecast": line.qty_forecast,
                    }
                    for line in row.line_ids
                ]
                if row.tracked
                else [],
            }

    @api.depends(
        "product_id", "quantity", "inquiry_id.pricelist_id", "inquiry_id.currency_id"
    )
    def _compute_price_unit(self):
        """Pricelist prices, one call per inquiry and quantity."""
        for inquiry in self.inquiry_id:
            rows = self.filtered(lambda r, i=inquiry: r.inquiry_id == i)
            pricelist = inquiry.pricelist_id
            if not pricelist:
                for row in rows:
                    row.price_unit = row.product_id.lst_price
                continue
            for quantity in set(rows.mapped("quantity")):
                same = rows.filtered(lambda r, q=quantity: r.quantity == q)
                prices = pricelist._get_products_price(
                    same.product_id,
                    quantity=quantity or 1.0,
                    currency=inquiry.currency_id,
                    date=fields.Date.context_today(self),
                )
                for row in same:
                    row.price_unit = prices.get(row.product_id.id, 0.0)
        (self - self.filtered("inquiry_id")).price_unit = 0.0
