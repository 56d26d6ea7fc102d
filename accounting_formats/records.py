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
from dataclasses import dataclass, field, fields
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
        parts.append(f"{name}={value!r}")
    text = f"{cls.__name__}:{cls.__qualname__}({', '.join(parts)})"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_FIELD_NAMES = {}  # class -> names of the fields its repr shows
