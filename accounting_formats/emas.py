# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""EMAS: the DBF staging pair that EMAS Inventory Control imports.

``icmaste.dbf`` holds one row per document, ``ictrane.dbf`` one row per line.
Invoices and credit notes of one export share the pair (EMAS reads one pair
and the files are recreated by every export). What goes in which DBF field is
a map (:data:`layouts.EMAS_HEADER_MAP`, :data:`layouts.EMAS_LINE_MAP`) that a
connector can override through the ``header_map`` / ``line_map`` options.
"""

import hashlib
import io
import tempfile
import zipfile
from decimal import Decimal

from . import layouts
from .common import (
    ERROR,
    WARNING,
    ExportFile,
    Problem,
    multi_line,
    one_line,
)
from .dbf import DbfWriter, encode_text, encode_value, parse_schema, record_layout
from .package import check_document, export_all, record_label
from .records import CreditNote

RULES = layouts.EMAS_RULES
HEADER_FIELDS = parse_schema(layouts.ICMASTE_SCHEMA)
LINE_FIELDS = parse_schema(layouts.ICTRANE_SCHEMA)
DBF_MIME = "application/x-dbf"

# logical keys that hold codes: too long is an error, not a cut
CODE_KEYS = {
    "type",
    "ref",
    "customer_code",
    "customer_code2",
    "agent",
    "terms",
    "area",
    "account",
    "post_account",
    "tax_code",
    "currency_code",
    "invoice_number",
    "item_code",
    "uom",
}
# the line values the header's checks already cover (the same values)
LINE_CHECKED_ON_HEADER = frozenset(("type", "entry", "ref", "date", "user"))
CACHED = 500  # encoded values remembered, per field (see _Table.record)
LABELS = {
    "ref": "document number",
    "customer_code": "customer code",
    "item_code": "item code",
    "account": "sales account code",
    "tax_code": "tax code",
    "uom": "unit code",
    "agent": "agent code",
    "terms": "terms code",
    "area": "area code",
    "invoice_number": "credited invoice number",
}


class Emas:
    name = "emas"
    label = "EMAS"
    kinds = ("invoice", "credit_note")

    def default_options(self):
        return {
            "codepage": "cp1252",
            "header_map": {},
            "line_map": {},
            "user": "admin",
            "header_account": "",
            "home_currency": "MYR",
            # one .zip holding the pair (DBF files are mostly padding: a zip
            # is some fifty times smaller), or the two .dbf files
            "archive": False,
        }

    def options(self, options):
        opts = {**self.default_options(), **(options or {})}
        opts["header_map"] = {**layouts.EMAS_HEADER_MAP, **opts["header_map"]}
        opts["line_map"] = {**layouts.EMAS_LINE_MAP, **opts["line_map"]}
        return opts

    # ------------------------------------------------------------- values
    def _values(self, doc, options):
        types = RULES["document type codes"]["value"]
        kind = "credit_note" if isinstance(doc, CreditNote) else "invoice"
        cust = doc.customer
        lines = list(cust.address.lines) + [""] * 4
        delivery = cust.delivery_address
        dlines = list(delivery.lines if delivery else ()) + [""] * 4
        first_tax = next((ln.tax_code for ln in doc.lines if ln.tax_code), "")
        header = {
            "type": types[kind],
            "entry": doc.number[:10],
            "ref": doc.number,
            "date": doc.date,
            "customer_code": cust.code,
            "customer_code2": cust.code,
            "customer_name": cust.name,
            "customer_name2": cust.name2,
            "address1": lines[0],
            "address2": lines[1],
            "address3": lines[2],
            "address4": lines[3],
            "delivery1": dlines[0],
            "delivery2": dlines[1],
            "delivery3": dlines[2],
            "delivery4": dlines[3],
            "agent": doc.agent,
            "terms": doc.terms,
            "area": cust.area,
            "account": options["header_account"]
            or (doc.lines[0].account if doc.lines else ""),
            "post_account": options["header_account"]
            or (doc.lines[0].account if doc.lines else ""),
            "total": doc.total,
            "tax_amount": doc.tax,
            "tax_code": first_tax or "SST0",
            "currency_code": doc.currency_code or options["home_currency"],
            "currency_rate": doc.currency_rate,
            "due_date": doc.due_date,
            "invoice_date": doc.date,
            "po_number": doc.reference,
            "so_number": doc.origin,
            "remark1": doc.description,
            "user": options["user"],
            "country": cust.address.country_code,
            "lines": len(doc.lines),
        }
        if kind == "credit_note":
            header.update(
                invoice_number=doc.origin_number,
                invoice_number_date=doc.origin_date,
                reason=doc.reason,
            )
        rows = []
        for no, line in enumerate(doc.lines, 1):
            entry2 = hashlib.sha1(f"{doc.number}/{no}".encode()).hexdigest()[:10]
            rows.append(
                {
                    "type": types[kind],
                    "entry": doc.number[:10],
                    "ref": doc.number,
                    "date": doc.date,
                    "item_code": line.item_code,
                    "description": line.description,
                    "description2": line.description2,
                    "quantity": line.quantity,
                    "uom": line.uom,
                    "unit_price": line.unit_price,
                    "amount": line.amount,
                    "account": line.account,
                    "tax_code": line.tax_code or "SST0",
                    "tax_amount": line.tax_amount,
                    "discount": f"{Decimal(line.discount).normalize():f}%"
                    if line.discount
                    else "",
                    "line_no": no,
                    "user": options["user"],
                    "entry2": entry2,
                }
            )
        return kind, header, rows

    def _check(self, doc, options, problems):
        """(the header record, [the line records]) as encoded bytes."""
        label = record_label(doc)
        kind, header, rows = self._values(doc, options)
        problems.extend(check_document(kind, doc, self.label))
        for key in ("ref", "customer_code"):
            if not header[key]:
                problems.append(Problem(label, f"{LABELS[key]} is empty", kind=kind))
        for row in rows:
            if not row["account"]:
                problems.append(
                    Problem(label, "a line has no sales account code", kind=kind)
                )
        heads, lines = _tables(options)
        return heads.record(header, label, kind, problems), [
            lines.record(row, label, kind, problems) for row in rows
        ]

    # ----------------------------------------------------------------- API
    def _unsupported(self, kind):
        return Problem(
            kind,
            f"EMAS has no known import file for {kind.replace('_', ' ')}s",
            "untick that document kind for this connector",
            kind=kind,
        )

    def validate(self, groups, options=None):
        options = self.options(options)
        problems = []
        for kind, records in groups.items():
            if kind not in self.kinds:
                problems.append(self._unsupported(kind))
                continue
            for doc in records:
                self._check(doc, options, problems)
        return problems

    def check(self, kind, doc, options, problems):
        """The document as written (its header and line records), its
        problems added to ``problems``: what :meth:`writer` takes."""
        return self._check(doc, options, problems)

    def export(self, groups, when, options=None):
        """The tables for ``{kind: documents}``; raises ExportError on any
        error."""
        return export_all(self, groups, when, options)

    def writer(self, options=None):
        """A writer of the two tables, fed document by document (as check()
        returned them) and asked for its files at the end."""
        return EmasFiles(self.options(options))


class _Table:
    """A staging table's field map, compiled once an export: each logical
    value's DBF field and where it lies in a record. ``record`` checks the
    values (length, code page, decimals) and lays them out as the table's
    record bytes, in one pass; the keys in ``checked`` are written without
    checks (the line table's: checked on the header already)."""

    def __init__(self, mapping, fields, codepage, checked=()):
        by_name = {f.name: f for f in fields}
        self.blank, offsets = record_layout(fields)
        self.codepage = codepage
        # key -> (offset, end, cache of the field's bytes by value, is text,
        # field name, field, checked)
        self.slots = {}
        self.unknown = {}  # key -> a field name the table does not have
        for key, name in mapping.items():
            if not name:
                continue
            field = by_name.get(name)
            if field is None:
                self.unknown[key] = name
                continue
            offset = offsets[name][0]
            self.slots[key] = (
                offset,
                offset + field.length,
                {},
                field.type == "C",
                name,
                field,
                key in checked,
            )

    def record(self, values, label, kind, problems):
        """The record of ``values`` ({logical key: value}) as bytes, its
        problems added to ``problems``. A value is laid over its whole
        field, so of two keys sent to one field the last wins. A value is
        checked and encoded once a field: met again, its bytes are reused
        (unless it had a problem, reported again for each record)."""
        record = bytearray(self.blank)
        slots = self.slots
        for key, value in values.items():
            slot = slots.get(key)
            if slot is None:
                if key in self.unknown:
                    problems.append(
                        Problem(
                            label,
                            f"the EMAS field map sends {key} to "
                            f"{self.unknown[key]}, which the staging table does "
                            "not have",
                            "correct the connector's EMAS field map",
                            kind=kind,
                        )
                    )
                continue
            offset, end, cache, text, name, field, checked = slot
            # text is remembered by its text only (a number in a text field
            # would be written as its own str: 1 and 1.00 differ there)
            cached = not text or value.__class__ is str
            data = cache.get(value) if cached else None
            if data is None:
                if text:
                    data = self._text(
                        key, value, name, field, label, kind, problems, checked
                    )
                else:
                    data = self._encode(
                        key, value, name, field, label, kind, problems, checked
                    )
                if data.__class__ is tuple:
                    data = data[0]  # a value with a problem: not remembered
                elif cached:
                    if len(cache) >= CACHED:
                        cache.clear()
                    cache[value] = data
            record[offset:end] = data
        return bytes(record)

    def _text(self, key, value, name, field, label, kind, problems, checked):
        """A text value as its field's bytes (cleaned first); ``(data,)``
        when it had a problem."""
        codepage, length = self.codepage, field.length
        if checked:
            return encode_value(value, field, codepage)
        if not value:
            value = ""
        elif value.__class__ is str and value.isprintable():
            value = value.strip()  # what the two below leave of it
        else:
            value = one_line(multi_line(str(value)))
        problem = False
        if value.isascii():
            encoded = value  # every code page here holds ASCII as is
        else:
            encoded = value.encode(codepage, errors="replace")
            if value and encoded.decode(codepage) != value:
                problem = True
                problems.append(
                    Problem(
                        label,
                        f"{name} “{value}” has characters code page "
                        f"{codepage} cannot hold; they are written as ?",
                        "set the connector's EMAS code page to the one "
                        "your EMAS uses (e.g. cp936 for Chinese)",
                        WARNING,
                        kind,
                    )
                )
        if len(encoded) > length:
            problem = True
            if key in CODE_KEYS:
                problems.append(
                    Problem(
                        label,
                        f"{LABELS.get(key, key)} “{value}” is "
                        f"{len(encoded)} characters; EMAS holds "
                        f"{length} in {name}",
                        "shorten it (connector mappings, or the "
                        "journal's sequence for document numbers)",
                        kind=kind,
                    )
                )
            else:
                problems.append(
                    Problem(
                        label,
                        f"{name} is cut to {length} characters",
                        severity=WARNING,
                        kind=kind,
                    )
                )
        data = encode_text(value, length, codepage).ljust(length, b" ")
        return (data,) if problem else data

    def _encode(self, key, value, name, field, label, kind, problems, checked):
        """A number, date or flag as encoded; ``(data,)`` when it had a
        problem (reported again wherever the value comes again)."""
        problem = False
        if (
            field.type == "N"
            and not checked
            and value is not None
            and value != ""
            and value.__class__ is not int
        ):
            number = Decimal(value)
            if number != number.quantize(Decimal(1).scaleb(-field.decimals)):
                quantity = key == "quantity"
                problems.append(
                    Problem(
                        label,
                        f"{name} {value} has more than {field.decimals} "
                        "decimals, which EMAS's field cannot hold"
                        + ("" if quantity else "; it is rounded"),
                        "round the quantity in Odoo" if quantity else "",
                        ERROR if quantity else WARNING,
                        kind,
                    )
                )
                problem = True
        if value is None or value == "":
            data = b" " * field.length
        else:
            data = encode_value(value, field, self.codepage)
        return (data,) if problem else data


def _tables(options):
    """The (header, line) tables of the options' field maps, compiled once
    an export (kept in the options, which an export makes once)."""
    tables = options.get("_tables")
    if tables is None:
        codepage = options["codepage"]
        tables = options["_tables"] = (
            _Table(options["header_map"], HEADER_FIELDS, codepage),
            _Table(options["line_map"], LINE_FIELDS, codepage, LINE_CHECKED_ON_HEADER),
        )
    return tables


class EmasFiles:
    """The staging pair of an export, written as the documents come."""

    def __init__(self, options):
        self.options = options
        # the tables go to temporary files, not memory: 10,000 invoices make
        # some 90 MB of fixed-width records
        self.head_buf = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        self.line_buf = tempfile.SpooledTemporaryFile(max_size=1 << 20)
        self.heads = DbfWriter(self.head_buf, HEADER_FIELDS, options["codepage"])
        self.lines = DbfWriter(self.line_buf, LINE_FIELDS, options["codepage"])
        self.kinds = []
        self.count = 0

    def add(self, kind, written):
        header, rows = written
        self.heads.write_record(header)
        for row in rows:
            self.lines.write_record(row)
        if kind not in self.kinds:
            self.kinds.append(kind)
        self.count += 1

    def files(self, when):
        options, count = self.options, self.count
        head_buf, line_buf = self.head_buf, self.line_buf
        if not count:
            return []
        self.heads.close(when)
        self.lines.close(when)
        kind = "+".join(self.kinds)
        if options["archive"]:
            data = io.BytesIO()
            with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, table in (
                    ("icmaste.dbf", head_buf),
                    ("ictrane.dbf", line_buf),
                ):
                    info = zipfile.ZipInfo(name, when.timetuple()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info._compresslevel = 1  # the fastest; see xlsx.py
                    table.seek(0)
                    with archive.open(info, "w") as out:
                        while chunk := table.read(1 << 20):
                            out.write(chunk)
            name = f"EMAS-{when:%Y%m%d-%H%M%S}.zip"
            return [ExportFile(name, data.getvalue(), "application/zip", kind, count)]
        files = []
        for name, table in (("icmaste.dbf", head_buf), ("ictrane.dbf", line_buf)):
            table.seek(0)
            files.append(ExportFile(name, table.read(), DBF_MIME, kind, count))
        return files
