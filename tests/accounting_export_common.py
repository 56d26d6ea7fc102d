# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Set-up for the accounting export tests, over SowCommon."""

import io

import openpyxl

from odoo import Command, fields

from .common import SowCommon


class AccountingExportCommon(SowCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        company = cls.company
        # every income account of the chart (the invoices' lines use one)
        cls.income_accounts = cls.env["account.account"].search(
            [
                ("company_ids", "in", company.id),
                ("account_type", "in", ("income", "income_other")),
            ]
        )
        cls.bank_journal = cls.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "bank")], limit=1
        )
        cls.cash_journal = cls.env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "=", "cash")], limit=1
        )
        cls.tax_st10 = cls.env["account.tax"].create(
            {
                "name": "Sales Tax 10%",
                "amount": 10.0,
                "amount_type": "percent",
                "type_tax_use": "sale",
                "company_id": company.id,
            }
        )
        cls.sql = cls.env["accounting.connector"].create(
            {"name": "SQL Account", "package": "sql_account", "company_id": company.id}
        )
        cls.sql.write(
            {
                "account_ids": [
                    Command.create({"account_id": account.id, "code": "500-000"})
                    for account in cls.income_accounts
                ],
                "journal_ids": [
                    Command.create(
                        {"journal_id": cls.bank_journal.id, "code": "320-000"}
                    ),
                    Command.create(
                        {"journal_id": cls.cash_journal.id, "code": "310-000"}
                    ),
                ],
                "tax_ids": [
                    Command.create({"tax_id": cls.tax_st10.id, "code": "ST10"})
                ],
                "uom_ids": [
                    Command.create(
                        {
                            "uom_id": cls.env.ref("uom.product_uom_unit").id,
                            "code": "UNIT",
                        }
                    )
                ],
            }
        )
        cls.today = fields.Date.context_today(cls.company)

    @classmethod
    def _sow_invoice_taxed(cls, partner, lines, move_type="out_invoice", post=True):
        """lines: [(product, quantity, price_unit, taxes)]"""
        move = (
            cls.env["account.move"]
            .with_company(cls.company)
            .create(
                {
                    "move_type": move_type,
                    "partner_id": partner.id,
                    "invoice_date": cls.today,
                    "invoice_user_id": (partner.user_id or cls.rep).id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": quantity,
                                "price_unit": price,
                                "tax_ids": [Command.set(taxes.ids)],
                            }
                        )
                        for product, quantity, price, taxes in lines
                    ],
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _sow_pay(cls, invoices, amount, journal=None):
        """Register a customer payment on invoices (reconciled, as Odoo does)."""
        wizard = (
            cls.env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoices.ids)
            .create(
                {
                    "amount": amount,
                    "journal_id": (journal or cls.bank_journal).id,
                    "payment_date": cls.today,
                    "group_payment": True,
                }
            )
        )
        return wizard._create_payments()

    @classmethod
    def _sow_refund(cls, invoice, reason="Damaged goods"):
        """A posted credit note that settles the invoice (Odoo's full refund)."""
        return invoice._reverse_moves(
            default_values_list=[{"ref": reason, "invoice_date": cls.today}],
            cancel=True,
        )

    def _sow_generate_codes(self, connector, partners, products=None):
        connector._sow_generate_customer_codes(partners)
        if products:
            connector._sow_generate_item_codes(products)

    def _sow_all_kinds(self, connector):
        return list(connector._sow_kinds())

    @staticmethod
    def _sow_read_xlsx(data):
        """Rows of a one-sheet workbook as dicts keyed by the header row."""
        book = openpyxl.load_workbook(io.BytesIO(data))
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        header = rows[0]
        return [dict(zip(header, row, strict=False)) for row in rows[1:]]
