# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customer payments: most invoices are paid by bank transfer some weeks after
they were issued, received at the office and registered there, as Odoo's
"Register Payment" does: a posted account.payment in the bank journal, its
journal entry (outstanding receipts against the receivable) reconciled with
the invoice's receivable line (a partial and a full reconciliation), and the
invoice paid. Written in SQL on rows Odoo made for one invoice (its register
payment wizard, rolled back), so every column is as Odoo writes it.

The invoices left open are the ones the reps collect (the collections step,
after this one) or that are still due.
"""

import datetime

from .core import step

PAID_SHARE = 0.6  # of the invoices old enough, paid at the office
DELAY_DAYS = (5, 45)  # from the invoice to its payment

PAYMENT_COLUMNS = [
    "id",
    "move_id",
    "partner_id",
    "name",
    "memo",
    "date",
    "amount",
    "amount_company_currency_signed",
    "create_date",
    "write_date",
]
ENTRY_COLUMNS = [
    "id",
    "name",
    "sequence_prefix",
    "sequence_number",
    "origin_payment_id",
    "partner_id",
    "commercial_partner_id",
    "invoice_partner_display_name",
    "ref",
    "date",
    "invoice_date_due",
    "amount_total",
    "amount_total_signed",
    "amount_total_in_currency_signed",
    "create_date",
    "write_date",
]
LINE_COLUMNS = [
    "id",
    "move_id",
    "payment_id",
    "partner_id",
    "move_name",
    "ref",
    "name",
    "date",
    "date_maturity",
    "debit",
    "credit",
    "balance",
    "amount_currency",
    "amount_residual",
    "amount_residual_currency",
    "price_subtotal",
    "price_total",
    "full_reconcile_id",
    "matching_number",
    "create_date",
    "write_date",
]
PARTIAL_COLUMNS = [
    "id",
    "debit_move_id",
    "credit_move_id",
    "full_reconcile_id",
    "max_date",
    "amount",
    "debit_amount_currency",
    "credit_amount_currency",
    "create_date",
    "write_date",
]


@step("payments", order=55, requires=("account.payment",))
def generate_payments(gen):
    _Payments(gen).run()


class _Payments:
    def __init__(self, gen):
        self.gen = gen
        company = gen.data["company"]
        gen.cr.execute(
            """
            SELECT m.id, m.name, m.partner_id, p.name, m.invoice_date,
                   m.amount_total, l.id
              FROM account_move m
              JOIN res_partner p ON p.id = m.partner_id
              JOIN account_move_line l
                ON l.move_id = m.id AND l.display_type = 'payment_term'
             WHERE m.company_id = %s AND m.move_type = 'out_invoice'
               AND m.state = 'posted' AND m.amount_residual > 0
             ORDER BY m.invoice_date, m.id
            """,
            [company.id],
        )
        self.invoices = gen.cr.fetchall()
        if not self.invoices:
            raise RuntimeError(
                "payments need posted invoices: run the sales step first"
            )
        self.template = template = _templates(gen, self.invoices[0][0])
        writer = gen.writer
        self.payments = writer(
            "account_payment", template["account_payment"], PAYMENT_COLUMNS
        )
        self.entries = writer("account_move", template["account_move"], ENTRY_COLUMNS)
        self.lines = {
            kind: writer("account_move_line", template[kind], LINE_COLUMNS)
            for kind in ("liquidity", "counterpart")
        }
        self.fulls = writer(
            "account_full_reconcile", template["account_full_reconcile"], ["id"]
        )
        self.partials = writer(
            "account_partial_reconcile",
            template["account_partial_reconcile"],
            PARTIAL_COLUMNS,
        )
        self.links = writer(
            "account_move__account_payment", {}, ["invoice_id", "payment_id"]
        )

    def run(self):
        gen, rng = self.gen, self.gen.rng
        yesterday = gen.today - datetime.timedelta(days=1)
        plans = []
        for invoice in self.invoices:
            if rng.random() >= PAID_SHARE:
                continue
            day = invoice[4] + datetime.timedelta(days=rng.randint(*DELAY_DAYS))
            while day.weekday() >= 5:
                day += datetime.timedelta(days=1)
            if day <= yesterday:
                plans.append((day, invoice))
        # numbered in the order they were received
        plans.sort(key=lambda plan: (plan[0], plan[1][0]))
        numbers = {}
        paid = []  # (invoice id, its receivable line, full reconciliation)
        for day, invoice in plans:
            paid.append(self.pay(day, invoice, numbers))
        gen.flush()
        self.settle(paid)
        gen.data["payments"] = len(plans)

    def pay(self, day, invoice, numbers):
        gen, prefix = self.gen, self.template["prefix"]
        invoice_id, invoice_name, partner_id, partner_name, _date, amount, term_line = (
            invoice
        )
        numbers[day.year] = number = numbers.get(day.year, 0) + 1
        name = f"{prefix}/{day.year}/{number:05d}"
        payment_id = gen.ids("account_payment", 1)[0]
        move_id = gen.ids("account_move", 1)[0]
        full_id = gen.ids("account_full_reconcile", 1)[0]
        liquidity_id, counterpart_id = gen.ids("account_move_line", 2)
        moment = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
            minutes=gen.rng.randint(60, 9 * 60)
        )
        self.payments.add(
            payment_id,
            move_id,
            partner_id,
            name,
            invoice_name,
            day,
            amount,
            amount,
            moment,
            moment,
        )
        self.entries.add(
            move_id,
            name,
            f"{prefix}/{day.year}/",
            number,
            payment_id,
            partner_id,
            partner_id,
            partner_name,
            invoice_name,
            day,
            day,
            amount,
            amount,
            amount,
            moment,
            moment,
        )
        label = f"{self.template['label']}: {invoice_name}"
        for kind, line_id, debit, credit, residual, full, matching in (
            ("liquidity", liquidity_id, amount, 0.0, amount, None, None),
            ("counterpart", counterpart_id, 0.0, amount, 0.0, full_id, str(full_id)),
        ):
            balance = debit - credit
            self.lines[kind].add(
                line_id,
                move_id,
                payment_id,
                partner_id,
                name,
                invoice_name,
                label,
                day,
                day,
                debit,
                credit,
                balance,
                balance,
                residual,
                residual,
                balance,
                balance,
                full,
                matching,
                moment,
                moment,
            )
        self.fulls.add(full_id)
        self.partials.add(
            gen.ids("account_partial_reconcile", 1)[0],
            term_line,
            counterpart_id,
            full_id,
            day,
            amount,
            amount,
            amount,
            moment,
            moment,
        )
        self.links.add(invoice_id, payment_id)
        return invoice_id, term_line, full_id

    def settle(self, paid):
        """The paid invoices and their receivable lines, as reconciling
        leaves them."""
        if not paid:
            return
        invoices, lines, fulls = (list(column) for column in zip(*paid, strict=True))
        cr = self.gen.cr
        cr.execute(
            """
            UPDATE account_move SET payment_state = %s, amount_residual = 0,
                   amount_residual_signed = 0
             WHERE id = ANY(%s)
            """,
            [self.template["payment_state"], invoices],
        )
        cr.execute(
            """
            UPDATE account_move_line l
               SET amount_residual = 0, amount_residual_currency = 0,
                   reconciled = TRUE, full_reconcile_id = f.full_id,
                   matching_number = f.full_id::varchar
              FROM unnest(%s::int[], %s::int[]) AS f(line_id, full_id)
             WHERE l.id = f.line_id
            """,
            [lines, fulls],
        )


def _templates(gen, invoice_id):
    """A payment registered for one invoice by Odoo's wizard."""
    extra = {}

    def build(env):
        invoice = env["account.move"].browse(invoice_id)
        payment = (
            env["account.payment.register"]
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
            ._create_payments()
        )
        env.flush_all()
        move = payment.move_id
        counterpart = move.line_ids.filtered(lambda line: line.reconciled)
        liquidity = move.line_ids - counterpart
        partial = counterpart.matched_debit_ids
        extra.update(
            liquidity=liquidity.id,
            counterpart=counterpart.id,
            payment_state=invoice.payment_state,
            prefix=move.sequence_prefix.rstrip("/").rsplit("/", 1)[0],
            label=liquidity.name.split(":")[0],
        )
        return {
            "account_payment": payment.ids,
            "account_move": move.ids,
            "account_move_line": (liquidity | counterpart).ids,
            "account_partial_reconcile": partial.ids,
            "account_full_reconcile": partial.full_reconcile_id.ids,
        }

    rows = gen.template(build)
    lines = {row["id"]: row for row in rows["account_move_line"]}
    return {
        "account_payment": rows["account_payment"][0],
        "account_move": rows["account_move"][0],
        "liquidity": lines[extra["liquidity"]],
        "counterpart": lines[extra["counterpart"]],
        "account_partial_reconcile": rows["account_partial_reconcile"][0],
        "account_full_reconcile": rows["account_full_reconcile"][0],
        "payment_state": extra["payment_state"],
        "prefix": extra["prefix"],
        "label": extra["label"],
    }
