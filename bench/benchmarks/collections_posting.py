# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 6: posting collected receipts (one payment per receipt, reconciled
with the invoices it allocates, all receipts in one call) against Odoo's own
Register Payment wizard run once per receipt, for the same invoices and
amounts, on the same journal and date, by the same collection officer. Both
are rolled back after each run."""

from odoo import Command

from ..harness import Benchmark, Case, register, rolled_back

RECEIPTS = 50


def settled(env, invoice_ids):
    """What the invoices still owe, and how many payments the job made."""
    env.flush_all()
    invoices = env["account.move"].browse(invoice_ids)
    return round(sum(invoices.mapped("amount_residual")), 2)


def same_settlement(ours, odoo):
    if ours != odoo:
        raise AssertionError(f"ours leaves {ours} to pay, Odoo {odoo}")


@register
class CollectionPosting(Benchmark):
    name = "collections"
    title = "Posting collected receipts vs Register Payment (issue 6)"
    requires = ("sale.collection",)
    target = "no slower than Odoo's wizard per receipt"

    def cases(self, env, size):
        company = env.company
        # bank transfers collected, not post-dated, all their money allocated:
        # posting needs no handover, and the wizard pays the same amount
        receipts = env["sale.collection"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "collected"),
                ("method", "=", "bank_transfer"),
                ("unallocated_amount", "=", 0),
            ],
            order="date, id",
            limit=RECEIPTS,
        )
        if not receipts:
            return []
        officer = env["res.users"].create(
            {
                "name": "Bench Collection Officer",
                "login": "bench-officer@dagang-bench.example.com",
                "email": "bench-officer@dagang-bench.example.com",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set(
                        [
                            env.ref("base.group_user").id,
                            env.ref("account.group_account_invoice").id,
                            env.ref("sales_order_workflow.group_collection_officer").id,
                        ]
                    )
                ],
            }
        )
        journal = company._sow_collection_journal("bank_transfer")
        receipt_ids = receipts.ids
        # per receipt: its invoices, amount and payment date, for the wizard
        jobs = [
            (
                receipt.line_ids.move_id.ids,
                receipt.amount,
                receipt._sow_payment_date(),
            )
            for receipt in receipts
        ]
        invoice_ids = receipts.line_ids.move_id.ids
        lines = len(receipts.line_ids)

        def ours(env):
            officer_env = env(user=officer.id)

            def post():
                officer_env["sale.collection"].browse(receipt_ids).action_post()
                return settled(env, invoice_ids)

            return rolled_back(env, post)

        def odoo(env):
            officer_env = env(user=officer.id)

            def register_payments():
                for move_ids, amount, date in jobs:
                    officer_env["account.payment.register"].with_context(
                        active_model="account.move", active_ids=move_ids
                    ).create(
                        {
                            "amount": amount,
                            "group_payment": True,
                            "journal_id": journal.id,
                            "payment_date": date,
                        }
                    ).action_create_payments()
                return settled(env, invoice_ids)

            return rolled_back(env, register_payments)

        return [
            Case(
                f"{len(receipt_ids)} receipts ({lines} invoices), one call vs "
                "the wizard per receipt",
                ours,
                odoo,
                same_settlement,
                rounds=5,
                memory_rounds=1,
            )
        ]
