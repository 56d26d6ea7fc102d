# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .collection_common import SowCollectionCommon


@tagged("post_install", "-at_install")
class TestCollectionAccess(SowCollectionCommon):
    def setUp(self):
        super().setUp()
        self.mine = self._sow_collect([(self.inv_old, 100.0)], amount=100.0)
        self.theirs = self._sow_collect(
            [(self.inv_png, 50.0)],
            user=self.rep2,
            partner=self.customer_png,
            amount=50.0,
        )
        self.both = self.mine | self.theirs
        self.handover = (
            self.env["sale.collection.handover"]
            .with_user(self.rep)
            .create(
                {
                    "collection_ids": [Command.link(self.mine.id)],
                    "counted_amount": 100.0,
                }
            )
        )

    def _visible(self, user, model="sale.collection", records=None):
        records = records if records is not None else self.both
        return (
            self.env[model]
            .with_user(user)
            .with_context(allowed_company_ids=user.company_id.ids)
            .search([("id", "in", records.ids)])
        )

    def test_reps_see_their_own(self):
        self.assertEqual(self._visible(self.rep), self.mine)
        self.assertEqual(self._visible(self.rep2), self.theirs)
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.rep).read(["amount"])
        with self.assertRaises(AccessError):
            self.theirs.with_user(self.rep).write({"note": "mine now"})
        lines = self.both.sudo().line_ids
        self.assertEqual(
            self._visible(self.rep, "sale.collection.line", lines), self.mine.line_ids
        )
        self.assertEqual(
            self._visible(self.rep2, "sale.collection.handover", self.handover),
            self.env["sale.collection.handover"],
        )
        with self.assertRaises(AccessError):
            self.env["sale.collection"].with_user(self.rep).create(
                {"partner_id": self.customer_kl.id, "user_id": self.rep2.id}
            )

    def test_reps_have_no_accounting_rights(self):
        for model in ("account.move", "account.payment", "account.move.line"):
            with self.assertRaises(AccessError, msg=model):
                self.env[model].with_user(self.rep).check_access("write")
        with self.assertRaises(AccessError):
            self.env["account.payment"].with_user(self.rep).check_access("read")
        # the receipt form and its allocation read fine all the same
        data = self.mine.with_user(self.rep).web_read(
            {
                "name": {},
                "line_ids": {
                    "fields": {
                        "move_id": {"fields": {"display_name": {}}},
                        "invoice_residual": {},
                        "invoice_date_due": {},
                        "amount": {},
                    }
                },
            }
        )
        line = data[0]["line_ids"][0]
        self.assertEqual(line["move_id"]["display_name"], self.inv_old.name)
        self.assertEqual(line["invoice_residual"], 1000.0)
        self.assertNotIn("payment_ids", self.mine.with_user(self.rep).fields_get())

    def test_manager_reads_the_teams_receipts(self):
        self.assertEqual(self._visible(self.manager), self.both)
        self.assertEqual(
            self._visible(self.manager, "sale.collection.handover", self.handover),
            self.handover,
        )
        with self.assertRaises(AccessError):
            self.mine.with_user(self.manager).write({"note": "edited by manager"})
        # a rep of another team is out of his sight
        outsider = self._sow_create_user("sow_rep_outsider", "group_field_rep")
        receipt = self._sow_collect(user=outsider, amount=5.0)
        self.assertFalse(self._visible(self.manager, records=receipt))

    def test_officer_and_accountant_see_the_company(self):
        self.assertEqual(self._visible(self.officer), self.both)
        self.assertEqual(
            self._visible(self.officer, "sale.collection.handover", self.handover),
            self.handover,
        )
        self.assertEqual(self._visible(self.accountant), self.both)
        with self.assertRaises(AccessError):
            self.mine.with_user(self.accountant).write({"note": "exported"})

    def test_other_company_is_out_of_reach(self):
        other = self._sow_create_company("Syarikat Lain Sdn Bhd")
        officer_other = self._sow_create_user(
            "sow_officer_other", "group_collection_officer", other
        )
        self.assertFalse(self._visible(officer_other))
        self.assertFalse(
            self._visible(officer_other, "sale.collection.handover", self.handover)
        )
        # an officer of both companies sees both when both are allowed
        officer_both = self._sow_create_user(
            "sow_officer_both", "group_collection_officer"
        )
        officer_both.company_ids = [Command.link(other.id)]
        self.assertEqual(
            self.env["sale.collection"]
            .with_user(officer_both)
            .with_context(allowed_company_ids=other.ids)
            .search([("id", "in", self.both.ids)]),
            self.env["sale.collection"],
        )
        self.assertEqual(
            self.env["sale.collection"]
            .with_user(officer_both)
            .with_context(allowed_company_ids=(self.company | other).ids)
            .search([("id", "in", self.both.ids)]),
            self.both,
        )
