# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer visits know the receipts collected during them (sale.visit is
defined in sale_visit.py; this is the collections' side of the link)."""

from odoo import api, fields, models


class SaleVisit(models.Model):
    _inherit = "sale.visit"

    collection_ids = fields.One2many(
        "sale.collection", "visit_id", string="Collections"
    )
    collection_count = fields.Integer(
        string="Receipts", compute="_compute_collection_count"
    )

    @api.depends("collection_ids")
    def _compute_collection_count(self):
        counts = dict(
            self.env["sale.collection"]._read_group(
                [("visit_id", "in", self.ids)], ["visit_id"], ["__count"]
            )
        )
        for visit in self:
            visit.collection_count = counts.get(visit._origin, 0)

    def _sow_outcome_from_documents(self):
        outcome = super()._sow_outcome_from_documents()
        if not outcome and self.collection_ids.filtered(
            lambda c: c.state not in ("draft", "cancelled")
        ):
            return "collection"
        return outcome

    def action_view_collections(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_order_workflow.action_sale_collection"
        )
        action.update(
            domain=[("visit_id", "=", self.id)],
            context={
                "default_partner_id": self.partner_id.id,
                "default_visit_id": self.id,
            },
        )
        return action

    def action_new_collection(self):
        """Record money collected at this visit."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Receipt"),
            "res_model": "sale.collection",
            "view_mode": "form",
            "views": [(False, "form")],
            "context": {
                "default_partner_id": self.partner_id.id,
                "default_visit_id": self.id,
            },
        }
