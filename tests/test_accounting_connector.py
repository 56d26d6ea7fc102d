# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from psycopg2 import IntegrityError

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .accounting_export_common import AccountingExportCommon


@tagged("post_install", "-at_install")
class TestAccountingConnector(AccountingExportCommon):
    def _connector(self, package, **values):
        return self.env["accounting.connector"].create(
            {
                "name": package,
                "package": package,
                "company_id": self.company.id,
                **values,
            }
        )

    def test_package_defaults(self):
        self.assertEqual(self.sql.control_account, "300-000")
        self.assertEqual(self.sql.default_terms, "C.O.D.")
        self.assertEqual(self.sql.file_format, "xlsx")
        autocount = self._connector("autocount")
        self.assertEqual(autocount.control_account, "300-0000")
        self.assertEqual(autocount.file_format, "xls")
        self.assertEqual(
            autocount.supported_kinds, "Customers, Invoices, Credit Notes, Payments"
        )
        self.assertEqual(
            self._connector("emas").supported_kinds, "Invoices, Credit Notes"
        )
        self.assertIn("Items", self.sql.supported_kinds)

    def test_one_connector_per_package_and_company(self):
        with mute_logger("odoo.sql_db"), self.assertRaises(IntegrityError):
            self._connector("sql_account")
            self.env.flush_all()

    def test_customer_codes_in_each_package_style(self):
        partners = self.customer_kl | self.customer_png | self.customer_nogps
        self.sql._sow_generate_customer_codes(partners)
        codes = {m.partner_id: m.code for m in self.sql.partner_code_ids}
        # Kedai Kopi Hock Lee, Kedai Runcit Ah Seng, Kedai Ubat Chong Hin
        self.assertEqual(
            [
                codes[p]
                for p in (self.customer_nogps, self.customer_kl, self.customer_png)
            ],
            ["300-K0001", "300-K0002", "300-K0003"],
        )
        autocount = self._connector("autocount")
        autocount._sow_generate_customer_codes(self.customer_kl)
        self.assertEqual(autocount.partner_code_ids.code, "300-K001")
        emas = self._connector("emas")
        emas._sow_generate_customer_codes(self.customer_kl)
        self.assertEqual(emas.partner_code_ids.code, "3000K001")
        # a second run keeps the codes, continues the counter, and codes are
        # editable
        self.sql.partner_code_ids.filtered(
            lambda m: m.partner_id == self.customer_kl
        ).code = "300-R0099"
        chinese = self._sow_create_customer("陈记杂货店", self.rep, None, None)
        kedai = self._sow_create_customer("Kedai Baru", self.rep, None, None)
        self.sql._sow_generate_customer_codes(partners | chinese | kedai)
        codes = {m.partner_id: m.code for m in self.sql.partner_code_ids}
        self.assertEqual(codes[self.customer_kl], "300-R0099")
        self.assertEqual(codes[kedai], "300-K0004")
        self.assertEqual(codes[chinese], "300-X0001")

    def test_code_lengths_follow_the_package(self):
        with self.assertRaisesRegex(ValidationError, "10"):
            self.sql.write(
                {
                    "partner_code_ids": [
                        (
                            0,
                            0,
                            {"partner_id": self.customer_kl.id, "code": "300-A000001"},
                        )
                    ]
                }
            )
        autocount = self._connector("autocount")
        autocount.write(
            {
                "partner_code_ids": [
                    (0, 0, {"partner_id": self.customer_kl.id, "code": "300-A000001"})
                ]
            }
        )  # 11 characters: AutoCount takes 12
        with self.assertRaisesRegex(ValidationError, "space"):
            autocount.partner_code_ids.code = "300-A1 "
        emas = self._connector("emas")
        with self.assertRaisesRegex(ValidationError, "EMAS takes at most 8"):
            emas.write(
                {"tax_ids": [(0, 0, {"tax_id": self.tax_st10.id, "code": "SST-10PCT"})]}
            )
        with self.assertRaises(ValidationError):
            self.sql.customer_code_digits = 6  # 300- + letter + 6 > 10

    @mute_logger("odoo.sql_db")
    def test_customer_code_unique_per_connector(self):
        self.sql.write(
            {
                "partner_code_ids": [
                    (0, 0, {"partner_id": self.customer_kl.id, "code": "300-A0001"})
                ]
            }
        )
        with self.assertRaises(IntegrityError):
            self.sql.write(
                {
                    "partner_code_ids": [
                        (
                            0,
                            0,
                            {"partner_id": self.customer_png.id, "code": "300-A0001"},
                        )
                    ]
                }
            )
            self.env.flush_all()

    def test_item_codes_from_internal_references(self):
        nocode = self._sow_create_product("Kicap Manis", False, 4.5)
        longcode = self._sow_create_product("Sos Cili", "X" * 31, 3.2)
        left = self.sql._sow_generate_item_codes(
            self.product_rice | self.product_oil | nocode | longcode
        )
        self.assertEqual(left, nocode | longcode)
        self.assertEqual(
            sorted(self.sql.product_code_ids.mapped("code")), ["OIL-05", "RICE-10"]
        )

    def test_emas_field_map_is_checked(self):
        emas = self._connector("emas")
        emas.emas_field_map = '{"header": {"po_number": "REF2"}, "lines": {}}'
        self.assertEqual(emas._sow_options()["header_map"], {"po_number": "REF2"})
        with self.assertRaisesRegex(ValidationError, "JSON"):
            emas.emas_field_map = "{not json"
        with self.assertRaisesRegex(ValidationError, "unknown header value"):
            emas.emas_field_map = '{"header": {"nope": "REF2"}}'

    def test_autocount_cloud_has_no_file_export(self):
        cloud = self._connector("autocount_cloud")
        self.assertFalse(cloud._sow_kinds())
        with self.assertRaisesRegex(UserError, "API"):
            cloud._sow_package()
        plan = cloud._sow_plan(["invoice"])
        self.assertTrue(plan.errors)
