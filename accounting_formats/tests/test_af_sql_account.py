# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""SQL Account golden tests: names and order as the research gives them,
each cell's value and type read back with openpyxl."""

import re
from datetime import date
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, item, line, payment
from af_readers import num, read_sheet, text

from accounting_formats import get_package
from accounting_formats.common import ExportError
from accounting_formats.records import Address

SQL = get_package("sql_account")

# accounting-formats.md §1.2.1 (60 names, the Apps Script variant)
SLPH = """DOCNO(20), DOCNOEX, DOCDATE, CODE(10), EIV_UTC, IRBM_UUID, IRBM_LONGID,
IRBM_STATUS, COMPANYNAME(100), ADDRESS1(60), ADDRESS2(60), ADDRESS3(60),
ADDRESS4(60), POSTCODE(10), CITY(50), STATE(50), COUNTRY(2), PHONE1(200),
AGENT(10), TERMS(10), DESCRIPTION(200), PROJECT(20), CC(200), DOCREF1, DOCREF2,
DOCREF3, DOCREF4, SALESTAXNO(25), SERVICETAXNO(25), TIN(14), IDTYPE, IDNO(20),
TOURISMNO(17), SIC(10), INCOTERMS(3), SUBMISSIONTYPE, _SEQ, _ACCOUNT(10),
_ITEMCODE(30), _DESCRIPTION(200), _DESCRIPTION2, _DESCRIPTION3, _QTY, _UOM(10),
_UNITPRICE, _DISC(20), _TAX(10), _TAXAMT, _TAXINCLUSIVE, _AMOUNT,
_IRBM_CLASSIFICATION(3), _TAXEXEMPTIONREASON(300), _LOCATION(20), _BATCH(30),
_PROJECT(20), _REMARK1(200), _REMARK2(200), _FROMDOCTYPE, _FROMDOCNO,
_FROMSEQNO"""
# §1.2.2 (48 names)
CUSTOMER = """CODE(10), CONTROLACCOUNT(10), COMPANYNAME(100), COMPANYNAME2(100),
COMPANYCATEGORY(10), AREA(10), AGENT(10), CREDITTERM(10), CREDITLIMIT,
OVERDUELIMIT, STATEMENTTYPE, CURRENCYCODE(6), ALLOWEXCEEDCREDITLIMIT,
ADDPDCTOCRLIMIT, AGINGON, STATUS, PRICETAG(10), CREATIONDATE, TAX(10),
TAXEXEMPTNO(50), TAXEXPDATE, BRN(30), BRN2(30), GSTNO(25), SALESTAXNO(25),
SERVICETAXNO(25), TIN(14), IDTYPE, IDNO(20), TOURISMNO(17), SUBMISSIONTYPE,
REMARK(80), _BRANCHNAME(100), _ADDRESS1(60), _ADDRESS2(60), _ADDRESS3(60),
_ADDRESS4(60), _ATTENTION(70), _POSTCODE(10), _CITY(50), _STATE(50),
_COUNTRY(2), _PHONE1(200), _PHONE2(200), _MOBILE(200), _FAX1(200), _FAX2(200),
_EMAIL(200)"""
# §1.2.3 (21 names)
AR_PM = """DOCNO(20), CODE(10), DOCDATE, POSTDATE, DESCRIPTION(200), AREA(10),
AGENT(10), PAYMENTMETHOD(10), CHEQUENUMBER(20), PROJECT(20), PAYMENTPROJECT(20),
CURRENCYRATE, BANKCHARGE, DOCAMT, UNAPPLIEDAMT, CANCELLED, NONREFUNDABLE,
BOUNCEDATE, DOCTYPE, KODOCNO, KOAMT"""


def names(text):
    return [n.strip() for n in text.replace("\n", " ").split(",")]


def export(kind, records):
    files = SQL.export({kind: records}, WHEN)
    assert len(files) == 1
    return files[0], read_sheet(files[0])


@pytest.mark.parametrize(
    "kind, expected, sheet_name, prefix",
    [
        ("invoice", SLPH, "SLPH_Invoice_Cash_Debit_Credit", "SL_IV"),
        ("credit_note", SLPH, "SLPH_Invoice_Cash_Debit_Credit", "SL_CN"),
        ("customer", CUSTOMER, "Customer&Supplier Master_New", "AR_CUSTOMER"),
        ("payment", AR_PM, "AR_PM", "AR_PM"),
    ],
)
def test_names_order_sheet_and_file_name(kind, expected, sheet_name, prefix):
    sample = {
        "invoice": invoice,
        "credit_note": credit_note,
        "customer": customer,
        "payment": payment,
    }[kind]()
    f, sheet = export(kind, [sample])
    assert sheet.values(0) == names(expected)
    assert len(names(expected)) == {"customer": 48, "payment": 21}.get(kind, 60)
    assert sheet.name == sheet_name
    # auto-import name: BIZOBJECT.YYYYMMDDHHMMSS.xlsx, one sheet
    assert f.name == f"{prefix}.20260314093005.xlsx"
    assert re.fullmatch(r"[A-Z_]+\.\d{14}\.xlsx", f.name)
    # the header row holds no Unicode (the utility's rule)
    assert all(n.isascii() for n in sheet.values(0))


def test_invoice_rows_repeat_the_header_and_type_every_cell():
    inv = invoice(
        lines=(
            line("77.80", "7.78", tax_code="ST10", discount=D("5")),
            line(
                "59.00",
                description="Minyak Masak 5kg\nbotol plastik",
                item_code="OIL-05",
                quantity=D("2.5"),
                unit_price=D("23.60"),
            ),
        ),
        total=D("144.58"),
    )
    _f, sheet = export("invoice", [inv])
    assert len(sheet.rows) == 3
    header = sheet.values(0)
    rows = [dict(zip(header, sheet.rows[r], strict=False)) for r in (1, 2)]
    for row in rows:
        assert row["DOCNO(20)"] == text("INV/2026/00001")
        assert row["DOCNOEX"] == text("PO-7788")
        assert row["DOCDATE"] == ("date", date(2026, 3, 2))
        assert row["CODE(10)"] == text("300-A0001")
        assert row["COMPANYNAME(100)"] == text("Kedai Runcit Ah Seng Sdn Bhd")
        assert row["ADDRESS1(60)"] == text("No. 12, Jalan Petaling")
        assert row["ADDRESS2(60)"] == text("Taman Maju")
        assert row["ADDRESS3(60)"] is None
        assert row["POSTCODE(10)"] == text("50000")
        assert row["COUNTRY(2)"] == text("MY")
        assert row["AGENT(10)"] == text("AHMAD")
        assert row["TERMS(10)"] == text("30 Days")
        assert row["DESCRIPTION(200)"] == text("Sales")
        assert row["PROJECT(20)"] == text("----")
        assert row["DOCREF1"] == text("S00012")
        assert row["TIN(14)"] == text("C12345678901")
        assert row["IDTYPE"] == num(0)
        assert row["SUBMISSIONTYPE"] == num(17)
        assert row["_TAXINCLUSIVE"] == text("F")
        assert row["_ACCOUNT(10)"] == text("500-000")
        assert row["_UOM(10)"] == text("BAG")
        assert row["IRBM_UUID"] is None
    first, second = rows
    assert sheet.number_formats[(1, 2)].lower() == "dd/mm/yyyy"
    assert first["_SEQ"] == num(1) and second["_SEQ"] == num(2)
    assert first["_ITEMCODE(30)"] == text("RICE-10")
    assert first["_DESCRIPTION(200)"] == text("Beras Wangi 10kg")
    assert first["_DESCRIPTION3"] is None
    assert first["_QTY"] == num(2)
    assert first["_UNITPRICE"] == num("38.90")
    assert first["_DISC(20)"] == text("5%")
    assert first["_TAX(10)"] == text("ST10")
    assert first["_TAXAMT"] == num("7.78")
    assert first["_AMOUNT"] == num("77.80")
    assert second["_DESCRIPTION(200)"] == text("Minyak Masak 5kg")
    assert second["_DESCRIPTION3"] == text("Minyak Masak 5kg\nbotol plastik")
    assert second["_QTY"] == num("2.5")
    assert second["_DISC(20)"] is None and second["_TAX(10)"] is None
    assert second["_TAXAMT"] == num(0)
    total = sum(D(str(r["_AMOUNT"][1])) + D(str(r["_TAXAMT"][1])) for r in rows)
    assert total == inv.total


def test_credit_note_is_positive_and_names_its_invoice():
    _f, sheet = export("credit_note", [credit_note()])
    row = dict(zip(sheet.values(0), sheet.rows[1], strict=False))
    assert row["DOCNO(20)"] == text("RINV/2026/00001")
    assert row["DESCRIPTION(200)"] == text("Damaged bag returned")
    assert row["_AMOUNT"] == num("38.90") and row["_TAXAMT"] == num("3.89")
    assert row["_REMARK1(200)"] == text("INV/2026/00001")
    assert row["_REMARK2(200)"] == text("02/03/2026")
    negative = credit_note(lines=(line("-5.00"),), total=D("-5.00"), knock_offs=())
    with pytest.raises(ExportError) as err:
        SQL.export({"credit_note": [negative]}, WHEN)
    assert any("negative" in p.message for p in err.value.problems)


def test_payment_one_row_per_knock_off():
    _f, sheet = export(
        "payment", [payment(), payment("PBNK1/2026/00002", knock_offs=())]
    )
    header = sheet.values(0)
    rows = [dict(zip(header, sheet.rows[r], strict=False)) for r in (1, 2, 3)]
    for row in rows[:2]:
        assert row["DOCNO(20)"] == text("PBNK1/2026/00001")
        assert row["PAYMENTMETHOD(10)"] == text("320-000")
        assert row["DOCAMT"] == num("200.00")
        assert row["UNAPPLIEDAMT"] == num("48.21")
        assert row["DOCDATE"] == ("date", date(2026, 3, 10))
        assert row["POSTDATE"] == ("date", date(2026, 3, 10))
        assert row["CANCELLED"] == text("F")
        assert row["DOCTYPE"] == text("IV")
        assert row["AREA(10)"] == text("KL")
        assert row["CHEQUENUMBER(20)"] == text("PBB 004512")
    assert rows[0]["KODOCNO"] == text("INV/2026/00001")
    assert rows[0]["KOAMT"] == num("101.79")
    assert rows[1]["KODOCNO"] == text("INV/2026/00002")
    assert rows[1]["KOAMT"] == num("50.00")
    unapplied = rows[2]
    assert unapplied["DOCNO(20)"] == text("PBNK1/2026/00002")
    assert unapplied["DOCTYPE"] is None and unapplied["KODOCNO"] is None
    assert unapplied["KOAMT"] is None
    assert unapplied["UNAPPLIEDAMT"] == num("200.00")


def test_customer_one_row_per_branch():
    plain = customer("300-B0001", delivery_address=None, active=False)
    _f, sheet = export("customer", [customer(), plain])
    header = sheet.values(0)
    rows = [dict(zip(header, sheet.rows[r], strict=False)) for r in (1, 2, 3)]
    assert [r["_BRANCHNAME(100)"] for r in rows] == [
        text("BILLING"),
        text("DELIVERY"),
        text("BILLING"),
    ]
    billing, delivery, other = rows
    for row in (billing, delivery):
        assert row["CODE(10)"] == text("300-A0001")
        assert row["CONTROLACCOUNT(10)"] == text("300-000")
        assert row["STATEMENTTYPE"] == text("O")
        assert row["AGINGON"] == text("I")
        assert row["STATUS"] == text("A")
        assert row["CURRENCYCODE(6)"] == text("----")
        assert row["CREDITTERM(10)"] == text("30 Days")
        assert row["REMARK(80)"] == text("C00042")
        assert row["CREDITLIMIT"] == num(0)
    assert billing["_ADDRESS1(60)"] == text("No. 12, Jalan Petaling")
    assert delivery["_ADDRESS1(60)"] == text("Lot 5, Jalan Kilang")
    assert delivery["_CITY(50)"] == text("Kajang")
    assert other["STATUS"] == text("I")


def test_items():
    f, sheet = export("item", [item(), item("OIL-05", stock_control=False, group="")])
    assert f.name == "ST_ITEM.20260314093005.xlsx"
    header = sheet.values(0)
    assert header[:3] == ["CODE", "DESCRIPTION", "DESCRIPTION2"]
    rice = dict(zip(header, sheet.rows[1], strict=False))
    oil = dict(zip(header, sheet.rows[2], strict=False))
    assert rice["CODE"] == text("RICE-10")
    assert rice["DESCRIPTION2"] == text("香米 10公斤")
    assert rice["STOCKCONTROL"] == text("T") and oil["STOCKCONTROL"] == text("F")
    assert rice["REFPRICE"] == num("38.90")
    assert rice["BARCODE"] == text("9555000000012")
    assert oil["STOCKGROUP"] is None


def test_field_sizes():
    long_name = "Syarikat " + "Perniagaan " * 12  # > 100
    cust = customer(
        "300-A00001X",
        name=long_name,
        address=Address(("x" * 70,), "50000", "KL", "", "MY"),
    )
    inv = invoice(
        customer=cust, lines=(line("10.00", uom="KILOGRAMMES"),), total=D("10.00")
    )
    problems = SQL.validate({"invoice": [inv]})
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    assert {e.message.split("“")[1].split("”")[0] for e in errors} == {
        "300-A00001X",
        "KILOGRAMMES",
    }
    assert any("cut to 100" in w.message for w in warnings)
    assert any("cut to 60" in w.message for w in warnings)
    # the cut is applied when the codes are right
    ok = invoice(
        customer=customer(name=long_name), lines=(line("10.00"),), total=D("10.00")
    )
    _f, sheet = export("invoice", [ok])
    row = dict(zip(sheet.values(0), sheet.rows[1], strict=False))
    assert row["COMPANYNAME(100)"] == text(long_name.strip()[:100])


def test_formula_like_and_numeric_codes_stay_text():
    cust = customer("0012", name="=HYPERLINK(1)")
    _f, sheet = export("invoice", [invoice(customer=cust)])
    row = dict(zip(sheet.values(0), sheet.rows[1], strict=False))
    assert row["CODE(10)"] == text("0012")
    assert row["COMPANYNAME(100)"] == text("=HYPERLINK(1)")
