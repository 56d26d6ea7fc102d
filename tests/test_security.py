# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestSecurityGroups(SowCommon):
    def test_rep_is_a_salesman_with_own_documents_only(self):
        self.assertTrue(self.rep.has_group("sales_team.group_sale_salesman"))
        self.assertFalse(self.rep.has_group("sales_team.group_sale_salesman_all_leads"))
        self.assertTrue(
            self.rep.has_group("hr_attendance.group_hr_attendance_own_reader")
        )
        for group in (
            "account.group_account_invoice",
            "account.group_account_readonly",
            "stock.group_stock_user",
            "sales_order_workflow.group_field_manager",
            "sales_order_workflow.group_collection_officer",
            "sales_order_workflow.group_accounting_export",
        ):
            self.assertFalse(self.rep.has_group(group), group)

    def test_manager_implies_rep_and_sees_all_leads(self):
        self.assertTrue(self.manager.has_group("sales_order_workflow.group_field_rep"))
        self.assertTrue(
            self.manager.has_group("sales_team.group_sale_salesman_all_leads")
        )
        self.assertFalse(self.manager.has_group("account.group_account_invoice"))

    def test_officer_has_invoicing_rights_and_accountant_is_separate(self):
        self.assertTrue(self.officer.has_group("account.group_account_invoice"))
        self.assertFalse(self.officer.has_group("sales_order_workflow.group_field_rep"))
        self.assertFalse(
            self.officer.has_group("sales_order_workflow.group_accounting_export")
        )
        self.assertTrue(self.accountant.has_group("account.group_account_readonly"))
        self.assertFalse(self.accountant.has_group("account.group_account_invoice"))
        self.assertFalse(
            self.accountant.has_group("sales_order_workflow.group_field_rep")
        )

    def test_groups_share_one_category(self):
        category = self.env.ref("sales_order_workflow.module_category_field_sales")
        groups = self.env["res.groups"].search([("category_id", "=", category.id)])
        self.assertEqual(
            set(groups.get_external_id().values()),
            {
                "sales_order_workflow.group_field_rep",
                "sales_order_workflow.group_field_manager",
                "sales_order_workflow.group_collection_officer",
                "sales_order_workflow.group_accounting_export",
            },
        )


@tagged("post_install", "-at_install")
class TestSecurityAccess(SowCommon):
    def _visible_menus(self, user):
        return set(self.env["ir.ui.menu"].with_user(user)._visible_menu_ids())

    def test_field_sales_menu_visibility(self):
        root_menu = self.env.ref("sales_order_workflow.menu_root")
        root = root_menu.id
        for user in (self.rep, self.manager):
            self.assertIn(root, self._visible_menus(user), user.login)
        # the office roles are let in too (the menu shows once it has their screens)
        for user in (self.officer, self.accountant):
            self.assertTrue(root_menu.groups_id & user.groups_id, user.login)
        plain = new_test_user(
            self.env, login="sow_plain_user", groups="base.group_user"
        )
        self.assertNotIn(root, self._visible_menus(plain))
        # the rep sees Odoo's own quotations and orders under Field Sales
        self.assertIn(
            self.env.ref("sales_order_workflow.menu_sales_quotations").id,
            self._visible_menus(self.rep),
        )
        # reporting is for managers
        reporting = self.env.ref("sales_order_workflow.menu_reporting").id
        self.assertNotIn(reporting, self._visible_menus(self.rep))

    def test_rep_cannot_open_accounting_configuration(self):
        config_menu = self.env.ref("account.menu_finance_configuration").id
        self.assertNotIn(config_menu, self._visible_menus(self.rep))
        with self.assertRaises(AccessError):
            self.env["account.journal"].with_user(self.rep).create(
                {"name": "Rep journal", "code": "REPJ", "type": "bank"}
            )
        journal = self.env["account.journal"].search(
            [("company_id", "=", self.company.id), ("type", "=", "sale")], limit=1
        )
        with self.assertRaises(AccessError):
            journal.with_user(self.rep).write({"name": "Renamed by a rep"})
        with self.assertRaises(AccessError):
            self.env["account.tax"].with_user(self.rep).create(
                {"name": "Rep tax", "amount": 1.0, "company_id": self.company.id}
            )
        with self.assertRaises(AccessError):
            self.env["res.config.settings"].with_user(self.rep).create({})

    def test_rep_cannot_read_another_reps_orders(self):
        order_rep2 = self._sow_create_order(
            self.customer_png, [(self.product_rice, 1)], user=self.rep2
        )
        order_rep = self._sow_create_order(self.customer_kl, [(self.product_rice, 2)])
        orders_seen = (
            self.env["sale.order"]
            .with_user(self.rep)
            .search([("id", "in", (order_rep | order_rep2).ids)])
        )
        self.assertEqual(orders_seen, order_rep)
        with self.assertRaises(AccessError):
            order_rep2.with_user(self.rep).read(["name"])
        # the manager sees the whole team's
        self.assertEqual(
            self.env["sale.order"]
            .with_user(self.manager)
            .search([("id", "in", (order_rep | order_rep2).ids)]),
            order_rep | order_rep2,
        )

    def test_other_company_is_out_of_reach(self):
        other = self._sow_create_company("Other Sdn Bhd")
        other_customer = self._sow_create_customer(
            "Kedai Lain", None, 1.4927, 103.7414, company=other
        )
        self.assertFalse(
            self.env["res.partner"]
            .with_user(self.manager)
            .search([("id", "=", other_customer.id)])
        )
