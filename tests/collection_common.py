# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Set-up shared by the collection tests, on top of ``SowCommon``.

Three open invoices of Kedai Runcit Ah Seng (rep's customer) issued by the
office (so the rep cannot read them as account.move), oldest first:
``inv_old`` 1,000.00 (60 days), ``inv_mid`` 500.00 (30 days), ``inv_new``
300.00 (5 days); one of Kedai Ubat Chong Hin (rep2's customer); a cheque
journal mapped to cheques.
"""

from contextlib import ExitStack, contextmanager
from datetime import timedelta

from odoo import Command, fields

from .common import SowCommon


class SowCollectionCommon(SowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env.user)
        journals = cls.env["account.journal"].search(
            [("company_id", "=", cls.company.id), ("type", "in", ("bank", "cash"))]
        )
        cls.bank_journal = journals.filtered(lambda j: j.type == "bank")[:1]
        cls.cash_journal = journals.filtered(lambda j: j.type == "cash")[:1]
        cls.cheque_journal = cls.env["account.journal"].create(
            {
                "name": "Cheques on Hand",
                "code": "CHQ",
                "type": "bank",
                "company_id": cls.company.id,
            }
        )
        cls.company.sow_collection_journal_cheque_id = cls.cheque_journal

        cls.inv_old = cls._sow_office_invoice(cls.customer_kl, 1000.0, 60)
        cls.inv_mid = cls._sow_office_invoice(cls.customer_kl, 500.0, 30)
        cls.inv_new = cls._sow_office_invoice(cls.customer_kl, 300.0, 5)
        cls.inv_png = cls._sow_office_invoice(cls.customer_png, 400.0, 10)

    # ------------------------------------------------------------------ factories
    @classmethod
    def _sow_office_invoice(cls, partner, amount, days_ago, currency=None):
        """A posted invoice the office issued (salesperson: the officer)."""
        move = (
            cls.env["account.move"]
            .with_company(partner.company_id or cls.company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": cls.today - timedelta(days=days_ago),
                    # 30 days' credit, the common term of Malaysian traders
                    "invoice_date_due": cls.today - timedelta(days=days_ago - 30),
                    "invoice_user_id": cls.officer.id,
                    **({"currency_id": currency.id} if currency else {}),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": cls.product_rice.id,
                                "quantity": 1,
                                "price_unit": amount,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
        )
        move.action_post()
        return move

    def _sow_collection(self, lines=(), user=None, partner=None, **values):
        """A draft receipt created by ``user`` (the rep by default).

        lines: [(invoice, amount)].
        """
        user = user or self.rep
        vals = {
            "partner_id": (partner or self.customer_kl).id,
            "amount": 100.0,
            "method": "cash",
            **values,
        }
        if values.get("method") == "cheque":
            vals.setdefault("cheque_number", "000123")
            vals.setdefault("cheque_bank", "Maybank")
            vals.setdefault("cheque_date", self.today)
        if values.get("method") in ("bank_transfer", "ewallet", "card"):
            vals.setdefault("reference", "DUITNOW-REF-1")
        vals["line_ids"] = [
            Command.create({"move_id": invoice.id, "amount": amount})
            for invoice, amount in lines
        ]
        return self.env["sale.collection"].with_user(user).create(vals)

    def _sow_collect(self, lines=(), user=None, **values):
        collection = self._sow_collection(lines, user=user, **values)
        collection.action_collect()
        return collection

    def _sow_hand_over(self, collections, counted=None, user=None):
        """The rep hands ``collections`` over (counting exactly the cash) and
        the officer receives them."""
        user = user or self.rep
        handover = (
            self.env["sale.collection.handover"]
            .with_user(user)
            .create({"collection_ids": [Command.set(collections.ids)]})
        )
        cash = sum(collections.filtered(lambda c: c.method == "cash").mapped("amount"))
        handover.counted_amount = cash if counted is None else counted
        handover.action_submit()
        handover = handover.with_user(self.officer)
        handover.action_receive(received_amount=handover.counted_amount)
        return handover

    def _sow_receivable_lines(self, invoice):
        return invoice.line_ids.filtered(
            lambda line: line.account_id.account_type == "asset_receivable"
        )

    def assertRaisesRegex(self, exception, regex, *args, **kwargs):
        """As Odoo's assertRaises does: roll back what the failing call
        wrote, so that the test goes on with the data as it was."""
        if args or kwargs:
            return super().assertRaisesRegex(exception, regex, *args, **kwargs)
        return self._sow_assert_raises_regex(exception, regex)

    @contextmanager
    def _sow_assert_raises_regex(self, exception, regex):
        with ExitStack() as stack:
            caught = stack.enter_context(super().assertRaisesRegex(exception, regex))
            # exited first: rolls back, then the exception reaches assertRaises
            stack.enter_context(self.env.cr.savepoint())
            yield caught

    def assertErrorMentions(self, error, *texts):
        """The error's message mentions every text (non-breaking spaces, as
        in formatted amounts, read as spaces)."""
        message = str(error.exception).replace("\xa0", " ")
        for text in texts:
            self.assertIn(text, message)

    def _sow_partials(self, invoice):
        """{payment: amount} of the partial reconciliations on ``invoice``."""
        result = {}
        for line in self._sow_receivable_lines(invoice):
            for partial in line.matched_credit_ids:
                payment = partial.credit_move_id.move_id.origin_payment_id
                result[payment] = result.get(payment, 0.0) + partial.amount
        return result
