# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

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

    # ------------------------------------------------------------ quotations
    def action_sow_new_quotation(self):
        """A new quotation for this customer, from the customer's form: the
        rep's open visit at this customer (if any) comes with it."""
        self.ensure_one()
        Visit = self.env["sale.visit"]
        # a salesman who is no field rep has no visits (nor access to them)
        visit = Visit._sow_current_visit() if Visit.has_access("read") else Visit
        if visit and (
            visit.partner_id.commercial_partner_id != self.commercial_partner_id
        ):
            visit = visit.browse()
        return self.env["sale.order"]._sow_new_quotation_action(self, visit=visit)

    # ------------------------------------------------------------ credit
    def _sow_credit_figures(self, company, overdue_days=None):
        """What this customer (its commercial entity) owes ``company`` and has
        on order there, in the company's currency:

        - ``receivable``: open receivables, Odoo's own ``credit`` (posted,
          unreconciled receivable lines, the company and its branches);
        - ``to_invoice``: confirmed sales orders (of the customer and its
          contacts) not yet invoiced: their total less what posted invoices
          and credit notes of them already put into receivables;
        - ``limit``: the customer's credit limit (Odoo's ``credit_limit``, the
          company's default when the customer has none of its own; 0 is none);
        - with ``overdue_days`` (an integer, 0 for any overdue invoice): the
          posted customer invoices still open more than that many days after
          their due date: ``overdue_amount``, ``overdue_count`` and
          ``overdue_oldest`` (the one due first).

        Reps have no accounting rights: the figures are read as superuser,
        here only, and only these totals leave this method.
        """
        self.ensure_one()
        # sudo: receivables, credit limits, invoices and other reps' orders of
        # the customer are not readable by a rep; only totals are returned.
        partner = self.commercial_partner_id.with_company(company).sudo()
        # Odoo's credit is computed, not stored: read it afresh
        partner.invalidate_recordset(["credit", "credit_limit"])
        currency = company.currency_id
        today = fields.Date.context_today(self)
        orders = (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("company_id", "=", company.id),
                    ("partner_id", "child_of", partner.id),
                    ("state", "=", "sale"),
                    "|",
                    ("invoice_status", "!=", "invoiced"),
                    ("order_line.invoice_lines.parent_state", "=", "draft"),
                ]
            )
        )
        to_invoice = 0.0
        for order in orders:
            remaining = order.amount_total - order.amount_invoiced
            if order.currency_id.compare_amounts(remaining, 0.0) > 0:
                to_invoice += order.currency_id._convert(
                    remaining, currency, company, today
                )
        figures = {
            "partner": partner.sudo(False),
            "currency": currency,
            "receivable": currency.round(partner.credit),
            "to_invoice": currency.round(to_invoice),
            "limit": currency.round(partner.credit_limit),
        }
        if overdue_days is not None:
            overdue_domain = [
                ("company_id", "child_of", company.root_id.id),
                ("commercial_partner_id", "=", partner.id),
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("payment_state", "in", ("not_paid", "partial")),
                ("invoice_date_due", "<", today - timedelta(days=overdue_days)),
            ]
            Move = self.env["account.move"].sudo()
            [(amount, count)] = Move._read_group(
                overdue_domain, aggregates=["amount_residual_signed:sum", "__count"]
            )
            oldest = Move.search(overdue_domain, order="invoice_date_due, id", limit=1)
            figures.update(
                overdue_amount=currency.round(amount or 0.0),
                overdue_count=count,
                overdue_oldest=oldest.sudo(False),
                overdue_oldest_name=oldest.name,
                overdue_oldest_due=oldest.invoice_date_due,
                overdue_oldest_days=(today - oldest.invoice_date_due).days
                if oldest
                else 0,
            )
        return figures
