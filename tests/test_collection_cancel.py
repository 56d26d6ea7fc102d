# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionCancel(SowCollectionCommon):
    def test_rep_cancels_his_collected_receipt_with_a_reason(self):
        collection = self._sow_collect([(self.inv_old, 100.0)], amount=100.0)
        number = collection.name
        action = collection.action_cancel()
        self.assertEqual(action["res_model"], "sale.collection.cancel")
        wizard = (
            self.env["sale.collection.cancel"]
            .with_user(self.rep)
            .with_context(**action["context"])
            .create({"reason": "  Customer will pay by transfer  "})
        )
        self.assertEqual(wizard.collection_ids, collection)
        self.assertEqual(wizard.posted_count, 0)
        wizard.action_confirm()
        self.assertEqual(collection.state, "cancelled")
        self.assertEqual(collection.name, number)
        self.assertEqual(collection.cancel_reason, "Customer will pay by transfer")
        self.assertEqual(collection.cancelled_by, self.rep)
        self.assertTrue(collection.cancelled_at)
        # what it held on the invoice is free again
        other = self._sow_collection(amount=1000.0)
        other.action_allocate_oldest_first()
        self.assertEqual(other.line_ids[0].amount, 1000.0)
        with self.assertRaisesRegex(UserError, "already cancelled"):
            collection.action_cancel(reason="again")

    def test_rep_cancels_a_draft(self):
        collection = self._sow_collection(amount=10.0)
        collection.action_cancel(reason="Typed by mistake")
        self.assertEqual(collection.state, "cancelled")
        self.assertFalse(collection.name)

    def test_rep_cannot_cancel_another_reps_or_handed_over_receipts(self):
        collection = self._sow_collect(amount=10.0)
        with self.assertRaises(AccessError):
            collection.with_user(self.rep2).action_cancel(reason="not mine")
        # a manager reads his team's receipts but cancels only his own
        with self.assertRaisesRegex(UserError, "only they or a collection officer"):
            collection.with_user(self.manager).action_cancel(reason="not mine")
        self._sow_hand_over(collection)
        with self.assertRaisesRegex(UserError, "only a collection officer"):
            collection.action_cancel(reason="too late")
        collection.with_user(self.officer).action_cancel(reason="Counterfeit note")
        self.assertEqual(collection.state, "cancelled")
        self.assertEqual(collection.cancelled_by, self.officer)

    def test_officer_cancels_a_posted_receipt_and_reverses_the_payment(self):
        collection = self._sow_collect(
            [(self.inv_old, 1000.0), (self.inv_mid, 200.0)],
            amount=1250.0,
            method="bank_transfer",
        )
        as_officer = collection.with_user(self.officer)
        as_officer.action_post()
        payment = collection.sudo().payment_ids
        self.assertEqual(self.inv_old.payment_state, "paid")
        with self.assertRaisesRegex(UserError, "only a collection officer"):
            collection.action_cancel(reason="mistake")

        action = as_officer.action_cancel()
        wizard = (
            self.env["sale.collection.cancel"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({"reason": "Transfer was for another customer"})
        )
        self.assertEqual(wizard.posted_count, 1)
        wizard.action_confirm()

        self.assertEqual(collection.state, "cancelled")
        self.assertEqual(payment.state, "canceled")
        reversal = self.env["account.move"].search(
            [("reversed_entry_id", "=", payment.move_id.id)]
        )
        self.assertEqual(reversal.state, "posted")
        self.assertEqual(payment.move_id.state, "posted")  # kept, reversed
        self.assertEqual(self.inv_old.payment_state, "not_paid")
        self.assertEqual(self.inv_old.amount_residual, 1000.0)
        self.assertEqual(self.inv_mid.amount_residual, 500.0)
        # no credit is left behind for the customer either
        self.assertFalse(
            self.inv_new.invoice_outstanding_credits_debits_widget,
        )
        self.assertFalse(self.customer_kl.sow_bounced_cheque)

    def test_numbered_receipts_are_never_deleted(self):
        collection = self._sow_collect(amount=10.0)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            collection.unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            collection.with_user(self.officer).unlink()
        draft = self._sow_collection(amount=10.0)
        draft.unlink()
        self.assertFalse(draft.exists())
