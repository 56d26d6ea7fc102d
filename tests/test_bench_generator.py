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
from ..tools.geo import haversine_m


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
        cls.visits = cls.env["sale.visit"].search([("company_id", "=", cls.company.id)])
        cls.employees = cls.env["hr.employee"].browse(
            list(cls.gen.data["employees"].values())
        )
        cls.attendances = cls.env["hr.attendance"].search(
            [("employee_id", "in", cls.employees.ids)]
        )
        cls.collections = cls.env["sale.collection"].search(
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
        # the moments of each quotation's life, in order
        for order in self.orders:
            self.assertTrue(order.sow_created_on, order.name)
            if order.state == "sale":
                self.assertEqual(order.sow_confirmed_on, order.date_order)
                self.assertLess(order.sow_created_on, order.sow_confirmed_on)
            else:
                self.assertFalse(order.sow_confirmed_on, order.name)
                self.assertEqual(order.sow_created_on, order.date_order)
            if order.state == "sent":
                self.assertGreater(order.sow_sent_on, order.sow_created_on)
            if order.state == "cancel":
                self.assertGreater(order.sow_cancelled_on, order.sow_created_on)
                self.assertTrue(order.sow_lost_reason_id, order.name)
            else:
                self.assertFalse(order.sow_cancelled_on or order.sow_lost_reason_id)
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

    def test_payments_are_what_register_payment_makes(self):
        payments = self.env["account.payment"].search(
            [("company_id", "=", self.company.id)]
        )
        self.assertTrue(payments, "no invoice was paid")
        paid = self.invoices.filtered(lambda inv: inv.payment_state != "not_paid")
        self.assertEqual(len(paid), len(payments))
        for payment in payments:
            invoice = payment.invoice_ids
            self.assertEqual(len(invoice), 1, payment.name)
            self.assertEqual(payment.reconciled_invoice_ids, invoice, payment.name)
            self.assertEqual(payment.state, "paid", payment.name)
            self.assertEqual(payment.move_id.state, "posted", payment.name)
            self.assertEqual(payment.move_id.origin_payment_id, payment)
            self.assertEqual(invoice._get_reconciled_payments(), payment)
            self.assertEqual(payment.amount, invoice.amount_total, payment.name)
            self.assertGreater(payment.date, invoice.invoice_date, payment.name)
            self.assertEqual(
                float_compare(
                    sum(payment.move_id.line_ids.mapped("balance")),
                    0.0,
                    precision_digits=2,
                ),
                0,
                payment.name,
            )
        # what Odoo computes of them is what was written
        self.assertRecomputed(
            payments, ["is_reconciled", "is_matched", "amount_company_currency_signed"]
        )
        self.assertRecomputed(
            payments.move_id.line_ids | paid.line_ids,
            ["amount_residual", "amount_residual_currency", "reconciled"],
        )
        self.assertRecomputed(paid, ["amount_residual", "payment_state"])
        # names rise with the dates, and Odoo's numbering goes on after them
        ordered = payments.sorted(lambda p: (p.date, p.id))
        self.assertEqual(ordered.mapped("name"), payments.sorted("name").mapped("name"))
        last = payments.sorted(lambda p: (p.date.year, p.move_id.sequence_number))[-1]
        unpaid = self.invoices.filtered(lambda inv: inv.payment_state == "not_paid")
        new = (
            self.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=unpaid[:1].ids)
            .create({"payment_date": last.date})
            ._create_payments()
        )
        self.assertEqual(new.move_id.sequence_number, last.move_id.sequence_number + 1)
        self.assertEqual(new.move_id.sequence_prefix, last.move_id.sequence_prefix)
        self.assertEqual(unpaid[:1].payment_state, "paid")

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

    def test_attendance_is_what_odoo_computes(self):
        self.assertEqual(len(self.employees), 2)
        self.assertEqual(set(self.employees.user_id.ids), set(self.gen.data["reps"]))
        # reps work their route, not office hours: no overtime
        self.assertTrue(all(self.employees.mapped("is_fully_flexible")))
        # a working day per rep per working day (a few days off)
        weekdays = sum(
            1
            for days_ago in range(1, 366)
            if (self.gen.today - datetime.timedelta(days=days_ago)).weekday() < 5
        )
        self.assertGreater(len(self.attendances), 2 * weekdays * 0.9)
        self.assertLessEqual(len(self.attendances), 2 * weekdays)
        for attendance in self.attendances:
            self.assertLess(attendance.check_in.weekday(), 5)
            # 8:30 and 17:30 in Malaysia (UTC+8), with jitter
            self.assertLess(
                attendance.check_in.hour * 60 + attendance.check_in.minute, 60
            )
            self.assertGreater(
                attendance.check_out.hour * 60 + attendance.check_out.minute,
                8 * 60 + 45,
            )
            self.assertTrue(attendance.in_latitude and attendance.out_longitude)
            self.assertEqual(attendance.in_mode, "sow_field")
        self.assertRecomputed(
            self.attendances, ["worked_hours", "overtime_hours", "expected_hours"]
        )
        # Odoo's own overtime check finds nothing to add
        self.attendances._update_overtime()
        self.assertFalse(
            self.env["hr.attendance.overtime"].search(
                [("employee_id", "in", self.employees.ids)]
            )
        )

    def test_visits_inside_the_day(self):
        visits = self.visits
        made = visits.filtered(lambda v: v.state == "checked_out")
        self.assertGreater(len(made), len(self.attendances))
        self.assertEqual(
            set(visits.mapped("state")) - {"checked_out", "cancelled", "planned"}, set()
        )
        self.assertTrue(visits.filtered(lambda v: v.state == "planned"))
        statuses = made.mapped("location_status")
        self.assertGreater(statuses.count("verified"), len(made) * 0.7)
        self.assertTrue("outside" in statuses and "no_gps" in statuses)
        self.assertTrue(made.filtered("flag_low_accuracy"))
        self.assertTrue(made.filtered("flag_auto_closed"))
        radius = self.company.sow_visit_radius
        by_rep = {}
        for visit in made:
            attendance = visit.attendance_id
            self.assertTrue(attendance, visit.name)
            self.assertEqual(attendance.employee_id, visit.employee_id)
            self.assertEqual(visit.employee_id.user_id, visit.user_id)
            self.assertEqual(visit.partner_id.user_id, visit.user_id)
            self.assertLessEqual(attendance.check_in, visit.check_in, visit.name)
            self.assertLess(visit.check_in, visit.check_out, visit.name)
            self.assertLessEqual(visit.check_out, attendance.check_out, visit.name)
            self.assertTrue(visit.outcome)
            if visit.location_status == "no_gps":
                self.assertFalse(visit.check_in_latitude)
            else:
                self.assertAlmostEqual(
                    haversine_m(
                        visit.check_in_latitude,
                        visit.check_in_longitude,
                        visit.partner_id.partner_latitude,
                        visit.partner_id.partner_longitude,
                    ),
                    visit.check_in_distance,
                    delta=0.1,
                )
                self.assertEqual(
                    visit.location_status,
                    "verified" if visit.check_in_distance <= radius else "outside",
                )
            by_rep.setdefault(visit.user_id, []).append(visit)
        # one visit at a time
        for rep_visits in by_rep.values():
            rep_visits.sort(key=lambda v: v.check_in)
            for before, after in zip(rep_visits, rep_visits[1:], strict=False):
                self.assertLessEqual(before.check_out, after.check_in, after.name)
        self.assertRecomputed(
            visits, ["duration", "is_flagged", "employee_id", "team_id"]
        )
        visits._check_no_order_reason()
        # Odoo's numbering goes on after the generated visits
        new = self.env["sale.visit"].create(
            {"partner_id": self.customers[0].id, "company_id": self.company.id}
        )
        self.assertFalse(new.name in visits.mapped("name"), new.name)
        year = f"VIS/{new.planned_date.year}/"
        last = max(n for n in visits.mapped("name") if n.startswith(year))
        self.assertEqual(int(new.name.split("/")[-1]), int(last.split("/")[-1]) + 1)

    def test_orders_taken_at_visits(self):
        orders = self.orders.filtered("visit_id")
        self.assertTrue(orders)
        self.assertTrue(self.orders - orders)
        for order in orders:
            visit = order.visit_id
            self.assertEqual(order.partner_id, visit.partner_id)
            self.assertEqual(order.user_id, visit.user_id)
            self.assertLessEqual(visit.check_in, order.date_order, order.name)
            self.assertLessEqual(order.date_order, visit.check_out, order.name)
        self.assertRecomputed(self.orders, ["sow_channel"])
        orders._check_sow_visit()
        # the visit's outcome is what its documents say
        for visit in orders.visit_id:
            if visit.sale_order_ids.filtered(lambda o: o.state != "cancel"):
                self.assertEqual(visit.outcome, visit._sow_outcome_from_documents())

    def test_collections_fit_the_invoices(self):
        collections = self.collections
        self.assertTrue(collections)
        states = set(collections.mapped("state"))
        self.assertLessEqual(states, {"draft", "collected", "handed_over", "cancelled"})
        self.assertLessEqual({"collected", "handed_over"}, states)
        self.assertEqual(
            set(collections.mapped("method")), {"cash", "cheque", "bank_transfer"}
        )
        lines = collections.line_ids
        self.assertGreater(len(lines), len(collections) * 0.99)
        allocated = {}
        lines.invalidate_recordset()  # the stored columns as generated
        for line in lines:
            collection, invoice = line.collection_id, line.move_id
            # stored related columns, which the record rules read
            self.assertEqual(line.company_id, collection.company_id)
            self.assertEqual(line.currency_id, collection.currency_id)
            self.assertEqual(invoice.state, "posted")
            self.assertEqual(invoice.move_type, "out_invoice")
            self.assertEqual(invoice.partner_id, collection.partner_id)
            self.assertGreater(line.amount, 0)
            self.assertLessEqual(invoice.invoice_date, collection.date)
            allocated[invoice] = allocated.get(invoice, 0.0) + line.amount
        for invoice, amount in allocated.items():
            self.assertLessEqual(
                float_compare(amount, invoice.amount_residual, precision_digits=2),
                0,
                invoice.name,
            )
            # nothing is posted: the invoices still owe everything
            self.assertEqual(invoice.payment_state, "not_paid")
        for collection in collections:
            self.assertEqual(collection.user_id, collection.partner_id.user_id)
            self.assertEqual(bool(collection.name), collection.state != "draft")
            visit = collection.visit_id
            if visit:
                self.assertEqual(visit.partner_id, collection.partner_id)
                self.assertEqual(visit.user_id, collection.user_id)
                moment = collection.collected_at or collection.create_date
                self.assertLessEqual(visit.check_in, moment, collection.name)
                self.assertLessEqual(moment, visit.check_out, collection.name)
                self.assertLess(
                    max(collection.line_ids.move_id.mapped("invoice_date")),
                    visit.check_in.date(),
                )
        self.assertTrue(collections.filtered("visit_id"))
        self.assertTrue(collections.filtered(lambda c: not c.visit_id))
        self.assertTrue(
            collections.visit_id.filtered(lambda v: v.outcome == "collection")
        )
        # Odoo's own checks and computations find the stored values
        collections._check_state_consistency()
        collections._check_visit()
        collections._check_handover()
        collections._check_allocation_total()
        lines._check_invoice()
        pending = collections.filtered(
            lambda c: c.state in ("collected", "handed_over")
        )
        pending._sow_check_allocations()
        self.assertRecomputed(
            collections,
            [
                "allocated_amount",
                "unallocated_amount",
                "is_pdc",
                "commercial_partner_id",
                "team_id",
            ],
        )
        handovers = collections.handover_id
        self.assertTrue(handovers)
        self.assertEqual(set(handovers.mapped("state")), {"submitted"})
        self.assertRecomputed(
            handovers,
            [
                "collection_count",
                "amount_cash",
                "amount_cheque",
                "cheque_count",
                "amount_bank_transfer",
                "amount_total",
                "variance",
            ],
        )
        for handover in handovers:
            self.assertEqual(handover.collection_ids.user_id, handover.user_id)
        # Odoo's receipt numbering goes on after the generated receipts
        new = self.env["sale.collection"].create(
            {
                "partner_id": self.customers[0].id,
                "user_id": self.customers[0].user_id.id,
                "company_id": self.company.id,
                "amount": 10.0,
                "method": "cash",
            }
        )
        new.action_collect()
        self.assertFalse(new.name in collections.mapped("name"), new.name)
        year = f"OR/{new.date.year}/"
        last = max(n for n in collections.mapped("name") if n and n.startswith(year))
        self.assertEqual(int(new.name.split("/")[-1]), int(last.split("/")[-1]) + 1)

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
            visits = env["sale.visit"].search(
                [("company_id", "=", gen.data["company"].id)], order="id"
            )
            collections = env["sale.collection"].search(
                [("company_id", "=", gen.data["company"].id)], order="id"
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
                orders.mapped("visit_id.name"),
                visits.mapped("name"),
                visits.mapped("partner_id.ref"),
                visits.mapped("check_in"),
                visits.mapped("check_in_latitude"),
                visits.mapped("location_status"),
                visits.mapped("outcome"),
                visits.mapped("attendance_id.check_out"),
                collections.mapped("name"),
                collections.mapped("partner_id.ref"),
                collections.mapped("amount"),
                collections.mapped("state"),
                collections.mapped("visit_id.name"),
                collections.line_ids.mapped("move_id.name"),
                collections.line_ids.mapped("amount"),
                env["account.payment"]
                .search([("company_id", "=", gen.data["company"].id)], order="id")
                .mapped(lambda p: (p.name, p.date, p.amount, p.invoice_ids.name)),
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
