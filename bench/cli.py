# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What ``bench/run.py`` does once Odoo is set up: ``generate`` a benchmark
database's data (when the database is new), or ``run`` the benchmarks.

    python3 bench/run.py generate --db DB --size S --addons-path PATHS
    python3 bench/run.py run --db DB --size S [--only stock] --addons-path PATHS
"""

import argparse
import datetime
import json
import os
import platform
import re
import resource
import sys
import time

import odoo
from odoo import SUPERUSER_ID, api

from . import (
    benchmarks,  # noqa: F401  (registers the benchmarks)
    harness,
)
from .generator import (
    DEFAULT_SEED,
    GENERATOR_VERSION,
    SIZES,
    Generator,
    verify_foreign_keys,
)

RESULTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "RESULTS.md")
PARAM = "sales_order_workflow.bench"


def out(text=""):
    sys.stdout.write(f"{text}\n")
    sys.stdout.flush()


def open_env(args):
    registry = odoo.modules.registry.Registry(args.db)
    cr = registry.cursor()
    return cr, api.Environment(cr, SUPERUSER_ID, {})


def generate(args):
    cr, env = open_env(args)
    try:
        out(f"Generating size {args.size} into {args.db}")
        gen = Generator(env, args.size, seed=args.seed, log=out).run()
        started = time.perf_counter()
        broken = verify_foreign_keys(cr, list(gen.rows))
        if broken:
            raise SystemExit(f"generated rows point nowhere: {broken}")
        checked = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        info = {
            "version": GENERATOR_VERSION,
            "size": args.size,
            "seed": args.seed,
            "company_id": gen.data["company"].id,
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "seconds": round(gen.timings["total"], 1),
            "steps": {name: round(value, 1) for name, value in gen.timings.items()},
            "foreign_key_check_seconds": round(checked, 1),
            "peak_rss_bytes": peak,
            "rows": gen.rows,
        }
        gen.env["ir.config_parameter"].set_param(PARAM, json.dumps(info))
        # a command-line generator, not a request: it keeps what it made
        cr.commit()  # pylint: disable=invalid-commit
        total = sum(gen.rows.values())
        out(
            f"Generated {total:,} rows in {gen.timings['total']:.0f} s "
            f"(foreign keys checked in {checked:.0f} s), "
            f"peak memory {peak / 1024 / 1024:,.0f} MB"
        )
    finally:
        cr.close()
    # ANALYZE outside the transaction: fresh statistics for the planner
    cr, env = open_env(args)
    try:
        cr._cnx.autocommit = True
        cr.execute("ANALYZE")
    finally:
        cr.close()


def _read(path):
    try:
        with open(path, encoding="utf-8") as file:
            return file.read()
    except OSError:
        return ""


def machine():
    """CPU model, logical CPUs and memory (Linux), else what Python knows."""
    names = re.findall(r"model name\s*:\s*(.+)", _read("/proc/cpuinfo"))
    cpu = names[0].strip() if names else platform.processor() or platform.machine()
    total = re.search(r"MemTotal:\s+(\d+)", _read("/proc/meminfo"))
    memory = f", {int(total.group(1)) / 1024 / 1024:.0f} GB RAM" if total else ""
    return f"{cpu}, {os.cpu_count()} logical CPUs{memory}, {platform.system()}"


def run(args):
    cr, env = open_env(args)
    try:
        info = json.loads(env["ir.config_parameter"].get_param(PARAM) or "{}")
        if not info:
            raise SystemExit(f"{args.db} holds no generated data; run 'generate' first")
        # a real user, with his rights and record rules: the administrator
        admin = env.ref("base.user_admin")
        env = env(
            user=admin.id,
            su=False,
            context={
                "allowed_company_ids": [info["company_id"]],
                "tz": "Asia/Kuala_Lumpur",
            },
        )
        only = set(args.only.split(",")) if args.only else None
        started = time.perf_counter()
        results = harness.run(env, args.size, only=only, log=out)
        elapsed = time.perf_counter() - started
        cr.rollback()
        cr.execute("SELECT version()")
        postgres = cr.fetchone()[0].split(",")[0]
    finally:
        cr.close()
    if not results:
        raise SystemExit("no benchmark ran (ONLY= names: see bench/README.md)")
    text = harness.table(results)
    out()
    out(text)
    rows = info["rows"]
    section = "\n".join(
        [
            f"<!-- size:{args.size} -->",
            f"## Size {args.size}",
            "",
            f"Run of {datetime.datetime.now():%Y-%m-%d %H:%M} on {machine()}; "
            f"{postgres}, Python {platform.python_version()}, "
            f"Odoo {odoo.release.version}. Benchmarks took {elapsed:.0f} s.",
            "",
            f"Data (generator version {info['version']}, seed {info['seed']}, "
            f"generated {info['date']} in {info['seconds']:.0f} s, peak memory "
            "of the generator "
            f"{info['peak_rss_bytes'] / 1024 / 1024:,.0f} MB): "
            + ", ".join(
                f"{rows.get(table_name, 0):,} {label}"
                for table_name, label in (
                    ("res_partner", "customers"),
                    ("product_product", "products"),
                    ("sale_order", "sale orders"),
                    ("sale_order_line", "order lines"),
                    ("stock_move", "stock moves"),
                    ("stock_quant", "quants"),
                    ("account_move", "journal entries"),
                    ("account_payment", "payments"),
                    ("account_move_line", "journal items"),
                    ("hr_attendance", "attendances"),
                    ("sale_visit", "visits"),
                    ("sale_collection", "receipts"),
                    ("sale_collection_line", "receipt lines"),
                )
            )
            + ".",
            "",
            text,
            "",
            "Ours / Odoo below 1 means ours is faster. Times: median of "
            f"{results[0].case.rounds} alternating runs after a warm-up, each "
            "with an empty ORM cache; memory: Python's peak (tracemalloc) during "
            "one run, plus the peak of the child process that checked and wrote "
            "the files, when one did (exports of 1,000 records or more).",
            f"<!-- /size:{args.size} -->",
        ]
    )
    write_results(args.size, section)
    out("\nWritten to bench/RESULTS.md")


def write_results(size, section):
    header = (
        "# Benchmark results\n\n"
        "Written by `make bench SIZE=…`; each size's section comes from one run "
        "(ours and Odoo's own way side by side, same process, same data), so "
        "compare figures within a section only. See README.md for how they are "
        "measured.\n"
    )
    text = header
    if os.path.exists(RESULTS):
        with open(RESULTS, encoding="utf-8") as existing:
            text = existing.read()
    pattern = re.compile(rf"<!-- size:{size} -->.*?<!-- /size:{size} -->", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _match: section, text)
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    # sections in size order
    sections = re.findall(r"<!-- size:(\w+) -->.*?<!-- /size:\1 -->", text, re.S)
    blocks = {
        name: re.search(
            rf"<!-- size:{name} -->.*?<!-- /size:{name} -->", text, re.S
        ).group(0)
        for name in sections
    }
    head = text.split("<!-- size:", 1)[0].rstrip("\n")
    ordered = [blocks[name] for name in ("XS", "S", "M", "L") if name in blocks]
    with open(RESULTS, "w", encoding="utf-8") as results_file:
        results_file.write(head + "\n\n" + "\n\n".join(ordered) + "\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("command", choices=("generate", "run"))
    parser.add_argument("--db", required=True)
    parser.add_argument("--size", default="S", choices=sorted(SIZES))
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--only", default="")
    parser.add_argument("--addons-path", required=True)
    args = parser.parse_args(argv)
    if args.command == "generate":
        generate(args)
    else:
        run(args)
