# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    sow_stock_confirm_policy = fields.Selection(
        [
            ("warn", "Warn"),
            ("block", "Block"),
            ("approval", "Require a manager's approval"),
        ],
        string="Confirming With Too Little Stock",
        default="warn",
        required=True,
        help="What confirming a quotation does when a line's warehouse has less free "
        "stock than the line needs: warn (the user confirms anyway, the order's "
        "chatter says so), block (no confirmation until the stock is there), or "
        "require a manager's approval (recorded on the order: who and when).",
    )

    @api.model
    def _sow_demo_load_chart(self, company_ids):
        """Give the demo companies a chart of accounts (demo data only).

        The Malaysian chart (``l10n_my``) when that module is installed,
        Odoo's generic chart otherwise. ``try_loading`` refuses to run quietly
        before the registry is fully loaded, because a module loaded later could
        still add chart data; our dependencies (account and all it needs) are
        loaded by the time our demo data is, so the template's loader is called
        directly.
        """
        has_my = bool(
            self.env["ir.module.module"].search_count(
                [("name", "=", "l10n_my"), ("state", "=", "installed")]
            )
        )
        template = "my" if has_my else "generic_coa"
        charts = self.env["account.chart.template"]
        for company in self.browse(company_ids):
            if not company.chart_template:
                charts._load(template, company, install_demo=False)
        return True
