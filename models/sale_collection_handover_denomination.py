# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SaleCollectionHandoverDenomination(models.Model):
    _name = "sale.collection.handover.denomination"
    _description = "Collection Handover Cash Count"
    _order = "handover_id, value desc, id"

    handover_id = fields.Many2one(
        "sale.collection.handover",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(related="handover_id.company_id", store=True)
    currency_id = fields.Many2one(related="handover_id.currency_id")
    value = fields.Monetary(
        string="Note / Coin", required=True, currency_field="currency_id"
    )
    count = fields.Integer(string="Quantity")
    subtotal = fields.Monetary(
        compute="_compute_subtotal", store=True, currency_field="currency_id"
    )

    _sql_constraints = [
        ("value_positive", "CHECK(value > 0)", "A note or coin is worth more than 0."),
        ("count_not_negative", "CHECK(count >= 0)", "A quantity cannot be negative."),
    ]

    @api.depends("value", "count")
    def _compute_subtotal(self):
        for line in self:
            line.subtotal = line.value * line.count

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.handover_id._sow_check_draft()
        return lines

    def write(self, vals):
        self.handover_id._sow_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        self.handover_id._sow_check_draft()
