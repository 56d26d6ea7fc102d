# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models

# When the company gives quotations no validity, a renewal still needs a date.
FALLBACK_VALIDITY_DAYS = 30


class SaleOrderRenew(models.TransientModel):
    """Renew an expired quotation: a new validity date and today's prices
    (Odoo's Update Prices); the chatter records the change."""

    _name = "sale.order.renew"
    _description = "Renew Quotation"

    order_id = fields.Many2one("sale.order", required=True, readonly=True)
    old_validity_date = fields.Date(
        "Valid Until", related="order_id.validity_date", readonly=True
    )
    validity_date = fields.Date(
        "New Validity Date",
        required=True,
        compute="_compute_validity_date",
        store=True,
        readonly=False,
    )

    @api.depends("order_id")
    def _compute_validity_date(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            days = (
                wizard.order_id.company_id.quotation_validity_days
                or FALLBACK_VALIDITY_DAYS
            )
            wizard.validity_date = today + timedelta(days=days)

    def action_renew(self):
        self.ensure_one()
        self.order_id._sow_renew(self.validity_date)
        return {"type": "ir.actions.act_window_close"}
