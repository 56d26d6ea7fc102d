# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import format_date

from .common import SAME_DAY_NOON, SowCommon


@tagged("post_install", "-at_install")
class TestQuotationValidity(SowCommon):
    """Validity from the company's setting; an expired quotation is renewed
    (new date, today's prices, logged) before it is signed or confirmed; a
    scheduled action marks expired quotations and tells their rep, once."""

    freeze_time = SAME_DAY_NOON  # see tests/common.py

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls.today = fields.Date.context_today(cls.env["sale.order"].with_user(cls.rep))
        cls.expired_type = cls.env.ref(
            "sales_order_workflow.mail_activity_type_quotation_expired"
        )
        # quotations of the database (demo data) that expired already
        cls.env["sale.order"]._cron_sow_mark_expired(limit=100000)

    def _quotation(self, days_ago=None, user=None):
        order = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 2)], user=user or self.rep
        )
        if days_ago is not None:
            order.validity_date = self.today - timedelta(days=days_ago)
        return order.with_user(self.rep)

    def test_validity_from_the_company_setting(self):
        with Form(self.env["res.config.settings"]) as settings:
            settings.quotation_validity_days = 14
        self.assertEqual(self.company.quotation_validity_days, 14)
        order = self._quotation()
        self.assertEqual(order.validity_date, self.today + timedelta(days=14))
        self.assertFalse(order.sow_must_renew)

    def test_expired_cannot_be_confirmed_signed_or_shared(self):
        order = self._quotation(days_ago=1)
        self.assertTrue(order.is_expired)
        self.assertTrue(order.sow_must_renew)
        expired_on = format_date(self.env, self.today - timedelta(days=1))
        message = f"{order.name} expired on {expired_on}. Renew it first"
        with self.assertRaisesRegex(UserError, message):
            order.action_confirm()
        with self.assertRaisesRegex(UserError, message):
            order.with_user(self.manager).action_confirm()
        with self.assertRaisesRegex(UserError, "Renew it first"):
            order.action_sow_sign_now()
        with self.assertRaisesRegex(UserError, "Renew it first"):
            order.action_sow_share_whatsapp()
        self.assertEqual(order.state, "draft")

    def test_renew(self):
        order = self._quotation(days_ago=3)
        self.product_rice.list_price = 41.00  # prices went up meanwhile
        action = order.action_sow_renew()
        self.assertEqual(action["res_model"], "sale.order.renew")
        with Form(
            self.env["sale.order.renew"]
            .with_user(self.rep)
            .with_context(**action["context"])
        ) as form:
            self.assertEqual(form.validity_date, self.today + timedelta(days=30))
            form.validity_date = self.today + timedelta(days=7)
        form.save().action_renew()
        self.assertEqual(order.validity_date, self.today + timedelta(days=7))
        self.assertFalse(order.sow_must_renew)
        self.assertEqual(order.order_line.price_unit, 41.00)
        self.assertEqual(order.amount_total, 82.00)
        renewed = order.message_ids.filtered(
            lambda m: "Quotation renewed" in (m.body or "")
        )
        self.assertEqual(len(renewed), 1)
        self.assertIn(
            "valid until {} (was {}); prices updated, total RM\N{NO-BREAK SPACE}"
            "77.80 → RM\N{NO-BREAK SPACE}82.00".format(
                format_date(self.env, self.today + timedelta(days=7)),
                format_date(self.env, self.today - timedelta(days=3)),
            ),
            str(renewed.body).replace("&nbsp;", "\N{NO-BREAK SPACE}"),
        )
        # Odoo's own note of the re-pricing is there too
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Product prices have been recomputed" in (m.body or "")
            )
        )
        order.action_confirm()
        self.assertEqual(order.state, "sale")

    def test_renew_needs_a_date_to_come(self):
        order = self._quotation(days_ago=3)
        with self.assertRaisesRegex(UserError, "must be today or later"):
            order._sow_renew(self.today - timedelta(days=1))
        self.assertTrue(order.sow_must_renew)
        confirmed = self._quotation()
        confirmed.action_confirm()
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            confirmed.action_sow_renew()

    def test_a_new_date_alone_does_not_renew(self):
        """Once marked expired, only renewing (which re-prices) clears it."""
        order = self._quotation(days_ago=2)
        self.env["sale.order"]._cron_sow_mark_expired()
        self.assertTrue(order.sow_expired)
        order.validity_date = self.today + timedelta(days=10)
        self.assertTrue(order.sow_must_renew)
        with self.assertRaisesRegex(UserError, "Renew it first"):
            order.action_confirm()

    def test_cron_marks_and_tells_once(self):
        expired = self._quotation(days_ago=5)
        expired_sent = self._quotation(days_ago=1)
        expired_sent.action_quotation_sent()
        nobody = self._quotation(days_ago=2)
        nobody.user_id = False
        valid = self._quotation()
        confirmed = self._quotation()
        confirmed.action_confirm()
        confirmed.validity_date = self.today - timedelta(days=9)

        marked = self.env["sale.order"]._cron_sow_mark_expired()
        self.assertEqual(marked, expired | nobody | expired_sent)
        for order in expired | expired_sent:
            self.assertTrue(order.sow_expired)
            activity = order.activity_ids
            self.assertEqual(activity.activity_type_id, self.expired_type)
            self.assertEqual(activity.user_id, self.rep)
            self.assertIn(order.name, str(activity.note))
        self.assertTrue(nobody.sow_expired)
        self.assertFalse(nobody.activity_ids)
        self.assertFalse(valid.sow_expired or confirmed.sow_expired)
        # the next run tells nobody again
        self.assertFalse(self.env["sale.order"]._cron_sow_mark_expired())
        self.assertEqual(len(expired.activity_ids), 1)
        # renewing marks the activity done
        expired._sow_renew(self.today + timedelta(days=30))
        self.assertFalse(expired.sow_expired)
        self.assertFalse(expired.activity_ids)
        # the scheduled action exists and runs the method
        cron = self.env.ref("sales_order_workflow.ir_cron_sale_order_mark_expired")
        self.assertEqual(cron.code, "model._cron_sow_mark_expired()")
        self.assertEqual(cron.model_id.model, "sale.order")

    def test_cron_works_in_batches(self):
        orders = self._quotation(days_ago=1)
        for _index in range(3):
            orders |= self._quotation(days_ago=1)
        first = self.env["sale.order"]._cron_sow_mark_expired(limit=3)
        self.assertEqual(len(first), 3)
        second = self.env["sale.order"]._cron_sow_mark_expired(limit=3)
        self.assertEqual(len(second), 1)
        self.assertTrue(all(orders.mapped("sow_expired")))
