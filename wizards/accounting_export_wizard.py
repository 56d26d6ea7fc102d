# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from markupsafe import Markup, escape

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..models.accounting_connector import KIND_FIELDS


class AccountingExportWizard(models.TransientModel):
    """Choose what to export, see what it would write and every problem,
    then write the files (only when there is no problem left)."""

    _name = "accounting.export.wizard"
    _description = "Accounting Export"
    _check_company_auto = True

    connector_id = fields.Many2one(
        "accounting.connector",
        required=True,
        check_company=True,
        domain="[('company_id', 'in', allowed_company_ids)]",
    )
    company_id = fields.Many2one(related="connector_id.company_id")
    package = fields.Selection(related="connector_id.package")
    supported_kinds = fields.Char(related="connector_id.supported_kinds")
    export_customers = fields.Boolean(string="Customers")
    export_items = fields.Boolean(string="Items")
    export_invoices = fields.Boolean(string="Invoices", default=True)
    export_credit_notes = fields.Boolean(string="Credit Notes", default=True)
    export_payments = fields.Boolean(string="Payments", default=True)
    date_from = fields.Date(
        string="From",
        default=lambda self: fields.Date.context_today(self).replace(day=1),
    )
    date_to = fields.Date(string="To", default=fields.Date.context_today)
    only_new_or_changed = fields.Boolean(
        string="New or changed only",
        default=True,
        help="Leave out what an earlier export already wrote unchanged. Untick "
        "it to write everything in the range again.",
    )
    state = fields.Selection(
        [("setup", "Setup"), ("preview", "Preview")], default="setup", required=True
    )
    preview_html = fields.Html(readonly=True, sanitize=False)
    error_count = fields.Integer(readonly=True)
    warning_count = fields.Integer(readonly=True)
    record_count = fields.Integer(readonly=True)

    @api.onchange("connector_id")
    def _onchange_connector_id(self):
        kinds = self.connector_id._sow_kinds() if self.connector_id else ()
        for kind, field in KIND_FIELDS.items():
            self[field] = kind in kinds and self.connector_id[field]
        self.state = "setup"

    @api.onchange(
        "export_customers",
        "export_items",
        "export_invoices",
        "export_credit_notes",
        "export_payments",
        "date_from",
        "date_to",
        "only_new_or_changed",
    )
    def _onchange_choice(self):
        self.state = "setup"

    def _kinds(self):
        return [kind for kind, field in KIND_FIELDS.items() if self[field]]

    def _plan(self):
        self.ensure_one()
        if not self._kinds():
            raise UserError(self.env._("Tick at least one kind of record to export."))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise UserError(self.env._("The range ends before it starts."))
        return self.connector_id._sow_plan(
            self._kinds(), self.date_from, self.date_to, self.only_new_or_changed
        )

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Export to %s", self.connector_id._package_label()),
        }

    def _preview_html(self, plan):
        _ = self.env._
        labels = dict(self.env["accounting.export.batch"]._sow_kind_selection())
        rows = Markup("").join(
            Markup(
                "<tr><td>%s</td><td class='text-end'>%s</td>"
                "<td class='text-end'>%s</td><td class='text-end'>%s</td>"
                "<td class='text-end'>%s</td></tr>"
            )
            % (
                labels[kind],
                plan.count(kind, "new"),
                plan.count(kind, "changed"),
                plan.count(kind, "again"),
                plan.skipped.get(kind, 0),
            )
            for kind in plan.items
        )
        html = Markup(
            "<table class='table table-sm o_sow_export_counts'><thead><tr><th/>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th>"
            "<th class='text-end'>%s</th><th class='text-end'>%s</th></tr></thead>"
            "<tbody>%s</tbody></table>"
        ) % (
            _("New"),
            _("Changed since export"),
            _("Exported again"),
            _("Already exported, left out"),
            rows,
        )
        for title, problems, css in (
            (
                _("Errors: nothing is written until they are fixed"),
                plan.errors,
                "danger",
            ),
            (_("Warnings"), plan.warnings, "warning"),
        ):
            if not problems:
                continue
            items = Markup("").join(
                Markup("<li><b>%s</b>: %s%s</li>")
                % (
                    p.record,
                    p.message,
                    Markup(" → <i>%s</i>") % p.fix if p.fix else "",
                )
                for p in problems
            )
            html += Markup(
                "<div class='alert alert-%s o_sow_export_%s' role='alert'>"
                "<p><b>%s (%s)</b></p><ul class='mb-0'>%s</ul></div>"
            ) % (css, css, title, len(problems), items)
        again = sum(plan.count(kind, "changed") for kind in plan.items)
        if again:
            html += Markup("<p class='text-muted'>%s</p>") % escape(
                _(
                    "%(count)s record(s) changed after an earlier export. Importing "
                    "them again may be refused as duplicates: delete or edit them "
                    "in the package first.",
                    count=again,
                )
            )
        return html

    def action_preview(self):
        self.ensure_one()
        plan = self._plan()
        self.write(
            {
                "state": "preview",
                "preview_html": self._preview_html(plan),
                "error_count": len(plan.errors),
                "warning_count": len(plan.warnings),
                "record_count": plan.total,
            }
        )
        return self._reopen()

    def action_generate_codes(self):
        """Customer codes in the package's style and item codes from the
        products' internal references, for the records of the range."""
        self.ensure_one()
        connector = self.connector_id
        groups = self.env["accounting.export.builder"]._sow_collect(
            connector,
            ["customer", "item"],
            self.date_from,
            self.date_to,
        )
        connector._sow_generate_customer_codes(groups["customer"])
        if connector.package in ("sql_account", "emas"):
            connector._sow_generate_item_codes(groups["item"])
        return self.action_preview()

    def action_export(self):
        self.ensure_one()
        plan = self._plan()
        batch = self.connector_id._sow_export(plan)
        return {
            "type": "ir.actions.act_window",
            "res_model": "accounting.export.batch",
            "res_id": batch.id,
            "view_mode": "form",
            "target": "current",
        }
