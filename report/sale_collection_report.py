# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models, tools
from odoo.tools import SQL

from ..models.sale_collection import METHODS, STATES
from . import sow_report_sql as q


class SaleCollectionReport(models.Model):
    """One row per allocation of a receipt to an invoice (README, "Reports:
    definitions")."""

    _name = "sale.collection.report"
    _description = "Collections Analysis"
    _auto = False
    _rec_name = "collection_id"
    _order = "date desc, id desc"
    _depends = {
        "sale.collection": [
            "name",
            "user_id",
            "team_id",
            "company_id",
            "partner_id",
            "commercial_partner_id",
            "method",
            "date",
            "state",
            "currency_id",
            "visit_id",
            "is_pdc",
        ],
        "sale.collection.line": ["collection_id", "move_id", "amount"],
        "account.move": ["invoice_date", "invoice_date_due"],
    }

    collection_id = fields.Many2one("sale.collection", string="Receipt", readonly=True)
    user_id = fields.Many2one("res.users", string="Rep", readonly=True)
    team_id = fields.Many2one("crm.team", string="Sales Team", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    partner_id = fields.Many2one("res.partner", string="Customer", readonly=True)
    commercial_partner_id = fields.Many2one(
        "res.partner", string="Customer Entity", readonly=True
    )
    method = fields.Selection(METHODS, string="Payment Method", readonly=True)
    date = fields.Date(string="Receipt Date", readonly=True)
    state = fields.Selection(STATES, string="Status", readonly=True)
    is_counted = fields.Boolean(
        string="Counted",
        readonly=True,
        help="Collected, handed over or posted: money the rep holds or the "
        "office booked.",
    )
    is_pdc = fields.Boolean(string="Post-dated Cheque", readonly=True)
    visit_id = fields.Many2one("sale.visit", string="Visit", readonly=True)
    move_id = fields.Many2one("account.move", string="Invoice", readonly=True)
    invoice_date = fields.Date(readonly=True)
    invoice_date_due = fields.Date(string="Due Date", readonly=True)
    amount = fields.Monetary(
        string="Amount Applied", readonly=True, currency_field="currency_id"
    )
    days_after_due = fields.Integer(
        readonly=True,
        aggregator="avg",
        help="Receipt date minus the invoice's due date: negative when paid "
        "before it was due.",
    )
    is_overdue = fields.Boolean(
        string="Collected Late", readonly=True, help="Collected after the due date."
    )

    def _sow_query(self):
        return f"""
SELECT l.id AS id,
       c.id AS collection_id,
       c.user_id AS user_id,
       c.team_id AS team_id,
       c.company_id AS company_id,
       co.currency_id AS currency_id,
       c.partner_id AS partner_id,
       c.commercial_partner_id AS commercial_partner_id,
       c.method AS method,
       c.date AS date,
       c.state AS state,
       c.state IN {q.COUNTED_COLLECTION_STATES_SQL} AS is_counted,
       COALESCE(c.is_pdc, FALSE) AS is_pdc,
       c.visit_id AS visit_id,
       l.move_id AS move_id,
       m.invoice_date AS invoice_date,
       m.invoice_date_due AS invoice_date_due,
       {q.collection_amount_company("COALESCE(l.amount, 0)", "c", "co", "rt")}
           AS amount,
       (c.date - m.invoice_date_due) AS days_after_due,
       COALESCE(c.date > m.invoice_date_due, FALSE) AS is_overdue
  FROM sale_collection_line l
  JOIN sale_collection c ON c.id = l.collection_id
  JOIN res_company co ON co.id = c.company_id
  JOIN account_move m ON m.id = l.move_id{q.rate_joins("c", "co", "rt")}
"""

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                "CREATE OR REPLACE VIEW %s AS (%s)",
                SQL.identifier(self._table),
                SQL(self._sow_query()),
            )
        )
