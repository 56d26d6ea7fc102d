# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import math
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_datetime, html2plaintext, plaintext2html

from ..tools.geo import haversine_m, min_speed_kmh, osm_url

# A phone's position is a circle: anything wider than this is not a position.
MAX_ACCURACY_M = 100000.0

# Written by the capture funnel (check-in, check-out, auto-close) only: a rep
# may not edit them, a manager may correct them (every change is tracked).
CAPTURE_FIELDS = frozenset(
    {
        "state",
        "check_in",
        "check_in_latitude",
        "check_in_longitude",
        "check_in_accuracy",
        "check_in_distance",
        "check_in_speed",
        "location_status",
        "check_out",
        "check_out_latitude",
        "check_out_longitude",
        "check_out_accuracy",
        "attendance_id",
        "flag_low_accuracy",
        "flag_travel_speed",
        "flag_auto_closed",
        "flag_note",
    }
)

# What the captured data is about: fixed for a rep once the visit is checked in.
LOCKED_AFTER_CHECK_IN = frozenset(
    {"partner_id", "user_id", "company_id", "employee_id"}
)

STATES = [
    ("planned", "Planned"),
    ("checked_in", "Checked In"),
    ("checked_out", "Checked Out"),
    ("cancelled", "Cancelled"),
]
LOCATION_STATUSES = [
    ("verified", "Verified"),
    ("outside", "Outside Radius"),
    ("no_gps", "No GPS"),
    ("no_customer_location", "No Customer Location"),
]
OUTCOMES = [
    ("order", "Order"),
    ("quotation", "Quotation"),
    ("collection", "Collection"),
    ("follow_up", "Follow-up"),
    ("no_order", "No Order"),
]
NO_ORDER_REASONS = [
    ("enough_stock", "Still has stock"),
    ("price", "Price too high"),
    ("competitor", "Buys from a competitor"),
    ("absent", "Decision-maker absent"),
    ("closed", "Shop closed"),
    ("credit", "Credit hold or overdue invoices"),
    ("other", "Other (see notes)"),
]
PURPOSES = [
    ("sales", "Sales call"),
    ("collection", "Collection"),
    ("delivery", "Delivery follow-up"),
    ("merchandising", "Merchandising"),
    ("new_customer", "New customer"),
    ("service", "Complaint or service"),
    ("other", "Other"),
]


class SaleVisit(models.Model):
    _name = "sale.visit"
    _description = "Customer Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "sow.rep.document.mixin"]
    _order = "planned_date desc, id desc"
    _check_company_auto = True
    _rec_names_search = ["name", "partner_id.name"]

    name = fields.Char(
        string="Reference",
        required=True,
        readonly=True,
        copy=False,
        default=lambda self: self.env._("New"),
        index="trigram",
    )
    user_id = fields.Many2one(string="Salesperson")
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        check_company=True,
        help="The salesperson's employee in the visit's company, whose attendance "
        "(clock-in) the visit belongs to.",
    )
    team_id = fields.Many2one(tracking=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('company_id', 'in', [company_id, False])]",
    )
    partner_map_url = fields.Char(
        string="Customer on the Map", compute="_compute_map_urls"
    )
    state = fields.Selection(
        STATES,
        default="planned",
        required=True,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    planned_date = fields.Datetime(
        string="Planned",
        required=True,
        index=True,
        default=fields.Datetime.now,
        tracking=True,
    )
    purpose = fields.Selection(PURPOSES, default="sales", tracking=True)

    # ---- check-in, as captured by the rep's phone
    check_in = fields.Datetime(readonly=True, copy=False, tracking=True)
    check_in_latitude = fields.Float(
        string="Check-in Latitude",
        digits=(10, 7),
        readonly=True,
        copy=False,
        aggregator=None,
        tracking=True,
    )
    check_in_longitude = fields.Float(
        string="Check-in Longitude",
        digits=(10, 7),
        readonly=True,
        copy=False,
        aggregator=None,
        tracking=True,
    )
    check_in_accuracy = fields.Float(
        string="Check-in Accuracy (m)",
        digits=(10, 1),
        readonly=True,
        copy=False,
        aggregator=None,
        help="Radius of the phone's 95% confidence circle, in metres.",
    )
    check_in_distance = fields.Float(
        string="Distance to Customer (m)",
        digits=(10, 1),
        readonly=True,
        copy=False,
        aggregator="avg",
        help="Great-circle distance between the check-in point and the "
        "customer's stored coordinates.",
    )
    check_in_speed = fields.Float(
        string="Implied Travel Speed (km/h)",
        digits=(10, 1),
        readonly=True,
        copy=False,
        aggregator="max",
        help="The slowest speed at which the rep could have come from his previous "
        "known position (check-out or clock-in) to this check-in, GPS accuracy "
        "taken off the distance.",
    )
    location_status = fields.Selection(
        LOCATION_STATUSES,
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
    )
    check_in_map_url = fields.Char(
        string="Check-in on the Map", compute="_compute_map_urls"
    )

    # ---- check-out
    check_out = fields.Datetime(readonly=True, copy=False, tracking=True)
    check_out_latitude = fields.Float(
        string="Check-out Latitude",
        digits=(10, 7),
        readonly=True,
        copy=False,
        aggregator=None,
        tracking=True,
    )
    check_out_longitude = fields.Float(
        string="Check-out Longitude",
        digits=(10, 7),
        readonly=True,
        copy=False,
        aggregator=None,
        tracking=True,
    )
    check_out_accuracy = fields.Float(
        string="Check-out Accuracy (m)",
        digits=(10, 1),
        readonly=True,
        copy=False,
        aggregator=None,
    )
    check_out_map_url = fields.Char(
        string="Check-out on the Map", compute="_compute_map_urls"
    )
    duration = fields.Float(
        string="Duration (hours)",
        compute="_compute_duration",
        store=True,
        aggregator="sum",
    )
    attendance_id = fields.Many2one(
        "hr.attendance",
        string="Attendance",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The day (clock-in) during which the rep checked in.",
    )

    # ---- what happened
    outcome = fields.Selection(OUTCOMES, tracking=True, copy=False)
    no_order_reason = fields.Selection(NO_ORDER_REASONS, tracking=True, copy=False)
    note = fields.Html(string="Notes", copy=False)
    sale_order_ids = fields.One2many(
        "sale.order", "visit_id", string="Quotations and Orders"
    )
    sale_order_count = fields.Integer(
        string="Orders", compute="_compute_sale_order_count"
    )

    # ---- honesty flags
    flag_low_accuracy = fields.Boolean(
        string="Low GPS Accuracy", readonly=True, copy=False, tracking=True
    )
    flag_travel_speed = fields.Boolean(
        string="Impossible Travel Speed", readonly=True, copy=False, tracking=True
    )
    flag_auto_closed = fields.Boolean(
        string="Closed Automatically", readonly=True, copy=False, tracking=True
    )
    is_flagged = fields.Boolean(
        string="Flagged", compute="_compute_is_flagged", store=True, index=True
    )
    flag_note = fields.Text(
        string="Why Flagged", readonly=True, copy=False, tracking=True
    )

    _sql_constraints = [
        (
            "check_out_after_check_in",
            "CHECK(check_out IS NULL "
            "OR (check_in IS NOT NULL AND check_out >= check_in))",
            "A visit's check-out cannot come before its check-in.",
        ),
    ]

    # ------------------------------------------------------------------ computes
    @api.depends("user_id", "company_id")
    def _compute_employee_id(self):
        # sudo: the link is what matters, not whether the caller reads
        # employees; searched directly, whatever companies are active
        employees = (
            self.env["hr.employee"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.user_id.ids),
                    ("company_id", "in", self.company_id.ids),
                ]
            )
        )
        by_key = {}
        for employee in employees:
            by_key.setdefault((employee.user_id.id, employee.company_id.id), employee)
        for visit in self:
            visit.employee_id = by_key.get(
                (visit.user_id.id, visit.company_id.id), self.env["hr.employee"]
            )

    @api.depends(
        "partner_id.partner_latitude",
        "partner_id.partner_longitude",
        "check_in_latitude",
        "check_in_longitude",
        "check_out_latitude",
        "check_out_longitude",
        "location_status",
        "check_out",
    )
    def _compute_map_urls(self):
        for visit in self:
            partner = visit.partner_id
            visit.partner_map_url = (
                osm_url(partner.partner_latitude, partner.partner_longitude)
                if _has_position(partner.partner_latitude, partner.partner_longitude)
                else False
            )
            visit.check_in_map_url = (
                osm_url(visit.check_in_latitude, visit.check_in_longitude)
                if visit.location_status not in (False, "no_gps")
                else False
            )
            visit.check_out_map_url = (
                osm_url(visit.check_out_latitude, visit.check_out_longitude)
                if _has_position(visit.check_out_latitude, visit.check_out_longitude)
                else False
            )

    @api.depends("check_in", "check_out")
    def _compute_duration(self):
        for visit in self:
            if visit.check_in and visit.check_out:
                delta = visit.check_out - visit.check_in
                visit.duration = delta.total_seconds() / 3600.0
            else:
                visit.duration = 0.0

    @api.depends("flag_low_accuracy", "flag_travel_speed", "flag_auto_closed")
    def _compute_is_flagged(self):
        for visit in self:
            visit.is_flagged = (
                visit.flag_low_accuracy
                or visit.flag_travel_speed
                or visit.flag_auto_closed
            )

    @api.depends_context("uid")
    def _compute_sale_order_count(self):
        counts = dict(
            self.env["sale.order"]._read_group(
                [("visit_id", "in", self.ids)], ["visit_id"], ["__count"]
            )
        )
        for visit in self:
            visit.sale_order_count = counts.get(visit, 0)

    # ---------------------------------------------------------------- constraints
    @api.constrains("partner_id", "company_id")
    def _check_partner_company(self):
        for visit in self:
            partner_company = visit.partner_id.sudo().company_id
            if partner_company and partner_company != visit.company_id:
                raise ValidationError(
                    self.env._(
                        "%(customer)s belongs to %(partner_company)s, but visit "
                        "%(visit)s is for %(company)s. Plan the visit in "
                        "%(partner_company)s (switch company first) or pick a "
                        "customer of %(company)s.",
                        customer=visit.partner_id.display_name,
                        partner_company=partner_company.name,
                        visit=visit.name,
                        company=visit.company_id.name,
                    )
                )

    @api.constrains("outcome", "no_order_reason")
    def _check_no_order_reason(self):
        for visit in self:
            if visit.outcome == "no_order" and not visit.no_order_reason:
                raise ValidationError(
                    self.env._(
                        "Visit %(visit)s ended without an order: say why "
                        "(the 'Reason' field).",
                        visit=visit.name,
                    )
                )

    # ----------------------------------------------------------------- ORM hooks
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and not self._sow_is_manager():
            for vals in vals_list:
                captured = sorted(
                    name
                    for name in CAPTURE_FIELDS & set(vals)
                    if vals[name] and not (name == "state" and vals[name] == "planned")
                )
                if captured:
                    raise AccessError(
                        self.env._(
                            "A visit's check-in and check-out data come from the "
                            "phone's check-in, never from a form: %(fields)s cannot "
                            "be given when a visit is created.",
                            fields=", ".join(captured),
                        )
                    )
        for vals in vals_list:
            if vals.get("name", self.env._("New")) == self.env._("New"):
                company = self.env["res.company"].browse(
                    vals.get("company_id") or self.env.company.id
                )
                planned = fields.Datetime.to_datetime(vals.get("planned_date"))
                vals["name"] = self._sow_sequence(company).next_by_id(
                    sequence_date=(planned or fields.Datetime.now()).date()
                )
        return super().create(vals_list)

    def write(self, vals):
        if self.env.su or self._sow_is_manager():
            return super().write(vals)
        if LOCKED_AFTER_CHECK_IN.intersection(vals) and any(self.mapped("check_in")):
            raise AccessError(
                self.env._(
                    "%(visits)s checked in already: the customer, the salesperson "
                    "and the company of a visit are part of what the phone "
                    "captured and cannot be changed by a rep. Plan a new visit "
                    "instead.",
                    visits=", ".join(self.filtered("check_in").mapped("name")),
                )
            )
        if CAPTURE_FIELDS.intersection(vals):
            raise AccessError(
                self.env._(
                    "The check-in and check-out of %(visits)s (time, position, "
                    "accuracy, distance, status and flags) are captured by the "
                    "phone and cannot be edited by a rep. Ask your manager if "
                    "they are wrong.",
                    visits=", ".join(self.mapped("name")),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_captured(self):
        captured = self.filtered("check_in")
        if captured:
            raise UserError(
                self.env._(
                    "%(visits)s already checked in: a visit with a captured "
                    "position is evidence and cannot be deleted. Cancel it instead.",
                    visits=", ".join(captured.mapped("name")),
                )
            )

    def _sow_sequence(self, company):
        """The company's own visit numbering (VIS/2026/00001), made on first use.

        The sequence gets an XML id of this module so that it goes away when
        the module is uninstalled."""
        xmlid = f"sales_order_workflow.seq_sale_visit_company_{company.id}"
        sequence = self.env.ref(xmlid, raise_if_not_found=False)
        if not sequence:
            # sudo: numbering is technical data a rep may not create himself.
            sequence = (
                self.env["ir.sequence"]
                .sudo()
                .create(
                    {
                        "name": self.env._(
                            "Customer Visits (%(company)s)", company=company.name
                        ),
                        "code": "sale.visit",
                        "prefix": "VIS/%(range_year)s/",
                        "padding": 5,
                        "use_date_range": True,
                        "company_id": company.id,
                    }
                )
            )
            self.env["ir.model.data"].sudo()._update_xmlids(
                [{"xml_id": xmlid, "record": sequence, "noupdate": True}]
            )
        return sequence.sudo()

    def _sow_is_manager(self):
        return self.env.user.has_group("sales_order_workflow.group_field_manager")

    # ---------------------------------------------------------------- public API
    @api.model
    def _sow_current_visit(self, user=None):
        """The user's open visit (checked in), or an empty recordset.

        Stock inquiries, quotations and collections call this to link what
        they create to the visit the rep is at."""
        user = user or self.env.user
        return self.search(
            [("user_id", "=", user.id), ("state", "=", "checked_in")],
            order="check_in desc",
            limit=1,
        )

    def action_check_in(self, latitude=None, longitude=None, accuracy=None):
        """Check in at the customer, with the phone's position if it gave one."""
        return self._sow_capture("check_in", latitude, longitude, accuracy)

    def action_check_out(self, latitude=None, longitude=None, accuracy=None):
        """Check out of the customer, with the phone's position if it gave one."""
        return self._sow_capture("check_out", latitude, longitude, accuracy)

    @api.model
    def action_start_visit(
        self, partner_id, latitude=None, longitude=None, accuracy=None, **values
    ):
        """An ad hoc visit: plan it now and check in, in one step.

        A refused check-in takes the new visit back with it: no visit is
        left behind, even for a caller that catches the error."""
        partner = self.env["res.partner"].browse(int(partner_id)).exists()
        if not partner:
            raise UserError(self.env._("This customer no longer exists."))
        company = self.env.company
        # sudo: the customer's company, to say why it cannot be visited here
        # when it is one of the user's other companies
        partner_company = partner.sudo().company_id
        if (
            partner_company
            and partner_company != company
            and partner_company in self.env.user.company_ids
        ):
            raise UserError(
                self.env._(
                    "%(customer)s is a customer of %(partner_company)s, and you "
                    "are working in %(company)s. Switch to %(partner_company)s "
                    "to visit this customer.",
                    customer=partner.sudo().display_name,
                    partner_company=partner_company.name,
                    company=company.name,
                )
            )
        partner.check_access("read")
        position = self._sow_parse_position(latitude, longitude, accuracy)
        allowed = {"purpose", "note"}
        # one savepoint: a refused check-in takes the new visit back with it
        with self.env.cr.savepoint():
            visit = self.create(
                {
                    "partner_id": partner.id,
                    "company_id": company.id,
                    "user_id": self.env.uid,
                    "planned_date": fields.Datetime.now(),
                    **{key: value for key, value in values.items() if key in allowed},
                }
            )
            visit._sow_capture("check_in", *position)
        return visit

    def action_cancel(self):
        for visit in self:
            if visit.state not in ("planned", "checked_in"):
                raise UserError(
                    self.env._(
                        "Visit %(visit)s is %(state)s; only planned or open visits "
                        "can be cancelled.",
                        visit=visit.name,
                        state=visit._sow_state_label(),
                    )
                )
        self.check_access("write")
        # sudo: state is a captured field; the rep's right on the visits was
        # checked just above.
        self.sudo().write({"state": "cancelled"})
        return True

    def action_plan(self):
        for visit in self:
            if visit.state != "cancelled" or visit.check_in:
                raise UserError(
                    self.env._(
                        "Visit %(visit)s was checked in already; plan a new "
                        "visit instead.",
                        visit=visit.name,
                    )
                    if visit.check_in
                    else self.env._(
                        "Visit %(visit)s is %(state)s, not cancelled.",
                        visit=visit.name,
                        state=visit._sow_state_label(),
                    )
                )
        self.check_access("write")
        # sudo: as in action_cancel.
        self.sudo().write({"state": "planned"})
        return True

    def action_set_partner_location(self):
        """Managers: make this visit's check-in point the customer's location."""
        if not self._sow_is_manager():
            raise AccessError(
                self.env._(
                    "Only a Field Sales Manager can set a customer's location "
                    "from a visit."
                )
            )
        for visit in self:
            if visit.location_status in (False, "no_gps"):
                raise UserError(
                    self.env._(
                        "Visit %(visit)s has no check-in position to give "
                        "%(customer)s.",
                        visit=visit.name,
                        customer=visit.partner_id.display_name,
                    )
                )
        self.check_access("read")
        for visit in self:
            # sudo: managers are not partner managers; the group was checked
            # above and only the coordinates are written.
            visit.partner_id.sudo().write(
                {
                    "partner_latitude": visit.check_in_latitude,
                    "partner_longitude": visit.check_in_longitude,
                    "date_localization": fields.Date.context_today(visit),
                }
            )
            visit.message_post(
                body=self.env._(
                    "%(customer)s's location set to this visit's check-in point "
                    "(%(latitude).7f, %(longitude).7f).",
                    customer=visit.partner_id.display_name,
                    latitude=visit.check_in_latitude,
                    longitude=visit.check_in_longitude,
                )
            )
        return True

    def action_view_sale_orders(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "sale.action_quotations_with_onboarding"
        )
        action.update(
            domain=[("visit_id", "=", self.id)],
            context={
                "default_partner_id": self.partner_id.id,
                "default_visit_id": self.id,
                "default_user_id": self.user_id.id,
            },
        )
        return action

    def action_sow_new_quotation(self):
        """A new quotation for the visited customer, linked to this visit."""
        self.ensure_one()
        if self.state not in ("checked_in", "checked_out"):
            raise UserError(
                self.env._(
                    "Visit %(visit)s is %(state)s: check in at %(customer)s first, "
                    "then make the quotation.",
                    visit=self.name,
                    state=self._sow_state_label(),
                    customer=self.partner_id.display_name,
                )
            )
        return self.env["sale.order"]._sow_new_quotation_action(
            self.partner_id, visit=self
        )

    def action_sow_stock_inquiry(self):
        """The stock inquiry for the visited customer: what the rep adds there
        goes into the visit's quotation (made if there is none yet)."""
        self.ensure_one()
        return self.env["sale.stock.inquiry"]._sow_open_action(
            {"default_partner_id": self.partner_id.id}
        )

    # ------------------------------------------------------------ the funnel
    def _sow_parse_position(self, latitude=None, longitude=None, accuracy=None):
        """Check what a phone sent; return (latitude, longitude, accuracy).

        ``(None, None, None)`` when it sent no position (GPS off, permission
        refused, no fix). Every capture — check-in, check-out, clock-in and
        clock-out, from the JSON routes or the ORM — goes through here."""
        given = [not _is_blank(value) for value in (latitude, longitude)]
        if not any(given):
            return None, None, None
        if not all(given):
            raise ValidationError(
                self.env._(
                    "The phone sent a %(given)s without a %(missing)s. Send both "
                    "or neither (no GPS).",
                    given=self.env._("latitude")
                    if given[0]
                    else self.env._("longitude"),
                    missing=self.env._("longitude")
                    if given[0]
                    else self.env._("latitude"),
                )
            )
        lat = self._sow_number(latitude, self.env._("latitude"))
        lon = self._sow_number(longitude, self.env._("longitude"))
        if not -90.0 <= lat <= 90.0:
            raise ValidationError(
                self.env._(
                    "Latitude %(value)s is outside -90 to 90: the phone sent a "
                    "wrong position. Turn its location off and on, and try again.",
                    value=latitude,
                )
            )
        if not -180.0 <= lon <= 180.0:
            raise ValidationError(
                self.env._(
                    "Longitude %(value)s is outside -180 to 180: the phone sent a "
                    "wrong position. Turn its location off and on, and try again.",
                    value=longitude,
                )
            )
        acc = None
        if not _is_blank(accuracy):
            acc = self._sow_number(accuracy, self.env._("accuracy"))
            if acc < 0:
                raise ValidationError(
                    self.env._(
                        "An accuracy of %(value)s m is impossible: it is the radius "
                        "of a circle around the position, never negative.",
                        value=accuracy,
                    )
                )
            if acc > MAX_ACCURACY_M:
                raise ValidationError(
                    self.env._(
                        "An accuracy of %(value)s m (more than %(max)s km) is not a "
                        "position. Wait for the phone's GPS to settle, outdoors if "
                        "possible, and try again.",
                        value=accuracy,
                        max=int(MAX_ACCURACY_M / 1000),
                    )
                )
        return lat, lon, acc

    def _sow_number(self, value, label):
        if isinstance(value, bool):
            number = math.nan
        else:
            try:
                number = float(value)
            except (TypeError, ValueError):
                number = math.nan
        if not math.isfinite(number):
            raise ValidationError(
                self.env._(
                    "The %(label)s %(value)r sent by the phone is not a number.",
                    label=label,
                    value=value,
                )
            )
        return number

    def _sow_capture(self, kind, latitude=None, longitude=None, accuracy=None):
        self.ensure_one()
        position = self._sow_parse_position(latitude, longitude, accuracy)
        self.check_access("write")
        now = fields.Datetime.now()
        if kind == "check_in":
            vals = self._sow_check_in_values(position, now)
        elif kind == "check_out":
            vals = self._sow_check_out_values(position, now)
        else:
            raise ValueError(kind)
        # sudo: captured fields are written here and nowhere else; the rep's
        # right to write this visit was checked above.
        self.sudo().write(vals)
        return True

    def _sow_check_user(self):
        if not self.env.su and self.user_id != self.env.user:
            raise UserError(
                self.env._(
                    "Only %(rep)s, the visit's salesperson, can check in or out "
                    "at %(visit)s: the position must come from his or her phone.",
                    rep=self.user_id.name,
                    visit=self.name,
                )
            )

    def _sow_check_in_values(self, position, now):
        self._sow_check_user()
        if self.state != "planned":
            raise UserError(
                self.env._(
                    "Visit %(visit)s at %(customer)s is %(state)s; only a planned "
                    "visit can be checked in.",
                    visit=self.name,
                    customer=self.partner_id.display_name,
                    state=self._sow_state_label(),
                )
            )
        company = self.company_id
        partner = self.partner_id
        partner_company = partner.sudo().company_id
        if partner_company and partner_company != company:
            raise UserError(
                self.env._(
                    "%(customer)s is a customer of %(partner_company)s; visit "
                    "%(visit)s is for %(company)s. Cancel it and plan the visit "
                    "in %(partner_company)s.",
                    customer=partner.display_name,
                    partner_company=partner_company.name,
                    visit=self.name,
                    company=company.name,
                )
            )
        # another open visit of this rep, whatever the company or the rights
        # of the caller: sudo to see them all
        open_visit = self.sudo().search_fetch(
            [
                ("user_id", "=", self.user_id.id),
                ("state", "=", "checked_in"),
                ("id", "!=", self.id),
            ],
            ["name", "partner_id", "check_in"],
            limit=1,
        )
        if open_visit:
            raise UserError(
                self.env._(
                    "You are still checked in at %(customer)s (%(visit)s) since "
                    "%(since)s. Check out of it before checking in at %(new)s.",
                    customer=open_visit.partner_id.sudo().display_name,
                    visit=open_visit.name,
                    since=self._sow_format(open_visit.check_in),
                    new=partner.display_name,
                )
            )
        attendance = self.env["hr.attendance"]
        if self.employee_id:
            # sudo: a rep reads his own attendance only; the employee is the
            # visit's own.
            attendance = (
                self.env["hr.attendance"]
                .sudo()
                .search_fetch(
                    [
                        ("employee_id", "=", self.employee_id.id),
                        ("check_out", "=", False),
                    ],
                    ["check_in", "in_latitude", "in_longitude", "sow_in_accuracy"],
                    order="check_in desc",
                    limit=1,
                )
            )
        if company.sow_visit_require_attendance and not attendance:
            if not self.employee_id:
                raise UserError(
                    self.env._(
                        "Visits need a clocked-in day, and %(rep)s has no employee "
                        "in %(company)s to clock in with. Ask HR to link the user "
                        "to an employee.",
                        rep=self.user_id.name,
                        company=company.name,
                    )
                )
            raise UserError(
                self.env._(
                    "Clock in first: visits need a clocked-in day. Start your day "
                    "(Clock In), then check in at %(customer)s.",
                    customer=partner.display_name,
                )
            )

        lat, lon, acc = position
        vals = {
            "state": "checked_in",
            "check_in": now,
            "check_in_latitude": lat or 0.0,
            "check_in_longitude": lon or 0.0,
            "check_in_accuracy": acc or 0.0,
            "check_in_distance": 0.0,
            "check_in_speed": 0.0,
            "attendance_id": attendance.id,
            "flag_low_accuracy": False,
            "flag_travel_speed": False,
            "flag_note": False,
        }
        notes = []
        if lat is None:
            vals["location_status"] = "no_gps"
        elif not _has_position(partner.partner_latitude, partner.partner_longitude):
            vals["location_status"] = "no_customer_location"
        else:
            distance = haversine_m(
                lat, lon, partner.partner_latitude, partner.partner_longitude
            )
            vals["check_in_distance"] = distance
            vals["location_status"] = (
                "verified" if distance <= company.sow_visit_radius else "outside"
            )
        if lat is not None:
            if acc is not None and acc > company.sow_visit_accuracy_threshold:
                vals["flag_low_accuracy"] = True
                # outside the call: Odoo's term extraction cannot read f-strings
                accuracy = f"{acc:.1f}".removesuffix(".0")
                notes.append(
                    self.env._(
                        "GPS accuracy %(accuracy)s m is worse than the "
                        "%(threshold)s m threshold.",
                        accuracy=accuracy,
                        threshold=company.sow_visit_accuracy_threshold,
                    )
                )
            previous = self._sow_previous_position(attendance, now)
            if previous:
                when, plat, plon, pacc, label = previous
                distance = haversine_m(plat, plon, lat, lon)
                seconds = (now - when).total_seconds()
                speed = min_speed_kmh(distance, seconds, (pacc or 0.0) + (acc or 0.0))
                vals["check_in_speed"] = speed
                if speed > company.sow_visit_max_speed:
                    vals["flag_travel_speed"] = True
                    notes.append(
                        self.env._(
                            "%(km).1f km from %(previous)s in %(minutes)s min: at "
                            "least %(speed)s km/h, above the plausible "
                            "%(max_speed)s km/h.",
                            km=distance / 1000.0,
                            previous=label,
                            minutes=max(1, round(seconds / 60)),
                            speed=round(speed),
                            max_speed=company.sow_visit_max_speed,
                        )
                    )
        if notes:
            vals["flag_note"] = "\n".join(notes)
        return vals

    def _sow_previous_position(self, attendance, now):
        """The rep's last known position before this check-in.

        (time, latitude, longitude, accuracy, label) of the latest of: the
        previous visit's check-out point (its check-in point if the check-out
        had no GPS) and the day's clock-in point; None if none is known."""
        candidates = []
        # sudo: the rep's own earlier visits, read for their positions only
        previous = self.sudo().search_fetch(
            [
                ("user_id", "=", self.user_id.id),
                ("id", "!=", self.id),
                ("check_in", "!=", False),
                ("check_in", "<=", now),
                ("location_status", "!=", "no_gps"),
            ],
            [
                "name",
                "check_in",
                "check_in_latitude",
                "check_in_longitude",
                "check_in_accuracy",
                "check_out",
                "check_out_latitude",
                "check_out_longitude",
                "check_out_accuracy",
            ],
            order="check_in desc",
            limit=1,
        )
        if previous:
            if previous.check_out and _has_position(
                previous.check_out_latitude, previous.check_out_longitude
            ):
                candidates.append(
                    (
                        previous.check_out,
                        previous.check_out_latitude,
                        previous.check_out_longitude,
                        previous.check_out_accuracy,
                        self.env._("the check-out of %(visit)s", visit=previous.name),
                    )
                )
            else:
                candidates.append(
                    (
                        previous.check_in,
                        previous.check_in_latitude,
                        previous.check_in_longitude,
                        previous.check_in_accuracy,
                        self.env._("the check-in of %(visit)s", visit=previous.name),
                    )
                )
        if attendance and _has_position(
            attendance.in_latitude, attendance.in_longitude
        ):
            candidates.append(
                (
                    attendance.check_in,
                    attendance.in_latitude,
                    attendance.in_longitude,
                    attendance.sow_in_accuracy,
                    self.env._("the clock-in"),
                )
            )
        candidates = [c for c in candidates if c[0] <= now]
        return max(candidates, key=lambda c: c[0]) if candidates else None

    def _sow_check_out_values(self, position, now):
        self._sow_check_user()
        if self.state != "checked_in":
            raise UserError(
                self.env._(
                    "Visit %(visit)s at %(customer)s is %(state)s, not checked in: "
                    "there is nothing to check out of.",
                    visit=self.name,
                    customer=self.partner_id.display_name,
                    state=self._sow_state_label(),
                )
            )
        vals = {
            "state": "checked_out",
            "check_out": now,
            "check_out_latitude": position[0] or 0.0,
            "check_out_longitude": position[1] or 0.0,
            "check_out_accuracy": position[2] or 0.0,
        }
        if not self.outcome:
            outcome = self._sow_outcome_from_documents()
            if not outcome:
                raise UserError(
                    self.env._(
                        "Record how visit %(visit)s at %(customer)s went before "
                        "checking out: order, quotation, collection, follow-up, "
                        "or no order with a reason.",
                        visit=self.name,
                        customer=self.partner_id.display_name,
                    )
                )
            vals["outcome"] = outcome
        return vals

    def _sow_outcome_from_documents(self):
        orders = self.sale_order_ids
        if any(order.state == "sale" for order in orders):
            return "order"
        if any(order.state in ("draft", "sent") for order in orders):
            return "quotation"
        return False

    def _sow_auto_close(self, when, reason):
        """Check visits out without the rep (end of day, clock-out): flagged."""
        for visit in self.filtered(lambda v: v.state == "checked_in"):
            check_out = max(when, visit.check_in)
            note = "\n".join(filter(None, [visit.flag_note, reason]))
            # sudo: a system action, not the rep's
            visit.sudo().write(
                {
                    "state": "checked_out",
                    "check_out": check_out,
                    "flag_auto_closed": True,
                    "flag_note": note,
                }
            )

    @api.model
    def _cron_auto_close(self):
        """Close the visits left open on a day that has ended for the rep."""
        now = fields.Datetime.now()
        open_visits = self.sudo().search([("state", "=", "checked_in")])
        for visit in open_visits:
            tz = pytz.timezone(visit.user_id.tz or visit.employee_id.tz or "UTC")
            local_in = pytz.utc.localize(visit.check_in).astimezone(tz)
            local_today = pytz.utc.localize(now).astimezone(tz).date()
            if local_in.date() >= local_today:
                continue
            end_of_day = tz.localize(
                datetime.combine(local_in.date(), time(23, 59, 59))
            )
            when = end_of_day.astimezone(pytz.utc).replace(tzinfo=None)
            visit._sow_auto_close(
                min(when, now),
                self.env._(
                    "Left open at the end of the day: checked out automatically "
                    "at %(when)s.",
                    when=visit._sow_format(min(when, now)),
                ),
            )
        return True

    # ------------------------------------------------------------ the day
    @api.model
    def _sow_clock(self, action, latitude=None, longitude=None, accuracy=None, **geo):
        """Clock the current user in or out (Odoo's own hr.attendance).

        ``geo`` may add what the browser's request tells (city, country_name,
        ip_address, browser), as hr_attendance's own routes do."""
        position = self._sow_parse_position(latitude, longitude, accuracy)
        employee = self.env.user.employee_id
        if not employee:
            raise UserError(
                self.env._(
                    "%(user)s has no employee in %(company)s, so there is no day "
                    "to clock in. Ask HR to link the user to an employee.",
                    user=self.env.user.name,
                    company=self.env.company.name,
                )
            )
        clocked_in = employee.attendance_state == "checked_in"
        if action == "in" and clocked_in:
            raise UserError(
                self.env._(
                    "You clocked in already, at %(since)s.",
                    since=self._sow_format(employee.last_check_in),
                )
            )
        if action == "out" and not clocked_in:
            raise UserError(
                self.env._("You are not clocked in: there is no day to clock out of.")
            )
        if action not in ("in", "out"):
            raise UserError(self.env._("Clock 'in' or 'out', not %r.", action))
        lat, lon, acc = position
        geo_information = {
            key: value
            for key, value in geo.items()
            if key in ("city", "country_name", "ip_address", "browser")
        }
        geo_information["mode"] = "sow_field"
        if lat is not None:
            geo_information.update(latitude=lat, longitude=lon)
        # sudo: as Odoo's own systray route does (through env.user), an
        # employee records his own attendance without attendance rights.
        attendance = employee.sudo()._attendance_action_change(geo_information)
        if acc is not None:
            attendance.write({f"sow_{action}_accuracy": acc})
        return attendance

    @api.model
    def _sow_field_data(self):
        """Everything the field screen shows, in one answer."""
        user = self.env.user
        employee = user.employee_id
        attendance = employee.sudo().last_attendance_id if employee else False
        clocked_in = bool(employee) and employee.attendance_state == "checked_in"
        tz = pytz.timezone(user.tz or "UTC")
        local_today = pytz.utc.localize(fields.Datetime.now()).astimezone(tz).date()
        start = tz.localize(datetime.combine(local_today, time.min))
        start = start.astimezone(pytz.utc).replace(tzinfo=None)
        end = start + timedelta(days=1)
        visits = self.search(
            [
                ("user_id", "=", user.id),
                ("company_id", "=", self.env.company.id),
                "|",
                "|",
                ("state", "=", "checked_in"),
                "&",
                ("planned_date", ">=", start),
                ("planned_date", "<", end),
                "&",
                ("check_in", ">=", start),
                ("check_in", "<", end),
            ],
            order="planned_date, id",
        )
        current = visits.filtered(lambda v: v.state == "checked_in")[:1]
        company = self.env.company
        return {
            "user_name": user.name,
            "company_name": company.name,
            "has_employee": bool(employee),
            "require_attendance": company.sow_visit_require_attendance,
            "clocked_in": clocked_in,
            "clock_in": fields.Datetime.to_string(attendance.check_in)
            if clocked_in
            else False,
            "current_visit_id": current.id,
            "visits": [visit._sow_field_visit_data() for visit in visits],
            "outcomes": self._fields["outcome"]._description_selection(self.env),
            "no_order_reasons": self._fields["no_order_reason"]._description_selection(
                self.env
            ),
            "is_manager": self._sow_is_manager(),
        }

    def _sow_field_visit_data(self):
        self.ensure_one()
        partner = self.partner_id
        return {
            "id": self.id,
            "name": self.name,
            "partner_id": partner.id,
            "partner_name": partner.display_name,
            "partner_address": ", ".join(filter(None, [partner.street, partner.city])),
            "partner_map_url": self.partner_map_url,
            "planned_date": fields.Datetime.to_string(self.planned_date),
            "purpose": self._sow_selection_label("purpose"),
            "state": self.state,
            "state_label": self._sow_state_label(),
            "check_in": fields.Datetime.to_string(self.check_in),
            "check_out": fields.Datetime.to_string(self.check_out),
            "location_status": self.location_status or False,
            "location_status_label": self._sow_selection_label("location_status"),
            "check_in_distance": round(self.check_in_distance),
            "check_in_map_url": self.check_in_map_url,
            "is_flagged": self.is_flagged,
            "flag_note": self.flag_note or "",
            "outcome": self.outcome or False,
            "outcome_label": self._sow_selection_label("outcome"),
            "no_order_reason": self.no_order_reason or False,
            "note": html2plaintext(self.note or "") if self.note else "",
            "sale_order_count": self.sale_order_count,
        }

    def _sow_write_report(self, outcome=None, no_order_reason=None, note=None):
        """What the rep says about the visit (field screen)."""
        vals = {}
        if outcome and outcome not in dict(OUTCOMES):
            raise UserError(
                self.env._("%(value)r is not an outcome of a visit.", value=outcome)
            )
        if no_order_reason and no_order_reason not in dict(NO_ORDER_REASONS):
            raise UserError(
                self.env._(
                    "%(value)r is not a reason for no order.", value=no_order_reason
                )
            )
        if note is not None and note is not False and not isinstance(note, str):
            raise UserError(self.env._("Notes are text."))
        if outcome is not None:
            vals["outcome"] = outcome or False
            vals["no_order_reason"] = (
                no_order_reason or False if outcome == "no_order" else False
            )
        if note is not None:
            vals["note"] = plaintext2html(note) if note and note.strip() else False
        if vals:
            self.write(vals)

    # ------------------------------------------------------------ helpers
    def _sow_format(self, value):
        tz = self.env.user.tz or self.user_id.tz or "UTC"
        return format_datetime(self.env, value, tz=tz, dt_format="short")


def _is_blank(value):
    """Nothing sent: None, False (JSON false) or an empty string. Not 0.0,
    which is a latitude (the equator) or a longitude (Greenwich)."""
    return value is None or value is False or value == ""


def _has_position(latitude, longitude):
    """Odoo stores 'no coordinates' as 0.0, 0.0 (base_geolocalize)."""
    return bool(latitude or longitude)
