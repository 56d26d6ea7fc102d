# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sow_visit_count = fields.Integer(
        string="Visits",
        compute="_compute_sow_visit_count",
        groups="sales_order_workflow.group_field_rep,sales_team.group_sale_manager",
    )

    @api.depends_context("uid", "allowed_company_ids")
    def _compute_sow_visit_count(self):
        counts = dict(
            self.env["sale.visit"]._read_group(
                [("partner_id", "child_of", self.ids)],
                ["partner_id"],
                ["__count"],
            )
        )
        self.sow_visit_count = 0
        for visit_partner, count in counts.items():
            # a contact's visits count for its company too
            while visit_partner:
                if visit_partner in self:
                    visit_partner.sow_visit_count += count
                visit_partner = visit_partner.parent_id

    def action_sow_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sales_order_workflow.action_sale_visit"
        )
        action["domain"] = [("partner_id", "child_of", self.ids)]
        action["context"] = {
            "default_partner_id": self.id,
            "search_default_filter_mine": 0,
        }
        return action
