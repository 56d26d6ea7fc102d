# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields
from odoo.tests import HttpCase, tagged

from .report_common import SowReportCommon


@tagged("post_install", "-at_install")
class TestReportTour(HttpCase, SowReportCommon):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env.user.with_context(tz=cls.rep.tz))
        cls._sow_fixed_collection(
            cls.rep, cls.customer_kl, "cash", 150.0, today, cls.inv_a
        )

    def test_manager_dashboard_on_a_phone(self):
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_sale_field_dashboard",
            "sow_report_dashboard_tour",
            login=self.manager.login,
        )

    def test_rep_day_summary_on_a_phone(self):
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_field_screen",
            "sow_report_my_day_tour",
            login=self.rep.login,
        )
