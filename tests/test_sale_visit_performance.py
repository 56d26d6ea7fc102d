# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import SowCommon

# Queries of one check-in by a rep (record caches cold, chatter tracking on):
# the visit (with the rights check) and its customer, the open-visit,
# attendance and previous-position look-ups, the update, and the tracking
# message with its values.
CHECK_IN_QUERIES = 11


@tagged("post_install", "-at_install")
class TestSaleVisitPerformance(SowCommon):
    @classmethod
    def _sow_env_context(cls):
        # real use: changes are tracked in the chatter
        return dict(super()._sow_env_context(), tracking_disable=False)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._sow_clock_in(cls.rep, 3.0893, 101.6867, 10)

    def _check_in_once(self, partner, expected=CHECK_IN_QUERIES):
        """Check in at the partner as the rep; return the number of queries."""
        visit = self._sow_create_visit(partner, self.rep).with_user(self.rep)
        position = (
            self._sow_north_of(partner, 15)
            if partner.partner_latitude
            else (3.0738, 101.7906)
        )
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()
        with self.assertQueryCount(expected):
            before = self.env.cr.sql_log_count
            visit.action_check_in(*position, 8)
            self.env.flush_all()
            self.env.cr.flush()
            # assertQueryCount fails on more queries only: keep the exact count
            count = self.env.cr.sql_log_count - before
        self.assertEqual(visit.state, "checked_in")
        visit.write({"outcome": "follow_up"})
        visit.action_check_out(*position, 8)
        return count

    def test_check_in_query_count_is_constant(self):
        """The same count for the first visits of the day and after a history
        of visits and orders."""
        # warm-up: the first call fills the registry's caches (rules, groups)
        self._check_in_once(self.customer_png, expected=100)
        counts = [
            self._check_in_once(self.customer_kl),
            self._check_in_once(self.customer_png),
        ]
        # a long history: 120 past visits with positions, 5 with an order
        now = fields.Datetime.now()
        past = self.env["sale.visit"].create(
            [
                {
                    "partner_id": (self.customer_kl, self.customer_png)[i % 2].id,
                    "user_id": self.rep.id,
                    "state": "checked_out",
                    "planned_date": now - timedelta(days=1 + i // 10),
                    "check_in": now - timedelta(days=1 + i // 10, minutes=40),
                    "check_in_latitude": 3.14,
                    "check_in_longitude": 101.69,
                    "location_status": "verified",
                    "check_out": now - timedelta(days=1 + i // 10, minutes=10),
                    "outcome": "follow_up",
                }
                for i in range(120)
            ]
        )
        for visit in past[:5]:
            self._sow_create_order(
                visit.partner_id,
                [(self.product_rice, 1)],
                user=self.rep,
                visit_id=visit.id,
            )
        counts += [
            self._check_in_once(self.customer_nogps),
            self._check_in_once(self.customer_kl),
        ]
        self.assertEqual(counts, [CHECK_IN_QUERIES] * 4)
