# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .common import SAME_DAY_NOON, SowCommon

NBSP = "\N{NO-BREAK SPACE}"


def rm(amount):
    """An amount as Odoo writes ringgit: RM 1,570.60."""
    return f"RM{NBSP}{amount}"


@tagged("post_install", "-at_install")
class TestCreditControl(SowCommon):
    """Confirming for a customer over its credit limit, or with overdue
    invoices: warn, block or a manager's approval, with the figures."""

    freeze_time = SAME_DAY_NOON  # see tests/common.py

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.today = fields.Date.context_today(cls.env["sale.order"].with_user(cls.rep))
        # enough rice and oil: only the credit check speaks (but in one test)
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls._sow_set_stock(cls.product_oil, cls.wh_kl, 100)
        cls.contact = cls.env["res.partner"].create(
            {"name": "Ah Seng", "parent_id": cls.customer_kl.id, "type": "contact"}
        )
        # open receivables: 389.00 (45 days overdue) + 147.50 (10 days overdue)
        cls.old_invoice = cls._sow_create_invoice(
            cls.customer_kl,
            [(cls.product_rice, 10, 38.90)],
            invoice_date=cls.today - timedelta(days=45),
            invoice_date_due=cls.today - timedelta(days=45),
        )
        cls.recent_invoice = cls._sow_create_invoice(
            cls.customer_kl,
            [(cls.product_oil, 5, 29.50)],
            invoice_date=cls.today - timedelta(days=10),
            invoice_date_due=cls.today - timedelta(days=10),
        )
        # confirmed, not invoiced: 4 × 38.90 = 155.60
        cls._sow_create_order(cls.customer_kl, [(cls.product_rice, 4)], confirm=True)
        # confirmed for a contact of the customer, 4 of 10 invoiced: 295.00 of
        # which 118.00 is in the receivables, 177.00 still to invoice
        partly = cls._sow_create_order(
            cls.contact, [(cls.product_oil, 10)], user=cls.rep, confirm=True
        )
        invoice = partly._create_invoices()
        invoice.invoice_line_ids.quantity = 4
        invoice.action_post()
        # another customer's debts do not count
        cls._sow_create_invoice(cls.customer_png, [(cls.product_rice, 100, 38.90)])
        cls._sow_set_credit_limit(cls.customer_kl, 1000.0)
        cls.team.user_id = cls.manager

    def _quotation(self, quantity=15, partner=None):
        """15 × 38.90 = 583.50"""
        return self._sow_create_order(
            partner or self.customer_kl,
            [(self.product_rice, quantity)],
            user=self.rep,
            team_id=self.team.id,
        ).with_user(self.rep)

    def _expected_lines(self):
        oldest_due = format_date(self.env, self.today - timedelta(days=45))
        return [
            f"Kedai Runcit Ah Seng: exposure {rm('1,570.60')} (open receivables "
            f"{rm('654.50')} + confirmed orders not yet invoiced {rm('332.60')} + "
            f"this order {rm('583.50')}) is over the credit limit of "
            f"{rm('1,000.00')} by {rm('570.60')}.",
            f"Overdue by more than 30 days: {rm('389.00')} in 1 invoice(s); the "
            f"oldest is {self.old_invoice.name}, due on {oldest_due} (45 days "
            "overdue).",
        ]

    # ------------------------------------------------------------ figures
    def test_figures(self):
        self._sow_use_credit_control("warn", overdue_days=30)
        figures = self.customer_kl._sow_credit_figures(self.company, overdue_days=30)
        self.assertEqual(figures["receivable"], 654.50)
        self.assertEqual(figures["to_invoice"], 332.60)
        self.assertEqual(figures["limit"], 1000.0)
        self.assertEqual(figures["overdue_amount"], 389.00)
        self.assertEqual(figures["overdue_count"], 1)
        self.assertEqual(figures["overdue_oldest"], self.old_invoice)
        self.assertEqual(figures["overdue_oldest_days"], 45)
        # any overdue invoice: both
        figures = self.customer_kl._sow_credit_figures(self.company, overdue_days=0)
        self.assertEqual(figures["overdue_amount"], 536.50)
        self.assertEqual(figures["overdue_count"], 2)
        # a contact's figures are its company's
        self.assertEqual(
            self.contact._sow_credit_figures(self.company)["receivable"], 654.50
        )
        # a partial payment lowers both the receivables and the overdue amount
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.old_invoice.ids
        ).create({"amount": 89.0})._create_payments()
        figures = self.customer_kl._sow_credit_figures(self.company, overdue_days=30)
        self.assertEqual(figures["receivable"], 565.50)
        self.assertEqual(figures["overdue_amount"], 300.00)

    def test_message_names_the_figures(self):
        self._sow_use_credit_control("warn", overdue_days=30)
        order = self._quotation()
        self.assertTrue(order.sow_credit_issue)
        issue = order._sow_credit_issues()[order.id]
        self.assertEqual(issue["title"], "Over the credit limit, with overdue invoices")
        self.assertEqual(issue["text"].split("\n"), self._expected_lines())
        self.assertEqual(order.sow_confirm_state, "warn")
        for line in self._expected_lines():
            self.assertIn(line.replace("&", "&amp;"), str(order.sow_credit_html))

    def test_within_the_limit_but_overdue(self):
        self._sow_use_credit_control("block", overdue_days=30)
        self._sow_set_credit_limit(self.customer_kl, 5000.0)
        order = self._quotation()
        issue = order._sow_credit_issues()[order.id]
        self.assertEqual(issue["title"], "Overdue invoices")
        self.assertEqual(
            issue["text"].split("\n")[0],
            f"Kedai Runcit Ah Seng: exposure {rm('1,570.60')} (open receivables "
            f"{rm('654.50')} + confirmed orders not yet invoiced {rm('332.60')} + "
            f"this order {rm('583.50')}) is within the credit limit of "
            f"{rm('5,000.00')}.",
        )
        # paid: nothing overdue any more, nothing to hold
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.old_invoice.ids
        ).create({})._create_payments()
        order.invalidate_recordset()
        self.assertFalse(order.sow_credit_issue)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_inactive_unless_configured(self):
        # Odoo's credit limit off and overdue invoices not checked: nothing
        self.company.sow_credit_confirm_policy = "block"
        self.assertFalse(self.company.account_use_credit_limit)
        order = self._quotation()
        self.assertFalse(order.sow_credit_issue)
        self.assertEqual(order.sow_confirm_state, "ok")
        # no limit on the customer (0): only overdue invoices count
        self._sow_use_credit_control("block")
        self._sow_set_credit_limit(self.customer_kl, 0.0)
        order.invalidate_recordset()
        self.assertFalse(order.sow_credit_issue)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_company_default_limit(self):
        """A customer without a limit of its own has the company's default
        (Odoo's Default Credit Limit)."""
        self._sow_use_credit_control("block")
        self._sow_set_credit_limit(self.customer_kl, 0.0)
        settings = self.env["res.config.settings"].create({})
        settings.account_default_credit_limit = 800.0
        settings.execute()
        other = self._sow_create_customer("Kedai Baru", self.rep, 3.15, 101.7)
        order = self._quotation(quantity=25, partner=other)  # 972.50
        self.assertEqual(other._sow_credit_figures(self.company)["limit"], 800.0)
        self.assertIn(
            f"is over the credit limit of {rm('800.00')} by {rm('172.50')}.",
            order._sow_credit_issues()[order.id]["text"],
        )

    # ------------------------------------------------------------ policies
    def test_warn(self):
        self._sow_use_credit_control("warn", overdue_days=30)
        order = self._quotation()
        action = order.with_context(sow_confirm_review=True).action_confirm()
        self.assertEqual(action["res_model"], "sale.order.confirm.review")
        self.assertEqual(order.state, "draft")
        review = self.env["sale.order.confirm.review"].with_user(self.rep)
        review = review.browse(action["res_id"])
        self.assertFalse(review.needs_approval)
        for line in self._expected_lines():
            self.assertIn(line, str(review.issues_html))
        review.action_confirm()
        self.assertEqual(order.state, "sale")
        note = order.message_ids.filtered(
            lambda m: "Confirmed despite these checks" in (m.body or "")
        )
        self.assertEqual(len(note), 1)
        self.assertIn(self._expected_lines()[0], str(note.body).replace("&nbsp;", NBSP))

    def test_block_as_rep_and_as_manager(self):
        self._sow_use_credit_control("block", overdue_days=30)
        order = self._quotation()
        self.assertEqual(order.sow_confirm_state, "block")
        with self.assertRaises(UserError) as caught:
            order.with_context(sow_confirm_review=True).action_confirm()
        message = str(caught.exception)
        self.assertIn(f"{order.name} cannot be confirmed.", message)
        self.assertIn(
            "Over the credit limit, with overdue invoices; this quotation cannot "
            "be confirmed:",
            message,
        )
        for line in self._expected_lines():
            self.assertIn(line, message)
        self.assertIn("Collect the overdue invoices or a payment", message)
        self.assertEqual(order.state, "draft")
        with self.assertRaises(UserError):
            order.with_user(self.manager).action_confirm()
        # a smaller order still does not fit: the customer is over already
        order.order_line.product_uom_qty = 1
        with self.assertRaises(UserError):
            order.action_confirm()
        # the overdue invoice paid and the limit raised: it goes through
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=self.old_invoice.ids
        ).create({})._create_payments()
        self._sow_set_credit_limit(self.customer_kl, 2000.0)
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_approval(self):
        self._sow_use_credit_control("approval", overdue_days=30)
        order = self._quotation()
        self.assertEqual(order.sow_confirm_state, "approval")
        with self.assertRaisesRegex(UserError, "needs a manager's approval") as caught:
            order.action_confirm()
        self.assertIn(self._expected_lines()[0], str(caught.exception))
        # a rep cannot approve, not even with a reason
        with self.assertRaises(AccessError):
            order.action_sow_approve()
        with self.assertRaises(AccessError):
            order.action_sow_approve(reason="I know them well.")
        order.action_sow_request_approval()
        request = order.activity_ids
        self.assertEqual(request.user_id, self.manager)
        self.assertIn("1,570.60", str(request.note))

        # the manager approves from the form: the reason is asked
        as_manager = order.with_user(self.manager).with_context(tracking_disable=False)
        action = as_manager.action_sow_approve()
        self.assertEqual(action["res_model"], "sale.order.confirm.review")
        review = (
            self.env["sale.order.confirm.review"]
            .with_user(self.manager)
            .with_context(tracking_disable=False)
            .browse(action["res_id"])
        )
        self.assertTrue(review.needs_approval)
        with self.assertRaisesRegex(UserError, "Say why you approve"):
            review.action_approve()
        review.approval_reason = "Pays cash on delivery this time."
        review.action_approve()
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking values are written at commit
        self.assertEqual(order.sow_approved_by, self.manager)
        self.assertTrue(order.sow_approved_on)
        self.assertEqual(order.sow_approval_reason, "Pays cash on delivery this time.")
        self.assertFalse(order.activity_ids)  # the request is done
        tracked = order.sudo().message_ids.tracking_value_ids
        self.assertEqual(
            tracked.filtered(
                lambda t: t.field_id.name == "sow_approval_reason"
            ).new_value_text,
            "Pays cash on delivery this time.",
        )
        self.assertEqual(order.sow_confirm_state, "warn")
        # the rep confirms now; the chatter keeps what was approved
        order.action_confirm()
        self.assertEqual(order.state, "sale")
        note = order.message_ids.filtered(
            lambda m: "Confirmed despite these checks" in (m.body or "")
        )
        self.assertIn(f"approved by {self.manager.name}", note.body)
        self.assertIn(self._expected_lines()[0], str(note.body).replace("&nbsp;", NBSP))

    def test_approval_is_reset_by_a_change(self):
        self._sow_use_credit_control("approval")
        order = self._quotation()
        order.with_user(self.manager).action_sow_approve(reason="Known customer.")
        self.assertEqual(order.sow_confirm_state, "warn")
        order.order_line.price_unit = 40.0
        self.assertFalse(order.sow_approved_by)
        self.assertFalse(order.sow_approval_reason)
        self.assertEqual(order.sow_confirm_state, "approval")

    def test_manager_confirming_from_the_form_says_why(self):
        self._sow_use_credit_control("approval")
        order = self._quotation().with_user(self.manager)
        action = order.with_context(sow_confirm_review=True).action_confirm()
        review = (
            self.env["sale.order.confirm.review"]
            .with_user(self.manager)
            .browse(action["res_id"])
        )
        self.assertTrue(review.needs_approval)
        with self.assertRaises(UserError):
            review.action_confirm()
        review.approval_reason = "Big order, good payer."
        review.action_confirm()
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sow_approved_by, self.manager)
        self.assertEqual(order.sow_approval_reason, "Big order, good payer.")

    def test_one_approval_for_stock_and_credit(self):
        self._sow_use_credit_control("approval")
        self.company.sow_stock_confirm_policy = "approval"
        order = self._quotation()
        self.env["stock.quant"]._update_available_quantity(
            self.product_rice, self.wh_kl.lot_stock_id, -90
        )  # 10 left, 4 of them reserved
        order.invalidate_recordset()
        codes = [issue["code"] for issue in order._sow_confirm_issues()[order.id]]
        self.assertEqual(codes, ["stock", "credit"])
        with self.assertRaises(UserError) as caught:
            order.action_confirm()
        self.assertIn("Too little free stock", str(caught.exception))
        self.assertIn("Over the credit limit", str(caught.exception))
        order.with_user(self.manager).action_sow_approve(reason="Both known.")
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_block_wins_over_approval(self):
        self._sow_use_credit_control("block")
        self.company.sow_stock_confirm_policy = "approval"
        order = self._quotation()
        self.assertEqual(order.sow_confirm_state, "block")
        order.with_user(self.manager).action_sow_approve(reason="Stock is fine.")
        with self.assertRaisesRegex(UserError, "cannot be confirmed"):
            order.with_user(self.manager).action_confirm()

    def test_settings(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.account_use_credit_limit = True
            settings.sow_credit_confirm_policy = "approval"
            settings.sow_credit_check_overdue = True
            settings.sow_credit_overdue_days = 14
        self.assertTrue(self.company.account_use_credit_limit)
        self.assertEqual(self.company.sow_credit_confirm_policy, "approval")
        self.assertTrue(self.company.sow_credit_check_overdue)
        self.assertEqual(self.company.sow_credit_overdue_days, 14)
        with self.assertRaisesRegex(ValidationError, "cannot be negative"):
            self.company.sow_credit_overdue_days = -1

    def test_rep_sees_the_check_without_accounting_rights(self):
        self._sow_use_credit_control("warn", overdue_days=30)
        self.assertFalse(self.rep.has_group("account.group_account_invoice"))
        order = self._quotation()
        order.invalidate_recordset()
        self.assertIn("1,570.60", str(order.sow_confirm_issues_html))
        # ... though he cannot read the figures themselves
        with self.assertRaises(AccessError):
            self.customer_kl.with_user(self.rep).read(["credit"])
