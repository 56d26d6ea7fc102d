# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Read files back with independent readers (xlrd, openpyxl, dbfread).

Every sheet becomes rows of typed cells: ("text", str), ("number", float),
("date", datetime.date) or None for an empty cell, so that .xls and .xlsx
files are compared the same way.
"""

import io
import os
import tempfile
from datetime import datetime

import openpyxl
import xlrd
from dbfread import DBF

FIXTURES = os.path.join(os.path.dirname(__file__), "fixtures")


class Sheet:
    def __init__(self, name, rows, merged, bold, number_formats):
        self.name = name
        self.rows = rows
        self.merged = merged  # {(row, first col, last col)}
        self.bold = bold  # {(row, col)}
        self.number_formats = number_formats  # {(row, col): format}

    def values(self, row):
        return [c[1] if c else "" for c in self.rows[row]]

    def cell(self, row, col):
        cells = self.rows[row]
        return cells[col] if col < len(cells) else None

    def record(self, row, names_row, offset=0):
        """{name: typed cell} of one data row (AutoCount: names on row 3)."""
        names = self.values(names_row)
        out = {}
        for col, name in enumerate(names):
            if col < offset or not name:
                continue
            out.setdefault(name, self.cell(row, col))
        return out


def read_xls(data):
    book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    assert book.nsheets == 1
    sh = book.sheet_by_index(0)
    rows, bold, formats = [], set(), {}
    for r in range(sh.nrows):
        cells = []
        for c in range(sh.ncols):
            cell = sh.cell(r, c)
            xf = book.xf_list[cell.xf_index]
            if book.font_list[xf.font_index].bold:
                bold.add((r, c))
            formats[(r, c)] = book.format_map[xf.format_key].format_str
            if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                cells.append(None)
            elif cell.ctype == xlrd.XL_CELL_TEXT:
                cells.append(("text", cell.value))
            elif cell.ctype == xlrd.XL_CELL_NUMBER:
                cells.append(("number", cell.value))
            elif cell.ctype == xlrd.XL_CELL_DATE:
                cells.append(
                    ("date", xlrd.xldate.xldate_as_datetime(cell.value, 0).date())
                )
            else:
                cells.append(("other", cell.value))
        rows.append(cells)
    merged = {(r1, c1, c2 - 1) for r1, r2, c1, c2 in sh.merged_cells}
    return Sheet(sh.name, rows, merged, bold, formats)


def read_xlsx(data):
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert len(book.worksheets) == 1
    ws = book.worksheets[0]
    rows, bold, formats = [], set(), {}
    for r, row in enumerate(ws.iter_rows()):
        cells = []
        for c, cell in enumerate(row):
            if cell.font is not None and cell.font.b:
                bold.add((r, c))
            formats[(r, c)] = cell.number_format
            value = cell.value
            if value is None:
                cells.append(None)
            elif cell.is_date:
                value = value.date() if isinstance(value, datetime) else value
                cells.append(("date", value))
            elif isinstance(value, str):
                cells.append(("text", value))
            elif isinstance(value, int | float):
                cells.append(("number", float(value)))
            else:
                cells.append(("other", value))
        rows.append(cells)
    merged = {
        (m.min_row - 1, m.min_col - 1, m.max_col - 1) for m in ws.merged_cells.ranges
    }
    return Sheet(ws.title, rows, merged, bold, formats)


def read_sheet(export_file):
    if export_file.name.endswith(".xls"):
        return read_xls(export_file.data)
    return read_xlsx(export_file.data)


def read_fixture(*parts):
    with open(os.path.join(FIXTURES, *parts), "rb") as f:
        return read_xls(f.read())


def read_dbf(data, encoding=None):
    """(fields, records) of a DBF file, read by dbfread."""
    with tempfile.NamedTemporaryFile(suffix=".dbf") as tmp:
        tmp.write(data)
        tmp.flush()
        table = DBF(tmp.name, encoding=encoding, char_decode_errors="strict")
        records = list(table)
        fields = [(f.name, f.type, f.length, f.decimal_count) for f in table.fields]
        return fields, records, table


# a cell as read_sheet gives it: (type, value)
def text(value):
    return ("text", value)


def num(value):
    return ("number", float(value))
