# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    sow_stock_confirm_policy = fields.Selection(
        related="company_id.sow_stock_confirm_policy", readonly=False
    )
