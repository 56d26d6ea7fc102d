# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What the package modules share: problems, files, text and cell checks."""

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

ERROR = "error"
WARNING = "warning"

# Excel's limit for one cell's text.
CELL_MAX = 32767
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_BREAKS = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


@dataclass(frozen=True)
class Problem:
    """Something that stops (error) or changes (warning) an export."""

    record: str  # what the user knows the record by: a document number, a code
    message: str
    fix: str = ""
    severity: str = ERROR
    kind: str = ""  # document kind: customer, item, invoice, credit_note, payment
    rule: str = ""  # required, length, sign, money, codepage, unsupported, mapping

    def __str__(self):
        text = f"{self.record}: {self.message}"
        return f"{text} → {self.fix}" if self.fix else text


@dataclass(frozen=True)
class ExportFile:
    name: str
    data: bytes
    mimetype: str
    kind: str
    records: int  # documents (or master records) in the file


class ExportError(ValueError):
    """Raised by ``write`` when the records have errors; carries them all."""

    def __init__(self, problems):
        self.problems = [p for p in problems if p.severity == ERROR]
        super().__init__("\n".join(str(p) for p in self.problems))


def one_line(text):
    """Text for a one-line cell: breaks become spaces, no control characters."""
    if not text:
        return ""
    text = _BREAKS.sub(" ", str(text)).replace("\t", " ")
    return _CONTROL.sub("", text).strip()


def multi_line(text):
    """Text for a multi-line cell: breaks kept as '\\n', no control characters."""
    if not text:
        return ""
    text = _BREAKS.sub("\n", str(text)).replace("\t", " ")
    return _CONTROL.sub("", text).strip()


def ascii_fold(text):
    """Latin letters without their accents (for fields that must be ASCII)."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def money(value):
    return Decimal(value).quantize(Decimal("0.01"))


def cell_value(value):
    """A Python value as a spreadsheet cell takes it (Decimal → float)."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return "T" if value else "F"
    return value


def is_blank(value):
    return value is None or value == ""


_SPECIAL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ufffe\uffff]")


def _too_long(column, value, limit, record, kind, package_label, problems):
    """The value as written when it is longer than its column takes: a code
    is an error (a package would refuse or mis-file it), free text is cut
    with a warning."""
    if column.kind == "code":
        problems.append(
            Problem(
                record,
                f"{column.label or column.name} “{value}” is "
                f"{len(value)} characters; {package_label} allows "
                f"{limit} in {column.name}",
                column.fix or "shorten it in the connector's mappings",
                kind=kind,
                rule="length",
            )
        )
        return value
    problems.append(
        Problem(
            record,
            f"{column.label or column.name} is cut to {limit} "
            f"characters ({column.name})",
            severity=WARNING,
            kind=kind,
        )
    )
    return value[:limit].rstrip()


def check_row(
    layout, row, record, kind, package_label, problems, first=True, previous=None
):
    """Check one row's values against the layout; return the row as written.

    Codes that are too long are errors (a package would refuse or mis-file
    them); free text that is too long is cut, with a warning; a required cell
    left empty is an error in a section the row fills (AutoCount's
    continuation rows leave the master section empty), and the first row
    always fills the first section. ``previous`` is ``(row, written)`` of
    the document's row before: a value that is the very same object there (a
    document's own columns, repeated on each of its lines) is taken as
    written then, checked and reported once. Written for speed: it runs for
    every cell of every export.
    """
    out = [None] * len(layout.columns)
    active = {0} if first else set()
    before, written = previous or ({}, None)
    checks = layout.checks_by_key
    for key, value in row.items():
        if value is None or value.__class__ is str and not value:
            continue
        check = checks.get(key)
        if check is None:
            continue  # not a column of the layout
        index, column, section, limit = check
        if written is not None and before.get(key) is value:
            value = written[index]
            if value is not None:
                out[index] = value
                active.add(section)
            continue
        if value.__class__ is str:
            if value.isprintable():
                value = value.strip()
            elif _SPECIAL.search(value):
                value = multi_line(value) if column.kind == "memo" else one_line(value)
            else:
                value = value.strip()
            if column.ascii_only:
                value = ascii_fold(value)
            if not value:
                continue
            if len(value) > limit:
                value = _too_long(
                    column, value, limit, record, kind, package_label, problems
                )
        elif value.__class__ is Decimal and value < 0 and not column.signed:
            problems.append(
                Problem(
                    record,
                    f"{column.label or column.name} is negative ({value}); "
                    f"{package_label} does not import negative amounts",
                    "export it as a positive amount on the opposite document",
                    kind=kind,
                )
            )
        out[index] = value
        active.add(section)
    for index, column, section in layout.required_columns:
        if out[index] is None and section in active:
            problems.append(
                Problem(
                    record,
                    f"{column.label or column.name} is empty; "
                    f"{package_label} requires {column.name}",
                    column.fix or "fill it in (or map it in the connector)",
                    kind=kind,
                    rule="required",
                )
            )
    return out


def as_date(value):
    if isinstance(value, datetime):
        return value.date()
    return value


__all__ = [
    "ERROR",
    "WARNING",
    "Problem",
    "ExportFile",
    "ExportError",
    "one_line",
    "multi_line",
    "money",
    "cell_value",
    "check_row",
    "date",
]
