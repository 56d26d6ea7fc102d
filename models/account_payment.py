# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class AccountPayment(models.Model):
    _inherit = "account.payment"

    sow_collection_id = fields.Many2one(
        "sale.collection",
        string="Field Receipt",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        help="The official receipt collected in the field that this payment posts.",
    )

    def _sow_check_not_from_receipt(self):
        """A payment posted from a receipt follows the receipt: it is
        cancelled or reversed by cancelling the receipt (or recording the
        cheque as bounced), never behind its back, so the two never disagree
        about the money."""
        if self.env.context.get("sow_collection_transition"):
            return
        for payment in self:
            receipt = payment.sow_collection_id
            if receipt and receipt.state == "posted":
                raise UserError(
                    self.env._(
                        "Payment %(payment)s posts field receipt %(receipt)s. Cancel "
                        "the receipt (or record its cheque as bounced) in Field "
                        "Sales > Collections; that reverses this payment.",
                        payment=payment.display_name,
                        receipt=receipt.display_name,
                    )
                )

    def write(self, vals):
        if set(self._get_trigger_fields_to_synchronize()) & vals.keys() or vals.get(
            "state"
        ) in ("draft", "canceled", "rejected"):
            self._sow_check_not_from_receipt()
        return super().write(vals)

    def action_draft(self):
        self._sow_check_not_from_receipt()
        return super().action_draft()

    def action_cancel(self):
        self._sow_check_not_from_receipt()
        return super().action_cancel()
