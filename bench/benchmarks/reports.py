# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 7: grouped reads of our three analysis reports by rep and month,
beside Odoo's own ``sale.report`` grouped the same way, on the same data.

Before the timings, each grouped read's query plan is printed with the
sequential scans it does on the big tables (a grouped read of everything
reads every row, so a sequential scan is expected there; the point is that
ours do no worse than Odoo's, and that a filtered read uses the indexes)."""

import json
import sys
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields

from ..harness import Benchmark, Case, register

BIG_TABLES = (
    "sale_visit",
    "sale_order",
    "sale_order_line",
    "sale_collection",
    "sale_collection_line",
    "hr_attendance",
    "account_move",
    "account_move_line",
)
GROUPBY = ["user_id", "date:month"]
REPORTS = {
    "sale.visit.report": [
        "__count",
        "made_count:sum",
        "effective_count:sum",
        "duration:sum",
        "order_amount:sum",
        "collected_amount:sum",
    ],
    "sale.collection.report": ["__count", "amount:sum", "days_after_due:avg"],
    "sale.rep.performance.report": [
        "attended_hours:sum",
        "visit_count:sum",
        "effective_count:sum",
        "quotation_count:sum",
        "conversion_rate:avg",
        "order_amount:sum",
        "collected_amount:sum",
    ],
}
ODOO_DOMAIN = [("state", "=", "sale")]
ODOO_AGGREGATES = ["__count", "price_subtotal:sum"]


@contextmanager
def captured_queries(cr):
    """The queries run on ``cr`` inside the block: [(query, params)]."""
    queries = []
    execute = cr.execute

    def spy(query, params=None, log_exceptions=True):
        queries.append((query, params))
        return execute(query, params, log_exceptions)

    cr.execute = spy
    try:
        yield queries
    finally:
        del cr.execute


def plan_of(env, read):
    """The JSON plan of the last query ``read(env)`` runs."""
    with captured_queries(env.cr) as queries:
        read(env)
    query, params = queries[-1]
    if hasattr(query, "code"):  # odoo.tools.SQL
        query, params = query.code, query.params
    env.cr.execute("EXPLAIN (FORMAT JSON) " + query, params)
    return env.cr.fetchone()[0][0]["Plan"]


def seq_scans(plan):
    """[(table, estimated rows)] of the plan's sequential scans on big tables."""
    found = []
    if plan.get("Node Type") == "Seq Scan" and plan.get("Relation Name") in BIG_TABLES:
        found.append((plan["Relation Name"], plan.get("Plan Rows")))
    for child in plan.get("Plans", ()):
        found.extend(seq_scans(child))
    return found


def say(text):
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


@register
class ReportGrouping(Benchmark):
    name = "reports"
    title = "Analysis reports grouped by rep and month (issue 7)"
    requires = ("sale.visit.report", "sale.rep.performance.report")
    target = "each report within 2× of Odoo's sale.report grouped the same way"

    def cases(self, env, size):
        def odoo(env):
            return env["sale.report"]._read_group(ODOO_DOMAIN, GROUPBY, ODOO_AGGREGATES)

        def ours_of(model, domain=()):
            def ours(env):
                return env[model]._read_group(list(domain), GROUPBY, REPORTS[model])

            return ours

        counts = {
            model: env[model].search_count([]) for model in (*REPORTS, "sale.report")
        }
        say(
            "reports: rows "
            + ", ".join(f"{model} {count:,}" for model, count in counts.items())
        )
        # this month up to today (the generated plans reach into next week)
        today = fields.Date.context_today(env.user)
        month_domain = [("date", ">=", today.replace(day=1)), ("date", "<=", today)]
        for label, read in [
            ("sale.report", odoo),
            *((model, ours_of(model)) for model in REPORTS),
            *(
                (f"{model}, this month", ours_of(model, month_domain))
                for model in REPORTS
            ),
        ]:
            plan = plan_of(env, read)
            scans = seq_scans(plan)
            say(
                f"reports: plan of {label}: total cost {plan['Total Cost']:,.0f}; "
                "sequential scans on big tables: "
                + (", ".join(f"{t} (~{n:,} rows)" for t, n in scans) or "none")
            )
            if "--explain" in sys.argv:
                say(json.dumps(plan, indent=1))

        def same_orders(ours, theirs):
            """Our ordered amount per rep is Odoo's confirmed untaxed total per
            rep (same orders; months may differ at month ends: ours are local
            days)."""
            ours_by_rep, theirs_by_rep = {}, {}
            for user, _month, *values in ours:
                ours_by_rep[user.id] = ours_by_rep.get(user.id, 0) + values[5]
            for user, _month, _count, subtotal in theirs:
                theirs_by_rep[user.id] = theirs_by_rep.get(user.id, 0) + subtotal
            for user_id, amount in theirs_by_rep.items():
                mine = ours_by_rep.get(user_id, 0)
                if abs(mine - amount) > max(1.0, abs(amount) * 0.001):
                    raise AssertionError(
                        f"rep {user_id}: ours {mine:,.2f}, sale.report {amount:,.2f}"
                    )

        def not_empty(ours, theirs):
            if not ours or not theirs:
                raise AssertionError("no rows to group")

        def odoo_month(env):
            domain = ODOO_DOMAIN + [
                ("date", ">=", today.replace(day=1)),
                ("date", "<", today + timedelta(days=1)),
            ]
            return env["sale.report"]._read_group(domain, GROUPBY, ODOO_AGGREGATES)

        return [
            Case(
                f"sale.visit.report ({counts['sale.visit.report']:,} visits) "
                "vs sale.report",
                ours_of("sale.visit.report"),
                odoo,
                not_empty,
            ),
            Case(
                f"sale.collection.report ({counts['sale.collection.report']:,} "
                "allocations) vs sale.report",
                ours_of("sale.collection.report"),
                odoo,
                not_empty,
            ),
            Case(
                "sale.rep.performance.report "
                f"({counts['sale.rep.performance.report']:,} rep-days) vs sale.report",
                ours_of("sale.rep.performance.report"),
                odoo,
                same_orders,
            ),
            # what the dashboard and a month's pivot read
            Case(
                "sale.rep.performance.report, this month vs sale.report, this month",
                ours_of("sale.rep.performance.report", month_domain),
                odoo_month,
                not_empty,
            ),
        ]
