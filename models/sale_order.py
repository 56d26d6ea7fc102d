# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import re
from collections import defaultdict
from urllib.parse import quote

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import float_compare, format_date, format_datetime, formatLang

# Who may approve confirming a quotation that a company policy holds back.
APPROVER_GROUPS = (
    "sales_order_workflow.group_field_manager",
    "sales_team.group_sale_manager",
)
# Changing these on an approved quotation asks for a new approval (the
# lines' own fields are in sale_order_line.py).
APPROVAL_ORDER_FIELDS = frozenset({"partner_id", "warehouse_id", "pricelist_id"})

# Recorded by the addon's own steps (approval, expiry, the quotation's
# moments), never edited: a user writing them (a form, an import, an RPC
# call) is refused, so an approval cannot be faked nor a date moved.
PROTECTED_FIELDS = frozenset(
    {
        "sow_approved_by",
        "sow_approved_on",
        "sow_approval_reason",
        "sow_expired",
        "sow_created_on",
        "sow_sent_on",
        "sow_signed_on",
        "sow_confirmed_on",
        "sow_cancelled_on",
    }
)

CHANNELS = [("visit", "Customer Visit"), ("office", "Office")]

# sow_confirm_state: what confirming the quotation does now, worst first.
CONFIRM_STATES = [
    ("block", "Blocked"),
    ("approval", "Needs Approval"),
    ("warn", "Warning"),
    ("ok", "Nothing to Check"),
]


class SaleOrder(models.Model):
    _inherit = "sale.order"

    visit_id = fields.Many2one(
        "sale.visit",
        string="Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        tracking=True,
        domain="[('partner_id', 'child_of', commercial_partner_id), "
        "('user_id', '=', user_id), ('state', 'in', ('checked_in', 'checked_out'))]",
        help="The customer visit during which this quotation or order was made.",
    )
    commercial_partner_id = fields.Many2one(
        related="partner_id.commercial_partner_id", string="Customer Entity"
    )
    sow_channel = fields.Selection(
        CHANNELS,
        string="Channel",
        compute="_compute_sow_channel",
        store=True,
        help="Customer Visit: taken during a visit (the Visit field). Office: typed "
        "in the office, or by a rep away from a visit.",
    )

    # ---- conversion: the moments the analysis report counts
    sow_created_on = fields.Datetime(
        string="Quoted On",
        default=fields.Datetime.now,
        readonly=True,
        copy=False,
        help="When the quotation was created.",
    )
    sow_sent_on = fields.Datetime(
        string="First Sent On",
        readonly=True,
        copy=False,
        help="When the quotation was first sent to the customer: by email, by a "
        "shared link (WhatsApp), or marked as sent.",
    )
    sow_signed_on = fields.Datetime(
        string="First Signed On",
        readonly=True,
        copy=False,
        help="When the customer first signed the quotation online (Odoo's portal, "
        "on the customer's device or the rep's). Odoo's own Signed On is the "
        "current signature; it is cleared when the quotation is reset.",
    )
    sow_confirmed_on = fields.Datetime(
        string="Confirmed On",
        readonly=True,
        copy=False,
        help="When the quotation became a sales order.",
    )
    sow_cancelled_on = fields.Datetime(
        string="Cancelled On",
        readonly=True,
        copy=False,
        help="When the quotation or order was cancelled.",
    )
    sow_lost_reason_id = fields.Many2one(
        "sale.order.lost.reason",
        string="Lost Reason",
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="Why it was cancelled: chosen when cancelling.",
    )
    sow_lost_note = fields.Text(
        string="Lost Note", copy=False, tracking=True, help="What the customer said."
    )

    # ---- validity
    sow_expired = fields.Boolean(
        string="Expired",
        readonly=True,
        copy=False,
        tracking=True,
        help="Set when the validity date passed (a scheduled action checks daily, "
        "and tells the salesperson); cleared only by renewing the quotation, "
        "which also updates its prices.",
    )
    sow_must_renew = fields.Boolean(
        string="Must Be Renewed",
        compute="_compute_sow_must_renew",
        help="The quotation expired: it cannot be signed or confirmed until renewed.",
    )

    # ---- confirmation control: stock, credit, one approval
    sow_stock_confirm_policy = fields.Selection(
        related="company_id.sow_stock_confirm_policy"
    )
    sow_credit_confirm_policy = fields.Selection(
        related="company_id.sow_credit_confirm_policy"
    )
    sow_stock_shortage = fields.Boolean(
        string="Too Little Stock",
        compute="_compute_sow_confirm_checks",
        help="A line needs more than its warehouse has free right now.",
    )
    sow_stock_shortage_html = fields.Html(
        string="Stock Shortage",
        compute="_compute_sow_confirm_checks",
        sanitize=False,
    )
    sow_credit_issue = fields.Boolean(
        string="Credit Problem",
        compute="_compute_sow_confirm_checks",
        help="The customer is over its credit limit or has overdue invoices.",
    )
    sow_credit_html = fields.Html(
        string="Credit Check", compute="_compute_sow_confirm_checks", sanitize=False
    )
    sow_confirm_issues_html = fields.Html(
        string="Before Confirming",
        compute="_compute_sow_confirm_checks",
        sanitize=False,
        help="What the company's checks found, and what confirming does about it.",
    )
    sow_confirm_state = fields.Selection(
        CONFIRM_STATES,
        string="Confirmation Check",
        compute="_compute_sow_confirm_checks",
    )
    sow_approved_by = fields.Many2one(
        "res.users",
        string="Confirmation Approved By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    sow_approved_on = fields.Datetime(
        string="Confirmation Approved On",
        readonly=True,
        copy=False,
        tracking=True,
    )
    sow_approval_reason = fields.Text(
        string="Approval Reason",
        readonly=True,
        copy=False,
        tracking=True,
        help="Why the manager approved confirming despite the checks.",
    )

    # ------------------------------------------------------------------ computes
    @api.depends("visit_id")
    def _compute_sow_channel(self):
        for order in self:
            order.sow_channel = "visit" if order.visit_id else "office"

    @api.depends("state", "validity_date", "sow_expired")
    def _compute_sow_must_renew(self):
        # as Odoo's is_expired, which declares no dependency (a cached value
        # would outlive a new validity date)
        today = fields.Date.today()
        for order in self:
            order.sow_must_renew = order.state in ("draft", "sent") and bool(
                order.sow_expired
                or (order.validity_date and order.validity_date < today)
            )

    @api.depends(
        "state",
        "company_id",
        "partner_id",
        "amount_total",
        "order_line.product_id",
        "order_line.product_uom",
        "order_line.product_uom_qty",
        "order_line.warehouse_id",
        "order_line.route_id",
        "sow_approved_by",
    )
    def _compute_sow_confirm_checks(self):
        issues = self._sow_confirm_issues()
        for order in self:
            found = issues.get(order.id, [])
            stock = [issue for issue in found if issue["code"] == "stock"]
            credit = [issue for issue in found if issue["code"] == "credit"]
            order.sow_stock_shortage = bool(stock)
            order.sow_stock_shortage_html = stock[0]["html"] if stock else False
            order.sow_credit_issue = bool(credit)
            order.sow_credit_html = credit[0]["html"] if credit else False
            order.sow_confirm_issues_html = (
                order._sow_issues_html(found) if found else False
            )
            order.sow_confirm_state = order._sow_confirm_state(found)

    # ---------------------------------------------------------------- constraints
    @api.constrains("visit_id", "partner_id", "user_id", "company_id")
    def _check_sow_visit(self):
        for order in self.filtered("visit_id"):
            visit = order.visit_id.sudo()  # a manager may check a rep's visit
            if (
                visit.partner_id.commercial_partner_id
                != order.partner_id.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(order)s is for %(customer)s, but visit %(visit)s was at "
                        "%(visited)s. Pick a visit at %(customer)s, or clear the "
                        "Visit field.",
                        order=order.name,
                        customer=order.partner_id.display_name,
                        visit=visit.name,
                        visited=visit.partner_id.display_name,
                    )
                )
            if visit.user_id != order.user_id:
                raise ValidationError(
                    self.env._(
                        "%(order)s is sold by %(salesperson)s, but visit %(visit)s "
                        "was made by %(rep)s. An order belongs to the visit of its "
                        "own salesperson: change the salesperson, or clear the "
                        "Visit field.",
                        order=order.name,
                        salesperson=order.user_id.name or self.env._("nobody"),
                        visit=visit.name,
                        rep=visit.user_id.name,
                    )
                )
        # the lines' own check, for lines that were there before the visit
        self.filtered("visit_id").order_line._check_sow_field_line()

    # ----------------------------------------------------------------- ORM hooks
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            for vals in vals_list:
                self._sow_check_protected(vals)
            self._sow_link_current_visit(vals_list)
        return super().create(vals_list)

    def _sow_check_protected(self, vals):
        protected = sorted(PROTECTED_FIELDS & vals.keys())
        if protected and not self.env.su:
            raise AccessError(
                self.env._(
                    "%(fields)s of %(orders)s are recorded by the quotation's own "
                    "steps (Approve, Renew, sending, signing, confirming, "
                    "cancelling) and cannot be written directly.",
                    fields=", ".join(
                        self._fields[name]._description_string(self.env)
                        for name in protected
                    ),
                    orders=", ".join(self.mapped("name"))
                    or self.env._("a new quotation"),
                )
            )

    @api.model
    def _sow_link_current_visit(self, vals_list):
        """A quotation the rep types while checked in at that very customer
        belongs to that visit, even when made with the ordinary New button."""
        if not self.env.user.has_group("sales_order_workflow.group_field_rep"):
            return
        visit = self.env["sale.visit"]._sow_current_visit()
        if not visit:
            return
        visited = visit.partner_id.commercial_partner_id
        for vals in vals_list:
            if "visit_id" in vals or not vals.get("partner_id"):
                continue
            partner = self.env["res.partner"].browse(vals["partner_id"])
            # the salesperson Odoo will give the order when none is given
            user_id = (
                vals.get("user_id")
                or (partner.user_id or partner.commercial_partner_id.user_id).id
                or self.env.uid
            )
            if (
                partner.commercial_partner_id == visited
                and user_id == visit.user_id.id
                and vals.get("company_id", self.env.company.id) == visit.company_id.id
            ):
                vals["visit_id"] = visit.id

    def write(self, vals):
        self._sow_check_protected(vals)
        unsent = unsigned = self.browse()
        if vals.get("state"):
            vals = self._sow_conversion_values(vals)
            if vals["state"] == "sent":
                unsent = self.filtered(lambda o: not o.sow_sent_on)
        if vals.get("signed_on"):
            unsigned = self.filtered(lambda o: not o.sow_signed_on)
        result = super().write(vals)
        # only the first sending and the first signature count
        if unsent:
            super(SaleOrder, unsent).write({"sow_sent_on": fields.Datetime.now()})
        if unsigned:
            super(SaleOrder, unsigned).write({"sow_signed_on": vals["signed_on"]})
        if APPROVAL_ORDER_FIELDS & vals.keys():
            self._sow_reset_approval()
        return result

    @api.model
    def _sow_conversion_values(self, vals):
        """The moment of each step of the quotation's life, written with the
        state that marks it."""
        vals = dict(vals)
        now = fields.Datetime.now()
        if vals["state"] == "sale":
            vals["sow_confirmed_on"] = now
        elif vals["state"] == "cancel":
            vals["sow_cancelled_on"] = now
        elif vals["state"] == "draft":
            # back to a quotation: it is neither confirmed nor lost any more
            vals.update(
                sow_confirmed_on=False,
                sow_cancelled_on=False,
                sow_lost_reason_id=False,
                sow_lost_note=False,
            )
        return vals

    # ---------------------------------------------------------- new quotation
    @api.model
    def _sow_new_quotation_action(self, partner, visit=None, user=None):
        """The form of a new quotation for ``partner``: Odoo fills in the
        pricelist and the payment terms from the customer; the salesperson
        (the visit's rep, or the current user), the salesperson's default
        warehouse and the visit come from here."""
        user = (visit.user_id if visit else user) or self.env.user
        context = {
            "default_partner_id": partner.id,
            "default_user_id": user.id,
            "default_company_id": (visit.company_id if visit else self.env.company).id,
        }
        if visit:
            context["default_visit_id"] = visit.id
        company = visit.company_id if visit else self.env.company
        # sudo: another user's default warehouse (a manager opening a quotation
        # from a rep's visit); only the warehouse is read.
        warehouse = user.with_company(company).sudo().property_warehouse_id
        if warehouse:
            context["default_warehouse_id"] = warehouse.id
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Quotation"),
            "res_model": "sale.order",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": context,
        }

    # ------------------------------------------------------------ validity
    def _sow_check_not_expired(self):
        expired = self.filtered("sow_must_renew")
        if expired:
            order = expired[0]
            raise UserError(
                self.env._(
                    "%(order)s expired on %(date)s. Renew it first (Renew: a new "
                    "validity date and today's prices), then confirm or sign it.",
                    order=order.name,
                    date=format_date(self.env, order.validity_date)
                    if order.validity_date
                    else self.env._("an earlier date"),
                )
            )

    def action_sow_renew(self):
        """Open the renewal of this expired (or expiring) quotation."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(order)s is no longer a quotation; only quotations are "
                    "renewed.",
                    order=self.name,
                )
            )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Renew %(order)s", order=self.name),
            "res_model": "sale.order.renew",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_order_id": self.id},
        }

    def _sow_renew(self, validity_date):
        """A new validity date and today's prices; the chatter says what
        changed. The expiry activity is done."""
        today = fields.Date.context_today(self)
        if not validity_date or validity_date < today:
            raise UserError(
                self.env._(
                    "The new validity date must be today or later (today is "
                    "%(today)s).",
                    today=format_date(self.env, today),
                )
            )
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is no longer a quotation; only quotations are "
                        "renewed.",
                        order=order.name,
                    )
                )
            old_date = order.validity_date
            old_total = order.amount_total
            order.validity_date = validity_date
            # the expiry mark is protected from users: written past the check
            super(SaleOrder, order).write({"sow_expired": False})
            # Odoo's own re-pricing from the pricelist; it logs its own note
            order.action_update_prices()
            order.message_post(
                body=self.env._(
                    "Quotation renewed: valid until %(new)s (was %(old)s); prices "
                    "updated, total %(old_total)s → %(new_total)s.",
                    new=format_date(self.env, validity_date),
                    old=format_date(self.env, old_date)
                    if old_date
                    else self.env._("no date"),
                    old_total=formatLang(
                        self.env, old_total, currency_obj=order.currency_id
                    ),
                    new_total=formatLang(
                        self.env, order.amount_total, currency_obj=order.currency_id
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )
            order.activity_feedback(
                ["sales_order_workflow.mail_activity_type_quotation_expired"],
                feedback=self.env._("Renewed by %(user)s", user=self.env.user.name),
            )
        return True

    @api.model
    def _cron_sow_mark_expired(self, limit=500):
        """Mark the quotations whose validity date has passed and give each
        salesperson an activity, once per quotation."""
        today = fields.Date.context_today(self)
        domain = [
            ("state", "in", ("draft", "sent")),
            ("validity_date", "<", today),
            ("sow_expired", "=", False),
        ]
        orders = self.search(domain, order="validity_date, id", limit=limit)
        for order in orders:
            super(SaleOrder, order).write({"sow_expired": True})
            if order.user_id:
                order.activity_schedule(
                    "sales_order_workflow.mail_activity_type_quotation_expired",
                    user_id=order.user_id.id,
                    note=self.env._(
                        "%(order)s for %(customer)s expired on %(date)s. Renew it "
                        "(new validity, today's prices) or cancel it with a lost "
                        "reason.",
                        order=order.name,
                        customer=order.partner_id.display_name,
                        date=format_date(self.env, order.validity_date),
                    ),
                )
        remaining = self.search_count(domain) if len(orders) == limit else 0
        self.env["ir.cron"]._notify_progress(done=len(orders), remaining=remaining)
        return orders

    # ------------------------------------------------ acceptance and sharing
    def _sow_portal_full_url(self):
        self.ensure_one()
        return self.get_base_url() + self.get_portal_url()

    def action_sow_sign_now(self):
        """Open Odoo's own portal page of the quotation, with its access
        token, on this device: the customer reads it and signs there."""
        self.ensure_one()
        if self.state not in ("draft", "sent"):
            raise UserError(
                self.env._(
                    "%(order)s is no longer a quotation: there is nothing to sign.",
                    order=self.name,
                )
            )
        self._sow_check_not_expired()
        if not self.require_signature:
            raise UserError(
                self.env._(
                    "%(order)s does not ask for a signature. Tick Online Signature "
                    "(Other Info tab) to let the customer sign it.",
                    order=self.name,
                )
            )
        if self.signature:
            raise UserError(
                self.env._(
                    "%(order)s was signed already by %(signer)s.",
                    order=self.name,
                    signer=self.signed_by or self.partner_id.display_name,
                )
            )
        return {
            "type": "ir.actions.act_url",
            "target": "self",
            "url": self.get_portal_url(),
        }

    @api.model
    def _sow_whatsapp_number(self, partner):
        """The customer's mobile (or phone) as wa.me wants it: the country
        code and the number, digits only ('012-345 6789' in Malaysia is
        60123456789). False without a number."""
        number = partner.mobile or partner.phone
        if not number:
            return False
        digits = re.sub(r"\D", "", number)
        if number.strip().startswith("+"):
            return digits or False
        if digits.startswith("00"):
            return digits[2:] or False
        country = partner.country_id or partner.commercial_partner_id.country_id
        country = country or self.env.company.country_id
        if digits.startswith("0") and country.phone_code:
            return f"{country.phone_code}{digits[1:]}"
        return digits or False

    def action_sow_share_whatsapp(self):
        """WhatsApp, with a message to the customer holding the link to the
        quotation's page (sign and pay there); the quotation counts as sent."""
        self.ensure_one()
        if self.state == "cancel":
            raise UserError(
                self.env._(
                    "%(order)s is cancelled; set it back to a quotation first.",
                    order=self.name,
                )
            )
        self._sow_check_not_expired()
        lang = self.partner_id.lang or self.env.lang
        order = self.with_context(lang=lang)
        text = order.env._(
            "Hello %(customer)s, here is %(document)s %(order)s from %(company)s "
            "(%(total)s): %(url)s",
            customer=self.partner_id.name,
            document=order.type_name,
            order=self.name,
            company=self.company_id.name,
            total=formatLang(
                order.env, self.amount_total, currency_obj=self.currency_id
            ),
            url=self._sow_portal_full_url(),
        )
        number = self._sow_whatsapp_number(self.partner_id)
        if self.state == "draft":
            self.action_quotation_sent()
        # outside the call: Odoo's term extraction cannot read f-strings
        to = "+" + number if number else self.env._("a contact chosen in WhatsApp")
        self.message_post(
            body=self.env._("Link shared on WhatsApp with %(to)s.", to=to),
            subtype_xmlid="mail.mt_note",
        )
        return {
            "type": "ir.actions.act_url",
            "target": "new",
            "url": "https://wa.me/{}?text={}".format(number or "", quote(text)),
        }

    # ---------------------------------------------------------- cancelling
    def action_cancel(self):
        result = super().action_cancel()
        if (
            self.env.context.get("sow_ask_lost_reason")
            and isinstance(result, dict)
            and result.get("res_model") == "sale.order.cancel"
        ):
            result["context"] = dict(
                result.get("context") or {}, default_sow_ask_lost_reason=True
            )
        return result

    def _show_cancel_wizard(self):
        """The form's Cancel button asks for a lost reason, drafts too."""
        if self.env.context.get("sow_ask_lost_reason") and not self.env.context.get(
            "disable_cancel_warning"
        ):
            return True
        return super()._show_cancel_wizard()

    # ------------------------------------------------ confirmation control
    def _sow_confirm_issues(self):
        """What the company's checks find on the quotations of ``self``:
        {order id: [issue]}. An issue is a dict: ``code`` (stock, credit),
        ``policy`` (warn, block, approval), ``title``, ``text`` (plain),
        ``html``, ``fix`` (what to do about it). Other checks add theirs by
        extending this method."""
        issues = defaultdict(list)
        for checks in (self._sow_stock_issues(), self._sow_credit_issues()):
            for order_id, issue in checks.items():
                issues[order_id].append(issue)
        return issues

    def _sow_confirm_state(self, issues):
        self.ensure_one()
        policies = {issue["policy"] for issue in issues}
        if "block" in policies:
            return "block"
        if "approval" in policies and not self.sow_approved_by:
            return "approval"
        return "warn" if issues else "ok"

    def _sow_issue_heading(self, issue):
        self.ensure_one()
        title = issue["title"]
        if issue["policy"] == "block":
            return self.env._(
                "%(issue)s; this quotation cannot be confirmed:", issue=title
            )
        if issue["policy"] == "approval":
            if self.sow_approved_by:
                return self.env._(
                    "%(issue)s, approved by %(user)s on %(date)s:",
                    issue=title,
                    user=self.sow_approved_by.name,
                    date=format_datetime(
                        self.env, self.sow_approved_on, dt_format="short"
                    )
                    if self.sow_approved_on
                    else "",
                )
            return self.env._(
                "%(issue)s; confirming needs a manager's approval:", issue=title
            )
        return self.env._("%(issue)s:", issue=title)

    def _sow_issues_html(self, issues):
        self.ensure_one()
        return Markup().join(
            Markup("<p class='mb-1'><strong>%s</strong></p>%s")
            % (self._sow_issue_heading(issue), issue["html"])
            for issue in issues
        )

    def _sow_issues_text(self, issues):
        self.ensure_one()
        return "\n".join(
            f"{self._sow_issue_heading(issue)}\n{issue['text']}" for issue in issues
        )

    def action_confirm(self):
        """Confirm, as far as the company's checks (stock, credit) allow.

        A user: an expired quotation is refused (renew it first). Then, per
        check and policy: block refuses; approval needs a manager's approval
        (a manager who confirms approves, and says why when confirming from
        the form); warn confirms, after asking when confirmed from the form
        (context ``sow_confirm_review``). The chatter keeps what was found.

        The superuser (the customer signing or paying online, scheduled and
        automated actions) cannot be asked anything: warnings confirm with the
        same note, and a quotation that is blocked or still waits for an
        approval is not confirmed but held: it stays a quotation (the
        customer's signature is kept), the chatter says why, the salesperson
        gets an activity (and the team leader an approval request). It is
        confirmed once the problem is solved, or when a manager approves it.
        """
        if not self.env.su:
            self._sow_check_not_expired()
        issues = self._sow_confirm_issues()
        if not issues:
            return super().action_confirm()
        states = {
            order: order._sow_confirm_state(issues.get(order.id, [])) for order in self
        }
        blocked = self.filtered(lambda o: states[o] == "block")
        awaiting = self.filtered(lambda o: states[o] == "approval")
        if self.env.su:
            held = blocked | awaiting
            held._sow_hold(issues)
            to_confirm = self - held
            if not to_confirm:
                return True
            result = super(SaleOrder, to_confirm).action_confirm()
            to_confirm._sow_post_confirmed_issues(issues)
            return result
        if blocked:
            order = blocked[0]
            found = [i for i in issues[order.id] if i["policy"] == "block"]
            raise UserError(
                self.env._(
                    "%(order)s cannot be confirmed.\n%(issues)s\n%(fix)s",
                    order=order.name,
                    issues=order._sow_issues_text(found),
                    fix="\n".join(issue["fix"] for issue in found),
                )
            )
        if awaiting and not self._sow_is_approver():
            order = awaiting[0]
            found = [i for i in issues[order.id] if i["policy"] == "approval"]
            raise UserError(
                self.env._(
                    "%(order)s needs a manager's approval to be confirmed.\n"
                    "%(issues)s\nUse “Request Approval” on the quotation, or: "
                    "%(fix)s",
                    order=order.name,
                    issues=order._sow_issues_text(found),
                    fix=" ".join(issue["fix"] for issue in found),
                )
            )
        context = self.env.context
        if context.get("sow_confirm_review") and not context.get(
            "sow_confirm_reviewed"
        ):
            to_review = self.filtered(lambda o: o.id in issues)
            return self.env["sale.order.confirm.review"]._sow_open(
                self, to_review, mode="confirm"
            )
        if awaiting:
            awaiting._sow_do_approve(
                context.get("sow_approval_reason")
                or self.env._("Approved by confirming the order.")
            )
        result = super().action_confirm()
        self._sow_post_confirmed_issues(issues)
        return result

    def _sow_post_confirmed_issues(self, issues):
        for order in self.filtered(lambda o: o.id in issues):
            order.message_post(
                body=Markup("<p>%s</p>%s")
                % (
                    self.env._("Confirmed despite these checks:"),
                    order._sow_issues_html(issues[order.id]),
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _sow_hold(self, issues):
        """Quotations the superuser could not confirm: note, activities."""
        for order in self:
            found = issues[order.id]
            order.message_post(
                body=Markup("<p>%s</p>%s")
                % (
                    self.env._(
                        "Not confirmed: the quotation stays as it is (the "
                        "customer's signature is kept) until this is resolved:"
                    ),
                    order._sow_issues_html(found),
                ),
                subtype_xmlid="mail.mt_note",
            )
            responsible = order.user_id or order.team_id.user_id
            if responsible:
                order._sow_schedule_once(
                    "sales_order_workflow.mail_activity_type_order_held",
                    responsible,
                    order._sow_issues_text(found),
                )
            if order._sow_confirm_state(found) == "approval":
                order._sow_request_approval(raise_if_no_approver=False)

    def _sow_schedule_once(self, xmlid, user, note):
        self.ensure_one()
        activity_type = self.env.ref(xmlid)
        if self.activity_ids.filtered(
            lambda a: a.activity_type_id == activity_type and a.user_id == user
        ):
            return False
        return self.activity_schedule(xmlid, user_id=user.id, note=note)

    # --------------------------------------------------------------- approval
    @api.model
    def _sow_is_approver(self, user=None):
        user = user or self.env.user
        return any(user.has_group(group) for group in APPROVER_GROUPS)

    def _sow_check_approver(self):
        if not self._sow_is_approver():
            raise AccessError(
                self.env._(
                    "Only a sales manager (Field Sales Manager or Sales "
                    "Administrator) can approve confirming %(orders)s. Use "
                    "“Request Approval” to ask one.",
                    orders=", ".join(self.mapped("name")),
                )
            )

    def action_sow_approve(self, reason=None):
        """Approve confirming despite the checks (managers only). Without a
        reason, open the form that asks for one; with one, approve. A
        quotation the customer signed while it waited is confirmed now."""
        self._sow_check_approver()
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is no longer a quotation; there is nothing to "
                        "approve.",
                        order=order.name,
                    )
                )
        if reason is None:
            return self.env["sale.order.confirm.review"]._sow_open(
                self, self, mode="approve"
            )
        self._sow_do_approve(reason)
        signed = self.filtered(
            lambda o: o.signature
            and not o.sow_must_renew
            and o.sow_confirm_state in ("warn", "ok")
        )
        if signed:
            signed.action_confirm()
        return True

    def _sow_do_approve(self, reason):
        self._sow_check_approver()
        reason = (reason or "").strip()
        if not reason:
            raise UserError(
                self.env._(
                    "Say why you approve confirming %(orders)s.",
                    orders=", ".join(self.mapped("name")),
                )
            )
        issues = self._sow_confirm_issues()
        now = fields.Datetime.now()
        activity_type = self.env.ref(
            "sales_order_workflow.mail_activity_type_confirm_approval"
        )
        for order in self:
            # protected from users; the approver was checked above
            super(SaleOrder, order).write(
                {
                    "sow_approved_by": self.env.uid,
                    "sow_approved_on": now,
                    "sow_approval_reason": reason,
                }
            )
            found = issues.get(order.id, [])
            body = Markup("<p>%s</p>%s") % (
                self.env._(
                    "Confirmation approved by %(user)s: %(reason)s",
                    user=self.env.user.name,
                    reason=reason,
                ),
                order._sow_issues_html(found) if found else "",
            )
            requests = order.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            )
            if requests:
                requests.action_feedback(feedback=body)
            else:
                order.message_post(body=body, subtype_xmlid="mail.mt_note")
        return True

    def action_sow_request_approval(self):
        for order in self:
            order._sow_request_approval()
        return True

    def _sow_request_approval(self, raise_if_no_approver=True):
        self.ensure_one()
        approver = self.team_id.user_id
        if not approver or not self._sow_is_approver(approver):
            if not raise_if_no_approver:
                return False
            raise UserError(
                self.env._(
                    "%(order)s: the sales team %(team)s has no leader who is a "
                    "sales manager to ask. Set the team's leader, or ask a "
                    "manager to approve the quotation directly.",
                    order=self.name,
                    team=self.team_id.name or self.env._("(none)"),
                )
            )
        issues = self._sow_confirm_issues().get(self.id, [])
        return self._sow_schedule_once(
            "sales_order_workflow.mail_activity_type_confirm_approval",
            approver,
            self._sow_issues_text(issues),
        )

    def _sow_reset_approval(self):
        """A changed quotation needs a new approval."""
        approved = self.filtered(
            lambda o: o.sow_approved_by and o.state in ("draft", "sent")
        )
        if approved:
            super(SaleOrder, approved).write(
                {
                    "sow_approved_by": False,
                    "sow_approved_on": False,
                    "sow_approval_reason": False,
                }
            )
        return approved

    # ------------------------------------------------------------------ stock
    def _sow_stock_issues(self):
        result = {}
        shortages = self._sow_stock_shortages()
        for order in self.filtered(lambda o: o.id in shortages):
            found = shortages[order.id]
            result[order.id] = {
                "code": "stock",
                "policy": order.company_id.sow_stock_confirm_policy,
                "title": self.env._("Too little free stock"),
                "text": order._sow_stock_shortage_message(found, html=False),
                "html": order._sow_stock_shortage_message(found),
                "fix": self.env._(
                    "Lower the quantities, deliver from another warehouse, or wait "
                    "for the stock to come in."
                ),
            }
        return result

    def _sow_stock_shortages(self):
        """{order id: [shortage]} for quotations whose lines need more than
        their warehouse has free now. A shortage is a dict: product, warehouse,
        needed and free (in the product's unit), and elsewhere, the other
        warehouses of the company with free stock, as [(warehouse, free)].

        Lines of one product from one warehouse are added up; services,
        untracked goods and lines replenished on order (MTO) never fall short.
        A constant number of queries per company, not per order or line.
        """
        result = {}
        quotations = self.filtered(lambda o: o.state in ("draft", "sent"))
        for company in quotations.company_id:
            orders = quotations.filtered(lambda o, c=company: o.company_id == c)
            lines = orders.order_line.filtered(
                lambda line: not line.display_type
                and line.product_id.type == "consu"
                and line.product_id.is_storable
                and line.warehouse_id
                and not line.is_mto
            )
            if not lines:
                continue
            needed = defaultdict(float)
            for line in lines:
                needed[(line.order_id, line.warehouse_id, line.product_id)] += (
                    line.product_uom._compute_quantity(
                        line.product_uom_qty,
                        line.product_id.uom_id,
                        rounding_method="HALF-UP",
                    )
                )
            warehouses = (
                self.env["stock.warehouse"]
                .with_company(company)
                .search([("company_id", "=", company.id)])
            ) | lines.warehouse_id
            availability = lines.product_id.with_company(company).sow_availability(
                warehouse_ids=warehouses.ids, include_archived=True
            )
            for (order, warehouse, product), qty in needed.items():
                per_warehouse = availability[product.id]
                free = per_warehouse[warehouse.id]["free"]
                rounding = product.uom_id.rounding
                if float_compare(qty, free, precision_rounding=rounding) <= 0:
                    continue
                elsewhere = [
                    (other, per_warehouse[other.id]["free"])
                    for other in warehouses
                    if other != warehouse
                    and float_compare(
                        per_warehouse[other.id]["free"], 0, precision_rounding=rounding
                    )
                    > 0
                ]
                result.setdefault(order.id, []).append(
                    {
                        "product": product,
                        "warehouse": warehouse,
                        "needed": qty,
                        "free": free,
                        "elsewhere": elsewhere,
                    }
                )
        return result

    def _sow_format_qty(self, quantity, product):
        return "{} {}".format(
            formatLang(self.env, quantity, dp="Product Unit of Measure"),
            product.uom_id.name,
        )

    def _sow_stock_shortage_message(self, shortages, html=True):
        """The shortages as an HTML list (or plain text lines)."""
        items = []
        for shortage in shortages:
            product = shortage["product"]
            text = self.env._(
                "%(product)s: %(needed)s needed from %(warehouse)s, "
                "%(free)s free there",
                product=product.display_name,
                needed=self._sow_format_qty(shortage["needed"], product),
                warehouse=shortage["warehouse"].name,
                free=self._sow_format_qty(shortage["free"], product),
            )
            if shortage["elsewhere"]:
                text = self.env._(
                    "%(shortage)s (free elsewhere: %(elsewhere)s)",
                    shortage=text,
                    elsewhere=", ".join(
                        f"{warehouse.name} {self._sow_format_qty(free, product)}"
                        for warehouse, free in shortage["elsewhere"]
                    ),
                )
            items.append(text)
        if not html:
            return "\n".join(f"- {item}" for item in items)
        return Markup("<ul class='mb-0'>%s</ul>") % Markup().join(
            Markup("<li>%s</li>") % escape(item) for item in items
        )

    # ----------------------------------------------------------------- credit
    def _sow_credit_issues(self):
        """{order id: issue} for quotations whose customer is over its credit
        limit (when the company uses credit limits) or has invoices overdue
        by more than the company's number of days (when it checks them)."""
        result = {}
        figures_cache = {}
        for order in self:
            company = order.company_id
            check_limit = company.account_use_credit_limit
            check_overdue = company.sow_credit_check_overdue
            if (
                order.state not in ("draft", "sent")
                or not order.partner_id
                or not (check_limit or check_overdue)
            ):
                continue
            partner = order.partner_id.commercial_partner_id
            key = (partner.id, company.id)
            if key not in figures_cache:
                figures_cache[key] = partner._sow_credit_figures(
                    company,
                    overdue_days=company.sow_credit_overdue_days
                    if check_overdue
                    else None,
                )
            figures = dict(figures_cache[key])
            currency = figures["currency"]
            this_order = currency.round(
                order.amount_total / (order.currency_rate or 1.0)
            )
            exposure = figures["receivable"] + figures["to_invoice"] + this_order
            figures.update(this_order=this_order, exposure=exposure)
            over = (
                check_limit
                and currency.compare_amounts(figures["limit"], 0.0) > 0
                and currency.compare_amounts(exposure, figures["limit"]) > 0
            )
            overdue = check_overdue and figures["overdue_count"] > 0
            if not (over or overdue):
                continue
            if over and overdue:
                title = self.env._("Over the credit limit, with overdue invoices")
            elif over:
                title = self.env._("Over the credit limit")
            else:
                title = self.env._("Overdue invoices")
            lines = order._sow_credit_message(figures, check_limit, check_overdue)
            result[order.id] = {
                "code": "credit",
                "policy": company.sow_credit_confirm_policy,
                "title": title,
                "text": "\n".join(lines),
                "html": Markup("<ul class='mb-0'>%s</ul>")
                % Markup().join(Markup("<li>%s</li>") % line for line in lines),
                "fix": self.env._(
                    "Collect the overdue invoices or a payment, lower the order, or "
                    "ask the accountant to raise the customer's credit limit."
                ),
                "figures": figures,
            }
        return result

    def _sow_credit_message(self, figures, check_limit, check_overdue):
        """The credit check in words: exposure against the limit, overdue
        invoices and the oldest of them. Amounts in the company's currency."""
        self.ensure_one()
        currency = figures["currency"]

        def money(amount):
            return formatLang(self.env, amount, currency_obj=currency)

        customer = figures["partner"].display_name
        details = self.env._(
            "open receivables %(receivable)s + confirmed orders not yet invoiced "
            "%(to_invoice)s + this order %(order)s",
            receivable=money(figures["receivable"]),
            to_invoice=money(figures["to_invoice"]),
            order=money(figures["this_order"]),
        )
        limit = figures["limit"]
        if check_limit and currency.compare_amounts(limit, 0.0) > 0:
            excess = figures["exposure"] - limit
            if currency.compare_amounts(excess, 0.0) > 0:
                lines = [
                    self.env._(
                        "%(customer)s: exposure %(exposure)s (%(details)s) is over "
                        "the credit limit of %(limit)s by %(excess)s.",
                        customer=customer,
                        exposure=money(figures["exposure"]),
                        details=details,
                        limit=money(limit),
                        excess=money(excess),
                    )
                ]
            else:
                lines = [
                    self.env._(
                        "%(customer)s: exposure %(exposure)s (%(details)s) is within "
                        "the credit limit of %(limit)s.",
                        customer=customer,
                        exposure=money(figures["exposure"]),
                        details=details,
                        limit=money(limit),
                    )
                ]
        else:
            lines = [
                self.env._(
                    "%(customer)s: exposure %(exposure)s (%(details)s); no credit "
                    "limit is set.",
                    customer=customer,
                    exposure=money(figures["exposure"]),
                    details=details,
                )
            ]
        if check_overdue:
            days = self.company_id.sow_credit_overdue_days
            if figures["overdue_count"]:
                values = {
                    "amount": money(figures["overdue_amount"]),
                    "count": figures["overdue_count"],
                    "days": days,
                    "invoice": figures["overdue_oldest_name"],
                    "due": format_date(self.env, figures["overdue_oldest_due"]),
                    "age": figures["overdue_oldest_days"],
                }
                if days:
                    lines.append(
                        self.env._(
                            "Overdue by more than %(days)s days: %(amount)s in "
                            "%(count)s invoice(s); the oldest is %(invoice)s, due "
                            "on %(due)s (%(age)s days overdue).",
                            **values,
                        )
                    )
                else:
                    lines.append(
                        self.env._(
                            "Overdue: %(amount)s in %(count)s invoice(s); the oldest "
                            "is %(invoice)s, due on %(due)s (%(age)s days overdue).",
                            **values,
                        )
                    )
            else:
                lines.append(
                    self.env._(
                        "No invoice overdue by more than %(days)s days.", days=days
                    )
                )
        return lines

    # ---------------------------------------------------------------- inquiry
    def action_sow_stock_inquiry(self):
        """Open the stock inquiry for this quotation's customer; what is added
        there extends this quotation."""
        self.ensure_one()
        return self.env["sale.stock.inquiry"]._sow_open_action(
            {
                "default_partner_id": self.partner_id.id,
                "default_order_id": self.id,
                "default_delivery_warehouse_id": self.warehouse_id.id,
            }
        )
