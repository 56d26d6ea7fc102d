# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestStockInquiry(SowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.categ_drinks = cls.env["product.category"].create({"name": "Minuman"})
        cls.product_rice.barcode = "9555001100014"
        cls.product_milo = cls._sow_create_product(
            "Milo Tin 1.5kg", "BEV-MILO", 45.90, categ_id=cls.categ_drinks.id
        )
        cls.product_teh = cls._sow_create_product(
            "Teh Tarik 3-in-1", "BEV-TEH", 12.50, categ_id=cls.categ_drinks.id
        )
        cls.service = cls._sow_create_product(
            "Delivery Charge", "SRV-DEL", 15.0, type="service", is_storable=False
        )
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls._sow_set_stock(cls.product_rice, cls.wh_png, 8)
        cls._sow_set_stock(cls.product_milo, cls.wh_png, 12)
        # 30 rice reserved in KL by a confirmed order of another rep
        cls._sow_create_order(
            cls.customer_png,
            [(cls.product_rice, 30)],
            confirm=True,
            warehouse_id=cls.wh_kl.id,
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Kedai Runcit 10%",
                "company_id": cls.company.id,
                "currency_id": cls.company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "3_global",
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    ),
                    # 20% off from 10 units of Milo
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product_milo.id,
                            "min_quantity": 10,
                            "compute_price": "percentage",
                            "percent_price": 20,
                        }
                    ),
                ],
            }
        )
        cls.customer_kl.with_company(
            cls.company
        ).property_product_pricelist = cls.pricelist

    def _inquiry(self, user=None, **values):
        Inquiry = self.env["sale.stock.inquiry"].with_user(user or self.rep)
        return Inquiry.create(values)

    def _rows(self, inquiry):
        return {row.product_id: row for row in inquiry.product_line_ids}

    def test_search_by_name_reference_barcode_and_category(self):
        inquiry = self._inquiry()
        for term, expected in (
            ("beras", self.product_rice),
            ("RICE-10", self.product_rice),
            ("9555001100014", self.product_rice),
            ("minuman", self.product_milo | self.product_teh),
            ("minuman milo", self.product_milo),
            ("no such thing", self.env["product.product"]),
        ):
            with self.subTest(term=term):
                inquiry.search_term = term
                inquiry.action_search()
                self.assertEqual(inquiry.product_line_ids.product_id, expected)
                self.assertTrue(inquiry.result_message)
        inquiry.write({"search_term": False, "categ_id": self.categ_drinks.id})
        inquiry.action_search()
        self.assertEqual(
            inquiry.product_line_ids.product_id, self.product_milo | self.product_teh
        )

    def test_lines_per_product_and_warehouse(self):
        inquiry = self._inquiry(search_term="beras")
        inquiry.action_search()
        self.assertEqual(inquiry.warehouse_ids, self.wh_kl | self.wh_png)
        lines = {line.warehouse_id: line for line in inquiry.line_ids}
        self.assertEqual(set(lines), {self.wh_kl, self.wh_png})
        kl = lines[self.wh_kl]
        self.assertEqual(
            (kl.qty_on_hand, kl.qty_reserved, kl.qty_free, kl.qty_outgoing),
            (100.0, 30.0, 70.0, 30.0),
        )
        self.assertEqual(
            (lines[self.wh_png].qty_free, lines[self.wh_png].qty_forecast), (8.0, 8.0)
        )
        # the same numbers as sow_availability
        expected = self.product_rice.sow_availability()[self.product_rice.id]
        for warehouse, line in lines.items():
            self.assertEqual(line.qty_free, expected[warehouse.id]["free"])
            self.assertEqual(line.qty_incoming, expected[warehouse.id]["incoming"])
        row = inquiry.product_line_ids
        self.assertEqual(row.qty_free, 78.0)
        self.assertEqual(row.line_ids, inquiry.line_ids)
        self.assertEqual(
            [
                (w["code"], w["free"], w["on_hand"])
                for w in row.availability["warehouses"]
            ],
            [("KL", 70.0, 100.0), ("PNG", 8.0, 8.0)],
        )
        # one warehouse only
        inquiry.warehouse_ids = self.wh_png
        inquiry.action_search()
        self.assertEqual(inquiry.line_ids.warehouse_id, self.wh_png)
        inquiry.warehouse_ids = False
        with self.assertRaisesRegex(UserError, "at least one warehouse"):
            inquiry.action_search()

    def test_services_are_not_tracked(self):
        inquiry = self._inquiry(search_term="SRV-DEL")
        inquiry.action_search()
        row = inquiry.product_line_ids
        self.assertEqual(row.product_id, self.service)
        self.assertFalse(row.tracked)
        self.assertFalse(row.availability["tracked"])
        self.assertFalse(any(inquiry.line_ids.mapped("tracked")))

    def test_customer_price_from_pricelist(self):
        inquiry = self._inquiry(search_term="minuman")
        inquiry.action_search()
        rows = self._rows(inquiry)
        # no customer: the sales price
        self.assertEqual(rows[self.product_milo].price_unit, 45.90)
        inquiry.partner_id = self.customer_kl
        self.assertEqual(inquiry.pricelist_id, self.pricelist)
        rows = self._rows(inquiry)
        self.assertAlmostEqual(rows[self.product_milo].price_unit, 41.31)
        self.assertAlmostEqual(rows[self.product_teh].price_unit, 11.25)
        # the price follows the quantity to order
        rows[self.product_milo].quantity = 12
        self.assertAlmostEqual(rows[self.product_milo].price_unit, 36.72)

    def test_basket_kept_between_searches(self):
        inquiry = self._inquiry(search_term="beras", partner_id=self.customer_kl.id)
        inquiry.action_search()
        inquiry.product_line_ids.quantity = 10
        inquiry.search_term = "milo"
        inquiry.action_search()
        rows = self._rows(inquiry)
        self.assertEqual(set(rows), {self.product_rice, self.product_milo})
        self.assertEqual(rows[self.product_rice].quantity, 10)
        self.assertEqual(inquiry.product_line_ids[0].product_id, self.product_rice)

    def test_add_to_quotation_creates_then_extends(self):
        inquiry = self._inquiry(
            search_term="beras",
            partner_id=self.customer_kl.id,
            delivery_warehouse_id=self.wh_png.id,
        )
        self.assertFalse(inquiry.order_id)
        inquiry.action_search()
        inquiry.product_line_ids.quantity = 10
        action = inquiry.action_add_to_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.partner_id, self.customer_kl)
        self.assertEqual(order.user_id, self.rep)
        self.assertEqual(order.warehouse_id, self.wh_png)
        self.assertEqual(order.pricelist_id, self.pricelist)
        self.assertEqual(order.order_line.product_id, self.product_rice)
        self.assertEqual(order.order_line.product_uom_qty, 10)
        self.assertAlmostEqual(order.order_line.price_unit, 35.01)
        self.assertEqual(inquiry.order_id, order)
        self.assertEqual(inquiry.product_line_ids.quantity, 0)

        # a new inquiry for the same customer extends the rep's draft
        again = self._inquiry(search_term="beras milo", partner_id=self.customer_kl.id)
        self.assertEqual(again.order_id, order)
        again.search_term = "RICE-10"
        again.action_search()
        again.product_line_ids.quantity = 5
        again.search_term = "BEV-MILO"
        again.action_search()
        self._rows(again)[self.product_milo].quantity = 2
        again.action_add_to_quotation()
        lines = {line.product_id: line for line in order.order_line}
        self.assertEqual(len(order.order_line), 2)
        self.assertEqual(lines[self.product_rice].product_uom_qty, 15)
        self.assertEqual(lines[self.product_milo].product_uom_qty, 2)

    def test_add_to_quotation_needs_customer_quantities_and_draft(self):
        inquiry = self._inquiry(search_term="beras")
        inquiry.action_search()
        inquiry.product_line_ids.quantity = 1
        with self.assertRaisesRegex(UserError, "customer"):
            inquiry.action_add_to_quotation()
        inquiry.partner_id = self.customer_kl
        inquiry.product_line_ids.quantity = 0
        with self.assertRaisesRegex(UserError, "quantity"):
            inquiry.action_add_to_quotation()
        sent = self._sow_create_order(
            self.customer_kl, [(self.product_milo, 1)], user=self.rep
        )
        inquiry.order_id = sent
        sent.action_quotation_sent()
        inquiry.product_line_ids.quantity = 1
        with self.assertRaisesRegex(UserError, "no longer a draft"):
            inquiry.action_add_to_quotation()

    def test_open_from_quotation(self):
        order = self._sow_create_order(
            self.customer_kl, [(self.product_milo, 1)], user=self.rep
        )
        action = order.with_user(self.rep).action_sow_stock_inquiry()
        inquiry = (
            self.env["sale.stock.inquiry"]
            .with_user(self.rep)
            .with_context(**action["context"])
            .create({"search_term": "beras"})
        )
        self.assertEqual(inquiry.partner_id, self.customer_kl)
        self.assertEqual(inquiry.order_id, order)
        inquiry.action_search()
        inquiry.product_line_ids.quantity = 3
        inquiry.action_add_to_quotation()
        self.assertEqual(
            order.order_line.product_id, self.product_milo | self.product_rice
        )

    def test_rep_sees_quantities_never_moves_valuations_or_costs(self):
        self.assertFalse(self.rep.has_group("stock.group_stock_user"))
        inquiry = self._inquiry(search_term="beras")
        inquiry.action_search()
        self.assertEqual(inquiry.line_ids.mapped("qty_free"), [70.0, 8.0])
        # what the screen can show: quantities and prices, no cost, value or move
        for model in (
            "sale.stock.inquiry",
            "sale.stock.inquiry.product",
            "sale.stock.inquiry.line",
        ):
            fields = self.env[model].with_user(self.rep).fields_get()
            for name, field in fields.items():
                self.assertNotIn(
                    field.get("relation"),
                    (
                        "stock.move",
                        "stock.move.line",
                        "stock.quant",
                        "stock.valuation.layer",
                    ),
                    f"{model}.{name}",
                )
                self.assertFalse(
                    any(word in name for word in ("cost", "standard_price", "value")),
                    f"{model}.{name}",
                )
        with self.assertRaises(AccessError):
            self.env["stock.valuation.layer"].with_user(self.rep).search([])
        # another rep does not see this inquiry
        with self.assertRaises(AccessError):
            inquiry.with_user(self.rep2).read(["search_term"])
        self.assertFalse(
            self.env["sale.stock.inquiry.line"].with_user(self.rep2).search([])
        )

    def test_users_without_field_sales_rights(self):
        plain = self._sow_create_user("sow_plain_stock", "group_field_rep")
        plain.groups_id = [
            Command.unlink(self.env.ref("sales_order_workflow.group_field_rep").id)
        ]
        self.assertFalse(plain.has_group("sales_order_workflow.group_field_rep"))
        with self.assertRaises(AccessError):
            self.env["sale.stock.inquiry"].with_user(plain).create({})
