# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The SQL pieces the report views share, so that every figure is defined
once (see README, "Reports: definitions").

Nothing here is built from user input: these are constant fragments composed
into the views' CREATE VIEW statements (and dates formatted here from date
objects, for the bounded reads of the rep performance report).
"""

from datetime import timedelta

# A collection counts (as money collected) once the rep holds it: collected,
# handed over or posted. Draft, cancelled and bounced receipts do not.
COUNTED_COLLECTION_STATES = ("collected", "handed_over", "posted")
COUNTED_COLLECTION_STATES_SQL = "('collected', 'handed_over', 'posted')"

# A sale.order is an order once confirmed (Odoo's state 'sale').
ORDER_STATE_SQL = "'sale'"


def local_day(timestamp, tz):
    """The calendar day of a UTC ``timestamp`` column in the time zone ``tz``
    (an SQL expression)."""
    return f"(({timestamp}) AT TIME ZONE 'UTC' AT TIME ZONE {tz})::date"


def rep_tz(user_partner, company_partner):
    """The rep's time zone: his own, else his company's, else UTC."""
    return (
        f"COALESCE(NULLIF({user_partner}.tz, ''), "
        f"NULLIF({company_partner}.tz, ''), 'UTC')"
    )


def order_amount_company(order):
    """An order's untaxed amount in its company's currency (as Odoo's
    sale.report converts it: divided by the order's stored currency rate)."""
    return (
        f"({order}.amount_untaxed / CASE COALESCE({order}.currency_rate, 0) "
        f"WHEN 0 THEN 1.0 ELSE {order}.currency_rate END)"
    )


# The periods of each currency rate: from its date to the next rate's date
# (of the same currency and company). Joined instead of a lookup per row: a
# correlated subquery per row makes PostgreSQL's estimates so high that it
# compiles the query (JIT) for seconds.
RATE_PERIODS_SQL = """(SELECT r.currency_id, r.company_id, r.rate,
            r.name AS date_from,
            LEAD(r.name) OVER (PARTITION BY r.currency_id, r.company_id
                               ORDER BY r.name) AS date_to
       FROM res_currency_rate r)"""


def rate_joins(collection, company, alias):
    """LEFT JOINs of the rate of a receipt's currency on its date: the one of
    the company's root company (``{alias}``), else a rate of no company
    (``{alias}_any``), as Odoo's ``res.currency._get_rates`` chooses."""
    return f"""
  LEFT JOIN {RATE_PERIODS_SQL} {alias}
         ON {alias}.currency_id = {collection}.currency_id
        AND {collection}.currency_id <> {company}.currency_id
        AND {alias}.company_id = split_part({company}.parent_path, '/', 1)::int
        AND {collection}.date >= {alias}.date_from
        AND ({alias}.date_to IS NULL OR {collection}.date < {alias}.date_to)
  LEFT JOIN {RATE_PERIODS_SQL} {alias}_any
         ON {alias}_any.currency_id = {collection}.currency_id
        AND {collection}.currency_id <> {company}.currency_id
        AND {alias}_any.company_id IS NULL
        AND {collection}.date >= {alias}_any.date_from
        AND ({alias}_any.date_to IS NULL OR {collection}.date < {alias}_any.date_to)"""


def collection_amount_company(amount, collection, company, alias):
    """An amount of a receipt in its company's currency: as is when the
    receipt is in that currency, else divided by its rate on the receipt date
    (``rate_joins(collection, company, alias)`` must be joined)."""
    return f"""(CASE WHEN {collection}.currency_id = {company}.currency_id
        THEN {amount}
        ELSE {amount}
            / COALESCE(NULLIF({alias}.rate, 0), NULLIF({alias}_any.rate, 0), 1.0)
        END)"""


def utc_bounds(date_from=None, date_to=None):
    """UTC timestamps that surely hold every moment of the local days
    ``date_from`` to ``date_to`` (dates, either may be None) whatever the
    rep's time zone (UTC-12 to UTC+14): a day before, two days after. A
    report reads only the rows between them, then keeps the exact days."""
    low = high = None
    if date_from:
        low = f"'{date_from - timedelta(days=1):%Y-%m-%d}'::timestamp"
    if date_to:
        high = f"'{date_to + timedelta(days=2):%Y-%m-%d}'::timestamp"
    return low, high


def in_bounds(column, bounds):
    """``column`` (a UTC timestamp, or a date) between ``bounds``."""
    low, high = bounds
    parts = [f"{column} >= {low}"] if low else []
    parts += [f"{column} < {high}"] if high else []
    return " AND ".join(parts) or "TRUE"


def visit_in_bounds(visit, bounds):
    """A visit planned or made between ``bounds``: by the index on its report
    date (the check-in, else the planned time) or on its planned time."""
    return (
        f"(({in_bounds(f'COALESCE({visit}.check_in, {visit}.planned_date)', bounds)})"
        f" OR ({in_bounds(f'{visit}.planned_date', bounds)}))"
    )
