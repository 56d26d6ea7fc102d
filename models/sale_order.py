# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    visit_id = fields.Many2one(
        "sale.visit",
        string="Visit",
        index="btree_not_null",
        copy=False,
        check_company=True,
        tracking=True,
        help="The customer visit during which this quotation or order was made.",
    )
