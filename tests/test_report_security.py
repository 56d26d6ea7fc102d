# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Who reads which rows of the analysis reports: a rep his own, a manager
his teams' (led or joined), a manager of another team none of them."""

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .report_common import SowReportCommon

REPORTS = (
    "sale.visit.report",
    "sale.collection.report",
    "sale.rep.performance.report",
)


@tagged("post_install", "-at_install")
class TestReportSecurity(SowReportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_manager = cls._sow_create_user(
            "sow_other_manager", "group_field_manager"
        )
        cls.member_manager = cls._sow_create_user(
            "sow_member_manager", "group_field_manager"
        )
        cls.env["crm.team"].create(
            {
                "name": "SOW Other Team",
                "company_id": cls.company.id,
                "user_id": cls.other_manager.id,
            }
        )
        # a manager who only belongs to the reps' team (does not lead it)
        cls.team.member_ids = [Command.link(cls.member_manager.id)]
        cls.everyone = cls.reps | cls.manager | cls.other_manager | cls.member_manager

    def _users_seen(self, user, model):
        rows = (
            self.env[model]
            .with_user(user)
            .search([("user_id", "in", self.everyone.ids)])
        )
        return rows.user_id

    def test_rep_sees_his_own_rows(self):
        for model in REPORTS:
            with self.subTest(model=model):
                self.assertEqual(self._users_seen(self.rep, model), self.rep)
                self.assertEqual(self._users_seen(self.rep2, model), self.rep2)

    def test_rep_cannot_read_another_reps_row(self):
        row = self.env["sale.visit.report"].browse(self.v8.id)
        with self.assertRaises(AccessError):
            row.with_user(self.rep).read(["name"])

    def test_manager_sees_his_team(self):
        for manager in (self.manager, self.member_manager):
            for model in REPORTS:
                with self.subTest(model=model, manager=manager.login):
                    self.assertEqual(self._users_seen(manager, model), self.reps)

    def test_manager_of_another_team_sees_none(self):
        for model in REPORTS:
            with self.subTest(model=model):
                self.assertFalse(self._users_seen(self.other_manager, model))

    def test_grouped_read_is_filtered(self):
        """The figures a rep's pivot sums are his own."""
        total = (
            self.env["sale.rep.performance.report"]
            .with_user(self.rep2)
            ._sow_figures([])
        )
        self.assertEqual(total["visit_count"], 1)
        self.assertAlmostEqual(total["collected_amount"], 200.0)

    def test_other_company_rows_hidden(self):
        other = self.env["res.company"].create({"name": "SOW Other Sdn Bhd"})
        self.manager.company_ids = [Command.link(other.id)]
        rows = (
            self.env["sale.visit.report"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=other.ids)
            .search([("user_id", "in", self.reps.ids)])
        )
        self.assertFalse(rows)
