# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Plain document records: what every package's writer reads.

Codes (customer, item, account, tax, unit, terms, agent, area, payment method)
are already the package's codes: the caller resolves its own records to them.
Money is :class:`~decimal.Decimal` in the document's currency, two decimals;
credit notes and payments are positive (the packages refuse negative amounts).
"""

import datetime
import hashlib
from dataclasses import dataclass, field, fields, replace
from decimal import Decimal

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Address:
    lines: tuple[str, ...] = ()
    postcode: str = ""
    city: str = ""
    state: str = ""
    country_code: str = ""


@dataclass(frozen=True)
class Customer:
    code: str
    name: str
    name2: str = ""
    address: Address = field(default_factory=Address)
    delivery_address: Address | None = None
    phone: str = ""
    mobile: str = ""
    fax: str = ""
    email: str = ""
    attention: str = ""
    registration_no: str = ""  # BRN
    tax_id: str = ""  # TIN (e-Invoice)
    sst_no: str = ""
    area: str = ""
    agent: str = ""
    terms: str = ""
    currency_code: str = ""  # empty = the company's own currency
    credit_limit: Decimal = ZERO
    control_account: str = ""
    reference: str = ""  # the caller's own reference, e.g. Odoo's partner ref
    active: bool = True


@dataclass(frozen=True)
class Item:
    code: str
    description: str
    description2: str = ""
    uom: str = ""
    price: Decimal = ZERO
    cost: Decimal = ZERO
    barcode: str = ""
    group: str = ""
    stock_control: bool = True
    active: bool = True


@dataclass(frozen=True)
class Line:
    account: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    amount: Decimal  # excluding tax, after discount
    tax_amount: Decimal = ZERO
    tax_code: str = ""
    item_code: str = ""
    uom: str = ""
    discount: Decimal = ZERO  # percent
    description2: str = ""
    tax_adjustment: Decimal = ZERO  # part of tax_amount that rounding added

    @property
    def total(self):
        return self.amount + self.tax_amount


@dataclass(frozen=True)
class KnockOff:
    number: str  # the settled document's number
    amount: Decimal
    date: datetime.date | None = None
    doc_type: str = "invoice"  # invoice | debit_note


@dataclass(frozen=True)
class Invoice:
    number: str
    date: datetime.date
    customer: Customer
    lines: tuple[Line, ...]
    total: Decimal  # including tax
    due_date: datetime.date | None = None
    description: str = ""
    reference: str = ""  # the customer's reference (PO number)
    origin: str = ""  # e.g. the sales order number
    agent: str = ""
    terms: str = ""
    currency_code: str = ""  # empty = the company's own currency
    currency_rate: Decimal = Decimal("1")  # to the company's currency
    note: str = ""

    @property
    def untaxed(self):
        return sum((line.amount for line in self.lines), ZERO)

    @property
    def tax(self):
        return sum((line.tax_amount for line in self.lines), ZERO)


@dataclass(frozen=True)
class CreditNote(Invoice):
    origin_number: str = ""  # the credited invoice
    origin_date: datetime.date | None = None
    reason: str = ""
    knock_offs: tuple[KnockOff, ...] = ()


@dataclass(frozen=True)
class Payment:
    number: str
    date: datetime.date
    customer: Customer
    amount: Decimal
    method: str  # the package's payment method (AutoCount) or GL account (SQL)
    knock_offs: tuple[KnockOff, ...] = ()
    description: str = ""
    cheque_number: str = ""
    bank_charge: Decimal = ZERO
    currency_code: str = ""
    currency_rate: Decimal = Decimal("1")
    reference: str = ""

    @property
    def applied(self):
        return sum((ko.amount for ko in self.knock_offs), ZERO)

    @property
    def unapplied(self):
        return self.amount - self.applied


def lines_from_text(rows, tax=None):
    """Lines from rows of text: (account, description, quantity, unit price,
    amount, tax amount, tax code, item code, unit, discount), each number the
    text of its Decimal (as a database formats it; an empty discount is
    none). When the document's ``tax`` total is given, the last taxed line
    carries the cent its lines' own rounding may leave (tax rounded on the
    total), in ``tax_amount`` and ``tax_adjustment``."""
    lines = [
        Line(
            account,
            description,
            Decimal(quantity),
            Decimal(unit_price),
            Decimal(amount),
            Decimal(tax_amount),
            tax_code,
            item_code,
            uom,
            Decimal(discount) if discount else ZERO,
        )
        for (
            account,
            description,
            quantity,
            unit_price,
            amount,
            tax_amount,
            tax_code,
            item_code,
            uom,
            discount,
        ) in rows
    ]
    residual = ZERO
    if tax is not None:
        residual = tax - sum((line.tax_amount for line in lines), ZERO)
    if residual:
        for index in range(len(lines) - 1, -1, -1):
            line = lines[index]
            if line.tax_code:
                lines[index] = replace(
                    line,
                    tax_amount=line.tax_amount + residual,
                    tax_adjustment=line.tax_adjustment + residual,
                )
                break
    return tuple(lines)


class Draft:
    """An invoice or credit note still to be made: ``cls`` (Invoice or
    CreditNote), its fields but its lines (``values``), its lines as rows of
    text (see :func:`lines_from_text`) and its ``tax`` total.

    What an export builds and sends to the process that checks and writes
    the documents: 10,000 invoices hold 50,000 lines and 300,000 Decimals,
    which cost more to make, to send and to receive than their text. They are
    made there, once (:meth:`make`); the document is the very one the same
    values would have made here.
    """

    __slots__ = ("cls", "values", "lines", "tax")

    def __init__(self, cls, values, lines, tax=None):
        self.cls = cls
        self.values = values
        self.lines = lines
        self.tax = tax

    def __reduce__(self):
        return (Draft, (self.cls, self.values, self.lines, self.tax))

    # what a record's label and an export's batch line show
    @property
    def number(self):
        return self.values["number"]

    @property
    def customer(self):
        return self.values["customer"]

    @property
    def total(self):
        return self.values["total"]

    def make(self):
        return self.cls(**self.values, lines=lines_from_text(self.lines, self.tax))


def made(record):
    """The document itself: a :class:`Draft` made, anything else as it is."""
    return record.make() if record.__class__ is Draft else record


def checksum(record):
    """A stable fingerprint of a record: what was exported, to spot changes.

    A document's fingerprint holds its customer's code, not the customer's
    details: renaming a customer changes the customer, not its invoices.
    The text hashed is the record's repr: fields in their declared order,
    Decimals with their exact digits, dates as dates.
    """
    cls = type(record)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(cls) if f.repr)
    # the repr dataclasses write, with the customer's code for the customer
    # (as repr(replace(record, customer=code)), without making the copy)
    parts = []
    for name in names:
        value = getattr(record, name)
        if name == "customer" and value is not None:
            value = value.code
        elif value.__class__ is tuple and value:
            # a document's lines or knock-offs: the tuple's repr, each
            # record's written by its dataclass's own repr without the guard
            # against cycles that wraps it (records hold none), which costs
            # more than the repr itself
            raw = _RAW_REPR.get(value[0].__class__)
            if raw is not None:
                text = ", ".join([raw(item) for item in value])
                parts.append(
                    f"{name}=({text},)" if len(value) == 1 else f"{name}=({text})"
                )
                continue
        parts.append(f"{name}={value!r}")
    text = f"{cls.__name__}:{cls.__qualname__}({', '.join(parts)})"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_FIELD_NAMES = {}  # class -> names of the fields its repr shows
_RAW_REPR = {
    cls: getattr(cls.__repr__, "__wrapped__", cls.__repr__) for cls in (Line, KnockOff)
}
