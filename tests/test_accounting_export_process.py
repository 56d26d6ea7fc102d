# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Exports whose files a child process checks and writes: the same plan and
bytes as in the server's own process, the database connection untouched,
and no child left behind."""

import os
from datetime import datetime
from unittest.mock import patch

from odoo.exceptions import UserError
from odoo.tests import tagged

from ..accounting_formats.background import can_fork
from ..models import accounting_connector
from .accounting_export_common import AccountingExportCommon


@tagged("post_install", "-at_install")
class TestAccountingExportProcess(AccountingExportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoices = cls.env["account.move"]
        for index in range(5):
            partner = (cls.customer_kl, cls.customer_png)[index % 2]
            cls.invoices |= cls._sow_invoice_taxed(
                partner,
                [
                    (cls.product_rice, 1 + index, 38.90, cls.tax_st10),
                    (cls.product_oil, 2, 29.50, cls.env["account.tax"]),
                ],
            )
        cls._sow_pay(cls.invoices[0], 50.0)
        cls._sow_refund(cls.invoices[1])
        # a name longer than SQL Account's field: a warning on each document
        cls.customer_png.name = "Kedai Ubat Chong Hin " + "Sdn Bhd " * 30

    def setUp(self):
        super().setUp()
        if not can_fork():
            self.skipTest("needs fork and two cores")
        self._sow_generate_codes(
            self.sql,
            self.customer_kl | self.customer_png,
            self.product_rice | self.product_oil,
        )

    def _plan(self, fork, chunk=2):
        connector = self.sql.with_context(sow_export_fork=fork)
        with patch.object(accounting_connector, "CHUNK", chunk):
            return connector._sow_plan(
                ["invoice", "credit_note", "payment"], self.today, self.today, False
            )

    def _gone(self, pid):
        with self.assertRaises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        return True

    def test_child_writes_what_the_server_writes(self):
        when = datetime(2026, 1, 2, 3, 4, 5)
        here = self._plan(False)
        forked = self._plan(True)
        self.assertFalse(here.checker.forked)
        self.assertTrue(forked.checker.forked)
        self.assertEqual(forked.problems, here.problems)
        self.assertTrue(any("is cut to" in str(p) for p in here.problems))
        self.assertEqual(forked.items, here.items)
        self.assertEqual(here.count("invoice"), 5)
        here_files = here.checker.files(when)
        forked_files = forked.checker.files(when)
        self.assertEqual(
            [(f.name, f.records) for f in forked_files],
            [(f.name, f.records) for f in here_files],
        )
        for mine, theirs in zip(forked_files, here_files, strict=True):
            self.assertEqual(mine.data, theirs.data, mine.name)
        self.assertTrue(self._gone(forked.checker.pid))
        # the server's connection is as it was: the child never used it
        self.env.cr.execute("SELECT count(*) FROM account_move")
        self.assertGreater(self.env.cr.fetchone()[0], 0)

    def test_export_with_a_child(self):
        plan = self._plan(True)
        batch = self.sql._sow_export(plan)
        self.assertEqual(batch.state, "done")
        self.assertEqual(len(batch.line_ids), 7)  # 5 invoices, 1 refund, 1 payment
        self.assertEqual(sorted(batch.attachment_ids.mapped("name"))[0][:6], "AR_PM.")
        data = batch._sow_file_bytes()
        self.assertEqual(len(data), 3)
        self.assertTrue(all(raw.startswith(b"PK") for raw in data.values()))
        self.assertTrue(self._gone(plan.checker.pid))

    def test_no_export_ends_the_child(self):
        self.sql.tax_ids.unlink()  # every taxed line misses its tax code
        plan = self._plan(True)
        self.assertTrue(plan.errors)
        with self.assertRaisesRegex(UserError, "tax code"):
            self.sql._sow_export(plan)
        self.assertTrue(self._gone(plan.checker.pid))
        # a preview: the plan is dropped, and its child with it
        plan = self._plan(True)
        pid = plan.checker.pid
        del plan
        self.assertTrue(self._gone(pid))

    def test_a_child_only_for_many_records(self):
        self.assertFalse(self._plan(None).checker.forked)
        with patch.object(accounting_connector, "FORK_FROM", 7):
            plan = self._plan(None)
            self.assertTrue(plan.checker.forked)
            plan.checker.close()
