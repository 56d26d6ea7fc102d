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


_MISSING = object()
# compared with a Decimal, an int goes through the numbers ABCs: a Decimal
# does not (check_row compares every amount of an export)
_NOUGHT = Decimal(0)
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


def _clean_text(value, column):
    """Text as a cell holds it: one line (or lines for a memo), no control
    characters, no surrounding spaces, ASCII where the column wants it."""
    if value.isprintable():
        value = value.strip()
    elif _SPECIAL.search(value):
        value = multi_line(value) if column.kind == "memo" else one_line(value)
    else:
        value = value.strip()
    if column.ascii_only:
        value = ascii_fold(value)
    return value


def _start_row(layout, row, first, previous):
    """(cells, the sections filled or None, the row before's values' getter
    or None) to start checking ``row`` from."""
    before, written = previous or ({}, None)
    if written is not None and not layout.sections:
        # one section (every package but AutoCount's master/detail rows):
        # start from the row before and check only what differs from it
        out = written.copy()
        if row.keys() != before.keys():
            checks = layout.checks_by_key
            for key in before.keys() - row.keys():
                if key in checks:
                    out[checks[key][0]] = None
        return out, None, before.get
    return [None] * len(layout.columns), ({0} if first else set()), None


def _required_problems(layout, out, active, record, kind, package_label):
    problems = []
    for index, column, section in layout.required_columns:
        if out[index] is not None:
            continue
        if active is None:  # one section: filled when the row holds anything
            active = {0} if any(value is not None for value in out) else set()
        if section in active:
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
    return problems


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
    checks = layout.checks_by_key
    out, active, same = _start_row(layout, row, first, previous)
    before, written = previous or ({}, None)
    for key, value in row.items():
        if same is not None and same(key, _MISSING) is value:
            continue  # the very value of the row before: as written then
        check = checks.get(key)
        if check is None:
            continue  # not a column of the layout
        index, column, section, limit = check
        if same is None and written is not None and before.get(key) is value:
            value = written[index]
        elif value.__class__ is str:
            value = _clean_text(value, column) if value else None
            if value and len(value) > limit:
                value = _too_long(
                    column, value, limit, record, kind, package_label, problems
                )
        elif value.__class__ is Decimal and value < _NOUGHT and not column.signed:
            problems.append(
                Problem(
                    record,
                    f"{column.label or column.name} is negative ({value}); "
                    f"{package_label} does not import negative amounts",
                    "export it as a positive amount on the opposite document",
                    kind=kind,
                )
            )
        if value is None or value == "":
            out[index] = None
            continue
        out[index] = value
        if active is not None:
            active.add(section)
    problems.extend(
        _required_problems(layout, out, active, record, kind, package_label)
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
