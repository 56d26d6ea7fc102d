# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Changing these on an approved quotation asks for a new approval: what the
# stock check and the credit check look at.
APPROVAL_LINE_FIELDS = frozenset(
    {
        "product_id",
        "product_uom_qty",
        "product_uom",
        "route_id",
        "price_unit",
        "discount",
        "tax_id",
    }
)


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    sow_availability = fields.Json(
        string="Stock in Every Warehouse",
        compute="_compute_sow_availability",
        help="Free, on hand, reserved, incoming, outgoing and forecast quantities "
        "of the product in each warehouse of the company, right now.",
    )

    @api.depends(
        "product_id", "product_uom", "product_uom_qty", "warehouse_id", "company_id"
    )
    def _compute_sow_availability(self):
        """One call of ``sow_availability`` per company for all the lines."""
        self.sow_availability = False
        lines = self.filtered(lambda line: line.product_id and not line.display_type)
        for company in lines.company_id:
            company_lines = lines.filtered(lambda line, c=company: line.company_id == c)
            warehouses = (
                self.env["stock.warehouse"]
                .with_company(company)
                .search([("company_id", "=", company.id)])
            )
            if not warehouses:
                continue
            availability = company_lines.product_id.with_company(
                company
            ).sow_availability(warehouse_ids=warehouses.ids, include_archived=True)
            warehouse_info = [
                {"id": wh.id, "name": wh.name, "code": wh.code} for wh in warehouses
            ]
            for line in company_lines:
                per_warehouse = availability.get(line.product_id.id)
                if per_warehouse is None:
                    continue
                product_uom = line.product_id.uom_id
                needed = line.product_uom_qty
                if line.product_uom and line.product_uom != product_uom:
                    needed = line.product_uom._compute_quantity(needed, product_uom)
                tracked = next(iter(per_warehouse.values()))["tracked"]
                line.sow_availability = {
                    "tracked": tracked,
                    "uom": product_uom.name,
                    "needed": needed,
                    "warehouse_id": line.warehouse_id.id,
                    "warehouses": [
                        dict(info, **per_warehouse[info["id"]])
                        for info in warehouse_info
                    ]
                    if tracked
                    else [],
                }

    # ---------------------------------------------------------------- constraints
    @api.constrains("product_uom_qty", "price_unit", "order_id")
    def _check_sow_field_line(self):
        """Orders taken at a visit come from the field screens: a negative
        quantity or price there is a typing mistake, not a return."""
        for line in self:
            if (
                not line.order_id.visit_id
                or line.display_type
                or line.is_downpayment
                or line.order_id.state == "cancel"
            ):
                continue
            if line.product_uom_qty < 0 or line.price_unit < 0:
                negative_qty = line.product_uom_qty < 0
                raise ValidationError(
                    self.env._(
                        "%(order)s, %(product)s: the %(what)s cannot be negative on "
                        "an order taken at a visit (%(value)s). Enter what the "
                        "customer buys; a return goes through a credit note, a "
                        "reduction through the discount.",
                        order=line.order_id.name,
                        product=line.product_id.display_name or line.name,
                        what=self.env._("quantity")
                        if negative_qty
                        else self.env._("unit price"),
                        value=line.product_uom_qty if negative_qty else line.price_unit,
                    )
                )

    # ------------------------------------------------------------------ approval
    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.order_id._sow_reset_approval()
        return lines

    def write(self, vals):
        result = super().write(vals)
        if APPROVAL_LINE_FIELDS & vals.keys():
            self.order_id._sow_reset_approval()
        return result
