# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The packages by name. A new package is one module plus one line here."""

from .autocount import AutoCount
from .emas import Emas
from .sql_account import SqlAccount

KINDS = ("customer", "item", "invoice", "credit_note", "payment")

PACKAGES = {
    "autocount": AutoCount(),
    "sql_account": SqlAccount(),
    "emas": Emas(),
}


def get_package(name):
    try:
        return PACKAGES[name]
    except KeyError:
        raise ValueError(f"no file format for the package {name!r}") from None
