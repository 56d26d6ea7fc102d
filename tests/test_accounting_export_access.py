# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Only the Accounting Export group configures connectors and exports."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged

from .accounting_export_common import AccountingExportCommon


@tagged("post_install", "-at_install")
class TestAccountingExportAccess(AccountingExportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.invoice = cls._sow_invoice_taxed(
            cls.customer_kl, [(cls.product_rice, 2, 38.90, cls.tax_st10)]
        )
        cls.sql._sow_generate_customer_codes(cls.customer_kl)
        cls.sql._sow_generate_item_codes(cls.product_rice)

    def test_accountant_runs_an_export(self):
        connector = self.sql.with_user(self.accountant)
        wizard = (
            self.env["accounting.export.wizard"]
            .with_user(self.accountant)
            .create(
                {
                    "connector_id": connector.id,
                    "date_from": self.today,
                    "date_to": self.today,
                    "export_customers": True,
                    "export_items": True,
                }
            )
        )
        wizard.action_preview()
        self.assertEqual(wizard.error_count, 0, wizard.preview_html)
        action = wizard.action_export()
        batch = (
            self.env["accounting.export.batch"]
            .with_user(self.accountant)
            .browse(action["res_id"])
        )
        self.assertEqual(batch.file_count, 3)
        self.assertEqual(batch.user_id, self.accountant)
        self.assertTrue(batch.attachment_ids.with_user(self.accountant).read(["datas"]))
        batch.action_check_changes()
        connector.write({"default_terms": "30 Days"})
        connector.write(
            {
                "uom_ids": [
                    (
                        0,
                        0,
                        {
                            "uom_id": self.env.ref("uom.product_uom_kgm").id,
                            "code": "KG",
                        },
                    )
                ]
            }
        )

    def test_others_have_no_access(self):
        batch = self.sql._sow_export(
            self.sql._sow_plan(["invoice"], self.today, self.today)
        )
        for user in (self.rep, self.manager, self.officer):
            for model, record in (
                ("accounting.connector", self.sql),
                ("accounting.connector.partner", self.sql.partner_code_ids),
                ("accounting.connector.tax", self.sql.tax_ids),
                ("accounting.export.batch", batch),
                ("accounting.export.batch.line", batch.line_ids),
            ):
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).browse(record.ids).read(["id"])
            with self.assertRaises(AccessError):
                self.env["accounting.connector"].with_user(user).create(
                    {"name": "x", "package": "emas", "company_id": self.company.id}
                )
            with self.assertRaises(AccessError):
                self.env["accounting.export.wizard"].with_user(user).create(
                    {"connector_id": self.sql.id}
                )
            with self.assertRaises(AccessError):
                batch.attachment_ids.with_user(user).read(["datas"])
            menus = self.env["ir.ui.menu"].with_user(user)._visible_menu_ids()
            self.assertNotIn(
                self.env.ref("sales_order_workflow.menu_accounting_export_batch").id,
                menus,
            )
        menus = self.env["ir.ui.menu"].with_user(self.accountant)._visible_menu_ids()
        for xmlid in (
            "menu_accounting_export_wizard",
            "menu_accounting_export_batch",
            "menu_config_accounting_connector",
        ):
            self.assertIn(self.env.ref(f"sales_order_workflow.{xmlid}").id, menus)

    def test_other_company_connectors_are_out_of_reach(self):
        other = self._sow_create_company("Other Sdn Bhd")
        connector = self.env["accounting.connector"].create(
            {"name": "Other SQL", "package": "sql_account", "company_id": other.id}
        )
        self.assertFalse(
            self.env["accounting.connector"]
            .with_user(self.accountant)
            .search([("id", "=", connector.id)])
        )

    def test_other_company_batch_lines_are_out_of_reach(self):
        """A batch line holds no company of its own: the multi-company rule
        reaches its batch's."""
        other = self._sow_create_company("Other Sdn Bhd")
        connector = self.env["accounting.connector"].create(
            {"name": "Other SQL", "package": "sql_account", "company_id": other.id}
        )
        batch = self.env["accounting.export.batch"].create(
            {"connector_id": connector.id}
        )
        theirs = self.env["accounting.export.batch.line"].create(
            {
                "batch_id": batch.id,
                "kind": "invoice",
                "res_model": "account.move",
                "res_id": self.invoice.id,
                "name": self.invoice.name,
                "checksum": "0" * 64,
            }
        )
        self.assertEqual((theirs.connector_id, theirs.company_id), (connector, other))
        ours = self.sql._sow_export(
            self.sql._sow_plan(["invoice"], self.today, self.today)
        ).line_ids
        Line = self.env["accounting.export.batch.line"].with_user(self.accountant)
        self.assertEqual(Line.search([("id", "in", (theirs | ours).ids)]), ours)
        self.assertEqual(Line.search([("connector_id", "=", self.sql.id)]), ours)
        self.assertEqual(Line.search([("company_id", "=", other.id)]), Line)


@tagged("post_install", "-at_install")
class TestAccountingExportDownload(HttpCase, AccountingExportCommon):
    def test_download_twice_same_bytes(self):
        invoice = self._sow_invoice_taxed(
            self.customer_kl, [(self.product_rice, 1, 38.90, self.tax_st10)]
        )
        self.sql._sow_generate_customer_codes(invoice.partner_id)
        self.sql._sow_generate_item_codes(self.product_rice)
        batch = self.sql._sow_export(
            self.sql._sow_plan(["invoice"], self.today, self.today)
        )
        attachment = batch.attachment_ids
        stored = attachment.raw
        self.authenticate("sow_accountant", "sow_accountant")
        url = f"/web/content/{attachment.id}?download=true"
        first = self.url_open(url)
        second = self.url_open(url)
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first.content, stored)
        self.assertEqual(second.content, stored)
        self.assertIn(attachment.name, first.headers["Content-Disposition"])
        self.authenticate("sow_rep", "sow_rep")
        self.assertNotEqual(self.url_open(url).status_code, 200)

    def test_export_tour(self):
        """An accountant previews and exports from the connector's form."""
        invoice = self._sow_invoice_taxed(
            self.customer_kl, [(self.product_rice, 1, 38.90, self.tax_st10)]
        )
        self.sql._sow_generate_customer_codes(invoice.partner_id)
        self.sql._sow_generate_item_codes(self.product_rice)
        self.start_tour(
            "/odoo/action-sales_order_workflow.action_accounting_connector",
            "sow_accounting_export",
            login="sow_accountant",
        )
        batch = self.env["accounting.export.batch"].search(
            [("connector_id", "=", self.sql.id)]
        )
        self.assertEqual(batch.user_id, self.accountant)
        self.assertEqual(
            batch.line_ids.filtered(lambda ln: ln.kind == "invoice").res_id, invoice.id
        )
