# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionBadInput(SowCollectionCommon):
    def test_zero_amount(self):
        collection = self._sow_collection(amount=0.0)
        with self.assertRaisesRegex(UserError, "must be more than zero"):
            collection.action_collect()
        self.assertEqual(collection.state, "draft")
        self.assertFalse(collection.name)

    @mute_logger("odoo.sql_db")
    def test_negative_amounts(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._sow_collection(amount=-5.0)
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._sow_collection([(self.inv_old, -5.0)], amount=5.0)

    def test_allocation_above_residual(self):
        collection = self._sow_collection([(self.inv_new, 350.0)], amount=400.0)
        with self.assertRaises(UserError) as error:
            collection.action_collect()
        self.assertErrorMentions(
            error, self.inv_new.name, "RM 300.00 left to pay", "RM 350.00"
        )
        self.assertEqual(collection.state, "draft")

    def test_allocation_held_by_another_receipt(self):
        first = self._sow_collect([(self.inv_new, 200.0)], amount=200.0)
        second = self._sow_collection([(self.inv_new, 150.0)], amount=150.0)
        with self.assertRaises(UserError) as error:
            second.action_collect()
        self.assertErrorMentions(
            error, self.inv_new.name, first.name, "at most RM 100.00"
        )
        second.line_ids.amount = 100.0
        second.action_collect()
        self.assertEqual(second.state, "collected")

    def test_allocations_above_the_amount(self):
        with self.assertRaises(ValidationError) as error:
            self._sow_collection(
                [(self.inv_old, 200.0), (self.inv_mid, 150.0)], amount=300.0
            )
        self.assertErrorMentions(error, "RM 350.00", "only RM 300.00 was collected")
        collection = self._sow_collection([(self.inv_old, 200.0)], amount=300.0)
        with self.assertRaises(ValidationError) as error:
            collection.amount = 150.0
        self.assertErrorMentions(error, "only RM 150.00 was collected")

    @mute_logger("odoo.sql_db")
    def test_invoice_twice_on_a_receipt(self):
        with self.assertRaises(IntegrityError), self.cr.savepoint():
            self._sow_collection(
                [(self.inv_old, 20.0), (self.inv_old, 30.0)], amount=100.0
            )

    def test_invoice_of_another_customer(self):
        with self.assertRaises(ValidationError) as error:
            self._sow_collection([(self.inv_png, 10.0)], amount=10.0)
        self.assertErrorMentions(error, self.inv_png.name, "another customer")

    def test_invoice_of_another_company(self):
        other = self._sow_create_company("Syarikat Lain Sdn Bhd")
        self.customer_kl.company_id = False  # a customer shared by both
        invoice = self._sow_office_invoice_in(other, self.customer_kl)
        collection = self._sow_collection(amount=10.0)
        with self.assertRaises(UserError):
            collection.sudo().line_ids = [
                Command.create({"move_id": invoice.id, "amount": 10.0})
            ]

    def test_invoice_in_another_currency(self):
        usd = self.env.ref("base.USD")
        usd.active = True
        invoice = self._sow_office_invoice(self.customer_kl, 100.0, 3, currency=usd)
        with self.assertRaises(ValidationError) as error:
            self._sow_collection([(invoice, 10.0)], amount=10.0)
        self.assertErrorMentions(error, invoice.name, "another currency")
        # the receipt's list of open invoices leaves it out too
        collection = self._sow_collection(amount=10.0)
        collection.action_load_open_invoices()
        self.assertNotIn(invoice, collection.line_ids.move_id)

    def test_not_an_open_customer_invoice(self):
        draft = self._sow_office_invoice(self.customer_kl, 100.0, 3)
        draft.button_draft()
        with self.assertRaisesRegex(ValidationError, "is not posted"):
            self._sow_collection([(draft, 10.0)], amount=10.0)
        refund = self.inv_old._reverse_moves()
        refund.action_post()
        with self.assertRaisesRegex(ValidationError, "not a customer invoice"):
            self._sow_collection([(refund, 10.0)], amount=10.0)

    def test_cheque_without_number_bank_or_date(self):
        collection = self._sow_collection(
            amount=10.0,
            method="cheque",
            cheque_number=False,
            cheque_bank="CIMB",
            cheque_date=False,
        )
        with self.assertRaisesRegex(UserError, "cheque number, cheque date"):
            collection.action_collect()

    def test_transfer_without_reference(self):
        collection = self._sow_collection(
            amount=10.0, method="bank_transfer", reference=False
        )
        with self.assertRaisesRegex(UserError, "needs the transfer reference"):
            collection.action_collect()

    def test_collecting_or_posting_twice(self):
        collection = self._sow_collect(amount=10.0, method="ewallet")
        with self.assertRaisesRegex(UserError, "already Collected"):
            collection.action_collect()
        as_officer = collection.with_user(self.officer)
        as_officer.action_post()
        with self.assertRaisesRegex(UserError, "already posted"):
            as_officer.action_post()
        self.assertEqual(len(collection.sudo().payment_ids), 1)

    def test_receiving_twice(self):
        handover = self._sow_hand_over(self._sow_collect(amount=10.0))
        with self.assertRaisesRegex(UserError, "received once only"):
            handover.action_receive(received_amount=10.0)

    def test_editing_a_collected_or_posted_receipt(self):
        collection = self._sow_collect(
            [(self.inv_new, 100.0)], amount=100.0, method="card"
        )
        for vals in (
            {"amount": 200.0},
            {"partner_id": self.customer_png.id},
            {"method": "cash"},
            {"date": self.today.replace(day=1)},
        ):
            with self.assertRaisesRegex(UserError, "no longer change"):
                collection.write(vals)
        collection.with_user(self.officer).action_post()
        with self.assertRaisesRegex(UserError, "no longer change"):
            collection.with_user(self.officer).write({"amount": 1.0})
        with self.assertRaisesRegex(UserError, "can no longer change"):
            collection.with_user(self.officer).line_ids.amount = 50.0
        # notes and the photo stay editable
        collection.write({"note": "Customer asked for a copy by e-mail"})

    def test_status_changes_only_through_the_buttons(self):
        collection = self._sow_collection(amount=10.0)
        with self.assertRaisesRegex(UserError, "through its buttons"):
            collection.write({"state": "collected"})
        with self.assertRaisesRegex(UserError, "through its buttons"):
            collection.write({"name": "OR/FAKE/1"})
        # even through the buttons' context key, a rep never posts
        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            collection.with_context(sow_collection_transition=True).write(
                {"state": "posted"}
            )

    def test_rep_cannot_post(self):
        collection = self._sow_collect(amount=10.0, method="bank_transfer")
        with self.assertRaisesRegex(UserError, "Only a collection officer"):
            collection.action_post()
        self.assertEqual(collection.state, "collected")

    # ------------------------------------------------------------------ helpers
    def _sow_office_invoice_in(self, company, partner):
        product = self._sow_create_product("Gula 1kg", "SUGAR-1", 3.2, company=company)
        move = (
            self.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_line_ids": [
                        Command.create(
                            {"product_id": product.id, "quantity": 1, "price_unit": 10}
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move
