# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Property-based tests: any name survives the trip, any document's lines add
up to its total to the cent, in every package's file."""

from decimal import Decimal as D

from af_factories import WHEN, customer, invoice, line
from af_readers import read_dbf, read_sheet
from hypothesis import (
    HealthCheck,
    given,
    settings,
    strategies as st,
)

from accounting_formats import get_package
from accounting_formats.common import one_line

MALAY = [
    "Kedai Runcit",
    "Syarikat",
    "Perniagaan",
    "Bunga Raya",
    "Sdn. Bhd.",
    "Enterprise",
    "Jalan Tun Razak",
    "Pasar Borong",
    "Ah Seng & Anak-Anak",
]
CHINESE = ["陈记杂货店", "福建面", "香米", "大华五金", "吉隆坡", "槟城"]
TRICKY = ['"', "'", ",", ";", "\n", "\r\n", "\t", "#13", "=", "  ", "€", "½", "—"]

words = st.one_of(
    st.sampled_from(MALAY),
    st.sampled_from(CHINESE),
    st.sampled_from(TRICKY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
)
# a name always has one real word; around it anything may come
names = st.tuples(
    st.lists(words, max_size=20),
    st.sampled_from(MALAY + CHINESE),
    st.lists(words, max_size=20),
).map(lambda t: " ".join([*t[0], t[1], *t[2]]))
cents = st.integers(min_value=0, max_value=10**9).map(lambda c: D(c).scaleb(-2))
taxes = st.integers(min_value=0, max_value=10**7).map(lambda c: D(c).scaleb(-2))


@st.composite
def documents(draw):
    lines = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        amount, tax = draw(cents), draw(taxes)
        lines.append(
            line(
                str(amount),
                str(tax),
                description=draw(names),
                tax_code="SR" if tax else "",
            )
        )
    total = sum((ln.amount + ln.tax_amount for ln in lines), D("0.00"))
    return invoice(
        "IV2600001",
        lines=tuple(lines),
        total=total,
        customer=customer("3000A001", name=draw(names)),
    )


def expected_text(value, size):
    cleaned = one_line(value)[:size].strip() if one_line(value) else ""
    return ("text", cleaned) if cleaned else None


SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(doc=documents())
def test_sql_account_names_and_money(doc):
    f = get_package("sql_account").export({"invoice": [doc]}, WHEN)[0]
    sheet = read_sheet(f)
    header = sheet.values(0)
    rows = [dict(zip(header, r, strict=False)) for r in sheet.rows[1:]]
    assert len(rows) == len(doc.lines)
    total = D("0.00")
    for row, ln in zip(rows, doc.lines, strict=True):
        assert row["COMPANYNAME(100)"] == expected_text(doc.customer.name, 100)
        amount = D(str(row["_AMOUNT"][1])).quantize(D("0.01"))
        tax = D(str(row["_TAXAMT"][1])).quantize(D("0.01"))
        assert (amount, tax) == (ln.amount, ln.tax_amount)
        total += amount + tax
        assert all(v is None or v[0] != "number" or v[1] >= 0 for v in row.values())
    assert total == doc.total


@SETTINGS
@given(doc=documents(), file_format=st.sampled_from(["xls", "xlsx"]))
def test_autocount_names_and_money(doc, file_format):
    f = get_package("autocount").export(
        {"invoice": [doc]}, WHEN, {"file_format": file_format}
    )[0]
    sheet = read_sheet(f)
    rows = [sheet.record(r, 2, 1) for r in range(3, len(sheet.rows))]
    assert len(rows) == len(doc.lines)
    untaxed = D("0.00")
    for row, ln in zip(rows, doc.lines, strict=True):
        assert row["DetailDescription"] == expected_text(ln.description, 100)
        untaxed += D(str(row["Amount"][1])).quantize(D("0.01"))
    assert untaxed == doc.untaxed
    assert untaxed + doc.tax == doc.total


def gbk_expected(value, size):
    text = one_line(value)
    out = b""
    for char in text:
        piece = char.encode("cp936", errors="replace")
        if len(out) + len(piece) > size:
            break
        out += piece
    return out.decode("cp936").rstrip(" ")


@SETTINGS
@given(doc=documents())
def test_emas_names_and_money(doc):
    heads, lines_ = get_package("emas").export(
        {"invoice": [doc]}, WHEN, {"codepage": "cp936"}
    )
    _f, records, _t = read_dbf(heads.data)
    assert records[0]["NAME"] == gbk_expected(doc.customer.name, 40)
    _f, rows, _t = read_dbf(lines_.data)
    assert [r["desc1"] for r in rows] == [
        gbk_expected(ln.description, 60) for ln in doc.lines
    ]
    total = sum(
        D(str(r["amount"])).quantize(D("0.01"))
        + D(str(r["taxamt"])).quantize(D("0.01"))
        for r in rows
    )
    assert total == doc.total == D(str(records[0]["T_AMT"])).quantize(D("0.01"))


@SETTINGS
@given(name=names)
def test_checksum_changes_with_any_change(name):
    from accounting_formats.records import checksum

    a = customer(name=name)
    assert checksum(a) == checksum(customer(name=name))
    assert checksum(a) != checksum(customer(name=name + "x"))
