# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The manager's dashboard and the rep's My Day (screen and PDF), on the
fixed fixture of ``report_common``."""

from odoo.tests import tagged
from odoo.tools import format_date

from .report_common import D1, D2, SowReportCommon


@tagged("post_install", "-at_install")
class TestReportDashboard(SowReportCommon):
    def test_dashboard_figures(self):
        """Tuesday 3 March: today is the reps' Tuesday; the week (from Monday)
        and the month (from the 1st) hold both days."""
        Report = self.env["sale.rep.performance.report"].with_user(self.manager)
        Report.sow_dashboard_data(today=D2)  # record rules and names cached
        with self.assertQueryCount(4):
            data = Report.sow_dashboard_data(today=D2)
        periods = {period["key"]: period for period in data["periods"]}
        self.assertEqual(
            (periods["week"]["date_from"], periods["month"]["date_from"]),
            ("2026-03-02", "2026-03-01"),
        )
        today, week, month = (
            periods[key]["figures"] for key in ("today", "week", "month")
        )
        # Tuesday: rep (2 visits, O5 147.50, cheque 100.00, 4 h, quotation Q4)
        # and rep2 (O6 155.60, quotation won)
        self.assertEqual(
            (today["visit_count"], today["planned_count"], today["effective_count"]),
            (2, 2, 0),
        )
        self.assertAlmostEqual(today["order_amount"], 147.5 + 155.6)
        self.assertEqual(today["order_count"], 2)
        self.assertAlmostEqual(today["collected_cheque"], 100.0)
        self.assertAlmostEqual(today["attended_hours"], 4.0)
        self.assertAlmostEqual(today["conversion_rate"], 50.0)  # Q4 lost, O6 won
        for figures in (week, month):
            self.assertEqual(
                (
                    figures["planned_count"],
                    figures["visit_count"],
                    figures["verified_count"],
                    figures["effective_count"],
                    figures["quotation_count"],
                    figures["quotation_won_count"],
                    figures["order_count"],
                    figures["collection_count"],
                ),
                (7, 6, 4, 3, 5, 3, 3, 3),
            )
            self.assertAlmostEqual(figures["attended_hours"], 13.0)
            self.assertAlmostEqual(figures["visit_hours"], 5.0)
            self.assertAlmostEqual(figures["conversion_rate"], 60.0)
            self.assertAlmostEqual(figures["order_amount"], 692.1)
            self.assertAlmostEqual(figures["quotation_amount"], 790.0)
            self.assertAlmostEqual(figures["collected_amount"], 600.0)
            self.assertAlmostEqual(figures["collected_cash"], 300.0)
            self.assertAlmostEqual(figures["collected_cheque"], 100.0)
            self.assertAlmostEqual(figures["collected_bank_transfer"], 200.0)
        reps = {rep["user_id"]: rep["figures"] for rep in data["reps"]}
        self.assertEqual(set(reps), set(self.reps.ids))
        self.assertAlmostEqual(reps[self.rep.id]["order_amount"], 536.5)
        self.assertAlmostEqual(reps[self.rep2.id]["collected_amount"], 200.0)
        self.assertEqual(
            [row["key"] for row in data["rows"]][:4],
            ["planned_count", "visit_count", "verified_count", "effective_count"],
        )

    def test_dashboard_of_a_rep_is_his_own(self):
        data = (
            self.env["sale.rep.performance.report"]
            .with_user(self.rep2)
            .sow_dashboard_data(today=D2)
        )
        self.assertEqual([rep["user_id"] for rep in data["reps"]], self.rep2.ids)
        month = data["periods"][2]["figures"]
        self.assertEqual(month["visit_count"], 1)
        self.assertAlmostEqual(month["order_amount"], 155.6)

    def test_my_day_on_screen(self):
        day = (
            self.env["sale.rep.day"]
            .with_user(self.rep)
            .create({"date": D1, "company_id": self.company.id})
        )
        self.assertEqual(day.user_id, self.rep)
        expected = {
            "attended_hours": 5.0,
            "planned_count": 4,
            "visit_count": 3,
            "verified_count": 1,
            "effective_count": 2,
            "flagged_count": 2,
            "visit_hours": 2.5,
            "quotation_count": 3,
            "quotation_amount": 595.5,
            "order_count": 1,
            "order_amount": 389.0,
            "collected_cash": 300.0,
            "collected_cheque": 0.0,
            "collected_amount": 300.0,
            "receivable_amount": 2400.0,
        }
        for name, value in expected.items():
            self.assertAlmostEqual(day[name], value, msg=name)
        self.assertAlmostEqual(day.conversion_rate, 200 / 3)
        # the cancelled visit V5 is not part of the day
        self.assertEqual(
            day.visit_report_ids.visit_id, self.v1 | self.v2 | self.v3 | self.v4
        )

    def test_my_day_of_another_rep_shows_nothing(self):
        day = (
            self.env["sale.rep.day"]
            .with_user(self.rep)
            .create({"date": D1, "user_id": self.rep2.id})
        )
        self.assertEqual((day.visit_count, day.collected_amount), (0, 0.0))
        self.assertFalse(day.visit_report_ids)

    def test_my_day_pdf(self):
        """The PDF's content, rendered as HTML (what tests get instead of a PDF)."""
        day = (
            self.env["sale.rep.day"]
            .with_user(self.rep)
            .create({"date": D1, "company_id": self.company.id})
        )
        # the breadcrumb names the rep and the day
        self.assertEqual(
            day.display_name, f"{self.rep.name}, {format_date(self.env, D1)}"
        )
        action = day.action_print()
        self.assertEqual(
            action["report_name"], "sales_order_workflow.report_sale_rep_day"
        )
        html, kind = (
            self.env["ir.actions.report"]
            .with_user(self.rep)
            ._render_qweb_html("sales_order_workflow.report_sale_rep_day", day.ids)
        )
        self.assertEqual(kind, "html")
        html = html.decode().replace("\xa0", " ")
        for text in (
            self.rep.name,
            "Kedai Runcit Ah Seng",
            "Kedai Kopi Hock Lee",
            "66.7",
            "595.50",
            "389.00",
            "300.00",
            "2,400.00",
            "05:00",  # 5 hours attended
            "02:30",  # 2.5 hours at customers
            "13:30",  # V1 checked in 05:30 UTC, 13:30 in Kuala Lumpur
        ):
            self.assertIn(text, html)
        self.assertNotIn("Kedai Ubat Chong Hin", html)  # rep2's customer

    def test_my_day_from_the_field_screen(self):
        action = self.env["sale.rep.day"].with_user(self.rep).action_open_my_day()
        day = self.env["sale.rep.day"].browse(action["res_id"])
        self.assertEqual(
            (day.user_id, day.res_model if False else action["res_model"]),
            (self.rep, "sale.rep.day"),
        )
