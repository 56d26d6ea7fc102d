# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class SaleOrderCancel(models.TransientModel):
    """Odoo's cancel wizard asks why the sale was lost when the order form's
    Cancel button opens it."""

    _inherit = "sale.order.cancel"

    sow_ask_lost_reason = fields.Boolean(
        help="Opened from the order form's Cancel button: say why it was lost."
    )
    sow_lost_reason_id = fields.Many2one(
        "sale.order.lost.reason",
        string="Lost Reason",
        domain="[('company_id', 'in', (False, company_id))]",
    )
    sow_lost_note = fields.Text(string="Note", help="What the customer said.")
    company_id = fields.Many2one(related="order_id.company_id")

    def _sow_check_lost_reason(self):
        self.ensure_one()
        if self.sow_ask_lost_reason and not self.sow_lost_reason_id:
            raise UserError(
                self.env._(
                    "Why is %(order)s lost? Choose a lost reason, then cancel again.",
                    order=self.order_id.name,
                )
            )

    def action_send_mail_and_cancel(self):
        self._sow_check_lost_reason()
        return super().action_send_mail_and_cancel()

    def action_cancel(self):
        self._sow_check_lost_reason()
        result = super().action_cancel()
        if self.sow_lost_reason_id or self.sow_lost_note:
            self.order_id.write(
                {
                    "sow_lost_reason_id": self.sow_lost_reason_id.id,
                    "sow_lost_note": self.sow_lost_note,
                }
            )
        return result
