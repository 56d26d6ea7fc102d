# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup

from odoo import fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    sow_bounced_cheque = fields.Boolean(
        string="Bounced Cheque",
        copy=False,
        tracking=True,
        help="A cheque of this customer bounced. Reps see a warning when they "
        "collect a cheque from them; a collection officer clears the flag.",
    )
    sow_bounced_cheque_count = fields.Integer(
        string="Bounced Cheques", readonly=True, copy=False
    )
    sow_last_bounce_date = fields.Date(
        string="Last Bounced Cheque", readonly=True, copy=False
    )

    def _sow_flag_bounced_cheque(self, collection):
        """Record on the customer that the cheque of ``collection`` bounced."""
        self.ensure_one()
        # sudo: a collection officer records the bounce; flagging the customer
        # is part of it even without the right to edit contacts. Only these
        # three fields and a note in the chatter are written.
        partner = self.sudo()
        partner.write(
            {
                "sow_bounced_cheque": True,
                "sow_bounced_cheque_count": partner.sow_bounced_cheque_count + 1,
                "sow_last_bounce_date": collection.bounce_date,
            }
        )
        partner.message_post(
            body=Markup("%s<br/>%s")
            % (
                self.env._(
                    "Cheque %(cheque)s (%(bank)s) of receipt %(receipt)s bounced, "
                    "recorded by %(officer)s.",
                    cheque=collection.cheque_number,
                    bank=collection.cheque_bank,
                    receipt=collection.name,
                    officer=self.env.user.name,
                ),
                collection.bounce_reason,
            ),
            subtype_xmlid="mail.mt_note",
        )

    def action_sow_clear_bounced_cheque(self):
        """A collection officer accepts cheques from the customer again."""
        self.env["sale.collection"]._sow_check_officer()
        # sudo: see _sow_flag_bounced_cheque; only the flag is cleared.
        self.sudo().write({"sow_bounced_cheque": False})
        return True
