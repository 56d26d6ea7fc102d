# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestQuotationSecurity(SowCommon):
    """Reps own their quotations; managers (Field Sales or Odoo's Sales
    Administrators) approve; what the steps record cannot be written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"sow_stock_confirm_policy": "approval"}
        )  # no stock at all: every quotation needs an approval
        cls.order_rep2 = cls._sow_create_order(
            cls.customer_png, [(cls.product_rice, 3)], user=cls.rep2
        )
        cls.admin_sales = new_test_user(
            cls.env,
            login="sow_sales_admin",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )

    def test_reps_own_their_quotations(self):
        with self.assertRaises(AccessError):
            self.order_rep2.with_user(self.rep).read(["name"])
        with self.assertRaises(AccessError):
            self.order_rep2.with_user(self.rep).action_confirm()
        self.assertEqual(
            self.order_rep2.with_user(self.rep2).sow_confirm_state, "approval"
        )
        # the manager sees the team's quotations
        self.assertEqual(
            self.order_rep2.with_user(self.manager).sow_confirm_state, "approval"
        )

    def test_who_approves(self):
        with self.assertRaisesRegex(AccessError, "Only a sales manager"):
            self.order_rep2.with_user(self.rep2).action_sow_approve(reason="Mine.")
        review = self.env["sale.order.confirm.review"].with_user(self.rep2)
        wizard = review._sow_open(self.order_rep2, self.order_rep2, mode="approve")
        wizard = review.browse(wizard["res_id"])
        wizard.approval_reason = "Mine."
        with self.assertRaises(AccessError):
            wizard.action_approve()
        self.assertFalse(self.order_rep2.sow_approved_by)
        # Odoo's Sales Administrator approves too
        self.order_rep2.with_user(self.admin_sales).action_sow_approve(
            reason="Stock arrives tomorrow."
        )
        self.assertEqual(self.order_rep2.sow_approved_by, self.admin_sales)
        self.order_rep2.with_user(self.rep2).action_confirm()
        self.assertEqual(self.order_rep2.state, "sale")

    def test_recorded_steps_cannot_be_written(self):
        order = self.order_rep2.with_user(self.rep2)
        for values in (
            {"sow_approved_by": self.manager.id},
            {"sow_approval_reason": "I approve myself."},
            {"sow_expired": False},
            {"sow_sent_on": "2026-01-01 00:00:00"},
            {"sow_confirmed_on": "2026-01-01 00:00:00"},
        ):
            with self.assertRaisesRegex(AccessError, "cannot be written directly"):
                order.write(values)
        with self.assertRaisesRegex(AccessError, "Confirmation Approved By"):
            self.env["sale.order"].with_user(self.rep).create(
                {
                    "partner_id": self.customer_kl.id,
                    "sow_approved_by": self.manager.id,
                }
            )
        # managers go through Approve as well: the reason is the point
        with self.assertRaises(AccessError):
            self.order_rep2.with_user(self.manager).write(
                {"sow_approved_by": self.manager.id}
            )
        self.assertEqual(order.sow_confirm_state, "approval")

    def test_salesmen_without_field_sales_work_as_before(self):
        """Odoo's own salesmen (no Field Sales group, no access to visits)
        make, confirm and cancel quotations as without this addon."""
        salesman = new_test_user(
            self.env,
            login="sow_plain_salesman",
            groups="base.group_user,sales_team.group_sale_salesman",
            company_id=self.company.id,
            company_ids=[(6, 0, self.company.ids)],
        )
        self.company.sow_stock_confirm_policy = "warn"
        customer = self._sow_create_customer("Kedai Baru", None, 3.15, 101.7)
        self.assertFalse(self.env["sale.visit"].with_user(salesman).has_access("read"))
        order = (
            self.env["sale.order"]
            .with_user(salesman)
            .create(
                {
                    "partner_id": customer.id,
                    "order_line": [(0, 0, {"product_id": self.product_oil.id})],
                }
            )
        )
        self.assertEqual(order.sow_channel, "office")
        self.assertEqual(order.user_id, salesman)
        action = customer.with_user(salesman).action_sow_new_quotation()
        self.assertNotIn("default_visit_id", action["context"])
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_a_rep_cannot_take_another_reps_visit(self):
        visit = self._sow_open_visit(self.customer_png, self.rep2)
        with self.assertRaises(AccessError):
            visit.with_user(self.rep).action_sow_new_quotation()
