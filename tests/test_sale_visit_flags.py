# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestSaleVisitFlags(SowCommon):
    """Honesty flags: low accuracy, impossible travel speed (auto-close: see
    test_sale_visit_attendance)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # clocked in without a position, so that only visits give positions
        cls._sow_clock_in(cls.rep)

    def _past_visit(self, partner, minutes_ago, latitude, longitude, accuracy=5.0):
        """A visit the rep checked out of ``minutes_ago``, at that point."""
        now = fields.Datetime.now()
        visit = self._sow_create_visit(partner, self.rep)
        # as the administrator (superuser): a visit from earlier today
        visit.write(
            {
                "state": "checked_out",
                "check_in": now - timedelta(minutes=minutes_ago + 30),
                "check_in_latitude": latitude,
                "check_in_longitude": longitude,
                "check_in_accuracy": accuracy,
                "location_status": "verified",
                "check_out": now - timedelta(minutes=minutes_ago),
                "check_out_latitude": latitude,
                "check_out_longitude": longitude,
                "check_out_accuracy": accuracy,
                "outcome": "follow_up",
            }
        )
        return visit

    def _check_in(self, partner, metres=10, accuracy=5.0):
        visit = self._sow_create_visit(partner, self.rep).with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(partner, metres), accuracy)
        return visit

    def test_accuracy_threshold(self):
        at_threshold = self._check_in(self.customer_kl, accuracy=100)
        self.assertFalse(at_threshold.flag_low_accuracy)
        self.assertFalse(at_threshold.is_flagged)
        at_threshold.write({"outcome": "follow_up"})
        at_threshold.action_check_out()

        worse = self._check_in(self.customer_kl, accuracy=100.5)
        self.assertTrue(worse.flag_low_accuracy)
        self.assertTrue(worse.is_flagged)
        self.assertEqual(
            worse.flag_note, "GPS accuracy 100.5 m is worse than the 100 m threshold."
        )
        # a flag does not change where the rep was
        self.assertEqual(worse.location_status, "verified")
        worse.write({"outcome": "follow_up"})
        worse.action_check_out()

        self.company.sow_visit_accuracy_threshold = 500
        self.assertFalse(self._check_in(self.customer_kl, accuracy=350).is_flagged)
        self.assertEqual(
            self.env["sale.visit"].search(
                [("flag_low_accuracy", "=", True), ("user_id", "=", self.rep.id)]
            ),
            worse,
        )

    def test_impossible_travel_speed(self):
        # Penang at the check-out ten minutes ago, Kuala Lumpur now: 294 km
        previous = self._past_visit(self.customer_png, 10, 5.4180, 100.3370)
        visit = self._check_in(self.customer_kl)
        self.assertTrue(visit.flag_travel_speed)
        self.assertTrue(visit.is_flagged)
        self.assertGreater(visit.check_in_speed, 1700)
        self.assertIn(f"from the check-out of {previous.name}", visit.flag_note)
        self.assertIn("above the plausible 120 km/h", visit.flag_note)
        self.assertIn("294.5 km", visit.flag_note)
        self.assertEqual(visit.location_status, "verified")

    def test_plausible_travel_speed(self):
        # 10 km away, checked out 30 minutes ago: 20 km/h
        self._past_visit(
            self.customer_png, 30, *self._sow_north_of(self.customer_kl, 10010)
        )
        visit = self._check_in(self.customer_kl)
        self.assertFalse(visit.flag_travel_speed)
        self.assertAlmostEqual(visit.check_in_speed, 20, delta=0.2)

    def test_speed_threshold_is_a_setting(self):
        # 30 km in 12 minutes: at least 150 km/h
        self._past_visit(
            self.customer_png, 12, *self._sow_north_of(self.customer_kl, 30010)
        )
        self.company.sow_visit_max_speed = 200
        visit = self._check_in(self.customer_kl)
        self.assertAlmostEqual(visit.check_in_speed, 150, delta=1)
        self.assertFalse(visit.flag_travel_speed)

    def test_gps_noise_is_not_travel(self):
        """Two poor positions a minute apart do not make a flight."""
        self._past_visit(
            self.customer_png,
            1,
            *self._sow_north_of(self.customer_kl, 3000),
            accuracy=2000,
        )
        visit = self._check_in(self.customer_kl, accuracy=1200)
        self.assertEqual(visit.check_in_speed, 0)
        self.assertFalse(visit.flag_travel_speed)
        self.assertTrue(visit.flag_low_accuracy)

    def test_previous_check_in_when_check_out_had_no_gps(self):
        previous = self._past_visit(self.customer_png, 10, 5.4180, 100.3370)
        previous.write({"check_out_latitude": 0, "check_out_longitude": 0})
        visit = self._check_in(self.customer_kl)
        self.assertTrue(visit.flag_travel_speed)
        self.assertIn(f"from the check-in of {previous.name}", visit.flag_note)

    def test_clock_in_point_counts_as_previous_position(self):
        self._sow_clock_out(self.rep)
        # clocked in at the Penang branch, checking in in Kuala Lumpur at once
        self._sow_clock_in(self.rep, 5.4180, 100.3370, 20)
        visit = self._check_in(self.customer_kl)
        self.assertTrue(visit.flag_travel_speed)
        self.assertIn("from the clock-in", visit.flag_note)

    def test_no_gps_check_in_cannot_be_judged(self):
        self._past_visit(self.customer_png, 10, 5.4180, 100.3370)
        visit = self._sow_create_visit(self.customer_kl, self.rep).with_user(self.rep)
        visit.action_check_in()
        self.assertEqual(visit.location_status, "no_gps")
        self.assertFalse(visit.is_flagged)
        self.assertFalse(visit.check_in_speed)

    def test_both_flags_give_both_reasons(self):
        self._past_visit(self.customer_png, 10, 5.4180, 100.3370)
        visit = self._check_in(self.customer_kl, accuracy=250)
        self.assertTrue(visit.flag_low_accuracy)
        self.assertTrue(visit.flag_travel_speed)
        lines = visit.flag_note.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn("GPS accuracy 250 m", lines[0])
        self.assertIn("km/h", lines[1])
