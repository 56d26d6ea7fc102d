# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""What every package writer does: check documents, then write their files.

``export`` takes ``{kind: records}`` and returns the files, or raises
:class:`ExportError` listing every error; ``validate`` returns every problem
(errors and warnings) without writing anything. Both make one pass over the
records, so a generator of records is read once and memory stays flat.
"""

from .common import ERROR, ExportError, Problem, check_row
from .records import ZERO, CreditNote, Invoice, Payment, checksum, made
from .sheets import new_sheet

KIND_LABELS = {
    "customer": "customers",
    "item": "items",
    "invoice": "invoices",
    "credit_note": "credit notes",
    "payment": "payments",
}


def record_label(record):
    return getattr(record, "number", None) or getattr(record, "code", "") or "?"


def check_document(kind, doc, package_label):
    """Money and sign checks every package needs."""
    problems = []
    label = record_label(doc)

    def err(message, fix=""):
        problems.append(Problem(label, message, fix, kind=kind))

    if isinstance(doc, Invoice):
        if not doc.lines:
            err("has no lines to export", "add a line or leave it out of the export")
        total = doc.untaxed + doc.tax
        if total != doc.total:
            err(
                f"its lines add up to {total} but its total is {doc.total}",
                "check the document's lines, taxes and rounding in Odoo",
            )
        if isinstance(doc, CreditNote):
            if doc.total < ZERO:
                err(
                    f"total is negative ({doc.total}); {package_label} imports "
                    "credit notes as positive amounts",
                    "export it as an invoice",
                )
            applied = sum((ko.amount for ko in doc.knock_offs), ZERO)
            if applied > doc.total:
                err(
                    f"knocks off {applied}, more than its total {doc.total}",
                    "check the credit note's reconciliation in Odoo",
                )
        elif doc.total < ZERO:
            err(
                f"total is negative ({doc.total})",
                "export it as a credit note",
            )
    if isinstance(doc, Payment):
        if doc.amount <= ZERO:
            err(
                f"amount is {doc.amount}; {package_label} imports payments as "
                "positive amounts",
                "leave refunds out of the payment export",
            )
        if any(ko.amount <= ZERO for ko in doc.knock_offs):
            err("has a knock-off that is not positive", "check its reconciliation")
        if doc.applied > doc.amount:
            err(
                f"knocks off {doc.applied}, more than its amount {doc.amount}",
                "check the payment's reconciliation in Odoo",
            )
    return problems


def check_and_add(package, writer, kind, record, options, problems):
    """Check ``record`` (its problems added to ``problems``) and hand it, as
    written, to the package's ``writer``, unless it has an error: a record
    that failed is never written (a bad value might not even encode), and an
    export with an error writes no file. True when it was added."""
    start = len(problems)
    written = package.check(kind, record, options, problems)
    if any(problem.severity == ERROR for problem in problems[start:]):
        return False
    writer.add(kind, written)
    return True


class Checker:
    """Checks and writes records in this process, one at a time, keeping
    their problems; :class:`.background.ForkedChecker` does the same in a
    child process.

    Records come as documents or as :class:`~.records.Draft` (made here).
    Given what each was last exported as (``previous``: its fingerprint, or
    None), the checker also fingerprints them and tells each one's status:
    ``new``, ``changed``, ``again`` (unchanged), or None when unchanged and
    ``skip_unchanged``: then it is neither checked nor written.
    """

    forked = False
    child_peak = 0  # Python's peak memory in a child, in bytes (none here)

    def __init__(self, package, options, skip_unchanged=False):
        self.package = package
        self.options = package.options(options)
        self.writer = package.writer(self.options)
        self.skip_unchanged = skip_unchanged
        self._problems = []
        self._fingerprints = {}

    def add(self, kind, records, previous=None):
        package, writer, options = self.package, self.writer, self.options
        problems = self._problems
        if previous is not None:
            records = self._fingerprinted(kind, records, previous)
        for record in records:
            check_and_add(package, writer, kind, made(record), options, problems)

    def _fingerprinted(self, kind, records, previous):
        """The records to write, made, each fingerprinted and its status
        kept (the unchanged ones left out when ``skip_unchanged``)."""
        fingerprints = self._fingerprints.setdefault(kind, [])
        for record, before in zip(records, previous, strict=True):
            document = made(record)
            fingerprint = checksum(document)
            if before is None:
                status = "new"
            elif before != fingerprint:
                status = "changed"
            elif self.skip_unchanged:
                status = None
            else:
                status = "again"
            fingerprints.append((fingerprint, status))
            if status is not None:
                yield document

    def problems(self):
        return list(self._problems)

    def fingerprints(self):
        """{kind: [(fingerprint, status)]} of the records added with their
        ``previous``, in the order they came."""
        return {kind: list(items) for kind, items in self._fingerprints.items()}

    def prepare(self, when):
        """Start writing the files (see :meth:`.ForkedChecker.prepare`)."""

    def files(self, when):
        return self.writer.files(when)

    def close(self):
        pass


def export_all(package, groups, when, options=None):
    """Files of ``package`` for ``{kind: records}`` in one pass (each record
    checked as it is written); raises ExportError listing every error."""
    checker = Checker(package, options)
    for kind, records in groups.items():
        if kind not in package.kinds:
            checker._problems.append(package._unsupported(kind))
            continue
        checker.add(kind, records)
    problems = checker.problems()
    if any(problem.severity == ERROR for problem in problems):
        raise ExportError(problems)
    return checker.files(when)


class Package:
    """A package's writer. Subclasses give ``layouts`` and ``rows``."""

    name = ""
    label = ""
    layouts = {}  # kind -> Layout

    @property
    def kinds(self):
        return tuple(self.layouts)

    def default_options(self):
        return {"file_format": "xlsx"}

    def options(self, options):
        return {**self.default_options(), **(options or {})}

    def column_offset(self, layout):
        """The column the layout's first field is in (0 = column A)."""
        return 0

    # -- to be given by subclasses
    def rows(self, kind, record, options):
        raise NotImplementedError

    def file_name(self, kind, when, part, options):
        raise NotImplementedError

    def write_header(self, sheet, layout):
        bold = {i for i, c in enumerate(layout.columns) if c.required}
        sheet.write_row(
            [c.name for c in layout.columns],
            ["text"] * len(layout.columns),
            self.column_offset(layout),
            bold,
        )

    # -- shared
    def _unsupported(self, kind):
        return Problem(
            KIND_LABELS.get(kind, kind),
            f"{self.label} has no import file for {KIND_LABELS.get(kind, kind)}",
            "untick that document kind for this connector",
            kind=kind,
        )

    def _check(self, kind, record, options, problems):
        """The record's rows as written, with its problems added."""
        layout = self.layouts[kind]
        label = record_label(record)
        problems.extend(check_document(kind, record, self.label))
        written = []
        previous = None
        for row in self.rows(kind, record, options):
            out = check_row(
                layout, row, label, kind, self.label, problems, not written, previous
            )
            written.append(out)
            previous = (row, out)
        return written

    def validate(self, groups, options=None):
        options = self.options(options)
        problems = []
        for kind, records in groups.items():
            if kind not in self.layouts:
                problems.append(self._unsupported(kind))
                continue
            for record in records:
                self._check(kind, record, options, problems)
        return problems

    def check(self, kind, record, options, problems):
        """The record as written (its checked rows), its problems added to
        ``problems``; ``options`` as :meth:`options` completes them. What it
        returns is what the package's :meth:`writer` takes: check once (an
        export's preview), write later."""
        return self._check(kind, record, options, problems)

    def export(self, groups, when, options=None):
        """Files for ``{kind: records}``; raises ExportError on any error."""
        return export_all(self, groups, when, options)

    def writer(self, options=None):
        """A writer of the package's files, fed record by record (as check()
        returned them) and asked for its files at the end: an export checks
        and writes each record once, then names and dates its files."""
        return SheetFiles(self, self.options(options))

    def max_rows(self, sheet):
        # 65,000 rows in an .xls sheet (65,536 at most), a million in .xlsx
        return sheet.max_rows - 536


class SheetFiles:
    """The sheets of a package's export, one file per kind (and part), rows
    streamed to temporary files as the records come."""

    def __init__(self, package, options):
        self.package = package
        self.options = options
        self.kinds = {}  # kind -> [sheet, its row writer, records, done parts]

    def add(self, kind, rows):
        package = self.package
        state = self.kinds.get(kind)
        if state is None:
            state = self.kinds[kind] = [None, None, 0, []]
        sheet = state[0]
        if sheet is not None and sheet.row + len(rows) > package.max_rows(sheet):
            state[3].append((sheet, state[2]))
            sheet = None
        if sheet is None:
            layout = package.layouts[kind]
            # dated when the files are made (files())
            sheet = new_sheet(self.options["file_format"], layout.sheet, None)
            package.write_header(sheet, layout)
            state[:3] = [
                sheet,
                sheet.writer(
                    [c.kind for c in layout.columns], package.column_offset(layout)
                ),
                0,
            ]
        write_row = state[1]
        for row in rows:
            write_row(row)
        state[2] += 1

    def files(self, when):
        from .common import ExportFile

        files = []
        for kind, (sheet, _writer, count, parts) in self.kinds.items():
            parts = parts + [(sheet, count)]
            for number, (part, records) in enumerate(parts, 1):
                part.created = when
                files.append(
                    ExportFile(
                        # a file of several parts is named part 1, 2, ...
                        self.package.file_name(
                            kind, when, number if len(parts) > 1 else 0, self.options
                        ),
                        part.close(),
                        part.mimetype,
                        kind,
                        records,
                    )
                )
        return files
