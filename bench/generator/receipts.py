# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Collections: official receipts (sale.collection) allocated to the posted
invoices of the sales step (sale.collection.line), by cash, cheque or bank
transfer, and the handovers of the receipts handed over to the office.

A receipt is collected by the customer's rep, either during one of his visits
at the customer (linked to it, collected between its check-in and check-out,
allocated to invoices dated before the visit) or away from a visit (mostly
bank transfers, a few days to six weeks after the invoice). An invoice is
allocated at most once, its whole residual or a part of it, so no invoice is
ever allocated more than it owes; a few receipts hold a little more than
they allocate (unallocated). Receipts are never posted here: posting makes an
account.payment reconciled with the invoices, which only the ORM does right.
So the states are the ones before posting: draft (no number yet), collected
(numbered), handed over (in a submitted handover, the rep's count of cash
equal to the receipts, or a little short) and cancelled (with a reason);
invoices stay open for their full residual, and the receipts not yet posted
are what the office still has to post.
"""

import datetime
from collections import defaultdict

from .core import step
from .field import continue_sequence

COLLECTION_COLUMNS = [
    "id",
    "name",
    "state",
    "user_id",
    "team_id",
    "partner_id",
    "commercial_partner_id",
    "date",
    "collected_at",
    "amount",
    "method",
    "cheque_number",
    "cheque_bank",
    "cheque_date",
    "is_pdc",
    "reference",
    "visit_id",
    "allocated_amount",
    "unallocated_amount",
    "handover_id",
    "cancel_reason",
    "cancelled_by",
    "cancelled_at",
    "create_date",
    "write_date",
]
LINE_COLUMNS = ["id", "collection_id", "sequence", "move_id", "amount"]
HANDOVER_COLUMNS = [
    "id",
    "name",
    "state",
    "user_id",
    "team_id",
    "collection_count",
    "amount_cash",
    "amount_cheque",
    "cheque_count",
    "amount_bank_transfer",
    "amount_ewallet",
    "amount_card",
    "amount_total",
    "counted_amount",
    "variance",
    "submitted_at",
    "create_date",
    "write_date",
]
BANKS = [
    "Maybank",
    "CIMB Bank",
    "Public Bank",
    "RHB Bank",
    "Hong Leong Bank",
    "AmBank",
    "Bank Islam",
    "OCBC Bank",
]
COLLECT_AT_VISIT = 0.6  # a visit after an open invoice collects
PAID_AWAY = 0.15  # an invoice paid away from a visit, visited or not
COLLECT_AWAY = 0.3  # an invoice still open after the visits is paid anyway
CANCEL_REASONS = [
    "Wrong customer on the receipt.",
    "Amount typed wrongly; a new receipt was issued.",
    "Cheque returned to the customer before banking.",
]


def _money(value):
    return round(value + 1e-9, 2)


@step(
    "collections",
    order=60,
    requires=("sale.collection", "sale.collection.line", "sale.collection.handover"),
)
def generate_collections(gen):
    _Collections(gen).run()


class _Collections:
    def __init__(self, gen):
        self.gen = gen
        self.rng = gen.rng
        self.company = company = gen.data["company"]
        self.teams = {}
        for warehouse in gen.data["warehouses"]:
            for user_id, _partner_id, team_id in warehouse["reps"]:
                self.teams.setdefault(user_id, team_id)
        # open posted invoices per customer, oldest first
        gen.cr.execute(
            """
            SELECT id, partner_id, invoice_date, amount_residual FROM account_move
             WHERE company_id = %s AND move_type = 'out_invoice' AND state = 'posted'
               AND amount_residual > 0
             ORDER BY invoice_date, id
            """,
            [company.id],
        )
        self.invoices = defaultdict(list)
        for invoice_id, partner_id, invoice_date, residual in gen.cr.fetchall():
            self.invoices[partner_id].append([invoice_id, invoice_date, residual])
        template = _templates(gen)
        # parents first: handovers, receipts, their lines
        self.handovers = gen.writer(
            "sale_collection_handover",
            template["sale_collection_handover"],
            HANDOVER_COLUMNS,
        )
        self.collections = gen.writer(
            "sale_collection", template["sale_collection"], COLLECTION_COLUMNS
        )
        self.lines = gen.writer(
            "sale_collection_line", template["sale_collection_line"], LINE_COLUMNS
        )
        self.plans = []

    def run(self):
        gen, rng = self.gen, self.rng
        visits = gen.data.get("visits_by_customer", {})
        yesterday = gen.today - datetime.timedelta(days=1)
        for partner_id, _region, user_id, _team_id in gen.data["customers"]:
            open_invoices = self.invoices.get(partner_id, [])
            # some invoices are paid away from a visit (a transfer), whenever
            paid_away = [inv for inv in open_invoices if rng.random() < PAID_AWAY]
            open_invoices = [inv for inv in open_invoices if inv not in paid_away]
            for visit_id, rep_id, check_in, check_out, _orders in visits.get(
                partner_id, ()
            ):
                due = [inv for inv in open_invoices if inv[1] < check_in.date()]
                if not due or rng.random() >= COLLECT_AT_VISIT:
                    continue
                taken = due[: rng.choices([1, 2, 3], [5, 3, 2])[0]]
                for invoice in taken:
                    open_invoices.remove(invoice)
                minutes = (check_out - check_in).total_seconds() / 60
                collected_at = check_in + datetime.timedelta(
                    seconds=round(rng.uniform(0, minutes) * 60)
                )
                method = rng.choices(["cash", "cheque", "bank_transfer"], [5, 3, 2])[0]
                self.plans.append(
                    (collected_at, partner_id, rep_id, visit_id, method, taken)
                )
            # and some still open after the visits are paid anyway
            remaining = paid_away + [
                inv for inv in open_invoices if rng.random() < COLLECT_AWAY
            ]
            remaining.sort(key=lambda inv: (inv[1], inv[0]))
            while remaining:
                taken = [remaining.pop(0)]
                if remaining and rng.random() < 0.3:
                    taken.append(remaining.pop(0))
                day = taken[-1][1] + datetime.timedelta(days=rng.randint(3, 42))
                while day.weekday() >= 5:
                    day += datetime.timedelta(days=1)
                if day > yesterday:
                    continue
                collected_at = datetime.datetime.combine(
                    day, datetime.time()
                ) + datetime.timedelta(minutes=rng.randint(60, 9 * 60))
                method = rng.choices(["bank_transfer", "cash", "cheque"], [6, 2, 2])[0]
                self.plans.append(
                    (collected_at, partner_id, user_id, None, method, taken)
                )
        # numbered in the order they were collected
        self.plans.sort(key=lambda plan: (plan[0], plan[1]))
        self.write_receipts()

    def write_receipts(self):
        gen, rng = self.gen, self.rng
        numbers = defaultdict(int)
        handed = defaultdict(list)  # (rep, year, week) -> [(receipt, values)]
        visits_collected = []
        ids = gen.ids("sale_collection", len(self.plans))
        for collection_id, plan in zip(ids, self.plans, strict=True):
            collected_at, partner_id, user_id, visit_id, method, taken = plan
            date = collected_at.date()
            lines = []
            for invoice_id, _invoice_date, residual in taken:
                amount = residual
                if rng.random() < 0.15:
                    amount = _money(residual * rng.uniform(0.2, 0.9))
                lines.append((invoice_id, amount))
            allocated = _money(sum(amount for _invoice, amount in lines))
            extra = _money(rng.uniform(1, 50)) if rng.random() < 0.03 else 0.0
            amount = _money(allocated + extra)
            roll = rng.random()
            if roll < 0.04:
                state = "draft"
            elif roll < 0.10:
                state = "cancelled"
            elif roll < 0.55 and method in ("cash", "cheque"):
                state = "handed_over"
            else:
                state = "collected"
            name = None
            if state != "draft":
                numbers[date.year] += 1
                name = f"OR/{date.year}/{numbers[date.year]:05d}"
            cheque = (None, None, None)
            reference = None
            if method == "cheque":
                cheque_date = date
                if rng.random() < 0.15:
                    cheque_date = date + datetime.timedelta(days=rng.randint(7, 60))
                cheque = (
                    f"{rng.randint(0, 999_999):06d}",
                    rng.choice(BANKS),
                    cheque_date,
                )
            elif method == "bank_transfer":
                reference = f"DN{date:%Y%m%d}{rng.randint(0, 99_999_999):08d}"
            cancelled = (None, None, None)
            if state == "cancelled":
                cancelled = (
                    rng.choice(CANCEL_REASONS),
                    user_id,
                    collected_at + datetime.timedelta(hours=1),
                )
            values = [
                collection_id,
                name,
                state,
                user_id,
                self.teams[user_id],
                partner_id,
                partner_id,
                date,
                collected_at if state != "draft" else None,
                amount,
                method,
                *cheque,
                bool(cheque[2] and cheque[2] > date),
                reference,
                visit_id,
                allocated,
                _money(amount - allocated),
                None,  # the handover, below
                *cancelled,
                collected_at,
                collected_at,
            ]
            if state == "handed_over":
                year, week, _weekday = date.isocalendar()
                handed[(user_id, year, week)].append((values, method, amount))
            else:
                self.collections.add(*values)
            for sequence, (invoice_id, line_amount) in enumerate(lines, 1):
                self.lines.add(
                    gen.ids("sale_collection_line", 1)[0],
                    collection_id,
                    sequence * 10,
                    invoice_id,
                    line_amount,
                )
            if visit_id and state not in ("draft", "cancelled"):
                visits_collected.append(visit_id)
        handover_numbers = self.handovers_of(handed)
        gen.flush()
        if visits_collected:
            # the visits where money was collected and nothing ordered
            gen.cr.execute(
                """
                UPDATE sale_visit SET outcome = 'collection', no_order_reason = NULL
                 WHERE id = ANY(%s) AND outcome IN ('follow_up', 'no_order')
                """,
                [visits_collected],
            )
        env = gen.env
        continue_sequence(env, self.company._sow_collection_receipt_sequence(), numbers)
        continue_sequence(
            env,
            env.ref("sales_order_workflow.seq_sale_collection_handover"),
            handover_numbers,
        )
        gen.data["collections"] = len(self.plans)

    def handovers_of(self, handed):
        """A submitted handover per rep and week for the receipts handed over."""
        gen, rng = self.gen, self.rng
        numbers = defaultdict(int)
        for (user_id, _year, _week), receipts in sorted(
            handed.items(), key=lambda item: (item[1][-1][0][8], item[0][0])
        ):
            handover_id = gen.ids("sale_collection_handover", 1)[0]
            totals = defaultdict(float)
            for values, method, amount in receipts:
                totals[method] += amount
                values[COLLECTION_COLUMNS.index("handover_id")] = handover_id
                self.collections.add(*values)
            last = max(values[8] for values, _method, _amount in receipts)
            submitted = min(
                gen.now,
                datetime.datetime.combine(
                    last.date() + datetime.timedelta(days=1), datetime.time(1)
                ),
            )
            submitted = max(submitted, last)
            numbers[submitted.year] += 1
            cash = _money(totals["cash"])
            counted = cash
            if cash and rng.random() < 0.05:
                counted = _money(max(0.0, cash - rng.randint(1, 20)))
            self.handovers.add(
                handover_id,
                f"HO/{submitted.year}/{numbers[submitted.year]:04d}",
                "submitted",
                user_id,
                self.teams[user_id],
                len(receipts),
                cash,
                _money(totals["cheque"]),
                sum(1 for _v, method, _a in receipts if method == "cheque"),
                _money(totals["bank_transfer"]),
                0.0,
                0.0,
                _money(sum(totals.values())),
                counted,
                _money(counted - cash),
                submitted,
                submitted,
                submitted,
            )
        return numbers


def _templates(gen):
    """A receipt with one line, in a handover, made by the ORM."""
    _partner_id, _region, user_id, _team_id = gen.data["customers"][0]
    company = gen.data["company"]
    # any posted invoice (the first customer may have none: at size L the
    # line's template came out empty, without company or currency)
    gen.cr.execute(
        "SELECT id, partner_id FROM account_move WHERE company_id = %s "
        "AND state = 'posted' AND move_type = 'out_invoice' ORDER BY id LIMIT 1",
        [company.id],
    )
    row = gen.cr.fetchone()
    if not row:
        raise RuntimeError("receipts need posted invoices: run the sales step first")
    invoice_id, partner_id = row

    def build(env):
        handover = env["sale.collection.handover"].create(
            {"user_id": user_id, "company_id": company.id, "name": "HO/TEMPLATE"}
        )
        collection = env["sale.collection"].create(
            {
                "partner_id": partner_id,
                "user_id": user_id,
                "company_id": company.id,
                "amount": 1.0,
                "method": "cash",
                "visit_id": False,
            }
        )
        created = {
            "sale_collection": collection.ids,
            "sale_collection_handover": handover.ids,
        }
        line = env["sale.collection.line"].create(
            {"collection_id": collection.id, "move_id": invoice_id, "amount": 1.0}
        )
        created["sale_collection_line"] = line.ids
        return created

    rows = gen.template(build)
    return {
        "sale_collection": rows["sale_collection"][0],
        "sale_collection_handover": rows["sale_collection_handover"][0],
        "sale_collection_line": rows["sale_collection_line"][0],
    }
