# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleCollectionBounce(models.TransientModel):
    _name = "sale.collection.bounce"
    _description = "Record a Bounced Cheque"

    collection_ids = fields.Many2many(
        "sale.collection", string="Receipts", required=True
    )
    date = fields.Date(
        string="Returned On", required=True, default=fields.Date.context_today
    )
    reason = fields.Text(
        required=True,
        help="As the bank's return slip says: insufficient funds, signature "
        "differs, stale cheque...",
    )

    def action_confirm(self):
        self.ensure_one()
        self.collection_ids.action_bounce(reason=self.reason.strip(), date=self.date)
        return {"type": "ir.actions.act_window_close"}
