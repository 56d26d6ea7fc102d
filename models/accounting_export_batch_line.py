# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import psycopg2

from odoo import api, fields, models
from odoo.tools import SQL, float_round
from odoo.tools.sql import create_index

from .accounting_export_batch import KINDS

# the columns _sow_insert copies, in its order
COPY_COLUMNS = (
    "batch_id",
    "kind",
    "res_model",
    "changed_since_export",
    "superseded",
    "res_id",
    "checksum",
    "status",
    "previous_line_id",
    "name",
    "partner_name",
    "amount",
)
_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_text(value):
    """A value as PostgreSQL's COPY text format writes it."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, str):
        return value.replace("\x00", "").translate(_COPY_ESCAPES)
    return str(value)


class AccountingExportBatchLine(models.Model):
    """A record an export wrote, with the fingerprint of what it wrote."""

    _name = "accounting.export.batch.line"
    _description = "Accounting Export Batch Line"
    _order = "batch_id desc, id"
    _rec_name = "name"
    # An export writes a line per record (10,000 invoices, 10,000 lines),
    # each row checked against every foreign key it holds: the batch's
    # (who exported, when, for which connector and company) are not
    # repeated on its lines, which keep one foreign key, to their batch
    # (and one to the line they supersede, if any). That halves the time
    # the lines take to write.
    _log_access = False

    batch_id = fields.Many2one(
        "accounting.export.batch", required=True, ondelete="cascade", index=True
    )
    connector_id = fields.Many2one(related="batch_id.connector_id")
    company_id = fields.Many2one(related="batch_id.company_id")
    batch_state = fields.Selection(related="batch_id.state")
    # found by record (res_id, res_model): one index, see init
    kind = fields.Selection(KINDS, required=True)
    res_model = fields.Char(string="Model", required=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True
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
    superseded = fields.Boolean(help="A later export wrote this record again.")
    # indexed: deleting a batch sets the references to its lines to null,
    # which without an index scans every line of the table per deleted line
    previous_line_id = fields.Many2one(
        "accounting.export.batch.line",
        string="Previous Export",
        readonly=True,
        index="btree_not_null",
    )

    def init(self):
        # an export looks up the last line of each of its records: one index
        # on the record serves it, where single-column ones on kind or model
        # (a handful of values) misled the planner and slowed the inserts of
        # every export; the one that also held the connector is replaced
        for column in ("kind", "res_model", "res_id", "superseded"):
            self.env.cr.execute(
                SQL(
                    "DROP INDEX IF EXISTS %s",
                    SQL.identifier(f"{self._table}__{column}_index"),
                )
            )
        self.env.cr.execute(
            SQL(
                "DROP INDEX IF EXISTS %s", SQL.identifier(f"{self._table}_record_index")
            )
        )
        create_index(
            self.env.cr,
            f"{self._table}_res_index",
            self._table,
            ["res_id", "res_model"],
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
    def _sow_insert(self, batch, kind, model, items):
        """Insert the lines of ``items`` (the plan's: res id, checksum,
        status, previous line id, name, partner name, amount) with one COPY.

        An export of 10,000 invoices writes 10,000 lines: through ``create``
        they took longer than writing the files, and COPY takes a quarter
        less than one INSERT of them all. The lines have no computed stored
        field, no default and no override of ``create`` to skip; what
        ``create`` would still do (rounding the amount) is done here.
        """
        self.check_access("create")
        digits = self._fields["amount"].get_digits(self.env)[1]
        fixed = "\t".join(
            _copy_text(value) for value in (batch.id, kind, model, False, False)
        )
        rows = []
        for res_id, checksum, status, previous_id, name, partner, amount in items:
            amount = float_round(amount or 0.0, digits)
            rows.append(
                f"{fixed}\t{res_id:d}\t{_copy_text(checksum)}\t{_copy_text(status)}"
                f"\t{_copy_text(previous_id or None)}\t{_copy_text(name)}"
                f"\t{_copy_text(partner)}\t{_copy_text(amount)}\n"
            )
        data = io.BytesIO("".join(rows).encode())
        self.env.flush_all()
        # as Odoo's own COPY (models.py): no asynchronous wait callback
        callback = psycopg2.extensions.get_wait_callback()
        psycopg2.extensions.set_wait_callback(None)
        try:
            self.env.cr.copy_from(data, self._table, columns=COPY_COLUMNS)
        finally:
            psycopg2.extensions.set_wait_callback(callback)
        self.invalidate_model()
        batch.invalidate_recordset()

    @api.model
    def _sow_last_lines(self, connector, kind, records):
        """{record id: the current (not superseded) exported line's values}:
        one query a chunk of an export, which asks it for every record."""
        if not records:
            return {}
        self.check_access("read")
        self.flush_model()
        self.env["accounting.export.batch"].flush_model(["state"])
        rows = self.env.execute_query_dict(
            SQL(
                """
                SELECT DISTINCT ON (line.res_id) line.res_id, line.id,
                       line.checksum, line.changed_since_export
                  FROM accounting_export_batch_line line
                  JOIN accounting_export_batch batch ON batch.id = line.batch_id
                 WHERE batch.connector_id = %(connector)s AND line.kind = %(kind)s
                   AND line.res_model = %(model)s AND line.res_id = ANY(%(ids)s)
                   AND batch.state = 'done' AND line.superseded IS NOT TRUE
                 ORDER BY line.res_id, line.id DESC
                """,
                connector=connector.id,
                kind=kind,
                model=records._name,
                ids=records.ids,
            )
        )
        return {row["res_id"]: row for row in rows}

    def action_open_record(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self.res_model,
            "res_id": self.res_id,
            "view_mode": "form",
        }
