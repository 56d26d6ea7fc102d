# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Posting costs a constant number of queries per receipt, whatever the
batch (speed itself is measured in bench/, not here)."""

from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionPerformance(SowCollectionCommon):
    def _receipts(self, count):
        """``count`` bank-transfer receipts, each settling three invoices
        (two fully, one partly) and leaving some credit."""
        receipts = self.env["sale.collection"]
        for _i in range(count):
            invoices = [
                self._sow_office_invoice(self.customer_kl, amount, days)
                for amount, days in ((100.0, 40), (200.0, 30), (300.0, 20))
            ]
            receipts |= self._sow_collect(
                [(invoices[0], 100.0), (invoices[1], 200.0), (invoices[2], 150.0)],
                amount=500.0,
                method="bank_transfer",
            )
        self.env.invalidate_all()
        return receipts.with_user(self.officer)

    def _post(self, receipts):
        self.env.flush_all()
        before = self.cr.sql_log_count
        receipts.action_post()
        self.env.flush_all()
        return self.cr.sql_log_count - before

    def test_constant_queries_per_receipt(self):
        """Posting n receipts of three invoices each costs at most
        BASE + PER_RECEIPT * n queries (measured: 104 + 35 n)."""
        base, per_receipt = 110, 36
        self._post(self._receipts(1))  # warm the caches up
        receipts = self._receipts(1)
        with self.assertQueryCount(base + per_receipt):
            receipts.action_post()
        receipts = self._receipts(8)
        with self.assertQueryCount(base + 8 * per_receipt):
            receipts.action_post()
        # and each further receipt in a batch adds no more than that
        counts = [self._post(self._receipts(n)) for n in (2, 4, 6)]
        for smaller, larger in zip(counts, counts[1:], strict=False):
            self.assertLessEqual((larger - smaller) / 2, per_receipt, counts)
        self.assertEqual(
            len(receipts.filtered(lambda r: r.state == "posted")), len(receipts)
        )
