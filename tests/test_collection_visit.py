# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionVisit(SowCollectionCommon):
    def _check_in(self, partner, user=None):
        user = user or self.rep
        self._sow_clock_in(user)
        visit = self._sow_create_visit(partner, user).with_user(user)
        visit.action_check_in(*self._sow_north_of(partner, 10), 5.0)
        self.assertEqual(visit.state, "checked_in")
        return visit

    def test_receipt_collected_at_the_visit(self):
        visit = self._check_in(self.customer_kl)
        action = visit.action_new_collection()
        receipt = (
            self.env["sale.collection"]
            .with_user(self.rep)
            .with_context(**action["context"])
            .create({"amount": 300.0, "method": "cash"})
        )
        self.assertEqual(receipt.partner_id, self.customer_kl)
        self.assertEqual(receipt.visit_id, visit)
        # a receipt typed without the visit finds it too
        other = self._sow_collection(amount=20.0)
        self.assertEqual(other.visit_id, visit)
        receipt.action_allocate_oldest_first()
        receipt.action_collect()
        self.assertEqual(visit.collection_ids, receipt | other)
        self.assertEqual(visit.collection_count, 2)
        action = visit.action_view_collections()
        self.assertEqual(
            self.env["sale.collection"].with_user(self.rep).search(action["domain"]),
            receipt | other,
        )
        # checked out without saying how it went: it was a collection
        visit.action_check_out(*self._sow_north_of(self.customer_kl, 10), 5.0)
        self.assertEqual(visit.outcome, "collection")

    def test_receipt_elsewhere_has_no_visit(self):
        self._check_in(self.customer_kl)
        elsewhere = self._sow_collection(partner=self.customer_nogps, amount=20.0)
        self.assertFalse(elsewhere.visit_id)
        # an officer's receipt at the counter neither
        counter = (
            self.env["sale.collection"]
            .with_user(self.officer)
            .create({"partner_id": self.customer_kl.id, "amount": 5.0})
        )
        self.assertFalse(counter.visit_id)

    def test_visit_of_another_customer_or_rep(self):
        visit = self._check_in(self.customer_kl)
        with self.assertRaisesRegex(ValidationError, "link the rep's visit"):
            self._sow_collection(
                partner=self.customer_nogps, amount=20.0, visit_id=visit.id
            )
        visit_png = self._check_in(self.customer_png, self.rep2)
        with self.assertRaisesRegex(ValidationError, "link the rep's visit"):
            self.env["sale.collection"].create(
                {
                    "partner_id": self.customer_png.id,
                    "user_id": self.rep.id,
                    "amount": 5.0,
                    "visit_id": visit_png.id,
                }
            )

    def test_the_visit_is_fixed_once_collected(self):
        visit = self._check_in(self.customer_kl)
        receipt = self._sow_collect(amount=20.0)
        self.assertEqual(receipt.visit_id, visit)
        with self.assertRaisesRegex(UserError, "no longer change"):
            receipt.write({"visit_id": False})
        self.assertEqual(receipt.visit_id, visit)
