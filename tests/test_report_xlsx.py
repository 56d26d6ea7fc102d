# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The "Sales activity report" workbook, read back cell by cell (fixture of
``report_common``)."""

import base64
import io
from datetime import datetime

import openpyxl

from odoo.exceptions import UserError
from odoo.tests import tagged

from .report_common import D1, D2, SowReportCommon


@tagged("post_install", "-at_install")
class TestReportXlsx(SowReportCommon):
    def _export(self, user=None, reps=None, date_from=D1, date_to=D2):
        user = user or self.manager
        wizard = (
            self.env["sale.activity.report.wizard"]
            .with_user(user)
            .create(
                {
                    "date_from": date_from,
                    "date_to": date_to,
                    "company_id": self.company.id,
                    "user_ids": [(6, 0, (reps or self.reps).ids)],
                }
            )
        )
        action = wizard.action_export()
        self.assertIn(f"id={wizard.id}", action["url"])
        content = base64.b64decode(wizard.file_data)
        self.assertTrue(wizard.file_name.endswith(".xlsx"))
        return (
            openpyxl.load_workbook(io.BytesIO(content), data_only=True),
            openpyxl.load_workbook(io.BytesIO(content)),
        )

    @staticmethod
    def _rows(ws, first=2):
        return [
            [cell.value for cell in row]
            for row in ws.iter_rows(min_row=first, max_row=ws.max_row)
        ]

    def test_workbook(self):
        book, formulas = self._export()
        self.assertEqual(
            book.sheetnames,
            ["Summary", "Visits", "Orders", "Collections", "Attendance"],
        )

        # ---- Summary: a row per rep (by name), the total; header on row 4
        ws = book["Summary"]
        self.assertEqual(ws["A1"].value, "Sales activity report")
        self.assertEqual(ws.freeze_panes, "B5")
        header = [cell.value for cell in ws[4]]
        self.assertEqual(
            header[:5],
            [
                "Rep",
                "Planned visits",
                "Visits made",
                "Verified visits",
                "Effective visits",
            ],
        )
        self.assertEqual(header[-1], "Collected")
        # planned, made, verified, effective, hours attended, hours at
        # customers, quotations, quoted, conversion, orders, ordered, cash,
        # cheques, transfers, e-wallet, card, collected
        expected = {
            self.rep.name: [
                6,
                5,
                3,
                2,
                9.0,
                4.0,
                4,
                634.4,
                50.0,
                2,
                536.5,
                300.0,
                100.0,
                0,
                0,
                0,
                400.0,
            ],
            self.rep2.name: [
                1,
                1,
                1,
                1,
                4.0,
                1.0,
                1,
                155.6,
                100.0,
                1,
                155.6,
                0,
                0,
                200.0,
                0,
                0,
                200.0,
            ],
            "Total": [
                7,
                6,
                4,
                3,
                13.0,
                5.0,
                5,
                790.0,
                60.0,
                3,
                692.1,
                300.0,
                100.0,
                200.0,
                0,
                0,
                600.0,
            ],
        }
        rows = self._rows(ws, first=5)
        self.assertEqual(
            [row[0] for row in rows],
            sorted([self.rep.name, self.rep2.name]) + ["Total"],
        )
        for row in rows:
            for col, (got, want) in enumerate(
                zip(row[1:], expected[row[0]], strict=True)
            ):
                self.assertAlmostEqual(
                    got, want, places=2, msg=f"{row[0]} {header[col + 1]}"
                )
        self.assertEqual(formulas["Summary"]["L7"].value, "=SUM(L5:L6)")
        self.assertEqual(ws["L5"].number_format, "#,##0.00")
        self.assertEqual(ws["J7"].value, 60.0)  # the total's own conversion

        # ---- Visits: all but the cancelled one, in time order, local times
        ws = book["Visits"]
        self.assertEqual(ws.freeze_panes, "A2")
        rows = self._rows(ws)
        visits = self.v8 | self.v1 | self.v2 | self.v3 | self.v4 | self.v6 | self.v7
        self.assertEqual([row[0] for row in rows[:-1]], visits.mapped("name"))
        v1 = rows[1]
        self.assertEqual(v1[1], datetime(2026, 3, 2, 13, 30))
        self.assertEqual(
            v1[2:10],
            [
                self.rep.name,
                "Kedai Runcit Ah Seng",
                "Checked Out",
                "Verified",
                None,
                1.0,
                "Yes",
                1,
            ],
        )
        self.assertEqual(v1[10:], [389.0, 1, 389.0, 0])
        self.assertEqual(rows[3][4:7], ["Checked Out", "Outside Radius", "Yes"])
        self.assertEqual(rows[3][13], 300.0)
        self.assertEqual(rows[4][4], "Planned")  # V4
        total = rows[-1]
        self.assertEqual(total[0], "Total")
        self.assertAlmostEqual(total[7], 5.0)
        self.assertEqual(total[9], 3)  # O1, Q2, Q4
        self.assertAlmostEqual(total[12], 389.0)
        self.assertAlmostEqual(total[13], 500.0)
        self.assertEqual(ws["B2"].number_format, "yyyy-mm-dd hh:mm")

        # ---- Orders: confirmed orders by order date (local), the total
        rows = self._rows(book["Orders"])
        self.assertEqual(
            [row[:2] for row in rows[:-1]],
            [
                [self.o1.name, datetime(2026, 3, 2, 13, 50)],
                [self.o6.name, datetime(2026, 3, 3, 1, 0)],
                [self.o5.name, datetime(2026, 3, 3, 10, 0)],
            ],
        )
        self.assertEqual(rows[0][4], self.v1.name)
        self.assertEqual([row[5] for row in rows], [389.0, 155.6, 147.5, 692.1])
        self.assertEqual(formulas["Orders"]["F5"].value, "=SUM(F2:F4)")

        # ---- Collections: counted allocations
        rows = self._rows(book["Collections"])
        self.assertEqual(
            [row[1] for row in rows[:-1]], [self.c1.name, self.c3.name, self.c4.name]
        )
        self.assertEqual(
            rows[0][4:10],
            ["Cash", "Collected", self.inv_a.name, datetime(2026, 2, 14), 16, 300.0],
        )
        self.assertEqual(rows[1][4:6], ["Bank Transfer / DuitNow", "Posted"])
        self.assertEqual(rows[1][8], -10)
        self.assertEqual(rows[-1][9], 600.0)
        self.assertEqual(book["Collections"]["A2"].number_format, "yyyy-mm-dd")

        # ---- Attendance: a row per rep and day
        rows = self._rows(book["Attendance"])
        self.assertEqual(
            [row[:5] for row in rows[:-1]],
            sorted(
                [
                    [datetime(2026, 3, 2), self.rep.name, 1, 5.0, 2.5],
                    [datetime(2026, 3, 2), self.rep2.name, 1, 4.0, 1.0],
                    [datetime(2026, 3, 3), self.rep.name, 1, 4.0, 1.5],
                ],
                key=lambda row: (row[0], row[1] != self.rep.name),
            ),
        )
        self.assertEqual(rows[-1][2:5], [3, 13.0, 5.0])

    def test_one_rep_and_one_day(self):
        book, _formulas = self._export(reps=self.rep2, date_from=D1, date_to=D1)
        rows = self._rows(book["Summary"], first=5)
        self.assertEqual([row[0] for row in rows], [self.rep2.name, "Total"])
        self.assertEqual(
            self._rows(book["Orders"]), [["Total", None, None, None, None, 0]]
        )

    def test_rep_gets_his_own_figures(self):
        book, _formulas = self._export(user=self.rep)
        rows = self._rows(book["Summary"], first=5)
        self.assertEqual([row[0] for row in rows], [self.rep.name, "Total"])
        self.assertEqual(len(self._rows(book["Visits"])), 7)  # 6 visits + total

    def test_dates_in_order(self):
        with self.assertRaises(UserError):
            self.env["sale.activity.report.wizard"].create(
                {"date_from": D2, "date_to": D1}
            )

    def test_query_count(self):
        """The workbook in a fixed number of queries (a few per sheet and per
        model whose names it shows), whatever the number of rows."""
        Wizard = self.env["sale.activity.report.wizard"].with_user(self.manager)
        one_day = Wizard.create(
            {"date_from": D1, "date_to": D1, "company_id": self.company.id}
        )
        two_days = Wizard.create(
            {"date_from": D1, "date_to": D2, "company_id": self.company.id}
        )

        def count(wizard):
            wizard._sow_xlsx()  # record rules and translations cached
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            wizard._sow_xlsx()
            return self.env.cr.sql_log_count - before

        count(one_day)  # the first run after the set-up reads more (caches)
        self.assertEqual(count(one_day), count(two_days))
        self.assertLessEqual(count(two_days), 27)
