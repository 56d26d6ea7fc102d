# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionHandover(SowCollectionCommon):
    def setUp(self):
        super().setUp()
        self.cash1 = self._sow_collect([(self.inv_old, 300.0)], amount=300.0)
        self.cash2 = self._sow_collect(amount=150.5)
        self.cheque = self._sow_collect(
            [(self.inv_mid, 500.0)], amount=500.0, method="cheque"
        )
        self.transfer = self._sow_collect(amount=80.0, method="bank_transfer")
        self.collections = self.cash1 | self.cash2 | self.cheque | self.transfer

    def _new_handover(self, user=None):
        return (
            self.env["sale.collection.handover"].with_user(user or self.rep).create({})
        )

    def test_gather_count_submit_receive_post(self):
        # rep2's receipt and a draft are not gathered
        other = self._sow_collect(user=self.rep2, partner=self.customer_png, amount=9.0)
        draft = self._sow_collection(amount=7.0)
        handover = self._new_handover()
        self.assertTrue(handover.name.startswith(f"HO/{self.today.year}/"))
        handover.action_add_collected()
        self.assertEqual(handover.collection_ids, self.collections)
        self.assertNotIn(other, handover.collection_ids)
        self.assertNotIn(draft, handover.collection_ids)
        self.assertEqual(handover.collection_count, 4)
        self.assertEqual(handover.amount_cash, 450.5)
        self.assertEqual(handover.amount_cheque, 500.0)
        self.assertEqual(handover.cheque_count, 1)
        self.assertEqual(handover.amount_bank_transfer, 80.0)
        self.assertEqual(handover.amount_total, 1030.5)

        # counted by denomination: RM 450.50 = 4 x 100 + 1 x 50 + 1 x 0.50
        handover.action_count_denominations()
        values = handover.denomination_ids.mapped("value")
        self.assertEqual(values[:3], [100.0, 50.0, 20.0])
        self.assertEqual(values[-1], 0.05)
        counts = {100.0: 4, 50.0: 1, 0.5: 1}
        for line in handover.denomination_ids:
            line.count = counts.get(line.value, 0)
        self.assertEqual(handover.counted_amount, 450.5)
        self.assertEqual(handover.variance, 0.0)

        handover.action_submit()
        self.assertEqual(handover.state, "submitted")
        self.assertTrue(handover.submitted_at)
        self.assertEqual(set(self.collections.mapped("state")), {"handed_over"})
        # the rep can no longer change what he declared
        with self.assertRaisesRegex(UserError, "can no longer change"):
            handover.counted_amount = 500.0
        with self.assertRaisesRegex(UserError, "can no longer change"):
            handover.denomination_ids[0].count = 9
        with self.assertRaisesRegex(UserError, "only a collection officer"):
            self.cash1.action_cancel(reason="Oops")

        as_officer = handover.with_user(self.officer)
        action = as_officer.action_receive()
        self.assertEqual(action["res_model"], "sale.collection.handover.receive")
        wizard = (
            self.env["sale.collection.handover.receive"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({})
        )
        self.assertEqual(wizard.received_amount, 450.5)
        self.assertEqual(wizard.variance, 0.0)
        wizard.action_confirm()
        self.assertEqual(handover.state, "received")
        self.assertEqual(handover.received_by, self.officer)
        self.assertEqual(handover.received_amount, 450.5)
        self.assertEqual(handover.expected_cash, 450.5)

        as_officer.action_post_collections()
        self.assertEqual(set(self.collections.mapped("state")), {"posted"})
        self.assertEqual(self.inv_old.amount_residual, 700.0)
        self.assertEqual(self.inv_mid.payment_state, "paid")

    def test_variance_is_recorded_once(self):
        handover = self._new_handover()
        handover.collection_ids = [Command.set((self.cash1 | self.cash2).ids)]
        handover.counted_amount = 450.0
        self.assertEqual(handover.variance, -0.5)
        handover.action_submit()
        as_officer = handover.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "Explain the variance") as error:
            as_officer.action_receive(received_amount=440.0)
        self.assertErrorMentions(error, handover.name, "RM 440.00", "RM 450.50")
        as_officer.action_receive(
            received_amount=440.0, variance_note="RM 10.50 short; rep to top up"
        )
        self.assertEqual(handover.variance, -10.5)
        self.assertEqual(handover.variance_note, "RM 10.50 short; rep to top up")
        with self.assertRaises(UserError) as error:
            as_officer.action_receive(received_amount=450.5)
        self.assertErrorMentions(error, "already received", self.officer.name)
        self.assertEqual(handover.received_amount, 440.0)
        # the variance stays what it was when received
        self.cash2.with_user(self.officer).action_cancel(reason="Duplicate receipt")
        self.assertEqual(handover.amount_cash, 300.0)
        self.assertEqual(handover.variance, -10.5)

    def test_list_button_creates_the_handover(self):
        action = (self.cash1 | self.cheque).with_user(self.rep).action_create_handover()
        handover = self.env["sale.collection.handover"].browse(action["res_id"])
        self.assertEqual(handover.collection_ids, self.cash1 | self.cheque)
        self.assertEqual(handover.user_id, self.rep)

    def test_submit_checks(self):
        empty = self._new_handover()
        with self.assertRaisesRegex(UserError, "has no receipts"):
            empty.action_submit()
        handover = self._new_handover()
        handover.collection_ids = [Command.link(self.cash1.id)]
        with self.assertRaisesRegex(UserError, "enter the cash you counted"):
            handover.action_submit()
        # only collected receipts of the rep go into a handover
        with self.assertRaisesRegex(UserError, "Only collected receipts"):
            handover.collection_ids = [Command.link(self._sow_collection().id)]
        other = self._sow_collect(user=self.rep2, partner=self.customer_png, amount=9.0)
        with self.assertRaisesRegex(UserError, "one rep's receipts"):
            handover.sudo().collection_ids = [Command.link(other.id)]
        # and in one handover at a time
        handover.counted_amount = 300.0
        handover.action_submit()
        second = self._new_handover()
        with self.assertRaisesRegex(UserError, "Only collected receipts"):
            second.collection_ids = [Command.link(self.cash1.id)]
        with self.assertRaisesRegex(UserError, "not submitted yet"):
            second.with_user(self.officer).action_receive(received_amount=0.0)

    def test_cancelled_receipt_leaves_the_draft_handover(self):
        handover = self._new_handover()
        handover.action_add_collected()
        self.cash2.action_cancel(reason="Wrong amount, reissued")
        self.assertFalse(self.cash2.handover_id)
        self.assertEqual(handover.amount_cash, 300.0)

    def test_return_to_rep(self):
        handover = self._new_handover()
        handover.collection_ids = [Command.link(self.cheque.id)]
        handover.action_submit()
        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            handover.action_return_to_rep()
        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            handover.action_receive(received_amount=0.0)
        handover.with_user(self.officer).action_return_to_rep()
        self.assertEqual(handover.state, "draft")
        self.assertEqual(self.cheque.state, "collected")
        handover.collection_ids = [Command.unlink(self.cheque.id)]
        self.assertFalse(self.cheque.handover_id)
        handover.unlink()

    def test_received_handover_cannot_be_deleted_or_edited(self):
        handover = self._sow_hand_over(self.cash1)
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            handover.unlink()
        with self.assertRaisesRegex(UserError, "through its buttons"):
            handover.write({"received_amount": 1.0})
        with self.assertRaisesRegex(UserError, "through its buttons"):
            handover.with_user(self.rep).write({"state": "draft"})

    def test_post_collections_needs_receipt(self):
        handover = self._new_handover()
        handover.collection_ids = [Command.link(self.transfer.id)]
        handover.action_submit()
        with self.assertRaisesRegex(UserError, "Receive handover"):
            handover.with_user(self.officer).action_post_collections()
