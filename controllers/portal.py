# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Odoo's quotation portal, as the customer uses it: a quotation declined
online is lost with the reason "Declined online" and the customer's words."""

from odoo import http
from odoo.exceptions import AccessError, MissingError

from odoo.addons.sale.controllers import portal


class SowCustomerPortal(portal.CustomerPortal):
    @http.route()
    def portal_quote_decline(
        self, order_id, access_token=None, decline_message=None, **kwargs
    ):
        try:
            order_sudo = self._document_check_access(
                "sale.order", order_id, access_token=access_token
            )
        except (AccessError, MissingError):
            order_sudo = None
        was_open = bool(order_sudo) and order_sudo.state in ("draft", "sent")
        response = super().portal_quote_decline(
            order_id,
            access_token=access_token,
            decline_message=decline_message,
            **kwargs,
        )
        if (
            was_open
            and order_sudo.state == "cancel"
            and not order_sudo.sow_lost_reason_id
        ):
            reason = order_sudo.env.ref(
                "sales_order_workflow.lost_reason_declined_online",
                raise_if_not_found=False,
            )
            order_sudo.write(
                {
                    "sow_lost_reason_id": reason.id if reason else False,
                    "sow_lost_note": decline_message,
                }
            )
        return response
