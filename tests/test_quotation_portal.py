# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io

from PIL import Image

from odoo import http
from odoo.tests import HttpCase, tagged

from .common import SowCommon


def _signature_png():
    """A small drawing, as the portal's signature pad sends it (base64)."""
    image = Image.new("RGB", (120, 40), "white")
    for x in range(10, 110):
        image.putpixel((x, 20 + (x % 7)), (0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return base64.b64encode(buffer.getvalue()).decode()


@tagged("post_install", "-at_install")
class TestQuotationPortal(SowCommon, HttpCase):
    """The customer accepts on the spot through Odoo's own portal route
    (/my/orders/<id>/accept): signature, signer and time stored as Odoo
    stores them, confirmed as Odoo's portal confirms; held when a check
    blocks it; declined online with a lost reason."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_set_stock(cls.product_rice, cls.wh_kl, 100)
        cls.rep.password = "sow_rep_pw"
        cls.manager.password = "sow_manager_pw"
        cls.team.user_id = cls.manager
        cls.company.portal_confirmation_pay = False

    def _quotation(self):
        order = self._sow_create_order(
            self.customer_kl,
            [(self.product_rice, 4)],
            user=self.rep,
            team_id=self.team.id,
            require_signature=True,
            require_payment=False,
        )
        self.assertTrue(order._has_to_be_signed())
        return order

    def _accept(self, order, url, name="Tan Ah Seng"):
        """What the portal's signature dialog posts."""
        return self.make_jsonrpc_request(
            url.split("?")[0] + "/accept",
            {
                "access_token": order.access_token,
                "name": name,
                "signature": _signature_png(),
            },
        )

    def test_customer_signs_on_the_reps_phone(self):
        order = self._quotation()
        action = order.with_user(self.rep).action_sow_sign_now()
        self.assertEqual(action["type"], "ir.actions.act_url")
        url = action["url"]
        self.assertRegex(url, rf"^/my/orders/{order.id}\?access_token=[\w-]+$")
        self.assertTrue(order.access_token)
        self.assertIn(order.access_token, url)

        # the rep's browser shows Odoo's own page of the quotation, to sign
        self.authenticate("sow_rep", "sow_rep_pw")
        page = self.url_open(url)
        self.assertEqual(page.status_code, 200)
        self.assertIn("Accept & Sign", page.text)
        self.assertIn(order.name, page.text)

        result = self._accept(order, url)
        self.assertIn("message=sign_ok", result["redirect_url"])
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, "Tan Ah Seng")
        self.assertTrue(order.signature)
        self.assertTrue(order.signed_on)
        self.assertEqual(order.sow_signed_on, order.signed_on)
        # confirmed as Odoo's portal confirms
        self.assertEqual(order.state, "sale")
        self.assertTrue(order.sow_confirmed_on)
        self.assertTrue(
            order.message_ids.filtered(
                lambda m: "Order signed by Tan Ah Seng" in (m.body or "")
            )
        )
        # signing twice is refused by Odoo
        again = self._accept(order, url)
        self.assertIn("error", again)

    def test_signed_online_while_blocked_is_held(self):
        self._sow_use_credit_control("block")
        self._sow_set_credit_limit(self.customer_kl, 100.0)
        order = self._quotation()  # 155.60 over a limit of 100.00
        self.assertEqual(order.sow_confirm_state, "block")
        url = order.with_user(self.rep).action_sow_sign_now()["url"]

        # the customer, on his own phone: not logged in, the link only
        self.authenticate(None, None)
        result = self._accept(order, url)
        self.assertIn("message=sign_ok", result["redirect_url"])
        order.invalidate_recordset()
        self.assertEqual(order.signed_by, "Tan Ah Seng")
        self.assertTrue(order.signature)
        self.assertIn(order.state, ("draft", "sent"))
        held = order.message_ids.filtered(lambda m: "Not confirmed" in (m.body or ""))
        self.assertEqual(len(held), 1)
        self.assertIn("is over the credit limit of RM", held.body)
        activity = order.activity_ids
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("sales_order_workflow.mail_activity_type_order_held"),
        )
        self.assertEqual(activity.user_id, self.rep)
        # the page still shows the order, signed, to the customer
        page = self.url_open(result["redirect_url"])
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("Accept & Sign", page.text)

        # the limit raised, the rep confirms the signed quotation
        self._sow_set_credit_limit(self.customer_kl, 1000.0)
        order.with_user(self.rep).action_confirm()
        self.assertEqual(order.state, "sale")

    def test_signed_online_awaiting_approval_is_confirmed_by_the_approval(self):
        self._sow_use_credit_control("approval")
        self._sow_set_credit_limit(self.customer_kl, 100.0)
        order = self._quotation()
        url = order.with_user(self.rep).action_sow_sign_now()["url"]
        self.authenticate(None, None)
        self._accept(order, url)
        order.invalidate_recordset()
        self.assertIn(order.state, ("draft", "sent"))
        types = order.activity_ids.mapped(
            lambda a: (a.activity_type_id.name, a.user_id)
        )
        self.assertIn(("Signed Order on Hold", self.rep), types)
        self.assertIn(("Order Approval", self.manager), types)
        # the manager approves: the customer signed already, so it is confirmed
        order.with_user(self.manager).action_sow_approve(
            reason="Regular customer, pays on delivery."
        )
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sow_approved_by, self.manager)

    def test_declined_online_is_lost_with_a_reason(self):
        order = self._quotation()
        order._portal_ensure_token()
        self.authenticate(None, None)
        response = self.url_open(
            f"/my/orders/{order.id}/decline",
            data={
                "access_token": order.access_token,
                "decline_message": "We found it cheaper elsewhere.",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(response.status_code, 200)
        order.invalidate_recordset()
        self.assertEqual(order.state, "cancel")
        self.assertEqual(
            order.sow_lost_reason_id,
            self.env.ref("sales_order_workflow.lost_reason_declined_online"),
        )
        self.assertEqual(order.sow_lost_note, "We found it cheaper elsewhere.")
        self.assertTrue(order.sow_cancelled_on)


@tagged("post_install", "-at_install")
class TestQuotationSignTour(SowCommon, HttpCase):
    """On a phone: the rep opens the quotation, taps Customer Signs Now, the
    customer signs on Odoo's portal page in the same browser."""

    browser_size = "375x667"
    touch_enabled = True

    def test_sign_now_on_a_phone(self):
        self._sow_set_stock(self.product_rice, self.wh_kl, 100)
        self.company.portal_confirmation_pay = False
        self.rep.password = "sow_rep_pw"
        order = self._sow_create_order(
            self.customer_kl,
            [(self.product_rice, 4)],
            user=self.rep,
            require_signature=True,
            require_payment=False,
        )
        self.start_tour(
            f"/odoo/action-sale.action_quotations_with_onboarding/{order.id}",
            "sow_quotation_sign_now_phone",
            login="sow_rep",
        )
        self.assertEqual(order.signed_by, "Kedai Runcit Ah Seng")
        self.assertTrue(order.signature)
        self.assertEqual(order.state, "sale")
        self.assertEqual(order.sow_signed_on, order.signed_on)
