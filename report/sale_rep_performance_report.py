# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.osv import expression
from odoo.tools import SQL, create_index

from . import sow_report_sql as q

# when a quotation was made ("Quoted On", else its creation)
QUOTED_ON = "COALESCE(so.sow_created_on, so.create_date)"

# The figures of a rep's day, in the order of the view's columns. Each source
# below gives some of them; the others are 0 for its rows.
MEASURES = (
    "attendance_count",
    "attended_hours",
    "planned_count",
    "visit_count",
    "verified_count",
    "effective_count",
    "flagged_count",
    "visit_hours",
    "quotation_count",
    "quotation_amount",
    "quotation_won_count",
    "order_count",
    "order_amount",
    "collection_count",
    "collected_amount",
    "collected_cash",
    "collected_cheque",
    "collected_bank_transfer",
    "collected_ewallet",
    "collected_card",
    "receivable_amount",
)
METHOD_MEASURES = {
    "cash": "collected_cash",
    "cheque": "collected_cheque",
    "bank_transfer": "collected_bank_transfer",
    "ewallet": "collected_ewallet",
    "card": "collected_card",
}
# Conversion (%) = quotations won / quotations, summed first over whatever is
# grouped (never an average of daily percentages).
CONVERSION_SQL = (
    "CASE WHEN SUM({quotations}) > 0 "
    "THEN 100.0 * SUM({won}) / SUM({quotations}) ELSE 0 END"
)


class SaleRepPerformanceReport(models.Model):
    """One row per rep, company and day on which the rep clocked in, had a
    visit planned or made, quoted, had an order confirmed or collected money
    (README, "Reports: definitions")."""

    _name = "sale.rep.performance.report"
    _description = "Rep Performance Analysis"
    _auto = False
    _rec_name = "date"
    _order = "date desc, user_id"
    _depends = {
        "hr.attendance": ["employee_id", "check_in", "worked_hours"],
        "hr.employee": ["user_id", "company_id"],
        "sale.visit": [
            "user_id",
            "company_id",
            "partner_id",
            "state",
            "planned_date",
            "check_in",
            "duration",
            "location_status",
            "is_flagged",
        ],
        "sale.order": [
            "user_id",
            "company_id",
            "state",
            "date_order",
            "sow_created_on",
            "amount_untaxed",
            "currency_rate",
            "visit_id",
        ],
        "sale.collection": [
            "user_id",
            "company_id",
            "state",
            "date",
            "method",
            "amount",
            "currency_id",
            "visit_id",
        ],
        "account.move": [
            "commercial_partner_id",
            "state",
            "move_type",
            "amount_residual_signed",
        ],
        "res.users": ["sale_team_id"],
    }

    date = fields.Date(string="Day", readonly=True)
    user_id = fields.Many2one("res.users", string="Rep", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    attendance_count = fields.Integer(string="Attendances", readonly=True)
    attended_hours = fields.Float(
        string="Hours Attended",
        readonly=True,
        help="Odoo's worked hours of the attendances that started that day.",
    )
    planned_count = fields.Integer(
        string="Planned Visits",
        readonly=True,
        help="Visits planned for that day, except cancelled ones.",
    )
    visit_count = fields.Integer(
        string="Visits Made", readonly=True, help="Visits checked in that day."
    )
    verified_count = fields.Integer(
        string="Verified Visits",
        readonly=True,
        help="Visits made whose check-in was within the verification radius.",
    )
    effective_count = fields.Integer(
        string="Effective Visits",
        readonly=True,
        help="Visits made, checked out, with a confirmed order or a collection "
        "held, handed over or posted.",
    )
    flagged_count = fields.Integer(string="Flagged Visits", readonly=True)
    visit_hours = fields.Float(
        string="Hours at Customers",
        readonly=True,
        help="Duration of the visits made (check-in to check-out).",
    )
    quotation_count = fields.Integer(
        string="Quotations",
        readonly=True,
        help="Quotations created that day (every sales order starts as one), "
        "whatever became of them.",
    )
    quotation_amount = fields.Monetary(
        string="Quoted (untaxed)", readonly=True, currency_field="currency_id"
    )
    quotation_won_count = fields.Integer(
        string="Quotations Won",
        readonly=True,
        help="Of the quotations created that day, those now confirmed orders.",
    )
    conversion_rate = fields.Float(
        string="Conversion (%)",
        readonly=True,
        aggregator="avg",
        help="Quotations won / quotations, as a percentage, over the rows "
        "grouped together (their sums, not an average of percentages).",
    )
    order_count = fields.Integer(
        string="Orders",
        readonly=True,
        help="Sales orders confirmed that day (Odoo's order date).",
    )
    order_amount = fields.Monetary(
        string="Ordered (untaxed)", readonly=True, currency_field="currency_id"
    )
    collection_count = fields.Integer(string="Receipts", readonly=True)
    collected_amount = fields.Monetary(
        string="Collected",
        readonly=True,
        currency_field="currency_id",
        help="Receipts dated that day, collected, handed over or posted.",
    )
    collected_cash = fields.Monetary(
        string="Cash", readonly=True, currency_field="currency_id"
    )
    collected_cheque = fields.Monetary(
        string="Cheques", readonly=True, currency_field="currency_id"
    )
    collected_bank_transfer = fields.Monetary(
        string="Bank Transfers", readonly=True, currency_field="currency_id"
    )
    collected_ewallet = fields.Monetary(
        string="E-wallet", readonly=True, currency_field="currency_id"
    )
    collected_card = fields.Monetary(
        string="Card", readonly=True, currency_field="currency_id"
    )
    receivable_amount = fields.Monetary(
        string="Receivables of Customers Visited",
        readonly=True,
        currency_field="currency_id",
        help="What the customers visited that day owe now (posted invoices less "
        "credit notes, still open), each customer once per rep and day.",
    )

    def _read_group_select(self, aggregate_spec, query):
        if aggregate_spec != "conversion_rate:avg":
            return super()._read_group_select(aggregate_spec, query)
        return SQL(
            CONVERSION_SQL.format(quotations="%(quotations)s", won="%(won)s"),
            quotations=self._field_to_sql(self._table, "quotation_count", query),
            won=self._field_to_sql(self._table, "quotation_won_count", query),
        )

    # ------------------------------------------------------------------ the view
    @staticmethod
    def _sow_branch(source, user, company, day, **measures):
        """One source of figures, summed per rep, company and day (its own
        figures only; the others are 0)."""
        columns = ",\n       ".join(
            f"SUM({measures[name]}) AS {name}" if name in measures else f"0 AS {name}"
            for name in MEASURES
        )
        return (
            f"SELECT {user} AS user_id, {company} AS company_id, {day} AS day,\n"
            f"       {columns}\n  {source}\n GROUP BY 1, 2, 3"
        )

    def _sow_query(self, bounds=None):
        """The view's query; with ``bounds`` (UTC timestamps, see
        ``sow_report_sql.utc_bounds``) each source reads only its rows
        between them, by index (the days outside are cut by the domain)."""
        tz = q.rep_tz("up", "cp")
        within = q.in_bounds if bounds else (lambda column, bounds: "TRUE")
        # the visits as the visits analysis sees them (its query, not its
        # view: no view depends on another, each is dropped on its own)
        visit_query = self.env["sale.visit.report"]._sow_query(bounds)
        rep_tz_joins = """
  JOIN res_users u ON u.id = {user}
  JOIN res_partner up ON up.id = u.partner_id
  JOIN res_company co ON co.id = {company}
  JOIN res_partner cp ON cp.id = co.partner_id"""
        attendances = self._sow_branch(
            "FROM hr_attendance a\n  JOIN hr_employee e ON e.id = a.employee_id"
            + rep_tz_joins.format(user="e.user_id", company="e.company_id")
            + "\n WHERE e.user_id IS NOT NULL"
            + f"\n   AND {within('a.check_in', bounds)}",
            "e.user_id",
            "e.company_id",
            q.local_day("a.check_in", tz),
            attendance_count="1",
            attended_hours="COALESCE(a.worked_hours, 0)",
        )
        # one pass over the visits: a row for the day each was planned for
        # (unless cancelled) and one for the day it was made
        visits = self._sow_branch(
            f"""FROM ({visit_query}) vr
  CROSS JOIN LATERAL (VALUES
        (vr.planned_day, (vr.state <> 'cancelled')::int, 0),
        (vr.check_in_day, 0, vr.made_count)) d (day, planned, made)
 WHERE d.planned = 1 OR d.made = 1""",
            "vr.user_id",
            "vr.company_id",
            "d.day",
            planned_count="d.planned",
            visit_count="d.made",
            verified_count="d.made * vr.verified_count",
            effective_count="d.made * vr.effective_count",
            flagged_count="d.made * vr.flagged_count",
            visit_hours="d.made * vr.duration",
        )
        quotations = self._sow_branch(
            "FROM sale_order so"
            + rep_tz_joins.format(user="so.user_id", company="so.company_id")
            + f"\n WHERE {within(QUOTED_ON, bounds)}",
            "so.user_id",
            "so.company_id",
            q.local_day(QUOTED_ON, tz),
            quotation_count="1",
            quotation_amount=q.order_amount_company("so"),
            quotation_won_count=f"(so.state = {q.ORDER_STATE_SQL})::int",
        )
        orders = self._sow_branch(
            "FROM sale_order so"
            + rep_tz_joins.format(user="so.user_id", company="so.company_id")
            + f"\n WHERE so.state = {q.ORDER_STATE_SQL}"
            + f"\n   AND {within('so.date_order', bounds)}",
            "so.user_id",
            "so.company_id",
            q.local_day("so.date_order", tz),
            order_count="1",
            order_amount=q.order_amount_company("so"),
        )
        amount = q.collection_amount_company("COALESCE(sc.amount, 0)", "sc", "co", "rt")
        collections = self._sow_branch(
            "FROM sale_collection sc\n  JOIN res_company co ON co.id = sc.company_id"
            + q.rate_joins("sc", "co", "rt")
            + f"\n WHERE sc.state IN {q.COUNTED_COLLECTION_STATES_SQL}"
            + f"\n   AND {within('sc.date', bounds)}",
            "sc.user_id",
            "sc.company_id",
            "sc.date",
            collection_count="1",
            collected_amount=amount,
            **{
                measure: f"CASE WHEN sc.method = '{method}' THEN {amount} ELSE 0 END"
                for method, measure in METHOD_MEASURES.items()
            },
        )
        receivables_where = ""
        if bounds:
            receivables_where = f"""
           AND am.commercial_partner_id IN (
               SELECT vp.commercial_partner_id
                 FROM sale_visit vb JOIN res_partner vp ON vp.id = vb.partner_id
                WHERE {q.visit_in_bounds("vb", bounds)})"""
        receivables = self._sow_branch(
            f"""FROM (SELECT DISTINCT vr.user_id, vr.company_id, vr.check_in_day,
                        vr.commercial_partner_id
                   FROM ({visit_query}) vr WHERE vr.check_in IS NOT NULL) vd
  JOIN (SELECT am.commercial_partner_id, am.company_id,
               SUM(am.amount_residual_signed) AS balance
          FROM account_move am
         WHERE am.state = 'posted'
           AND am.move_type IN ('out_invoice', 'out_refund')
           AND am.amount_residual_signed <> 0{receivables_where}
         GROUP BY am.commercial_partner_id, am.company_id) ob
    ON ob.commercial_partner_id = vd.commercial_partner_id
   AND ob.company_id = vd.company_id""",
            "vd.user_id",
            "vd.company_id",
            "vd.check_in_day",
            receivable_amount="ob.balance",
        )
        union = "\nUNION ALL\n".join(
            (attendances, visits, quotations, orders, collections, receivables)
        )
        sums = ",\n       ".join(f"SUM(g.{name}) AS {name}" for name in MEASURES)
        measures = ",\n       ".join(f"r.{name}" for name in MEASURES)
        conversion = CONVERSION_SQL.format(
            quotations="g.quotation_count", won="g.quotation_won_count"
        )
        # summed first, then the few rep-days joined to their rep's team
        return f"""
SELECT (r.company_id::bigint * 1099511627776 + r.user_id::bigint * 65536
        + (r.day - DATE '1970-01-01')) AS id,
       r.day AS date,
       r.user_id AS user_id,
       r.company_id AS company_id,
       t.id AS team_id,
       rc.currency_id AS currency_id,
       {measures},
       r.conversion_rate AS conversion_rate
  FROM (SELECT g.day, g.user_id, g.company_id,
               {sums},
               {conversion} AS conversion_rate
          FROM ({union}) g
         GROUP BY g.day, g.user_id, g.company_id) r
  JOIN res_company rc ON rc.id = r.company_id
  JOIN res_users ru ON ru.id = r.user_id
  LEFT JOIN crm_team t ON t.id = ru.sale_team_id
       AND (t.company_id IS NULL OR t.company_id = r.company_id)
"""

    def init(self):
        # a period's attendances and quotations found by index
        create_index(
            self.env.cr, "hr_attendance_sow_check_in_idx", "hr_attendance", ["check_in"]
        )
        quoted_on = QUOTED_ON.replace("so.", "")
        create_index(
            self.env.cr,
            "sale_order_sow_quoted_on_idx",
            "sale_order",
            [f"({quoted_on})"],
        )
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._sow_query()),
            )
        )

    # ------------------------------------------------------------ bounded reads
    @property
    def _table_query(self):
        """A read whose domain bounds the day (the dashboard, My Day, a
        month's pivot) sums only the rows of those days, not the whole view."""
        bounds = self.env.context.get("sow_report_bounds")
        return SQL(self._sow_query(bounds)) if bounds else None

    @api.model
    def _sow_day_range(self, domain):
        """``(first day, last day)`` that ``domain`` keeps (either may be None),
        or None: from its ``date`` conditions, when every condition of the
        domain must hold (no '|' or '!')."""
        domain = expression.normalize_domain(domain or [])
        if any(item in ("|", "!") for item in domain):
            return None
        first = last = None
        for item in domain:
            if not (isinstance(item, list | tuple) and item[0] == "date"):
                continue
            operator, value = item[1], item[2]
            if operator not in ("=", ">=", ">", "<=", "<") or not value:
                continue
            day = fields.Date.to_date(value)
            if operator in ("=", ">=", ">"):
                first = max(first, day) if first else day
            if operator in ("=", "<=", "<"):
                last = min(last, day) if last else day
        return (first, last) if first or last else None

    def _where_calc(self, domain, active_test=True):
        report = self
        day_range = self._sow_day_range(domain)
        if day_range and not self.env.context.get("sow_report_unbounded"):
            report = self.with_context(sow_report_bounds=q.utc_bounds(*day_range))
        return super(SaleRepPerformanceReport, report)._where_calc(domain, active_test)

    # ------------------------------------------------------------------ figures
    def _sow_figures(self, domain, groupby=()):
        """The day's figures summed over ``domain`` (record rules apply), in one
        query: ``{measure: value, 'conversion_rate': %}``, or a list of
        ``(groups, figures)`` when grouped."""
        aggregates = [f"{name}:sum" for name in MEASURES] + ["conversion_rate:avg"]
        names = list(MEASURES) + ["conversion_rate"]
        rows = self._read_group(domain, list(groupby), aggregates)
        result = []
        for row in rows:
            groups, values = row[: len(groupby)], row[len(groupby) :]
            result.append((groups, dict(zip(names, values, strict=True))))
        if groupby:
            return result
        return result[0][1]

    # ------------------------------------------------------------------ dashboard
    def _sow_figure_rows(self):
        """What the dashboard and My Day show, in order: (measure, label, kind)."""
        _ = self.env._
        return [
            ("planned_count", _("Planned visits"), "int"),
            ("visit_count", _("Visits made"), "int"),
            ("verified_count", _("Verified visits"), "int"),
            ("effective_count", _("Effective visits"), "int"),
            ("attended_hours", _("Hours attended"), "hours"),
            ("visit_hours", _("Hours at customers"), "hours"),
            ("quotation_count", _("Quotations"), "int"),
            ("quotation_amount", _("Quoted (untaxed)"), "money"),
            ("conversion_rate", _("Conversion (%)"), "percent"),
            ("order_count", _("Orders"), "int"),
            ("order_amount", _("Ordered (untaxed)"), "money"),
            ("collected_cash", _("Cash"), "money"),
            ("collected_cheque", _("Cheques"), "money"),
            ("collected_bank_transfer", _("Bank transfers"), "money"),
            ("collected_ewallet", _("E-wallet"), "money"),
            ("collected_card", _("Card"), "money"),
            ("collected_amount", _("Collected"), "money"),
        ]

    @api.model
    def sow_dashboard_data(self, today=None):
        """The key figures of today, this week (from Monday) and this month,
        up to today, of the rows the user may read (a manager: his teams), and
        this month's per rep: four grouped reads, one call."""
        today = fields.Date.to_date(today) or fields.Date.context_today(self)
        _ = self.env._
        periods = [
            ("today", _("Today"), today),
            ("week", _("This Week"), today - timedelta(days=today.weekday())),
            ("month", _("This Month"), today.replace(day=1)),
        ]
        result_periods = []
        for key, label, start in periods:
            domain = [("date", ">=", start), ("date", "<=", today)]
            result_periods.append(
                {
                    "key": key,
                    "label": label,
                    "date_from": fields.Date.to_string(start),
                    "date_to": fields.Date.to_string(today),
                    "figures": self._sow_figures(domain),
                }
            )
        month_domain = [("date", ">=", periods[2][2]), ("date", "<=", today)]
        reps = [
            {"user_id": user.id, "name": user.name, "figures": figures}
            for (user,), figures in self._sow_figures(month_domain, ["user_id"])
        ]
        reps.sort(key=lambda rep: -rep["figures"]["order_amount"])
        return {
            "currency_id": self.env.company.currency_id.id,
            "rows": [
                {"key": key, "label": label, "kind": kind}
                for key, label, kind in self._sow_figure_rows()
            ],
            "periods": result_periods,
            "reps": reps,
        }
