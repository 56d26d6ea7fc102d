# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The benchmark data generator at its tiny size (XS): what it writes with
COPY must be what Odoo itself would compute, and hold together."""

import datetime

from odoo import fields
from odoo.tests import TransactionCase, tagged
from odoo.tools import check_barcode_encoding, float_compare

from ..bench.benchmarks.stock_availability import odoo_way, same_numbers
from ..bench.generator import Generator, verify_foreign_keys
from ..bench.harness import Benchmark, Case, Result, Stats, table


@tagged("post_install", "-at_install")
class TestBenchGenerator(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.gen = Generator(cls.env, "XS", log=lambda message: None).run()
        cls.env = cls.gen.env
        cls.company = cls.gen.data["company"]
        cls.customers = cls.env["res.partner"].browse(
            [c[0] for c in cls.gen.data["customers"]]
        )
        cls.products = cls.env["product.product"].browse(
            [p["id"] for p in cls.gen.data["products"]]
        )
        cls.orders = cls.env["sale.order"].search([("company_id", "=", cls.company.id)])
        cls.invoices = cls.env["account.move"].search(
            [("company_id", "=", cls.company.id), ("move_type", "=", "out_invoice")]
        )
        cls.warehouses = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)]
        )

    def _recomputed(self, records, names):
        """{id: values} as stored, and as Odoo computes them again."""
        stored = {r.id: tuple(r[name] for name in names) for r in records}
        for name in names:
            self.env.add_to_compute(records._fields[name], records)
        again = {r.id: tuple(r[name] for name in names) for r in records}
        return stored, again

    def assertRecomputed(self, records, names, digits=2):
        stored, again = self._recomputed(records, names)
        for record_id, values in stored.items():
            for name, value, expected in zip(
                names, values, again[record_id], strict=True
            ):
                if isinstance(value, float):
                    self.assertEqual(
                        float_compare(value, expected, precision_digits=digits),
                        0,
                        f"{records._name} {record_id} {name}: {value} != {expected}",
                    )
                else:
                    self.assertEqual(
                        value, expected, f"{records._name} {record_id} {name}"
                    )

    def test_every_row_points_somewhere(self):
        self.assertEqual(self.gen.rows["res_partner"], 40)
        self.assertEqual(self.gen.rows["product_product"], 60)
        self.assertEqual(self.gen.rows["sale_order"], 80)
        for table_name in ("stock_move", "stock_quant", "account_move_line"):
            self.assertGreater(self.gen.rows.get(table_name, 0), 0, table_name)
        self.assertEqual(verify_foreign_keys(self.env.cr, list(self.gen.rows)), [])
        self.assertEqual(len(self.warehouses), 2)

    def test_malaysian_customers_and_products(self):
        my = self.env.ref("base.my")
        for customer in self.customers:
            self.assertEqual(customer.country_id, my)
            self.assertEqual(customer.state_id.country_id, my)
            self.assertTrue(customer.phone.startswith("+60 "), customer.phone)
            self.assertTrue(0.5 < customer.partner_latitude < 7.5)
            self.assertTrue(99.5 < customer.partner_longitude < 119.5)
            self.assertEqual(customer.commercial_partner_id, customer)
            self.assertTrue(
                customer.user_id.has_group("sales_order_workflow.group_field_rep")
            )
        self.assertEqual(self.customers.company_id, self.company)
        for product in self.products:
            self.assertTrue(
                check_barcode_encoding(product.barcode, "ean13"), product.barcode
            )
            self.assertTrue(product.default_code)
            self.assertGreater(product.list_price, 0)
            self.assertGreater(product.with_company(self.company).standard_price, 0)
        self.assertTrue(self.products.filtered("is_storable"))

    def test_orders_are_what_odoo_computes(self):
        self.assertEqual(
            set(self.orders.mapped("state")) - {"draft", "sent", "sale", "cancel"},
            set(),
        )
        lines = self.orders.order_line
        self.assertRecomputed(lines, ["price_subtotal", "price_tax", "price_total"])
        self.assertRecomputed(
            self.orders, ["amount_untaxed", "amount_tax", "amount_total"]
        )
        # deliveries and invoices, as Odoo counts them from moves and invoice lines
        self.assertRecomputed(
            lines, ["qty_delivered", "qty_invoiced", "qty_to_invoice"]
        )
        self.assertRecomputed(lines, ["invoice_status"])
        self.assertRecomputed(self.orders, ["invoice_status"])
        # a confirmed order has its delivery, an older one its invoice
        confirmed = self.orders.filtered(lambda o: o.state == "sale")
        self.assertTrue(confirmed.picking_ids)
        self.assertTrue(confirmed.invoice_ids)

    def test_invoices_are_posted_and_balanced(self):
        self.assertTrue(self.invoices)
        self.assertEqual(set(self.invoices.mapped("state")), {"posted"})
        for invoice in self.invoices:
            self.assertEqual(
                float_compare(
                    sum(invoice.line_ids.mapped("debit")),
                    sum(invoice.line_ids.mapped("credit")),
                    precision_digits=2,
                ),
                0,
                invoice.name,
            )
        self.assertRecomputed(
            self.invoices,
            [
                "amount_untaxed",
                "amount_tax",
                "amount_total",
                "amount_residual",
                "payment_state",
            ],
        )
        # Odoo's numbering goes on after the generated invoices
        last = self.invoices.sorted("sequence_number")[-1]
        new = self.invoices[0].copy({"invoice_date": last.invoice_date})
        new.action_post()
        self.assertEqual(new.sequence_number, last.sequence_number + 1)

    def test_stock_holds_together(self):
        cr = self.env.cr
        # a quant holds what came in minus what went out, and what is reserved
        cr.execute(
            """
            SELECT q.product_id, q.location_id, q.quantity, q.reserved_quantity,
                   COALESCE((SELECT SUM(m.quantity) FROM stock_move m
                              WHERE m.product_id = q.product_id AND m.state = 'done'
                                AND m.location_dest_id = q.location_id), 0)
                 - COALESCE((SELECT SUM(m.quantity) FROM stock_move m
                              WHERE m.product_id = q.product_id AND m.state = 'done'
                                AND m.location_id = q.location_id), 0),
                   COALESCE((SELECT SUM(m.quantity) FROM stock_move m
                              WHERE m.product_id = q.product_id AND m.state = 'assigned'
                                AND m.location_id = q.location_id), 0)
              FROM stock_quant q
              JOIN stock_location l ON l.id = q.location_id
             WHERE l.company_id = %s AND l.usage = 'internal'
            """,
            [self.company.id],
        )
        rows = cr.fetchall()
        self.assertTrue(rows)
        for product_id, location_id, quantity, reserved, moved, assigned in rows:
            self.assertEqual(quantity, moved, f"product {product_id} at {location_id}")
            self.assertEqual(
                reserved, assigned, f"product {product_id} at {location_id}"
            )
            self.assertGreaterEqual(quantity, reserved)

    def test_availability_equals_odoo_on_generated_data(self):
        products = self.products.with_env(self.env)
        for when in (None, fields.Datetime.now() - datetime.timedelta(days=30)):
            ours = products.sow_availability(
                warehouse_ids=self.warehouses.ids, date=when
            )
            same_numbers(ours, odoo_way(products, self.warehouses, when))
        # the comparison does fail on a difference
        ours = products.sow_availability(warehouse_ids=self.warehouses.ids)
        stocked = next(
            (pid, wid)
            for pid, per in ours.items()
            for wid, e in per.items()
            if e["on_hand"]
        )
        ours[stocked[0]][stocked[1]]["on_hand"] += 1
        with self.assertRaises(AssertionError):
            same_numbers(ours, odoo_way(products, self.warehouses))

    def test_same_seed_same_data(self):
        def fingerprint(gen):
            env = gen.env
            customers = env["res.partner"].browse([c[0] for c in gen.data["customers"]])
            products = env["product.product"].browse(
                [p["id"] for p in gen.data["products"]]
            )
            orders = env["sale.order"].search(
                [("company_id", "=", gen.data["company"].id)], order="name"
            )
            return (
                customers.mapped("name"),
                customers.mapped("street"),
                customers.mapped("partner_latitude"),
                customers.mapped("user_id.login"),
                products.mapped("name"),
                products.mapped("barcode"),
                orders.mapped("state"),
                orders.mapped("amount_total"),
                sorted(gen.rows.items()),
            )

        first = fingerprint(self.gen)
        savepoint = self.env.cr.savepoint()
        try:
            # a second company or rep of the same name cannot exist
            self.company.name = "Dagang Bench (first run)"
            for user in self.env["res.users"].browse(self.gen.data["reps"]):
                user.login = f"first-{user.login}"
            second = Generator(self.env, "XS", log=lambda message: None).run()
            self.assertNotEqual(second.data["company"], self.company)
            self.assertEqual(fingerprint(second), first)
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()
            self.env.registry.clear_cache()

    def test_results_table(self):
        class Fake(Benchmark):
            name = "fake"

        ours, odoo = (
            Stats([0.1, 0.2, 0.3], [4], [1024 * 1024]),
            Stats([1.0, 2.0, 3.0], [40], [4 * 1024 * 1024]),
        )
        text = table([Result(Fake(), Case("10 things", None, None), ours, odoo)])
        self.assertIn(
            "| fake | 10 things | 200 ms (100 ms–300 ms) "
            "| 2,000 ms (1,000 ms–3,000 ms) "
            "| 0.100 (10.0× faster) | 4 / 40 | 1.0 MB / 4.0 MB |",
            text,
        )
