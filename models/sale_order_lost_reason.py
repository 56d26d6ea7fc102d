# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SaleOrderLostReason(models.Model):
    """Why a quotation or an order was cancelled: a short list the company
    keeps, chosen when cancelling (with a note), counted by the analysis."""

    _name = "sale.order.lost.reason"
    _description = "Lost Reason (Sales)"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        string="Company",
        help="Empty: every company uses this reason.",
    )
    order_count = fields.Integer(
        string="Cancelled Orders", compute="_compute_order_count"
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("sow_lost_reason_id", "in", self.ids)],
                ["sow_lost_reason_id"],
                ["__count"],
            )
        )
        for reason in self:
            reason.order_count = counts.get(reason, 0)

    def action_view_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("sale.action_orders")
        action.update(
            name=self.name,
            domain=[("sow_lost_reason_id", "=", self.id)],
            context={"create": False},
        )
        return action
