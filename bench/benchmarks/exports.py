# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 8: the accounting exports (a batch of invoices and their payments
written for SQL Account, AutoCount or EMAS) against Odoo's own export of the
same invoices: ``export_data`` of their invoice lines written to XLSX, as the
web client's list export does. Both on the generated posted invoices of the
latest days (about ``INVOICES``, and ``FEW`` once more to show that memory
does not grow with them); ours also writes the customer payments of those
days (EMAS takes no payments) and is rolled back after each run (it writes a
batch and its files)."""

import io

from odoo import Command

from ...accounting_formats.layouts import CODE_LIMITS
from ..harness import (
    Benchmark,
    Case,
    note_child_peak,
    register,
    rolled_back,
    vacuum,
)

INVOICES = 10_000
FEW = 1_000
# Odoo's export: what an accountant would pick in the list's export dialog
ODOO_FIELDS = [
    "move_id/name",
    "move_id/invoice_date",
    "move_id/partner_id/name",
    "product_id/default_code",
    "name",
    "account_id/code",
    "quantity",
    "product_uom_id/name",
    "price_unit",
    "discount",
    "tax_ids/name",
    "price_subtotal",
    "price_total",
]
PACKAGES = [
    # (package, file format, label, invoices)
    ("sql_account", "xlsx", "SQL Account .xlsx", INVOICES),
    ("autocount", "xlsx", "AutoCount .xlsx", INVOICES),
    ("emas", None, "EMAS .dbf", INVOICES),
    ("sql_account", "xlsx", "SQL Account .xlsx", FEW),
]
# what ours writes and rolls back at each run (and connector_for's codes):
# vacuumed before each run, so that no run pays for the dead rows of the
# runs before it
WRITTEN = (
    "accounting_export_batch_line",
    "accounting_export_batch",
    "accounting_connector_partner",
    "accounting_connector_product",
    "ir_attachment",
    "mail_message",
)
ACCOUNT_CODES = {"sql_account": "500-000", "autocount": "500-0000", "emas": "5001/000"}
PAYMENT_CODES = {"sql_account": "320-000", "autocount": "BANK", "emas": "3200/000"}


def invoice_range(env, count=INVOICES):
    """(date_from, date_to) of the latest ``count`` posted customer invoices."""
    invoices = env["account.move"].search(
        [
            ("company_id", "=", env.company.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
        ],
        order="invoice_date desc, id desc",
        limit=count,
    )
    dates = invoices.mapped("invoice_date")
    return min(dates), max(dates)


def lines_domain(env, date_from, date_to):
    """The product lines of the posted customer invoices dated in the range."""
    return [
        ("company_id", "=", env.company.id),
        ("move_id.move_type", "=", "out_invoice"),
        ("move_id.state", "=", "posted"),
        ("display_type", "=", "product"),
        ("move_id.invoice_date", ">=", date_from),
        ("move_id.invoice_date", "<=", date_to),
    ]


def odoo_export(env, date_from, date_to):
    """Odoo's own: the lines' export_data, written to XLSX as web's
    ExportXlsxWriter does. Returns (invoices, bytes)."""
    import xlsxwriter

    lines = env["account.move.line"].search(lines_domain(env, date_from, date_to))
    rows = lines.export_data(ODOO_FIELDS)["datas"]
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = book.add_worksheet()
    bold = book.add_format({"bold": True})
    style = book.add_format({"text_wrap": True})
    for column, name in enumerate(ODOO_FIELDS):
        sheet.write(0, column, name, bold)
    for row_index, row in enumerate(rows, 1):
        for column, value in enumerate(row):
            sheet.write(row_index, column, value, style)
    book.close()
    return len(lines.move_id), len(output.getvalue())


def connector_for(env, package, file_format, date_from, date_to):
    """A connector of ``package`` with the mappings the invoices need (made
    once per run of the benchmarks; the harness never commits)."""
    company = env.company
    Connector = env["accounting.connector"]
    connector = Connector.search(
        [("company_id", "=", company.id), ("package", "=", package)], limit=1
    )
    if not connector:
        connector = Connector.create(
            {"name": f"Bench {package}", "package": package, "company_id": company.id}
        )
        # a one-character prefix and the longest codes the package takes: at
        # size L, 200,000 customers outgrow 999 codes a letter (EMAS's 8
        # characters leave 3 digits after its usual prefix 3000)
        connector.write(
            {
                "customer_code_prefix": "3",
                "customer_code_digits": CODE_LIMITS[package]["customer"] - 2,
            }
        )
        accounts = env["account.account"].search(
            [
                ("company_ids", "in", company.id),
                ("account_type", "in", ("income", "income_other")),
            ]
        )
        journals = env["account.journal"].search(
            [("company_id", "=", company.id), ("type", "in", ("bank", "cash"))]
        )
        taxes = env["account.tax"].search(
            [("company_id", "=", company.id), ("type_tax_use", "=", "sale")]
        )
        connector.write(
            {
                "account_ids": [
                    Command.create(
                        {"account_id": account.id, "code": ACCOUNT_CODES[package]}
                    )
                    for account in accounts
                ],
                "journal_ids": [
                    Command.create(
                        {"journal_id": journal.id, "code": PAYMENT_CODES[package]}
                    )
                    for journal in journals
                ],
                "tax_ids": [
                    Command.create({"tax_id": tax.id, "code": f"SR{tax.id}"[:8]})
                    for tax in taxes
                ],
            }
        )
    if file_format:
        connector.file_format = file_format
    invoices = env["account.move"].search(
        [
            ("company_id", "=", company.id),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("invoice_date", ">=", date_from),
            ("invoice_date", "<=", date_to),
        ]
    )
    payments = env["account.payment"].search(
        [
            ("company_id", "=", company.id),
            ("payment_type", "=", "inbound"),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
        ]
    )
    connector._sow_generate_customer_codes(
        invoices.commercial_partner_id | payments.partner_id.commercial_partner_id
    )
    connector._sow_generate_item_codes(invoices.invoice_line_ids.product_id)
    return connector


def our_export(env, connector_id, date_from, date_to):
    """Ours: plan (mappings, checks, checksums), files and batch; rolled back.
    Returns (invoices, bytes, payments)."""
    connector = env["accounting.connector"].browse(connector_id)
    kinds = [k for k in ("invoice", "payment") if k in connector._sow_kinds()]

    def export():
        plan = connector._sow_plan(kinds, date_from, date_to, False)
        if plan.errors:
            raise AssertionError("; ".join(str(error) for error in plan.errors[:5]))
        batch = connector._sow_export(plan)
        # a child process checked and wrote the files (from FORK_FROM records)
        note_child_peak(plan.checker.child_peak)
        size = sum(batch.attachment_ids.mapped("file_size"))
        return plan.count("invoice"), size, plan.count("payment")

    return rolled_back(env, export)


def same_invoices(ours, odoo):
    if ours[0] != odoo[0] or not ours[0]:
        raise AssertionError(f"ours exported {ours[0]} invoices, Odoo {odoo[0]}")
    if not ours[1] or not odoo[1]:
        raise AssertionError("an export wrote no bytes")


@register
class AccountingExports(Benchmark):
    name = "exports"
    title = "Accounting exports of a batch of invoices (issue 8)"
    requires = ("accounting.connector", "account.move")
    target = "several times faster than Odoo's export of the same invoice lines"

    def cases(self, env, size):
        cases = []
        for package, file_format, label, wanted in PACKAGES:
            date_from, date_to = invoice_range(env, wanted)
            count = env["account.move"].search_count(
                [
                    ("company_id", "=", env.company.id),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                    ("invoice_date", ">=", date_from),
                    ("invoice_date", "<=", date_to),
                ]
            )
            lines = env["account.move.line"].search_count(
                lines_domain(env, date_from, date_to)
            )
            connector = connector_for(env, package, file_format, date_from, date_to)
            payments = (
                env["account.payment"].search_count(
                    [
                        ("company_id", "=", env.company.id),
                        ("payment_type", "=", "inbound"),
                        ("partner_type", "=", "customer"),
                        ("state", "in", ("in_process", "paid")),
                        ("date", ">=", date_from),
                        ("date", "<=", date_to),
                    ]
                )
                if "payment" in connector._sow_kinds()
                else 0
            )

            def ours(env, connector_id=connector.id, df=date_from, dt=date_to):
                return our_export(env, connector_id, df, dt)

            def odoo(env, df=date_from, dt=date_to):
                return odoo_export(env, df, dt)

            what = f"{count:,} invoices ({lines:,} lines)"
            if payments:
                what += f" + {payments:,} payments"
            cases.append(
                Case(
                    f"{what}, {label} vs export_data → XLSX",
                    ours,
                    odoo,
                    same_invoices,
                    rounds=3,
                    memory_rounds=1,
                    before=lambda env: vacuum(env, WRITTEN),
                )
            )
        return cases
