# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import float_compare, formatLang

STOCK_APPROVER_GROUPS = (
    "sales_order_workflow.group_field_manager",
    "sales_team.group_sale_manager",
)


class SaleOrder(models.Model):
    _inherit = "sale.order"

    visit_id = fields.Many2one(
        "sale.visit",
        string="Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        tracking=True,
        help="The customer visit during which this quotation or order was made.",
    )

    sow_stock_confirm_policy = fields.Selection(
        related="company_id.sow_stock_confirm_policy"
    )
    sow_stock_shortage = fields.Boolean(
        string="Too Little Stock",
        compute="_compute_sow_stock_shortage",
        help="A line needs more than its warehouse has free right now.",
    )
    sow_stock_shortage_html = fields.Html(
        string="Stock Shortage",
        compute="_compute_sow_stock_shortage",
        sanitize=False,
    )
    sow_stock_approved_by = fields.Many2one(
        "res.users",
        string="Stock Shortage Approved By",
        readonly=True,
        copy=False,
        tracking=True,
    )
    sow_stock_approved_date = fields.Datetime(
        string="Stock Shortage Approved On",
        readonly=True,
        copy=False,
        tracking=True,
    )

    # ------------------------------------------------------------------ shortage
    @api.depends(
        "state",
        "company_id",
        "order_line.product_id",
        "order_line.product_uom",
        "order_line.product_uom_qty",
        "order_line.warehouse_id",
        "order_line.route_id",
    )
    def _compute_sow_stock_shortage(self):
        shortages = self._sow_stock_shortages()
        for order in self:
            found = shortages.get(order.id)
            order.sow_stock_shortage = bool(found)
            order.sow_stock_shortage_html = (
                order._sow_stock_shortage_message(found) if found else False
            )

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

    # ------------------------------------------------------------------ confirm
    def action_confirm(self):
        """Apply the company's policy for confirming with too little stock.

        warn: the order form's Confirm buttons (context ``sow_stock_warning``)
        first show the shortage and ask; other callers confirm. Either way the
        chatter says what was short. block: no confirmation. approval: only
        once a manager approved (a manager who confirms approves). Superuser
        calls (the customer signing online, scheduled actions) are not checked.
        """
        if self.env.su:
            return super().action_confirm()
        shortages = self._sow_stock_shortages()
        short = self.filtered(lambda o: o.id in shortages)
        by_policy = defaultdict(lambda: self.browse())
        for order in short:
            by_policy[order.company_id.sow_stock_confirm_policy] |= order
        if by_policy["block"]:
            order = by_policy["block"][0]
            raise UserError(
                self.env._(
                    "%(order)s cannot be confirmed: there is too little free stock.\n"
                    "%(shortage)s\n"
                    "Lower the quantities, deliver from another warehouse, or wait "
                    "for the stock to come in.",
                    order=order.name,
                    shortage=order._sow_stock_shortage_message(
                        shortages[order.id], html=False
                    ),
                )
            )
        awaiting = by_policy["approval"].filtered(lambda o: not o.sow_stock_approved_by)
        if awaiting:
            if not self._sow_is_stock_approver():
                order = awaiting[0]
                raise UserError(
                    self.env._(
                        "%(order)s needs a manager's approval to be confirmed with "
                        "too little free stock.\n%(shortage)s\n"
                        "Use “Request Approval” on the quotation, or lower the "
                        "quantities.",
                        order=order.name,
                        shortage=order._sow_stock_shortage_message(
                            shortages[order.id], html=False
                        ),
                    )
                )
            awaiting._sow_approve_stock_shortage()
        warned = by_policy["warn"]
        if (
            warned
            and self.env.context.get("sow_stock_warning")
            and not self.env.context.get("sow_stock_warning_accepted")
        ):
            return self.env["sale.order.stock.warning"]._sow_open(self, warned)
        result = super().action_confirm()
        for order in warned:
            order.message_post(
                body=Markup("%s%s")
                % (
                    self.env._("Confirmed with too little free stock:"),
                    order._sow_stock_shortage_message(shortages[order.id]),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return result

    # ------------------------------------------------------------------ approval
    @api.model
    def _sow_is_stock_approver(self, user=None):
        user = user or self.env.user
        return any(user.has_group(group) for group in STOCK_APPROVER_GROUPS)

    def _sow_approve_stock_shortage(self):
        now = fields.Datetime.now()
        for order in self:
            order.write(
                {"sow_stock_approved_by": self.env.uid, "sow_stock_approved_date": now}
            )
            order.activity_feedback(
                ["sales_order_workflow.mail_activity_type_stock_approval"],
                feedback=self.env._("Approved by %(user)s", user=self.env.user.name),
            )

    def action_sow_approve_stock_shortage(self):
        if not self._sow_is_stock_approver():
            raise AccessError(
                self.env._(
                    "Only a sales manager can approve confirming with too little "
                    "stock. Use “Request Approval” to ask one."
                )
            )
        for order in self:
            if order.state not in ("draft", "sent"):
                raise UserError(
                    self.env._(
                        "%(order)s is no longer a quotation; there is nothing to "
                        "approve.",
                        order=order.name,
                    )
                )
        self._sow_approve_stock_shortage()
        return True

    def action_sow_request_stock_approval(self):
        activity_type = self.env.ref(
            "sales_order_workflow.mail_activity_type_stock_approval"
        )
        for order in self:
            approver = order.team_id.user_id
            if not approver or not self._sow_is_stock_approver(approver):
                raise UserError(
                    self.env._(
                        "%(order)s: the sales team %(team)s has no leader who is a "
                        "sales manager to ask. Set the team's leader, or ask a "
                        "manager to approve the quotation directly.",
                        order=order.name,
                        team=order.team_id.name or self.env._("(none)"),
                    )
                )
            if order.activity_ids.filtered(
                lambda a, t=activity_type: a.activity_type_id == t
            ):
                continue
            order.activity_schedule(
                "sales_order_workflow.mail_activity_type_stock_approval",
                user_id=approver.id,
                note=order._sow_stock_shortage_message(
                    order._sow_stock_shortages().get(order.id, [])
                ),
            )
        return True

    def _sow_reset_stock_approval(self):
        """A changed quotation needs a new approval."""
        approved = self.filtered(
            lambda o: o.sow_stock_approved_by and o.state in ("draft", "sent")
        )
        if approved:
            approved.write(
                {"sow_stock_approved_by": False, "sow_stock_approved_date": False}
            )

    def write(self, vals):
        result = super().write(vals)
        if "warehouse_id" in vals:
            self._sow_reset_stock_approval()
        return result

    # ------------------------------------------------------------------ inquiry
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
