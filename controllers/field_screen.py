# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""JSON routes of the field screen ("My Day").

Every route hands the phone's position to the model's one capture funnel
(``sale.visit._sow_parse_position`` and ``_sow_capture`` / ``_sow_clock``),
the same the ORM methods ``action_check_in`` / ``action_check_out`` use, and
answers with the whole day so the screen redraws from one response.
"""

from odoo import http
from odoo.exceptions import UserError
from odoo.http import request


class SowFieldScreen(http.Controller):
    @staticmethod
    def _sow_request_geo():
        """What the request itself tells, as hr_attendance records it."""
        geoip = request.geoip
        return {
            "city": geoip.city.name or False,
            "country_name": geoip.country.name or geoip.continent.name or False,
            "ip_address": geoip.ip,
            "browser": request.httprequest.user_agent.browser,
        }

    @staticmethod
    def _sow_visit(visit_id):
        try:
            visit_id = int(visit_id)
        except (TypeError, ValueError) as error:
            raise UserError(
                request.env._("%(value)r is not a visit.", value=visit_id)
            ) from error
        visit = request.env["sale.visit"].browse(visit_id).exists()
        if not visit:
            raise UserError(
                request.env._("This visit no longer exists; reload the screen.")
            )
        visit.check_access("read")
        return visit

    @http.route(
        "/sales_order_workflow/field/data", type="json", auth="user", readonly=True
    )
    def field_data(self):
        return request.env["sale.visit"]._sow_field_data()

    @http.route("/sales_order_workflow/field/clock", type="json", auth="user")
    def clock(self, action, latitude=None, longitude=None, accuracy=None):
        Visit = request.env["sale.visit"]
        Visit._sow_clock(
            action, latitude, longitude, accuracy, **self._sow_request_geo()
        )
        return Visit._sow_field_data()

    @http.route("/sales_order_workflow/visit/check_in", type="json", auth="user")
    def check_in(
        self,
        visit_id=None,
        partner_id=None,
        latitude=None,
        longitude=None,
        accuracy=None,
        purpose=None,
    ):
        """Check in at a planned visit (visit_id) or at a customer (partner_id)."""
        Visit = request.env["sale.visit"]
        if visit_id:
            self._sow_visit(visit_id).action_check_in(latitude, longitude, accuracy)
        elif partner_id:
            try:
                partner_id = int(partner_id)
            except (TypeError, ValueError) as error:
                raise UserError(
                    request.env._("%(value)r is not a customer.", value=partner_id)
                ) from error
            extra = {"purpose": purpose} if purpose else {}
            Visit.action_start_visit(partner_id, latitude, longitude, accuracy, **extra)
        else:
            raise UserError(request.env._("Choose a visit or a customer to check in."))
        return Visit._sow_field_data()

    @http.route("/sales_order_workflow/visit/check_out", type="json", auth="user")
    def check_out(
        self,
        visit_id,
        latitude=None,
        longitude=None,
        accuracy=None,
        outcome=None,
        no_order_reason=None,
        note=None,
    ):
        visit = self._sow_visit(visit_id)
        visit._sow_write_report(outcome, no_order_reason, note)
        visit.action_check_out(latitude, longitude, accuracy)
        return request.env["sale.visit"]._sow_field_data()
