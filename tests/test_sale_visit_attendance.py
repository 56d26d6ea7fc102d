# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestSaleVisitDay(SowCommon):
    """The rep's day is Odoo's own hr.attendance; visits hang on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit = cls._sow_create_visit(cls.customer_kl)
        cls.office = (3.0893, 101.6867)

    def test_clock_in_and_out_are_odoo_attendances(self):
        attendance = self._sow_clock_in(self.rep, *self.office, 25)
        self.assertEqual(attendance._name, "hr.attendance")
        self.assertEqual(attendance.employee_id, self.employee_rep)
        self.assertAlmostEqual(attendance.in_latitude, 3.0893, places=7)
        self.assertAlmostEqual(attendance.in_longitude, 101.6867, places=7)
        self.assertEqual(attendance.in_mode, "sow_field")
        self.assertEqual(attendance.sow_in_accuracy, 25)
        self.assertFalse(attendance.check_out)
        self.assertEqual(self.employee_rep.attendance_state, "checked_in")
        # the rep reads his own attendance (Odoo's own reader right)
        self.assertEqual(
            self.env["hr.attendance"]
            .with_user(self.rep)
            .search([("employee_id", "=", self.employee_rep.id)]),
            attendance,
        )
        out = self._sow_clock_out(self.rep, 3.0894, 101.6868, 12)
        self.assertEqual(out, attendance)
        self.assertTrue(attendance.check_out)
        self.assertAlmostEqual(attendance.out_latitude, 3.0894, places=7)
        self.assertEqual(attendance.out_mode, "sow_field")
        self.assertEqual(attendance.sow_out_accuracy, 12)
        self.assertEqual(self.employee_rep.attendance_state, "checked_out")

    def test_clock_in_without_gps(self):
        attendance = self._sow_clock_in(self.rep)
        self.assertFalse(attendance.in_latitude)
        self.assertFalse(attendance.sow_in_accuracy)

    def test_clock_errors(self):
        with self.assertRaisesRegex(UserError, "not clocked in"):
            self._sow_clock_out(self.rep)
        self._sow_clock_in(self.rep)
        with self.assertRaisesRegex(UserError, "You clocked in already, at"):
            self._sow_clock_in(self.rep)
        with self.assertRaisesRegex(UserError, "Clock 'in' or 'out'"):
            self.env["sale.visit"].with_user(self.rep)._sow_clock("sideways")
        with self.assertRaisesRegex(UserError, "Latitude 95"):
            self._sow_clock_out(self.rep, 95, 101)
        self.assertEqual(self.employee_rep.attendance_state, "checked_in")
        nobody = self._sow_create_user("sow_no_employee", "group_field_rep")
        with self.assertRaisesRegex(UserError, "has no employee in SOW Test Sdn Bhd"):
            self._sow_clock_in(nobody)

    def test_visits_need_a_clocked_in_day(self):
        visit = self.visit.with_user(self.rep)
        with self.assertRaisesRegex(UserError, "Clock in first"):
            visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        self.assertEqual(visit.state, "planned")
        self.assertFalse(visit.check_in)
        # the setting off: a visit without a day
        self.company.sow_visit_require_attendance = False
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        self.assertEqual(visit.state, "checked_in")
        self.assertFalse(visit.attendance_id)

    def test_clocked_out_day_refuses_check_in(self):
        self._sow_clock_in(self.rep)
        self._sow_clock_out(self.rep)
        with self.assertRaisesRegex(UserError, "Clock in first"):
            self.visit.with_user(self.rep).action_check_in()

    def test_rep_without_employee(self):
        nobody = self._sow_create_user("sow_no_employee", "group_field_rep")
        visit = self._sow_create_visit(self.customer_kl, nobody)
        self.assertFalse(visit.employee_id)
        with self.assertRaisesRegex(UserError, "Ask HR to link the user"):
            visit.with_user(nobody).action_check_in()
        self.company.sow_visit_require_attendance = False
        visit.with_user(nobody).action_check_in()
        self.assertEqual(visit.location_status, "no_gps")

    def _open_visit(self):
        self._sow_clock_in(self.rep)
        visit = self.visit.with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        return visit

    def test_clock_out_checks_the_open_visit_out(self):
        visit = self._open_visit()
        attendance = self._sow_clock_out(self.rep)
        self.assertEqual(visit.state, "checked_out")
        self.assertEqual(visit.check_out, attendance.check_out)
        self.assertTrue(visit.flag_auto_closed)
        self.assertTrue(visit.is_flagged)
        self.assertIn("clocked out", visit.flag_note)
        self.assertIn("checked out automatically", visit.flag_note)
        self.assertFalse(visit.outcome)
        # the flag is filterable
        self.assertIn(
            visit,
            self.env["sale.visit"].search(
                [("is_flagged", "=", True), ("flag_auto_closed", "=", True)]
            ),
        )

    def test_clock_out_refused_while_at_a_customer(self):
        self.company.sow_clock_out_open_visit = "refuse"
        visit = self._open_visit()
        with self.assertRaisesRegex(
            UserError,
            r"still checked in at Kedai Runcit Ah Seng \(VIS/.*\)\. Check out of "
            "the visit before clocking out",
        ):
            self._sow_clock_out(self.rep)
        self.assertEqual(self.employee_rep.attendance_state, "checked_in")
        self.assertEqual(visit.state, "checked_in")
        visit.write({"outcome": "follow_up"})
        visit.action_check_out()
        self._sow_clock_out(self.rep)
        self.assertEqual(self.employee_rep.attendance_state, "checked_out")
        self.assertFalse(visit.flag_auto_closed)

    def test_day_closed_by_others_always_closes_the_visit(self):
        """HR or Odoo's automatic check-out close the day: never refused."""
        self.company.sow_clock_out_open_visit = "refuse"
        visit = self._open_visit()
        attendance = visit.attendance_id
        # Odoo's automatic check-out (hr_attendance cron) writes out_mode; even
        # in the rep's own environment it is not the rep clocking out
        attendance.with_user(self.rep).sudo().write(
            {"check_out": fields.Datetime.now(), "out_mode": "auto_check_out"}
        )
        self.assertEqual(visit.state, "checked_out")
        self.assertTrue(visit.flag_auto_closed)

    def test_day_closed_by_hr(self):
        self.company.sow_clock_out_open_visit = "refuse"
        visit = self._open_visit()
        hr_officer = new_test_user(
            self.env,
            login="sow_hr",
            groups="base.group_user,hr_attendance.group_hr_attendance_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        visit.attendance_id.with_user(hr_officer).write(
            {"check_out": fields.Datetime.now()}
        )
        self.assertEqual(visit.state, "checked_out")
        self.assertTrue(visit.flag_auto_closed)


@tagged("post_install", "-at_install")
class TestSaleVisitAutoClose(SowCommon):
    def test_cron_closes_visits_left_open_at_the_end_of_the_day(self):
        # 09:00 in Kuala Lumpur (UTC+8)
        with freeze_time("2026-03-02 01:00:00"):
            self._sow_clock_in(self.rep)
            forgotten = self._sow_create_visit(self.customer_kl).with_user(self.rep)
            forgotten.action_check_in(*self._sow_north_of(self.customer_kl, 10), 5)
        # 23:30 the same day: the day has not ended yet
        with freeze_time("2026-03-02 15:30:00"):
            self.env["sale.visit"]._cron_auto_close()
            self.assertEqual(forgotten.state, "checked_in")
        # 08:10 the next day: rep2 checks in; the cron runs
        with freeze_time("2026-03-03 00:10:00"):
            self._sow_clock_in(self.rep2)
            today = self._sow_create_visit(self.customer_png, self.rep2).with_user(
                self.rep2
            )
            today.action_check_in(*self._sow_north_of(self.customer_png, 10), 5)
        with freeze_time("2026-03-03 00:30:00"):
            self.env["sale.visit"]._cron_auto_close()
        self.assertEqual(forgotten.state, "checked_out")
        # closed at 23:59:59 Kuala Lumpur time of the day it was opened
        self.assertEqual(
            fields.Datetime.to_string(forgotten.check_out), "2026-03-02 15:59:59"
        )
        self.assertTrue(forgotten.flag_auto_closed)
        self.assertIn("Left open at the end of the day", forgotten.flag_note)
        self.assertAlmostEqual(forgotten.duration, 14 + 59 / 60 + 59 / 3600)
        self.assertEqual(today.state, "checked_in")
        self.assertFalse(today.is_flagged)

    def test_cron_job_exists(self):
        cron = self.env.ref("sales_order_workflow.ir_cron_sale_visit_auto_close")
        self.assertTrue(cron.active)
        self.assertEqual(cron.model_id.model, "sale.visit")
        # runs as it is configured
        cron.method_direct_trigger()
