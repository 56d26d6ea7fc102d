# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A rep hands the money and cheques he collected over to the office.

``draft``: the rep gathers his collected receipts and states the cash he
counted (by denominations if he likes). ``submitted``: the receipts are
handed over and locked. ``received``: a collection officer counted the cash,
the variance is recorded (once), and the receipts can be posted.
"""

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_amount

# Notes and coins, in the currency's units (ringgit: RM100 down to 5 sen).
DEFAULT_DENOMINATIONS = (100, 50, 20, 10, 5, 1, 0.5, 0.2, 0.1, 0.05)


class SaleCollectionHandover(models.Model):
    _name = "sale.collection.handover"
    _description = "Collection Handover"
    _inherit = ["mail.thread", "mail.activity.mixin", "sow.rep.document.mixin"]
    _order = "id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Reference",
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
    )
    state = fields.Selection(
        [("draft", "Draft"), ("submitted", "Submitted"), ("received", "Received")],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    currency_id = fields.Many2one(related="company_id.currency_id", store=True)
    collection_ids = fields.One2many(
        "sale.collection",
        "handover_id",
        string="Receipts",
        check_company=True,
    )
    collection_count = fields.Integer(compute="_compute_totals", store=True)
    amount_cash = fields.Monetary(
        string="Cash",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    amount_cheque = fields.Monetary(
        string="Cheques",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    cheque_count = fields.Integer(
        string="Number of Cheques", compute="_compute_totals", store=True
    )
    amount_bank_transfer = fields.Monetary(
        string="Bank Transfers",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    amount_ewallet = fields.Monetary(
        string="E-wallet",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    amount_card = fields.Monetary(
        string="Card",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    amount_total = fields.Monetary(
        string="Total",
        compute="_compute_totals",
        store=True,
        currency_field="currency_id",
    )
    denomination_ids = fields.One2many(
        "sale.collection.handover.denomination",
        "handover_id",
        string="Denominations",
        copy=False,
    )
    counted_amount = fields.Monetary(
        string="Cash Counted",
        compute="_compute_counted_amount",
        store=True,
        readonly=False,
        currency_field="currency_id",
        tracking=True,
        help="The cash the rep hands over, as he counted it (the sum of the "
        "denominations when he counted by denomination).",
    )
    submitted_at = fields.Datetime(string="Submitted On", readonly=True, copy=False)
    received_by = fields.Many2one("res.users", readonly=True, copy=False, tracking=True)
    received_at = fields.Datetime(string="Received On", readonly=True, copy=False)
    received_amount = fields.Monetary(
        string="Cash Received",
        readonly=True,
        copy=False,
        currency_field="currency_id",
        tracking=True,
        help="The cash the office counted when receiving the handover.",
    )
    expected_cash = fields.Monetary(
        string="Cash Expected",
        readonly=True,
        copy=False,
        currency_field="currency_id",
        help="The cash receipts' total when the handover was received.",
    )
    variance = fields.Monetary(
        compute="_compute_variance",
        store=True,
        currency_field="currency_id",
        help="Cash counted less cash on the receipts: the rep's count until the "
        "office receives the handover, the office's count after (frozen).",
    )
    variance_note = fields.Text(readonly=True, copy=False, tracking=True)
    note = fields.Text(string="Notes")

    _sql_constraints = [
        (
            "counted_not_negative",
            "CHECK(counted_amount >= 0)",
            "The cash counted cannot be negative.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends(
        "collection_ids.state", "collection_ids.amount", "collection_ids.method"
    )
    def _compute_totals(self):
        for handover in self:
            live = handover.collection_ids.filtered(lambda c: c.state != "cancelled")
            totals = dict.fromkeys(
                ("cash", "cheque", "bank_transfer", "ewallet", "card"), 0.0
            )
            for collection in live:
                totals[collection.method] += collection.amount
            handover.collection_count = len(live)
            handover.amount_cash = totals["cash"]
            handover.amount_cheque = totals["cheque"]
            handover.cheque_count = len(live.filtered(lambda c: c.method == "cheque"))
            handover.amount_bank_transfer = totals["bank_transfer"]
            handover.amount_ewallet = totals["ewallet"]
            handover.amount_card = totals["card"]
            handover.amount_total = sum(totals.values())

    @api.depends("denomination_ids.subtotal")
    def _compute_counted_amount(self):
        for handover in self:
            if handover.denomination_ids:
                handover.counted_amount = sum(
                    handover.denomination_ids.mapped("subtotal")
                )
            else:
                handover.counted_amount = handover.counted_amount or 0.0

    @api.depends(
        "state", "counted_amount", "amount_cash", "received_amount", "expected_cash"
    )
    def _compute_variance(self):
        for handover in self:
            if handover.state == "received":
                handover.variance = handover.received_amount - handover.expected_cash
            else:
                handover.variance = handover.counted_amount - handover.amount_cash

    # ---------------------------------------------------------------- ORM hooks
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not vals.get("name") or vals["name"] == self.env._("New"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                vals["name"] = self.env["ir.sequence"].with_company(
                    company
                ).next_by_code("sale.collection.handover") or self.env._("New")
        return super().create(vals_list)

    def write(self, vals):
        protected = {
            "state",
            "received_by",
            "received_at",
            "received_amount",
            "expected_cash",
            "variance_note",
            "submitted_at",
        } & vals.keys()
        if protected and not self.env.context.get("sow_collection_transition"):
            raise UserError(
                self.env._(
                    "A handover is submitted and received through its buttons, not "
                    "by editing it."
                )
            )
        if {
            "counted_amount",
            "denomination_ids",
            "user_id",
            "company_id",
        } & vals.keys():
            self._sow_check_draft()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_submitted(self):
        for handover in self:
            if handover.state != "draft":
                raise UserError(
                    self.env._(
                        "Handover %(handover)s is %(state)s and cannot be deleted.",
                        handover=handover.display_name,
                        state=handover._sow_state_label(),
                    )
                )

    # ------------------------------------------------------------------ helpers
    def _sow_transition(self, vals):
        return self.with_context(sow_collection_transition=True).write(vals)

    def _sow_check_draft(self):
        for handover in self:
            if handover.state != "draft":
                raise UserError(
                    self.env._(
                        "Handover %(handover)s is %(state)s: what the rep declared "
                        "can no longer change.",
                        handover=handover.display_name,
                        state=handover._sow_state_label(),
                    )
                )

    def _sow_fmt(self, amount):
        return format_amount(self.env, amount, self.currency_id)

    # ------------------------------------------------------------------ actions
    def action_add_collected(self):
        """Add all the rep's collected receipts that are in no handover."""
        self._sow_check_draft()
        for handover in self:
            collections = self.env["sale.collection"].search(
                [
                    ("user_id", "=", handover.user_id.id),
                    ("company_id", "=", handover.company_id.id),
                    ("currency_id", "=", handover.currency_id.id),
                    ("state", "=", "collected"),
                    ("handover_id", "=", False),
                ]
            )
            handover.collection_ids = [Command.link(c.id) for c in collections]
        return True

    def action_count_denominations(self):
        """List the notes and coins to count."""
        self._sow_check_draft()
        for handover in self.filtered(lambda h: not h.denomination_ids):
            handover.denomination_ids = [
                Command.create({"value": value, "count": 0})
                for value in DEFAULT_DENOMINATIONS
            ]
        return True

    def action_submit(self):
        """The rep hands the receipts (and the money) over."""
        for handover in self:
            handover._sow_check_draft()
            live = handover.collection_ids.filtered(lambda c: c.state != "cancelled")
            if not live:
                raise UserError(
                    self.env._(
                        "Handover %(handover)s has no receipts; add the receipts "
                        "you are handing over.",
                        handover=handover.display_name,
                    )
                )
            not_collected = live.filtered(lambda c: c.state != "collected")
            if not_collected:
                raise UserError(
                    self.env._(
                        "Receipts %(receipts)s are not in the collected state and "
                        "cannot be handed over.",
                        receipts=", ".join(not_collected.mapped("display_name")),
                    )
                )
            currency = handover.currency_id
            if not currency.is_zero(handover.amount_cash) and currency.is_zero(
                handover.counted_amount
            ):
                raise UserError(
                    self.env._(
                        "Handover %(handover)s holds %(cash)s in cash receipts: enter "
                        "the cash you counted (or count it by denomination) before "
                        "submitting.",
                        handover=handover.display_name,
                        cash=handover._sow_fmt(handover.amount_cash),
                    )
                )
            live._sow_transition({"state": "handed_over"})
            handover._sow_transition(
                {"state": "submitted", "submitted_at": fields.Datetime.now()}
            )
        return True

    def action_return_to_rep(self):
        """An officer sends a submitted handover back to the rep (a receipt is
        missing, the count is wrong...); the receipts are the rep's again."""
        self.env["sale.collection"]._sow_check_officer()
        for handover in self:
            if handover.state != "submitted":
                raise UserError(
                    self.env._(
                        "Only a submitted handover can be returned; %(handover)s is "
                        "%(state)s.",
                        handover=handover.display_name,
                        state=handover._sow_state_label(),
                    )
                )
            handover.collection_ids.filtered(
                lambda c: c.state == "handed_over"
            )._sow_transition({"state": "collected"})
            handover._sow_transition({"state": "draft", "submitted_at": False})
        return True

    def action_receive(self, received_amount=None, variance_note=None):
        """The office received the handover and counted the cash: record it
        and the variance, once. Without an amount, opens the dialog that asks
        for it."""
        self.env["sale.collection"]._sow_check_officer()
        if received_amount is None:
            self.ensure_one()
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Receive Handover"),
                "res_model": "sale.collection.handover.receive",
                "view_mode": "form",
                "target": "new",
                "context": {"default_handover_id": self.id},
            }
        for handover in self:
            if handover.state == "received":
                raise UserError(
                    self.env._(
                        "Handover %(handover)s was already received by %(officer)s "
                        "on %(date)s; it is received once only.",
                        handover=handover.display_name,
                        officer=handover.received_by.name,
                        date=fields.Datetime.to_string(handover.received_at),
                    )
                )
            if handover.state != "submitted":
                raise UserError(
                    self.env._(
                        "Handover %(handover)s is not submitted yet; the rep submits "
                        "it first.",
                        handover=handover.display_name,
                    )
                )
            if received_amount < 0:
                raise UserError(self.env._("The cash received cannot be negative."))
            currency = handover.currency_id
            variance = received_amount - handover.amount_cash
            if not currency.is_zero(variance) and not (variance_note or "").strip():
                raise UserError(
                    self.env._(
                        "Handover %(handover)s: %(received)s received against "
                        "%(expected)s of cash receipts, a variance of %(variance)s. "
                        "Explain the variance to receive it.",
                        handover=handover.display_name,
                        received=handover._sow_fmt(received_amount),
                        expected=handover._sow_fmt(handover.amount_cash),
                        variance=handover._sow_fmt(variance),
                    )
                )
            handover._sow_transition(
                {
                    "state": "received",
                    "received_by": self.env.user.id,
                    "received_at": fields.Datetime.now(),
                    "received_amount": received_amount,
                    "expected_cash": handover.amount_cash,
                    "variance_note": variance_note or False,
                }
            )
        return True

    def action_post_collections(self):
        """Post the handover's receipts; post-dated cheques not yet due stay
        in the PDC register (posted on their date)."""
        self.env["sale.collection"]._sow_check_officer()
        for handover in self:
            if handover.state != "received":
                raise UserError(
                    self.env._(
                        "Receive handover %(handover)s before posting its receipts.",
                        handover=handover.display_name,
                    )
                )
        today = fields.Date.context_today(self)
        waiting = self.collection_ids.filtered(
            lambda c: c.state == "handed_over" and c.is_pdc and c.cheque_date > today
        )
        to_post = (
            self.collection_ids.filtered(lambda c: c.state == "handed_over") - waiting
        )
        to_post.action_post()
        if waiting:
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "info",
                    "title": self.env._("Post-dated cheques wait"),
                    "message": self.env._(
                        "%(count)s receipts posted; %(pdc)s post-dated cheque(s) "
                        "wait in the PDC register until their date.",
                        count=len(to_post),
                        pdc=len(waiting),
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        return True

    def action_view_collections(self):
        self.ensure_one()
        return self.collection_ids._get_records_action(name=self.env._("Receipts"))
