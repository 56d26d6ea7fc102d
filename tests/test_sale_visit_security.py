# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestSaleVisitSecurity(SowCommon):
    """Reps: their own visits. Managers: the visits of the sales teams they
    lead or belong to (and their own). Sales administrators: all. One company
    at a time. Captured data is the phone's, not the rep's to edit."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visit_rep = cls._sow_create_visit(cls.customer_kl, cls.rep)
        cls.visit_rep2 = cls._sow_create_visit(cls.customer_png, cls.rep2)
        cls.visit_manager = cls._sow_create_visit(cls.customer_kl, cls.manager)
        # a rep of another team, which our manager neither leads nor joins
        cls.rep3 = cls._sow_create_user("sow_rep3", "group_field_rep")
        cls.manager2 = cls._sow_create_user("sow_manager2", "group_field_manager")
        cls._sow_create_employee(cls.rep3)
        cls.team2 = cls.env["crm.team"].create(
            {
                "name": "SOW Northern Team",
                "company_id": cls.company.id,
                "user_id": cls.manager2.id,
                "member_ids": [Command.set(cls.rep3.ids)],
            }
        )
        cls.visit_rep3 = cls._sow_create_visit(cls.customer_kl, cls.rep3)
        cls.all_visits = (
            cls.visit_rep | cls.visit_rep2 | cls.visit_manager | cls.visit_rep3
        )

    def _seen_by(self, user):
        return (
            self.env["sale.visit"]
            .with_user(user)
            .search([("id", "in", self.all_visits.ids)])
        )

    def test_team_is_the_reps_sales_team(self):
        self.assertEqual(self.visit_rep.team_id, self.team)
        self.assertEqual(self.visit_rep2.team_id, self.team)
        self.assertEqual(self.visit_rep3.team_id, self.team2)

    def test_rep_sees_and_edits_only_his_own(self):
        self.assertEqual(self._seen_by(self.rep), self.visit_rep)
        with self.assertRaises(AccessError):
            self.visit_rep2.with_user(self.rep).read(["name"])
        with self.assertRaises(AccessError):
            self.visit_rep2.with_user(self.rep).write({"purpose": "other"})
        with self.assertRaises(AccessError):
            self.env["sale.visit"].with_user(self.rep).create(
                {"partner_id": self.customer_png.id, "user_id": self.rep2.id}
            )
        # his own: plan, edit, report
        mine = (
            self.env["sale.visit"]
            .with_user(self.rep)
            .create({"partner_id": self.customer_nogps.id})
        )
        self.assertEqual(mine.user_id, self.rep)
        mine.write({"purpose": "merchandising", "note": "<p>Bring the new posters</p>"})
        # before the check-in, the plan is his to change
        mine.write({"partner_id": self.customer_kl.id})
        self.assertFalse(
            self.env["sale.visit"].with_user(self.rep)._sow_current_visit()
        )

    def test_manager_sees_his_teams_visits(self):
        self.assertEqual(
            self._seen_by(self.manager),
            self.visit_rep | self.visit_rep2 | self.visit_manager,
        )
        self.assertEqual(self._seen_by(self.manager2), self.visit_rep3)
        with self.assertRaises(AccessError):
            self.visit_rep3.with_user(self.manager).read(["name"])
        # a team member who is not its leader sees it too
        self.team2.member_ids |= self.manager
        self.assertEqual(self._seen_by(self.manager), self.all_visits)
        # and the manager may correct a rep's visit (tracked)
        self.visit_rep.with_user(self.manager).write(
            {"planned_date": "2026-03-02 02:00:00"}
        )

    def test_sales_administrator_sees_all(self):
        admin = new_test_user(
            self.env,
            login="sow_sales_admin",
            groups="base.group_user,sales_team.group_sale_manager",
            company_id=self.company.id,
            company_ids=[Command.set(self.company.ids)],
        )
        self.assertEqual(self._seen_by(admin), self.all_visits)

    def test_other_roles_do_not_see_visits(self):
        for user in (self.officer, self.accountant):
            with self.assertRaises(AccessError):
                self.env["sale.visit"].with_user(user).search([])

    def test_other_company_is_out_of_reach(self):
        other = self._sow_create_company("Other Sdn Bhd")
        other_customer = self._sow_create_customer(
            "Kedai Lain", None, 1.4927, 103.7414, company=other
        )
        self.manager.company_ids |= other
        self.rep.company_ids |= other
        visit_other = self._sow_create_visit(
            other_customer, self.rep, company_id=other.id
        )
        self.assertEqual(visit_other.company_id, other)
        self.assertFalse(visit_other.team_id)
        for user in (self.rep, self.manager):
            # working in this company only: the other company's visits are hidden
            self.assertFalse(
                self.env["sale.visit"]
                .with_user(user)
                .with_context(allowed_company_ids=self.company.ids)
                .search([("id", "=", visit_other.id)])
            )
        self.assertEqual(
            self.env["sale.visit"]
            .with_user(self.rep)
            .with_context(allowed_company_ids=(self.company | other).ids)
            .search([("id", "=", visit_other.id)]),
            visit_other,
        )

    def test_rep_cannot_edit_captured_data(self):
        self._sow_clock_in(self.rep)
        visit = self.visit_rep.with_user(self.rep)
        visit.action_check_in(*self._sow_north_of(self.customer_kl, 350), 30)
        self.assertEqual(visit.location_status, "outside")
        for vals in (
            {"check_in_latitude": self.customer_kl.partner_latitude},
            {"check_in_longitude": self.customer_kl.partner_longitude},
            {"check_in_distance": 5},
            {"location_status": "verified"},
            {"check_in_accuracy": 3},
            {"check_in": "2026-01-01 01:00:00"},
            {"flag_low_accuracy": False},
            {"flag_note": False},
            {"state": "checked_out"},
        ):
            with self.assertRaisesRegex(AccessError, "cannot be edited by a rep"):
                visit.write(vals)
        self.assertEqual(visit.location_status, "outside")
        # nor what the capture is about: another customer would make the
        # distance and the status lie
        for vals in (
            {"partner_id": self.customer_nogps.id},
            {"user_id": self.rep2.id},
        ):
            with self.assertRaisesRegex(AccessError, "checked in already"):
                visit.write(vals)
        self.assertEqual(visit.partner_id, self.customer_kl)
        # what happened there is his to write
        visit.write({"outcome": "follow_up", "note": "<p>Owner on leave</p>"})
        # nor can a visit be created already checked in
        with self.assertRaisesRegex(AccessError, "never from a form"):
            self.env["sale.visit"].with_user(self.rep).create(
                {
                    "partner_id": self.customer_kl.id,
                    "state": "checked_out",
                    "check_in_latitude": 3.1433,
                    "location_status": "verified",
                }
            )
        # a manager may correct (and the change is tracked)
        visit.with_user(self.manager).write({"check_in_accuracy": 25})
        self.assertEqual(visit.check_in_accuracy, 25)

    def test_manager_sets_customer_location_from_check_in(self):
        self._sow_clock_in(self.rep)
        visit = self._sow_create_visit(self.customer_nogps, self.rep).with_user(
            self.rep
        )
        visit.action_check_in(3.0738, 101.7906, 15)
        self.assertEqual(visit.location_status, "no_customer_location")
        with self.assertRaisesRegex(AccessError, "Only a Field Sales Manager"):
            visit.action_set_partner_location()
        self.assertFalse(self.customer_nogps.partner_latitude)
        # nor directly: a rep does not edit customers
        with self.assertRaises(AccessError):
            self.customer_nogps.with_user(self.rep).write({"partner_latitude": 3.07})
        visit.with_user(self.manager).action_set_partner_location()
        self.assertAlmostEqual(self.customer_nogps.partner_latitude, 3.0738, places=7)
        self.assertAlmostEqual(
            self.customer_nogps.partner_longitude, 101.7906, places=7
        )
        self.assertTrue(self.customer_nogps.date_localization)
        self.assertIn(
            "location set to this visit's check-in point", visit.message_ids[0].body
        )
        # the next check-in there can be verified
        visit.write({"outcome": "follow_up"})
        visit.action_check_out()
        nxt = self._sow_create_visit(self.customer_nogps, self.rep).with_user(self.rep)
        nxt.action_check_in(3.0739, 101.7906, 10)
        self.assertEqual(nxt.location_status, "verified")

    def test_no_gps_visit_cannot_give_a_location(self):
        self._sow_clock_in(self.rep)
        visit = self.visit_rep.with_user(self.rep)
        visit.action_check_in()
        with self.assertRaisesRegex(Exception, "has no check-in position"):
            visit.with_user(self.manager).action_set_partner_location()
