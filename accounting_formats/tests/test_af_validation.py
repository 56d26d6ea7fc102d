# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Checks before writing: every problem of every record, and nothing written."""

import os
import re
from decimal import Decimal as D

import pytest
from af_factories import WHEN, credit_note, customer, invoice, item, line, payment

from accounting_formats import PACKAGES, get_package
from accounting_formats.common import ExportError
from accounting_formats.layouts import unconfirmed_items
from accounting_formats.records import KnockOff


@pytest.mark.parametrize("name", ["autocount", "sql_account"])
def test_every_problem_of_every_record_is_listed(name):
    package = get_package(name)
    bad_customer = customer("")
    docs = [
        invoice("INV/1", customer=bad_customer),
        invoice("INV/2", total=D("1.00")),  # lines do not add up
        invoice("INV/3", lines=(line("10.00", account=""),), total=D("10.00")),
    ]
    pays = [
        payment("PAY/1", amount=D("-5.00"), knock_offs=()),
        payment("PAY/2", amount=D("10.00")),  # knocks off more than it has
        payment("PAY/3", method=""),
    ]
    problems = package.validate({"invoice": docs, "payment": pays})
    records = {p.record for p in problems if p.severity == "error"}
    assert records == {"INV/1", "INV/2", "INV/3", "PAY/1", "PAY/2", "PAY/3"}
    with pytest.raises(ExportError) as err:
        package.export({"invoice": docs, "payment": pays}, WHEN)
    assert {p.record for p in err.value.problems} == records
    text = str(err.value)
    assert "INV/2" in text and "add up" in text and "→" in text


def test_kinds_per_package():
    assert set(get_package("sql_account").kinds) == {
        "customer",
        "item",
        "invoice",
        "credit_note",
        "payment",
    }
    assert set(get_package("autocount").kinds) == {
        "customer",
        "invoice",
        "credit_note",
        "payment",
    }
    assert set(get_package("emas").kinds) == {"invoice", "credit_note"}
    problems = get_package("autocount").validate({"item": [item()]})
    assert len(problems) == 1 and "no import file" in problems[0].message
    with pytest.raises(ValueError):
        get_package("autocount_cloud")


def test_credit_note_knock_off_over_total():
    cn = credit_note(knock_offs=(KnockOff("INV/2026/00001", D("99.00")),))
    for name in PACKAGES:
        if name == "emas":
            cn2 = credit_note(
                "CN1", customer=customer("3000A001"), knock_offs=cn.knock_offs
            )
            problems = get_package(name).validate({"credit_note": [cn2]})
        else:
            problems = get_package(name).validate({"credit_note": [cn]})
        assert any("knocks off" in p.message for p in problems), name


def test_nothing_written_for_an_empty_export():
    for name, package in PACKAGES.items():
        assert package.export({"invoice": []}, WHEN) == [], name


def test_readme_lists_every_unconfirmed_item():
    """README's "verify with your dealer" list names every unconfirmed
    column and rule of accounting_formats.layouts."""
    readme = os.path.join(os.path.dirname(__file__), "..", "..", "README.md")
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    section = text.split("### Verify with your dealer", 1)[1].split("\n## ", 1)[0]
    flat = re.sub(r"\s+", " ", section)
    for package, what, _why in unconfirmed_items():
        assert f"`{what}`" in flat, (package, what)
