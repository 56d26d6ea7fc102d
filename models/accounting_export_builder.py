# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo records → accounting_formats' plain document records.

The builder resolves every code through the connector's mappings and reports
every missing one, grouped by the Odoo record to map (a tax without a code is
one problem listing the invoices that use it, not one problem per line).
"""

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
CUSTOMERS_KEPT = 5000  # customers built and kept for their next documents
# what an invoice or credit note gives its document, read in one query
MOVE_COLUMNS = (
    "name",
    "invoice_date",
    "commercial_partner_id",
    "amount_total",
    "amount_tax",
    "amount_total_signed",
    "currency_id",
    "invoice_date_due",
    "ref",
    "invoice_origin",
    "invoice_user_id",
    "invoice_payment_term_id",
    "narration",
)
# what a payment gives its document, read in one query
PAYMENT_COLUMNS = (
    "name",
    "date",
    "amount",
    "amount_company_currency_signed",
    "currency_id",
    "journal_id",
    "memo",
    "payment_reference",
)
# what a customer gives its record, read for a chunk's customers at once:
# its own columns and those of its first delivery address (prefix d_) ...
PARTNER_COLUMNS = (
    "name",
    "street",
    "street2",
    "zip",
    "city",
    "state",
    "country_code",
    "state_id",
    "phone",
    "mobile",
    "email",
    "company_registry",
    "vat",
    "user_id",
    "ref",
    "active",
    "d_id",
    "d_street",
    "d_street2",
    "d_zip",
    "d_city",
    "d_state",
    "d_country_code",
    "term_id",  # its values for the company (company-dependent fields)
    "credit_limit",
)


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
            # tens of thousands of codes a connector (customers, items): read
            # as (id, code) pairs in one query each
            Mapping = self.env[model]
            Mapping.check_access("read")
            Mapping.flush_model([key, "code", "connector_id"])
            maps[field] = dict(
                self.env.execute_query(
                    SQL(
                        "SELECT %s, code FROM %s WHERE connector_id = %s",
                        SQL.identifier(key),
                        SQL.identifier(Mapping._table),
                        connector.id,
                    )
                )
            )
        self.maps = maps
        self.default_uom = connector.default_uom or ""
        self.default_terms = connector.default_terms or ""
        self.missing = defaultdict(list)  # (field, record) -> [document names]
        self.problems = []
        self.missing_total = 0  # grows with every missing code met
        # (model, id) -> reconciliation partials of its receivable lines
        self.partials = {}
        self.lines = {}  # invoice id -> rows of its product lines
        self.moves = {}  # invoice id -> its own values (MOVE_COLUMNS)
        self._customers = {}
        self._partners = {}  # partner id -> {PARTNER_COLUMNS: value}
        self.payments = {}  # payment id -> its own values (PAYMENT_COLUMNS)
        self.control_account = connector.control_account or ""
        partners = self.env["res.partner"].with_company(connector.company_id)
        self.credit_limit_fallback = partners._fields[
            "credit_limit"
        ].get_company_dependent_fallback(partners)
        self.company_currency_id = connector.company_id.currency_id.id
        self._price_include = {}  # tax id -> price-included (taxes are few)
        self.compact_numbers = (
            connector.package == "emas" and connector.emas_compact_numbers
        )
        # AutoCount's AR documents are GL based: they carry no item code
        self.item_codes = connector.package in ("sql_account", "emas")

    def code(self, field, record, document, required=True):
        if not record:
            return ""
        return self.code_id(field, record._name, record.id, document, required)

    def code_id(self, field, model, res_id, document, required=True):
        """The code of the record ``res_id`` of ``model``: by id, so that
        nothing is browsed unless the code is missing."""
        if not res_id:
            return ""
        code = self.maps[field].get(res_id)
        if code is None:
            if required:
                self.missing[(field, self.env[model].browse(res_id))].append(document)
                self.missing_total += 1
            return ""
        return code

    def price_included(self, tax_ids):
        """Whether one of the taxes (ids) is included in the price."""
        flags = self._price_include
        unknown = [tax_id for tax_id in tax_ids if tax_id not in flags]
        if unknown:
            for tax in self.env["account.tax"].browse(unknown):
                flags[tax.id] = tax.price_include
        return any(flags[tax_id] for tax_id in tax_ids)

    def forget(self):
        """Drop what was fetched for the last chunk of records."""
        self.lines.clear()
        self.moves.clear()
        self.payments.clear()
        self.partials.clear()
        self._partners.clear()
        # memory stays flat: the customers built are forgotten between chunks
        # (never within one, whose reads skipped the customers already built)
        if len(self._customers) >= CUSTOMERS_KEPT:
            self._customers.clear()

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
    def _sow_document(self, resolver, kind, record, draft=False):
        """The record's document; with ``draft``, an invoice or credit note
        comes as an af.Draft (made where it is checked, see the Checker)."""
        if kind in ("payment", "credit_note") and (
            (record._name, record.id) not in resolver.partials
        ):
            # the knock-offs of the whole set the record came from, at once
            self._sow_fetch_partials(resolver, record.browse(record._prefetch_ids))
        document = getattr(self, f"_sow_{kind}")(resolver, record)
        return document if draft else af.made(document)

    @api.model
    def _sow_fetch_partials(self, resolver, records):
        """Load the reconciliations of the records' receivable lines (a
        payment's, a credit note's) in one query for the whole set: per
        record, (settled invoice id, its number, type, state, date, debit
        note, amount, amount in the record's currency), in reconciliation
        order."""
        if records._name == "account.payment":
            records.fetch(["move_id"])
            owner = {pay.move_id.id: (records._name, pay.id) for pay in records}
        else:
            owner = {move.id: (records._name, move.id) for move in records}
        for key in owner.values():
            resolver.partials[key] = []
        self.env.flush_all()
        debit_note = (
            SQL("inv.debit_origin_id IS NOT NULL")
            if "debit_origin_id" in self.env["account.move"]._fields
            else SQL("FALSE")
        )
        rows = self.env.execute_query(
            SQL(
                """
                SELECT own.move_id, inv.id, inv.name, inv.move_type, inv.state,
                       inv.invoice_date, %(debit_note)s, apr.amount,
                       apr.credit_amount_currency
                  FROM account_move_line own
                  JOIN account_account acc ON acc.id = own.account_id
                  JOIN account_partial_reconcile apr ON apr.credit_move_id = own.id
                  JOIN account_move_line settled ON settled.id = apr.debit_move_id
                  JOIN account_move inv ON inv.id = settled.move_id
                 WHERE own.move_id = ANY(%(moves)s)
                   AND acc.account_type = 'asset_receivable'
                 ORDER BY apr.id
                """,
                debit_note=debit_note,
                moves=[move_id for move_id in owner if move_id],
            )
        )
        for row in rows:
            resolver.partials[owner[row[0]]].append(row[1:])

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
    def _sow_address_of(self, values, prefix):
        """An address from the values _sow_fetch_customers read."""
        lines = tuple(
            line
            for line in (values[f"{prefix}street"], values[f"{prefix}street2"])
            if line and line.strip()
        )
        return af.Address(
            lines=lines,
            postcode=values[f"{prefix}zip"] or "",
            city=values[f"{prefix}city"] or "",
            state=values[f"{prefix}state"] or "",
            country_code=values[f"{prefix}country_code"] or "",
        )

    def _sow_customer(self, resolver, partner, document=None):
        partner = partner.commercial_partner_id
        if partner.id not in resolver._customers:
            # the partners of the whole set the partner came from, at once
            self._sow_fetch_customers(
                resolver,
                partner.browse(partner._prefetch_ids).commercial_partner_id.ids,
            )
        return self._sow_customer_by_id(
            resolver, partner.id, document or partner.display_name
        )

    def _sow_item(self, resolver, product):
        uom = resolver.code("uom", product.uom_id, product.display_name, required=False)
        return af.Item(
            code=resolver.code("product", product, product.display_name),
            description=product.name or "",
            uom=uom or resolver.default_uom,
            price=dec(product.lst_price),
            cost=dec(product.standard_price),
            barcode=product.barcode or "",
            stock_control=bool(product.is_storable),
            active=product.active,
        )

    # invoices and credit notes ---------------------------------------------
    @api.model
    def _sow_fetch_moves(self, resolver, moves):
        """The values and product lines of a set of invoices, and their
        customers, in a few queries for the whole set."""
        self.env["account.move"].flush_model(MOVE_COLUMNS)
        rows = self.env.execute_query(
            SQL(
                "SELECT id, %s FROM account_move WHERE id = ANY(%s)",
                SQL(", ").join(SQL.identifier(column) for column in MOVE_COLUMNS),
                moves.ids,
            )
        )
        for row in rows:
            resolver.moves[row[0]] = dict(zip(MOVE_COLUMNS, row[1:], strict=True))
        self._sow_fetch_customers(
            resolver,
            {values["commercial_partner_id"] for values in resolver.moves.values()},
        )
        self._sow_fetch_lines(resolver, moves)

    @api.model
    def _sow_fetch_customers(self, resolver, partner_ids):
        """Read the partners not built yet, together, in one query: their
        columns, their first active delivery address (in the order of
        ``child_ids``) and their company-dependent values for the connector's
        company (as Odoo's own SQL for those fields reads them)."""
        wanted = [
            pid
            for pid in partner_ids
            if pid and pid not in resolver._customers and pid not in resolver._partners
        ]
        if not wanted:
            return
        # the company-dependent values are the connector's company's
        Partner = self.env["res.partner"].with_company(resolver.connector.company_id)
        Partner.flush_model()
        rows = self.env.execute_query(
            SQL(
                """
                SELECT p.id, p.name, p.street, p.street2, p.zip, p.city,
                       st.name, co.code, p.state_id, p.phone, p.mobile, p.email,
                       p.company_registry, p.vat, p.user_id, p.ref, p.active,
                       d.id, d.street, d.street2, d.zip, d.city, d.state, d.code,
                       %(term)s, %(credit_limit)s
                  FROM res_partner p
                  LEFT JOIN res_country_state st ON st.id = p.state_id
                  LEFT JOIN res_country co ON co.id = p.country_id
                  LEFT JOIN LATERAL (
                        SELECT c.id, c.street, c.street2, c.zip, c.city,
                               cst.name AS state, cco.code
                          FROM res_partner c
                          LEFT JOIN res_country_state cst ON cst.id = c.state_id
                          LEFT JOIN res_country cco ON cco.id = c.country_id
                         WHERE c.parent_id = p.id AND c.active
                           AND c.type = 'delivery'
                         ORDER BY c.complete_name, c.id DESC
                         LIMIT 1
                  ) d ON TRUE
                 WHERE p.id = ANY(%(ids)s)
                """,
                term=Partner._field_to_sql("p", "property_payment_term_id"),
                credit_limit=Partner._field_to_sql("p", "credit_limit"),
                ids=wanted,
            )
        )
        for row in rows:
            resolver._partners[row[0]] = dict(
                zip(PARTNER_COLUMNS, row[1:], strict=True)
            )

    def _sow_customer_by_id(self, resolver, partner_id, document):
        """The customer of a commercial partner given by id."""
        cached = resolver._customers.get(partner_id)
        if cached is not None:
            # a missing code is still reported against this document
            resolver.code_id("partner", "res.partner", partner_id, document)
            return cached
        if not partner_id:
            return af.Customer(
                code="",
                name="",
                terms=resolver.default_terms,
                control_account=resolver.control_account,
                active=False,
            )
        if partner_id not in resolver._partners:
            self._sow_fetch_customers(resolver, [partner_id])
        values = resolver._partners[partner_id]
        term_id = values["term_id"]
        credit_limit = values["credit_limit"] or 0.0
        customer = af.Customer(
            code=resolver.code_id("partner", "res.partner", partner_id, document),
            name=values["name"] or "",
            address=self._sow_address_of(values, ""),
            delivery_address=self._sow_address_of(values, "d_")
            if values["d_id"]
            else None,
            phone=values["phone"] or "",
            mobile=values["mobile"] or "",
            email=values["email"] or "",
            registration_no=values["company_registry"] or "",
            tax_id=values["vat"] or "",
            area=resolver.code_id(
                "area", "res.country.state", values["state_id"], document, False
            ),
            agent=resolver.code_id(
                "agent", "res.users", values["user_id"], document, False
            ),
            terms=resolver.code_id("term", "account.payment.term", term_id, document)
            if term_id
            else resolver.default_terms,
            # Odoo's use_partner_credit_limit: a limit of its own
            credit_limit=dec(credit_limit)
            if credit_limit != resolver.credit_limit_fallback
            else ZERO,
            control_account=resolver.control_account,
            reference=values["ref"] or "",
            active=values["active"],
        )
        resolver._customers[partner_id] = customer
        return customer

    @api.model
    def _sow_fetch_lines(self, resolver, moves):
        """The product lines of a set of invoices, in one query: codes are
        resolved by id, so the ORM need not load 50,000 line records. The
        numbers come as the text of the Decimals they become (quantity and
        price as number(), amounts as dec() would make them from floats):
        the database formats 50,000 lines' numbers faster than Python."""
        Line = self.env["account.move.line"]
        Line.flush_model()
        taxes = Line._fields["tax_ids"]
        for move_id in moves.ids:
            resolver.lines[move_id] = []
        rows = self.env.execute_query(
            SQL(
                """
                SELECT l.move_id, l.name,
                       CASE WHEN strpos(v.qty, '.') > 0
                            THEN rtrim(rtrim(v.qty, '0'), '.') ELSE v.qty END,
                       CASE WHEN strpos(v.price, '.') > 0
                            THEN rtrim(rtrim(v.price, '0'), '.') ELSE v.price END,
                       CASE WHEN l.discount <> 0
                            THEN round(l.discount, 2)::text END,
                       round(COALESCE(l.price_subtotal, 0), 2)::text,
                       round(COALESCE(l.price_total, 0)
                             - COALESCE(l.price_subtotal, 0), 2)::text,
                       l.account_id, l.product_id, l.product_uom_id,
                       ARRAY(SELECT r.%(tax)s FROM %(rel)s r
                              WHERE r.%(line)s = l.id ORDER BY r.%(tax)s)
                  FROM account_move_line l,
                       LATERAL (SELECT COALESCE(l.quantity, 0)::text AS qty,
                                       COALESCE(l.price_unit, 0)::text AS price) v
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
        """The line's row of text (see af.lines_from_text)."""
        (
            label,
            quantity,
            price,
            discount,
            amount,
            tax_amount,
            account_id,
            product_id,
            uom_id,
            tax_ids,
        ) = row
        env = self.env
        name = resolver.moves[move.id]["name"]  # _sow_lines fetched it
        if not label and product_id:
            label = env["product.product"].browse(product_id).display_name
        if len(tax_ids) > 1:
            resolver.problem(
                name,
                env._(
                    "a line (%(line)s) has %(count)s taxes; %(package)s takes one tax "
                    "code per line",
                    line=label,
                    count=len(tax_ids),
                    package=resolver.connector._package_label(),
                ),
                env._("give the line one tax, or merge the taxes into one"),
            )
        if tax_ids and resolver.price_included(tax_ids):
            # the text of the Decimal, which makes the very Decimal again
            price = str(
                number(
                    env["account.tax"]
                    .browse(tax_ids)
                    .compute_all(
                        float(price),
                        move.currency_id,
                        1.0,
                        env["product.product"].browse(product_id),
                        move.partner_id,
                    )["total_excluded"]
                )
            )
        uom = resolver.code_id("uom", "uom.uom", uom_id, name, required=False)
        return (
            resolver.code_id("account", "account.account", account_id, name),
            label or "",
            quantity,
            price,
            amount,
            tax_amount,
            resolver.code_id("tax", "account.tax", tax_ids[0], name) if tax_ids else "",
            resolver.code_id("product", "product.product", product_id, name)
            if product_id and resolver.item_codes
            else "",
            uom or resolver.default_uom,
            discount or "",
        )

    def _sow_move_values(self, resolver, move):
        """MOVE_COLUMNS of the invoice or credit note, as fetched."""
        if move.id not in resolver.moves:
            # the values of the whole set the move came from, at once
            self._sow_fetch_moves(resolver, move.browse(move._prefetch_ids))
        return resolver.moves[move.id]

    def _sow_lines(self, resolver, move):
        """The move's lines as rows of text (af.lines_from_text makes them)."""
        self._sow_move_values(resolver, move)
        return tuple(
            self._sow_line(resolver, move, row) for row in resolver.lines[move.id]
        )

    def _sow_draft(self, resolver, move, cls, **values):
        """An af.Draft of the invoice or credit note: the document's tax may
        differ by a cent from its lines' (tax rounded on the total), and its
        last taxed line is to carry the difference."""
        values = {**self._sow_document_values(resolver, move), **values}
        lines = values.pop("lines")
        return af.Draft(cls, values, lines, dec(resolver.moves[move.id]["amount_tax"]))

    def _sow_currency_of(self, company_currency_id, currency_id, amount, signed):
        """(currency code, rate): nothing for the company's own currency."""
        if currency_id == company_currency_id:
            return "", Decimal(1)
        rate = abs(signed / amount) if amount else 1.0
        return self.env["res.currency"].browse(currency_id).name, Decimal(
            repr(rate)
        ).quantize(Decimal("0.000001"))

    def _sow_document_values(self, resolver, move):
        values = self._sow_move_values(resolver, move)
        name = values["name"]
        currency, rate = self._sow_currency_of(
            resolver.company_currency_id,
            values["currency_id"],
            values["amount_total"],
            values["amount_total_signed"],
        )
        term_id = values["invoice_payment_term_id"]
        narration = values["narration"]
        return {
            "number": resolver.number(name),
            "date": values["invoice_date"],
            "customer": self._sow_customer_by_id(
                resolver, values["commercial_partner_id"], name
            ),
            "lines": self._sow_lines(resolver, move),
            "total": dec(values["amount_total"]),
            "due_date": values["invoice_date_due"],
            "reference": values["ref"] or "",
            "origin": values["invoice_origin"] or "",
            "agent": resolver.code_id(
                "agent", "res.users", values["invoice_user_id"], name, required=False
            ),
            "terms": resolver.code_id("term", "account.payment.term", term_id, name)
            if term_id
            else resolver.default_terms,
            "currency_code": currency,
            "currency_rate": rate,
            "note": html2plaintext(narration) if narration else "",
        }

    def _sow_knock_offs(self, resolver, record, in_document_currency):
        """Invoices settled by a payment or a credit note (its reconciliation)."""
        amounts = defaultdict(Decimal)
        settled = {}
        for (
            invoice_id,
            name,
            move_type,
            state,
            invoice_date,
            debit_note,
            amount,
            amount_currency,
        ) in resolver.partials.get((record._name, record.id), ()):
            if move_type != "out_invoice" or state != "posted":
                continue
            amounts[invoice_id] += dec(
                amount_currency if in_document_currency else amount
            )
            settled[invoice_id] = (name, invoice_date, debit_note)
        return tuple(
            af.KnockOff(
                number=resolver.number(settled[invoice_id][0]),
                amount=amount,
                date=settled[invoice_id][1],
                # a debit note (module account_debit_note) is knocked off as one
                doc_type="debit_note" if settled[invoice_id][2] else "invoice",
            )
            for invoice_id, amount in sorted(
                amounts.items(), key=lambda item: settled[item[0]][0]
            )
        )

    def _sow_invoice(self, resolver, move):
        return self._sow_draft(resolver, move, af.Invoice)

    def _sow_credit_note(self, resolver, move):
        origin = move.reversed_entry_id
        return self._sow_draft(
            resolver,
            move,
            af.CreditNote,
            origin_number=resolver.number(origin.name),
            origin_date=origin.invoice_date or None,
            reason=move.ref or "",
            knock_offs=self._sow_knock_offs(
                resolver, move, move.currency_id != move.company_id.currency_id
            ),
        )

    # payments ---------------------------------------------------------------
    @api.model
    def _sow_fetch_payments(self, resolver, payments):
        """The values of a set of payments and their customers, at once."""
        self.env["account.payment"].flush_model(PAYMENT_COLUMNS)
        self.env["res.partner"].flush_model(["commercial_partner_id"])
        rows = self.env.execute_query(
            SQL(
                """
                SELECT pay.id, partner.commercial_partner_id, %s
                  FROM account_payment pay
                  LEFT JOIN res_partner partner ON partner.id = pay.partner_id
                 WHERE pay.id = ANY(%s)
                """,
                SQL(", ").join(
                    SQL.identifier("pay", column) for column in PAYMENT_COLUMNS
                ),
                payments.ids,
            )
        )
        for row in rows:
            values = dict(zip(PAYMENT_COLUMNS, row[2:], strict=True))
            values["commercial_partner_id"] = row[1]
            resolver.payments[row[0]] = values
        self._sow_fetch_customers(
            resolver,
            {values["commercial_partner_id"] for values in resolver.payments.values()},
        )

    def _sow_payment(self, resolver, payment):
        if payment.id not in resolver.payments:
            self._sow_fetch_payments(resolver, payment.browse(payment._prefetch_ids))
        values = resolver.payments[payment.id]
        name = values["name"]
        currency, rate = self._sow_currency_of(
            resolver.company_currency_id,
            values["currency_id"],
            values["amount"],
            values["amount_company_currency_signed"],
        )
        return af.Payment(
            number=resolver.number(name),
            date=values["date"],
            customer=self._sow_customer_by_id(
                resolver, values["commercial_partner_id"], name
            ),
            amount=dec(values["amount"]),
            method=resolver.code_id(
                "journal", "account.journal", values["journal_id"], name
            ),
            knock_offs=self._sow_knock_offs(resolver, payment, bool(currency)),
            description=values["memo"] or "",
            currency_code=currency,
            currency_rate=rate,
            reference=values["payment_reference"] or "",
        )
