# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime
from urllib.parse import parse_qs, urlparse

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import Form, tagged

from .common import SowCommon

T_CREATED = datetime(2026, 3, 2, 1, 0, 0)
T_SENT = datetime(2026, 3, 2, 3, 15, 0)
T_RESENT = datetime(2026, 3, 3, 2, 0, 0)
T_SIGNED = datetime(2026, 3, 4, 6, 30, 0)
T_CONFIRMED = datetime(2026, 3, 4, 6, 31, 0)
T_CANCELLED = datetime(2026, 3, 9, 8, 0, 0)


@tagged("post_install", "-at_install")
class TestQuotationConversion(SowCommon):
    """When a quotation was created, sent, signed, confirmed or cancelled,
    why it was lost; and the ways it reaches the customer (email, the
    portal link, WhatsApp)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls.reason_price = cls.env.ref("sales_order_workflow.lost_reason_price")
        cls.customer_kl.mobile = "012-345 6789"

    def _quotation(self):
        return self._sow_create_order(
            self.customer_kl, [(self.product_rice, 2)], user=self.rep
        ).with_user(self.rep)

    def _send_by_email(self, order):
        action = order.action_quotation_send()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.rep)
            .with_context(**action["context"])
            .create({})
        )
        composer.action_send_mail()

    def test_conversion_dates(self):
        with freeze_time(T_CREATED):
            order = self._quotation()
        self.assertEqual(order.sow_created_on, T_CREATED)
        self.assertFalse(order.sow_sent_on)
        with freeze_time(T_SENT):
            self._send_by_email(order)
        self.assertEqual(order.state, "sent")
        self.assertEqual(order.sow_sent_on, T_SENT)
        with freeze_time(T_RESENT):
            self._send_by_email(order)
        self.assertEqual(order.sow_sent_on, T_SENT)  # the first sending counts
        with freeze_time(T_SIGNED):
            # what Odoo's portal writes when the customer signs
            order.sudo().write(
                {
                    "signed_by": "Tan Ah Seng",
                    "signed_on": T_SIGNED,
                    "signature": "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlE"
                    "QVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
                }
            )
        self.assertEqual(order.sow_signed_on, T_SIGNED)
        with freeze_time(T_CONFIRMED):
            order.action_confirm()
        self.assertEqual(order.sow_confirmed_on, T_CONFIRMED)
        self.assertEqual(order.date_order, T_CONFIRMED)  # Odoo's own
        with freeze_time(T_CANCELLED):
            action = order.with_context(sow_ask_lost_reason=True).action_cancel()
            wizard = Form(
                self.env["sale.order.cancel"]
                .with_user(self.rep)
                .with_context(**action["context"])
            )
            wizard.sow_lost_reason_id = self.reason_price
            wizard.sow_lost_note = "Found it RM 2 cheaper at the wholesaler."
            wizard.save().action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.sow_cancelled_on, T_CANCELLED)
        self.assertEqual(order.sow_lost_reason_id, self.reason_price)
        # back to a quotation: no longer confirmed nor lost; sent and signed stay
        order.action_draft()
        self.assertFalse(order.sow_confirmed_on)
        self.assertFalse(order.sow_cancelled_on)
        self.assertFalse(order.sow_lost_reason_id)
        self.assertFalse(order.sow_lost_note)
        self.assertEqual(order.sow_sent_on, T_SENT)
        self.assertEqual(order.sow_signed_on, T_SIGNED)
        self.assertFalse(order.signed_on)  # Odoo clears its own
        # a copy starts afresh
        copy = order.copy()
        self.assertFalse(copy.sow_sent_on or copy.sow_signed_on)
        self.assertNotEqual(copy.sow_created_on, T_CREATED)

    def test_cancel_asks_for_a_lost_reason(self):
        order = self._quotation()
        # a draft too: the form's Cancel button opens Odoo's cancel wizard
        action = order.with_context(sow_ask_lost_reason=True).action_cancel()
        self.assertEqual(action["res_model"], "sale.order.cancel")
        Cancel = (
            self.env["sale.order.cancel"]
            .with_user(self.rep)
            .with_context(**action["context"])
        )
        # the form will not go without a reason...
        form = Form(Cancel)
        self.assertTrue(form.sow_ask_lost_reason)
        with self.assertRaisesRegex(AssertionError, "sow_lost_reason_id is a required"):
            form.save()
        # ... nor will the server
        wizard = Cancel.create({})
        self.assertEqual(wizard.order_id, order)
        with self.assertRaisesRegex(UserError, f"Why is {order.name} lost?"):
            wizard.action_cancel()
        with self.assertRaisesRegex(UserError, "Choose a lost reason"):
            wizard.action_send_mail_and_cancel()
        self.assertEqual(order.state, "draft")
        self.assertFalse(order.message_ids.filtered(lambda m: m.subject))
        wizard.sow_lost_reason_id = self.reason_price
        wizard.sow_lost_note = "Too dear."
        wizard.action_send_mail_and_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(order.sow_lost_reason_id, self.reason_price)
        self.assertEqual(order.sow_lost_note, "Too dear.")
        # as the rep: the demo company's lost quotations are not his
        reason = self.reason_price.with_user(self.rep)
        self.assertEqual(reason.order_count, 1)
        self.assertEqual(order.search(reason.action_view_orders()["domain"]), order)

    def test_cancel_elsewhere_works_as_before(self):
        """Without the form's button (imports, other modules, Odoo's own
        code), a draft is cancelled at once and no reason is asked."""
        order = self._quotation()
        order.action_cancel()
        self.assertEqual(order.state, "cancel")
        self.assertFalse(order.sow_lost_reason_id)
        self.assertTrue(order.sow_cancelled_on)

    def test_lost_reasons_are_configured_by_managers(self):
        reasons = self.env["sale.order.lost.reason"].with_user(self.rep)
        self.assertIn(self.reason_price, reasons.search([]))
        with self.assertRaises(AccessError):
            reasons.create({"name": "Rep's own reason"})
        mine = (
            self.env["sale.order.lost.reason"]
            .with_user(self.manager)
            .create({"name": "Shop renovating", "company_id": self.company.id})
        )
        other_company = self._sow_create_company("Other Sdn Bhd")
        theirs = self.env["sale.order.lost.reason"].create(
            {"name": "Their reason", "company_id": other_company.id}
        )
        visible = reasons.search([])
        self.assertIn(mine, visible)
        self.assertNotIn(theirs, visible)
        mine.with_user(self.manager).active = False
        self.assertNotIn(mine, reasons.search([]))

    # ---------------------------------------------------------------- sharing
    def test_email_marks_sent(self):
        order = self._quotation()
        self._send_by_email(order)
        self.assertEqual(order.state, "sent")
        mail = order.message_ids.filtered(lambda m: m.message_type == "comment")[:1]
        self.assertIn(self.customer_kl, mail.partner_ids)
        self.assertIn(order.name, mail.subject)

    def test_portal_link_can_be_shared(self):
        """Odoo's Share Link, from the quotation's action menu (for users with
        Odoo's default Contact Creation right, as reps normally have)."""
        action = self.env.ref("sales_order_workflow.action_sale_order_share_link")
        self.assertEqual(action.binding_model_id.model, "sale.order")
        self.rep.groups_id |= self.env.ref("base.group_partner_manager")
        order = self._quotation()
        share = (
            self.env["portal.share"]
            .with_user(self.rep)
            .with_context(active_model="sale.order", active_id=order.id)
            .create({"partner_ids": [(6, 0, self.customer_kl.ids)]})
        )
        self.assertTrue(order.access_token)
        self.assertIn(order.access_token, share.share_link)
        share.action_send_mail()
        sent = order.message_ids.filtered(
            lambda m: order.access_token in (m.body or "")
        )
        self.assertEqual(len(sent), 1)
        self.assertIn(self.customer_kl, sent.partner_ids)

    def test_whatsapp(self):
        order = self._quotation()
        action = order.action_sow_share_whatsapp()
        self.assertEqual(action["type"], "ir.actions.act_url")
        self.assertEqual(action["target"], "new")
        url = urlparse(action["url"])
        self.assertEqual(
            (url.scheme, url.netloc, url.path), ("https", "wa.me", "/60123456789")
        )
        text = parse_qs(url.query)["text"][0]
        self.assertIn(
            f"Hello Kedai Runcit Ah Seng, here is Quotation {order.name} from SOW "
            "Test Sdn Bhd (RM\N{NO-BREAK SPACE}77.80): ",
            text,
        )
        self.assertTrue(
            text.endswith(f"/my/orders/{order.id}?access_token={order.access_token}")
        )
        self.assertTrue(text.split(": ")[-1].startswith(order.get_base_url()))
        # shared: the quotation counts as sent, the chatter says to whom
        self.assertEqual(order.state, "sent")
        self.assertTrue(order.sow_sent_on)
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Link shared on WhatsApp with +60123456789" in (m.body or "")
            )
        )

    def test_whatsapp_numbers(self):
        Order = self.env["sale.order"]
        partner = self.customer_kl
        for given, expected in [
            ("012-345 6789", "60123456789"),
            ("+60 12-345 6789", "60123456789"),
            ("0060 12 345 6789", "60123456789"),
            ("+65 9123 4567", "6591234567"),
        ]:
            partner.mobile = given
            self.assertEqual(Order._sow_whatsapp_number(partner), expected, given)
        partner.mobile = False
        partner.phone = "03-2123 4567"
        self.assertEqual(Order._sow_whatsapp_number(partner), "60321234567")
        partner.phone = False
        self.assertFalse(Order._sow_whatsapp_number(partner))
        # no number: WhatsApp asks whom to send it to
        url = self._quotation().action_sow_share_whatsapp()["url"]
        self.assertTrue(url.startswith("https://wa.me/?text="))

    def test_sign_now_needs_a_quotation_asking_for_a_signature(self):
        order = self._quotation()
        order.require_signature = False
        with self.assertRaisesRegex(UserError, "does not ask for a signature"):
            order.action_sow_sign_now()
        order.require_signature = True
        order.action_confirm()
        with self.assertRaisesRegex(UserError, "no longer a quotation"):
            order.action_sow_sign_now()
