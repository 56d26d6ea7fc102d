# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestStockConfirmPolicy(SowCommon):
    """Confirming a quotation that needs more than its warehouse has free:
    warn, block, or a manager's approval, as the company decides."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 10)
        cls._sow_set_stock(cls.product_rice, cls.wh_png, 50)
        cls._sow_set_stock(cls.product_oil, cls.wh_kl, 100)

    def _quotation(self, rice=25, oil=5, warehouse=None):
        return self._sow_create_order(
            self.customer_kl,
            [(self.product_rice, rice), (self.product_oil, oil)],
            user=self.rep,
            warehouse_id=(warehouse or self.wh_kl).id,
        ).with_user(self.rep)

    def _set_policy(self, policy):
        settings = self.env["res.config.settings"].create({})
        settings.sow_stock_confirm_policy = policy
        settings.execute()
        self.assertEqual(self.company.sow_stock_confirm_policy, policy)

    def _notes(self, order):
        return order.message_ids.filtered(
            lambda m: "too little free stock" in (m.body or "").lower()
        )

    def test_shortage_is_computed_per_warehouse(self):
        order = self._quotation()
        self.assertTrue(order.sow_stock_shortage)
        html = str(order.sow_stock_shortage_html)
        self.assertIn("Beras Wangi 10kg", html)
        self.assertIn("Kuala Lumpur", html)
        self.assertIn("Penang", html)  # free elsewhere
        self.assertNotIn("Minyak", html)
        shortage = order._sow_stock_shortages()[order.id]
        self.assertEqual(len(shortage), 1)
        self.assertEqual((shortage[0]["needed"], shortage[0]["free"]), (25.0, 10.0))
        self.assertEqual(
            [(w.code, free) for w, free in shortage[0]["elsewhere"]], [("PNG", 50.0)]
        )
        # two lines of one product add up
        order.order_line = [
            (0, 0, {"product_id": self.product_oil.id, "product_uom_qty": 96})
        ]
        self.assertEqual(len(order._sow_stock_shortages()[order.id]), 2)
        # from Penang there is enough rice, but no oil
        enough = self._quotation(rice=25, oil=0, warehouse=self.wh_png)
        self.assertFalse(enough.sow_stock_shortage)
        # services never fall short
        service = self._sow_create_product(
            "Delivery", "SRV-1", 10, type="service", is_storable=False
        )
        self.assertFalse(
            self._sow_create_order(self.customer_kl, [(service, 3)]).sow_stock_shortage
        )

    def test_default_policy_is_warn(self):
        self.assertEqual(self.company.sow_stock_confirm_policy, "warn")

    def test_warn_asks_in_the_form_and_records_in_chatter(self):
        self._set_policy("warn")
        order = self._quotation()
        # the form's Confirm button asks first
        action = order.with_context(sow_confirm_review=True).action_confirm()
        self.assertEqual(action["res_model"], "sale.order.confirm.review")
        self.assertEqual(order.state, "draft")
        wizard = (
            self.env["sale.order.confirm.review"]
            .with_user(self.rep)
            .browse(action["res_id"])
        )
        self.assertIn("Beras Wangi 10kg", str(wizard.issues_html))
        wizard.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(self._notes(order)), 1)
        # other callers confirm straight away, with the same note
        other = self._quotation()
        self.assertIs(other.action_confirm(), True)
        self.assertEqual(other.state, "sale")
        self.assertEqual(len(self._notes(other)), 1)
        # enough stock (the rice in KL is reserved by now): no question, no note
        fine = self._quotation(rice=0, oil=5)
        self.assertIs(fine.with_context(sow_confirm_review=True).action_confirm(), True)
        self.assertFalse(self._notes(fine))

    def test_block(self):
        self._set_policy("block")
        order = self._quotation()
        with self.assertRaisesRegex(UserError, "cannot be confirmed") as caught:
            order.with_context(sow_confirm_review=True).action_confirm()
        self.assertIn("Beras Wangi 10kg", str(caught.exception))
        self.assertEqual(order.state, "draft")
        # managers are blocked too
        with self.assertRaises(UserError):
            order.with_user(self.manager).action_confirm()
        # from the warehouse that has it, it goes through
        order.warehouse_id = self.wh_png
        order.order_line.filtered(lambda ln: ln.product_id == self.product_oil).unlink()
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_approval(self):
        self._set_policy("approval")
        self.team.user_id = self.manager
        order = self._quotation()
        order.team_id = self.team
        with self.assertRaisesRegex(UserError, "needs a manager's approval"):
            order.action_confirm()
        # the rep cannot approve his own
        with self.assertRaises(AccessError):
            order.action_sow_approve(reason="Stock comes tomorrow.")
        order.action_sow_request_approval()
        activity = order.activity_ids
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("sales_order_workflow.mail_activity_type_confirm_approval"),
        )
        # asking twice does not nag twice
        order.action_sow_request_approval()
        self.assertEqual(len(order.activity_ids), 1)

        tracked = order.with_user(self.manager).with_context(tracking_disable=False)
        tracked.action_sow_approve(reason="Stock comes tomorrow.")
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        self.assertEqual(order.sow_approved_by, self.manager)
        self.assertTrue(order.sow_approved_on)
        self.assertEqual(order.sow_approval_reason, "Stock comes tomorrow.")
        self.assertFalse(order.activity_ids)
        tracking = order.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "sow_approved_by"
        )
        self.assertEqual(tracking.new_value_char, self.manager.name)

        # a changed quotation needs a new approval
        order.order_line[0].product_uom_qty = 30
        self.assertFalse(order.sow_approved_by)
        with self.assertRaises(UserError):
            order.action_confirm()
        tracked.action_sow_approve(reason="Stock comes tomorrow.")
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sow_approved_by, self.manager)

    def test_approval_by_a_confirming_manager(self):
        self._set_policy("approval")
        order = self._quotation()
        order.with_user(self.manager).action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sow_approved_by, self.manager)

    def test_request_approval_needs_a_team_leader(self):
        self._set_policy("approval")
        self.team.user_id = False
        order = self._quotation()
        order.team_id = self.team
        with self.assertRaisesRegex(UserError, "no leader"):
            order.action_sow_request_approval()

    def test_superuser_confirmations_hold_blocked_quotations(self):
        """The superuser (a customer signing online) is never refused: a
        blocked quotation stays one, and its salesperson is told."""
        self._set_policy("block")
        order = self._quotation()
        self.assertIs(order.sudo().action_confirm(), True)
        self.assertEqual(order.state, "draft")
        held = self.env.ref("sales_order_workflow.mail_activity_type_order_held")
        self.assertEqual(order.activity_ids.activity_type_id, held)
        self.assertEqual(order.activity_ids.user_id, self.rep)
        # a warning does not hold
        self._set_policy("warn")
        order.sudo().action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(len(self._notes(order)), 2)  # held, then confirmed

    def test_settings_form(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.sow_stock_confirm_policy = "block"
        self.assertEqual(self.company.sow_stock_confirm_policy, "block")
