# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Exports from Odoo records: what the files hold, validation, batches,
idempotence and "changed since export"."""

import io
import tempfile
import zipfile
from datetime import datetime
from decimal import Decimal
from unittest.mock import patch

from dbfread import DBF

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import tagged

from ..models import accounting_connector, accounting_export_builder
from .accounting_export_common import AccountingExportCommon


@tagged("post_install", "-at_install")
class TestAccountingExport(AccountingExportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._sow_invoice_taxed(
            cls.customer_kl,
            [
                (cls.product_rice, 2, 38.90, cls.tax_st10),
                (cls.product_oil, 1, 29.50, cls.env["account.tax"]),
            ],
        )
        cls.invoice2 = cls._sow_invoice_taxed(
            cls.customer_png, [(cls.product_rice, 1, 38.90, cls.tax_st10)]
        )
        cls.payment = cls._sow_pay(cls.invoice, 50.0)
        cls.refund = cls._sow_refund(cls.invoice2)
        cls.partners = cls.customer_kl | cls.customer_png
        cls.products = cls.product_rice | cls.product_oil

    def _export(self, connector=None, kinds=None, only_new_or_changed=True):
        connector = connector or self.sql
        plan = connector._sow_plan(
            kinds or self._sow_all_kinds(connector),
            self.today,
            self.today,
            only_new_or_changed,
        )
        return connector._sow_export(plan)

    def _files(self, batch):
        return batch._sow_file_bytes()

    # ------------------------------------------------------------ content
    def test_sql_account_files_from_odoo_records(self):
        self._sow_generate_codes(self.sql, self.partners, self.products)
        batch = self._export()
        files = self._files(batch)
        stamp = fields.Datetime.context_timestamp(self.sql, batch.export_date)
        names = sorted(files)
        self.assertEqual(
            names,
            sorted(
                f"{prefix}.{stamp:%Y%m%d%H%M%S}.xlsx"
                for prefix in ("AR_CUSTOMER", "ST_ITEM", "SL_IV", "SL_CN", "AR_PM")
            ),
        )
        invoice_rows = self._sow_read_xlsx(
            next(v for k, v in files.items() if "SL_IV" in k)
        )
        rows = [r for r in invoice_rows if r["DOCNO(20)"] == self.invoice.name]
        self.assertEqual(len(rows), 2)
        rice, oil = rows
        kl_code = self.sql.partner_code_ids.filtered(
            lambda m: m.partner_id == self.customer_kl
        ).code
        self.assertEqual(rice["CODE(10)"], kl_code)
        self.assertEqual(
            rice["DOCDATE"], datetime.combine(self.today, datetime.min.time())
        )
        self.assertEqual(rice["COMPANYNAME(100)"], "Kedai Runcit Ah Seng")
        self.assertEqual(rice["_ITEMCODE(30)"], "RICE-10")
        self.assertEqual(
            rice["_DESCRIPTION(200)"], self.invoice.invoice_line_ids[0].name
        )
        self.assertIn("Beras Wangi 10kg", rice["_DESCRIPTION(200)"])
        self.assertEqual(rice["_ACCOUNT(10)"], "500-000")
        self.assertEqual(rice["_TAX(10)"], "ST10")
        self.assertEqual(rice["_UOM(10)"], "UNIT")
        self.assertEqual((rice["_QTY"], rice["_UNITPRICE"]), (2, 38.9))
        self.assertAlmostEqual(rice["_AMOUNT"], 77.80)
        self.assertAlmostEqual(rice["_TAXAMT"], 7.78)
        self.assertEqual(oil["_TAX(10)"], None)
        self.assertEqual(rice["TERMS(10)"], "C.O.D.")
        total = sum(r["_AMOUNT"] + r["_TAXAMT"] for r in rows)
        self.assertAlmostEqual(total, self.invoice.amount_total)

        payment_rows = self._sow_read_xlsx(
            next(v for k, v in files.items() if "AR_PM" in k)
        )
        self.assertEqual(len(payment_rows), 1)
        pay = payment_rows[0]
        self.assertEqual(pay["DOCNO(20)"], self.payment.name)
        self.assertEqual(pay["PAYMENTMETHOD(10)"], "320-000")
        self.assertEqual(pay["DOCAMT"], 50.0)
        # the knock-off comes from Odoo's reconciliation
        self.assertEqual(
            (pay["DOCTYPE"], pay["KODOCNO"], pay["KOAMT"]),
            ("IV", self.invoice.name, 50.0),
        )
        self.assertEqual(pay["UNAPPLIEDAMT"], 0)

        cn_rows = self._sow_read_xlsx(next(v for k, v in files.items() if "SL_CN" in k))
        self.assertEqual(cn_rows[0]["DOCNO(20)"], self.refund.name)
        self.assertEqual(cn_rows[0]["_REMARK1(200)"], self.invoice2.name)
        self.assertAlmostEqual(cn_rows[0]["_AMOUNT"], 38.90)  # positive

        customers = self._sow_read_xlsx(
            next(v for k, v in files.items() if "AR_CUSTOMER" in k)
        )
        self.assertEqual(
            {r["CODE(10)"] for r in customers},
            set(self.sql.partner_code_ids.mapped("code")),
        )
        # lines: one per exported record, with a checksum
        self.assertEqual(
            {
                kind: len(batch.line_ids.filtered(lambda ln, k=kind: ln.kind == k))
                for kind in ("customer", "item", "invoice", "credit_note", "payment")
            },
            {"customer": 2, "item": 2, "invoice": 2, "credit_note": 1, "payment": 1},
        )
        self.assertTrue(all(len(ln.checksum) == 64 for ln in batch.line_ids))
        self.assertEqual(
            set(
                batch.line_ids.filtered(lambda ln: ln.kind == "invoice").mapped(
                    "res_id"
                )
            ),
            {self.invoice.id, self.invoice2.id},
        )

    def test_customer_details_from_odoo(self):
        """What a customer record carries: its own address, its first active
        delivery address, its values for the connector's company (payment
        terms, a credit limit of its own), and the codes of its state, rep
        and terms."""
        partner = self.customer_kl
        selangor = self.env.ref("base.state_my_sgr")
        partner.write(
            {
                "street": "12, Jalan Pasar\nTaman Sri Muda",
                "street2": "  ",
                "zip": "40400",
                "state_id": selangor.id,
                "country_id": self.env.ref("base.my").id,
                "phone": "+60 3-5511 2233",
                "vat": "C2584563200",
                "company_registry": "201901012345",
                "ref": "KL-001",
            }
        )
        Partner = self.env["res.partner"]
        Partner.create(
            [
                {"parent_id": partner.id, "type": "invoice", "name": "Accounts"},
                {
                    "parent_id": partner.id,
                    "type": "delivery",
                    "name": "Old Store",
                    "street": "1, Jalan Lama",
                    "active": False,
                },
                {
                    "parent_id": partner.id,
                    "type": "delivery",
                    "name": "Store",
                    "street": "8, Jalan Gudang",
                    "city": "Shah Alam",
                    "zip": "40000",
                    "state_id": selangor.id,
                },
            ]
        )
        term = self.env.ref("account.account_payment_term_30days")
        other = self.env["res.company"].create({"name": "Other Sdn Bhd"})
        partner.with_company(self.company).write(
            {"property_payment_term_id": term.id, "credit_limit": 5000.0}
        )
        partner.with_company(other).property_payment_term_id = self.env.ref(
            "account.account_payment_term_immediate"
        )
        self.sql.write(
            {
                "term_ids": [
                    Command.create({"payment_term_id": term.id, "code": "30D"})
                ],
                "area_ids": [Command.create({"state_id": selangor.id, "code": "SGR"})],
                "agent_ids": [Command.create({"user_id": self.rep.id, "code": "AH"})],
            }
        )
        self._sow_generate_codes(self.sql, partner)
        builder = self.env["accounting.export.builder"]
        built, problems = builder._sow_build(self.sql, {"customer": partner})
        self.assertFalse(problems)
        customer = built["customer"][0][1]
        self.assertEqual(customer.code, self.sql.partner_code_ids.code)
        self.assertEqual(customer.name, "Kedai Runcit Ah Seng")
        self.assertEqual(customer.address.lines, ("12, Jalan Pasar\nTaman Sri Muda",))
        self.assertEqual(
            (customer.address.postcode, customer.address.state),
            ("40400", selangor.name),
        )
        self.assertEqual(customer.address.country_code, "MY")
        self.assertEqual(customer.delivery_address.lines, ("8, Jalan Gudang",))
        self.assertEqual(customer.delivery_address.city, "Shah Alam")
        self.assertEqual(
            (customer.phone, customer.tax_id, customer.registration_no),
            ("+60 3-5511 2233", "C2584563200", "201901012345"),
        )
        self.assertEqual((customer.area, customer.agent), ("SGR", "AH"))
        self.assertEqual(customer.terms, "30D")  # the company's, not Other's
        self.assertEqual(customer.credit_limit, Decimal("5000.00"))
        self.assertEqual(customer.reference, "KL-001")
        # the invoices' customer is the same record
        built, problems = builder._sow_build(self.sql, {"invoice": self.invoice})
        self.assertEqual(built["invoice"][0][1].customer, customer)
        # without a limit of its own (the company's default), none is exported
        partner.with_company(self.company).use_partner_credit_limit = False
        built, problems = builder._sow_build(self.sql, {"customer": partner})
        self.assertEqual(built["customer"][0][1].credit_limit, Decimal("0.00"))

    def test_autocount_and_emas_files(self):
        autocount = self.env["accounting.connector"].create(
            {
                "name": "AC",
                "package": "autocount",
                "company_id": self.company.id,
                "account_ids": [
                    Command.create({"account_id": a.id, "code": "500-0000"})
                    for a in self.income_accounts
                ],
                "journal_ids": [
                    Command.create({"journal_id": self.bank_journal.id, "code": "BANK"})
                ],
                "tax_ids": [
                    Command.create({"tax_id": self.tax_st10.id, "code": "ST-10"})
                ],
            }
        )
        autocount._sow_generate_customer_codes(self.partners)
        batch = self._export(autocount, ["invoice", "payment"])
        files = self._files(batch)
        self.assertEqual(
            sorted(n.split("-")[0] + n[-4:] for n in files), ["AR.xls", "AR.xls"]
        )
        import xlrd  # noqa: PLC0415 (the test's own reader)

        book = xlrd.open_workbook(
            file_contents=next(v for k, v in files.items() if "Payment" in k)
        )
        sheet = book.sheet_by_index(0)
        self.assertEqual(sheet.cell_value(2, 11), "PaymentMethod")
        self.assertEqual(sheet.cell_value(3, 11), "BANK")
        self.assertEqual(sheet.cell_value(3, 20), "RI")
        self.assertEqual(sheet.cell_value(3, 21), self.invoice.name)

        emas = self.env["accounting.connector"].create(
            {
                "name": "EMAS",
                "package": "emas",
                "company_id": self.company.id,
                "account_ids": [
                    Command.create({"account_id": a.id, "code": "5002/000"})
                    for a in self.income_accounts
                ],
                "tax_ids": [
                    Command.create({"tax_id": self.tax_st10.id, "code": "SST10"})
                ],
            }
        )
        emas._sow_generate_customer_codes(self.partners)
        emas._sow_generate_item_codes(self.products)
        # Odoo's numbers (INV/2026/00001) are longer than EMAS's 11-character
        # REF: written compact (INV2600001) unless the connector says not to
        emas.emas_compact_numbers = False
        plan = emas._sow_plan(["invoice"], self.today, self.today)
        self.assertTrue(any("EMAS holds 11" in p.message for p in plan.errors))
        emas.emas_compact_numbers = True
        batch = emas._sow_export(emas._sow_plan(["invoice"], self.today, self.today))
        files = self._files(batch)
        # the pair comes in one zip, to be unpacked into EMAS's data folder
        [(name, data)] = files.items()
        self.assertTrue(name.startswith("EMAS-") and name.endswith(".zip"))
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            self.assertEqual(archive.namelist(), ["icmaste.dbf", "ictrane.dbf"])
            files = {n: archive.read(n) for n in archive.namelist()}
        with tempfile.NamedTemporaryFile(suffix=".dbf") as tmp:
            tmp.write(files["icmaste.dbf"])
            tmp.flush()
            heads = list(DBF(tmp.name))
        compact = [
            n.replace("/", "").replace("20", "", 1)
            for n in (self.invoice.name, self.invoice2.name)
        ]
        self.assertEqual([h["REF"] for h in heads], compact)
        self.assertTrue(all(len(ref) <= 11 for ref in compact))
        self.assertEqual(heads[0]["TYPE"], "IN")
        self.assertAlmostEqual(heads[0]["T_AMT"], self.invoice.amount_total)

    def test_tax_rounded_globally_still_adds_up(self):
        """With the tax rounded on the total, the lines' taxes differ from the
        invoice's by a cent: the last taxed line carries it (AutoCount's
        TaxAdjustment), so every file adds up to the invoice to the cent."""
        self.company.tax_calculation_rounding_method = "round_globally"
        invoice = self._sow_invoice_taxed(
            self.customer_kl,
            [(self.product_rice, 1, 1.05, self.tax_st10)] * 3,
        )
        self.assertAlmostEqual(invoice.amount_tax, 0.32)
        self._sow_generate_codes(self.sql, self.partners, self.products)
        builder = self.env["accounting.export.builder"]
        built, problems = builder._sow_build(self.sql, {"invoice": invoice})
        self.assertFalse(problems)
        document = built["invoice"][0][1]
        self.assertEqual(str(document.total), "3.47")
        self.assertEqual(document.untaxed + document.tax, document.total)
        self.assertEqual(
            [str(ln.tax_adjustment) for ln in document.lines], ["0.00", "0.00", "-0.01"]
        )
        batch = self._export(kinds=["invoice"])
        rows = self._sow_read_xlsx(
            next(v for k, v in self._files(batch).items() if "SL_IV" in k)
        )
        rows = [r for r in rows if r["DOCNO(20)"] == invoice.name]
        self.assertAlmostEqual(sum(r["_AMOUNT"] + r["_TAXAMT"] for r in rows), 3.47)

    def test_line_numbers_from_sql_are_those_of_number_and_dec(self):
        """PostgreSQL formats the lines' numbers (_sow_fetch_lines); they must
        be the very Decimals, exponent included, that number() and dec()
        make of the ORM's floats."""
        self._sow_generate_codes(self.sql, self.partners, self.products)
        invoice = self._sow_invoice_taxed(
            self.customer_kl,
            [
                (self.product_rice, 100, 38.90, self.tax_st10),
                (self.product_oil, 2.5, 1234.5, self.tax_st10),
                (self.product_rice, 0.25, 0.1, self.env["account.tax"]),
                (self.product_oil, 3, 7, self.env["account.tax"]),
            ],
            post=False,
        )
        invoice.invoice_line_ids[0].discount = 12.5
        invoice.invoice_line_ids[1].discount = 3.33
        invoice.action_post()
        builder = self.env["accounting.export.builder"]
        built, _problems = builder._sow_build(self.sql, {"invoice": invoice})
        document = built["invoice"][0][1]
        orm_lines = invoice.invoice_line_ids.sorted(lambda ln: (ln.sequence, ln.id))
        self.assertEqual(len(document.lines), 4)
        number, dec = accounting_export_builder.number, accounting_export_builder.dec
        for line, orm in zip(document.lines, orm_lines, strict=True):
            expected = {
                "quantity": number(orm.quantity),
                "unit_price": number(orm.price_unit),
                "amount": dec(orm.price_subtotal),
                "discount": dec(orm.discount) if orm.discount else Decimal("0.00"),
            }
            for field, value in expected.items():
                self.assertEqual(repr(getattr(line, field)), repr(value), field)
            # the last taxed line may carry the document's rounding cent
            self.assertEqual(
                repr(line.tax_amount - line.tax_adjustment),
                repr(dec(orm.price_total - orm.price_subtotal)),
            )
        self.assertEqual(
            [str(line.quantity) for line in document.lines], ["100", "2.5", "0.25", "3"]
        )

    def test_plan_queries_do_not_grow_with_invoices(self):
        """Records are read per chunk: more invoices and payments, same queries."""
        self._sow_generate_codes(self.sql, self.partners, self.products)
        kinds = ["invoice", "credit_note", "payment"]

        def count():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            self.sql._sow_plan(kinds, self.today, self.today, False)
            return self.env.cr.sql_log_count - before

        count()  # warm the ORM's caches
        few = count()
        for _i in range(4):
            invoice = self._sow_invoice_taxed(
                self.customer_kl,
                [(self.product_rice, 2, 38.90, self.tax_st10)]
                + [(self.product_oil, 1, 29.50, self.env["account.tax"])] * 4,
            )
            self._sow_pay(invoice, 10.0)
        self.assertEqual(count(), few)

    def test_customers_are_read_once_a_chunk(self):
        """Customers built are forgotten between chunks, never within one: a
        customer dropped in the middle of a chunk, whose read skipped it, was
        read again on its own for each of its next documents. Shown with
        chunks of 2 documents and room for 1 customer (5,000 otherwise)."""
        self._sow_generate_codes(self.sql, self.partners, self.products)
        for _i in range(3):
            for partner in (self.customer_kl, self.customer_png):
                self._sow_invoice_taxed(
                    partner, [(self.product_rice, 1, 38.90, self.tax_st10)]
                )
        cr = self.env.cr
        execute = cr.execute

        def partner_reads(kept):
            self.env.flush_all()
            self.env.invalidate_all()
            queries = []

            def spy(query, *args, **kwargs):
                queries.append(str(query))
                return execute(query, *args, **kwargs)

            with (
                patch.object(accounting_connector, "CHUNK", 2),
                patch.object(accounting_export_builder, "CUSTOMERS_KEPT", kept),
                patch.object(cr, "execute", spy),
            ):
                plan = self.sql._sow_plan(["invoice"], self.today, self.today, False)
            self.assertEqual(plan.count("invoice"), 8)  # 4 chunks
            # the customers' read (their delivery address joined laterally)
            return sum("JOIN LATERAL" in query for query in queries)

        # read once, kept for the later chunks; forgotten after each chunk,
        # read once in each (dropped within a chunk: 7 reads)
        self.assertEqual(partner_reads(5000), 1)
        self.assertEqual(partner_reads(1), 4)

    # --------------------------------------------------------- validation
    def test_validation_lists_every_problem_and_writes_nothing(self):
        # no customer codes, no item codes, one account unmapped, a tax unmapped
        self.sql.tax_ids.unlink()
        plan = self.sql._sow_plan(self._sow_all_kinds(self.sql), self.today, self.today)
        text = "\n".join(str(p) for p in plan.errors)
        for expected in (
            "Kedai Runcit Ah Seng has no SQL Account customer code",
            "Kedai Ubat Chong Hin has no SQL Account customer code",
            "has no SQL Account tax code",
            self.invoice.name,
            "has no SQL Account item code",
            "Customer Codes",
            "Tax Codes",
        ):
            self.assertIn(expected, text)
        # one problem per missing mapping, naming the documents that need it
        tax_problems = [p for p in plan.errors if "tax code" in p.message]
        self.assertEqual(len(tax_problems), 1)
        self.assertIn(self.invoice2.name, tax_problems[0].message)
        batches = self.env["accounting.export.batch"].search_count([])
        attachments = self.env["ir.attachment"].search_count(
            [("res_model", "=", "accounting.export.batch")]
        )
        with self.assertRaisesRegex(UserError, "fix each of these"):
            self.sql._sow_export(plan)
        self.assertEqual(self.env["accounting.export.batch"].search_count([]), batches)
        self.assertEqual(
            self.env["ir.attachment"].search_count(
                [("res_model", "=", "accounting.export.batch")]
            ),
            attachments,
        )
        # the wizard says the same, and its Generate button fixes the codes
        wizard = self.env["accounting.export.wizard"].create(
            {
                "connector_id": self.sql.id,
                "date_from": self.today,
                "date_to": self.today,
                "export_customers": True,
                "export_items": True,
            }
        )
        wizard.action_preview()
        self.assertGreater(wizard.error_count, 0)
        self.assertIn("o_sow_export_danger", wizard.preview_html)
        with self.assertRaises(UserError):
            wizard.action_export()
        wizard.action_generate_codes()
        self.assertEqual(wizard.error_count, 1)  # the tax is left
        self.sql.write(
            {"tax_ids": [Command.create({"tax_id": self.tax_st10.id, "code": "ST10"})]}
        )
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0)
        action = wizard.action_export()
        batch = self.env["accounting.export.batch"].browse(action["res_id"])
        self.assertEqual(batch.state, "done")
        self.assertEqual(batch.file_count, 5)

    def test_two_taxes_on_a_line_and_unmapped_account(self):
        tax2 = self.tax_st10.copy({"name": "Service Tax 8%", "amount": 8})
        self.sql.write(
            {"tax_ids": [Command.create({"tax_id": tax2.id, "code": "SV8"})]}
        )
        invoice = self._sow_invoice_taxed(
            self.customer_kl, [(self.product_rice, 1, 10.0, self.tax_st10 | tax2)]
        )
        self.sql.account_ids.unlink()
        self._sow_generate_codes(self.sql, self.partners, self.products)
        plan = self.sql._sow_plan(["invoice"], self.today, self.today)
        messages = "\n".join(str(p) for p in plan.errors)
        self.assertIn(f"{invoice.name}: a line", messages)
        self.assertIn("2 taxes", messages)
        self.assertIn("has no SQL Account sales account code", messages)

    # ------------------------------------------------- batches, idempotence
    def test_never_exported_twice_by_accident(self):
        self._sow_generate_codes(self.sql, self.partners, self.products)
        first = self._export()
        self.assertEqual(set(first.line_ids.mapped("status")), {"new"})
        with self.assertRaisesRegex(UserError, "Nothing to export"):
            self._export()
        plan = self.sql._sow_plan(["invoice"], self.today, self.today)
        self.assertEqual(plan.skipped["invoice"], 2)
        # on purpose: everything again, flagged as such
        again = self._export(kinds=["invoice"], only_new_or_changed=False)
        self.assertEqual(again.line_ids.mapped("status"), ["again", "again"])
        old = first.line_ids.filtered(lambda ln: ln.kind == "invoice")
        self.assertTrue(all(old.mapped("superseded")))
        # a new invoice only
        new = self._sow_invoice_taxed(
            self.customer_kl, [(self.product_oil, 3, 29.5, self.env["account.tax"])]
        )
        third = self._export(kinds=["invoice"])
        self.assertEqual(third.line_ids.mapped("res_id"), [new.id])
        # cancelling a batch makes its records exportable again, and the
        # records it superseded current again
        third.action_cancel()
        self.assertEqual(third.state, "cancelled")
        fourth = self._export(kinds=["invoice"])
        self.assertEqual(fourth.line_ids.mapped("res_id"), [new.id])
        fourth.action_cancel()
        again.action_cancel()
        self.assertFalse(any(old.mapped("superseded")))
        with self.assertRaises(UserError):
            first.unlink()
        fourth.unlink()
        # deleting a batch whose lines a later export points back to: the
        # later lines keep their own data, their link is emptied, and the
        # link is indexed (without, each deleted line scans the whole table)
        self.assertEqual(again.line_ids.previous_line_id.batch_id, first)
        first.action_cancel()
        first.unlink()
        self.assertFalse(again.line_ids.previous_line_id)
        self.assertEqual(len(again.line_ids), 2)
        self.env.cr.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s",
            ["accounting_export_batch_line"],
        )
        self.assertTrue(
            any("(previous_line_id)" in row[0] for row in self.env.cr.fetchall())
        )

    def test_batch_lines_keep_what_was_exported(self):
        """A batch line holds the exported record's number, name and amount
        as they were, whatever characters the name holds."""
        self._sow_generate_codes(self.sql, self.partners, self.products)
        name = 'Kedai "Ah Seng"\tC:\\Anak\\ & Co\r\nSdn Bhd'
        self.customer_kl.name = name
        batch = self._export(kinds=["customer", "invoice"])
        line = batch.line_ids.filtered(
            lambda ln: ln.kind == "customer" and ln.res_id == self.customer_kl.id
        )
        self.assertEqual(line.partner_name, name)
        self.assertEqual(
            line.name,
            self.sql.partner_code_ids.filtered(
                lambda m: m.partner_id == self.customer_kl
            ).code,
        )
        invoice_line = batch.line_ids.filtered(
            lambda ln: ln.kind == "invoice" and ln.res_id == self.invoice.id
        )
        self.assertEqual(invoice_line.name, self.invoice.name)
        self.assertEqual(invoice_line.amount, self.invoice.amount_total)
        self.assertEqual(
            (invoice_line.status, invoice_line.batch_state),
            ("new", "done"),
        )
        # who exported, when, where: its batch's (a line repeats none of it)
        self.assertEqual(invoice_line.batch_id.user_id, self.env.user)
        self.assertEqual(invoice_line.connector_id, self.sql)
        self.assertEqual(invoice_line.company_id, self.sql.company_id)

    def test_changed_since_export(self):
        self._sow_generate_codes(self.sql, self.partners, self.products)
        batch = self._export()
        self.assertFalse(batch.changed_count)
        # a customer renamed, an invoice reset to draft (it left the books,
        # and its credit note no longer knocks it off)
        self.customer_kl.name = "Kedai Runcit Ah Seng & Anak"
        self.invoice2.button_draft()
        batch.action_check_changes()
        changed = batch.line_ids.filtered("changed_since_export")
        self.assertEqual(
            {(ln.kind, ln.res_id) for ln in changed},
            {
                ("customer", self.customer_kl.id),
                ("invoice", self.invoice2.id),
                ("credit_note", self.refund.id),
            },
        )
        self.assertEqual(batch.changed_count, 3)
        # the next export takes the changed customer as "changed", not new
        export = self._export(kinds=["customer"])
        self.assertEqual(export.line_ids.mapped("status"), ["changed"])
        self.assertEqual(export.line_ids.previous_line_id.batch_id, batch)
        self.assertFalse(
            batch.line_ids.filtered(
                lambda ln: ln.kind == "customer" and ln.changed_since_export
            )
        )
        # a preview flags changes too, before any export
        self.invoice2.action_post()
        self.invoice.ref = "PO-99"
        self.sql._sow_plan(["invoice"], self.today, self.today)
        self.assertTrue(
            batch.line_ids.filtered(
                lambda ln: ln.res_id == self.invoice.id and ln.kind == "invoice"
            ).changed_since_export
        )

    def test_redownload_gives_the_same_bytes(self):
        self._sow_generate_codes(self.sql, self.partners, self.products)
        batch = self._export(kinds=["invoice", "payment"])
        first = self._files(batch)
        self.invoice.ref = "changed later"
        batch.invalidate_recordset()
        self.assertEqual(self._files(batch), first)
        for attachment in batch.attachment_ids:
            self.assertEqual(attachment.raw, first[attachment.name])
            self.assertEqual(attachment.res_model, "accounting.export.batch")
        # and the writer is deterministic: the same documents give the same bytes
        package = self.sql._sow_package()
        builder = self.env["accounting.export.builder"]
        built, _problems = builder._sow_build(self.sql, {"invoice": self.invoice})
        documents = {"invoice": [document for _record, document in built["invoice"]]}
        when = datetime(2026, 1, 2, 3, 4, 5)
        self.assertEqual(
            package.export(documents, when)[0].data,
            package.export(documents, when)[0].data,
        )

    # ------------------------------------------------------------ schedule
    def test_scheduled_export(self):
        self.assertFalse(self.sql.schedule_active)  # off by default
        cron = self.env.ref("sales_order_workflow.cron_accounting_scheduled_export")
        batches = self.env["accounting.export.batch"]
        cron.method_direct_trigger()
        self.assertFalse(batches.search([("connector_id", "=", self.sql.id)]))
        self.sql.schedule_active = True
        # codes are missing: no batch, the problems go to the connector's chatter
        self.env["accounting.connector"]._cron_run_scheduled_exports()
        self.assertFalse(batches.search([("connector_id", "=", self.sql.id)]))
        self.assertIn("customer code", self.sql.message_ids[0].body)
        self.assertTrue(self.sql.schedule_next_run)
        self._sow_generate_codes(self.sql, self.partners, self.products)
        self.sql.schedule_next_run = fields.Datetime.now()
        self.env["accounting.connector"]._cron_run_scheduled_exports()
        batch = batches.search([("connector_id", "=", self.sql.id)])
        self.assertEqual(batch.trigger, "scheduled")
        self.assertEqual(batch.file_count, 5)
        # not due yet: nothing more
        self.env["accounting.connector"]._cron_run_scheduled_exports()
        self.assertEqual(len(batches.search([("connector_id", "=", self.sql.id)])), 1)
