# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""EMAS staging pair, read back with dbfread."""

import re
from datetime import date
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, line, payment
from af_readers import read_dbf

from accounting_formats import get_package
from accounting_formats.common import ExportError

EMAS = get_package("emas")

# The research's schema (SOURCES.md §5), by position: spot checks of both
# ends and of the fields we fill, typed as dbfread reports them.
ICMASTE = {
    1: ("VOID", "C", 1, 0),
    2: ("TYPE", "C", 2, 0),
    3: ("ENTRY", "C", 10, 0),
    4: ("REF", "C", 11, 0),
    5: ("DATE", "D", 8, 0),
    6: ("CODE", "C", 8, 0),
    7: ("NAME", "C", 40, 0),
    12: ("T_AMT", "N", 20, 2),
    24: ("ACCNO", "C", 8, 0),
    63: ("ADD1", "C", 35, 0),
    73: ("AGENT", "C", 12, 0),
    77: ("TICK", "L", 1, 0),
    101: ("USER", "C", 10, 0),
    104: ("FCRATE", "N", 20, 2),
    109: ("TAXCODE", "C", 8, 0),
    110: ("TAXAMT", "N", 20, 2),
    116: ("CURRCODE", "C", 4, 0),
    129: ("CUST2", "C", 8, 0),
    143: ("COUNTRY", "C", 50, 0),
    151: ("EREFUND", "L", 1, 0),
}
ICTRANE = {
    1: ("type", "C", 2, 0),
    2: ("entry", "C", 10, 0),
    4: ("item_no", "C", 24, 0),
    5: ("desc1", "C", 60, 0),
    11: ("qty", "N", 20, 2),
    12: ("price", "N", 20, 2),
    13: ("amount", "N", 20, 2),
    15: ("date", "D", 8, 0),
    39: ("accno", "C", 8, 0),
    42: ("entry2", "C", 10, 0),
    49: ("taxcode", "C", 8, 0),
    50: ("line_no", "N", 20, 2),
    65: ("ref", "C", 11, 0),
    66: ("userid", "C", 10, 0),
    79: ("taxamt", "N", 20, 2),
    80: ("assembly", "C", 1, 0),
}


def short_invoice(number="IV2600001", **kw):
    kw.setdefault("customer", customer("3000A001"))
    return invoice(number, **kw)


def export(docs, **options):
    groups = {}
    for doc in docs:
        kind = "credit_note" if hasattr(doc, "knock_offs") else "invoice"
        groups.setdefault(kind, []).append(doc)
    files = EMAS.export(groups, WHEN, options)
    assert [f.name for f in files] == ["icmaste.dbf", "ictrane.dbf"]
    return files


def test_schema_is_the_research():
    files = export([short_invoice()])
    fields, _records, table = read_dbf(files[0].data)
    assert len(fields) == 151
    for pos, spec in ICMASTE.items():
        assert fields[pos - 1] == spec, pos
    lfields, _records, _t = read_dbf(files[1].data)
    assert len(lfields) == 80
    for pos, spec in ICTRANE.items():
        assert lfields[pos - 1] == spec, pos
    # dBASE III, code page 1252, dated the export day
    assert files[0].data[0] == 0x03 and files[0].data[29] == 0x03
    assert table.date == date(2026, 3, 14)
    assert files[0].data[-1:] == b"\x1a"
    assert all(re.fullmatch(r"[A-Za-z0-9_]{1,10}", f[0]) for f in fields + lfields)


def test_invoice_values_and_types():
    inv = short_invoice(
        lines=(
            line("77.80", "7.78", tax_code="SR", discount=D("5"), account="5002/000"),
            line(
                "59.00",
                description="Minyak Masak 5kg",
                item_code="OIL-05",
                account="5002/000",
                quantity=D("2.5"),
                unit_price=D("23.60"),
            ),
        ),
        total=D("144.58"),
    )
    heads, lines_ = export([inv])
    _f, records, _t = read_dbf(heads.data)
    assert len(records) == 1
    head = records[0]
    assert head["TYPE"] == "IN"
    assert head["REF"] == "IV2600001"
    assert head["ENTRY"] == "IV2600001"
    assert head["DATE"] == date(2026, 3, 2)
    assert head["CODE"] == "3000A001" and head["CUST2"] == "3000A001"
    assert head["NAME"] == "Kedai Runcit Ah Seng Sdn Bhd"
    assert head["ADD1"] == "No. 12, Jalan Petaling"
    assert head["DADDR1"] == "Lot 5, Jalan Kilang"
    assert head["ACCNO"] == "5002/000" and head["POSTACCNO"] == "5002/000"
    assert head["T_AMT"] == pytest.approx(144.58)
    assert head["TAXAMT"] == pytest.approx(7.78)
    assert head["TAXCODE"] == "SR"
    assert head["CURRCODE"] == "MYR"
    assert head["FCRATE"] == 1
    assert head["DUEDATE"] == date(2026, 4, 1)
    assert head["USER"] == "admin"
    assert head["PO_NO"] == "PO-7788" and head["SO_NO"] == "S00012"
    assert head["TICK"] is None and head["BILLDATE1"] is None
    assert head["MISCAMT1"] is None
    _f, rows, _t = read_dbf(lines_.data)
    assert [r["line_no"] for r in rows] == [1, 2]
    first, second = rows
    assert first["type"] == "IN" and first["ref"] == "IV2600001"
    assert first["entry"] == "IV2600001"
    assert first["date"] == date(2026, 3, 2)
    assert first["item_no"] == "RICE-10"
    assert first["desc1"] == "Beras Wangi 10kg"
    assert first["qty"] == 2 and first["price"] == pytest.approx(38.90)
    assert first["amount"] == pytest.approx(77.80)
    assert first["taxcode"] == "SR" and first["taxamt"] == pytest.approx(7.78)
    assert first["itemdisc"] == "5%"
    assert first["u_measure"] == "BAG"
    assert first["accno"] == "5002/000"
    assert second["taxcode"] == "SST0"  # no tax: EMAS's zero code
    assert second["qty"] == pytest.approx(2.5)
    assert len(first["entry2"]) == 10 and first["entry2"] != second["entry2"]
    total = sum(D(str(r["amount"])) + D(str(r["taxamt"])) for r in rows)
    assert total.quantize(D("0.01")) == inv.total


def test_credit_note_shares_the_pair():
    cn = credit_note(
        "CN2600001",
        customer=customer("3000A001"),
        origin_number="IV2600001",
        lines=(line("38.90", "3.89", account="5002/000"),),
    )
    heads, lines_ = export([short_invoice(), cn])
    _f, records, _t = read_dbf(heads.data)
    assert [r["TYPE"] for r in records] == ["IN", "CN"]
    assert records[1]["IN_NO"] == "IV2600001"
    assert records[1]["IN_DATE"] == date(2026, 3, 2)
    assert records[1]["REASON"] == "Damaged bag returned"
    assert records[1]["T_AMT"] == pytest.approx(42.79)
    _f, rows, _t = read_dbf(lines_.data)
    assert [r["type"] for r in rows] == ["IN", "IN", "CN"]


def test_lengths_and_unsupported_kinds():
    inv = invoice("INV/2026/00001", customer=customer("300-A0001"))
    problems = EMAS.validate({"invoice": [inv], "payment": [payment()]})
    messages = [p.message for p in problems if p.severity == "error"]
    assert any("INV/2026/00001" in m and "11" in m for m in messages)
    assert any("300-A0001" in m and "8" in m for m in messages)
    assert any("payments" in m for m in messages)
    with pytest.raises(ExportError):
        EMAS.export({"invoice": [inv]}, WHEN)


def test_quantity_decimals_refused():
    inv = short_invoice(
        lines=(line("10.00", quantity=D("0.629"), unit_price=D("15.90")),),
        total=D("10.00"),
    )
    problems = EMAS.validate({"invoice": [inv]})
    assert any("decimals" in p.message for p in problems if p.severity == "error")


def test_chinese_names_need_a_chinese_code_page():
    cust = customer("3000C001", name="陈记杂货店 Chan Kee")
    inv = short_invoice(customer=cust)
    warnings = [p for p in EMAS.validate({"invoice": [inv]}) if p.severity == "warning"]
    assert any("cp1252" in w.message for w in warnings)
    heads, _l = export([inv])
    _f, records, _t = read_dbf(heads.data)
    assert records[0]["NAME"] == "????? Chan Kee"
    heads, _l = export([inv], codepage="cp936")
    assert heads.data[29] == 0x7A
    _f, records, _t = read_dbf(heads.data)  # dbfread picks GBK from the header
    assert records[0]["NAME"] == "陈记杂货店 Chan Kee"
    assert not [
        p
        for p in EMAS.validate({"invoice": [inv]}, {"codepage": "cp936"})
        if p.severity == "warning"
    ]


def test_field_map_is_configurable():
    heads, lines_ = export(
        [short_invoice()],
        header_map={"po_number": "REF2", "so_number": ""},
        line_map={"description2": "dfield1"},
        user="ODOO",
        header_account="5001/000",
    )
    _f, records, _t = read_dbf(heads.data)
    assert records[0]["REF2"] == "PO-7788"
    assert records[0]["PO_NO"] == "" and records[0]["SO_NO"] == ""
    assert records[0]["USER"] == "ODOO"
    assert records[0]["ACCNO"] == "5001/000"
    problems = EMAS.validate(
        {"invoice": [short_invoice()]}, {"header_map": {"agent": "NOSUCHFLD"}}
    )
    assert any("NOSUCHFLD" in p.message for p in problems)


def test_each_document_gets_its_own_problems():
    """A value is checked and encoded once per field, and reused when it
    comes again: a problem, though, is every document's own."""
    long_name = "Kedai Runcit Dan Borong Ah Seng Bersaudara Sdn Bhd"  # > 40
    docs = [
        short_invoice(
            f"IV260000{n}",
            customer=customer("3000A001", name=long_name),
            lines=(line("10.00", quantity=D("0.629"), unit_price=D("15.90")),),
            total=D("10.00"),
        )
        for n in (1, 2, 3)
    ]
    problems = EMAS.validate({"invoice": docs})
    cut = [p.record for p in problems if "NAME is cut" in p.message]
    decimals = [p.record for p in problems if "decimals" in p.message]
    assert cut == ["IV2600001", "IV2600002", "IV2600003"]
    assert decimals == ["IV2600001", "IV2600002", "IV2600003"]
    # without problems, the same values are written alike in every record
    docs = [short_invoice(f"IV260000{n}") for n in (1, 2, 3)]
    heads, lines_ = export(docs)
    _f, records, _t = read_dbf(heads.data)
    assert [r["REF"] for r in records] == ["IV2600001", "IV2600002", "IV2600003"]
    assert len({(r["CODE"], r["NAME"], r["DATE"], r["T_AMT"]) for r in records}) == 1
    _f, rows, _t = read_dbf(lines_.data)
    assert len(rows) == 3 * len(docs[0].lines)
    assert {r["qty"] for r in rows} == {float(ln.quantity) for ln in docs[0].lines}


def test_two_values_sent_to_one_field_the_last_wins():
    # po_number comes before so_number in a document's values: both sent to
    # REF2, so_number's is written, and an empty one empties the field
    inv = short_invoice(reference="PO-7788", origin="SO-0042")
    heads, _l = export([inv], header_map={"po_number": "REF2", "so_number": "REF2"})
    _f, records, _t = read_dbf(heads.data)
    assert records[0]["REF2"] == "SO-0042"
    inv = short_invoice(reference="PO-7788", origin="")
    heads, _l = export([inv], header_map={"po_number": "REF2", "so_number": "REF2"})
    _f, records, _t = read_dbf(heads.data)
    assert records[0]["REF2"] == ""


def test_the_pair_in_one_archive():
    import io
    import zipfile

    plain = export([short_invoice()])
    files = EMAS.export({"invoice": [short_invoice()]}, WHEN, {"archive": True})
    assert [(f.name, f.mimetype) for f in files] == [
        ("EMAS-20260314-093005.zip", "application/zip")
    ]
    with zipfile.ZipFile(io.BytesIO(files[0].data)) as archive:
        assert archive.namelist() == ["icmaste.dbf", "ictrane.dbf"]
        assert archive.read("icmaste.dbf") == plain[0].data
        assert archive.read("ictrane.dbf") == plain[1].data
        assert archive.getinfo("icmaste.dbf").date_time == (2026, 3, 14, 9, 30, 4)
    again = EMAS.export({"invoice": [short_invoice()]}, WHEN, {"archive": True})
    assert again[0].data == files[0].data
