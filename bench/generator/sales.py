# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A year of sales: quotations, orders, their deliveries and invoices.

Orders are spread over the last 365 days. Older than a week: confirmed (3%
cancelled), delivered a few days later (done moves, a done picking), and
invoiced once more than ten days old (a posted invoice with its product, tax
and receivable lines). The last week: quotations (draft or sent) and
confirmed orders whose deliveries wait, most of them reserved. What the
deliveries take out and reserve is kept in ``gen.data["stock_out"]`` and
``gen.data["stock_reserved"]`` for the stock step, which fills the
warehouses accordingly.
"""

import datetime
import itertools
from collections import defaultdict

from odoo import Command

from .core import step

ORDER_COLUMNS = [
    "id",
    "name",
    "partner_id",
    "partner_invoice_id",
    "partner_shipping_id",
    "user_id",
    "team_id",
    "warehouse_id",
    "state",
    "date_order",
    "validity_date",
    "create_date",
    "write_date",
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "invoice_status",
    "delivery_status",
    "effective_date",
    "procurement_group_id",
    "access_token",
    # the moments of the quotation's life (issue 7's conversion)
    "sow_created_on",
    "sow_sent_on",
    "sow_signed_on",
    "sow_confirmed_on",
    "sow_cancelled_on",
    "sow_lost_reason_id",
]
LINE_COLUMNS = [
    "id",
    "order_id",
    "sequence",
    "order_partner_id",
    "salesman_id",
    "product_id",
    "name",
    "state",
    "invoice_status",
    "qty_delivered_method",
    "product_uom_qty",
    "price_unit",
    "technical_price_unit",
    "discount",
    "price_subtotal",
    "price_tax",
    "price_total",
    "price_reduce_taxexcl",
    "price_reduce_taxinc",
    "qty_delivered",
    "qty_invoiced",
    "qty_to_invoice",
    "untaxed_amount_invoiced",
    "untaxed_amount_to_invoice",
    "warehouse_id",
    "create_date",
    "write_date",
]
GROUP_COLUMNS = ["id", "name", "partner_id", "sale_id", "create_date", "write_date"]
PICKING_COLUMNS = [
    "id",
    "name",
    "origin",
    "group_id",
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
    "sale_id",
    "create_date",
    "write_date",
]
MOVE_COLUMNS = [
    "id",
    "name",
    "product_id",
    "location_id",
    "location_dest_id",
    "location_final_id",
    "partner_id",
    "picking_id",
    "group_id",
    "rule_id",
    "picking_type_id",
    "warehouse_id",
    "state",
    "origin",
    "reference",
    "description_picking",
    "product_qty",
    "product_uom_qty",
    "quantity",
    "picked",
    "date",
    "date_deadline",
    "reservation_date",
    "sale_line_id",
    "create_date",
    "write_date",
]
INVOICE_COLUMNS = [
    "id",
    "name",
    "sequence_prefix",
    "sequence_number",
    "partner_id",
    "commercial_partner_id",
    "partner_shipping_id",
    "invoice_user_id",
    "team_id",
    "payment_reference",
    "invoice_partner_display_name",
    "invoice_origin",
    "date",
    "invoice_date",
    "invoice_date_due",
    "delivery_date",
    "amount_untaxed",
    "amount_tax",
    "amount_total",
    "amount_residual",
    "amount_untaxed_signed",
    "amount_untaxed_in_currency_signed",
    "amount_tax_signed",
    "amount_total_signed",
    "amount_total_in_currency_signed",
    "amount_residual_signed",
    "access_token",
    "create_date",
    "write_date",
]
INVOICE_LINE_COLUMNS = [
    "id",
    "move_id",
    "move_name",
    "sequence",
    "partner_id",
    "product_id",
    "name",
    "date",
    "invoice_date",
    "date_maturity",
    "quantity",
    "price_unit",
    "discount",
    "price_subtotal",
    "price_total",
    "debit",
    "credit",
    "balance",
    "amount_currency",
    "amount_residual",
    "amount_residual_currency",
    "tax_base_amount",
    "create_date",
    "write_date",
]
INVOICE_DELAY_DAYS = 10
QUOTATION_DAYS = 7


def _money(value):
    return round(value + 1e-9, 2)


@step("sales", order=40, requires=("sale.order", "stock.picking", "account.move"))
def generate_sales(gen):
    _Sales(gen).run()


class _Sales:
    """The writers and counters of the sales step; one method per document."""

    def __init__(self, gen):
        self.gen = gen
        self.rng = rng = gen.rng
        env = gen.env
        self.warehouses = gen.data["warehouses"]
        self.customers = gen.data["customers"]
        self.tax = gen.data["tax"]
        self.customers_location = env.ref("stock.stock_location_customers").id
        self.products = [
            p
            for p in gen.data["products"]
            if p["type"] != "service" or rng.random() < 0.3
        ]
        self.cum_weights = list(
            itertools.accumulate(p["weight"] for p in self.products)
        )
        self.storable = {p["id"] for p in self.products if p["storable"]}
        self.rules = {
            wh["id"]: env["stock.rule"]
            .search(
                [
                    ("picking_type_id", "=", wh["out_type"]),
                    ("location_dest_id", "=", self.customers_location),
                ],
                limit=1,
            )
            .id
            or None
            for wh in self.warehouses
        }
        self.template = template = _templates(
            gen, self.customers[0], self.products, self.tax
        )
        writer = gen.writer
        self.orders = writer("sale_order", template["sale_order"], ORDER_COLUMNS)
        self.groups = writer(
            "procurement_group", template["procurement_group"], GROUP_COLUMNS
        )
        self.lines = writer(
            "sale_order_line", template["sale_order_line"], LINE_COLUMNS
        )
        self.line_taxes = writer(
            "account_tax_sale_order_line_rel",
            {},
            ["sale_order_line_id", "account_tax_id"],
        )
        self.pickings = writer(
            "stock_picking", template["stock_picking"], PICKING_COLUMNS
        )
        self.moves = writer("stock_move", template["stock_move"], MOVE_COLUMNS)
        self.invoices = writer(
            "account_move", template["account_move"], INVOICE_COLUMNS
        )
        # one table, three templates (account, display type, tax fields differ)
        self.aml = {
            kind: writer(
                "account_move_line", template["aml"][kind], INVOICE_LINE_COLUMNS
            )
            for kind in ("product", "tax", "payment_term")
        }
        self.aml_taxes = writer(
            "account_move_line_account_tax_rel",
            {},
            ["account_move_line_id", "account_tax_id"],
        )
        self.aml_tags = writer(
            "account_account_tag_account_move_line_rel",
            {},
            ["account_move_line_id", "account_account_tag_id"],
        )
        self.invoiced_lines = writer(
            "sale_order_line_invoice_rel", {}, ["invoice_line_id", "order_line_id"]
        )
        self.stock_out = defaultdict(float)
        self.stock_reserved = defaultdict(float)
        self.picking_numbers = defaultdict(int)
        self.invoice_numbers = defaultdict(int)
        self.states = defaultdict(int)
        self.lost_reasons = env["sale.order.lost.reason"].search([], order="id").ids

    def run(self):
        gen, rng = self.gen, self.rng
        count = gen.params["customers"] * gen.params["orders"]
        # the orders in date order, so that names and dates rise together
        days = sorted((rng.randint(0, 365) for _ in range(count)), reverse=True)
        order_ids = gen.ids("sale_order", count)
        for number, (order_id, days_ago) in enumerate(
            zip(order_ids, days, strict=True), 1
        ):
            self.order(order_id, f"S{number:06d}", days_ago)
        gen.flush()
        gen.data["stock_out"] = self.stock_out
        gen.data["stock_reserved"] = self.stock_reserved
        gen.data["order_states"] = dict(self.states)
        # Odoo's own numbering continues after the generated documents
        env, company = gen.env, gen.data["company"]
        env["ir.sequence"].search(
            [("code", "=", "sale.order"), ("company_id", "in", (False, company.id))]
        ).write({"number_next": count + 1})
        for warehouse in self.warehouses:
            sequence = (
                env["stock.picking.type"].browse(warehouse["out_type"]).sequence_id
            )
            sequence.number_next = self.picking_numbers[warehouse["id"]] + 1

    def order(self, order_id, name, days_ago):
        gen, rng = self.gen, self.rng
        customer = rng.choice(self.customers)
        partner_id, region, user_id, team_id = customer
        warehouse = self.warehouses[0 if rng.random() < 0.1 else region]
        date_order = gen.moment(days_ago)
        if days_ago <= QUOTATION_DAYS:
            state = rng.choices(["draft", "sent", "sale"], [4, 1, 5])[0]
        else:
            state = "cancel" if rng.random() < 0.03 else "sale"
        delivered = state == "sale" and days_ago > QUOTATION_DAYS
        invoiced = delivered and days_ago > INVOICE_DELAY_DAYS
        done_date = date_order + datetime.timedelta(days=rng.randint(1, 3), hours=2)
        self.states[state] += 1
        doc = {
            "id": order_id,
            "name": name,
            "customer": customer,
            "warehouse": warehouse,
            "state": state,
            "date": date_order,
            "done_date": done_date,
            "delivered": delivered,
            "invoiced": invoiced,
            "lines": self.choose_lines(),
            "group_id": gen.ids("procurement_group", 1)[0] if state == "sale" else None,
        }
        moments = self.moments(state, date_order)
        untaxed = _money(sum(line["subtotal"] for line in doc["lines"]))
        taxes = _money(sum(line["tax"] for line in doc["lines"]))
        doc["amounts"] = (untaxed, taxes, _money(untaxed + taxes))
        invoice_status = (
            "invoiced" if invoiced else ("to invoice" if delivered else "no")
        )
        self.orders.add(
            order_id,
            name,
            partner_id,
            partner_id,
            partner_id,
            user_id,
            team_id,
            warehouse["id"],
            state,
            date_order,
            (date_order + datetime.timedelta(days=30)).date(),
            date_order,
            done_date if delivered else date_order,
            *doc["amounts"],
            invoice_status,
            ("full" if delivered else "pending") if state == "sale" else None,
            done_date if delivered else None,
            doc["group_id"],
            None,
            *moments,
        )
        if doc["group_id"]:
            self.groups.add(
                doc["group_id"], name, partner_id, order_id, date_order, date_order
            )
        self.write_lines(doc, invoice_status)
        if state == "sale":
            self.delivery(doc)
        if invoiced:
            self.invoice(doc)

    def moments(self, state, date_order):
        """(created, first sent, first signed, confirmed, cancelled, lost
        reason) of an order whose Odoo date is ``date_order``: a quotation's
        date is its creation, an order's its confirmation (typed a few
        minutes before, at the customer); a cancelled quotation was lost a
        few days later, for a reason."""
        rng = self.rng
        sent = None
        if state == "sale":
            created = date_order - datetime.timedelta(seconds=rng.randint(120, 240))
            if rng.random() < 0.25:  # the quotation shared before the yes
                sent = created + datetime.timedelta(seconds=30)
            return created, sent, None, date_order, None, None
        created = date_order
        if state == "sent" or (state == "cancel" and rng.random() < 0.5):
            sent = created + datetime.timedelta(minutes=rng.randint(5, 120))
        if state == "cancel":
            cancelled = created + datetime.timedelta(days=rng.randint(1, 5))
            reason = rng.choice(self.lost_reasons) if self.lost_reasons else None
            return created, sent, None, None, cancelled, reason
        return created, sent, None, None, None, None

    def choose_lines(self):
        rng, tax = self.rng, self.tax
        # 1 to 9 products, 5 on average (issue 8's invoices of 5 lines)
        count = rng.choices(range(1, 10), [1, 1, 2, 3, 4, 3, 2, 1, 1])[0]
        chosen = {
            p["id"]: p
            for p in rng.choices(self.products, cum_weights=self.cum_weights, k=count)
        }
        lines = []
        for line_id, product in zip(
            self.gen.ids("sale_order_line", len(chosen)),
            chosen.values(),
            strict=True,
        ):
            quantity = float(rng.choice([1, 2, 3, 5, 6, 10, 12, 20, 24, 50]))
            discount = 5.0 if rng.random() < 0.1 else 0.0
            subtotal = _money(quantity * product["price"] * (1 - discount / 100))
            line_tax = _money(subtotal * tax.amount / 100) if product["taxed"] else 0.0
            lines.append(
                {
                    "id": line_id,
                    "product": product,
                    "quantity": quantity,
                    "discount": discount,
                    "subtotal": subtotal,
                    "tax": line_tax,
                }
            )
        return lines

    def write_lines(self, doc, invoice_status):
        partner_id, _region, user_id, _team_id = doc["customer"]
        delivered, invoiced = doc["delivered"], doc["invoiced"]
        tax_rate = self.tax.amount / 100 if self.tax else 0.0
        for sequence, line in enumerate(doc["lines"], 1):
            product, quantity, subtotal = (
                line["product"],
                line["quantity"],
                line["subtotal"],
            )
            unit = _money(subtotal / quantity)
            self.lines.add(
                line["id"],
                doc["id"],
                sequence * 10,
                partner_id,
                user_id,
                product["id"],
                product["name"],
                doc["state"],
                invoice_status,
                "manual" if product["type"] == "service" else "stock_move",
                quantity,
                product["price"],
                product["price"],
                line["discount"],
                subtotal,
                line["tax"],
                _money(subtotal + line["tax"]),
                unit,
                _money(unit * (1 + (tax_rate if product["taxed"] else 0))),
                quantity if delivered else 0.0,
                quantity if invoiced else 0.0,
                quantity if delivered and not invoiced else 0.0,
                subtotal if invoiced else 0.0,
                subtotal if delivered and not invoiced else 0.0,
                doc["warehouse"]["id"],
                doc["date"],
                doc["date"],
            )
            if product["taxed"]:
                self.line_taxes.add(line["id"], self.tax.id)

    def delivery(self, doc):
        goods = [line for line in doc["lines"] if line["product"]["type"] == "consu"]
        if not goods:
            return
        gen, warehouse = self.gen, doc["warehouse"]
        partner_id = doc["customer"][0]
        delivered, date_order, done_date = (
            doc["delivered"],
            doc["date"],
            doc["done_date"],
        )
        self.picking_numbers[warehouse["id"]] += 1
        picking_name = (
            f"{warehouse['out_prefix']}{self.picking_numbers[warehouse['id']]:05d}"
        )
        picking_id = gen.ids("stock_picking", 1)[0]
        if delivered:
            state = "done"
        else:
            state = "assigned" if self.rng.random() < 0.85 else "confirmed"
        scheduled = date_order + datetime.timedelta(days=1)
        self.pickings.add(
            picking_id,
            picking_name,
            doc["name"],
            doc["group_id"],
            warehouse["stock"],
            self.customers_location,
            warehouse["out_type"],
            partner_id,
            state,
            scheduled,
            scheduled,
            date_order,
            done_date if delivered else None,
            delivered,
            doc["id"],
            date_order,
            done_date if delivered else date_order,
        )
        for move_id, line in zip(gen.ids("stock_move", len(goods)), goods, strict=True):
            product, quantity = line["product"], line["quantity"]
            key = (product["id"], warehouse["id"])
            if product["id"] in self.storable:
                if delivered:
                    self.stock_out[key] += quantity
                elif state == "assigned":
                    self.stock_reserved[key] += quantity
            self.moves.add(
                move_id,
                product["name"],
                product["id"],
                warehouse["stock"],
                self.customers_location,
                self.customers_location,
                partner_id,
                picking_id,
                doc["group_id"],
                self.rules[warehouse["id"]],
                warehouse["out_type"],
                warehouse["id"],
                state,
                doc["name"],
                picking_name,
                product["name"],
                quantity,
                quantity,
                quantity if state in ("done", "assigned") else 0.0,
                delivered,
                done_date if delivered else scheduled,
                scheduled,
                scheduled.date(),
                line["id"],
                date_order,
                done_date if delivered else date_order,
            )

    def invoice(self, doc):
        gen, template = self.gen, self.template
        partner_id, _region, user_id, team_id = doc["customer"]
        done_date = doc["done_date"]
        untaxed, taxes, total = doc["amounts"]
        invoice_date = done_date.date()
        year = invoice_date.year
        self.invoice_numbers[year] += 1
        name = f"INV/{year}/{self.invoice_numbers[year]:05d}"
        invoice_id = gen.ids("account_move", 1)[0]
        due = invoice_date + datetime.timedelta(days=30)
        self.invoices.add(
            invoice_id,
            name,
            f"INV/{year}/",
            self.invoice_numbers[year],
            partner_id,
            partner_id,
            partner_id,
            user_id,
            team_id,
            name,
            template["partner_names"].get(partner_id),
            doc["name"],
            invoice_date,
            invoice_date,
            due,
            invoice_date,
            untaxed,
            taxes,
            total,
            total,
            untaxed,
            untaxed,
            taxes,
            total,
            total,
            total,
            None,
            done_date,
            done_date,
        )
        ids = iter(gen.ids("account_move_line", len(doc["lines"]) + 2))
        taxed_base = 0.0
        for sequence, line in enumerate(doc["lines"], 1):
            aml_id, product, subtotal = next(ids), line["product"], line["subtotal"]
            self._journal_item(
                "product",
                aml_id,
                invoice_id,
                name,
                sequence * 10,
                partner_id,
                product["id"],
                product["name"],
                invoice_date,
                None,
                (line["quantity"], product["price"], line["discount"]),
                (subtotal, _money(subtotal + line["tax"])),
                (0.0, subtotal),
                None,
                done_date,
            )
            self.invoiced_lines.add(aml_id, line["id"])
            if product["taxed"]:
                taxed_base += subtotal
                self.aml_taxes.add(aml_id, self.tax.id)
                for tag_id in template["tags"]["product"]:
                    self.aml_tags.add(aml_id, tag_id)
        if taxes:
            aml_id = next(ids)
            tax_template = template["aml"]["tax"]
            self._journal_item(
                "tax",
                aml_id,
                invoice_id,
                name,
                tax_template["sequence"],
                partner_id,
                None,
                tax_template["name"],
                invoice_date,
                None,
                (0.0, 0.0, 0.0),
                (0.0, 0.0),
                (0.0, taxes),
                _money(taxed_base),
                done_date,
            )
            for tag_id in template["tags"]["tax"]:
                self.aml_tags.add(aml_id, tag_id)
        self._journal_item(
            "payment_term",
            next(ids),
            invoice_id,
            name,
            template["aml"]["payment_term"]["sequence"],
            partner_id,
            None,
            name,
            invoice_date,
            due,
            (0.0, 0.0, 0.0),
            (0.0, 0.0),
            (total, 0.0),
            None,
            done_date,
            residual=total,
        )

    def _journal_item(
        self,
        kind,
        aml_id,
        invoice_id,
        move_name,
        sequence,
        partner_id,
        product_id,
        label,
        date,
        maturity,
        quantities,
        prices,
        amounts,
        tax_base,
        written,
        residual=0.0,
    ):
        quantity, price_unit, discount = quantities
        price_subtotal, price_total = prices
        debit, credit = amounts
        balance = _money(debit - credit)
        self.aml[kind].add(
            aml_id,
            invoice_id,
            move_name,
            sequence,
            partner_id,
            product_id,
            label,
            date,
            date,
            maturity,
            quantity,
            price_unit,
            discount,
            price_subtotal,
            price_total,
            debit,
            credit,
            balance,
            balance,
            residual,
            residual,
            tax_base,
            written,
            written,
        )


def _templates(gen, customer, products, tax):
    """One order, confirmed, with its picking, move and procurement group, and
    one posted invoice with a taxed and an untaxed line, made by the ORM."""
    company = gen.data["company"]
    partner_id, region, user_id, team_id = customer
    warehouse = gen.data["warehouses"][region]
    goods = [p for p in products if p["storable"]]
    taxed = next(p for p in goods if p["taxed"]) if tax else goods[0]
    untaxed = next(p for p in goods if not p["taxed"])
    extra = {}

    def build(env):
        order = env["sale.order"].create(
            {
                "partner_id": partner_id,
                "user_id": user_id,
                "team_id": team_id,
                "warehouse_id": warehouse["id"],
                "order_line": [
                    Command.create({"product_id": untaxed["id"], "product_uom_qty": 2})
                ],
            }
        )
        order.action_confirm()
        invoice = env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner_id,
                "invoice_user_id": user_id,
                "company_id": company.id,
                "invoice_date": gen.today,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": taxed["id"],
                            "quantity": 1,
                            "price_unit": 10,
                            "tax_ids": [Command.set(tax.ids)],
                        }
                    ),
                    Command.create(
                        {
                            "product_id": untaxed["id"],
                            "quantity": 1,
                            "price_unit": 10,
                            "tax_ids": [Command.clear()],
                        }
                    ),
                ],
            }
        )
        invoice.action_post()
        env.flush_all()
        by_type = {}
        for line in invoice.line_ids:
            if line.display_type == "product" and line.tax_ids:
                by_type["product"] = line
            elif line.display_type in ("tax", "payment_term"):
                by_type[line.display_type] = line
        extra["aml_ids"] = {kind: line.id for kind, line in by_type.items()}
        extra["tags"] = {
            "product": by_type["product"].tax_tag_ids.ids,
            "tax": by_type["tax"].tax_tag_ids.ids if "tax" in by_type else [],
        }
        return {
            "sale_order": order.ids,
            "sale_order_line": order.order_line.ids,
            "procurement_group": order.procurement_group_id.ids,
            "stock_picking": order.picking_ids.ids,
            "stock_move": order.picking_ids.move_ids.ids,
            "account_move": invoice.ids,
            "account_move_line": invoice.line_ids.ids,
        }

    rows = gen.template(build)
    amls = {row["id"]: row for row in rows["account_move_line"]}
    aml = {kind: amls[aml_id] for kind, aml_id in extra["aml_ids"].items()}
    aml.setdefault("tax", aml["product"])
    gen.cr.execute(
        "SELECT id, name FROM res_partner WHERE id = ANY(%s)",
        [[c[0] for c in gen.data["customers"]]],
    )
    return {
        "sale_order": rows["sale_order"][0],
        "sale_order_line": rows["sale_order_line"][0],
        "procurement_group": rows["procurement_group"][0],
        "stock_picking": rows["stock_picking"][0],
        "stock_move": rows["stock_move"][0],
        "account_move": rows["account_move"][0],
        "aml": aml,
        "tags": extra["tags"],
        "partner_names": dict(gen.cr.fetchall()),
    }
