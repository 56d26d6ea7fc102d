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
from odoo.tools import SQL, html2plaintext

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
        # (model, id) -> reconciliation partials of its receivable lines
        self.partials = {}
        self.lines = {}  # invoice id -> rows of its product lines
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

    def forget(self):
        """Drop what was fetched for the last chunk of records."""
        self.lines.clear()
        self.partials.clear()

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
        if kind in ("payment", "credit_note") and (
            (record._name, record.id) not in resolver.partials
        ):
            # the knock-offs of the whole set the record came from, at once
            self._sow_fetch_partials(resolver, record.browse(record._prefetch_ids))
        return getattr(self, f"_sow_{kind}")(resolver, record)

    @api.model
    def _sow_fetch_partials(self, resolver, records):
        """Load the reconciliations of the records' receivable lines (a
        payment's, a credit note's) in a few queries for the whole set."""
        if records._name == "account.payment":
            owner = {pay.move_id.id: (records._name, pay.id) for pay in records}
        else:
            owner = {move.id: (records._name, move.id) for move in records}
        for key in owner.values():
            resolver.partials[key] = []
        lines = self.env["account.move.line"].search_fetch(
            [
                ("move_id", "in", [m for m in owner if m]),
                ("account_type", "=", "asset_receivable"),
            ],
            ["move_id"],
        )
        line_owner = {line.id: owner[line.move_id.id] for line in lines}
        partials = self.env["account.partial.reconcile"].search_fetch(
            [("credit_move_id", "in", lines.ids)],
            ["credit_move_id", "debit_move_id", "amount", "credit_amount_currency"],
            order="id",
        )
        # the settled documents, read at once
        partials.debit_move_id.move_id.fetch(
            ["name", "move_type", "state", "invoice_date"]
        )
        for partial in partials:
            resolver.partials[line_owner[partial.credit_move_id.id]].append(partial)

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
    @api.model
    def _sow_fetch_lines(self, resolver, moves):
        """The product lines of a set of invoices, in one query: codes are
        resolved by id, so the ORM need not load 50,000 line records."""
        Line = self.env["account.move.line"]
        Line.flush_model()
        taxes = Line._fields["tax_ids"]
        for move_id in moves.ids:
            resolver.lines[move_id] = []
        rows = self.env.execute_query(
            SQL(
                """
                SELECT l.move_id, l.name, l.quantity, l.price_unit, l.discount,
                       l.price_subtotal, l.price_total, l.account_id, l.product_id,
                       l.product_uom_id,
                       ARRAY(SELECT r.%(tax)s FROM %(rel)s r
                              WHERE r.%(line)s = l.id ORDER BY r.%(tax)s)
                  FROM account_move_line l
                 WHERE l.move_id = ANY(%(moves)s) AND l.display_type = 'product'
                 ORDER BY l.move_id, l.sequence, l.id
                """,
                tax=SQL.identifier(taxes.column2),
                rel=SQL.identifier(taxes.relation),
                line=SQL.identifier(taxes.column1),
                moves=moves.ids,
            )
        )
        for row in rows:
            resolver.lines[row[0]].append(row[1:])

    def _sow_line(self, resolver, move, row):
        (
            label,
            quantity,
            price,
            discount,
            subtotal,
            total,
            account_id,
            product_id,
            uom_id,
            tax_ids,
        ) = row
        env = self.env
        name = move.name
        product = env["product.product"].browse(product_id)
        if len(tax_ids) > 1:
            resolver.problem(
                name,
                env._(
                    "a line (%(line)s) has %(count)s taxes; %(package)s takes one tax "
                    "code per line",
                    line=label or product.display_name,
                    count=len(tax_ids),
                    package=resolver.connector._package_label(),
                ),
                env._("give the line one tax, or merge the taxes into one"),
            )
        taxes = env["account.tax"].browse(tax_ids)
        if tax_ids and any(taxes.mapped("price_include")):
            price = taxes.compute_all(
                price, move.currency_id, 1.0, product, move.partner_id
            )["total_excluded"]
        uom = resolver.code("uom", env["uom.uom"].browse(uom_id), name, required=False)
        return af.Line(
            account=resolver.code(
                "account", env["account.account"].browse(account_id), name
            ),
            description=label or product.display_name or "",
            quantity=number(quantity),
            unit_price=number(price),
            amount=dec(subtotal),
            tax_amount=dec((total or 0.0) - (subtotal or 0.0)),
            tax_code=resolver.code("tax", taxes[:1], name) if tax_ids else "",
            item_code=resolver.code("product", product, name)
            if product_id and resolver.item_codes
            else "",
            uom=uom or resolver.connector.default_uom or "",
            discount=dec(discount) if discount else ZERO,
        )

    def _sow_lines(self, resolver, move):
        if move.id not in resolver.lines:
            # the lines of the whole set the move came from, at once
            self._sow_fetch_lines(resolver, move.browse(move._prefetch_ids))
        lines = [self._sow_line(resolver, move, row) for row in resolver.lines[move.id]]
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

    def _sow_knock_offs(self, resolver, record, in_document_currency):
        """Invoices settled by a payment or a credit note (its reconciliation)."""
        amounts = defaultdict(Decimal)
        dates = {}
        for partial in resolver.partials.get((record._name, record.id), ()):
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
        return af.CreditNote(
            **self._sow_document_values(resolver, move),
            origin_number=resolver.number(origin.name),
            origin_date=origin.invoice_date or None,
            reason=move.ref or "",
            knock_offs=self._sow_knock_offs(
                resolver, move, move.currency_id != move.company_id.currency_id
            ),
        )

    # payments ---------------------------------------------------------------
    def _sow_payment(self, resolver, payment):
        name = payment.name
        currency, rate = self._sow_currency(
            payment, payment.amount, payment.amount_company_currency_signed
        )
        return af.Payment(
            number=resolver.number(name),
            date=payment.date,
            customer=self._sow_customer(resolver, payment.partner_id, name),
            amount=dec(payment.amount),
            method=resolver.code("journal", payment.journal_id, name),
            knock_offs=self._sow_knock_offs(resolver, payment, bool(currency)),
            description=payment.memo or "",
            currency_code=currency,
            currency_rate=rate,
            reference=payment.payment_reference or "",
        )
