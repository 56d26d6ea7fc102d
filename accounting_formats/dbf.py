# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A dBASE III table writer: header, field descriptors, fixed-width records.

Streams: records are written as they come and the record count is patched
into the header at the end, so memory does not grow with the table.
"""

import struct
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# Language driver ids (header byte 29) for the code pages a Malaysian EMAS
# installation may use.
LANGUAGE_DRIVERS = {
    "cp437": 0x01,
    "cp850": 0x02,
    "cp1252": 0x03,
    "cp874": 0x7C,
    "cp936": 0x7A,  # simplified Chinese (GBK)
    "cp950": 0x78,  # traditional Chinese (Big5)
}


@dataclass(frozen=True)
class DbfField:
    name: str
    type: str  # C, N, D, L
    length: int
    decimals: int = 0


def parse_schema(text):
    """'NAME:C10 QTY:N20.2 DATE:D OK:L' → [DbfField]."""
    fields = []
    for token in text.split():
        name, spec = token.split(":")
        kind = spec[0]
        if kind == "C":
            fields.append(DbfField(name, "C", int(spec[1:])))
        elif kind == "N":
            length, _, decimals = spec[1:].partition(".")
            fields.append(DbfField(name, "N", int(length), int(decimals or 0)))
        elif kind == "D":
            fields.append(DbfField(name, "D", 8))
        elif kind == "L":
            fields.append(DbfField(name, "L", 1))
        else:
            raise ValueError(f"unknown DBF field type in {token}")
        if len(name) > 10 or not name.isascii():
            raise ValueError(
                f"DBF field names have at most 10 ASCII characters: {name}"
            )
    return fields


def encode_text(value, length, codepage):
    """Text as the table's code page holds it, cut to whole characters."""
    if value.isascii():
        # every code page here holds ASCII as is, a byte a character
        return value[:length].encode("ascii")
    data = value.encode(codepage, errors="replace")
    if len(data) <= length:
        return data
    # cut on a character boundary (multi-byte code pages)
    out = b""
    for char in value:
        piece = char.encode(codepage, errors="replace")
        if len(out) + len(piece) > length:
            break
        out += piece
    return out


QUANTA = {places: Decimal(1).scaleb(-places) for places in range(10)}


def format_number(value, field):
    if value is None or value == "":
        return b" " * field.length
    quantum = QUANTA.get(field.decimals) or Decimal(1).scaleb(-field.decimals)
    number = Decimal(value).quantize(quantum, rounding=ROUND_HALF_UP)
    text = f"{number:.{field.decimals}f}" if field.decimals else f"{number:.0f}"
    if len(text) > field.length:
        raise ValueError(f"{value} does not fit {field.name} N({field.length})")
    return text.rjust(field.length).encode("ascii")


def encode_value(value, field, codepage):
    if field.type == "C":
        data = encode_text(
            str(value) if value is not None else "", field.length, codepage
        )
        return data.ljust(field.length, b" ")
    if field.type == "N":
        return format_number(value, field)
    if field.type == "D":
        if not value:
            return b" " * 8
        return value.strftime("%Y%m%d").encode("ascii")
    if field.type == "L":
        if value is None:
            return b" "
        return b"T" if value else b"F"
    raise ValueError(field.type)


def record_layout(fields):
    """(the blank record, {field name: (offset, field)}) of a table: a
    record is a copy of the blank one (spaces, the deletion flag included)
    with each value laid in at its field's offset."""
    offsets = {}
    offset = 1
    for f in fields:
        offsets[f.name] = (offset, f)
        offset += f.length
    return b" " * offset, offsets


class DbfWriter:
    """Write one table to a seekable binary stream."""

    def __init__(self, stream, fields, codepage="cp1252", updated=None):
        if codepage not in LANGUAGE_DRIVERS:
            raise ValueError(f"unsupported DBF code page {codepage}")
        self.stream = stream
        self.fields = list(fields)
        self.codepage = codepage
        self.updated = updated or date.today()
        self.count = 0
        self._blank, self._offsets = record_layout(self.fields)
        self.record_length = len(self._blank)
        self.header_length = 32 + 32 * len(self.fields) + 1
        self._start = stream.tell()
        self._write_header()

    def _write_header(self):
        d = self.updated
        header = struct.pack(
            "<BBBBIHH20x",
            0x03,
            d.year - 1900,
            d.month,
            d.day,
            self.count,
            self.header_length,
            self.record_length,
        )
        # byte 29: language driver
        header = bytearray(header)
        header[29] = LANGUAGE_DRIVERS[self.codepage]
        self.stream.write(bytes(header))
        for f in self.fields:
            self.stream.write(
                struct.pack(
                    "<11sc4xBB14x",
                    f.name.encode("ascii"),
                    f.type.encode("ascii"),
                    f.length,
                    f.decimals,
                )
            )
        self.stream.write(b"\r")

    def append(self, values):
        """values: {field name: value}; missing fields are left empty."""
        record = bytearray(self._blank)
        codepage = self.codepage
        offsets = self._offsets
        for name, value in values.items():
            if value is None or value == "":
                continue
            offset, f = offsets[name]
            if f.type == "C":
                # the blank record is spaces: the text alone is laid in
                data = encode_text(
                    value if value.__class__ is str else str(value), f.length, codepage
                )
                record[offset : offset + len(data)] = data
            else:
                record[offset : offset + f.length] = encode_value(value, f, codepage)
        self.stream.write(record)
        self.count += 1

    def write_record(self, record):
        """Append a record already encoded (laid out as record_layout's)."""
        if len(record) != self.record_length:
            raise ValueError(
                f"a record of {len(record)} bytes in a table of "
                f"{self.record_length}-byte records"
            )
        self.stream.write(record)
        self.count += 1

    def close(self, updated=None):
        """End the table; its header gets the record count (and the date of
        ``updated``, when given)."""
        self.stream.write(b"\x1a")
        end = self.stream.tell()
        if updated is not None:
            self.updated = updated
        self.stream.seek(self._start)
        self._write_header()
        self.stream.seek(end)
