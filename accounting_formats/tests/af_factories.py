# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Sample documents for the accounting_formats tests."""

from datetime import date, datetime
from decimal import Decimal as D

from accounting_formats.records import (
    Address,
    CreditNote,
    Customer,
    Invoice,
    Item,
    KnockOff,
    Line,
    Payment,
)

WHEN = datetime(2026, 3, 14, 9, 30, 5)


def customer(code="300-A0001", **kw):
    values = dict(
        code=code,
        name="Kedai Runcit Ah Seng Sdn Bhd",
        address=Address(
            ("No. 12, Jalan Petaling", "Taman Maju"),
            "50000",
            "Kuala Lumpur",
            "Wilayah Persekutuan",
            "MY",
        ),
        delivery_address=Address(
            ("Lot 5, Jalan Kilang",), "43000", "Kajang", "Selangor", "MY"
        ),
        phone="03-2072 1234",
        email="ahseng@example.com",
        attention="Mr. Tan",
        registration_no="201901000123",
        tax_id="C12345678901",
        sst_no="W10-1808-32000001",
        area="KL",
        agent="AHMAD",
        terms="30 Days",
        reference="C00042",
    )
    values.update(kw)
    return Customer(**values)


def line(amount="100.00", tax="0.00", **kw):
    values = dict(
        account="500-000",
        description="Beras Wangi 10kg",
        quantity=D("2"),
        unit_price=D(amount) / 2,
        amount=D(amount),
        tax_amount=D(tax),
        tax_code="ST10" if D(tax) else "",
        item_code="RICE-10",
        uom="BAG",
    )
    values.update(kw)
    return Line(**values)


def invoice(number="INV/2026/00001", lines=None, **kw):
    lines = tuple(
        lines
        or (
            line("77.80", "7.78"),
            line(
                "59.00",
                "0.00",
                description="Minyak Masak 5kg",
                item_code="OIL-05",
                quantity=D("2"),
                unit_price=D("29.50"),
            ),
        )
    )
    values = dict(
        number=number,
        date=date(2026, 3, 2),
        due_date=date(2026, 4, 1),
        customer=customer(),
        lines=lines,
        total=sum((ln.amount + ln.tax_amount for ln in lines), D("0.00")),
        description="Sales",
        reference="PO-7788",
        origin="S00012",
        agent="AHMAD",
        terms="30 Days",
    )
    values.update(kw)
    return Invoice(**values)


def credit_note(number="RINV/2026/00001", **kw):
    lines = (line("38.90", "3.89", quantity=D("1"), unit_price=D("38.90")),)
    values = dict(
        number=number,
        date=date(2026, 3, 9),
        customer=customer(),
        lines=lines,
        total=D("42.79"),
        description="Damaged bag returned",
        reason="Damaged bag returned",
        origin_number="INV/2026/00001",
        origin_date=date(2026, 3, 2),
        knock_offs=(KnockOff("INV/2026/00001", D("42.79"), date(2026, 3, 2)),),
    )
    values.update(kw)
    return CreditNote(**values)


def payment(number="PBNK1/2026/00001", **kw):
    values = dict(
        number=number,
        date=date(2026, 3, 10),
        customer=customer(),
        amount=D("200.00"),
        method="320-000",
        knock_offs=(
            KnockOff("INV/2026/00001", D("101.79"), date(2026, 3, 2)),
            KnockOff("INV/2026/00002", D("50.00"), date(2026, 3, 3)),
        ),
        description="Collection OR-0001",
        cheque_number="PBB 004512",
    )
    values.update(kw)
    return Payment(**values)


def item(code="RICE-10", **kw):
    values = dict(
        code=code,
        description="Beras Wangi 10kg",
        description2="香米 10公斤",
        uom="BAG",
        price=D("38.90"),
        cost=D("31.12"),
        barcode="9555000000012",
        group="GROCERY",
    )
    values.update(kw)
    return Item(**values)
