# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Drafts (documents whose lines are still text), fingerprints, and the
checker that makes, fingerprints, checks and writes them, here or in a
child process."""

import hashlib
import pickle
from dataclasses import fields
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, payment

from accounting_formats import get_package
from accounting_formats.background import Checker, ForkedChecker, can_fork
from accounting_formats.records import (
    ZERO,
    CreditNote,
    Draft,
    Invoice,
    Line,
    checksum,
    lines_from_text,
    made,
)

ROWS = (
    # account, description, quantity, unit price, amount, tax, tax code,
    # item code, unit, discount
    (
        "500-000",
        "Beras Wangi 10kg",
        "2",
        "38.9",
        "77.80",
        "6.22",
        "SV8",
        "RICE",
        "BAG",
        "",
    ),
    ("500-000", "Gula 1kg", "0.25", "3", "0.75", "0.06", "SV8", "", "KG", "12.5"),
    ("510-000", "Penghantaran", "1", "10", "10.00", "0.00", "", "", "UNIT", ""),
)


def repr_checksum(record):
    """The fingerprint as documented: the sha256 of the record's repr, its
    customer written as its code."""
    parts = []
    for f in fields(record):
        value = getattr(record, f.name)
        if f.name == "customer":
            value = value.code
        parts.append(f"{f.name}={value!r}")
    cls = type(record)
    text = f"{cls.__name__}:{cls.__qualname__}({', '.join(parts)})"
    return hashlib.sha256(text.encode()).hexdigest()


def test_lines_are_made_of_their_text_digits_and_all():
    lines = lines_from_text(ROWS)
    assert lines[0] == Line(
        "500-000", "Beras Wangi 10kg", D("2"), D("38.9"), D("77.80"), D("6.22"),
        "SV8", "RICE", "BAG", ZERO,
    )  # fmt: skip
    # the Decimals keep the exponent of their text, as the package writes it
    assert [repr(ln.quantity) for ln in lines] == [
        "Decimal('2')",
        "Decimal('0.25')",
        "Decimal('1')",
    ]
    assert [repr(ln.unit_price) for ln in lines] == [
        "Decimal('38.9')",
        "Decimal('3')",
        "Decimal('10')",
    ]
    assert lines[1].discount == D("12.5") and lines[0].discount is ZERO
    assert all(ln.tax_adjustment == 0 for ln in lines)


def test_the_last_taxed_line_carries_the_cent_the_lines_leave():
    # tax rounded on the total: the document says 6.29, its lines 6.28
    lines = lines_from_text(ROWS, D("6.29"))
    assert [ln.tax_amount for ln in lines] == [D("6.22"), D("0.07"), D("0.00")]
    assert [ln.tax_adjustment for ln in lines] == [0, D("0.01"), 0]
    # the same tax: nothing to carry; none given: nothing compared
    assert lines_from_text(ROWS, D("6.28")) == lines_from_text(ROWS)
    # a tax of nought is a tax: the lines' 6.28 is taken off the last taxed
    assert lines_from_text(ROWS, D("0.00"))[1].tax_amount == D("-6.22")
    # no taxed line: nothing to carry it
    untaxed = tuple(row[:6] + ("",) + row[7:] for row in ROWS)
    assert lines_from_text(untaxed, D("1.00")) == lines_from_text(untaxed)


def draft(cls=Invoice, **values):
    values = {
        "number": "INV/2026/00001",
        "date": invoice().date,
        "customer": customer(),
        "total": D("94.84"),
        **values,
    }
    return Draft(cls, values, ROWS, D("6.29"))


def test_a_draft_makes_the_document_its_values_make():
    doc = draft(reference="PO-1").make()
    assert doc == Invoice(
        number="INV/2026/00001",
        date=invoice().date,
        customer=customer(),
        total=D("94.84"),
        reference="PO-1",
        lines=lines_from_text(ROWS, D("6.29")),
    )
    note = draft(CreditNote, knock_offs=credit_note().knock_offs).make()
    assert type(note) is CreditNote and note.knock_offs == credit_note().knock_offs
    # what a batch line and a problem show, without making it
    d = draft()
    assert (d.number, d.customer.code, d.total) == (
        "INV/2026/00001",
        "300-A0001",
        D("94.84"),
    )
    # sent to another process, it makes the same document there
    assert pickle.loads(pickle.dumps(d)).make() == d.make()
    assert made(d) == d.make() and made(doc) is doc


@pytest.mark.parametrize(
    "record",
    [
        invoice(),
        invoice(lines=[invoice().lines[0]]),  # one line: "(Line(...),)"
        draft().make(),
        credit_note(),  # one knock-off
        credit_note(knock_offs=()),
        payment(),  # two knock-offs
        customer(),
    ],
)
def test_the_fingerprint_is_the_sha256_of_the_repr(record):
    assert checksum(record) == repr_checksum(record)


def statuses(checker):
    package = get_package("sql_account")
    docs = [invoice(f"INV/{n}") for n in range(3)]
    changed = invoice("INV/2", reference="changed")
    checker.add("invoice", [docs[0], draft(number="INV/1"), docs[2]], [None] * 3)
    before = [checksum(d) for d in (docs[0], draft(number="INV/1").make(), docs[2])]
    checker.add("invoice", [docs[0], draft(number="INV/1"), changed], before)
    checker.add("payment", [payment()])  # without previous: no fingerprint
    problems = checker.problems()
    fingerprints = checker.fingerprints()
    files = checker.files(WHEN)
    assert [f.name for f in files] == [
        package.file_name("invoice", WHEN, 0, {}),
        package.file_name("payment", WHEN, 0, {}),
    ]
    return problems, fingerprints, [(f.records, f.data) for f in files], before


@pytest.mark.parametrize("skip", [False, True])
def test_the_checker_tells_new_changed_and_unchanged(skip):
    package = get_package("sql_account")
    problems, fingerprints, files, before = statuses(Checker(package, {}, skip))
    assert problems == []
    changed = checksum(invoice("INV/2", reference="changed"))
    again = None if skip else "again"
    assert fingerprints == {
        "invoice": [(fp, "new") for fp in before]
        + [(before[0], again), (before[1], again), (changed, "changed")]
    }
    # the unchanged ones left out are neither checked nor written
    assert [records for records, _data in files] == [4 if skip else 6, 1]


@pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")
@pytest.mark.parametrize("skip", [False, True])
def test_a_child_tells_and_writes_what_this_process_does(skip):
    package = get_package("sql_account")
    here = statuses(Checker(package, {}, skip))
    forked = ForkedChecker(package, {}, skip)
    assert statuses(forked) == here
