# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleCollectionCancel(models.TransientModel):
    _name = "sale.collection.cancel"
    _description = "Cancel Receipts"

    collection_ids = fields.Many2many(
        "sale.collection", string="Receipts", required=True
    )
    posted_count = fields.Integer(compute="_compute_posted_count")
    reason = fields.Text(required=True)

    def _compute_posted_count(self):
        for wizard in self:
            wizard.posted_count = len(
                wizard.collection_ids.filtered(lambda c: c.state == "posted")
            )

    def action_confirm(self):
        self.ensure_one()
        self.collection_ids.action_cancel(reason=self.reason.strip())
        return {"type": "ir.actions.act_window_close"}
