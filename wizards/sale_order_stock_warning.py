# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models


class SaleOrderStockWarning(models.TransientModel):
    """Asked before confirming quotations that need more than their warehouse
    has free, when the company's policy is to warn."""

    _name = "sale.order.stock.warning"
    _description = "Confirm With Too Little Stock"

    order_ids = fields.Many2many(
        "sale.order", string="Orders to Confirm", readonly=True
    )
    shortage_html = fields.Html("Shortage", sanitize=False, readonly=True)

    @api.model
    def _sow_open(self, orders, short_orders):
        shortages = short_orders._sow_stock_shortages()
        wizard = self.create(
            {
                "order_ids": [fields.Command.set(orders.ids)],
                "shortage_html": Markup().join(
                    Markup("<p class='mb-1'><strong>%s</strong></p>%s")
                    % (
                        order.name,
                        order._sow_stock_shortage_message(shortages[order.id]),
                    )
                    for order in short_orders
                    if order.id in shortages
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Too Little Stock"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def action_confirm(self):
        """Confirm anyway; each order's chatter records the shortage."""
        self.ensure_one()
        return self.order_ids.with_context(
            sow_stock_warning_accepted=True
        ).action_confirm()
