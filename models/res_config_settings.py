# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models

JOURNAL_DOMAIN = "[('type', 'in', ('cash', 'bank')), ('company_id', '=', company_id)]"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    # ---- customer visits
    sow_visit_require_attendance = fields.Boolean(
        related="company_id.sow_visit_require_attendance", readonly=False
    )
    sow_clock_out_open_visit = fields.Selection(
        related="company_id.sow_clock_out_open_visit", readonly=False
    )
    sow_visit_radius = fields.Integer(
        related="company_id.sow_visit_radius", readonly=False
    )
    sow_visit_accuracy_threshold = fields.Integer(
        related="company_id.sow_visit_accuracy_threshold", readonly=False
    )
    sow_visit_max_speed = fields.Integer(
        related="company_id.sow_visit_max_speed", readonly=False
    )

    # ---- collections: the journal each collection method posts into
    sow_collection_journal_cash_id = fields.Many2one(
        related="company_id.sow_collection_journal_cash_id",
        readonly=False,
        domain=JOURNAL_DOMAIN,
    )
    sow_collection_journal_cheque_id = fields.Many2one(
        related="company_id.sow_collection_journal_cheque_id",
        readonly=False,
        domain=JOURNAL_DOMAIN,
    )
    sow_collection_journal_bank_transfer_id = fields.Many2one(
        related="company_id.sow_collection_journal_bank_transfer_id",
        readonly=False,
        domain=JOURNAL_DOMAIN,
    )
    sow_collection_journal_ewallet_id = fields.Many2one(
        related="company_id.sow_collection_journal_ewallet_id",
        readonly=False,
        domain=JOURNAL_DOMAIN,
    )
    sow_collection_journal_card_id = fields.Many2one(
        related="company_id.sow_collection_journal_card_id",
        readonly=False,
        domain=JOURNAL_DOMAIN,
    )
    sow_pdc_auto_post = fields.Boolean(
        related="company_id.sow_pdc_auto_post", readonly=False
    )

    # ---- quotations and their confirmation
    sow_stock_confirm_policy = fields.Selection(
        related="company_id.sow_stock_confirm_policy", readonly=False
    )
    sow_credit_confirm_policy = fields.Selection(
        related="company_id.sow_credit_confirm_policy", readonly=False
    )
    sow_credit_check_overdue = fields.Boolean(
        related="company_id.sow_credit_check_overdue", readonly=False
    )
    sow_credit_overdue_days = fields.Integer(
        related="company_id.sow_credit_overdue_days", readonly=False
    )
