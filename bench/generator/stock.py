# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Stock: receipts from suppliers (done a year ago and a few months ago, and
planned for the coming weeks), transfers between warehouses, and the quants
they leave, consistent with the deliveries of the sales step: a product's
quant in a warehouse holds what came in minus what went out, and reserves
what the waiting deliveries reserved. Stock never went negative."""

import datetime
from collections import defaultdict

from .core import step
from .names import CHINESE_FAMILY, MALAY_FAMILY

RECEIPT_PICKING_COLUMNS = [
    "id",
    "name",
    "origin",
    "location_id",
    "location_dest_id",
    "picking_type_id",
    "partner_id",
    "state",
    "scheduled_date",
    "date_deadline",
    "date",
    "date_done",
    "is_locked",
    "create_date",
    "write_date",
]
RECEIPT_MOVE_COLUMNS = [
    "id",
    "name",
    "product_id",
    "location_id",
    "location_dest_id",
    "location_final_id",
    "partner_id",
    "picking_id",
    "picking_type_id",
    "warehouse_id",
    "state",
    "origin",
    "reference",
    "product_qty",
    "product_uom_qty",
    "quantity",
    "picked",
    "date",
    "date_deadline",
    "create_date",
    "write_date",
]
QUANT_COLUMNS = [
    "id",
    "product_id",
    "location_id",
    "company_id",
    "quantity",
    "reserved_quantity",
    "in_date",
    "create_date",
    "write_date",
]


@step("stock", order=50, requires=("stock.quant", "stock.move"))
def generate_stock(gen):
    env, rng = gen.env, gen.rng
    company = gen.data["company"]
    warehouses = gen.data["warehouses"]
    suppliers_location = env.ref("stock.stock_location_suppliers").id
    vendors = (
        env["res.partner"]
        .create(
            [
                {
                    "name": f"{name} Pembekal Sdn Bhd",
                    "is_company": True,
                    "company_id": company.id,
                    "supplier_rank": 1,
                    "country_id": env.ref("base.my").id,
                }
                for name in (CHINESE_FAMILY[:4] + MALAY_FAMILY[:4])
            ]
        )
        .ids
    )
    template = _templates(gen, warehouses[0], vendors[0])
    pickings = gen.writer(
        "stock_picking", template["stock_picking"], RECEIPT_PICKING_COLUMNS
    )
    moves = gen.writer("stock_move", template["stock_move"], RECEIPT_MOVE_COLUMNS)
    quants = gen.writer("stock_quant", template["stock_quant"], QUANT_COLUMNS)

    stock_out = gen.data["stock_out"]
    stock_reserved = gen.data["stock_reserved"]
    numbers = {wh["id"]: {"in": 0, "int": 0} for wh in warehouses}
    open_pickings = {}

    def picking(warehouse, kind, when, state, origin, vendor, destination=None):
        """The picking of ``kind`` for that warehouse and day (one a day)."""
        key = (warehouse["id"], kind, when.date(), state, destination)
        if key in open_pickings:
            return open_pickings[key]
        numbers[warehouse["id"]][kind] += 1
        prefix = warehouse["in_prefix"] if kind == "in" else warehouse["int_prefix"]
        name = f"{prefix}{numbers[warehouse['id']][kind]:05d}"
        picking_id = gen.ids("stock_picking", 1)[0]
        done = state == "done"
        pickings.add(
            picking_id,
            name,
            origin,
            suppliers_location if kind == "in" else warehouse["stock"],
            warehouse["stock"] if kind == "in" else destination,
            warehouse["in_type"] if kind == "in" else warehouse["int_type"],
            vendor,
            state,
            when,
            when,
            when,
            when if done else None,
            done,
            when,
            when,
        )
        open_pickings[key] = (picking_id, name)
        return open_pickings[key]

    def receive(product, warehouse, quantity, when, state, origin):
        vendor = vendor_of[product["id"]]
        picking_id, name = picking(warehouse, "in", when, state, origin, vendor)
        moves.add(
            gen.ids("stock_move", 1)[0],
            product["name"],
            product["id"],
            suppliers_location,
            warehouse["stock"],
            None,
            vendor,
            picking_id,
            warehouse["in_type"],
            None,
            state,
            origin,
            name,
            quantity,
            quantity,
            quantity,
            state == "done",
            when,
            when,
            when,
            when,
        )

    on_hand = defaultdict(float)
    first_in = {}
    storable = [p for p in gen.data["products"] if p["storable"]]
    vendor_of = {p["id"]: vendors[i % len(vendors)] for i, p in enumerate(storable)}
    for product in storable:
        for warehouse in warehouses:
            key = (product["id"], warehouse["id"])
            out, reserved = stock_out.get(key, 0.0), stock_reserved.get(key, 0.0)
            if not (out or reserved) and rng.random() < 0.2:
                continue  # not stocked there
            # what stays: the reservations, and some free stock (or none)
            free = 0.0 if rng.random() < 0.12 else float(rng.randint(1, 40) * 6)
            target = reserved + free
            later = round(target * 0.6)
            first = out + target - later
            when = gen.moment(rng.randint(380, 400))
            first_in[key] = when
            if first:
                receive(product, warehouse, first, when, "done", "PO/OPENING")
            if later:
                when = gen.moment(rng.randint(30, 120))
                receive(product, warehouse, later, when, "done", "PO/RESTOCK")
            on_hand[key] = first + later - out
            if rng.random() < 0.15:
                when = datetime.datetime.combine(
                    gen.today + datetime.timedelta(days=rng.randint(2, 21)),
                    datetime.time(2, 0),
                )
                receive(
                    product,
                    warehouse,
                    float(rng.randint(2, 20) * 12),
                    when,
                    "assigned",
                    "PO/PLANNED",
                )
    # transfers planned between warehouses (waiting, not reserved)
    if len(warehouses) > 1:
        for product in rng.sample(storable, k=max(1, len(storable) // 50)):
            source, destination = rng.sample(warehouses, 2)
            when = datetime.datetime.combine(
                gen.today + datetime.timedelta(days=rng.randint(1, 7)),
                datetime.time(3, 0),
            )
            picking_id, name = picking(
                source,
                "int",
                when,
                "confirmed",
                "Replenishment",
                None,
                destination["stock"],
            )
            quantity = float(rng.randint(1, 10) * 6)
            moves.add(
                gen.ids("stock_move", 1)[0],
                product["name"],
                product["id"],
                source["stock"],
                destination["stock"],
                None,
                None,
                picking_id,
                source["int_type"],
                None,
                "confirmed",
                "Replenishment",
                name,
                quantity,
                quantity,
                0.0,
                False,
                when,
                when,
                when,
                when,
            )
    # the quants
    locations = {wh["id"]: wh["stock"] for wh in warehouses}
    keys = [key for key in on_hand if on_hand[key] or stock_reserved.get(key)]
    for quant_id, key in zip(gen.ids("stock_quant", len(keys)), keys, strict=True):
        product_id, warehouse_id = key
        quants.add(
            quant_id,
            product_id,
            locations[warehouse_id],
            company.id,
            on_hand[key],
            stock_reserved.get(key, 0.0),
            first_in[key],
            first_in[key],
            gen.now,
        )
    gen.flush()
    for warehouse in warehouses:
        for kind, type_key in (("in", "in_type"), ("int", "int_type")):
            sequence = env["stock.picking.type"].browse(warehouse[type_key]).sequence_id
            sequence.number_next = numbers[warehouse["id"]][kind] + 1


def _templates(gen, warehouse, vendor):
    """A receipt (picking and move, confirmed) and a quant, made by the ORM."""
    product = next(p for p in gen.data["products"] if p["storable"])

    def build(env):
        suppliers = env.ref("stock.stock_location_suppliers")
        receipt = env["stock.picking"].create(
            {
                "picking_type_id": warehouse["in_type"],
                "partner_id": vendor,
                "location_id": suppliers.id,
                "location_dest_id": warehouse["stock"],
                "move_ids": [
                    (
                        0,
                        0,
                        {
                            "name": product["name"],
                            "product_id": product["id"],
                            "product_uom_qty": 5,
                            "location_id": suppliers.id,
                            "location_dest_id": warehouse["stock"],
                        },
                    )
                ],
            }
        )
        receipt.action_confirm()
        quant = env["stock.quant"].create(
            {
                "product_id": product["id"],
                "location_id": warehouse["stock"],
                "quantity": 1,
            }
        )
        return {
            "stock_picking": receipt.ids,
            "stock_move": receipt.move_ids.ids,
            "stock_quant": quant.ids,
        }

    rows = gen.template(build)
    return {table: table_rows[0] for table, table_rows in rows.items()}
