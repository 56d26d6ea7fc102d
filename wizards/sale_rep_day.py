# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.tools import format_date

from ..report.sale_rep_performance_report import MEASURES


class SaleRepDay(models.TransientModel):
    """My Day: a rep's day summed up at clock-out, on screen and as a PDF.

    Every figure is read from the rep performance report (README, "Reports:
    definitions"), whose rules let a rep read his own days only."""

    _name = "sale.rep.day"
    _description = "Rep's Day Summary"

    user_id = fields.Many2one(
        "res.users",
        string="Rep",
        required=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    date = fields.Date(string="Day", required=True, default=fields.Date.context_today)
    attendance_count = fields.Integer(compute="_compute_figures")
    attended_hours = fields.Float(string="Hours Attended", compute="_compute_figures")
    planned_count = fields.Integer(string="Planned Visits", compute="_compute_figures")
    visit_count = fields.Integer(string="Visits Made", compute="_compute_figures")
    verified_count = fields.Integer(
        string="Verified Visits", compute="_compute_figures"
    )
    effective_count = fields.Integer(
        string="Effective Visits", compute="_compute_figures"
    )
    flagged_count = fields.Integer(string="Flagged Visits", compute="_compute_figures")
    visit_hours = fields.Float(string="Hours at Customers", compute="_compute_figures")
    quotation_count = fields.Integer(string="Quotations", compute="_compute_figures")
    quotation_amount = fields.Monetary(
        string="Quoted (untaxed)", compute="_compute_figures"
    )
    quotation_won_count = fields.Integer(
        string="Quotations Won", compute="_compute_figures"
    )
    conversion_rate = fields.Float(string="Conversion (%)", compute="_compute_figures")
    order_count = fields.Integer(string="Orders", compute="_compute_figures")
    order_amount = fields.Monetary(
        string="Ordered (untaxed)", compute="_compute_figures"
    )
    collection_count = fields.Integer(string="Receipts", compute="_compute_figures")
    collected_amount = fields.Monetary(string="Collected", compute="_compute_figures")
    collected_cash = fields.Monetary(string="Cash", compute="_compute_figures")
    collected_cheque = fields.Monetary(string="Cheques", compute="_compute_figures")
    collected_bank_transfer = fields.Monetary(
        string="Bank Transfers", compute="_compute_figures"
    )
    collected_ewallet = fields.Monetary(string="E-wallet", compute="_compute_figures")
    collected_card = fields.Monetary(string="Card", compute="_compute_figures")
    receivable_amount = fields.Monetary(
        string="Receivables of Customers Visited", compute="_compute_figures"
    )
    visit_report_ids = fields.Many2many(
        "sale.visit.report", string="Visits", compute="_compute_visit_report_ids"
    )

    @api.depends("user_id", "company_id", "date")
    def _compute_figures(self):
        Report = self.env["sale.rep.performance.report"]
        for day in self:
            figures = Report._sow_figures(
                [
                    ("user_id", "=", day.user_id.id),
                    ("company_id", "=", day.company_id.id),
                    ("date", "=", day.date),
                ]
            )
            for name in (*MEASURES, "conversion_rate"):
                day[name] = figures[name] or 0

    @api.depends("user_id", "company_id", "date")
    def _compute_visit_report_ids(self):
        Visit = self.env["sale.visit.report"]
        for day in self:
            day.visit_report_ids = Visit.search(
                [
                    ("user_id", "=", day.user_id.id),
                    ("company_id", "=", day.company_id.id),
                    ("state", "!=", "cancelled"),
                    "|",
                    ("check_in_day", "=", day.date),
                    "&",
                    ("check_in", "=", False),
                    ("planned_day", "=", day.date),
                ],
                order="date, id",
            )

    @api.model
    @api.depends("user_id", "date")
    def _compute_display_name(self):
        for day in self:
            day.display_name = self.env._(
                "%(rep)s, %(day)s",
                rep=day.user_id.name or "",
                day=format_date(self.env, day.date) if day.date else "",
            )

    def action_open_my_day(self):
        """My Day summary of today, for the user (the field screen's button)."""
        day = self.create({})
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("My Day"),
            "res_model": self._name,
            "res_id": day.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def action_print(self):
        return self.env.ref(
            "sales_order_workflow.action_report_sale_rep_day"
        ).report_action(self)
