# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo records → accounting_formats' plain document records.

The builder resolves every code through the connector's mappings and reports
every missing one, grouped by the Odoo record to map (a tax without a code is
one problem listing the invoices that use it, not one problem per line).
"""

import dataclasses
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from odoo import api, models
from odoo.tools import html2plaintext

from ..accounting_formats import records as af
from ..accounting_formats.common import ERROR, Problem

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
KIND_ORDER = ("customer", "item", "invoice", "credit_note", "payment")


def dec(value, places=2):
    return Decimal(repr(value or 0.0)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )


def compact_number(name, limit):
    """Odoo's INV/2025/00001 as INV2500001: no separators, and a two-digit
    year when the number is still too long (EMAS's REF holds 11)."""
    parts = [p for p in re.split(r"[/\-\s_.]+", name) if p]
    text = "".join(parts)
    if len(text) > limit:
        parts = [p[2:] if re.fullmatch(r"(19|20)\d\d", p) else p for p in parts]
        text = "".join(parts)
    return text


def number(value):
    """A quantity or unit price: as many decimals as it has, no more."""
    result = Decimal(repr(value or 0.0)).normalize()
    return result if result != result.to_integral() else result.quantize(Decimal(1))


class _Resolver:
    """The connector's mappings loaded once, and the problems met."""

    def __init__(self, connector):
        self.connector = connector
        self.env = connector.env
        maps = {}
        for field, model, key in connector._sow_mapping_fields():
            rows = self.env[model].search([("connector_id", "=", connector.id)])
            maps[field] = {row[key].id: row.code for row in rows}
        self.maps = maps
        self.missing = defaultdict(list)  # (field, record) -> [document names]
        self.problems = []
        self.missing_total = 0  # grows with every missing code met
        self._customers = {}
        self.compact_numbers = (
            connector.package == "emas" and connector.emas_compact_numbers
        )
        # AutoCount's AR documents are GL based: they carry no item code
        self.item_codes = connector.package in ("sql_account", "emas")

    def code(self, field, record, document, required=True):
        if not record:
            return ""
        code = self.maps[field].get(record.id)
        if code is None:
            if required:
                self.missing[(field, record)].append(document)
                self.missing_total += 1
            return ""
        return code

    def number(self, name):
        """A document number as the package gets it."""
        if self.compact_numbers and name:
            return compact_number(name, 11)
        return name or ""

    def problem(self, record, message, fix="", kind=""):
        self.problems.append(Problem(record, message, fix, ERROR, kind, "mapping"))

    def mapping_problems(self):
        env = self.env
        labels = self.connector._sow_mapping_labels()
        out = []
        for (field, record), documents in self.missing.items():
            label, tab = labels[field]
            names = sorted(set(documents))
            shown = ", ".join(names[:5])
            if len(names) > 5:
                shown = env._(
                    "%(names)s and %(count)s more", names=shown, count=len(names) - 5
                )
            out.append(
                Problem(
                    record.display_name,
                    env._(
                        "%(what)s has no %(package)s %(label)s "
                        "(needed by %(documents)s)",
                        what=record.display_name,
                        package=self.connector._package_label(),
                        label=label,
                        documents=shown,
                    ),
                    env._("add it on the connector's “%(tab)s” tab", tab=tab),
                    ERROR,
                    "",
                    "mapping",
                )
            )
        return out + self.problems


class AccountingExportBuilder(models.AbstractModel):
    _name = "accounting.export.builder"
    _description = "Accounting Export Builder"

    # ---------------------------------------------------------------- collect
    @api.model
    def _sow_collect(self, connector, kinds, date_from, date_to):
        """{kind: recordset} of what the date range holds, in KIND_ORDER.

        Documents are the posted customer invoices, credit notes and inbound
        customer payments dated in the range; customers and items are those
        the range's documents use.
        """
        company = connector.company_id
        move_domain = [
            ("company_id", "=", company.id),
            ("state", "=", "posted"),
            ("move_type", "in", ("out_invoice", "out_refund")),
        ]
        pay_domain = [
            ("company_id", "=", company.id),
            ("payment_type", "=", "inbound"),
            ("partner_type", "=", "customer"),
            ("state", "in", ("in_process", "paid")),
        ]
        if date_from:
            move_domain.append(("invoice_date", ">=", date_from))
            pay_domain.append(("date", ">=", date_from))
        if date_to:
            move_domain.append(("invoice_date", "<=", date_to))
            pay_domain.append(("date", "<=", date_to))
        Move = self.env["account.move"]
        Payment = self.env["account.payment"]
        order = "invoice_date, name, id"
        found = {}
        # ids only, and groupings in SQL: nothing of 10,000 invoices is read
        # into memory here
        invoices = Move.search(
            move_domain + [("move_type", "=", "out_invoice")], order=order
        )
        refunds = Move.search(
            move_domain + [("move_type", "=", "out_refund")], order=order
        )
        found["invoice"], found["credit_note"] = invoices, refunds
        found["payment"] = Payment.search(pay_domain, order="date, name, id")
        if "customer" in kinds:
            partners = self.env["res.partner"].browse(
                partner.id
                for [partner] in Move._read_group(
                    move_domain, ["commercial_partner_id"]
                )
            )
            partners |= (
                self.env["res.partner"]
                .browse(
                    partner.id
                    for [partner] in Payment._read_group(pay_domain, ["partner_id"])
                )
                .commercial_partner_id
            )
            found["customer"] = partners.sorted("id")
        if "item" in kinds:
            found["item"] = (
                self.env["product.product"]
                .browse(
                    product.id
                    for [product] in self.env["account.move.line"]._read_group(
                        [
                            ("move_id", "in", (invoices | refunds).ids),
                            ("display_type", "=", "product"),
                            ("product_id", "!=", False),
                        ],
                        ["product_id"],
                    )
                )
                .sorted("id")
            )
        return {kind: found[kind] for kind in KIND_ORDER if kind in kinds}

    @api.model
    def _sow_still_exportable(self, kind, records):
        """The records that exist and would still be exported (posted)."""
        records = records.exists()
        if kind in ("invoice", "credit_note"):
            return records.filtered(lambda m: m.state == "posted")
        if kind == "payment":
            return records.filtered(lambda p: p.state in ("in_process", "paid"))
        return records

    # ------------------------------------------------------------------ build
    @api.model
    def _sow_resolver(self, connector):
        return _Resolver(connector)

    @api.model
    def _sow_document(self, resolver, kind, record):
        return getattr(self, f"_sow_{kind}")(resolver, record)

    @api.model
    def _sow_build(self, connector, groups):
        """({kind: [(record, document)]}, problems) for ``_sow_collect``'s groups."""
        resolver = self._sow_resolver(connector)
        built = {}
        for kind, records in groups.items():
            built[kind] = [
                (record, self._sow_document(resolver, kind, record))
                for record in records
            ]
        return built, resolver.mapping_problems()

    # customers and items ---------------------------------------------------
    def _sow_address(self, partner):
        lines = tuple(
            line for line in (partner.street, partner.street2) if line and line.strip()
        )
        return af.Address(
            lines=lines,
            postcode=partner.zip or "",
            city=partner.city or "",
            state=partner.state_id.name or "",
            country_code=partner.country_id.code or "",
        )

    def _sow_customer(self, resolver, partner, document=None):
        partner = partner.commercial_partner_id
        cached = resolver._customers.get(partner.id)
        if cached is not None:
            # a missing code is still reported against this document
            resolver.code("partner", partner, document or partner.display_name)
            return cached
        connector = resolver.connector
        name = document or partner.display_name
        delivery = partner.child_ids.filtered(
            lambda c: c.type == "delivery" and c.active
        )[:1]
        term = partner.property_payment_term_id
        customer = af.Customer(
            code=resolver.code("partner", partner, name),
            name=partner.name or "",
            address=self._sow_address(partner),
            delivery_address=self._sow_address(delivery) if delivery else None,
            phone=partner.phone or "",
            mobile=partner.mobile or "",
            email=partner.email or "",
            registration_no=partner.company_registry or "",
            tax_id=partner.vat or "",
            area=resolver.code("area", partner.state_id, name, required=False),
            agent=resolver.code("agent", partner.user_id, name, required=False),
            terms=resolver.code("term", term, name)
            if term
            else connector.default_terms or "",
            credit_limit=dec(partner.credit_limit)
            if partner.use_partner_credit_limit
            else ZERO,
            control_account=connector.control_account or "",
            reference=partner.ref or "",
            active=partner.active,
        )
        resolver._customers[partner.id] = customer
        return customer

    def _sow_item(self, resolver, product):
        uom = resolver.code("uom", product.uom_id, product.display_name, required=False)
        return af.Item(
            code=resolver.code("product", product, product.display_name),
            description=product.name or "",
            uom=uom or resolver.connector.default_uom or "",
            price=dec(product.lst_price),
            cost=dec(product.standard_price),
            barcode=product.barcode or "",
            stock_control=bool(product.is_storable),
            active=product.active,
        )

    # invoices and credit notes ---------------------------------------------
    def _sow_line(self, resolver, move, line):
        name = move.name
        taxes = line.tax_ids
        if len(taxes) > 1:
            resolver.problem(
                name,
                self.env._(
                    "a line (%(line)s) has %(count)s taxes; %(package)s takes one tax "
                    "code per line",
                    line=line.name or line.product_id.display_name,
                    count=len(taxes),
                    package=resolver.connector._package_label(),
                ),
                self.env._("give the line one tax, or merge the taxes into one"),
            )
        price = line.price_unit
        if any(taxes.mapped("price_include")):
            price = taxes.compute_all(
                price, move.currency_id, 1.0, line.product_id, move.partner_id
            )["total_excluded"]
        uom = resolver.code("uom", line.product_uom_id, name, required=False)
        product = line.product_id
        return af.Line(
            account=resolver.code("account", line.account_id, name),
            description=line.name or product.display_name or "",
            quantity=number(line.quantity),
            unit_price=number(price),
            amount=dec(line.price_subtotal),
            tax_amount=dec(line.price_total - line.price_subtotal),
            tax_code=resolver.code("tax", taxes[:1], name) if taxes else "",
            item_code=resolver.code("product", product, name)
            if product and resolver.item_codes
            else "",
            uom=uom or resolver.connector.default_uom or "",
            discount=dec(line.discount) if line.discount else ZERO,
        )

    def _sow_lines(self, resolver, move):
        lines = [
            self._sow_line(resolver, move, line)
            for line in move.invoice_line_ids
            if line.display_type == "product"
        ]
        # the document's tax may differ by a cent from the lines' (tax rounded
        # on the total): the last taxed line carries the difference
        residual = dec(move.amount_tax) - sum((ln.tax_amount for ln in lines), ZERO)
        if residual:
            for index in range(len(lines) - 1, -1, -1):
                if lines[index].tax_code:
                    line = lines[index]
                    lines[index] = dataclasses.replace(
                        line,
                        tax_amount=line.tax_amount + residual,
                        tax_adjustment=line.tax_adjustment + residual,
                    )
                    break
        return tuple(lines)

    def _sow_currency(self, move_or_payment, amount, amount_signed):
        company = move_or_payment.company_id
        if move_or_payment.currency_id == company.currency_id:
            return "", Decimal(1)
        rate = abs(amount_signed / amount) if amount else 1.0
        return move_or_payment.currency_id.name, Decimal(repr(rate)).quantize(
            Decimal("0.000001")
        )

    def _sow_document_values(self, resolver, move):
        currency, rate = self._sow_currency(
            move, move.amount_total, move.amount_total_signed
        )
        term = move.invoice_payment_term_id
        connector = resolver.connector
        return {
            "number": resolver.number(move.name),
            "date": move.invoice_date,
            "customer": self._sow_customer(resolver, move.partner_id, move.name),
            "lines": self._sow_lines(resolver, move),
            "total": dec(move.amount_total),
            "due_date": move.invoice_date_due,
            "reference": move.ref or "",
            "origin": move.invoice_origin or "",
            "agent": resolver.code(
                "agent", move.invoice_user_id, move.name, required=False
            ),
            "terms": resolver.code("term", term, move.name)
            if term
            else connector.default_terms or "",
            "currency_code": currency,
            "currency_rate": rate,
            "note": html2plaintext(move.narration) if move.narration else "",
        }

    def _sow_knock_offs(self, resolver, counterpart_lines, in_document_currency):
        """Invoices settled by credit lines (a payment's, a credit note's)."""
        amounts = defaultdict(Decimal)
        dates = {}
        for partial in counterpart_lines.matched_debit_ids:
            invoice = partial.debit_move_id.move_id
            if invoice.move_type != "out_invoice" or invoice.state != "posted":
                continue
            amount = (
                partial.credit_amount_currency
                if in_document_currency
                else partial.amount
            )
            amounts[invoice] += dec(amount)
            dates[invoice] = invoice.invoice_date
        return tuple(
            af.KnockOff(
                number=resolver.number(invoice.name),
                amount=amount,
                date=dates[invoice],
                # a debit note (module account_debit_note) is knocked off as one
                doc_type="debit_note"
                if "debit_origin_id" in invoice._fields and invoice.debit_origin_id
                else "invoice",
            )
            for invoice, amount in sorted(amounts.items(), key=lambda i: i[0].name)
        )

    def _sow_invoice(self, resolver, move):
        return af.Invoice(**self._sow_document_values(resolver, move))

    def _sow_credit_note(self, resolver, move):
        origin = move.reversed_entry_id
        receivable = move.line_ids.filtered(
            lambda line: line.account_type == "asset_receivable"
        )
        return af.CreditNote(
            **self._sow_document_values(resolver, move),
            origin_number=resolver.number(origin.name),
            origin_date=origin.invoice_date or None,
            reason=move.ref or "",
            knock_offs=self._sow_knock_offs(
                resolver, receivable, move.currency_id != move.company_id.currency_id
            ),
        )

    # payments ---------------------------------------------------------------
    def _sow_payment(self, resolver, payment):
        name = payment.name
        counterpart = (
            payment._seek_for_lines()[1] if payment.move_id else payment.move_id
        )
        currency, rate = self._sow_currency(
            payment, payment.amount, payment.amount_company_currency_signed
        )
        return af.Payment(
            number=resolver.number(name),
            date=payment.date,
            customer=self._sow_customer(resolver, payment.partner_id, name),
            amount=dec(payment.amount),
            method=resolver.code("journal", payment.journal_id, name),
            knock_offs=self._sow_knock_offs(resolver, counterpart, bool(currency))
            if counterpart
            else (),
            description=payment.memo or "",
            currency_code=currency,
            currency_rate=rate,
            reference=payment.payment_reference or "",
        )
