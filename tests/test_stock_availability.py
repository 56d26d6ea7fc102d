# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

import pytz

from odoo import Command, fields
from odoo.exceptions import AccessError, MissingError, UserError
from odoo.tests import tagged

from .common import SowCommon

ODOO_FIELDS = {
    "on_hand": "qty_available",
    "free": "free_qty",
    "incoming": "incoming_qty",
    "outgoing": "outgoing_qty",
    "forecast": "virtual_available",
}


class StockAvailabilityCommon(SowCommon):
    """Stock in Kuala Lumpur and Penang, with reservations from a confirmed
    order, a planned receipt, a planned transfer between the warehouses, a
    receipt in dozens, and done moves dated in the past."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.now = fields.Datetime.now()
        cls.suppliers = cls.env.ref("stock.stock_location_suppliers")
        cls.customers = cls.env.ref("stock.stock_location_customers")
        cls.kl_stock = cls.wh_kl.lot_stock_id
        cls.png_stock = cls.wh_png.lot_stock_id
        cls.uom_dozen = cls.env.ref("uom.product_uom_dozen")

        cls.product_sugar = cls._sow_create_product("Gula Pasir 1kg", "SUG-01", 3.20)
        cls.product_tea = cls._sow_create_product("Teh Uncang 100s", "TEA-100", 12.90)
        cls.service = cls._sow_create_product(
            "Delivery Charge", "SRV-DEL", 15.0, type="service", is_storable=False
        )
        cls.consumable = cls._sow_create_product(
            "Plastic Bags", "BAG-01", 0.10, is_storable=False
        )

        # rice: 100 in KL (30 of them reserved by a confirmed order), 40 in Penang
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls._sow_set_stock(cls.product_rice, cls.wh_png, 40)
        cls.order = cls._sow_create_order(
            cls.customer_kl,
            [(cls.product_rice, 30)],
            confirm=True,
            warehouse_id=cls.wh_kl.id,
        )
        # 50 rice planned to arrive in Penang in five days
        cls.receipt = cls._sow_create_move(
            cls.product_rice,
            cls.suppliers,
            cls.png_stock,
            50,
            date=cls.now + datetime.timedelta(days=5),
        )
        # oil: 10 in KL, 4 of them planned to move to Penang tomorrow
        cls._sow_set_stock(cls.product_oil, cls.wh_kl, 10)
        cls.transfer = cls._sow_create_move(
            cls.product_oil,
            cls.kl_stock,
            cls.png_stock,
            4,
            date=cls.now + datetime.timedelta(days=1),
        )
        # sugar, in units: 2 dozen planned in KL; 5 dozen received 3 days ago,
        # 7 units delivered yesterday (both done)
        cls._sow_create_move(
            cls.product_sugar,
            cls.suppliers,
            cls.kl_stock,
            2,
            uom=cls.uom_dozen,
            date=cls.now + datetime.timedelta(days=2),
        )
        cls._sow_create_move(
            cls.product_sugar,
            cls.suppliers,
            cls.kl_stock,
            5,
            uom=cls.uom_dozen,
            date=cls.now - datetime.timedelta(days=3),
            done=True,
        )
        cls._sow_create_move(
            cls.product_sugar,
            cls.kl_stock,
            cls.customers,
            7,
            date=cls.now - datetime.timedelta(days=1),
            done=True,
        )
        cls.products = (
            cls.product_rice | cls.product_oil | cls.product_sugar | cls.product_tea
        )
        cls.warehouses = cls.wh_kl | cls.wh_png

    def _odoo_numbers(self, products, warehouse, to_date=None):
        """Odoo's own numbers for one warehouse."""
        context = {"warehouse_id": warehouse.id}
        if to_date:
            context["to_date"] = to_date
        records = products.with_context(**context).read(list(ODOO_FIELDS.values()))
        return {
            record["id"]: {key: record[name] for key, name in ODOO_FIELDS.items()}
            for record in records
        }

    def assertSameAsOdoo(self, result, products, warehouses, to_date=None):
        for warehouse in warehouses:
            odoo = self._odoo_numbers(products, warehouse, to_date)
            for product in products:
                ours = result[product.id][warehouse.id]
                for key in ODOO_FIELDS:
                    self.assertEqual(
                        ours[key],
                        odoo[product.id][key],
                        f"{product.display_name} in {warehouse.name}: {key}",
                    )


@tagged("post_install", "-at_install")
class TestStockAvailability(StockAvailabilityCommon):
    def test_numbers_per_warehouse(self):
        result = self.products.sow_availability()
        self.assertEqual(set(result), set(self.products.ids))
        # every warehouse of the company, nothing else
        self.assertEqual(set(result[self.product_rice.id]), set(self.warehouses.ids))
        rice_kl = result[self.product_rice.id][self.wh_kl.id]
        self.assertEqual(
            rice_kl,
            {
                "tracked": True,
                "on_hand": 100.0,
                "reserved": 30.0,
                "free": 70.0,
                "incoming": 0.0,
                "outgoing": 30.0,
                "forecast": 70.0,
            },
        )
        rice_png = result[self.product_rice.id][self.wh_png.id]
        self.assertEqual(
            (rice_png["on_hand"], rice_png["free"], rice_png["incoming"]),
            (40.0, 40.0, 50.0),
        )
        self.assertEqual(rice_png["forecast"], 90.0)
        # a transfer between the warehouses goes out of one and into the other
        oil = result[self.product_oil.id]
        self.assertEqual(
            (oil[self.wh_kl.id]["outgoing"], oil[self.wh_kl.id]["forecast"]), (4.0, 6.0)
        )
        self.assertEqual(
            (oil[self.wh_png.id]["incoming"], oil[self.wh_png.id]["forecast"]),
            (4.0, 4.0),
        )
        # dozens in the product's unit: 60 received - 7 delivered, 24 to come
        sugar = result[self.product_sugar.id][self.wh_kl.id]
        self.assertEqual((sugar["on_hand"], sugar["incoming"]), (53.0, 24.0))
        # no stock at all
        self.assertEqual(
            result[self.product_tea.id][self.wh_png.id],
            dict.fromkeys(ODOO_FIELDS, 0.0) | {"reserved": 0.0, "tracked": True},
        )
        self.assertSameAsOdoo(result, self.products, self.warehouses)

    def test_one_warehouse_and_recordset_argument(self):
        by_id = self.products.sow_availability(warehouse_ids=[self.wh_png.id])
        by_record = self.products.sow_availability(warehouse_ids=self.wh_png)
        by_int = self.products.sow_availability(warehouse_ids=self.wh_png.id)
        self.assertEqual(by_id, by_record)
        self.assertEqual(by_id, by_int)
        self.assertEqual(set(by_id[self.product_rice.id]), {self.wh_png.id})
        self.assertSameAsOdoo(by_id, self.products, self.wh_png)

    def test_at_a_date(self):
        tz = pytz.timezone(self.env.user.tz or "UTC")
        cases = {
            # before the transfer, the dozens and the receipt are due
            "today": fields.Date.context_today(self.env.user),
            # after all of them
            "in a week": self.now + datetime.timedelta(days=7),
            # between the two done sugar moves: 5 dozen in, 7 not yet out
            "two days ago": self.now - datetime.timedelta(days=2),
            # before both
            "four days ago": self.now - datetime.timedelta(days=4),
        }
        for label, when in cases.items():
            with self.subTest(label):
                result = self.products.sow_availability(date=when)
                to_date = self.env["product.product"]._sow_availability_datetime(when)
                self.assertSameAsOdoo(result, self.products, self.warehouses, to_date)
        today = self.products.sow_availability(date=cases["today"])
        # a day means the end of that day, in the user's time zone
        end_of_today = tz.localize(
            datetime.datetime.combine(cases["today"], datetime.time(23, 59, 59))
        ).astimezone(pytz.UTC)
        self.assertEqual(
            self.env["product.product"]._sow_availability_datetime(cases["today"]),
            end_of_today.replace(tzinfo=None),
        )
        self.assertEqual(today[self.product_rice.id][self.wh_png.id]["incoming"], 0.0)
        week = self.products.sow_availability(date=cases["in a week"])
        self.assertEqual(week[self.product_rice.id][self.wh_png.id]["incoming"], 50.0)
        two_days = self.products.sow_availability(date=cases["two days ago"])
        self.assertEqual(
            two_days[self.product_sugar.id][self.wh_kl.id]["on_hand"], 60.0
        )
        four_days = self.products.sow_availability(date=cases["four days ago"])
        self.assertEqual(
            four_days[self.product_sugar.id][self.wh_kl.id]["on_hand"], 0.0
        )
        # strings: a day, a moment (UTC), ISO with an offset
        day = cases["today"].isoformat()
        self.assertEqual(self.products.sow_availability(date=day), today)
        moment = fields.Datetime.to_string(cases["two days ago"])
        self.assertEqual(self.products.sow_availability(date=moment), two_days)
        with_offset = (
            pytz.UTC.localize(cases["two days ago"])
            .astimezone(pytz.timezone("Asia/Kuala_Lumpur"))
            .isoformat()
        )
        self.assertEqual(self.products.sow_availability(date=with_offset), two_days)

    def test_untracked_and_archived_products(self):
        self.product_tea.action_archive()
        products = self.products | self.service | self.consumable
        result = products.sow_availability()
        self.assertNotIn(self.product_tea.id, result)
        for product in self.service | self.consumable:
            for entry in result[product.id].values():
                self.assertFalse(entry["tracked"])
                self.assertIsNone(entry["on_hand"])
                self.assertIsNone(entry["free"])
        with_archived = products.sow_availability(include_archived=True)
        self.assertTrue(with_archived[self.product_tea.id][self.wh_kl.id]["tracked"])
        self.assertEqual(self.env["product.product"].sow_availability(), {})

    def test_rep_without_inventory_rights(self):
        self.assertFalse(self.rep.has_group("stock.group_stock_user"))
        as_rep = self.products.with_user(self.rep).sow_availability()
        self.assertEqual(as_rep, self.products.sow_availability())
        self.assertEqual(as_rep[self.product_rice.id][self.wh_kl.id]["free"], 70.0)
        # quantities only: no valuation, no costs, no editing stock
        with self.assertRaises(AccessError):
            self.env["stock.valuation.layer"].with_user(self.rep).search([])
        with self.assertRaises(AccessError):
            self.env["stock.quant"].with_user(self.rep).create(
                {
                    "product_id": self.product_rice.id,
                    "location_id": self.kl_stock.id,
                    "quantity": 1,
                }
            )
        inventory_menu = self.env.ref("stock.menu_stock_root")
        self.assertNotIn(
            inventory_menu.id,
            self.env["ir.ui.menu"].with_user(self.rep)._visible_menu_ids(),
        )

    def test_multi_company(self):
        other = self._sow_create_company("SOW Other Sdn Bhd")
        other_wh = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        # the default warehouses are those of the active companies only
        result = self.products.sow_availability()
        self.assertNotIn(other_wh.id, result[self.product_rice.id])
        both = self.products.with_context(
            allowed_company_ids=[self.company.id, other.id]
        ).sow_availability()
        self.assertIn(other_wh.id, both[self.product_rice.id])
        self.assertEqual(both[self.product_rice.id][other_wh.id]["on_hand"], 0.0)

    def test_order_line_availability_covers_every_warehouse(self):
        quotation = self._sow_create_order(
            self.customer_png,
            [(self.product_rice, 5), (self.product_oil, 2)],
            warehouse_id=self.wh_png.id,
        )
        quotation.order_line = [
            Command.create({"display_type": "line_note", "name": "Deliver by noon"})
        ]
        line = quotation.order_line.filtered(
            lambda ln: ln.product_id == self.product_rice
        )
        data = line.with_user(self.rep2).sow_availability
        self.assertEqual(data["warehouse_id"], self.wh_png.id)
        self.assertEqual(data["needed"], 5.0)
        self.assertTrue(data["tracked"])
        self.assertEqual(
            [(w["code"], w["free"]) for w in data["warehouses"]],
            [("KL", 70.0), ("PNG", 40.0)],
        )
        note = quotation.order_line.filtered("display_type")
        self.assertFalse(note.sow_availability)


@tagged("post_install", "-at_install")
class TestStockAvailabilityBadInput(StockAvailabilityCommon):
    def test_warehouse_of_another_company(self):
        other = self._sow_create_company("SOW Utara Sdn Bhd")
        other_wh = self.env["stock.warehouse"].search(
            [("company_id", "=", other.id)], limit=1
        )
        # the admin belongs to that company: the error names it
        with self.assertRaisesRegex(UserError, "SOW Utara Sdn Bhd"):
            self.products.sow_availability(warehouse_ids=[self.wh_kl.id, other_wh.id])
        # the rep does not: the error names neither the warehouse nor the company
        with self.assertRaises(UserError) as caught:
            self.products.with_user(self.rep).sow_availability(
                warehouse_ids=[other_wh.id]
            )
        message = str(caught.exception)
        self.assertIn(str(other_wh.id), message)
        self.assertNotIn("Utara", message)
        self.assertNotIn(other_wh.name, message)

    def test_unknown_warehouse(self):
        with self.assertRaisesRegex(UserError, "no warehouse with id 987654321"):
            self.products.sow_availability(warehouse_ids=[987654321])
        for bad in ("KL", ["1"], [True], 1.5, self.customer_kl):
            with self.subTest(bad=bad), self.assertRaises(UserError):
                self.products.sow_availability(warehouse_ids=bad)

    def test_unknown_product(self):
        ghost = self.env["product.product"].browse([self.product_rice.id, 987654321])
        with self.assertRaisesRegex(MissingError, "987654321"):
            ghost.sow_availability()
        # a product of a company the user cannot see does not exist for him
        other = self._sow_create_company("SOW Selatan Sdn Bhd")
        hidden = self._sow_create_product("Hidden", "HID-1", 1.0, company=other)
        with self.assertRaises(MissingError):
            self.env["product.product"].with_user(self.rep).browse(
                hidden.id
            ).sow_availability()
        # unsaved records are not products yet
        new = self.env["product.product"].new({"name": "Not saved"})
        with self.assertRaises(UserError):
            new.sow_availability()

    def test_unparseable_date(self):
        for bad in (
            "31/12/2026",
            "tomorrow",
            "2026-02-30",
            "2026-13-01 10:00:00",
            20261231,
        ):
            with (
                self.subTest(bad=bad),
                self.assertRaisesRegex(UserError, "is not a date"),
            ):
                self.products.sow_availability(date=bad)


@tagged("post_install", "-at_install")
class TestStockAvailabilityQueries(StockAvailabilityCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.many = (
            cls.env["product.product"].create(
                [
                    {
                        "name": f"Bulk Product {index:03d}",
                        "default_code": f"BULK-{index:03d}",
                        "type": "consu",
                        "is_storable": True,
                        "company_id": cls.company.id,
                    }
                    for index in range(197)
                ]
            )
            | cls.products[:3]
        )
        cls.env["stock.quant"].with_context(inventory_mode=True).create(
            [
                {
                    "product_id": product.id,
                    "location_id": warehouse.lot_stock_id.id,
                    "inventory_quantity": 5,
                }
                for product in cls.many[:150]
                for warehouse in cls.warehouses
            ]
        ).action_apply_inventory()
        cls.env.flush_all()

    def test_query_count_does_not_grow(self):
        self.assertEqual(len(self.many), 200)
        one = self.product_rice
        past = self.now - datetime.timedelta(days=2)
        for products in (one, self.many):
            products.sow_availability()  # warm the ORM caches (rules, ...)
            products.sow_availability(date=past)
            products.with_user(self.rep).sow_availability(
                warehouse_ids=self.warehouses.ids
            )
        for products in (one, self.many):
            with self.subTest(products=len(products)):
                # warehouses, products, quants, moves
                with self.assertQueryCount(4):
                    result = products.sow_availability()
                self.assertEqual(len(result), len(products))
                # ... and the moves done since the date, with their units
                with self.assertQueryCount(5):
                    products.sow_availability(date=past)
                with self.assertQueryCount(4):
                    products.with_user(self.rep).sow_availability(
                        warehouse_ids=self.warehouses.ids
                    )
        result = self.many.sow_availability()
        self.assertEqual(result[self.many[0].id][self.wh_png.id]["on_hand"], 5.0)
        self.assertEqual(result[self.product_rice.id][self.wh_kl.id]["free"], 70.0)
        self.assertSameAsOdoo(result, self.many, self.warehouses)
