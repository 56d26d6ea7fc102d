# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SaleCollectionHandoverReceive(models.TransientModel):
    _name = "sale.collection.handover.receive"
    _description = "Receive a Collection Handover"

    handover_id = fields.Many2one(
        "sale.collection.handover", required=True, ondelete="cascade"
    )
    currency_id = fields.Many2one(related="handover_id.currency_id")
    expected_cash = fields.Monetary(
        related="handover_id.amount_cash", string="Cash on the Receipts"
    )
    counted_amount = fields.Monetary(
        related="handover_id.counted_amount", string="Cash Counted by the Rep"
    )
    cheque_count = fields.Integer(related="handover_id.cheque_count")
    amount_cheque = fields.Monetary(related="handover_id.amount_cheque")
    received_amount = fields.Monetary(
        string="Cash Counted by the Office",
        compute="_compute_received_amount",
        store=True,
        readonly=False,
        currency_field="currency_id",
    )
    variance = fields.Monetary(
        compute="_compute_variance", currency_field="currency_id"
    )
    variance_note = fields.Text(string="Explanation of the Variance")

    @api.depends("handover_id")
    def _compute_received_amount(self):
        for wizard in self:
            wizard.received_amount = wizard.handover_id.counted_amount

    @api.depends("received_amount", "expected_cash")
    def _compute_variance(self):
        for wizard in self:
            wizard.variance = wizard.received_amount - wizard.expected_cash

    def action_confirm(self):
        self.ensure_one()
        self.handover_id.action_receive(
            received_amount=self.received_amount, variance_note=self.variance_note
        )
        return {"type": "ir.actions.act_window_close"}
