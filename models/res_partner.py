# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    # ---- customer visits
    sow_visit_count = fields.Integer(
        string="Visits",
        compute="_compute_sow_visit_count",
        groups="sales_order_workflow.group_field_rep,sales_team.group_sale_manager",
    )

    # ---- collections: bounced cheques
    sow_bounced_cheque = fields.Boolean(
        string="Bounced Cheque",
        copy=False,
        tracking=True,
        help="A cheque of this customer bounced. Reps see a warning when they "
        "collect a cheque from them; a collection officer clears the flag.",
    )
    sow_bounced_cheque_count = fields.Integer(
        string="Bounced Cheques", readonly=True, copy=False
    )
    sow_last_bounce_date = fields.Date(
        string="Last Bounced Cheque", readonly=True, copy=False
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

    def _sow_flag_bounced_cheque(self, collection):
        """Record on the customer that the cheque of ``collection`` bounced."""
        self.ensure_one()
        # sudo: a collection officer records the bounce; flagging the customer
        # is part of it even without the right to edit contacts. Only these
        # three fields and a note in the chatter are written.
        partner = self.sudo()
        partner.write(
            {
                "sow_bounced_cheque": True,
                "sow_bounced_cheque_count": partner.sow_bounced_cheque_count + 1,
                "sow_last_bounce_date": collection.bounce_date,
            }
        )
        partner.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "Cheque %(cheque)s (%(bank)s) of receipt %(receipt)s bounced, "
                    "recorded by %(officer)s.",
                    cheque=collection.cheque_number,
                    bank=collection.cheque_bank,
                    receipt=collection.name,
                    officer=self.env.user.name,
                ),
                collection.bounce_reason,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_sow_clear_bounced_cheque(self):
        """A collection officer accepts cheques from the customer again."""
        self.env["sale.collection"]._sow_check_officer()
        # sudo: see _sow_flag_bounced_cheque; only the flag is cleared.
        self.sudo().write({"sow_bounced_cheque": False})
        return True
