# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestSaleVisit(SowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls._sow_create_visit(cls.customer_kl)
        cls.Visit = cls.env["sale.visit"].with_user(cls.rep)

    def test_planned_visit_defaults(self):
        visit = self.visit
        self.assertEqual(visit.state, "planned")
        self.assertRegex(visit.name, r"^VIS/\d{4}/\d{5}$")
        self.assertEqual(visit.employee_id, self.employee_rep)
        self.assertEqual(visit.team_id, self.team)
        self.assertEqual(visit.company_id, self.company)
        self.assertFalse(visit.location_status)
        self.assertEqual(
            visit.partner_map_url,
            "https://www.openstreetmap.org/?mlat=3.1433000&mlon=101.6971000"
            "#map=18/3.1433000/101.6971000",
        )
        self.assertFalse(visit.check_in_map_url)

    def test_numbering_is_per_company(self):
        other = self._sow_create_company("Other Sdn Bhd")
        other_rep = self._sow_create_user("sow_other_rep", "group_field_rep", other)
        other_customer = self._sow_create_customer(
            "Kedai Johor", other_rep, 1.4927, 103.7414, company=other
        )
        first = self._sow_create_visit(other_customer, other_rep, company_id=other.id)
        second = self._sow_create_visit(other_customer, other_rep, company_id=other.id)
        year = first.planned_date.year
        self.assertEqual(first.name, f"VIS/{year}/00001")
        self.assertEqual(second.name, f"VIS/{year}/00002")
        # this company's numbering goes on (with gaps: numbers are never
        # reused, whatever was rolled back)
        here = self._sow_create_visit(self.customer_kl)
        self.assertGreater(
            int(re.search(r"(\d+)$", here.name).group(1)),
            int(re.search(r"(\d+)$", self.visit.name).group(1)),
        )

    def test_check_in_verified(self):
        attendance = self._sow_clock_in(self.rep)
        latitude, longitude = self._sow_north_of(self.customer_kl, 20)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in(latitude, longitude, 8.5)
        self.assertEqual(visit.state, "checked_in")
        self.assertTrue(visit.check_in)
        self.assertAlmostEqual(visit.check_in_latitude, latitude, places=7)
        self.assertAlmostEqual(visit.check_in_longitude, longitude, places=7)
        self.assertEqual(visit.check_in_accuracy, 8.5)
        self.assertAlmostEqual(visit.check_in_distance, 20, delta=0.01)
        self.assertEqual(visit.location_status, "verified")
        self.assertEqual(visit.attendance_id, attendance)
        self.assertEqual(attendance.sow_visit_ids, visit)
        self.assertFalse(visit.is_flagged)
        self.assertIn(f"mlat={latitude:.7f}", visit.check_in_map_url)
        self.assertEqual(self.Visit._sow_current_visit(), visit)
        self.assertEqual(self.Visit._sow_current_visit(self.rep), visit)
        self.assertFalse(self.Visit._sow_current_visit(self.rep2))

    def test_radius_threshold(self):
        """200 m is verified, a metre more is outside; the radius is a setting."""
        self._sow_clock_in(self.rep)
        for metres, status in ((199.9, "verified"), (200.1, "outside")):
            visit = self._sow_create_visit(self.customer_kl).with_user(self.rep)
            visit.action_check_in(*self._sow_north_of(self.customer_kl, metres), 5)
            self.assertEqual(visit.location_status, status, metres)
            self.assertAlmostEqual(visit.check_in_distance, metres, delta=0.051)
            visit.write({"outcome": "follow_up"})
            visit.action_check_out()
        self.company.sow_visit_radius = 500
        visit = self._sow_create_visit(self.customer_kl).with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 450), 5)
        self.assertEqual(visit.location_status, "verified")
        # far away (the wrong shop across town)
        visit.write({"outcome": "follow_up"})
        visit.action_check_out()
        visit = self._sow_create_visit(self.customer_kl).with_user(self.rep)
        visit.action_check_in(3.1390, 101.6869, 5)
        self.assertEqual(visit.location_status, "outside")
        self.assertAlmostEqual(visit.check_in_distance, 1229.3, delta=0.1)

    def test_radius_must_be_positive(self):
        with self.assertRaisesRegex(ValidationError, "more than zero"):
            self.company.sow_visit_radius = 0
        with self.assertRaisesRegex(ValidationError, "more than zero"):
            self.company.sow_visit_max_speed = -5

    def test_check_in_without_gps(self):
        self._sow_clock_in(self.rep)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in()
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(visit.location_status, "no_gps")
        self.assertEqual(visit.check_in_distance, 0)
        self.assertFalse(visit.check_in_map_url)
        self.assertFalse(visit.is_flagged)

    def test_check_in_customer_without_location(self):
        self._sow_clock_in(self.rep)
        visit = self._sow_create_visit(self.customer_nogps).with_user(self.rep)
        visit.action_check_in(3.0, 101.8, 10)
        self.assertEqual(visit.location_status, "no_customer_location")
        self.assertEqual(visit.check_in_distance, 0)
        self.assertFalse(visit.partner_map_url)
        self.assertTrue(visit.check_in_map_url)

    def test_check_out(self):
        self._sow_clock_in(self.rep)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        with self.assertRaisesRegex(UserError, "Record how visit .* went"):
            visit.action_check_out()
        self.assertEqual(visit.state, "checked_in")
        with self.assertRaisesRegex(ValidationError, "say why"):
            visit.write({"outcome": "no_order"})
        visit.write(
            {
                "outcome": "no_order",
                "no_order_reason": "enough_stock",
                "note": "<p>Full shelves after Hari Raya</p>",
            }
        )
        visit.action_check_out(*self._sow_north_of(self.customer_kl, 12), 6)
        self.assertEqual(visit.state, "checked_out")
        self.assertGreaterEqual(visit.check_out, visit.check_in)
        self.assertAlmostEqual(
            visit.duration,
            (visit.check_out - visit.check_in).total_seconds() / 3600,
        )
        self.assertEqual(visit.check_out_accuracy, 6)
        self.assertIn("openstreetmap.org", visit.check_out_map_url)
        self.assertFalse(self.Visit._sow_current_visit())

    def test_duration(self):
        visit = self._sow_create_visit(self.customer_kl)
        # as the administrator (superuser) may: a visit from the past
        visit.write(
            {
                "state": "checked_out",
                "check_in": "2026-03-02 01:00:00",
                "check_out": "2026-03-02 01:45:00",
                "location_status": "no_gps",
            }
        )
        self.assertEqual(visit.duration, 0.75)

    def test_outcome_from_orders(self):
        """Orders made during the visit link to it and give its outcome."""
        self._sow_clock_in(self.rep)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        quotation = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 5)], visit_id=visit.id
        )
        self.assertEqual(visit.sale_order_ids, quotation)
        self.assertEqual(visit.sale_order_count, 1)
        visit.action_check_out()
        self.assertEqual(visit.outcome, "quotation")

        second = self._sow_create_visit(self.customer_kl).with_user(self.rep)
        second.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        self._sow_create_order(
            self.customer_kl, [(self.product_oil, 2)], visit_id=second.id, confirm=True
        )
        second.action_check_out()
        self.assertEqual(second.outcome, "order")
        action = second.action_view_sale_orders()
        self.assertEqual(action["domain"], [("visit_id", "=", second.id)])
        self.assertEqual(action["context"]["default_visit_id"], second.id)

    def test_ad_hoc_visit(self):
        self._sow_clock_in(self.rep)
        visit = self.Visit.action_start_visit(
            self.customer_png.id, 5.4181, 100.3371, 7, purpose="collection"
        )
        self.assertEqual(visit.state, "checked_in")
        self.assertEqual(visit.user_id, self.rep)
        self.assertEqual(visit.partner_id, self.customer_png)
        self.assertEqual(visit.purpose, "collection")
        self.assertEqual(visit.location_status, "verified")
        self.assertEqual(visit.planned_date, visit.check_in)

    def test_cancel_and_plan_again(self):
        visit = self.visit.with_user(self.rep)
        visit.action_cancel()
        self.assertEqual(visit.state, "cancelled")
        visit.action_plan()
        self.assertEqual(visit.state, "planned")
        with self.assertRaisesRegex(UserError, "not cancelled"):
            visit.action_plan()
        self._sow_clock_in(self.rep)
        visit.action_check_in()
        visit.action_cancel()
        with self.assertRaisesRegex(UserError, "checked in already"):
            visit.action_plan()
        with self.assertRaisesRegex(UserError, "only planned or open visits"):
            visit.action_cancel()

    def test_captured_visit_cannot_be_deleted(self):
        planned = self._sow_create_visit(self.customer_kl).with_user(self.rep)
        planned.unlink()
        self.assertFalse(planned.exists())
        self._sow_clock_in(self.rep)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in()
        with self.assertRaisesRegex(UserError, "cannot be deleted. Cancel it instead"):
            visit.unlink()
        with self.assertRaisesRegex(UserError, "cannot be deleted"):
            self.visit.unlink()

    def test_partner_visit_count(self):
        self._sow_create_visit(self.customer_kl)
        contact = self.env["res.partner"].create(
            {"name": "Ah Seng", "parent_id": self.customer_kl.id}
        )
        self._sow_create_visit(contact)
        self._sow_create_visit(self.customer_png, self.rep2)
        self.assertEqual(self.customer_kl.with_user(self.rep).sow_visit_count, 3)
        # a rep counts only what he sees
        self.assertEqual(self.customer_png.with_user(self.rep).sow_visit_count, 0)
        self.assertEqual(self.customer_png.with_user(self.manager).sow_visit_count, 1)
        action = self.customer_kl.action_sow_view_visits()
        self.assertEqual(
            self.env["sale.visit"].search(action["domain"]).partner_id,
            self.customer_kl | contact,
        )
