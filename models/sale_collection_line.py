# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models


class SaleCollectionLine(models.Model):
    _name = "sale.collection.line"
    _description = "Sales Collection Allocation"
    _order = "collection_id, sequence, id"
    _check_company_auto = True

    collection_id = fields.Many2one(
        "sale.collection",
        string="Receipt",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(
        related="collection_id.company_id", store=True, index=True
    )
    currency_id = fields.Many2one(related="collection_id.currency_id", store=True)
    state = fields.Selection(related="collection_id.state", string="Status")
    move_id = fields.Many2one(
        "account.move",
        string="Invoice",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    amount = fields.Monetary(string="Amount Applied", currency_field="currency_id")
    # What the rep sees of the invoice (read through the receipt's narrow
    # sudo, see sale.collection._sow_invoice_snapshot).
    invoice_name = fields.Char(compute="_compute_invoice_data", string="Invoice Number")
    invoice_date = fields.Date(compute="_compute_invoice_data")
    invoice_date_due = fields.Date(compute="_compute_invoice_data", string="Due Date")
    invoice_amount_total = fields.Monetary(
        compute="_compute_invoice_data",
        string="Invoice Total",
        currency_field="currency_id",
    )
    invoice_residual = fields.Monetary(
        compute="_compute_invoice_data",
        string="Left to Pay",
        currency_field="currency_id",
    )
    invoice_available = fields.Monetary(
        compute="_compute_invoice_data",
        string="Free to Allocate",
        currency_field="currency_id",
        help="Left to pay, less what other receipts not yet posted hold on the "
        "invoice.",
    )

    _sql_constraints = [
        (
            "invoice_once_per_receipt",
            "unique(collection_id, move_id)",
            "An invoice appears once per receipt; change its amount instead.",
        ),
        (
            "amount_not_negative",
            "CHECK(amount >= 0)",
            "The amount applied to an invoice cannot be negative.",
        ),
    ]

    @api.depends("move_id", "collection_id")
    def _compute_invoice_data(self):
        snapshot = self.env["sale.collection"]._sow_invoice_snapshot(
            [("id", "in", self.move_id._origin.ids)],
            exclude_collections=self.collection_id._origin,
        )
        for line in self:
            data = snapshot.get(line.move_id.id) or {}
            line.invoice_name = data.get("name")
            line.invoice_date = data.get("invoice_date")
            line.invoice_date_due = data.get("invoice_date_due")
            line.invoice_amount_total = data.get("amount_total", 0.0)
            line.invoice_residual = data.get("amount_residual", 0.0)
            line.invoice_available = data.get("available", 0.0)

    @api.constrains("move_id", "collection_id")
    def _check_invoice(self):
        snapshot = self.env["sale.collection"]._sow_invoice_snapshot(
            [("id", "in", self.move_id.ids)]
        )
        for line in self:
            line.collection_id._sow_check_invoice(
                line.move_id, snapshot.get(line.move_id.id)
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.collection_id._sow_check_allocation_editable()
        return lines

    def write(self, vals):
        self.collection_id._sow_check_allocation_editable()
        res = super().write(vals)
        if "collection_id" in vals:
            self.collection_id._sow_check_allocation_editable()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_fixed(self):
        self.collection_id._sow_check_allocation_editable()
