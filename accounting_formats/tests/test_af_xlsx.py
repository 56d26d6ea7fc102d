# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The streaming .xlsx writer: what a reader gets back, however many strings."""

import io
from datetime import date, datetime
from decimal import Decimal as D

import openpyxl

from accounting_formats import xlsx
from accounting_formats.sheets import new_sheet

WHEN = datetime(2026, 11, 28, 9, 30)
KINDS = ["text", "date", "money", "text"]


def _read(data):
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _write(rows):
    sheet = new_sheet("xlsx", "Sheet", None)
    write_row = sheet.writer(KINDS)
    for row in rows:
        write_row(row)
    sheet.created = WHEN
    return sheet.close()


def test_strings_beyond_those_kept_are_written_again(monkeypatch):
    """Past STRINGS_KEPT distinct strings the writer forgets the older ones
    (memory stays flat): a string met again gets a second entry, and every
    cell still reads back as written."""
    words = ["alpha", "beta", "gamma", "alpha", "delta", "beta", "alpha", "epsilon"]
    rows = [
        [word, date(2026, 11, number + 1), D(f"{number}.50"), "T/F"]
        for number, word in enumerate(words)
    ]
    monkeypatch.setattr(xlsx, "STRINGS_KEPT", 2)
    small = _write(rows)
    monkeypatch.undo()
    large = _write(rows)
    for data in (small, large):
        back = _read(data)
        assert [row[0] for row in back] == words
        assert [row[3] for row in back] == ["T/F"] * len(words)
        assert back[2][1] == datetime(2026, 11, 3)
        assert back[2][2] == 2.5
    # the same cells; the small table only repeats some strings
    assert small != large


def test_the_same_rows_give_the_same_bytes():
    rows = [["Kedai Runcit Ah Seng", date(2026, 1, 2), D("10.00"), "  spaced  "]]
    assert _write(rows) == _write(rows)
    assert _read(_write(rows))[0][3] == "  spaced  "
