# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from datetime import datetime

from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .collection_common import SowCollectionCommon

REPORT = "sales_order_workflow.action_report_sale_collection_receipt"


@tagged("post_install", "-at_install")
class TestCollectionReceipt(SowCollectionCommon):
    def _render(self, collection, user=None):
        """The receipt as the user prints it (HTML while testing: Odoo only
        runs wkhtmltopdf when forced), with whitespace collapsed."""
        html, kind = (
            self.env["ir.actions.report"]
            .with_user(user or self.rep)
            ._render_qweb_pdf(REPORT, collection.ids)
        )
        self.assertEqual(kind, "html")
        text = re.sub(r"<[^>]+>", " ", html.decode())
        return re.sub(r"\s+", " ", text.replace("\xa0", " "))

    def test_gapless_numbers_per_company_and_year(self):
        year = self.today.year
        first = self._sow_collect(amount=10.0)
        draft = self._sow_collection(amount=20.0)
        second = self._sow_collect(amount=30.0)
        self.assertEqual(first.name, f"OR/{year}/00001")
        self.assertEqual(second.name, f"OR/{year}/00002")
        self.assertFalse(draft.name)
        self.assertEqual(draft.display_name, "Draft Receipt")
        # a deleted draft never had a number: no gap
        draft.unlink()
        third = self._sow_collect(amount=40.0)
        self.assertEqual(third.name, f"OR/{year}/00003")
        # a cancelled receipt keeps its number, the next one follows
        third.action_cancel(reason="Wrong customer")
        self.assertEqual(third.name, f"OR/{year}/00003")
        self.assertEqual(self._sow_collect(amount=5.0).name, f"OR/{year}/00004")
        sequence = self.company._sow_collection_receipt_sequence()
        self.assertEqual(sequence.implementation, "no_gap")

        # another company counts on its own
        other = self._sow_create_company("Syarikat Lain Sdn Bhd")
        other_rep = self._sow_create_user("sow_rep_other", "group_field_rep", other)
        other_customer = self._sow_create_customer(
            "Kedai Lain", other_rep, None, None, company=other
        )
        receipt = (
            self.env["sale.collection"]
            .with_user(other_rep)
            .with_context(allowed_company_ids=other.ids)
            .create({"partner_id": other_customer.id, "amount": 10.0})
        )
        receipt.action_collect()
        self.assertEqual(receipt.name, f"OR/{year}/00001")
        self.assertEqual(receipt.company_id, other)

    def test_the_year_of_the_receipt_date(self):
        last_year = self.today.replace(year=self.today.year - 1, month=12, day=31)
        receipt = self._sow_collect(amount=10.0, date=last_year)
        self.assertEqual(receipt.name, f"OR/{last_year.year}/00001")

    def test_receipt_pdf(self):
        collection = self._sow_collect(
            [(self.inv_old, 1000.0), (self.inv_mid, 234.56)],
            amount=1300.56,
            method="cheque",
            cheque_number="887766",
            cheque_bank="Public Bank",
            cheque_date=self.today,
        )
        collection.with_context(sow_collection_transition=True).collected_at = datetime(
            2026, 3, 14, 2, 30
        )  # 10:30 in Kuala Lumpur
        text = self._render(collection)
        for expected in (
            "Official Receipt",
            collection.name,
            self.company.name,
            self.customer_kl.name,
            "RM 1,300.56",
            "One Thousand, Three Hundred Ringgit and Fifty-Six Sen only",
            "Cheque",
            "887766",
            "Public Bank",
            self.inv_old.name,
            "RM 1,000.00",
            self.inv_mid.name,
            "RM 234.56",
            "Held as advance payment (customer credit): RM 66.00",
            self.rep.name,
            "10:30",
            "subject to the cheque being honoured",
        ):
            self.assertIn(expected, text)
        self.assertNotIn("CANCELLED", text)
        self.assertNotIn(self.inv_new.name, text)

    def test_cash_receipt_without_allocation(self):
        collection = self._sow_collect(amount=50.0)
        text = self._render(collection)
        self.assertIn("Fifty Ringgit only", text)
        self.assertIn("Held as advance payment (customer credit): RM 50.00", text)
        self.assertNotIn("Invoice Date", text)
        self.assertNotIn("Cheque", text)

    def test_cancelled_receipt_says_so(self):
        collection = self._sow_collect(amount=50.0)
        collection.action_cancel(reason="Customer paid twice by mistake")
        text = self._render(collection)
        self.assertIn("CANCELLED", text)
        self.assertIn("Customer paid twice by mistake", text)
        self.assertIn(collection.name, text)

    def test_draft_is_not_a_receipt(self):
        text = self._render(self._sow_collection(amount=50.0))
        self.assertIn("DRAFT - NOT A RECEIPT", text)

    def test_print_action_and_file_name(self):
        collection = self._sow_collect(amount=50.0)
        action = collection.with_user(self.rep).action_print_receipt()
        self.assertEqual(
            action["report_name"], "sales_order_workflow.report_sale_collection_receipt"
        )
        self.assertEqual(action["context"]["active_ids"], collection.ids)
        report = self.env.ref(REPORT)
        file_name = safe_eval(report.print_report_name, {"object": collection})
        self.assertEqual(file_name, f"Receipt {collection.name.replace('/', '-')}")

    def test_send_by_email(self):
        self.customer_kl.email = "ahseng@example.com"
        collection = self._sow_collect(amount=50.0)
        action = collection.action_send_receipt()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.rep)
            .with_context(**action["context"])
            .create({})
        )
        self.assertIn(collection.name, composer.subject)
        self.assertIn(self.customer_kl, composer.partner_ids)
        composer._action_send_mail()
        message = collection.message_ids[0]
        self.assertIn(collection.name, message.subject)
        self.assertEqual(len(message.attachment_ids), 1)
        self.assertIn(collection.name.replace("/", "-"), message.attachment_ids.name)
