# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models

from .accounting_export_batch import KINDS


class AccountingExportBatchLine(models.Model):
    """A record an export wrote, with the fingerprint of what it wrote."""

    _name = "accounting.export.batch.line"
    _description = "Accounting Export Batch Line"
    _order = "batch_id desc, id"
    _rec_name = "name"

    batch_id = fields.Many2one(
        "accounting.export.batch", required=True, ondelete="cascade", index=True
    )
    # the batch's, set once when the line is written (a batch never moves)
    connector_id = fields.Many2one(
        "accounting.connector", required=True, index=True, readonly=True
    )
    company_id = fields.Many2one(
        "res.company", required=True, index=True, readonly=True
    )
    batch_state = fields.Selection(related="batch_id.state")
    kind = fields.Selection(KINDS, required=True, index=True)
    res_model = fields.Char(string="Model", required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True, index=True
    )
    record_ref = fields.Reference(
        selection="_selection_record_ref",
        compute="_compute_record_ref",
        string="Record",
    )
    name = fields.Char(string="Number or Code", required=True)
    partner_name = fields.Char(string="Name")
    amount = fields.Float(digits="Account")
    checksum = fields.Char(required=True, help="SHA-256 of what was exported.")
    status = fields.Selection(
        [("new", "New"), ("changed", "Changed"), ("again", "Exported again")],
        required=True,
        default="new",
    )
    changed_since_export = fields.Boolean(
        help="The record differs from what this batch exported (or is no longer "
        "posted). Export it again (as changed) after fixing it in the package.",
    )
    superseded = fields.Boolean(
        help="A later export wrote this record again.", index=True
    )
    previous_line_id = fields.Many2one(
        "accounting.export.batch.line", string="Previous Export", readonly=True
    )

    @api.model
    def _selection_record_ref(self):
        models_ = {"res.partner", "product.product", "account.move", "account.payment"}
        return [
            (model.model, model.name)
            for model in self.env["ir.model"]
            .sudo()
            .search([("model", "in", list(models_))])
        ]

    @api.depends("res_model", "res_id")
    def _compute_record_ref(self):
        for line in self:
            line.record_ref = (
                f"{line.res_model},{line.res_id}"
                if line.res_model and line.res_id
                else False
            )

    @api.model
    def _sow_last_lines(self, connector, kind, records):
        """{record id: the current (not superseded) exported line's values}."""
        if not records:
            return {}
        rows = self.search_read(
            [
                ("connector_id", "=", connector.id),
                ("kind", "=", kind),
                ("res_model", "=", records._name),
                ("res_id", "in", records.ids),
                ("batch_id.state", "=", "done"),
                ("superseded", "=", False),
            ],
            ["res_id", "checksum", "changed_since_export"],
            order="id desc",
        )
        last = {}
        for row in rows:
            last.setdefault(row["res_id"], row)
        return last

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
