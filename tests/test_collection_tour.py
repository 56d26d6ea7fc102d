# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import HttpCase, tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionTour(HttpCase, SowCollectionCommon):
    browser_size = "375x667"
    touch_enabled = True

    def test_rep_collects_on_a_phone(self):
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_sale_collection",
            "sow_collection_rep_tour",
            login=self.rep.login,
        )
        receipt = self.env["sale.collection"].search(
            [("user_id", "=", self.rep.id), ("partner_id", "=", self.customer_kl.id)]
        )
        self.assertEqual(receipt.state, "collected")
        self.assertTrue(receipt.name.startswith("OR/"))
        self.assertEqual(receipt.amount, 1200.0)
        self.assertEqual(
            [(line.move_id, line.amount) for line in receipt.line_ids],
            [(self.inv_old, 1000.0), (self.inv_mid, 200.0)],
        )
