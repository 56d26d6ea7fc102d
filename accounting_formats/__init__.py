# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Import files for Malaysian accounting packages, from plain document records.

Pure Python: nothing here imports Odoo. The Odoo side turns its records into
the dataclasses of :mod:`.records`; a package module turns those into files.

    from accounting_formats import get_package
    package = get_package("sql_account")
    problems = package.validate({"invoice": invoices})
    files = package.export({"invoice": invoices}, datetime.now())

``export`` checks and writes in one pass. To check first and write later
(an export's preview, then its files), use ``background.new_checker``: ``add``
records, read its ``problems()``, then take its ``files(when)`` (in a child
process when asked to fork).
"""

from .common import ExportError, ExportFile, Problem
from .records import (
    Customer,
    CreditNote,
    Invoice,
    Item,
    KnockOff,
    Line,
    Payment,
)
from .registry import KINDS, PACKAGES, get_package
