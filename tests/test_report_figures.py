# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Every figure of the three analysis reports against the fixed fixture of
``report_common`` (worked out by hand there)."""

from datetime import timedelta

from odoo.tests import tagged

from .report_common import D1, D2, SowReportCommon, utc


@tagged("post_install", "-at_install")
class TestReportFigures(SowReportCommon):
    def assertRow(self, record, expected):
        for name, value in expected.items():
            with self.subTest(record=record.display_name, field=name):
                if isinstance(value, float):
                    self.assertAlmostEqual(record[name], value, places=2)
                else:
                    self.assertEqual(record[name], value)

    # ------------------------------------------------------------------ visits
    def test_visit_report(self):
        Report = self.env["sale.visit.report"]
        rows = Report.search([("user_id", "in", self.reps.ids)])
        self.assertEqual(
            sorted(rows.ids),
            sorted(
                (
                    self.v1
                    | self.v2
                    | self.v3
                    | self.v4
                    | self.v5
                    | self.v6
                    | self.v7
                    | self.v8
                ).ids
            ),
        )
        zero = {
            "quotation_count": 0,
            "quotation_amount": 0.0,
            "order_count": 0,
            "order_amount": 0.0,
            "collection_count": 0,
            "collected_amount": 0.0,
            "effective_count": 0,
            "is_effective": False,
            "is_flagged": False,
            "flagged_count": 0,
        }
        made = {"made_count": 1, "state": "checked_out"}
        expected = {
            self.v1: {
                **zero,
                **made,
                "location_status": "verified",
                "verified_count": 1,
                "duration": 1.0,
                "check_in_day": D1,
                "quotation_count": 1,
                "quotation_amount": 389.0,
                "order_count": 1,
                "order_amount": 389.0,
                "effective_count": 1,
                "is_effective": True,
            },
            self.v2: {
                **zero,
                **made,
                "location_status": "no_customer_location",
                "verified_count": 0,
                "duration": 0.5,
                "check_in_day": D1,
                "is_flagged": True,
                "flag_low_accuracy": True,
                "flagged_count": 1,
                "quotation_count": 1,
                "quotation_amount": 59.0,
            },
            self.v3: {
                **zero,
                **made,
                "location_status": "outside",
                "verified_count": 0,
                "duration": 1.0,
                "check_in_day": D1,
                "is_flagged": True,
                "flag_travel_speed": True,
                "flagged_count": 1,
                "collection_count": 1,
                "collected_amount": 300.0,
                "effective_count": 1,
                "is_effective": True,
            },
            self.v4: {
                **zero,
                "state": "planned",
                "made_count": 0,
                "verified_count": 0,
                "duration": 0.0,
                "check_in_day": False,
                "planned_day": D1,
                "date": utc(2, 9, 30),
            },
            self.v5: {
                **zero,
                "state": "cancelled",
                "made_count": 0,
                "verified_count": 0,
                "planned_day": D1,
            },
            self.v6: {
                **zero,
                **made,
                "location_status": "verified",
                "verified_count": 1,
                "duration": 0.5,
                "check_in_day": D2,
                "outcome": "no_order",
            },
            # a cancelled quotation is still a quotation; a draft receipt
            # is not money collected
            self.v7: {
                **zero,
                **made,
                "location_status": "verified",
                "verified_count": 1,
                "duration": 1.0,
                "check_in_day": D2,
                "quotation_count": 1,
                "quotation_amount": 38.9,
            },
            # checked in at 07:45 local on 2 March (23:45 UTC on the 1st)
            self.v8: {
                **zero,
                **made,
                "location_status": "verified",
                "verified_count": 1,
                "duration": 1.0,
                "check_in_day": D1,
                "planned_day": D1,
                "date": utc(1, 23, 45),
                "collection_count": 1,
                "collected_amount": 200.0,
                "effective_count": 1,
                "is_effective": True,
                "user_id": self.rep2,
                "team_id": self.team,
            },
        }
        for visit, values in expected.items():
            self.assertRow(Report.browse(visit.id), values)
        self.assertEqual(Report.browse(self.v1.id).team_id, self.team)
        self.assertEqual(
            Report.browse(self.v1.id).currency_id, self.company.currency_id
        )

    def test_visit_report_grouped(self):
        groups = self.env["sale.visit.report"]._read_group(
            [("user_id", "in", self.reps.ids)],
            ["user_id"],
            [
                "__count",
                "made_count:sum",
                "verified_count:sum",
                "effective_count:sum",
                "duration:sum",
                "order_amount:sum",
                "collected_amount:sum",
            ],
        )
        self.assertEqual(
            sorted((u.login, *rest) for u, *rest in groups),
            [
                ("sow_rep", 7, 5, 3, 2, 4.0, 389.0, 300.0),
                ("sow_rep2", 1, 1, 1, 1, 1.0, 0.0, 200.0),
            ],
        )

    # ------------------------------------------------------------------ collections
    def test_collection_report(self):
        Report = self.env["sale.collection.report"]
        rows = Report.search([("user_id", "in", self.reps.ids)])
        by_receipt = {row.collection_id: row for row in rows}
        self.assertEqual(len(rows), 4)
        self.assertEqual(set(by_receipt), set(self.c1 | self.c2 | self.c3 | self.c4))
        common = {
            "move_id": self.inv_a,
            "invoice_date_due": D1.replace(month=2, day=14),
            "partner_id": self.customer_kl,
            "user_id": self.rep,
            "team_id": self.team,
            "currency_id": self.company.currency_id,
        }
        expected = {
            self.c1: {
                **common,
                "method": "cash",
                "date": D1,
                "state": "collected",
                "is_counted": True,
                "amount": 300.0,
                "days_after_due": 16,
                "is_overdue": True,
                "visit_id": self.v3,
            },
            self.c2: {
                **common,
                "method": "cheque",
                "date": D2,
                "state": "draft",
                "is_counted": False,
                "amount": 150.0,
                "days_after_due": 17,
                "is_overdue": True,
                "visit_id": self.v7,
            },
            self.c3: {
                "move_id": self.inv_b,
                "user_id": self.rep2,
                "partner_id": self.customer_png,
                "method": "bank_transfer",
                "date": D1,
                "state": "posted",
                "is_counted": True,
                "amount": 200.0,
                "days_after_due": -10,
                "is_overdue": False,
                "visit_id": self.v8,
                "invoice_date": D1.replace(month=2, day=10),
            },
            self.c4: {
                **common,
                "method": "cheque",
                "date": D2,
                "state": "collected",
                "is_counted": True,
                "amount": 100.0,
                "days_after_due": 17,
                "is_overdue": True,
                "visit_id": self.env["sale.visit"],
                "is_pdc": False,
            },
        }
        for receipt, values in expected.items():
            self.assertRow(by_receipt[receipt], values)
        # average days after due over the counted allocations: (16 - 10 + 17) / 3
        [(count, amount, days)] = Report._read_group(
            [("user_id", "in", self.reps.ids), ("is_counted", "=", True)],
            [],
            ["__count", "amount:sum", "days_after_due:avg"],
        )
        self.assertEqual((count, amount), (3, 600.0))
        self.assertAlmostEqual(days, 23 / 3, places=4)

    # ------------------------------------------------------------------ performance
    def _performance_rows(self):
        rows = self.env["sale.rep.performance.report"].search(
            [("user_id", "in", self.reps.ids)]
        )
        return {(row.user_id, row.date): row for row in rows}

    def test_performance_report_rows(self):
        rows = self._performance_rows()
        self.assertEqual(
            set(rows),
            {(self.rep, D1), (self.rep, D2), (self.rep2, D1), (self.rep2, D2)},
        )
        zero = dict.fromkeys(
            (
                "attendance_count",
                "planned_count",
                "visit_count",
                "verified_count",
                "effective_count",
                "flagged_count",
                "quotation_count",
                "quotation_won_count",
                "order_count",
                "collection_count",
            ),
            0,
        )
        zero.update(
            dict.fromkeys(
                (
                    "attended_hours",
                    "visit_hours",
                    "quotation_amount",
                    "order_amount",
                    "collected_amount",
                    "collected_cash",
                    "collected_cheque",
                    "collected_bank_transfer",
                    "collected_ewallet",
                    "collected_card",
                    "receivable_amount",
                    "conversion_rate",
                ),
                0.0,
            )
        )
        # Ah Seng owes 1,800.00 (set-up) + INV_A 600.00 (receipts not posted);
        # Hock Lee nothing; Chong Hin 400.00 + INV_B 300.00 - 200.00 posted
        expected = {
            (self.rep, D1): {
                **zero,
                "attendance_count": 1,
                "attended_hours": 5.0,
                "planned_count": 4,
                "visit_count": 3,
                "verified_count": 1,
                "effective_count": 2,
                "flagged_count": 2,
                "visit_hours": 2.5,
                "quotation_count": 3,
                "quotation_amount": 595.5,
                "quotation_won_count": 2,
                "conversion_rate": 200 / 3,
                "order_count": 1,
                "order_amount": 389.0,
                "collection_count": 1,
                "collected_amount": 300.0,
                "collected_cash": 300.0,
                "receivable_amount": 2400.0,
                "team_id": self.team,
            },
            (self.rep, D2): {
                **zero,
                "attendance_count": 1,
                "attended_hours": 4.0,
                "planned_count": 2,
                "visit_count": 2,
                "verified_count": 2,
                "visit_hours": 1.5,
                "quotation_count": 1,
                "quotation_amount": 38.9,
                "order_count": 1,
                "order_amount": 147.5,
                "collection_count": 1,
                "collected_amount": 100.0,
                "collected_cheque": 100.0,
                "receivable_amount": 2400.0,
            },
            (self.rep2, D1): {
                **zero,
                "attendance_count": 1,
                "attended_hours": 4.0,
                "planned_count": 1,
                "visit_count": 1,
                "verified_count": 1,
                "effective_count": 1,
                "visit_hours": 1.0,
                "collection_count": 1,
                "collected_amount": 200.0,
                "collected_bank_transfer": 200.0,
                "receivable_amount": 500.0,
                "team_id": self.team,
            },
            (self.rep2, D2): {
                **zero,
                "quotation_count": 1,
                "quotation_amount": 155.6,
                "quotation_won_count": 1,
                "conversion_rate": 100.0,
                "order_count": 1,
                "order_amount": 155.6,
            },
        }
        for key, values in expected.items():
            self.assertRow(rows[key], values)

    def test_performance_report_grouped_conversion(self):
        """Conversion of a group is its quotations won over its quotations,
        not an average of the days' percentages."""
        groups = self.env["sale.rep.performance.report"]._sow_figures(
            [("user_id", "in", self.reps.ids)], groupby=["user_id"]
        )
        figures = {user.login: values for (user,), values in groups}
        self.assertAlmostEqual(figures["sow_rep"]["conversion_rate"], 50.0)  # 2/4
        self.assertAlmostEqual(figures["sow_rep2"]["conversion_rate"], 100.0)
        self.assertEqual(figures["sow_rep"]["effective_count"], 2)
        self.assertAlmostEqual(figures["sow_rep"]["attended_hours"], 9.0)
        self.assertAlmostEqual(figures["sow_rep"]["collected_amount"], 400.0)
        total = self.env["sale.rep.performance.report"]._sow_figures(
            [("user_id", "in", self.reps.ids)]
        )
        self.assertAlmostEqual(total["conversion_rate"], 60.0)  # 3/5
        self.assertEqual(total["visit_count"], 6)
        self.assertAlmostEqual(total["order_amount"], 389.0 + 147.5 + 155.6)

    def test_performance_report_bounded_reads(self):
        """A domain that bounds the day reads only those days' rows of each
        source (the dashboard, My Day, a month's pivot), with the same
        figures as a read of the whole view."""
        Report = self.env["sale.rep.performance.report"]
        reps = [("user_id", "in", self.reps.ids)]
        groupby = ["user_id", "date:day"]
        next_day = D2 + timedelta(days=1)
        for first, last in [
            (D1, D1),  # holds the 07:45 check-in, 23:45 UTC the day before
            (D2, D2),
            (D1, D2),
            (D1, None),
            (None, D1),
            (next_day, None),
        ]:
            domain = list(reps)
            if first:
                domain.append(("date", ">=", first))
            if last:
                domain.append(("date", "<=", last))
            with self.subTest(first=first, last=last):
                query = Report._where_calc(domain)
                self.assertIn("::timestamp", query.from_clause.code)
                bounded = Report._sow_figures(domain, groupby)
                whole = Report.with_context(sow_report_unbounded=True)._sow_figures(
                    domain, groupby
                )
                self.assertEqual(bounded, whole)
                self.assertEqual(bool(bounded), next_day != first)
        self.assertNotIn("::timestamp", Report._where_calc(reps).from_clause.code)
        # a day that is one of several alternatives bounds nothing
        self.assertIsNone(
            Report._sow_day_range(["|", ("date", ">=", D1), ("user_id", "=", 1)])
        )
        self.assertEqual(
            Report._sow_day_range(
                [("date", ">=", D1), ("date", "<", D2), ("date", ">=", D2)]
            ),
            (D2, D2),
        )

    def test_foreign_currency_receipt(self):
        """A receipt in US dollars counts in ringgit at the company's rate of
        its date (the latest rate on or before it)."""
        usd = self.env.ref("base.USD")
        usd.action_unarchive()
        rates = self.env["res.currency.rate"]
        rates.search([("currency_id", "=", usd.id)]).unlink()
        rates.create(
            [
                # 1 ringgit = 0.20 dollars before March, 0.25 from 1 March
                {
                    "currency_id": usd.id,
                    "name": "2026-01-01",
                    "rate": 0.20,
                    "company_id": self.company.id,
                },
                {
                    "currency_id": usd.id,
                    "name": "2026-03-01",
                    "rate": 0.25,
                    "company_id": self.company.id,
                },
                {
                    "currency_id": usd.id,
                    "name": "2026-03-10",
                    "rate": 0.50,
                    "company_id": self.company.id,
                },
            ]
        )
        receipt = (
            self.env["sale.collection"]
            .with_user(self.rep2)
            .create(
                {
                    "partner_id": self.customer_png.id,
                    "amount": 100.0,
                    "currency_id": usd.id,
                    "method": "cash",
                    "date": D2,
                    "visit_id": False,
                }
            )
        )
        receipt.action_collect()
        self.env.flush_all()
        row = self.env["sale.rep.performance.report"].search(
            [("user_id", "=", self.rep2.id), ("date", "=", D2)]
        )
        self.assertAlmostEqual(row.collected_cash, 400.0)  # 100 / 0.25
        self.assertAlmostEqual(row.collected_amount, 400.0)
        self.assertEqual(row.collection_count, 1)
