# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL, create_index

from ..models.sale_visit import LOCATION_STATUSES, OUTCOMES, PURPOSES, STATES
from . import sow_report_sql as q


class SaleVisitReport(models.Model):
    """One row per customer visit, with what came of it (README, "Reports:
    definitions")."""

    _name = "sale.visit.report"
    _description = "Customer Visits Analysis"
    _auto = False
    _rec_name = "name"
    _order = "date desc, id desc"
    _depends = {
        "sale.visit": [
            "name",
            "user_id",
            "team_id",
            "company_id",
            "partner_id",
            "state",
            "purpose",
            "outcome",
            "location_status",
            "planned_date",
            "check_in",
            "check_out",
            "duration",
            "check_in_distance",
            "is_flagged",
            "flag_low_accuracy",
            "flag_travel_speed",
            "flag_auto_closed",
        ],
        "sale.order": ["visit_id", "state", "amount_untaxed", "currency_rate"],
        "sale.collection": ["visit_id", "state", "amount", "currency_id", "date"],
    }

    name = fields.Char(string="Visit", readonly=True)
    visit_id = fields.Many2one("sale.visit", string="Visit Record", readonly=True)
    user_id = fields.Many2one("res.users", string="Rep", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    commercial_partner_id = fields.Many2one(
        "res.partner", string="Customer Entity", readonly=True
    )
    state = fields.Selection(STATES, string="Status", readonly=True)
    purpose = fields.Selection(PURPOSES, readonly=True)
    outcome = fields.Selection(OUTCOMES, readonly=True)
    location_status = fields.Selection(LOCATION_STATUSES, readonly=True)
    date = fields.Datetime(
        readonly=True, help="The check-in, or the planned time of a visit not made."
    )
    planned_date = fields.Datetime(string="Planned", readonly=True)
    planned_day = fields.Date(
        readonly=True, help="Planned day, in the rep's time zone."
    )
    check_in = fields.Datetime(readonly=True)
    check_in_day = fields.Date(
        readonly=True, help="Day of the check-in, in the rep's time zone."
    )
    check_out = fields.Datetime(readonly=True)
    duration = fields.Float(string="Hours at Customer", readonly=True)
    check_in_distance = fields.Float(
        string="Distance to Customer (m)", readonly=True, aggregator="avg"
    )
    is_flagged = fields.Boolean(string="Flagged", readonly=True)
    flag_low_accuracy = fields.Boolean(string="Low GPS Accuracy", readonly=True)
    flag_travel_speed = fields.Boolean(string="Impossible Travel Speed", readonly=True)
    flag_auto_closed = fields.Boolean(string="Closed Automatically", readonly=True)
    made_count = fields.Integer(
        string="Visits Made", readonly=True, help="Checked in (or in and out)."
    )
    verified_count = fields.Integer(
        string="Verified Visits",
        readonly=True,
        help="Visits made whose check-in was within the verification radius.",
    )
    flagged_count = fields.Integer(string="Flagged Visits", readonly=True)
    effective_count = fields.Integer(
        string="Effective Visits",
        readonly=True,
        help="Checked out, with a confirmed order or a collection held, handed "
        "over or posted.",
    )
    is_effective = fields.Boolean(string="Effective", readonly=True)
    quotation_count = fields.Integer(
        string="Quotations", readonly=True, help="Quotations made during the visit."
    )
    quotation_amount = fields.Monetary(
        string="Quoted (untaxed)", readonly=True, currency_field="currency_id"
    )
    order_count = fields.Integer(
        string="Orders", readonly=True, help="Of them, confirmed sales orders."
    )
    order_amount = fields.Monetary(
        string="Ordered (untaxed)", readonly=True, currency_field="currency_id"
    )
    collection_count = fields.Integer(string="Receipts", readonly=True)
    collected_amount = fields.Monetary(
        string="Collected", readonly=True, currency_field="currency_id"
    )

    def _sow_query(self, bounds=None):
        """The view's query; with ``bounds`` (UTC timestamps ``(from, to)``,
        see ``sow_report_sql.utc_bounds``) only the visits planned or made
        between them, found by index."""
        tz = q.rep_tz("up", "cp")
        visits_where = orders_where = collections_where = ""
        if bounds:
            visits_where = f"\n WHERE {q.visit_in_bounds('v', bounds)}"
            their_visits = (
                f"(SELECT vb.id FROM sale_visit vb "
                f"WHERE {q.visit_in_bounds('vb', bounds)})"
            )
            orders_where = f"\n         AND so.visit_id IN {their_visits}"
            collections_where = f"\n         AND sc.visit_id IN {their_visits}"
        effective = (
            "(v.state = 'checked_out' AND (COALESCE(o.order_count, 0) > 0 "
            "OR COALESCE(c.collection_count, 0) > 0))"
        )
        return f"""
SELECT v.id AS id,
       v.id AS visit_id,
       v.name AS name,
       v.user_id AS user_id,
       v.team_id AS team_id,
       v.company_id AS company_id,
       co.currency_id AS currency_id,
       v.partner_id AS partner_id,
       p.commercial_partner_id AS commercial_partner_id,
       v.state AS state,
       v.purpose AS purpose,
       v.outcome AS outcome,
       v.location_status AS location_status,
       COALESCE(v.check_in, v.planned_date) AS date,
       v.planned_date AS planned_date,
       {q.local_day("v.planned_date", tz)} AS planned_day,
       v.check_in AS check_in,
       {q.local_day("v.check_in", tz)} AS check_in_day,
       v.check_out AS check_out,
       COALESCE(v.duration, 0) AS duration,
       v.check_in_distance AS check_in_distance,
       COALESCE(v.is_flagged, FALSE) AS is_flagged,
       COALESCE(v.flag_low_accuracy, FALSE) AS flag_low_accuracy,
       COALESCE(v.flag_travel_speed, FALSE) AS flag_travel_speed,
       COALESCE(v.flag_auto_closed, FALSE) AS flag_auto_closed,
       (v.check_in IS NOT NULL)::int AS made_count,
       (v.check_in IS NOT NULL AND v.location_status = 'verified')::int
           AS verified_count,
       (v.check_in IS NOT NULL AND COALESCE(v.is_flagged, FALSE))::int
           AS flagged_count,
       {effective}::int AS effective_count,
       {effective} AS is_effective,
       COALESCE(o.quotation_count, 0) AS quotation_count,
       COALESCE(o.quotation_amount, 0) AS quotation_amount,
       COALESCE(o.order_count, 0) AS order_count,
       COALESCE(o.order_amount, 0) AS order_amount,
       COALESCE(c.collection_count, 0) AS collection_count,
       COALESCE(c.collected_amount, 0) AS collected_amount
  FROM sale_visit v
  JOIN res_partner p ON p.id = v.partner_id
  JOIN res_company co ON co.id = v.company_id
  JOIN res_partner cp ON cp.id = co.partner_id
  JOIN res_users u ON u.id = v.user_id
  JOIN res_partner up ON up.id = u.partner_id
  LEFT JOIN (
      SELECT so.visit_id,
             COUNT(*) AS quotation_count,
             SUM({q.order_amount_company("so")}) AS quotation_amount,
             COUNT(*) FILTER (WHERE so.state = {q.ORDER_STATE_SQL}) AS order_count,
             SUM({q.order_amount_company("so")})
                 FILTER (WHERE so.state = {q.ORDER_STATE_SQL}) AS order_amount
        FROM sale_order so
       WHERE so.visit_id IS NOT NULL{orders_where}
       GROUP BY so.visit_id
  ) o ON o.visit_id = v.id
  LEFT JOIN (
      SELECT sc.visit_id,
             COUNT(*) AS collection_count,
             SUM({q.collection_amount_company("sc.amount", "sc", "sco", "rt")})
                 AS collected_amount
        FROM sale_collection sc
        JOIN res_company sco ON sco.id = sc.company_id{q.rate_joins("sc", "sco", "rt")}
       WHERE sc.visit_id IS NOT NULL
         AND sc.state IN {q.COUNTED_COLLECTION_STATES_SQL}{collections_where}
       GROUP BY sc.visit_id
  ) c ON c.visit_id = v.id{visits_where}
"""

    def init(self):
        # the report's date, so that a period's visits are found by index
        create_index(
            self.env.cr,
            "sale_visit_report_date_idx",
            "sale_visit",
            ["(COALESCE(check_in, planned_date))"],
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._sow_query()),
            )
        )
