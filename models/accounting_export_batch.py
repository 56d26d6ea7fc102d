# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import base64

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import split_every

from ..accounting_formats import records as af

KINDS = [
    ("customer", "Customers"),
    ("item", "Items"),
    ("invoice", "Invoices"),
    ("credit_note", "Credit Notes"),
    ("payment", "Payments"),
]
KIND_MODELS = {
    "customer": "res.partner",
    "item": "product.product",
    "invoice": "account.move",
    "credit_note": "account.move",
    "payment": "account.payment",
}


class AccountingExportBatch(models.Model):
    """One export run: its files, and a line per record it exported."""

    _name = "accounting.export.batch"
    _description = "Accounting Export Batch"
    _inherit = ["mail.thread"]
    _check_company_auto = True
    _order = "id desc"

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    connector_id = fields.Many2one(
        "accounting.connector",
        required=True,
        readonly=True,
        index=True,
        check_company=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(
        related="connector_id.company_id", store=True, index=True, precompute=True
    )
    package = fields.Selection(related="connector_id.package")
    state = fields.Selection(
        [("done", "Exported"), ("cancelled", "Cancelled")],
        default="done",
        required=True,
        readonly=True,
        tracking=True,
        help="Cancelling a batch lets its records be exported again.",
    )
    trigger = fields.Selection(
        [("manual", "By hand"), ("scheduled", "Scheduled")],
        default="manual",
        required=True,
        readonly=True,
    )
    export_date = fields.Datetime(readonly=True, string="Exported At")
    user_id = fields.Many2one(
        "res.users", readonly=True, default=lambda self: self.env.user
    )
    date_from = fields.Date(readonly=True)
    date_to = fields.Date(readonly=True)
    only_new_or_changed = fields.Boolean(readonly=True)
    export_customers = fields.Boolean(string="Customers", readonly=True)
    export_items = fields.Boolean(string="Items", readonly=True)
    export_invoices = fields.Boolean(string="Invoices", readonly=True)
    export_credit_notes = fields.Boolean(string="Credit Notes", readonly=True)
    export_payments = fields.Boolean(string="Payments", readonly=True)
    line_ids = fields.One2many(
        "accounting.export.batch.line",
        "batch_id",
        string="Exported Records",
        readonly=True,
    )
    attachment_ids = fields.One2many(
        "ir.attachment",
        "res_id",
        string="Files",
        domain=[("res_model", "=", "accounting.export.batch")],
        readonly=True,
    )
    line_count = fields.Integer(compute="_compute_counts", string="Records")
    changed_count = fields.Integer(
        compute="_compute_counts", string="Changed Since Export"
    )
    file_count = fields.Integer(compute="_compute_counts")
    summary = fields.Char(compute="_compute_counts")

    @api.model
    def _sow_kind_selection(self):
        # the labels, translated as the selection field translates them
        line_model = self.env["accounting.export.batch.line"]
        return line_model._fields["kind"]._description_selection(self.env)

    def _compute_counts(self):
        Line = self.env["accounting.export.batch.line"]
        counts = {
            (batch.id, kind): count
            for batch, kind, count in Line._read_group(
                [("batch_id", "in", self.ids)], ["batch_id", "kind"], ["__count"]
            )
        }
        changed = dict(
            Line._read_group(
                [("batch_id", "in", self.ids), ("changed_since_export", "=", True)],
                ["batch_id"],
                ["__count"],
            )
        )
        files = dict(
            self.env["ir.attachment"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        labels = dict(self._sow_kind_selection())
        for batch in self:
            parts = [
                f"{counts[(batch.id, kind)]} {labels[kind].lower()}"
                for kind, _label in KINDS
                if counts.get((batch.id, kind))
            ]
            batch.line_count = sum(
                counts.get((batch.id, kind), 0) for kind, _label in KINDS
            )
            batch.changed_count = changed.get(batch, 0)
            batch.file_count = files.get(batch.id, 0)
            batch.summary = ", ".join(parts)

    # ----------------------------------------------------------- creation
    @api.model
    def _sow_create(self, plan, files, trigger, export_date):
        """The batch of ``plan``'s records and its files: ``files()`` gives
        them (ExportFile list), called once the lines are written, so that
        a child process writes them meanwhile."""
        connector = plan.connector
        kinds = set(plan.kinds)
        batch = self.create(
            {
                "name": self.env["ir.sequence"].next_by_code("accounting.export.batch")
                or "/",
                "connector_id": connector.id,
                "trigger": trigger,
                "export_date": export_date,
                "date_from": plan.date_from,
                "date_to": plan.date_to,
                "only_new_or_changed": plan.only_new_or_changed,
                "export_customers": "customer" in kinds,
                "export_items": "item" in kinds,
                "export_invoices": "invoice" in kinds,
                "export_credit_notes": "credit_note" in kinds,
                "export_payments": "payment" in kinds,
            }
        )
        Line = self.env["accounting.export.batch.line"]
        for kind, items in plan.items.items():
            for part in split_every(1000, items):
                Line._sow_insert(batch, kind, plan.models[kind], part)
        Line.browse(plan.previous_line_ids).write(
            {"superseded": True, "changed_since_export": False}
        )
        files = files()
        self.env["ir.attachment"].create(
            [
                {
                    "name": file.name,
                    "raw": file.data,
                    "mimetype": file.mimetype,
                    "res_model": self._name,
                    "res_id": batch.id,
                    "description": self.env._(
                        "%(count)s records, %(package)s import file",
                        count=file.records,
                        package=connector._package_label(),
                    ),
                }
                for file in files
            ]
        )
        batch.message_post(
            body=self.env._(
                "Exported %(summary)s for %(package)s in %(files)s file(s).",
                summary=batch.summary,
                package=connector._package_label(),
                files=len(files),
            )
        )
        return batch

    # ------------------------------------------------------------ actions
    def action_check_changes(self):
        """Flag the lines whose record changed (or left) since the export."""
        Line = self.env["accounting.export.batch.line"]
        builder = self.env["accounting.export.builder"]
        for batch in self:
            lines = batch.line_ids.filtered(lambda ln: not ln.superseded)
            changed = Line.browse()
            for kind, _label in KINDS:
                kind_lines = lines.filtered(lambda ln, k=kind: ln.kind == k)
                if not kind_lines:
                    continue
                records = self.env[KIND_MODELS[kind]].browse(
                    kind_lines.mapped("res_id")
                )
                current = builder._sow_still_exportable(kind, records)
                built, _problems = builder._sow_build(
                    batch.connector_id, {kind: current}
                )
                sums = {rec.id: af.checksum(doc) for rec, doc in built[kind]}
                for line in kind_lines:
                    if sums.get(line.res_id) != line.checksum:
                        changed |= line
            (lines - changed).filtered("changed_since_export").write(
                {"changed_since_export": False}
            )
            changed.filtered(lambda ln: not ln.changed_since_export).write(
                {"changed_since_export": True}
            )
        return True

    def action_cancel(self):
        for batch in self:
            if batch.state != "done":
                continue
            # the records it superseded count as the exported ones again
            batch.line_ids.previous_line_id.filtered(
                lambda ln: ln.batch_id.state == "done"
            ).write({"superseded": False})
            batch.state = "cancelled"
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_only_cancelled(self):
        if any(batch.state != "cancelled" for batch in self):
            raise UserError(
                self.env._(
                    "Only a cancelled export batch can be deleted; cancel it first "
                    "(its records can then be exported again)."
                )
            )

    def _sow_file_bytes(self):
        """{file name: bytes} of the batch's files, as stored."""
        self.ensure_one()
        return {
            att.name: base64.b64decode(att.datas) if att.datas else b""
            for att in self.attachment_ids.sorted("id")
        }
