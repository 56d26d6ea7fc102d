# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 4: ``product.product.sow_availability`` against Odoo's own way of
getting the same numbers: reading ``qty_available``, ``free_qty``,
``incoming_qty``, ``outgoing_qty`` and ``virtual_available`` with a
``warehouse_id`` context (and ``to_date`` for a date), once per warehouse."""

import datetime

from odoo import fields

from ..harness import Benchmark, Case, register

ODOO_FIELDS = {
    "on_hand": "qty_available",
    "free": "free_qty",
    "incoming": "incoming_qty",
    "outgoing": "outgoing_qty",
    "forecast": "virtual_available",
}
PRODUCTS = 5_000
WAREHOUSES = 3


def odoo_way(products, warehouses, to_date=None):
    """{warehouse id: [{id, qty_available, ...}]}, as a screen would read it."""
    result = {}
    for warehouse in warehouses:
        context = {"warehouse_id": warehouse.id}
        if to_date:
            context["to_date"] = to_date
        result[warehouse.id] = products.with_context(**context).read(
            list(ODOO_FIELDS.values())
        )
    return result


def same_numbers(ours, odoo):
    checked = 0
    for warehouse_id, records in odoo.items():
        for record in records:
            entry = ours[record["id"]][warehouse_id]
            if not entry["tracked"]:
                continue
            for key, name in ODOO_FIELDS.items():
                if entry[key] != record[name]:
                    raise AssertionError(
                        f"product {record['id']} warehouse {warehouse_id} {key}: "
                        f"ours {entry[key]}, Odoo {record[name]}"
                    )
                checked += 1
    if not checked:
        raise AssertionError("no tracked product to compare")


@register
class StockAvailability(Benchmark):
    name = "stock"
    title = "Stock availability in every warehouse (issue 4)"
    requires = ("stock.quant",)
    target = "at least 5× faster than Odoo's own way"

    def cases(self, env, size):
        company = env.company
        products = env["product.product"].search(
            [("company_id", "=", company.id)], limit=PRODUCTS, order="id"
        )
        warehouses = env["stock.warehouse"].search(
            [("company_id", "=", company.id)], limit=WAREHOUSES, order="id"
        )
        label = f"{len(products):,} products × {len(warehouses)} warehouses"
        product_ids, warehouse_ids = products.ids, warehouses.ids
        past = fields.Datetime.now() - datetime.timedelta(days=30)

        def browse(env):
            return (
                env["product.product"].browse(product_ids),
                env["stock.warehouse"].browse(warehouse_ids),
            )

        def ours(env, date=None):
            products, warehouses = browse(env)
            return products.sow_availability(warehouse_ids=warehouses.ids, date=date)

        def theirs(env, to_date=None):
            products, warehouses = browse(env)
            return odoo_way(products, warehouses, to_date)

        return [
            Case(f"{label}, now", ours, theirs, same_numbers),
            Case(
                f"{label}, 30 days ago",
                lambda env: ours(env, past),
                lambda env: theirs(env, past),
                same_numbers,
            ),
        ]
