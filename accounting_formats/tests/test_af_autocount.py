# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""AutoCount golden tests: our files against the vendor's own templates."""

from datetime import date
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, line, payment
from af_readers import num, read_fixture, read_sheet, text

from accounting_formats import get_package
from accounting_formats.common import ExportError
from accounting_formats.records import KnockOff

AC = get_package("autocount")
FORMATS = ("xls", "xlsx")
TEMPLATES = {
    "invoice": "Import-AR-Invoice.xls",
    "credit_note": "Import-AR-Credit-Note.xls",
    "payment": "Import-AR-Payment.xls",
}
# Row 3 of the vendor files, as the research note and SOURCES.md give them.
NAMES = {
    "invoice": "DocNo DocDate DebtorCode JournalType DisplayTerm SalesAgent "
    "Description CurrencyCode CurrencyRate RefNo2 Note InclusiveTax AccNo "
    "ToAccountRate DetailDescription ProjNo DeptNo TaxType TaxableAmt "
    "TaxAdjustment Amount",
    "credit_note": "DocNo DocDate DebtorCode JournalType CNType CurrencyCode "
    "Description Ref RefNo2 Note - - Note InclusiveTax CurrencyRate AccNo "
    "ToAccountRate DetailDescription ProjNo DeptNo TaxType TaxableAmt "
    "TaxAdjustment Amount - - KnockOffDocType KnockOffDocNo KnockOffAmt",
    "payment": "DocNo DocDate DebtorCode Description ProjNo DeptNo CurrencyCode "
    "ToHomeRate ToDebtorRate Note PaymentMethod ChequeNo PaymentAmt BankCharge "
    "ToBankRate PaymentBy FloatDay IsRCHQ RCHQDate KnockOffDocType "
    "KnockOffDocNo KnockOffAmt",
}
MANDATORY = {
    "invoice": {"DocNo", "DocDate", "DebtorCode", "JournalType", "AccNo", "Amount"},
    "credit_note": {"DocNo", "DocDate", "DebtorCode", "JournalType", "AccNo", "Amount"},
    "payment": {
        "DocNo",
        "DocDate",
        "DebtorCode",
        "ToHomeRate",
        "ToDebtorRate",
        "PaymentMethod",
        "PaymentAmt",
    },
}
SAMPLES = {"invoice": invoice, "credit_note": credit_note, "payment": payment}


def export(kind, records, file_format="xls"):
    files = AC.export({kind: records}, WHEN, {"file_format": file_format})
    assert len(files) == 1
    return files[0], read_sheet(files[0])


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize("kind", sorted(TEMPLATES))
def test_header_rows_are_the_vendor_templates(kind, file_format):
    vendor = read_fixture("autocount", TEMPLATES[kind])
    ours_file, ours = export(kind, [SAMPLES[kind]()], file_format)
    assert ours_file.name.endswith("." + file_format)
    assert ours.name == vendor.name
    # the names on row 3 are the research's, in its order
    expected = ["Bold column are mandate fields."] + [
        "" if n == "-" else n for n in NAMES[kind].split()
    ]
    assert vendor.values(2) == expected  # (the fixture itself agrees)
    for row in range(3):
        assert ours.values(row) == vendor.values(row), f"row {row + 1}"
    assert ours.merged == vendor.merged
    bold_names = {ours.values(2)[c] for r, c in ours.bold if r == 2 and c > 0}
    assert bold_names == MANDATORY[kind]
    vendor_bold = {vendor.values(2)[c] for r, c in vendor.bold if r == 2 and c > 0}
    assert vendor_bold == MANDATORY[kind]


@pytest.mark.parametrize("file_format", FORMATS)
def test_invoice_cells(file_format):
    inv = invoice(
        lines=(
            line("77.80", "7.78", tax_code="ST-10", description="Beras Wangi 10kg"),
            line(
                "59.00",
                "0.00",
                description="Minyak Masak 5kg",
                tax_adjustment=D("0.00"),
            ),
            line(
                "10.00",
                "0.61",
                tax_code="ST-5",
                tax_adjustment=D("0.11"),
                description="Gula 1kg",
            ),
        ),
        total=D("155.19"),
        currency_code="",
        note="Deliver before noon\nGate B",
    )
    other = invoice(
        "INV/2026/00002",
        customer=customer("300-B0001"),
        currency_code="USD",
        currency_rate=D("4.4512"),
        lines=(line("100.00"),),
        total=D("100.00"),
    )
    _f, sheet = export("invoice", [inv, other], file_format)
    assert len(sheet.rows) == 3 + 4
    first = sheet.record(3, 2, 1)
    assert sheet.cell(3, 0) is None  # column A stays empty below the note
    assert first["DocNo"] == text("INV/2026/00001")
    assert first["DocDate"] == ("date", date(2026, 3, 2))
    assert sheet.number_formats[(3, 2)].lower() == "dd/mm/yyyy"
    assert first["DebtorCode"] == text("300-A0001")
    assert first["JournalType"] == text("SALES")
    assert first["DisplayTerm"] == text("30 Days")
    assert first["SalesAgent"] == text("AHMAD")
    assert first["Description"] == text("Sales")
    assert first["CurrencyCode"] is None  # the company's own currency
    assert first["CurrencyRate"] == num(1)
    assert first["RefNo2"] == text("PO-7788")
    assert first["Note"] == text("Deliver before noon\nGate B")
    assert first["InclusiveTax"] == text("F")
    assert first["AccNo"] == text("500-000")
    assert first["ToAccountRate"] == num(1)
    assert first["DetailDescription"] == text("Beras Wangi 10kg")
    assert first["TaxType"] == text("ST-10")
    assert first["TaxableAmt"] == num("77.80")
    assert first["TaxAdjustment"] is None
    assert first["Amount"] == num("77.80")
    # continuation rows: detail columns only
    second, third = sheet.record(4, 2, 1), sheet.record(5, 2, 1)
    for row in (second, third):
        for name in ("DocNo", "DocDate", "DebtorCode", "JournalType", "InclusiveTax"):
            assert row[name] is None, name
    assert second["DetailDescription"] == text("Minyak Masak 5kg")
    assert second["TaxType"] is None
    assert second["Amount"] == num("59.00")
    assert third["TaxAdjustment"] == num("0.11")
    # the amounts add up to the untaxed total to the cent
    amounts = [sheet.record(r, 2, 1)["Amount"][1] for r in (3, 4, 5)]
    assert D(str(round(sum(amounts), 2))) == inv.untaxed
    nxt = sheet.record(6, 2, 1)
    assert nxt["DocNo"] == text("INV/2026/00002")
    assert nxt["CurrencyCode"] == text("USD")
    assert nxt["CurrencyRate"] == num("4.4512")


@pytest.mark.parametrize("file_format", FORMATS)
def test_credit_note_cells_and_knock_off(file_format):
    cn = credit_note(
        lines=(line("38.90", "3.89", tax_code="ST-10"), line("10.00")),
        total=D("52.79"),
        knock_offs=(KnockOff("INV/2026/00001", D("52.79")),),
    )
    _f, sheet = export("credit_note", [cn], file_format)
    assert len(sheet.rows) == 5
    first, second = sheet.record(3, 2, 1), sheet.record(4, 2, 1)
    assert first["DocNo"] == text("RINV/2026/00001")
    assert first["DocDate"] == ("date", date(2026, 3, 9))
    assert first["JournalType"] == text("SALES")
    assert first["CNType"] is None
    assert first["Description"] == text("Damaged bag returned")
    assert first["RefNo2"] == text("INV/2026/00001")
    assert first["InclusiveTax"] == text("F")
    assert first["Amount"] == num("38.90")
    assert first["KnockOffDocType"] == text("RI")
    assert first["KnockOffDocNo"] == text("INV/2026/00001")
    assert first["KnockOffAmt"] == num("52.79")
    assert second["DocNo"] is None and second["KnockOffDocType"] is None
    assert second["Amount"] == num("10.00")
    # every amount is positive
    for r in range(3, 5):
        for c in sheet.rows[r]:
            if c and c[0] == "number":
                assert c[1] >= 0


@pytest.mark.parametrize("file_format", FORMATS)
def test_payment_cells_and_knock_offs(file_format):
    _f, sheet = export("payment", [payment(method="BANK")], file_format)
    assert len(sheet.rows) == 5
    first, second = sheet.record(3, 2, 1), sheet.record(4, 2, 1)
    assert first["DocNo"] == text("PBNK1/2026/00001")
    assert first["DocDate"] == ("date", date(2026, 3, 10))
    assert first["DebtorCode"] == text("300-A0001")
    assert first["ToHomeRate"] == num(1)
    assert first["ToDebtorRate"] == num(1)
    assert first["PaymentMethod"] == text("BANK")
    assert first["ChequeNo"] == text("PBB 004512")
    assert first["PaymentAmt"] == num("200.00")
    assert first["BankCharge"] is None
    assert first["IsRCHQ"] is None
    assert (first["KnockOffDocType"], first["KnockOffDocNo"], first["KnockOffAmt"]) == (
        text("RI"),
        text("INV/2026/00001"),
        num("101.79"),
    )
    assert second["DocNo"] is None and second["PaymentMethod"] is None
    assert second["PaymentAmt"] is None
    assert (
        second["KnockOffDocType"],
        second["KnockOffDocNo"],
        second["KnockOffAmt"],
    ) == (text("RI"), text("INV/2026/00002"), num("50.00"))


@pytest.mark.parametrize("file_format", FORMATS)
def test_unapplied_payment_has_no_knock_off(file_format):
    _f, sheet = export("payment", [payment(knock_offs=())], file_format)
    assert len(sheet.rows) == 4
    row = sheet.record(3, 2, 1)
    assert row["PaymentAmt"] == num("200.00")
    assert row["KnockOffDocType"] is None and row["KnockOffAmt"] is None


@pytest.mark.parametrize("file_format", FORMATS)
def test_debtor_sheet(file_format):
    files = AC.export(
        {"customer": [customer(), customer("300-B0001", name="Syarikat Bunga Raya")]},
        WHEN,
        {"file_format": file_format},
    )
    sheet = read_sheet(files[0])
    assert sheet.name == "Debtor"
    assert sheet.values(0)[:4] == [
        "DebtorCode",
        "CompanyName",
        "Desc2",
        "ControlAccount",
    ]
    row = sheet.record(1, 0)
    assert row["DebtorCode"] == text("300-A0001")
    assert row["Address1"] == text("No. 12, Jalan Petaling")
    assert row["DeliverAddr1"] == text("Lot 5, Jalan Kilang")
    assert row["PostCode"] == text("50000")  # a postcode stays text
    assert sheet.record(2, 0)["CompanyName"] == text("Syarikat Bunga Raya")


def test_code_lengths_are_enforced():
    long_code = customer("300-ABCDEFGHIJ")  # 14 > 12
    inv = invoice(
        customer=long_code,
        lines=(line("10.00", account="500-0000-0001"),),
        total=D("10.00"),
    )
    with pytest.raises(ExportError) as err:
        AC.export({"invoice": [inv]}, WHEN)
    messages = [p.message for p in err.value.problems]
    assert any("300-ABCDEFGHIJ" in m and "12" in m for m in messages)
    assert any("500-0000-0001" in m for m in messages)
    assert all(p.record == "INV/2026/00001" for p in err.value.problems)


def test_xls_splits_between_documents():
    inv = invoice(lines=tuple(line("1.00") for _ in range(1000)), total=D("1000.00"))
    docs = [
        invoice(f"INV/{i:05d}", lines=inv.lines, total=inv.total) for i in range(70)
    ]
    files = AC.export({"invoice": docs}, WHEN, {"file_format": "xls"})
    assert [f.name for f in files] == [
        "AR-Invoice-20260314-093005-part1.xls",
        "AR-Invoice-20260314-093005-part2.xls",
    ]
    assert [f.records for f in files] == [64, 6]  # 65,000 rows a file
    first = read_sheet(files[0])
    assert len(first.rows) == 3 + 64 * 1000
    second = read_sheet(files[1])
    assert second.values(2)[1] == "DocNo"
    assert second.record(3, 2, 1)["DocNo"] == text("INV/00064")


def test_same_input_same_bytes():
    for fmt in FORMATS:
        a = AC.export({"invoice": [invoice()]}, WHEN, {"file_format": fmt})[0].data
        b = AC.export({"invoice": [invoice()]}, WHEN, {"file_format": fmt})[0].data
        assert a == b
