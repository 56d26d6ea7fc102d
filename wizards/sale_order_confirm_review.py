# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class SaleOrderConfirmReview(models.TransientModel):
    """What the company's checks (stock, credit) found on quotations, shown
    before confirming them from the form (mode confirm), or to the manager
    approving them (mode approve), who says why."""

    _name = "sale.order.confirm.review"
    _description = "Review Before Confirming"

    mode = fields.Selection(
        [("confirm", "Confirm"), ("approve", "Approve")],
        required=True,
        default="confirm",
        readonly=True,
    )
    order_ids = fields.Many2many(
        "sale.order", string="Orders to Confirm", readonly=True
    )
    issues_html = fields.Html("Checks", sanitize=False, readonly=True)
    needs_approval = fields.Boolean(
        readonly=True, help="A check whose policy needs a manager's approval."
    )
    approval_reason = fields.Text(
        "Why Approve",
        help="Recorded on the order with your name and the time, and in its chatter.",
    )

    @api.model
    def _sow_open(self, orders, to_review, mode):
        issues = to_review._sow_confirm_issues()
        wizard = self.create(
            {
                "mode": mode,
                "order_ids": [fields.Command.set(orders.ids)],
                "needs_approval": mode == "approve"
                or any(
                    order._sow_confirm_state(issues.get(order.id, [])) == "approval"
                    for order in to_review
                ),
                "issues_html": Markup().join(
                    Markup("<h5 class='mt-2'>%s</h5>%s")
                    % (order.name, order._sow_issues_html(issues[order.id]))
                    for order in to_review
                    if order.id in issues
                ),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Approve Confirming")
            if mode == "approve"
            else self.env._("Before Confirming"),
            "res_model": self._name,
            "res_id": wizard.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
        }

    def _sow_reason(self):
        self.ensure_one()
        reason = (self.approval_reason or "").strip()
        if self.needs_approval and not reason:
            raise UserError(self.env._("Say why you approve, then approve again."))
        return reason

    def action_confirm(self):
        """Confirm anyway (a manager approves at the same time, with the
        reason given); each order's chatter records what was found."""
        self.ensure_one()
        reason = self._sow_reason()
        context = {"sow_confirm_reviewed": True}
        if reason:
            context["sow_approval_reason"] = reason
        return self.order_ids.with_context(**context).action_confirm()

    def action_approve(self):
        self.ensure_one()
        return self.order_ids.action_sow_approve(reason=self._sow_reason())
