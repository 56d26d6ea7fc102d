# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import SowCommon

CAPTURED = [
    "state",
    "check_in",
    "check_in_latitude",
    "check_in_longitude",
    "check_in_accuracy",
    "check_in_distance",
    "location_status",
    "check_out",
    "check_out_latitude",
    "check_out_longitude",
    "attendance_id",
    "is_flagged",
    "flag_note",
    "outcome",
]


@tagged("post_install", "-at_install")
class TestSaleVisitBadInput(SowCommon):
    """Every bad input gets a clear error, and nothing is half-written."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_clock_in(cls.rep)
        cls.visit = cls._sow_create_visit(cls.customer_kl).with_user(cls.rep)

    def _snapshot(self, visit):
        visit.invalidate_recordset()
        return visit.sudo().read(CAPTURED)[0]

    def assertRefused(self, exception, message, call, visit=None):
        """``call`` raises ``exception`` matching ``message``; ``visit``
        (default: the test's visit) and the number of visits are unchanged."""
        visit = visit or self.visit
        before = self._snapshot(visit)
        count = self.env["sale.visit"].search_count([])
        with self.assertRaisesRegex(exception, message):
            call()
        self.assertEqual(self._snapshot(visit), before)
        self.assertEqual(self.env["sale.visit"].search_count([]), count)

    def test_latitude_and_longitude_out_of_range(self):
        lon = self.customer_kl.partner_longitude
        lat = self.customer_kl.partner_latitude
        for bad in (90.0001, -90.5, 91, 1e9):
            self.assertRefused(
                ValidationError,
                r"Latitude .* is outside -90 to 90",
                lambda bad=bad: self.visit.action_check_in(bad, lon, 5),
            )
        for bad in (180.0001, -181, 360):
            self.assertRefused(
                ValidationError,
                r"Longitude .* is outside -180 to 180",
                lambda bad=bad: self.visit.action_check_in(lat, bad, 5),
            )
        # the limits themselves are positions
        self.company.sow_visit_require_attendance = False
        for latitude, longitude in ((90, 180), (-90, -180)):
            visit = self._sow_create_visit(self.customer_kl).with_user(self.rep)
            visit.action_check_in(latitude, longitude, 5)
            self.assertEqual(visit.location_status, "outside")
            visit.action_cancel()

    def test_half_a_position_or_not_a_number(self):
        self.assertRefused(
            ValidationError,
            "sent a latitude without a longitude",
            lambda: self.visit.action_check_in(3.1, None, 5),
        )
        self.assertRefused(
            ValidationError,
            "sent a longitude without a latitude",
            lambda: self.visit.action_check_in(False, 101.7, 5),
        )
        for bad in ("north", float("nan"), float("inf"), True, [3.1]):
            self.assertRefused(
                ValidationError,
                "is not a number",
                lambda bad=bad: self.visit.action_check_in(bad, 101.7, 5),
            )
        # numbers as text (a form post) are numbers
        self.visit.action_check_in("3.1434", "101.6971", "7.5")
        self.assertEqual(self.visit.location_status, "verified")
        self.assertEqual(self.visit.check_in_accuracy, 7.5)

    def test_negative_or_absurd_accuracy(self):
        lat, lon = self._sow_north_of(self.customer_kl, 10)
        self.assertRefused(
            ValidationError,
            "An accuracy of -1 m is impossible",
            lambda: self.visit.action_check_in(lat, lon, -1),
        )
        self.assertRefused(
            ValidationError,
            r"An accuracy of 250000 m \(more than 100 km\) is not a position",
            lambda: self.visit.action_check_in(lat, lon, 250000),
        )
        self.assertRefused(
            ValidationError,
            "accuracy 'bad' sent by the phone is not a number",
            lambda: self.visit.action_check_in(lat, lon, "bad"),
        )

    def test_second_open_visit_is_refused_and_named(self):
        self.visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        other = self._sow_create_visit(self.customer_nogps).with_user(self.rep)
        self.assertRefused(
            UserError,
            rf"You are still checked in at Kedai Runcit Ah Seng \({self.visit.name}\) "
            r"since .*\. Check out of it before checking in at Kedai Kopi Hock Lee",
            lambda: other.action_check_in(3.0, 101.8, 5),
            visit=other,
        )
        # nor ad hoc
        self.assertRefused(
            UserError,
            rf"still checked in at Kedai Runcit Ah Seng \({self.visit.name}\)",
            lambda: self.env["sale.visit"]
            .with_user(self.rep)
            .action_start_visit(self.customer_nogps.id, 3.0, 101.8, 5),
        )

    def test_check_out_of_a_visit_not_checked_in(self):
        self.assertRefused(
            UserError,
            "is Planned, not checked in: there is nothing to check out of",
            lambda: self.visit.action_check_out(3.1, 101.7, 5),
        )
        self.visit.action_check_in()
        self.visit.write({"outcome": "follow_up"})
        self.visit.action_check_out()
        self.assertRefused(
            UserError,
            "is Checked Out, not checked in",
            lambda: self.visit.action_check_out(),
        )
        self.assertRefused(
            UserError,
            "is Checked Out; only a planned visit can be checked in",
            lambda: self.visit.action_check_in(),
        )
        cancelled = self._sow_create_visit(self.customer_kl).with_user(self.rep)
        cancelled.action_cancel()
        self.assertRefused(
            UserError,
            "is Cancelled; only a planned visit",
            lambda: cancelled.action_check_in(),
            visit=cancelled,
        )

    def test_customer_of_another_company(self):
        other = self._sow_create_company("Syarikat Lain Sdn Bhd")
        stranger = self._sow_create_customer(
            "Kedai Johor Bahru", None, 1.4927, 103.7414, company=other
        )
        # a visit cannot even be planned with it
        with self.assertRaisesRegex(
            ValidationError,
            "Kedai Johor Bahru belongs to Syarikat Lain Sdn Bhd, but visit .* is "
            "for SOW Test Sdn Bhd",
        ):
            self._sow_create_visit(stranger, self.rep, company_id=self.company.id)
        # a rep of both companies working in this one, ad hoc
        self.rep.company_ids |= other
        Visit = self.env["sale.visit"].with_user(self.rep)
        self.assertRefused(
            UserError,
            "Kedai Johor Bahru is a customer of Syarikat Lain Sdn Bhd, and you are "
            "working in SOW Test Sdn Bhd. Switch to Syarikat Lain Sdn Bhd",
            lambda: Visit.action_start_visit(stranger.id, 1.4927, 103.7414, 5),
        )
        # the customer moved to the other company after the visit was planned
        moved = self.visit
        moved.sudo().partner_id = self.customer_nogps.id
        self.customer_nogps.company_id = other
        self.assertRefused(
            UserError,
            "Kedai Kopi Hock Lee is a customer of Syarikat Lain Sdn Bhd; visit .* is "
            "for SOW Test Sdn Bhd",
            lambda: moved.action_check_in(1.4927, 103.7414, 5),
            visit=moved,
        )

    def test_unknown_customer(self):
        with self.assertRaisesRegex(UserError, "This customer no longer exists"):
            self.env["sale.visit"].with_user(self.rep).action_start_visit(999999999)

    def test_only_the_visits_rep_checks_in(self):
        """A position must come from the rep's own phone, not his manager's."""
        visit = self.visit.with_user(self.manager)
        self.assertRefused(
            UserError,
            r"Only sow_rep \(.*\), the visit's salesperson, can check in or out",
            lambda: visit.action_check_in(3.1433, 101.6971, 5),
        )
