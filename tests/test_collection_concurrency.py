# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Two officers post, at the same moment, two receipts that together
over-allocate one invoice. Real transactions on two database cursors: the
first posts, the second waits on the invoice's row lock, then fails with an
error naming the invoice and what is left to pay on it.

The data is committed (other cursors must see it) in the database's main
company and removed afterwards.
"""

import threading
import time

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import (
    MAX_TRIES_ON_CONCURRENCY_FAILURE,
    PG_CONCURRENCY_EXCEPTIONS_TO_RETRY,
)
from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger


@tagged("post_install", "-at_install")
class TestCollectionConcurrency(TransactionCase):
    def _committed_env(self):
        """An environment on a new cursor of its own (committed on exit).

        Its transaction is bound to the registry here: the test runner holds
        the registries' lock, which a thread looking the registry up by name
        would wait for."""
        cr = self.registry.cursor()
        cr.transaction = api.Transaction(self.registry)
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _set_up_committed_data(self):
        env = self._committed_env()
        with env.cr:
            company = env.company
            if not company.chart_template:
                env["account.chart.template"].try_loading(
                    "generic_coa", company=company, install_demo=False
                )
            sequence = company._sow_collection_receipt_sequence()
            journal = env["account.journal"].create(
                {"name": "SOW concurrency", "code": "SOWCC", "type": "sale"}
            )
            partner = env["res.partner"].create({"name": "Kedai Serentak"})
            product = env["product.product"].create(
                {"name": "Concurrency test item", "taxes_id": [Command.clear()]}
            )
            invoice = env["account.move"].create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "journal_id": journal.id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": 1,
                                "price_unit": 1000.0,
                                "tax_ids": [Command.clear()],
                            }
                        )
                    ],
                }
            )
            invoice.action_post()
            number_next = sequence._get_current_sequence().number_next_actual
            collections = env["sale.collection"].create(
                [
                    {
                        "partner_id": partner.id,
                        "amount": 700.0,
                        "method": "bank_transfer",
                        "reference": f"TRANSFER-{i}",
                        "line_ids": [
                            Command.create({"move_id": invoice.id, "amount": amount})
                        ],
                    }
                    for i, amount in ((1, 700.0), (2, 300.0))
                ]
            )
            collections.action_collect()
            # Before posting, an officer raises the second allocation to 700
            # (officers may reallocate; two reps collecting at the same moment
            # would get there too): together they now over-allocate.
            collections[1].line_ids.amount = 700.0
            return {
                "sequence": sequence.id,
                "number_next": number_next,
                "journal": journal.id,
                "partner": partner.id,
                "product": product.id,
                "invoice": invoice.id,
                "invoice_name": invoice.name,
                "collections": collections.ids,
                "names": collections.mapped("name"),
            }

    def _clean_up(self, data):
        env = self._committed_env()
        with env.cr:
            collections = env["sale.collection"].browse(data["collections"])
            payments = env["account.payment"].search(
                [("sow_collection_id", "in", collections.ids)]
            )
            invoice = env["account.move"].browse(data["invoice"])
            # receipts are never deleted by design; this is test data
            env.cr.execute(
                "DELETE FROM sale_collection WHERE id IN %s", [tuple(collections.ids)]
            )
            (payments.move_id | invoice).line_ids.remove_move_reconcile()
            payments = payments.with_context(
                force_delete=True, sow_collection_transition=True
            )
            payments.action_draft()
            payments.unlink()
            invoice.button_draft()
            invoice.with_context(force_delete=True).unlink()
            env["account.journal"].browse(data["journal"]).unlink()
            env["product.product"].browse(data["product"]).unlink()
            env["res.partner"].browse(data["partner"]).unlink()
            sequence = env["ir.sequence"].browse(data["sequence"])
            sequence._get_current_sequence().number_next_actual = data["number_next"]

    def _wait_for_a_lock_wait(self, timeout=20):
        """Until some transaction of this database waits on a row lock."""
        env = self._committed_env()
        with env.cr:
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                env.cr.execute(
                    "SELECT count(*) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
                if env.cr.fetchone()[0]:
                    return True
                env.cr.rollback()  # pg_stat_activity is snapshotted per transaction
                time.sleep(0.05)
        return False

    def test_two_cursors_over_allocating_one_invoice(self):
        data = self._set_up_committed_data()
        first, second = data["collections"]
        outcome = {}
        try:
            env_a = self._committed_env()
            with env_a.cr:
                env_a["sale.collection"].browse(first).action_post()
                env_a.flush_all()  # first's payment is written, not committed

                def post_second():
                    """Post the second receipt as Odoo's service layer runs a
                    call (odoo.service.model.retrying): a serialization
                    failure rolls the transaction back and the call starts
                    again in a fresh one. (retrying itself reloads the
                    registry, which the test runner keeps locked.)"""
                    env_b = self._committed_env()
                    with env_b.cr:
                        for _attempt in range(MAX_TRIES_ON_CONCURRENCY_FAILURE):
                            try:
                                env_b["sale.collection"].browse(second).action_post()
                                env_b.flush_all()
                                outcome["posted"] = True
                                return
                            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY as error:
                                env_b.cr.rollback()
                                outcome.setdefault("retried", []).append(
                                    type(error).__name__
                                )
                            except Exception as error:  # noqa: BLE001 (asserted below)
                                env_b.cr.rollback()
                                outcome["error"] = error
                                return

                with mute_logger("odoo.sql_db"):
                    thread = threading.Thread(target=post_second)
                    thread.start()
                    waited = self._wait_for_a_lock_wait()
                    env_a.cr.commit()
                    thread.join(60)
                self.assertTrue(waited, "the second posting never waited on the lock")
                self.assertFalse(thread.is_alive())

            # the second one had to start again once the first committed...
            self.assertEqual(outcome.get("retried"), ["SerializationFailure"])
            # ...and then failed, naming the invoice and what is left on it
            self.assertNotIn("posted", outcome)
            error = outcome["error"]
            self.assertIsInstance(error, UserError)
            message = str(error).replace("\xa0", " ")
            self.assertIn(data["invoice_name"], message)
            self.assertIn("left to pay", message)
            self.assertIn("300.00", message)
            self.assertIn(data["names"][1], message)

            env = self._committed_env()
            with env.cr:
                invoice = env["account.move"].browse(data["invoice"])
                self.assertEqual(invoice.amount_residual, 300.0)
                collections = env["sale.collection"].browse(data["collections"])
                self.assertEqual(collections.mapped("state"), ["posted", "collected"])
                self.assertEqual(
                    env["account.payment"].search_count(
                        [("sow_collection_id", "in", collections.ids)]
                    ),
                    1,
                )
        finally:
            self._clean_up(data)
