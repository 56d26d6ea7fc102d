# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionAllocation(SowCollectionCommon):
    def test_rep_reads_open_invoices_without_accounting_rights(self):
        # The invoices were issued by the office: the rep cannot read them.
        with self.assertRaises(AccessError):
            self.inv_old.with_user(self.rep).read(["amount_residual"])
        collection = self._sow_collection(amount=0.0)
        collection.action_load_open_invoices()
        lines = collection.line_ids
        # Oldest due first; only the customer's invoices; residuals shown.
        self.assertEqual(lines.move_id, self.inv_old | self.inv_mid | self.inv_new)
        self.assertEqual(
            [line.move_id for line in lines], [self.inv_old, self.inv_mid, self.inv_new]
        )
        self.assertEqual(
            lines.mapped("invoice_name"),
            [self.inv_old.name, self.inv_mid.name, self.inv_new.name],
        )
        self.assertEqual(lines.mapped("invoice_residual"), [1000.0, 500.0, 300.0])
        self.assertEqual(
            lines.mapped("invoice_date_due"),
            [
                self.inv_old.invoice_date_due,
                self.inv_mid.invoice_date_due,
                self.inv_new.invoice_date_due,
            ],
        )
        self.assertEqual(lines.mapped("amount"), [0.0, 0.0, 0.0])
        # Listing again adds nothing twice.
        collection.action_load_open_invoices()
        self.assertEqual(len(collection.line_ids), 3)

    def test_paid_and_other_customers_invoices_are_not_listed(self):
        self._sow_register_payment(self.inv_mid, 500.0)
        collection = self._sow_collection(amount=0.0)
        collection.action_load_open_invoices()
        self.assertEqual(collection.line_ids.move_id, self.inv_old | self.inv_new)
        self.assertNotIn(self.inv_png, collection.line_ids.move_id)

    def test_oldest_first(self):
        collection = self._sow_collection(amount=1200.0)
        collection.action_allocate_oldest_first()
        self.assertEqual(
            [(line.move_id, line.amount) for line in collection.line_ids],
            [(self.inv_old, 1000.0), (self.inv_mid, 200.0)],
        )
        self.assertEqual(collection.allocated_amount, 1200.0)
        self.assertEqual(collection.unallocated_amount, 0.0)

    def test_oldest_first_leaves_the_rest_unallocated(self):
        collection = self._sow_collection(amount=2000.0)
        collection.action_allocate_oldest_first()
        self.assertEqual(collection.line_ids.mapped("amount"), [1000.0, 500.0, 300.0])
        self.assertEqual(collection.unallocated_amount, 200.0)

    def test_oldest_first_again_replaces_the_allocation(self):
        collection = self._sow_collection([(self.inv_new, 50.0)], amount=600.0)
        collection.action_allocate_oldest_first()
        self.assertEqual(
            [(line.move_id, line.amount) for line in collection.line_ids],
            [(self.inv_old, 600.0)],
        )

    def test_oldest_first_needs_an_amount(self):
        collection = self._sow_collection(amount=0.0)
        with self.assertRaisesRegex(UserError, "amount collected first"):
            collection.action_allocate_oldest_first()

    def test_oldest_first_skips_what_other_receipts_hold(self):
        # Another receipt, collected but not posted, holds 900 on inv_old.
        self._sow_collect([(self.inv_old, 900.0)], amount=900.0)
        collection = self._sow_collection(amount=400.0)
        collection.action_load_open_invoices()
        line_old = collection.line_ids.filtered(
            lambda line: line.move_id == self.inv_old
        )
        self.assertEqual(line_old.invoice_residual, 1000.0)
        self.assertEqual(line_old.invoice_available, 100.0)
        collection.action_allocate_oldest_first()
        self.assertEqual(
            [(line.move_id, line.amount) for line in collection.line_ids],
            [(self.inv_old, 100.0), (self.inv_mid, 300.0)],
        )

    def test_by_hand(self):
        collection = self._sow_collection(amount=450.0)
        collection.action_load_open_invoices()
        by_invoice = {line.move_id: line for line in collection.line_ids}
        by_invoice[self.inv_new].amount = 300.0
        by_invoice[self.inv_old].amount = 100.0
        self.assertEqual(collection.allocated_amount, 400.0)
        self.assertEqual(collection.unallocated_amount, 50.0)
        collection.action_collect()
        # Invoices listed with nothing applied are dropped at collection.
        self.assertEqual(
            [(line.move_id, line.amount) for line in collection.line_ids],
            [(self.inv_old, 100.0), (self.inv_new, 300.0)],
        )
        self.assertEqual(collection.state, "collected")

    def test_nothing_allocated_is_allowed(self):
        collection = self._sow_collect(amount=250.0)
        self.assertFalse(collection.line_ids)
        self.assertEqual(collection.unallocated_amount, 250.0)

    def test_allocation_is_fixed_for_the_rep_after_collection(self):
        collection = self._sow_collect([(self.inv_old, 100.0)], amount=100.0)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            collection.line_ids.amount = 50.0
        with self.assertRaisesRegex(UserError, "can no longer change"):
            collection.action_allocate_oldest_first()
        with self.assertRaisesRegex(UserError, "can no longer change"):
            collection.line_ids.unlink()

    def test_officer_may_reallocate_before_posting(self):
        collection = self._sow_collect([(self.inv_old, 100.0)], amount=100.0)
        as_officer = collection.with_user(self.officer)
        as_officer.line_ids.amount = 60.0
        self.assertEqual(as_officer.unallocated_amount, 40.0)
        with self.assertRaisesRegex(UserError, "can no longer change"):
            as_officer.amount = 90.0

    # ------------------------------------------------------------------ helpers
    def _sow_register_payment(self, invoice, amount):
        """The office registers a payment with Odoo's own wizard."""
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create(
            {"amount": amount, "journal_id": self.bank_journal.id}
        )._create_payments()
