# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models
from odoo.exceptions import UserError


class HrAttendance(models.Model):
    _inherit = "hr.attendance"

    in_mode = fields.Selection(
        selection_add=[("sow_field", "Field Sales")],
        ondelete={"sow_field": "set default"},
    )
    out_mode = fields.Selection(
        selection_add=[("sow_field", "Field Sales")],
        ondelete={"sow_field": "set default"},
    )
    sow_in_accuracy = fields.Float(
        string="Clock-in Accuracy (m)", digits=(10, 1), readonly=True, aggregator=None
    )
    sow_out_accuracy = fields.Float(
        string="Clock-out Accuracy (m)", digits=(10, 1), readonly=True, aggregator=None
    )
    sow_visit_ids = fields.One2many(
        "sale.visit", "attendance_id", string="Customer Visits", readonly=True
    )

    def write(self, vals):
        if vals.get("check_out"):
            closing = self.filtered(lambda attendance: not attendance.check_out)
            if closing:
                closing._sow_close_open_visits(vals)
        return super().write(vals)

    def _sow_close_open_visits(self, vals):
        """A day ends with a visit still open: refuse, or check the visit out.

        The company setting decides when the rep clocks out himself; when the
        day is closed by anyone else (HR, Odoo's automatic check-out) the
        visit is always checked out, and flagged."""
        # sudo: whoever closes the day (HR, a cron) may not see visits; only
        # the open visits of these employees' users are touched.
        visits = (
            self.env["sale.visit"]
            .sudo()
            .search(
                [
                    ("user_id", "in", self.employee_id.user_id.ids),
                    ("state", "=", "checked_in"),
                ]
            )
        )
        if not visits:
            return
        check_out = fields.Datetime.to_datetime(vals["check_out"])
        by_self = vals.get("out_mode") != "auto_check_out"
        for visit in visits:
            attendance = self.filtered(
                lambda a, visit=visit: a.employee_id.user_id == visit.user_id
            )[:1]
            if (
                by_self
                and visit.user_id == self.env.user
                and visit.company_id.sow_clock_out_open_visit == "refuse"
            ):
                raise UserError(
                    self.env._(
                        "You are still checked in at %(customer)s (%(visit)s). "
                        "Check out of the visit before clocking out.",
                        customer=visit.partner_id.display_name,
                        visit=visit.name,
                    )
                )
            visit._sow_auto_close(
                check_out,
                self.env._(
                    "Still open when %(employee)s clocked out at %(when)s: "
                    "checked out automatically.",
                    employee=attendance.employee_id.name,
                    when=visit._sow_format(check_out),
                ),
            )
