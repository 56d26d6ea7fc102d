# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The SQL pieces the report views share, so that every figure is defined
once (see README, "Reports: definitions").

Nothing here is built from user input: these are constant fragments composed
into the views' CREATE VIEW statements.
"""

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


def collection_amount_company(amount, collection, company):
    """An amount of a receipt in its company's currency: as is when the
    receipt is in that currency, else divided by the latest rate of the
    receipt's currency on or before the receipt date."""
    return f"""(CASE WHEN {collection}.currency_id = {company}.currency_id
        THEN {amount}
        ELSE {amount} / COALESCE((
            SELECT NULLIF(rate.rate, 0) FROM res_currency_rate rate
             WHERE rate.currency_id = {collection}.currency_id
               AND rate.name <= {collection}.date
               AND (rate.company_id = {company}.id OR rate.company_id IS NULL)
             ORDER BY rate.name DESC, rate.company_id NULLS LAST
             LIMIT 1), 1.0)
        END)"""
