# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The dBASE III writer, read back with dbfread."""

import io
import struct
from datetime import date
from decimal import Decimal as D

import pytest
from af_readers import read_dbf

from accounting_formats.dbf import DbfWriter, parse_schema

FIELDS = parse_schema("CODE:C8 NAME:C20 QTY:N12.2 WHEN:D OK:L COUNT:N5")


def write(rows, codepage="cp1252"):
    buf = io.BytesIO()
    writer = DbfWriter(buf, FIELDS, codepage, date(2026, 1, 31))
    for row in rows:
        writer.append(row)
    writer.close()
    return buf.getvalue()


def test_header_layout():
    data = write([{"CODE": "A"}, {"CODE": "B"}])
    version, yy, mm, dd, count, header_len, record_len = struct.unpack(
        "<BBBBIHH", data[:12]
    )
    assert (version, yy, mm, dd) == (3, 126, 1, 31)
    assert count == 2
    assert header_len == 32 + 32 * 6 + 1
    assert record_len == 1 + 8 + 20 + 12 + 8 + 1 + 5
    assert data[header_len - 1 : header_len] == b"\r"
    assert len(data) == header_len + 2 * record_len + 1
    assert data[-1:] == b"\x1a"


def test_values_round_trip():
    data = write(
        [
            {
                "CODE": "3000A001",
                "NAME": 'Kedai "Maju", Bhd',
                "QTY": D("12.5"),
                "WHEN": date(2026, 2, 28),
                "OK": True,
                "COUNT": 7,
            },
            {"CODE": "X", "QTY": D("-3.456"), "OK": False},
            {},
        ]
    )
    fields, records, _t = read_dbf(data)
    assert fields == [
        ("CODE", "C", 8, 0),
        ("NAME", "C", 20, 0),
        ("QTY", "N", 12, 2),
        ("WHEN", "D", 8, 0),
        ("OK", "L", 1, 0),
        ("COUNT", "N", 5, 0),
    ]
    first, second, empty = records
    assert first == {
        "CODE": "3000A001",
        "NAME": 'Kedai "Maju", Bhd',
        "QTY": 12.5,
        "WHEN": date(2026, 2, 28),
        "OK": True,
        "COUNT": 7,
    }
    assert second["QTY"] == pytest.approx(-3.46) and second["OK"] is False
    assert empty == {
        "CODE": "",
        "NAME": "",
        "QTY": None,
        "WHEN": None,
        "OK": None,
        "COUNT": None,
    }


def test_text_is_cut_on_whole_characters():
    data = write([{"NAME": "陈记杂货店陈记杂货店陈记杂货店"}], codepage="cp936")
    _f, records, _t = read_dbf(data)
    assert records[0]["NAME"] == "陈记杂货店陈记杂货店"  # 20 bytes of GBK


def test_number_too_wide_is_refused():
    with pytest.raises(ValueError):
        write([{"COUNT": 123456}])
