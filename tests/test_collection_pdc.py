# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .collection_common import SowCollectionCommon
from .common import SAME_DAY_NOON


@tagged("post_install", "-at_install")
class TestCollectionPdc(SowCollectionCommon):
    freeze_time = SAME_DAY_NOON  # see tests/common.py

    def _pdc(self, lines=(), amount=500.0, days=20, **values):
        return self._sow_collect(
            lines,
            amount=amount,
            method="cheque",
            cheque_number=values.pop("cheque_number", "100200"),
            cheque_date=self.today + timedelta(days=days),
            **values,
        )

    def _cron(self):
        self.env["sale.collection"]._cron_post_due_pdc()

    def test_pdc_waits_in_the_register_until_its_date(self):
        pdc = self._pdc([(self.inv_mid, 500.0)])
        today_cheque = self._sow_collect(
            [(self.inv_new, 300.0)], amount=300.0, method="cheque"
        )
        self.assertTrue(pdc.is_pdc)
        self.assertFalse(today_cheque.is_pdc)
        register = self.env.ref("sales_order_workflow.action_sale_collection_pdc")
        self.assertEqual(
            self.env["sale.collection"]
            .with_user(self.rep)
            .search(safe_eval(register.domain)),
            pdc,
        )
        handover = self._sow_hand_over(pdc | today_cheque)
        handover.action_post_collections()
        # the cheque dated today is posted, the PDC waits
        self.assertEqual(today_cheque.state, "posted")
        self.assertEqual(pdc.state, "handed_over")
        self.assertEqual(self.inv_mid.payment_state, "not_paid")
        with self.assertRaises(UserError) as error:
            pdc.with_user(self.officer).action_post()
        self.assertErrorMentions(error, "100200", pdc.name, "post-dated")

        # the cron leaves it alone before its date...
        self._cron()
        self.assertEqual(pdc.state, "handed_over")
        # ...and posts it on its date, dated as the cheque
        with freeze_time(pdc.cheque_date):
            self._cron()
        self.assertEqual(pdc.state, "posted")
        payment = pdc.sudo().payment_ids
        self.assertEqual(payment.date, pdc.cheque_date)
        self.assertEqual(payment.journal_id, self.cheque_journal)
        self.assertEqual(self.inv_mid.payment_state, "paid")

    def test_cron_posts_only_what_the_office_received(self):
        pdc = self._pdc(days=3)
        with freeze_time(self.today + timedelta(days=5)):
            self._cron()
        self.assertEqual(pdc.state, "collected")

    def test_cron_failure_is_reported_and_does_not_stop_the_others(self):
        blocked = self._pdc([(self.inv_new, 300.0)], amount=300.0, days=2)
        fine = self._pdc([(self.inv_old, 400.0)], amount=400.0, days=2)
        handover = self._sow_hand_over(blocked | fine)
        # the office settled inv_new by other means meanwhile
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.inv_new.ids
        ).create({"journal_id": self.bank_journal.id})._create_payments()
        with freeze_time(self.today + timedelta(days=2)):
            self._cron()
        self.assertEqual(fine.state, "posted")
        self.assertEqual(blocked.state, "handed_over")
        activity = blocked.activity_ids
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, handover.received_by)
        self.assertIn(self.inv_new.name, activity.note)
        self.assertIn(self.inv_new.name, blocked.message_ids[0].body)

    def test_without_auto_post_the_officer_gets_an_activity(self):
        self.company.sow_pdc_auto_post = False
        pdc = self._pdc(days=1)
        handover = self._sow_hand_over(pdc)
        with freeze_time(self.today + timedelta(days=1)):
            self._cron()
            self._cron()  # once only
        self.assertEqual(pdc.state, "handed_over")
        self.assertEqual(len(pdc.activity_ids), 1)
        self.assertEqual(pdc.activity_ids.user_id, handover.received_by)
        with freeze_time(self.today + timedelta(days=1)):
            pdc.with_user(self.officer).action_post()
        self.assertEqual(pdc.state, "posted")

    def test_bounce(self):
        cheque = self._sow_collect(
            [(self.inv_old, 1000.0), (self.inv_mid, 100.0)],
            amount=1150.0,
            method="cheque",
            cheque_number="554433",
        )
        self._sow_hand_over(cheque).action_post_collections()
        payment = cheque.sudo().payment_ids
        self.assertEqual(self.inv_old.payment_state, "paid")

        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            cheque.action_bounce(reason="Insufficient funds")
        as_officer = cheque.with_user(self.officer)
        action = as_officer.action_bounce()
        wizard = (
            self.env["sale.collection.bounce"]
            .with_user(self.officer)
            .with_context(**action["context"])
            .create({"reason": "Insufficient funds (RTN 01)"})
        )
        wizard.action_confirm()

        self.assertEqual(cheque.state, "bounced")
        self.assertEqual(cheque.bounce_reason, "Insufficient funds (RTN 01)")
        self.assertEqual(cheque.bounced_by, self.officer)
        self.assertEqual(cheque.bounce_date, self.today)
        self.assertEqual(cheque.name[:3], "OR/")
        # the payment is rejected and its entry reversed
        self.assertEqual(payment.state, "rejected")
        reversal = self.env["account.move"].search(
            [("reversed_entry_id", "=", payment.move_id.id)]
        )
        self.assertEqual(reversal.state, "posted")
        self.assertIn("Insufficient funds", reversal.ref)
        self.assertEqual(
            sorted(reversal.line_ids.mapped("balance")),
            sorted(-b for b in payment.move_id.line_ids.mapped("balance")),
        )
        # the invoices are open again
        self.assertEqual(self.inv_old.payment_state, "not_paid")
        self.assertEqual(self.inv_old.amount_residual, 1000.0)
        self.assertEqual(self.inv_mid.amount_residual, 500.0)
        # and the customer is flagged
        self.assertTrue(self.customer_kl.sow_bounced_cheque)
        self.assertEqual(self.customer_kl.sow_bounced_cheque_count, 1)
        self.assertEqual(self.customer_kl.sow_last_bounce_date, self.today)
        self.assertIn("554433", self.customer_kl.message_ids[0].body)
        next_receipt = self._sow_collection(amount=10.0, method="cheque")
        self.assertTrue(next_receipt.partner_bounced_cheque)
        # bounced is final
        with self.assertRaisesRegex(UserError, "Only a posted cheque can bounce"):
            as_officer.action_bounce(reason="again")
        with self.assertRaisesRegex(UserError, "bounced cheque"):
            as_officer.action_cancel(reason="again")
        # an officer accepts cheques from the customer again
        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            self.customer_kl.with_user(self.rep).action_sow_clear_bounced_cheque()
        self.customer_kl.with_user(self.officer).action_sow_clear_bounced_cheque()
        self.assertFalse(self.customer_kl.sow_bounced_cheque)
        self.assertEqual(self.customer_kl.sow_bounced_cheque_count, 1)

    def test_only_posted_cheques_bounce(self):
        cash = self._sow_collect(amount=10.0, method="bank_transfer")
        cash.with_user(self.officer).action_post()
        with self.assertRaisesRegex(UserError, "Only a posted cheque can bounce"):
            cash.with_user(self.officer).action_bounce(reason="?")
        held = self._pdc()
        with self.assertRaisesRegex(UserError, "Only a posted cheque can bounce"):
            held.with_user(self.officer).action_bounce(reason="?")
