#!/usr/bin/env python3
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# pylint: disable=print-used
# (a command-line tool: its output is its report)
"""Accounting export benchmark, standalone (to be folded into bench/'s harness).

Exports N customer invoices of 5 lines with their payments to each package
(SQL Account, AutoCount, EMAS) through the addon's own path (plan: mappings,
checks, checksums; then the files and the batch), beside Odoo's own export
(``export_data`` of the same invoice lines, written to XLSX as the web
client's exporter does), in the same run. Each measurement runs in its own
process: wall time and peak memory (RSS above the process's size once the
registry is loaded). Every measurement is rolled back.

    python3 bench/export_standalone.py --db sow_bench --populate 10000
    python3 bench/export_standalone.py --db sow_bench --invoices 2000,10000

The database needs the addon installed (``-i sales_order_workflow``); the
data are made in a company of their own ("SOW Bench Sdn Bhd").
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from datetime import date, timedelta

BENCH_COMPANY = "SOW Bench Sdn Bhd"
START = date(2025, 1, 1)
PER_DAY = 28  # invoices a day: a range of days selects the first N invoices
LINES = 5
ODOO_FIELDS = [
    "move_id/name",
    "move_id/invoice_date",
    "move_id/partner_id/name",
    "product_id/default_code",
    "name",
    "account_id/code",
    "quantity",
    "product_uom_id/name",
    "price_unit",
    "discount",
    "tax_ids/name",
    "price_subtotal",
    "price_total",
]


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def odoo_env(args):
    import odoo
    from odoo.tools import config

    argv = ["-d", args.db, "--log-level=warn", "--no-http"]
    if args.addons_path:
        argv.append(f"--addons-path={args.addons_path}")
    config.parse_config(argv)
    registry = odoo.modules.registry.Registry(args.db)
    cr = registry.cursor()
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
    return env


def bench_company(env):
    company = env["res.company"].search([("name", "=", BENCH_COMPANY)], limit=1)
    return company


# ------------------------------------------------------------------ populate
def populate(env, count):
    from odoo import Command

    company = bench_company(env)
    if not company:
        myr = env.ref("base.MYR")
        myr.action_unarchive()
        company = env["res.company"].create(
            {
                "name": BENCH_COMPANY,
                "currency_id": myr.id,
                "country_id": env.ref("base.my").id,
            }
        )
        env.user.company_ids = [Command.link(company.id)]
        env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
        company.currency_id = myr
        env.cr.commit()
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    Move = env["account.move"]
    have = Move.search_count(
        [("company_id", "=", company.id), ("move_type", "=", "out_invoice")]
    )
    if have >= count:
        print(f"{have} bench invoices already there", file=sys.stderr)
        return
    partners = env["res.partner"].search([("company_id", "=", company.id)], order="id")
    if len(partners) < 200:
        partners = env["res.partner"].create(
            [
                {
                    "name": f"Kedai Bench {i:03d} Sdn Bhd",
                    "company_id": company.id,
                    "is_company": True,
                    "street": f"No. {i}, Jalan Bench",
                    "city": "Kuala Lumpur",
                    "zip": "50000",
                    "country_id": env.ref("base.my").id,
                }
                for i in range(200)
            ]
        )
    products = env["product.product"].search(
        [("company_id", "=", company.id)], order="id"
    )
    if len(products) < 50:
        products = env["product.product"].create(
            [
                {
                    "name": f"Barang Bench {i:02d}",
                    "default_code": f"BENCH-{i:02d}",
                    "company_id": company.id,
                    "list_price": 10 + i,
                    "taxes_id": [Command.clear()],
                }
                for i in range(50)
            ]
        )
    tax = env["account.tax"].search(
        [("company_id", "=", company.id), ("name", "=", "Bench SST 10%")], limit=1
    ) or env["account.tax"].create(
        {
            "name": "Bench SST 10%",
            "amount": 10,
            "type_tax_use": "sale",
            "company_id": company.id,
        }
    )
    bank = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
    )
    env.cr.commit()
    chunk = 250
    for start in range(have, count, chunk):
        stop = min(start + chunk, count)
        vals = []
        for i in range(start, stop):
            vals.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": partners[i % len(partners)].id,
                    "invoice_date": START + timedelta(days=i // PER_DAY),
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": products[(i + k) % len(products)].id,
                                "quantity": 1 + (i + k) % 7,
                                "price_unit": 10 + (i * 7 + k) % 90,
                                "tax_ids": [Command.set(tax.ids if k % 2 == 0 else [])],
                            }
                        )
                        for k in range(LINES)
                    ],
                }
            )
        moves = Move.create(vals)
        moves.action_post()
        payments = env["account.payment"].create(
            [
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": move.partner_id.id,
                    "amount": move.amount_total,
                    "date": move.invoice_date,
                    "journal_id": bank.id,
                    "memo": move.name,
                }
                for move in moves
            ]
        )
        payments.action_post()
        for move, payment in zip(moves, payments, strict=True):
            (
                move.line_ids.filtered(lambda ln: ln.account_type == "asset_receivable")
                | payment.move_id.line_ids.filtered(
                    lambda ln: ln.account_type == "asset_receivable"
                )
            ).reconcile()
        env.cr.commit()
        env.invalidate_all()
        print(f"{stop}/{count} invoices", file=sys.stderr)


# ------------------------------------------------------------------- measure
def date_to_for(count):
    return START + timedelta(days=(count - 1) // PER_DAY)


def setup_connector(env, company, package):
    from odoo import Command

    connector = env["accounting.connector"].search(
        [("company_id", "=", company.id), ("package", "=", package)]
    )
    if connector:
        return connector
    connector = env["accounting.connector"].create(
        {"name": f"Bench {package}", "package": package, "company_id": company.id}
    )
    accounts = env["account.account"].search(
        [
            ("company_ids", "in", company.id),
            ("account_type", "in", ("income", "income_other")),
        ]
    )
    journals = env["account.journal"].search(
        [("company_id", "=", company.id), ("type", "in", ("bank", "cash"))]
    )
    taxes = env["account.tax"].search(
        [("company_id", "=", company.id), ("type_tax_use", "=", "sale")]
    )
    code = {"sql_account": "500-000", "autocount": "500-0000", "emas": "5001/000"}[
        package
    ]
    pay = {"sql_account": "320-000", "autocount": "BANK", "emas": "3200/000"}[package]
    connector.write(
        {
            "account_ids": [
                Command.create({"account_id": a.id, "code": code}) for a in accounts
            ],
            "journal_ids": [
                Command.create({"journal_id": j.id, "code": pay}) for j in journals
            ],
            "tax_ids": [
                Command.create({"tax_id": t.id, "code": f"SR{t.id}"[:8]}) for t in taxes
            ],
        }
    )
    partners = env["res.partner"].search([("company_id", "=", company.id)])
    connector._sow_generate_customer_codes(partners)
    products = env["product.product"].search([("company_id", "=", company.id)])
    connector._sow_generate_item_codes(products)
    return connector


def measure(args):
    env = odoo_env(args)
    company = bench_company(env)
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    count = args.count
    date_to = date_to_for(count)
    package = "autocount" if args.measure == "autocount_xlsx" else args.measure
    if args.measure != "odoo":
        setup_connector(env, company, package)
        env.cr.commit()
    env.invalidate_all()
    base = rss_mb()
    started = time.perf_counter()
    size = 0
    if args.measure == "odoo":
        import io

        import xlsxwriter

        lines = env["account.move.line"].search(
            [
                ("company_id", "=", company.id),
                ("move_id.move_type", "=", "out_invoice"),
                ("display_type", "=", "product"),
                ("move_id.invoice_date", "<=", date_to),
            ]
        )
        rows = lines.export_data(ODOO_FIELDS)["datas"]
        # as web's ExportXlsxWriter does
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        sheet = book.add_worksheet()
        bold = book.add_format({"bold": True})
        base_style = book.add_format({"text_wrap": True})
        for col, name in enumerate(ODOO_FIELDS):
            sheet.write(0, col, name, bold)
        for r, row in enumerate(rows, 1):
            for c, value in enumerate(row):
                sheet.write(r, c, value, base_style)
        book.close()
        size = len(output.getvalue())
        documents = len(lines.move_id)
    else:
        connector = env["accounting.connector"].search(
            [("company_id", "=", company.id), ("package", "=", package)]
        )
        if args.measure == "autocount_xlsx":
            connector.file_format = "xlsx"  # rolled back with the rest
        kinds = ["invoice", "payment"] if package != "emas" else ["invoice"]
        plan = connector._sow_plan(kinds, START, date_to, False)
        if plan.errors:
            print("\n".join(str(p) for p in plan.errors[:10]), file=sys.stderr)
            raise SystemExit(1)
        batch = connector._sow_export(plan)
        size = sum(len(b) for b in batch._sow_file_bytes().values())
        documents = batch.line_count
    elapsed = time.perf_counter() - started
    peak = rss_mb() - base
    env.cr.rollback()
    print(
        json.dumps(
            {
                "mode": args.measure,
                "invoices": count,
                "documents": documents,
                "seconds": round(elapsed, 2),
                "peak_mb": round(peak, 1),
                "bytes": size,
            }
        )
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path")
    parser.add_argument("--populate", type=int, help="make this many bench invoices")
    parser.add_argument("--invoices", default="10000", help="comma-separated sizes")
    parser.add_argument(
        "--modes", default="odoo,sql_account,autocount,autocount_xlsx,emas"
    )
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--count", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.populate:
        populate(odoo_env(args), args.populate)
        return
    if args.measure:
        measure(args)
        return
    results = []
    for count in [int(n) for n in args.invoices.split(",")]:
        for mode in args.modes.split(","):
            cmd = [
                sys.executable,
                os.path.abspath(__file__),
                "--db",
                args.db,
                "--measure",
                mode,
                "--count",
                str(count),
            ]
            if args.addons_path:
                cmd += ["--addons-path", args.addons_path]
            out = subprocess.run(cmd, capture_output=True, text=True, check=False)
            if out.returncode:
                print(out.stderr[-3000:], file=sys.stderr)
                raise SystemExit(out.returncode)
            result = json.loads(out.stdout.strip().splitlines()[-1])
            results.append(result)
            print(json.dumps(result), flush=True)
    print("\n| invoices | export | seconds | peak MB | vs Odoo |")
    print("|---|---|---|---|---|")
    for result in results:
        odoo = [
            r
            for r in results
            if r["mode"] == "odoo" and r["invoices"] == result["invoices"]
        ]
        ratio = (
            f"{odoo[0]['seconds'] / result['seconds']:.1f}× faster"
            if odoo and result["seconds"]
            else "-"
        )
        print(
            f"| {result['invoices']} | {result['mode']} | {result['seconds']} | "
            f"{result['peak_mb']} | {ratio} |"
        )


if __name__ == "__main__":
    main()
