# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""One worksheet written as .xlsx (our streaming writer) or .xls (xlwt), as bytes.

Cells get their type from the layout's column kind: dates are real date cells
shown dd/mm/yyyy, money and rates are numbers, booleans are the text T/F,
codes and text are always text (a code such as 0012 or =A1 stays as typed).
"""

import io
from datetime import date, datetime

from .common import cell_value
from .xlsx import XlsxWriter

DATE_FORMAT = "dd/mm/yyyy"
XLS_MAX_ROWS = 65536
XLSX_MAX_ROWS = 1048576

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLS_MIME = "application/vnd.ms-excel"


class _Sheet:
    max_rows = XLSX_MAX_ROWS

    def __init__(self, sheet_name, created):
        self.sheet_name = sheet_name
        self.created = created
        self.row = 0

    def write_row(self, values, kinds, offset=0, bold=()):
        for col, (value, kind) in enumerate(zip(values, kinds, strict=True)):
            if value is None or value == "":
                continue
            self._cell(self.row, offset + col, value, kind, col in bold)
        self.row += 1

    def writer(self, kinds, offset=0):
        """A function writing one row per call (see XlsxWriter.writer)."""

        def write_row(values):
            self.write_row(values, kinds, offset)

        return write_row


class XlsxSheet(XlsxWriter):
    """.xlsx, streamed (see :mod:`.xlsx`)."""


class XlsSheet(_Sheet):
    mimetype = XLS_MIME
    extension = "xls"
    max_rows = XLS_MAX_ROWS

    def __init__(self, sheet_name, created):
        super().__init__(sheet_name, created)
        import xlwt

        self.book = xlwt.Workbook(encoding="utf-8")
        self.sheet = self.book.add_sheet(sheet_name[:31])
        self.fmt_date = xlwt.easyxf(num_format_str=DATE_FORMAT)
        self.fmt_bold = xlwt.easyxf("font: bold on")
        self.fmt_center = xlwt.easyxf("font: bold on; align: horiz center")

    def merge(self, row, first_col, last_col, text):
        self.sheet.write_merge(row, row, first_col, last_col, text, self.fmt_center)

    def _cell(self, row, col, value, kind, bold):
        if kind == "date" and isinstance(value, date | datetime):
            self.sheet.write(row, col, value, self.fmt_date)
        elif isinstance(value, str):
            if bold:
                self.sheet.write(row, col, value, self.fmt_bold)
            else:
                self.sheet.write(row, col, value)
        else:
            self.sheet.write(row, col, cell_value(value))

    def close(self):
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def new_sheet(file_format, sheet_name, created):
    if file_format == "xls":
        return XlsSheet(sheet_name, created)
    if file_format == "xlsx":
        return XlsxSheet(sheet_name, created)
    raise ValueError(f"unknown spreadsheet format {file_format}")
