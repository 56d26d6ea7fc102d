# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64
import io
from datetime import datetime, time, timedelta

import pytz
import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError

# (measure, kind) of the Summary sheet's columns after the rep; labels come
# from the report's own list (sale.rep.performance.report._sow_figure_rows).
SUMMARY_KINDS = {"int": "int", "hours": "hours", "money": "money", "percent": "pct"}


def _name(value):
    """The name of a many2one as search_read gives it."""
    return value[1] if value else ""


class SaleActivityReportWizard(models.TransientModel):
    """ "Sales activity report": an .xlsx of a date range and some reps,
    read from the analysis reports (their rules apply: a rep gets his own
    rows, a manager his teams')."""

    _name = "sale.activity.report.wizard"
    _description = "Sales Activity Report (XLSX)"

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    user_ids = fields.Many2many(
        "res.users",
        string="Reps",
        domain="[('share', '=', False), ('company_ids', 'in', company_id)]",
        help="Leave empty for every rep whose figures you may read.",
    )
    file_data = fields.Binary(string="File", readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_from > wizard.date_to:
                raise UserError(
                    self.env._(
                        "The report starts on %(start)s, after it ends (%(end)s): "
                        "swap the dates.",
                        start=wizard.date_from,
                        end=wizard.date_to,
                    )
                )

    # ------------------------------------------------------------------ domains
    def _sow_base_domain(self):
        domain = [("company_id", "=", self.company_id.id)]
        if self.user_ids:
            domain.append(("user_id", "in", self.user_ids.ids))
        return domain

    def _sow_day_domain(self, field):
        return [(field, ">=", self.date_from), (field, "<=", self.date_to)]

    def _sow_utc_bounds(self):
        """The range as UTC datetimes, in the exporting user's time zone."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        start = tz.localize(datetime.combine(self.date_from, time.min))
        end = tz.localize(datetime.combine(self.date_to + timedelta(days=1), time.min))
        return (
            start.astimezone(pytz.utc).replace(tzinfo=None),
            end.astimezone(pytz.utc).replace(tzinfo=None),
        )

    # ------------------------------------------------------------------ data
    def _sow_data(self):
        """Everything the workbook holds, in a fixed number of queries."""
        self.ensure_one()
        Performance = self.env["sale.rep.performance.report"]
        base = self._sow_base_domain()
        days = base + self._sow_day_domain("date")
        summary = Performance._sow_figures(days, ["user_id"])
        total = Performance._sow_figures(days)
        visits = self.env["sale.visit.report"].search_read(
            base
            + [
                ("state", "!=", "cancelled"),
                "|",
                "&",
                ("check_in_day", ">=", self.date_from),
                ("check_in_day", "<=", self.date_to),
                "&",
                ("check_in", "=", False),
                "&",
                ("planned_day", ">=", self.date_from),
                ("planned_day", "<=", self.date_to),
            ],
            [
                "name",
                "date",
                "user_id",
                "partner_id",
                "state",
                "location_status",
                "is_flagged",
                "duration",
                "is_effective",
                "quotation_count",
                "quotation_amount",
                "order_count",
                "order_amount",
                "collected_amount",
            ],
            order="date, id",
        )
        start, end = self._sow_utc_bounds()
        orders = self.env["sale.order"].search_read(
            base
            + [
                ("state", "=", "sale"),
                ("date_order", ">=", start),
                ("date_order", "<", end),
            ],
            [
                "name",
                "date_order",
                "user_id",
                "partner_id",
                "visit_id",
                "amount_untaxed",
                "currency_rate",
            ],
            order="date_order, id",
        )
        collections = self.env["sale.collection.report"].search_read(
            base + self._sow_day_domain("date") + [("is_counted", "=", True)],
            [
                "date",
                "collection_id",
                "user_id",
                "partner_id",
                "method",
                "state",
                "move_id",
                "invoice_date_due",
                "days_after_due",
                "amount",
            ],
            order="date, id",
        )
        attendance = Performance.search_read(
            days + [("attendance_count", ">", 0)],
            ["date", "user_id", "attendance_count", "attended_hours", "visit_hours"],
            order="date, user_id",
        )
        return {
            "summary": summary,
            "total": total,
            "visits": visits,
            "orders": orders,
            "collections": collections,
            "attendance": attendance,
        }

    # ------------------------------------------------------------------ workbook
    @staticmethod
    def _sow_xlsx_formats(book):
        fmt = {
            "head": book.add_format(
                {"bold": True, "bg_color": "#D9E1F2", "border": 1, "text_wrap": True}
            ),
            "title": book.add_format({"bold": True, "font_size": 14}),
            "text": book.add_format({}),
            "int": book.add_format({"num_format": "#,##0"}),
            "money": book.add_format({"num_format": "#,##0.00"}),
            "hours": book.add_format({"num_format": "0.00"}),
            "pct": book.add_format({"num_format": "0.0"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
            "datetime": book.add_format({"num_format": "yyyy-mm-dd hh:mm"}),
        }
        for kind in ("int", "money", "hours", "pct", "text"):
            fmt[f"total_{kind}"] = book.add_format(
                {
                    "bold": True,
                    "top": 2,
                    "num_format": fmt[kind].num_format or "General",
                }
            )
        return fmt

    def _sow_xlsx_sheet(self, book, fmt, title, columns, rows, totals=()):
        """A sheet with a frozen header row, one row per item and a bold total
        row. columns: [(header, kind, width)]; totals: the kinds summed
        (formulas, with their value)."""
        ws = book.add_worksheet(title)
        for col, (header, _kind, width) in enumerate(columns):
            ws.write(0, col, header, fmt["head"])
            ws.set_column(col, col, width)
        ws.freeze_panes(1, 0)
        for row_index, values in enumerate(rows, start=1):
            for col, value in enumerate(values):
                kind = columns[col][1]
                if value is None or value is False:
                    ws.write_blank(row_index, col, None, fmt[kind])
                elif kind in ("date", "datetime"):
                    ws.write_datetime(row_index, col, value, fmt[kind])
                else:
                    ws.write(row_index, col, value, fmt[kind])
        last = len(rows) + 1
        ws.write(last, 0, self.env._("Total"), fmt["total_text"])
        for col, (_header, kind, _width) in enumerate(columns):
            if col and kind in totals:
                letter = xlsxwriter.utility.xl_col_to_name(col)
                ws.write_formula(
                    last,
                    col,
                    f"=SUM({letter}2:{letter}{last})",
                    fmt[f"total_{kind}"],
                    sum(values[col] or 0 for values in rows),
                )
        return ws

    def _sow_xlsx_summary(self, book, fmt, data):
        """One row per rep and the report's totals (the conversion of the total
        is its own ratio, not a sum)."""
        _ = self.env._
        figure_rows = self.env["sale.rep.performance.report"]._sow_figure_rows()
        columns = [(_("Rep"), "text", 24)] + [
            (label, SUMMARY_KINDS[kind], 12) for _key, label, kind in figure_rows
        ]
        ws = book.add_worksheet(_("Summary"))
        ws.write(0, 0, _("Sales activity report"), fmt["title"])
        ws.write(
            1, 0, _("%(start)s to %(end)s", start=self.date_from, end=self.date_to)
        )
        header_row = 3
        for col, (header, _kind, width) in enumerate(columns):
            ws.write(header_row, col, header, fmt["head"])
            ws.set_column(col, col, width)
        ws.freeze_panes(header_row + 1, 1)
        groups = sorted(data["summary"], key=lambda group: group[0][0].name or "")
        for row_index, ((user,), figures) in enumerate(groups, start=header_row + 1):
            ws.write(row_index, 0, user.name, fmt["text"])
            for col, (key, _label, kind) in enumerate(figure_rows, start=1):
                ws.write(row_index, col, figures[key] or 0, fmt[SUMMARY_KINDS[kind]])
        last = header_row + 1 + len(groups)
        ws.write(last, 0, _("Total"), fmt["total_text"])
        for col, (key, _label, kind) in enumerate(figure_rows, start=1):
            kind = SUMMARY_KINDS[kind]
            value = data["total"][key] or 0
            if kind == "pct":
                ws.write(last, col, value, fmt["total_pct"])
                continue
            letter = xlsxwriter.utility.xl_col_to_name(col)
            ws.write_formula(
                last,
                col,
                f"=SUM({letter}{header_row + 2}:{letter}{last})",
                fmt[f"total_{kind}"],
                value,
            )

    def _sow_local(self, value):
        """A UTC datetime as a naive datetime of the user's time zone."""
        if not value:
            return None
        tz = pytz.timezone(self.env.user.tz or "UTC")
        return pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)

    def _sow_label(self, model, field, value):
        selection = dict(
            self.env[model]._fields[field]._description_selection(self.env)
        )
        return selection.get(value, "") if value else ""

    def _sow_visit_rows(self, visits):
        _ = self.env._
        return [
            [
                visit["name"],
                self._sow_local(visit["date"]),
                _name(visit["user_id"]),
                _name(visit["partner_id"]),
                self._sow_label("sale.visit.report", "state", visit["state"]),
                self._sow_label(
                    "sale.visit.report", "location_status", visit["location_status"]
                ),
                _("Yes") if visit["is_flagged"] else "",
                visit["duration"],
                _("Yes") if visit["is_effective"] else "",
                visit["quotation_count"],
                visit["quotation_amount"],
                visit["order_count"],
                visit["order_amount"],
                visit["collected_amount"],
            ]
            for visit in visits
        ]

    def _sow_xlsx(self):
        data = self._sow_data()
        _ = self.env._
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        fmt = self._sow_xlsx_formats(book)
        self._sow_xlsx_summary(book, fmt, data)
        self._sow_xlsx_sheet(
            book,
            fmt,
            _("Visits"),
            [
                (_("Visit"), "text", 16),
                (_("Date"), "datetime", 17),
                (_("Rep"), "text", 20),
                (_("Customer"), "text", 28),
                (_("Status"), "text", 12),
                (_("Location"), "text", 14),
                (_("Flagged"), "text", 8),
                (_("Hours"), "hours", 8),
                (_("Effective"), "text", 9),
                (_("Quotations"), "int", 10),
                (_("Quoted"), "money", 12),
                (_("Orders"), "int", 8),
                (_("Ordered"), "money", 12),
                (_("Collected"), "money", 12),
            ],
            self._sow_visit_rows(data["visits"]),
            totals=("hours", "int", "money"),
        )
        self._sow_xlsx_sheet(
            book,
            fmt,
            _("Orders"),
            [
                (_("Order"), "text", 14),
                (_("Order Date"), "datetime", 17),
                (_("Rep"), "text", 20),
                (_("Customer"), "text", 28),
                (_("Visit"), "text", 16),
                (_("Untaxed Amount"), "money", 14),
            ],
            [
                [
                    order["name"],
                    self._sow_local(order["date_order"]),
                    _name(order["user_id"]),
                    _name(order["partner_id"]),
                    _name(order["visit_id"]),
                    # in the company's currency, as the reports convert it
                    # (sow_report_sql.order_amount_company)
                    order["amount_untaxed"] / (order["currency_rate"] or 1.0),
                ]
                for order in data["orders"]
            ],
            totals=("money",),
        )
        self._sow_xlsx_sheet(
            book,
            fmt,
            _("Collections"),
            [
                (_("Date"), "date", 11),
                (_("Receipt"), "text", 16),
                (_("Rep"), "text", 20),
                (_("Customer"), "text", 28),
                (_("Method"), "text", 16),
                (_("Status"), "text", 12),
                (_("Invoice"), "text", 16),
                (_("Due Date"), "date", 11),
                (_("Days After Due"), "int", 9),
                (_("Amount Applied"), "money", 14),
            ],
            [
                [
                    line["date"],
                    _name(line["collection_id"]),
                    _name(line["user_id"]),
                    _name(line["partner_id"]),
                    self._sow_label("sale.collection.report", "method", line["method"]),
                    self._sow_label("sale.collection.report", "state", line["state"]),
                    _name(line["move_id"]),
                    line["invoice_date_due"] or None,
                    line["days_after_due"],
                    line["amount"],
                ]
                for line in data["collections"]
            ],
            totals=("money",),
        )
        self._sow_xlsx_sheet(
            book,
            fmt,
            _("Attendance"),
            [
                (_("Day"), "date", 11),
                (_("Rep"), "text", 20),
                (_("Attendances"), "int", 11),
                (_("Hours Attended"), "hours", 10),
                (_("Hours at Customers"), "hours", 10),
            ],
            [
                [
                    day["date"],
                    _name(day["user_id"]),
                    day["attendance_count"],
                    day["attended_hours"],
                    day["visit_hours"],
                ]
                for day in data["attendance"]
            ],
            totals=("int", "hours"),
        )
        book.close()
        return output.getvalue()

    def action_export(self):
        self.ensure_one()
        self.write(
            {
                "file_data": base64.b64encode(self._sow_xlsx()),
                "file_name": self.env._(
                    "Sales activity %(start)s %(end)s.xlsx",
                    start=self.date_from,
                    end=self.date_to,
                ),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/?model={self._name}&id={self.id}"
            "&field=file_data&filename_field=file_name&download=true",
            "target": "self",
        }
