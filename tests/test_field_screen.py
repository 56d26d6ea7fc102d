# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import SowCommon


class FieldScreenCase(SowCommon, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls._sow_create_visit(cls.customer_kl)

    def _post(self, route, **params):
        """JSON-RPC as the browser sends it: (result, error data)."""
        response = self.url_open(
            route,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "id": 1, "params": params}
            ),
            headers={"Content-Type": "application/json"},
        )
        response.raise_for_status()
        body = response.json()
        return body.get("result"), (body.get("error") or {}).get("data")


@tagged("post_install", "-at_install")
class TestFieldScreenRoutes(FieldScreenCase):
    def test_day_through_the_json_routes(self):
        self.authenticate("sow_rep", "sow_rep")
        data, error = self._post("/sales_order_workflow/field/data")
        self.assertFalse(error)
        self.assertFalse(data["clocked_in"])
        self.assertTrue(data["require_attendance"])
        self.assertEqual([v["id"] for v in data["visits"]], self.visit.ids)
        self.assertEqual(data["visits"][0]["partner_name"], "Kedai Runcit Ah Seng")
        self.assertIn(["no_order", "No Order"], data["outcomes"])

        # clock in: Odoo's attendance, with what the request tells
        data, error = self._post(
            "/sales_order_workflow/field/clock",
            action="in",
            latitude=3.0893,
            longitude=101.6867,
            accuracy=14,
        )
        self.assertFalse(error)
        self.assertTrue(data["clocked_in"])
        attendance = self.employee_rep.last_attendance_id
        self.assertAlmostEqual(attendance.in_latitude, 3.0893, places=7)
        self.assertEqual(attendance.in_mode, "sow_field")
        self.assertEqual(attendance.sow_in_accuracy, 14)
        self.assertEqual(attendance.in_ip_address, "127.0.0.1")

        # check in at the planned visit, 20 m from the customer
        latitude, longitude = self._sow_north_of(self.customer_kl, 20)
        data, error = self._post(
            "/sales_order_workflow/visit/check_in",
            visit_id=self.visit.id,
            latitude=latitude,
            longitude=longitude,
            accuracy=9.5,
        )
        self.assertFalse(error)
        self.assertEqual(data["current_visit_id"], self.visit.id)
        shown = data["visits"][0]
        self.assertEqual(shown["state"], "checked_in")
        self.assertEqual(shown["location_status"], "verified")
        self.assertEqual(shown["location_status_label"], "Verified")
        self.assertEqual(shown["check_in_distance"], 20)
        self.assertIn("openstreetmap.org", shown["check_in_map_url"])
        self.assertEqual(self.visit.state, "checked_in")
        self.assertEqual(self.visit.check_in_accuracy, 9.5)
        self.assertEqual(self.visit.attendance_id, attendance)
        # the quotations and collections of the visit find it
        self.assertEqual(
            self.env["sale.visit"].with_user(self.rep)._sow_current_visit(),
            self.visit,
        )

        # check out with what happened
        data, error = self._post(
            "/sales_order_workflow/visit/check_out",
            visit_id=self.visit.id,
            latitude=latitude,
            longitude=longitude,
            accuracy=11,
            outcome="follow_up",
            note="Wants the Raya prices.\nCall Monday.",
        )
        self.assertFalse(error)
        self.assertFalse(data["current_visit_id"])
        self.assertEqual(self.visit.state, "checked_out")
        self.assertEqual(self.visit.outcome, "follow_up")
        self.assertIn("Wants the Raya prices.", self.visit.note)
        self.assertEqual(
            data["visits"][0]["note"], "Wants the Raya prices.\nCall Monday."
        )

        # ad hoc at a customer without coordinates, then no order
        data, error = self._post(
            "/sales_order_workflow/visit/check_in",
            partner_id=self.customer_nogps.id,
            latitude=2.9935,
            longitude=101.7874,
            accuracy=20,
            purpose="new_customer",
        )
        self.assertFalse(error)
        ad_hoc = self.env["sale.visit"].browse(data["current_visit_id"])
        self.assertEqual(ad_hoc.partner_id, self.customer_nogps)
        self.assertEqual(ad_hoc.purpose, "new_customer")
        self.assertEqual(ad_hoc.location_status, "no_customer_location")
        self.assertEqual(len(data["visits"]), 2)
        data, error = self._post(
            "/sales_order_workflow/visit/check_out",
            visit_id=ad_hoc.id,
            outcome="no_order",
            no_order_reason="closed",
        )
        self.assertFalse(error)
        self.assertEqual(ad_hoc.no_order_reason, "closed")
        self.assertFalse(ad_hoc.check_out_latitude)

        data, error = self._post("/sales_order_workflow/field/clock", action="out")
        self.assertFalse(error)
        self.assertFalse(data["clocked_in"])
        self.assertTrue(attendance.check_out)
        self.assertEqual(attendance.out_mode, "sow_field")

    @mute_logger("odoo.http")
    def test_refusals_come_back_as_clear_errors(self):
        self.authenticate("sow_rep", "sow_rep")
        _data, error = self._post(
            "/sales_order_workflow/visit/check_in",
            visit_id=self.visit.id,
            latitude=3.14,
            longitude=101.69,
        )
        self.assertEqual(error["name"], "odoo.exceptions.UserError")
        self.assertIn("Clock in first", error["message"])
        self._post("/sales_order_workflow/field/clock", action="in")
        for params, message in (
            ({"latitude": 123.4, "longitude": 101.69}, "Latitude 123.4 is outside"),
            ({"latitude": 3.14, "longitude": -200}, "Longitude -200 is outside"),
            ({"latitude": 3.14}, "a latitude without a longitude"),
            (
                {"latitude": 3.14, "longitude": 101.69, "accuracy": -3},
                "-3 m is impossible",
            ),
            ({"latitude": "x", "longitude": 101.69}, "is not a number"),
        ):
            _data, error = self._post(
                "/sales_order_workflow/visit/check_in", visit_id=self.visit.id, **params
            )
            self.assertEqual(error["name"], "odoo.exceptions.ValidationError", params)
            self.assertIn(message, error["message"])
        self.assertEqual(self.visit.state, "planned")
        _data, error = self._post(
            "/sales_order_workflow/visit/check_out", visit_id=self.visit.id
        )
        self.assertIn("is Planned, not checked in", error["message"])
        _data, error = self._post(
            "/sales_order_workflow/visit/check_in", visit_id="the first one"
        )
        self.assertIn("'the first one' is not a visit", error["message"])
        _data, error = self._post("/sales_order_workflow/visit/check_in")
        self.assertIn("Choose a visit or a customer", error["message"])
        _data, error = self._post(
            "/sales_order_workflow/visit/check_in", visit_id=999999999
        )
        self.assertIn("no longer exists", error["message"])
        # another rep's visit is out of reach
        other = self._sow_create_visit(self.customer_png, self.rep2)
        _data, error = self._post(
            "/sales_order_workflow/visit/check_in", visit_id=other.id
        )
        self.assertEqual(error["name"], "odoo.exceptions.AccessError")
        self.assertEqual(other.state, "planned")
        _data, error = self._post(
            "/sales_order_workflow/visit/check_out",
            visit_id=self.visit.id,
            outcome="a great success",
        )
        self.assertIn("is not an outcome", error["message"])
        _data, error = self._post("/sales_order_workflow/field/clock", action="in")
        self.assertIn("You clocked in already", error["message"])

    @mute_logger("odoo.http")
    def test_routes_need_a_login(self):
        _data, error = self._post("/sales_order_workflow/field/data")
        self.assertEqual(error["name"], "odoo.http.SessionExpiredException")


@tagged("post_install", "-at_install")
class TestFieldScreenTour(FieldScreenCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_field_screen_tour_on_a_phone(self):
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_field_screen",
            "sales_order_workflow_field_screen",
            login="sow_rep",
        )
        attendance = self.employee_rep.last_attendance_id
        self.assertTrue(attendance.check_out)
        self.assertAlmostEqual(attendance.in_latitude, 3.14348, places=5)
        self.assertEqual(attendance.sow_in_accuracy, 12)
        visit = self.visit
        self.assertEqual(visit.state, "checked_out")
        self.assertEqual(visit.location_status, "verified")
        self.assertAlmostEqual(visit.check_in_distance, 20.0, delta=0.1)
        self.assertEqual(visit.check_in_accuracy, 12)
        self.assertEqual(visit.outcome, "follow_up")
        self.assertIn("Raya promotion prices", visit.note)
        self.assertEqual(visit.attendance_id, attendance)
        ad_hoc = self.env["sale.visit"].search(
            [("partner_id", "=", self.customer_nogps.id), ("user_id", "=", self.rep.id)]
        )
        self.assertEqual(len(ad_hoc), 1)
        self.assertEqual(ad_hoc.state, "checked_out")
        self.assertEqual(ad_hoc.location_status, "no_customer_location")
        self.assertEqual(ad_hoc.outcome, "no_order")
        self.assertEqual(ad_hoc.no_order_reason, "closed")
        self.assertFalse(ad_hoc.is_flagged)


@tagged("post_install", "-at_install")
class TestFieldScreenActionsTour(FieldScreenCase):
    browser_size = "390x844"
    touch_enabled = True

    def test_stock_receipt_and_quotation_from_the_visit(self):
        self._sow_set_stock(self.product_rice, self.wh_kl, 40)
        self._sow_clock_in(self.rep, *self._sow_north_of(self.customer_kl, 40), 10)
        self.visit.with_user(self.rep).action_check_in(
            *self._sow_north_of(self.customer_kl, 10), 5
        )
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_field_screen",
            "sales_order_workflow_field_screen_actions",
            login="sow_rep",
        )
        order = self.env["sale.order"].search([("visit_id", "=", self.visit.id)])
        self.assertEqual(len(order), 1)
        self.assertEqual(order.partner_id, self.customer_kl)
        self.assertEqual(order.user_id, self.rep)
        self.assertEqual(order.order_line.product_id, self.product_rice)
        self.assertEqual(order.order_line.product_uom_qty, 3)
        # the receipt and the second quotation were opened, not saved
        self.assertFalse(
            self.env["sale.collection"].search([("visit_id", "=", self.visit.id)])
        )
        self.assertEqual(self.visit.state, "checked_in")


@tagged("post_install", "-at_install")
class TestVisitFormTour(FieldScreenCase):
    def test_visit_form_buttons_capture_the_position(self):
        self._sow_clock_in(self.rep)
        self.start_tour(
            f"/odoo/action-sales_order_workflow.action_sale_visit/{self.visit.id}",
            "sales_order_workflow_visit_form",
            login="sow_rep",
        )
        self.assertEqual(self.visit.state, "checked_out")
        self.assertEqual(self.visit.location_status, "verified")
        self.assertEqual(self.visit.check_in_accuracy, 12)
        self.assertEqual(self.visit.outcome, "order")
        self.assertAlmostEqual(self.visit.check_out_latitude, 3.14348, places=5)
