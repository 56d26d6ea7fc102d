# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Official receipts collected in the field.

The chain: a rep collects money at the customer (``draft`` -> ``collected``,
the receipt gets its gapless number), hands it over to the office
(``handed_over``, see sale.collection.handover), and a collection officer
posts it (``posted``): one account.payment in the journal of the method,
reconciled against the invoices the rep allocated, exactly as the Register
Payment wizard would. A receipt can be cancelled (``cancelled``: by the rep
before handover, by an officer afterwards, reversing the payment) and a posted
cheque can bounce (``bounced``: payment reversed, invoices reopened, customer
flagged). Cancelled and bounced receipts keep their number.
"""

from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, format_amount, format_date

METHODS = [
    ("cash", "Cash"),
    ("cheque", "Cheque"),
    ("bank_transfer", "Bank Transfer / DuitNow"),
    ("ewallet", "E-wallet"),
    ("card", "Card"),
]
# The rep carries these to the office: they go through a handover first.
PHYSICAL_METHODS = ("cash", "cheque")

STATES = [
    ("draft", "Draft"),
    ("collected", "Collected"),
    ("handed_over", "Handed Over"),
    ("posted", "Posted"),
    ("bounced", "Bounced"),
    ("cancelled", "Cancelled"),
]
# The states a rep may move a receipt into; the others need an officer.
REP_STATES = ("collected", "handed_over", "cancelled")

# Workflow fields: written by the buttons only (context key below).
WORKFLOW_FIELDS = {
    "name",
    "state",
    "collected_at",
    "posted_by",
    "posted_at",
    "cancel_reason",
    "cancelled_by",
    "cancelled_at",
    "bounce_reason",
    "bounce_date",
    "bounced_by",
}
# What the customer was given a receipt for: frozen once collected.
RECEIPT_FIELDS = {
    "partner_id",
    "visit_id",
    "company_id",
    "currency_id",
    "user_id",
    "date",
    "amount",
    "method",
    "cheque_number",
    "cheque_bank",
    "cheque_date",
    "reference",
}
TRANSITION = "sow_collection_transition"

# The only fields of account.move that collections read for reps.
INVOICE_FIELDS = [
    "name",
    "move_type",
    "state",
    "commercial_partner_id",
    "company_id",
    "currency_id",
    "invoice_date",
    "invoice_date_due",
    "amount_total",
    "amount_residual",
]


class SaleCollection(models.Model):
    _name = "sale.collection"
    _description = "Sales Collection (Official Receipt)"
    _inherit = ["mail.thread", "mail.activity.mixin", "sow.rep.document.mixin"]
    _order = "date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id", "cheque_number", "reference"]

    name = fields.Char(
        string="Receipt Number",
        readonly=True,
        copy=False,
        index="trigram",
        tracking=True,
        help="Given when the money is collected, from a gapless sequence per "
        "company. A cancelled receipt keeps its number.",
    )
    state = fields.Selection(
        STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    user_id = fields.Many2one(string="Collected By")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        check_company=True,
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id",
        string="Commercial Entity",
        store=True,
        index=True,
    )
    partner_bounced_cheque = fields.Boolean(
        related="commercial_partner_id.sow_bounced_cheque",
        string="Customer Has Bounced Cheques",
    )
    partner_bounced_cheque_count = fields.Integer(
        related="commercial_partner_id.sow_bounced_cheque_count",
        string="Bounced Cheques",
    )
    date = fields.Date(
        string="Receipt Date",
        required=True,
        index=True,
        tracking=True,
        default=fields.Date.context_today,
    )
    collected_at = fields.Datetime(string="Collected On", readonly=True, copy=False)
    currency_id = fields.Many2one(
        "res.currency",
        required=True,
        compute="_compute_currency_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    amount = fields.Monetary(
        string="Amount Collected", tracking=True, currency_field="currency_id"
    )
    method = fields.Selection(
        METHODS,
        string="Payment Method",
        required=True,
        default="cash",
        tracking=True,
    )
    cheque_number = fields.Char(tracking=True, copy=False)
    cheque_bank = fields.Char(string="Drawee Bank", tracking=True)
    cheque_date = fields.Date(tracking=True, copy=False)
    is_pdc = fields.Boolean(
        string="Post-dated Cheque",
        compute="_compute_is_pdc",
        store=True,
        index=True,
        help="A cheque dated after the receipt date. It waits in the PDC "
        "register and is posted on its date.",
    )
    reference = fields.Char(
        string="Transfer Reference",
        copy=False,
        tracking=True,
        help="Bank transfer or DuitNow reference, e-wallet transaction id or "
        "card approval code.",
    )
    photo = fields.Image(
        string="Cheque / Slip Photo",
        max_width=1920,
        max_height=1920,
        copy=False,
    )
    visit_id = fields.Many2one(
        "sale.visit",
        string="Visit",
        compute="_compute_visit_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        copy=False,
        check_company=True,
        tracking=True,
        help="The customer visit during which the money was collected: by default "
        "the visit the rep is checked in at, when it is at this customer.",
    )
    line_ids = fields.One2many(
        "sale.collection.line",
        "collection_id",
        string="Allocation",
        copy=False,
    )
    allocated_amount = fields.Monetary(
        compute="_compute_allocation", store=True, currency_field="currency_id"
    )
    unallocated_amount = fields.Monetary(
        compute="_compute_allocation",
        store=True,
        currency_field="currency_id",
        help="Not applied to any invoice: it becomes a customer credit when the "
        "receipt is posted.",
    )
    handover_id = fields.Many2one(
        "sale.collection.handover",
        string="Handover",
        readonly=True,
        copy=False,
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    payment_ids = fields.One2many(
        "account.payment",
        "sow_collection_id",
        string="Payments",
        readonly=True,
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    payment_count = fields.Integer(
        compute="_compute_payment_count",
        groups="account.group_account_invoice,account.group_account_readonly",
    )
    posted_by = fields.Many2one("res.users", readonly=True, copy=False)
    posted_at = fields.Datetime(string="Posted On", readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    cancelled_by = fields.Many2one("res.users", readonly=True, copy=False)
    cancelled_at = fields.Datetime(string="Cancelled On", readonly=True, copy=False)
    bounce_reason = fields.Text(readonly=True, copy=False, tracking=True)
    bounce_date = fields.Date(readonly=True, copy=False)
    bounced_by = fields.Many2one("res.users", readonly=True, copy=False)
    note = fields.Text(string="Notes")

    _sql_constraints = [
        (
            "name_company_uniq",
            "unique(company_id, name)",
            "A receipt number is used once per company.",
        ),
        (
            "amount_not_negative",
            "CHECK(amount >= 0)",
            "The amount collected cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("user_id", "partner_id")
    def _compute_visit_id(self):
        Visit = self.env["sale.visit"]
        if not Visit.has_access("read"):
            # an officer's receipt at the counter: no visit to link
            for collection in self:
                collection.visit_id = collection.visit_id
            return
        for collection in self:
            customer = collection.partner_id.commercial_partner_id
            visit = collection.visit_id
            if visit and visit.partner_id.commercial_partner_id == customer:
                continue
            current = Visit._sow_current_visit(collection.user_id)
            if customer and current.partner_id.commercial_partner_id == customer:
                collection.visit_id = current
            else:
                collection.visit_id = False

    @api.depends("company_id")
    def _compute_currency_id(self):
        for collection in self:
            if not collection.currency_id or collection.state == "draft":
                collection.currency_id = collection.company_id.currency_id

    @api.depends("method", "cheque_date", "date")
    def _compute_is_pdc(self):
        for collection in self:
            collection.is_pdc = bool(
                collection.method == "cheque"
                and collection.cheque_date
                and collection.date
                and collection.cheque_date > collection.date
            )

    @api.depends("amount", "line_ids.amount")
    def _compute_allocation(self):
        for collection in self:
            allocated = sum(collection.line_ids.mapped("amount"))
            collection.allocated_amount = allocated
            collection.unallocated_amount = collection.amount - allocated

    @api.depends("payment_ids")
    def _compute_payment_count(self):
        for collection in self:
            collection.payment_count = len(collection.payment_ids)

    @api.depends("name", "state")
    def _compute_display_name(self):
        for collection in self:
            collection.display_name = collection.name or self.env._("Draft Receipt")

    # --------------------------------------------------------------- constraints
    @api.constrains("amount", "line_ids")
    def _check_allocation_total(self):
        for collection in self:
            if (
                collection.currency_id.compare_amounts(
                    collection.allocated_amount, collection.amount
                )
                > 0
            ):
                raise ValidationError(
                    self.env._(
                        "Receipt %(receipt)s allocates %(allocated)s to invoices but "
                        "only %(amount)s was collected. Lower the allocations or "
                        "correct the amount.",
                        receipt=collection.display_name,
                        allocated=format_amount(
                            self.env,
                            collection.allocated_amount,
                            collection.currency_id,
                        ),
                        amount=format_amount(
                            self.env, collection.amount, collection.currency_id
                        ),
                    )
                )

    @api.constrains("state", "name", "handover_id", "cancel_reason", "bounce_reason")
    def _check_state_consistency(self):
        for collection in self:
            if collection.state not in ("draft", "cancelled") and not collection.name:
                raise ValidationError(
                    self.env._("A receipt leaves the draft state with a number only.")
                )
            if collection.state == "handed_over" and not collection.handover_id:
                raise ValidationError(
                    self.env._(
                        "Receipt %(receipt)s is handed over without a handover.",
                        receipt=collection.display_name,
                    )
                )
            if collection.state == "cancelled" and not collection.cancel_reason:
                raise ValidationError(
                    self.env._(
                        "Receipt %(receipt)s is cancelled without a reason.",
                        receipt=collection.display_name,
                    )
                )
            if collection.state == "bounced" and not collection.bounce_reason:
                raise ValidationError(
                    self.env._(
                        "Cheque receipt %(receipt)s bounced without a reason.",
                        receipt=collection.display_name,
                    )
                )

    @api.constrains("visit_id", "partner_id", "user_id")
    def _check_visit(self):
        for collection in self.filtered("visit_id"):
            # sudo: officers do not read visits; only the visit's customer and
            # rep are compared
            visit = collection.visit_id.sudo()
            if (
                visit.partner_id.commercial_partner_id
                != collection.commercial_partner_id
                or visit.user_id != collection.user_id
            ):
                raise ValidationError(
                    self.env._(
                        "Receipt %(receipt)s for %(customer)s by %(rep)s cannot "
                        "belong to visit %(visit)s (%(visit_customer)s, "
                        "%(visit_rep)s): link the rep's visit at this customer.",
                        receipt=collection.display_name,
                        customer=collection.partner_id.display_name,
                        rep=collection.user_id.name,
                        visit=visit.display_name,
                        visit_customer=visit.partner_id.display_name,
                        visit_rep=visit.user_id.name,
                    )
                )

    @api.constrains("handover_id", "user_id", "company_id", "currency_id")
    def _check_handover(self):
        for collection in self.filtered("handover_id"):
            handover = collection.handover_id
            if (
                collection.user_id != handover.user_id
                or collection.currency_id != handover.currency_id
            ):
                raise ValidationError(
                    self.env._(
                        "Receipt %(receipt)s (collected by %(rep)s, in %(currency)s) "
                        "cannot go into handover %(handover)s of %(handover_rep)s "
                        "in %(handover_currency)s: a handover holds one rep's "
                        "receipts in the company currency.",
                        receipt=collection.display_name,
                        rep=collection.user_id.name,
                        currency=collection.currency_id.name,
                        handover=handover.display_name,
                        handover_rep=handover.user_id.name,
                        handover_currency=handover.currency_id.name,
                    )
                )

    # ---------------------------------------------------------------- ORM hooks
    def write(self, vals):
        if not self.env.context.get(TRANSITION):
            workflow = WORKFLOW_FIELDS & vals.keys()
            if workflow:
                raise UserError(
                    self.env._(
                        "The status and number of a receipt change through its "
                        "buttons (Collect, Post, Cancel...), not by editing them."
                    )
                )
            frozen = RECEIPT_FIELDS & vals.keys()
            for collection in self:
                if frozen and collection.state != "draft":
                    raise UserError(
                        self.env._(
                            "Receipt %(receipt)s is %(state)s: what it says (customer, "
                            "amount, method, cheque and transfer details) can no "
                            "longer change. Cancel it and issue a new receipt.",
                            receipt=collection.display_name,
                            state=collection._sow_state_label(),
                        )
                    )
            if "handover_id" in vals:
                self._sow_check_handover_change(vals["handover_id"])
        elif "state" in vals and vals["state"] not in REP_STATES:
            self._sow_check_officer()
        return super().write(vals)

    def _sow_check_handover_change(self, handover_id):
        new = self.env["sale.collection.handover"].browse(handover_id)
        for collection in self:
            if collection.handover_id == new:
                continue
            if collection.state != "collected":
                raise UserError(
                    self.env._(
                        "Only collected receipts go into a handover; receipt "
                        "%(receipt)s is %(state)s.",
                        receipt=collection.display_name,
                        state=collection._sow_state_label(),
                    )
                )
            for handover in collection.handover_id | new:
                if handover.state != "draft":
                    raise UserError(
                        self.env._(
                            "Handover %(handover)s is already submitted: its "
                            "receipts can no longer change. An officer can return "
                            "it to the rep first.",
                            handover=handover.display_name,
                        )
                    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_numbered(self):
        for collection in self:
            if collection.name or collection.state != "draft":
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s has a number and cannot be deleted; "
                        "cancel it instead (it keeps its number).",
                        receipt=collection.display_name,
                    )
                )

    # ------------------------------------------------------------------ helpers

    def _sow_is_officer(self):
        return self.env.su or self.env.user.has_group(
            "sales_order_workflow.group_collection_officer"
        )

    def _sow_check_officer(self):
        if not self._sow_is_officer():
            raise UserError(
                self.env._(
                    "Only a collection officer can do this. Ask the office to "
                    "handle receipt %(receipts)s.",
                    receipts=", ".join(self.mapped("display_name")),
                )
            )

    def _sow_transition(self, vals):
        return self.with_context(**{TRANSITION: True}).write(vals)

    def _sow_fmt(self, amount):
        return format_amount(self.env, amount, self.currency_id)

    # ------------------------------------------------- invoices (narrow sudo)
    @api.model
    def _sow_invoice_snapshot(self, domain, exclude_collections=None):
        """Customer invoices matching ``domain``, as plain values.

        This is the one place where collections read accounting data for
        users without accounting rights. Reps have no access to account.move,
        yet they must see what each of their customer's invoices still owes to
        allocate money to it. So this method reads, with sudo():

        - customer invoices (``out_invoice``) only, and only INVOICE_FIELDS;
        - per invoice, the sum already allocated to it by other receipts that
          are collected or handed over but not yet posted (money that will
          settle it soon), with their numbers.

        Callers always pin the domain to one customer and one company.

        :return: {invoice_id: {field: value, ..., "pending": float,
                  "pending_receipts": [names], "available": float}} in the
                  order an "oldest first" allocation uses (due date, date).
        """
        # sudo: reps may not read account.move; see the docstring.
        rows = (
            self.env["account.move"]
            .sudo()
            .search_read(
                expression.AND([[("move_type", "=", "out_invoice")], domain]),
                INVOICE_FIELDS,
                order="invoice_date_due, invoice_date, id",
                load=None,
            )
        )
        snapshot = {}
        for row in rows:
            row.update(pending=0.0, pending_receipts=[])
            snapshot[row["id"]] = row
        if snapshot:
            line_domain = [
                ("move_id", "in", list(snapshot)),
                ("collection_id.state", "in", ("collected", "handed_over")),
            ]
            if exclude_collections:
                line_domain.append(("collection_id", "not in", exclude_collections.ids))
            # sudo: other reps' receipts are hidden from a rep, but what they
            # hold on an invoice is not free to allocate; only the amounts and
            # receipt numbers are used.
            lines = self.env["sale.collection.line"].sudo().search(line_domain)
            for line in lines:
                row = snapshot[line.move_id.id]
                row["pending"] += line.amount
                row["pending_receipts"].append(line.collection_id.name)
        for row in snapshot.values():
            row["available"] = row["amount_residual"] - row["pending"]
        return snapshot

    def _sow_open_invoice_domain(self):
        self.ensure_one()
        return [
            ("commercial_partner_id", "=", self.commercial_partner_id.id),
            ("company_id", "=", self.company_id.id),
            ("currency_id", "=", self.currency_id.id),
            ("state", "=", "posted"),
            ("amount_residual", ">", 0),
        ]

    def _sow_check_invoice(self, invoice, data):
        """``invoice`` (account.move) may be allocated by this receipt."""
        self.ensure_one()
        env = self.env
        if not data:
            raise ValidationError(
                env._(
                    "Receipt %(receipt)s: %(document)s is not a customer invoice; "
                    "only customer invoices can be settled by a receipt.",
                    receipt=self.display_name,
                    document=invoice.sudo().display_name,
                )
            )
        if data["state"] != "posted":
            raise ValidationError(
                env._(
                    "Receipt %(receipt)s: invoice %(invoice)s is not posted.",
                    receipt=self.display_name,
                    invoice=data["name"],
                )
            )
        if data["commercial_partner_id"] != self.commercial_partner_id.id:
            raise ValidationError(
                env._(
                    "Receipt %(receipt)s is for %(customer)s but invoice "
                    "%(invoice)s belongs to another customer. Allocate only the "
                    "customer's own invoices.",
                    receipt=self.display_name,
                    customer=self.commercial_partner_id.display_name,
                    invoice=data["name"],
                )
            )
        if data["company_id"] != self.company_id.id:
            raise ValidationError(
                env._(
                    "Receipt %(receipt)s belongs to %(company)s but invoice "
                    "%(invoice)s belongs to another company.",
                    receipt=self.display_name,
                    company=self.company_id.name,
                    invoice=data["name"],
                )
            )
        if data["currency_id"] != self.currency_id.id:
            raise ValidationError(
                env._(
                    "Receipt %(receipt)s is in %(currency)s but invoice %(invoice)s "
                    "is in another currency. Collect it on a receipt in the "
                    "invoice's currency.",
                    receipt=self.display_name,
                    currency=self.currency_id.name,
                    invoice=data["name"],
                )
            )

    def _sow_check_allocations(self):
        """At collection: every allocation fits what the invoice still owes,
        less what other receipts not yet posted already hold on it."""
        snapshot = self._sow_invoice_snapshot(
            [("id", "in", self.line_ids.move_id.ids)], exclude_collections=self
        )
        used = defaultdict(float)
        for collection in self:
            for line in collection.line_ids:
                data = snapshot.get(line.move_id.id)
                collection._sow_check_invoice(line.move_id, data)
                used[line.move_id.id] += line.amount
                currency = collection.currency_id
                if (
                    currency.compare_amounts(
                        used[line.move_id.id], data["amount_residual"]
                    )
                    > 0
                ):
                    raise UserError(
                        self.env._(
                            "Invoice %(invoice)s has %(residual)s left to pay; receipt "
                            "%(receipt)s cannot apply %(amount)s to it. Lower the "
                            "allocation: the rest of the money stays as customer "
                            "credit.",
                            invoice=data["name"],
                            residual=collection._sow_fmt(data["amount_residual"]),
                            receipt=collection.display_name,
                            amount=collection._sow_fmt(used[line.move_id.id]),
                        )
                    )
                if (
                    currency.compare_amounts(used[line.move_id.id], data["available"])
                    > 0
                ):
                    raise UserError(
                        self.env._(
                            "Invoice %(invoice)s has %(residual)s left to pay, of "
                            "which %(pending)s is already held by receipt(s) "
                            "%(receipts)s not yet posted; receipt %(receipt)s can "
                            "apply at most "
                            "%(available)s to it.",
                            invoice=data["name"],
                            residual=collection._sow_fmt(data["amount_residual"]),
                            pending=collection._sow_fmt(data["pending"]),
                            receipts=", ".join(data["pending_receipts"]),
                            receipt=collection.display_name,
                            available=collection._sow_fmt(max(data["available"], 0.0)),
                        )
                    )

    # ---------------------------------------------------------------- allocation
    def _sow_check_allocation_editable(self):
        """The rep allocates while the receipt is a draft. Until it is posted,
        an officer may still change the allocation (say an invoice was paid
        by other means meanwhile); the money on the receipt never changes."""
        officer = self._sow_is_officer()
        for collection in self:
            if collection.state == "draft":
                continue
            if officer and collection.state in ("collected", "handed_over"):
                continue
            raise UserError(
                self.env._(
                    "Receipt %(receipt)s is %(state)s; its allocation can no longer "
                    "change (before posting, only a collection officer can change "
                    "it).",
                    receipt=collection.display_name,
                    state=collection._sow_state_label(),
                )
            )

    def action_allocate_oldest_first(self):
        """Spread the amount over the customer's open invoices, oldest due
        first, as far as it goes; the rest stays unallocated (credit)."""
        self._sow_check_allocation_editable()
        for collection in self:
            currency = collection.currency_id
            if not currency.compare_amounts(collection.amount, 0) > 0:
                raise UserError(
                    self.env._(
                        "Enter the amount collected first, then allocate it to the "
                        "oldest invoices."
                    )
                )
            snapshot = self._sow_invoice_snapshot(
                collection._sow_open_invoice_domain(), exclude_collections=collection
            )
            remaining = collection.amount
            commands = [Command.clear()]
            for invoice_id, data in snapshot.items():
                if not currency.compare_amounts(remaining, 0) > 0:
                    break
                available = currency.round(data["available"])
                if not currency.compare_amounts(available, 0) > 0:
                    continue
                amount = min(remaining, available)
                commands.append(
                    Command.create({"move_id": invoice_id, "amount": amount})
                )
                remaining = currency.round(remaining - amount)
            collection.line_ids = commands
        return True

    def action_load_open_invoices(self):
        """List the customer's open invoices with nothing applied yet, for
        the rep to type amounts by hand."""
        self._sow_check_allocation_editable()
        for collection in self:
            if not collection.partner_id:
                raise UserError(self.env._("Choose the customer first."))
            snapshot = self._sow_invoice_snapshot(
                collection._sow_open_invoice_domain(), exclude_collections=collection
            )
            present = set(collection.line_ids.move_id.ids)
            collection.line_ids = [
                Command.create({"move_id": invoice_id, "amount": 0.0})
                for invoice_id in snapshot
                if invoice_id not in present
            ]
        return True

    # ------------------------------------------------------------------- collect
    def _sow_check_ready_to_collect(self):
        self.ensure_one()
        env = self.env
        if not self.currency_id.compare_amounts(self.amount, 0) > 0:
            raise UserError(
                env._(
                    "Receipt for %(customer)s: the amount collected must be more "
                    "than zero.",
                    customer=self.partner_id.display_name,
                )
            )
        if self.method == "cheque":
            missing = [
                label
                for field, label in (
                    ("cheque_number", env._("cheque number")),
                    ("cheque_bank", env._("drawee bank")),
                    ("cheque_date", env._("cheque date")),
                )
                if not self[field]
            ]
            if missing:
                raise UserError(
                    env._(
                        "A cheque receipt needs the %(missing)s, as written on the "
                        "cheque.",
                        missing=", ".join(missing),
                    )
                )
        if self.method in ("bank_transfer", "ewallet", "card") and not self.reference:
            raise UserError(
                env._(
                    "A %(method)s receipt needs the transfer reference (or "
                    "transaction id / approval code) so the office can match it "
                    "on the bank statement.",
                    method=self._sow_selection_label("method"),
                )
            )

    def action_collect(self):
        """The money is in the rep's hands: number the receipt."""
        for collection in self:
            if collection.state != "draft":
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s is already %(state)s.",
                        receipt=collection.display_name,
                        state=collection._sow_state_label(),
                    )
                )
            # Invoices listed with nothing applied are not part of the receipt.
            collection.line_ids.filtered(
                lambda line: line.currency_id.is_zero(line.amount)
            ).unlink()
            collection._sow_check_ready_to_collect()
        self._sow_check_allocations()
        now = fields.Datetime.now()
        for collection in self:
            sequence = collection.company_id._sow_collection_receipt_sequence()
            collection._sow_transition(
                {
                    "name": sequence._next(sequence_date=collection.date),
                    "state": "collected",
                    "collected_at": now,
                }
            )
        return True

    # ---------------------------------------------------------------------- post
    def _sow_payment_date(self):
        self.ensure_one()
        if self.is_pdc:
            return self.cheque_date
        return self.date

    def _sow_check_postable(self, today):
        self.ensure_one()
        env = self.env
        if self.state == "posted":
            raise UserError(
                env._(
                    "Receipt %(receipt)s is already posted.", receipt=self.display_name
                )
            )
        if self.state not in ("collected", "handed_over"):
            raise UserError(
                env._(
                    "Receipt %(receipt)s is %(state)s and cannot be posted.",
                    receipt=self.display_name,
                    state=self._sow_state_label(),
                )
            )
        if self.method in PHYSICAL_METHODS and (
            self.state != "handed_over" or self.handover_id.state != "received"
        ):
            raise UserError(
                env._(
                    "Receipt %(receipt)s is %(method)s the rep still holds: it is "
                    "posted once the office has received its handover.",
                    receipt=self.display_name,
                    method=self._sow_selection_label("method"),
                )
            )
        if self.is_pdc and self.cheque_date > today:
            raise UserError(
                env._(
                    "Cheque %(cheque)s on receipt %(receipt)s is post-dated to "
                    "%(date)s: it waits in the PDC register until then.",
                    cheque=self.cheque_number,
                    receipt=self.display_name,
                    date=format_date(env, self.cheque_date),
                )
            )

    def _sow_lock_invoices(self, invoices):
        """Lock the invoices' rows until the end of the transaction and return
        {id: (name, state, amount_residual)} as the database has them.

        Two officers (or an officer and the cron) posting receipts on the same
        invoice are serialized here; the second one then sees the first one's
        payment in the residual (PostgreSQL raises a serialization failure
        when the row changed since the transaction began, and Odoo retries the
        request in a fresh transaction that does see it).
        """
        if not invoices:
            return {}
        invoices.flush_recordset(["amount_residual", "state", "name"])
        self.env.cr.execute(
            SQL(
                "SELECT id, name, state, amount_residual FROM account_move "
                "WHERE id IN %s ORDER BY id FOR UPDATE",
                tuple(invoices.ids),
            )
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    def _sow_check_residuals(self, locked):
        left = {move_id: row[2] for move_id, row in locked.items()}
        for collection in self:
            currency = collection.currency_id
            for line in collection.line_ids:
                name, state, _residual = locked[line.move_id.id]
                if state != "posted":
                    raise UserError(
                        self.env._(
                            "Invoice %(invoice)s is no longer posted; receipt "
                            "%(receipt)s cannot settle it. Change the allocation "
                            "or cancel the receipt.",
                            invoice=name,
                            receipt=collection.display_name,
                        )
                    )
                if currency.compare_amounts(line.amount, left[line.move_id.id]) > 0:
                    raise UserError(
                        self.env._(
                            "Invoice %(invoice)s has only %(residual)s left to pay, "
                            "but receipt %(receipt)s applies %(amount)s to it. "
                            "Another payment settled it in the meantime: lower the "
                            "allocation (the rest stays as customer credit) or "
                            "cancel the receipt.",
                            invoice=name,
                            residual=collection._sow_fmt(
                                max(left[line.move_id.id], 0.0)
                            ),
                            receipt=collection.display_name,
                            amount=collection._sow_fmt(line.amount),
                        )
                    )
                left[line.move_id.id] -= line.amount

    def _sow_payment_memo(self):
        self.ensure_one()
        if self.method == "cheque":
            return self.env._(
                "%(receipt)s - cheque %(number)s (%(bank)s)",
                receipt=self.name,
                number=self.cheque_number,
                bank=self.cheque_bank,
            )
        if self.reference:
            return f"{self.name} - {self.reference}"
        return self.name

    def _sow_prepare_payment(self, journal, receivables, invoice_names):
        """Values for the collection's account.payment, and the allocations
        in the order of the payment's receivable lines.

        One receivable line per allocated invoice (the write-off lines of
        account.payment, on the invoice's receivable account), and one for
        what is left unallocated (the payment's own counterpart line, which
        stays open as customer credit). When everything is allocated, the
        counterpart line carries the last allocation instead.
        """
        self.ensure_one()
        company = self.company_id
        date = self._sow_payment_date()
        allocations = []
        for line in self.line_ids:
            account = receivables[line.move_id.id][:1].account_id
            allocations.append((line, account))
        write_offs = allocations
        counterpart = None
        if allocations and self.currency_id.is_zero(self.unallocated_amount):
            write_offs, counterpart = allocations[:-1], allocations[-1]
        label = self._sow_payment_memo()
        vals = {
            "date": date,
            "amount": self.amount,
            "payment_type": "inbound",
            "partner_type": "customer",
            "memo": label,
            "payment_reference": self.cheque_number or self.reference or self.name,
            "journal_id": journal.id,
            "company_id": company.id,
            "currency_id": self.currency_id.id,
            "partner_id": self.commercial_partner_id.id,
            "payment_method_line_id": journal._get_available_payment_method_lines(
                "inbound"
            )[:1].id,
            "invoice_ids": [Command.set(self.line_ids.move_id.ids)],
            "sow_collection_id": self.id,
            "write_off_line_vals": [
                {
                    "name": f"{label}: {invoice_names[line.move_id.id]}",
                    "account_id": account.id,
                    "partner_id": self.commercial_partner_id.id,
                    "currency_id": self.currency_id.id,
                    "amount_currency": -line.amount,
                    "balance": self.currency_id._convert(
                        -line.amount, company.currency_id, company, date
                    ),
                    "date_maturity": date,
                }
                for line, account in write_offs
            ],
        }
        if counterpart:
            vals["destination_account_id"] = counterpart[1].id
        order = ([counterpart] if counterpart else [None]) + write_offs
        return vals, order

    def action_post(self):
        """Post each receipt as one customer payment reconciled with the
        invoices it settles. Officers only; in one batch (constant queries
        per receipt)."""
        self._sow_check_officer()
        if not self:
            return True
        today = fields.Date.context_today(self)
        for collection in self:
            collection._sow_check_postable(today)
        journals = {}
        for collection in self:
            key = (collection.company_id, collection.method)
            if key not in journals:
                journals[key] = collection.company_id._sow_collection_journal(
                    collection.method
                )
            if not journals[key]:
                raise UserError(
                    self.env._(
                        "%(company)s has no journal for %(method)s collections. Set "
                        "one in Settings > Field Sales > Collections.",
                        company=collection.company_id.name,
                        method=collection._sow_selection_label("method"),
                    )
                )
        invoices = self.line_ids.move_id
        locked = self._sow_lock_invoices(invoices)
        self._sow_check_residuals(locked)
        receivables = defaultdict(lambda: self.env["account.move.line"])
        for aml in self.env["account.move.line"].search(
            [
                ("move_id", "in", invoices.ids),
                ("account_id.account_type", "=", "asset_receivable"),
                ("reconciled", "=", False),
                ("parent_state", "=", "posted"),
            ]
        ):
            receivables[aml.move_id.id] |= aml

        vals_list, orders = [], []
        for collection in self:
            vals, order = collection._sow_prepare_payment(
                journals[(collection.company_id, collection.method)],
                receivables,
                {move_id: row[0] for move_id, row in locked.items()},
            )
            vals_list.append(vals)
            orders.append(order)
        payments = (
            self.env["account.payment"]
            .with_context(skip_invoice_sync=True)
            .create(vals_list)
        )
        payments.action_post()

        # Reconcile each allocation line with its invoice, as the wizard does
        # (one reconciliation plan for the whole batch).
        plan = []
        for payment, order in zip(payments, orders, strict=True):
            # The entry's lines, in the order account.payment created them:
            # liquidity, counterpart, then the write-off (allocation) lines.
            liquidity, *counterparts = payment.move_id.line_ids.sorted("id")
            if liquidity.account_id != payment.outstanding_account_id:
                raise UserError(
                    self.env._(
                        "Unexpected journal entry for payment %(payment)s.",
                        payment=payment.display_name,
                    )
                )
            for aml, allocation in zip(counterparts, order, strict=True):
                if not allocation:
                    continue
                line, account = allocation
                plan.append(
                    aml
                    + receivables[line.move_id.id].filtered(
                        lambda aml, account=account: aml.account_id == account
                    )
                )
        self.env["account.move.line"]._reconcile_plan(plan)

        self._sow_transition(
            {
                "state": "posted",
                "posted_by": self.env.user.id,
                "posted_at": fields.Datetime.now(),
            }
        )
        return True

    # ------------------------------------------------------- cancel and bounce
    def _sow_reverse_payments(self, reason, payment_state):
        """Reverse the journal entries of the receipts' payments (the
        invoices they settled open again) and mark the payments
        ``payment_state`` (canceled or rejected)."""
        payments = self.payment_ids.filtered(
            lambda p: p.state in ("in_process", "paid")
        )
        moves = payments.move_id.filtered(lambda m: m.state == "posted")
        if moves:
            today = fields.Date.context_today(self)
            moves._reverse_moves(
                [
                    {
                        "date": max(today, move.date),
                        "ref": self.env._(
                            "Reversal of %(entry)s: %(reason)s",
                            entry=move.name,
                            reason=reason,
                        ),
                    }
                    for move in moves
                ],
                cancel=True,
            )
        self.env.flush_all()
        payments.with_context(**{TRANSITION: True}).write({"state": payment_state})
        return payments

    def action_cancel(self, reason=None):
        """Cancel receipts; they keep their number.

        A rep cancels his own draft or collected receipts; once handed over
        or posted only an officer can, and a posted receipt's payment is
        reversed. Without a reason, opens the dialog that asks for one.
        """
        if not reason:
            return self._sow_open_wizard(
                "sale.collection.cancel", self.env._("Cancel Receipt")
            )
        officer = self._sow_is_officer()
        for collection in self:
            if collection.state == "cancelled":
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s is already cancelled.",
                        receipt=collection.display_name,
                    )
                )
            if collection.state == "bounced":
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s is a bounced cheque; it is already "
                        "reversed and stays as it is.",
                        receipt=collection.display_name,
                    )
                )
            if collection.state in ("handed_over", "posted") and not officer:
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s is %(state)s: only a collection officer "
                        "can cancel it now.",
                        receipt=collection.display_name,
                        state=collection._sow_state_label(),
                    )
                )
            if not officer and collection.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Receipt %(receipt)s was collected by %(rep)s; only they or "
                        "a collection officer can cancel it.",
                        receipt=collection.display_name,
                        rep=collection.user_id.name,
                    )
                )
        posted = self.filtered(lambda c: c.state == "posted")
        if posted:
            posted._sow_reverse_payments(reason, "canceled")
        # A receipt still in the rep's draft handover leaves it.
        leaving = self.filtered(
            lambda c: c.state == "collected" and c.handover_id.state == "draft"
        )
        if leaving:
            leaving.write({"handover_id": False})
        self._sow_transition(
            {
                "state": "cancelled",
                "cancel_reason": reason,
                "cancelled_by": self.env.user.id,
                "cancelled_at": fields.Datetime.now(),
            }
        )
        return True

    def action_bounce(self, reason=None, date=None):
        """A posted cheque came back unpaid: reverse its payment (the
        invoices open again) and flag the customer. Officers only."""
        self._sow_check_officer()
        if not reason:
            return self._sow_open_wizard(
                "sale.collection.bounce", self.env._("Bounced Cheque")
            )
        for collection in self:
            if collection.method != "cheque" or collection.state != "posted":
                raise UserError(
                    self.env._(
                        "Only a posted cheque can bounce; receipt %(receipt)s is a "
                        "%(state)s %(method)s receipt.",
                        receipt=collection.display_name,
                        state=collection._sow_state_label().lower(),
                        method=collection._sow_selection_label("method").lower(),
                    )
                )
        date = date or fields.Date.context_today(self)
        self._sow_reverse_payments(reason, "rejected")
        self._sow_transition(
            {
                "state": "bounced",
                "bounce_reason": reason,
                "bounce_date": date,
                "bounced_by": self.env.user.id,
            }
        )
        for collection in self:
            collection.commercial_partner_id._sow_flag_bounced_cheque(collection)
        return True

    def _sow_open_wizard(self, model, name):
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": model,
            "view_mode": "form",
            "target": "new",
            "context": {"default_collection_ids": [Command.set(self.ids)]},
        }

    # ---------------------------------------------------------------- handover
    def action_create_handover(self):
        """Gather the selected collected receipts into a new handover."""
        collections = self.filtered(
            lambda c: c.state == "collected" and not c.handover_id
        )
        if not collections:
            raise UserError(
                self.env._("Select collected receipts that are not in a handover yet.")
            )
        users = collections.user_id
        if len(users) > 1 or len(collections.company_id) > 1:
            raise UserError(
                self.env._(
                    "A handover holds the receipts of one rep in one company; select "
                    "them per rep."
                )
            )
        handover = self.env["sale.collection.handover"].create(
            {
                "user_id": users.id,
                "company_id": collections.company_id.id,
                "collection_ids": [Command.set(collections.ids)],
            }
        )
        return handover._get_records_action()

    # ------------------------------------------------------------------ PDC cron
    @api.model
    def _cron_post_due_pdc(self):
        """Post the post-dated cheques whose date has come and that the office
        has received. Each in its own savepoint: one that cannot post (an
        invoice settled by other means meanwhile) gets an activity for the
        officer and does not stop the others."""
        today = fields.Date.context_today(self)
        due = self.search(
            [
                ("is_pdc", "=", True),
                ("state", "=", "handed_over"),
                ("handover_id.state", "=", "received"),
                ("cheque_date", "<=", today),
            ],
            order="cheque_date, id",
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for collection in due:
            officer = collection.handover_id.received_by
            if not collection.company_id.sow_pdc_auto_post:
                if not collection.activity_ids.filtered(
                    lambda a: a.activity_type_id == activity_type
                ):
                    collection.activity_schedule(
                        activity_type_id=activity_type.id,
                        summary=self.env._("Post-dated cheque due: post it"),
                        user_id=officer.id or self.env.uid,
                    )
                continue
            try:
                with self.env.cr.savepoint():
                    collection.action_post()
            except UserError as error:
                collection.message_post(body=str(error))
                collection.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Post-dated cheque due but not posted"),
                    note=str(error),
                    user_id=officer.id or self.env.uid,
                )
        return True

    # ------------------------------------------------------------------ printing
    def action_print_receipt(self):
        return self.env.ref(
            "sales_order_workflow.action_report_sale_collection_receipt"
        ).report_action(self)

    def action_send_receipt(self):
        """Open the mail composer with the receipt attached."""
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("Collect the money first: a draft is not a receipt.")
            )
        template = self.env.ref("sales_order_workflow.mail_template_sale_collection")
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id,
                "default_composition_mode": "comment",
                "force_email": True,
            },
        }

    def action_view_payments(self):
        self.ensure_one()
        return self.payment_ids._get_records_action(name=self.env._("Payments"))

    def _sow_receipt_invoice_lines(self):
        """Allocation lines for the printed receipt."""
        self.ensure_one()
        return self.line_ids.filtered(
            lambda line: not line.currency_id.is_zero(line.amount)
        )
