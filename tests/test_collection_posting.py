# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionPosting(SowCollectionCommon):
    def test_whole_chain_cash(self):
        """Rep collects 1,200 cash for two invoices (one fully, one partly)
        plus 100 of credit; hands it over; the officer receives and posts."""
        collection = self._sow_collect(
            [(self.inv_old, 1000.0), (self.inv_mid, 200.0)], amount=1300.0
        )
        self.assertEqual(collection.state, "collected")
        with self.assertRaisesRegex(UserError, "once the office has received"):
            collection.with_user(self.officer).action_post()

        handover = self._sow_hand_over(collection)
        self.assertEqual(collection.state, "handed_over")
        handover.action_post_collections()

        self.assertEqual(collection.state, "posted")
        self.assertEqual(collection.posted_by, self.officer)
        payment = collection.sudo().payment_ids
        self.assertEqual(len(payment), 1)
        self.assertEqual(payment.journal_id, self.cash_journal)
        self.assertEqual(payment.amount, 1300.0)
        self.assertEqual(payment.partner_id, self.customer_kl)
        self.assertEqual(payment.payment_type, "inbound")
        self.assertEqual(payment.date, collection.date)
        self.assertIn(collection.name, payment.memo)
        self.assertEqual(payment.sow_collection_id, collection)
        self.assertEqual(payment.move_id.state, "posted")

        # The invoices: paid and partially paid, by exactly these amounts.
        self.assertEqual(self.inv_old.payment_state, "paid")
        self.assertEqual(self.inv_old.amount_residual, 0.0)
        self.assertEqual(self.inv_mid.payment_state, "partial")
        self.assertEqual(self.inv_mid.amount_residual, 300.0)
        self.assertEqual(self.inv_new.payment_state, "not_paid")
        self.assertEqual(self._sow_partials(self.inv_old), {payment: 1000.0})
        self.assertEqual(self._sow_partials(self.inv_mid), {payment: 200.0})
        self.assertEqual(payment.reconciled_invoice_ids, self.inv_old | self.inv_mid)
        self.assertEqual(self.inv_old.matched_payment_ids, payment)

        # The 100 unallocated stays open on the customer's receivable: Odoo
        # offers it as an outstanding credit on the customer's other invoice.
        _liquidity, counterparts, _other = payment._seek_for_lines()
        open_lines = counterparts.filtered(lambda line: not line.reconciled)
        self.assertEqual(open_lines.mapped("amount_residual"), [-100.0])
        credits = self.inv_new.invoice_outstanding_credits_debits_widget
        self.assertEqual([c["amount"] for c in credits["content"]], [100.0], credits)

    def test_same_result_as_register_payment_wizard(self):
        """Posting a receipt settles invoices exactly as the office would
        with Odoo's Register Payment wizard on the same invoices."""
        ours = [
            self._sow_office_invoice(self.customer_kl, amount, days)
            for amount, days in ((700.0, 40), (250.0, 20))
        ]
        theirs = [
            self._sow_office_invoice(self.customer_kl, amount, days)
            for amount, days in ((700.0, 40), (250.0, 20))
        ]
        collection = self._sow_collect(
            [(ours[0], 700.0), (ours[1], 100.0)],
            amount=800.0,
            method="bank_transfer",
            partner=self.customer_kl,
        )
        collection.with_user(self.officer).action_post()
        wizard = (
            self.env["account.payment.register"]
            .with_context(
                active_model="account.move", active_ids=[m.id for m in theirs]
            )
            .create(
                {
                    "amount": 800.0,
                    "group_payment": True,
                    "journal_id": self.bank_journal.id,
                    "payment_difference_handling": "open",
                }
            )
        )
        wizard_payment = wizard._create_payments()
        for mine, odoo in zip(ours, theirs, strict=True):
            self.assertEqual(mine.payment_state, odoo.payment_state)
            self.assertEqual(mine.amount_residual, odoo.amount_residual)
        payment = collection.sudo().payment_ids
        self.assertEqual(payment.state, wizard_payment.state)
        self.assertEqual(payment.is_reconciled, wizard_payment.is_reconciled)
        self.assertEqual(
            sorted(payment.move_id.line_ids.mapped("balance")), [-700.0, -100.0, 800.0]
        )

    def test_transfer_is_posted_without_handover(self):
        collection = self._sow_collect(
            [(self.inv_new, 300.0)], amount=300.0, method="bank_transfer"
        )
        collection.with_user(self.officer).action_post()
        payment = collection.sudo().payment_ids
        self.assertEqual(payment.journal_id, self.bank_journal)
        self.assertEqual(payment.payment_reference, "DUITNOW-REF-1")
        self.assertEqual(self.inv_new.payment_state, "paid")
        self.assertTrue(payment.is_reconciled)

    def test_cheque_goes_to_its_mapped_journal(self):
        collection = self._sow_collect(
            [(self.inv_mid, 500.0)], amount=500.0, method="cheque"
        )
        self._sow_hand_over(collection).action_post_collections()
        payment = collection.sudo().payment_ids
        self.assertEqual(payment.journal_id, self.cheque_journal)
        self.assertEqual(payment.payment_reference, "000123")
        self.assertIn("000123", payment.memo)
        self.assertEqual(self.inv_mid.payment_state, "paid")

    def test_missing_journal(self):
        self.cash_journal.active = False
        collection = self._sow_collect(amount=10.0)
        self._sow_hand_over(collection)
        with self.assertRaisesRegex(UserError, "no journal for Cash collections"):
            collection.with_user(self.officer).action_post()

    def test_several_receipts_on_one_invoice_in_one_batch(self):
        first = self._sow_collect([(self.inv_old, 600.0)], amount=600.0, method="card")
        second = self._sow_collect([(self.inv_old, 400.0)], amount=400.0, method="card")
        (first | second).with_user(self.officer).action_post()
        self.assertEqual(self.inv_old.payment_state, "paid")
        self.assertEqual(
            self._sow_partials(self.inv_old),
            {first.sudo().payment_ids: 600.0, second.sudo().payment_ids: 400.0},
        )

    def test_batch_over_allocation_is_refused_whole(self):
        first = self._sow_collect([(self.inv_new, 200.0)], amount=200.0, method="card")
        second = self._sow_collect([(self.inv_new, 100.0)], amount=100.0, method="card")
        # the officer raises the second allocation beyond what is left
        second.with_user(self.officer).line_ids.amount = 150.0
        with self.assertRaises(UserError) as error:
            (first | second).with_user(self.officer).action_post()
        self.assertErrorMentions(
            error, self.inv_new.name, "only RM 100.00 left to pay", second.name
        )
        self.assertEqual(first.state, "collected")
        self.assertEqual(self.inv_new.amount_residual, 300.0)

    def test_posting_checks_the_residual_again(self):
        collection = self._sow_collect(
            [(self.inv_mid, 500.0)], amount=500.0, method="bank_transfer"
        )
        # The office registered a payment on the invoice meanwhile.
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.inv_mid.ids
        ).create(
            {"amount": 200.0, "journal_id": self.bank_journal.id}
        )._create_payments()
        as_officer = collection.with_user(self.officer)
        with self.assertRaises(UserError) as error:
            as_officer.action_post()
        self.assertErrorMentions(
            error, self.inv_mid.name, "only RM 300.00 left to pay", collection.name
        )
        # The fix the message suggests: lower the allocation, then post.
        as_officer.line_ids.amount = 300.0
        as_officer.action_post()
        self.assertEqual(self.inv_mid.payment_state, "paid")
        self.assertEqual(as_officer.unallocated_amount, 200.0)

    def test_payment_follows_the_receipt(self):
        collection = self._sow_collect(
            [(self.inv_new, 300.0)], amount=300.0, method="bank_transfer"
        )
        collection.with_user(self.officer).action_post()
        payment = collection.sudo().payment_ids.with_user(self.officer)
        with self.assertRaisesRegex(UserError, "Cancel the receipt"):
            payment.action_draft()
        with self.assertRaisesRegex(UserError, "Cancel the receipt"):
            payment.action_cancel()
        with self.assertRaisesRegex(UserError, "Cancel the receipt"):
            payment.write({"amount": 10.0})
