#!/usr/bin/env python3
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Posting field receipts against Odoo's own Register Payment wizard.

Same run, same data: two identical sets of N x 3 open customer invoices in a
fresh company. Set A is settled by posting N collected receipts (three
invoices each); set B by running the Register Payment wizard N times, once per
group of three invoices, as the office would. Both as the same collection
officer. Reported: seconds, queries (total and per receipt) and the ratio.
Our posting is timed twice: all receipts in one call (a handover's "Post
Receipts", the PDC cron) and one call per receipt (like the wizard).

Nothing is kept: everything happens in one transaction that is rolled back.

    python3 bench/collection_standalone.py -d DB --addons-path PATHS [-n 1000]

DB must have sales_order_workflow installed (e.g. KEEP_DB=1 make test).
"""

import argparse
import json
import sys
import time
from datetime import date, timedelta


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--addons-path", required=True)
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--json", action="store_true", help="print JSON only")
    return parser.parse_args()


class Bench:
    AMOUNTS = (100.0, 200.0, 300.0)  # three invoices per receipt
    PAID = 500.0  # settles the first two and 200 of the third

    def __init__(self, env, count):
        self.env = env
        self.count = count

    def log(self, message):
        sys.stderr.write(f"{message}\n")
        sys.stderr.flush()

    # ------------------------------------------------------------------ set-up
    def set_up(self):
        env = self.env
        Command = self.Command
        company = env["res.company"].create(
            {
                "name": "SOW Bench Sdn Bhd",
                "currency_id": env.ref("base.MYR").id,
                "country_id": env.ref("base.my").id,
            }
        )
        env.ref("base.MYR").active = True
        env.user.company_ids = [Command.link(company.id)]
        env = self.env = env(context=dict(env.context, allowed_company_ids=company.ids))
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
        company.currency_id = env.ref("base.MYR")
        self.company = company
        self.bank = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        company.sow_collection_journal_bank_transfer_id = self.bank
        self.officer = env["res.users"].create(
            {
                "name": "Bench Officer",
                "login": "sow_bench_officer",
                "company_id": company.id,
                "company_ids": [Command.set(company.ids)],
                "groups_id": [
                    Command.set(
                        [
                            env.ref("base.group_user").id,
                            env.ref("sales_order_workflow.group_collection_officer").id,
                        ]
                    )
                ],
            }
        )
        self.product = env["product.product"].create(
            {
                "name": "Bench item",
                "taxes_id": [Command.clear()],
                "company_id": company.id,
            }
        )
        partners = env["res.partner"].create(
            [
                {"name": f"Bench Customer {i:04d}", "company_id": company.id}
                for i in range(max(1, self.count // 10))
            ]
        )
        # one customer per ten receipts, as a rep's round
        self.partners = [partners[i // 10 % len(partners)] for i in range(self.count)]
        t0 = time.perf_counter()
        self.groups_a = self._invoices()
        self.groups_b = self._invoices()
        self.log(f"{2 * 3 * self.count} invoices in {time.perf_counter() - t0:.1f} s")

    def _invoices(self):
        Command = self.Command
        today = date.today()
        vals = []
        for partner in self.partners:
            for k, amount in enumerate(self.AMOUNTS):
                day = today - timedelta(days=40 - 10 * k)
                vals.append(
                    {
                        "move_type": "out_invoice",
                        "partner_id": partner.id,
                        "invoice_date": day,
                        "invoice_date_due": day + timedelta(days=30),
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": self.product.id,
                                    "quantity": 1,
                                    "price_unit": amount,
                                    "tax_ids": [Command.clear()],
                                }
                            )
                        ],
                    }
                )
        moves = self.env["account.move"].create(vals)
        moves.action_post()
        return [moves[i : i + 3] for i in range(0, len(moves), 3)]

    def receipts(self, groups):
        Command = self.Command
        collections = self.env["sale.collection"].create(
            [
                {
                    "partner_id": invoices.partner_id.id,
                    "user_id": self.officer.id,
                    "amount": self.PAID,
                    "method": "bank_transfer",
                    "reference": f"DUITNOW-{i:06d}",
                    "line_ids": [
                        Command.create({"move_id": invoices[0].id, "amount": 100.0}),
                        Command.create({"move_id": invoices[1].id, "amount": 200.0}),
                        Command.create({"move_id": invoices[2].id, "amount": 200.0}),
                    ],
                }
                for i, invoices in enumerate(groups)
            ]
        )
        collections.action_collect()
        return collections

    # --------------------------------------------------------------- measures
    def measure(self, label, func):
        env = self.env
        env.flush_all()
        env.invalidate_all()
        cr = env.cr
        queries = cr.sql_log_count
        t0 = time.perf_counter()
        func()
        env.flush_all()
        seconds = time.perf_counter() - t0
        queries = cr.sql_log_count - queries
        self.log(f"{label}: {seconds:.2f} s, {queries} queries")
        return {
            "seconds": round(seconds, 3),
            "queries": queries,
            "queries_per_receipt": round(queries / self.count, 1),
            "ms_per_receipt": round(1000 * seconds / self.count, 2),
        }

    def run(self):
        """Each posting and each wizard run starts, as a call from the web
        client does, with an empty cache and only its own records (not in
        the prefetch set of the thousands of invoices created above)."""
        self.set_up()
        env = self.env
        officer_env = env(user=self.officer)
        results = {"receipts": self.count, "invoices_per_receipt": 3}
        half = self.count // 2

        # ours, all receipts in one call (a handover's Post Receipts, the cron)
        batch_ids = self.receipts(self.groups_a[:half]).ids

        def post_batch():
            officer_env["sale.collection"].browse(batch_ids).action_post()

        results["post_one_batch"] = self.measure("action_post, one batch", post_batch)
        results["post_one_batch"]["receipts"] = half

        # ours, one call per receipt (an officer posting receipts one by one)
        single_ids = self.receipts(self.groups_a[half:]).ids

        def post_each():
            for collection_id in single_ids:
                officer_env.invalidate_all()
                officer_env["sale.collection"].browse(collection_id).action_post()

        results["post_one_by_one"] = self.measure("action_post, one by one", post_each)
        results["post_one_by_one"]["receipts"] = self.count - half

        # Odoo's Register Payment wizard, one run per group of three invoices
        group_ids = [invoices.ids for invoices in self.groups_b]

        def wizard_each():
            for invoice_ids in group_ids:
                officer_env.invalidate_all()
                officer_env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=invoice_ids
                ).create(
                    {
                        "amount": self.PAID,
                        "group_payment": True,
                        "journal_id": self.bank.id,
                    }
                ).action_create_payments()

        results["register_payment_wizard"] = self.measure(
            "register payment wizard, one by one", wizard_each
        )

        # the per-receipt figures of our two halves, scaled to the full count
        for key in ("post_one_batch", "post_one_by_one"):
            part = results[key]
            part["ms_per_receipt"] = round(1000 * part["seconds"] / part["receipts"], 2)
            part["queries_per_receipt"] = round(part["queries"] / part["receipts"], 1)
        wizard = results["register_payment_wizard"]
        for key in ("post_one_batch", "post_one_by_one"):
            part = results[key]
            part["time_ratio_vs_wizard"] = round(
                part["ms_per_receipt"] / wizard["ms_per_receipt"], 3
            )
            part["query_ratio_vs_wizard"] = round(
                part["queries_per_receipt"] / wizard["queries_per_receipt"], 3
            )

        # both settled the invoices alike
        env.invalidate_all()
        Move = env["account.move"]
        moves_a = Move.browse([i for g in self.groups_a for i in g.ids])
        moves_b = Move.browse([i for g in self.groups_b for i in g.ids])
        a = moves_a.mapped("amount_residual")
        b = moves_b.mapped("amount_residual")
        states_a = moves_a.mapped("payment_state")
        states_b = moves_b.mapped("payment_state")
        results["same_result"] = a == b and states_a == states_b
        return results


def say(line=""):
    sys.stdout.write(f"{line}\n")


def main():
    args = parse_args()
    import odoo  # noqa: PLC0415 (after argument parsing: --help without Odoo)
    from odoo import SUPERUSER_ID, Command, api  # noqa: PLC0415

    odoo.tools.config.parse_config(
        ["-d", args.database, "--addons-path", args.addons_path, "--log-level=warn"]
    )
    registry = odoo.modules.registry.Registry(args.database)
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        bench = Bench(env, args.count)
        bench.Command = Command
        try:
            results = bench.run()
        finally:
            cr.rollback()
    if args.json:
        say(json.dumps(results, indent=2))
        return
    wizard = results["register_payment_wizard"]
    say(f"Posting {args.count} receipts of 3 invoices each (database {args.database})")
    say(f"{'':34}{'ms/receipt':>12}{'queries/receipt':>17}{'time ratio':>12}")
    for key, label in (
        ("post_one_batch", "receipts, one batch"),
        ("post_one_by_one", "receipts, one call each"),
    ):
        part = results[key]
        say(
            f"{label:34}{part['ms_per_receipt']:>12}{part['queries_per_receipt']:>17}"
            f"{part['time_ratio_vs_wizard']:>12}"
        )
    say(
        f"{'Register Payment wizard, each':34}{wizard['ms_per_receipt']:>12}"
        f"{wizard['queries_per_receipt']:>17}{1.0:>12}"
    )
    say(f"same invoice residuals and payment states: {results['same_result']}")
    say(json.dumps(results))


if __name__ == "__main__":
    main()
