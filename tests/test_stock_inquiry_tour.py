# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestStockInquiryTour(SowCommon, HttpCase):
    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls._sow_set_stock(cls.product_rice, cls.wh_png, 8)
        cls._sow_create_order(
            cls.customer_png,
            [(cls.product_rice, 30)],
            confirm=True,
            warehouse_id=cls.wh_kl.id,
        )

    def test_rep_on_a_phone(self):
        self.rep.password = "sow_rep_pw"
        self.start_tour(
            "/odoo/action-sales_order_workflow.sale_stock_inquiry_action",
            "sow_stock_inquiry_phone",
            login="sow_rep",
        )
        order = self.env["sale.order"].search(
            [("partner_id", "=", self.customer_kl.id), ("user_id", "=", self.rep.id)]
        )
        self.assertEqual(order.state, "draft")
        self.assertEqual(order.order_line.product_id, self.product_rice)
        self.assertEqual(order.order_line.product_uom_qty, 10)
