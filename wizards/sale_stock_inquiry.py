# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

# Products shown for one search; the rep refines the search for more.
SEARCH_LIMIT = 50


class SaleStockInquiry(models.TransientModel):
    """Before promising anything: which warehouse has the goods, at what price
    for this customer; then straight into a quotation.

    The products found come as rows (``product_line_ids``, one per product,
    with a quantity to order) and as lines (``line_ids``, one per product and
    warehouse, the numbers of ``product.product.sow_availability``). Rows with
    a quantity are kept from one search to the next, like a basket.
    """

    _name = "sale.stock.inquiry"
    _description = "Stock Inquiry"
    _check_company_auto = True

    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    search_term = fields.Char(
        "Search",
        help="Product name, internal reference, barcode or category. With several "
        "words, each has to match.",
    )
    categ_id = fields.Many2one("product.category", string="Product Category")
    partner_id = fields.Many2one(
        "res.partner",
        string="Customer",
        check_company=True,
        domain="[('company_id', 'in', (False, company_id))]",
    )
    pricelist_id = fields.Many2one(
        "product.pricelist",
        string="Pricelist",
        compute="_compute_pricelist_id",
        store=True,
        readonly=False,
        check_company=True,
        help="The prices shown: the customer's pricelist by default.",
    )
    currency_id = fields.Many2one("res.currency", compute="_compute_currency_id")
    order_id = fields.Many2one(
        "sale.order",
        string="Quotation",
        compute="_compute_order_id",
        store=True,
        readonly=False,
        check_company=True,
        domain="[('partner_id', '=', partner_id), ('state', '=', 'draft'), "
        "('company_id', '=', company_id)]",
        help="The draft quotation the products are added to; empty for a new one.",
    )
    warehouse_ids = fields.Many2many(
        "stock.warehouse",
        string="Warehouses",
        default=lambda self: self._default_warehouse_ids(),
        check_company=True,
        domain="[('company_id', '=', company_id)]",
    )
    delivery_warehouse_id = fields.Many2one(
        "stock.warehouse",
        string="Deliver From",
        default=lambda self: self.env.user._get_default_warehouse_id(),
        check_company=True,
        domain="[('company_id', '=', company_id)]",
        help="The warehouse a new quotation delivers from.",
    )
    date = fields.Date(
        "Available On",
        help="Empty: now. A date: the stock at the end of that day, counting the "
        "receipts and deliveries planned until then.",
    )
    product_line_ids = fields.One2many(
        "sale.stock.inquiry.product", "inquiry_id", string="Products"
    )
    line_ids = fields.One2many(
        "sale.stock.inquiry.line", "inquiry_id", string="Stock per Warehouse"
    )
    result_message = fields.Char(readonly=True)
    searched = fields.Boolean(readonly=True)

    def _compute_display_name(self):
        for inquiry in self:
            inquiry.display_name = self.env._("Stock Inquiry")

    @api.model
    def _default_warehouse_ids(self):
        return self.env["stock.warehouse"].search(
            [("company_id", "=", self.env.company.id)]
        )

    @api.depends("partner_id", "company_id")
    def _compute_pricelist_id(self):
        for inquiry in self:
            inquiry.pricelist_id = inquiry.partner_id.with_company(
                inquiry.company_id
            ).property_product_pricelist

    @api.depends("pricelist_id", "company_id")
    def _compute_currency_id(self):
        for inquiry in self:
            inquiry.currency_id = (
                inquiry.pricelist_id.currency_id or inquiry.company_id.currency_id
            )

    @api.depends("partner_id", "company_id")
    def _compute_order_id(self):
        """The rep's latest draft quotation for the customer, if any; the
        draft quotation of the rep's open visit at this customer first."""
        visit = self._sow_visit()
        for inquiry in self:
            if not inquiry.partner_id:
                inquiry.order_id = False
                continue
            domain = [
                ("partner_id", "=", inquiry.partner_id.id),
                ("state", "=", "draft"),
                ("user_id", "=", self.env.uid),
                ("company_id", "=", inquiry.company_id.id),
            ]
            order = self.env["sale.order"]
            if visit and inquiry._sow_visit_matches(visit):
                order = order.search(
                    domain + [("visit_id", "=", visit.id)],
                    order="write_date desc, id desc",
                    limit=1,
                )
            inquiry.order_id = order or order.search(
                domain, order="write_date desc, id desc", limit=1
            )

    @api.model
    def _sow_visit(self):
        """The rep's open visit (checked in), or an empty recordset."""
        return self.env["sale.visit"]._sow_current_visit()

    def _sow_visit_matches(self, visit):
        self.ensure_one()
        return (
            visit.partner_id.commercial_partner_id
            == self.partner_id.commercial_partner_id
            and visit.company_id == self.company_id
        )

    # ------------------------------------------------------------------ actions
    @api.model
    def _sow_open_action(self, context=None):
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Stock Inquiry"),
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": dict(context or {}),
        }

    def _search_domain(self):
        self.ensure_one()
        domain = [
            ("sale_ok", "=", True),
            ("company_id", "in", (False, self.company_id.id)),
        ]
        for word in (self.search_term or "").split():
            domain = expression.AND(
                [
                    domain,
                    [
                        "|",
                        "|",
                        "|",
                        ("name", "ilike", word),
                        ("default_code", "ilike", word),
                        ("barcode", "ilike", word),
                        ("categ_id.complete_name", "ilike", word),
                    ],
                ]
            )
        if self.categ_id:
            domain = expression.AND(
                [domain, [("categ_id", "child_of", self.categ_id.id)]]
            )
        return domain

    def action_search(self):
        """Find the products, read their stock in every chosen warehouse."""
        self.ensure_one()
        if not self.warehouse_ids:
            raise UserError(self.env._("Choose at least one warehouse to look in."))
        basket = self.product_line_ids.filtered(lambda r: r.quantity > 0)
        found = self.env["product.product"].search(
            self._search_domain(), limit=SEARCH_LIMIT + 1
        )
        more = len(found) > SEARCH_LIMIT
        products = basket.product_id | found[:SEARCH_LIMIT]
        self._sow_fill(products)
        if not found:
            message = self.env._("No product matches; try another word.")
        elif more:
            message = self.env._(
                "The first %(count)s products; refine the search to see others.",
                count=SEARCH_LIMIT,
            )
        elif len(found) == 1:
            message = self.env._("One product.")
        else:
            message = self.env._("%(count)s products.", count=len(found))
        self.write({"result_message": message, "searched": True})
        return True

    def _sow_fill(self, products):
        """(Re)build the rows and lines of ``products`` from one availability
        call, keeping the quantities already entered."""
        quantities = {row.product_id.id: row.quantity for row in self.product_line_ids}
        self.product_line_ids.unlink()
        warehouses = self.warehouse_ids.sorted(lambda w: (w.sequence, w.id))
        availability = products.sow_availability(
            warehouse_ids=warehouses.ids, date=self.date
        )
        rows = self.env["sale.stock.inquiry.product"].create(
            [
                {
                    "inquiry_id": self.id,
                    "sequence": 0 if quantities.get(product.id) else 10,
                    "product_id": product.id,
                    "quantity": quantities.get(product.id, 0.0),
                    "tracked": next(iter(availability[product.id].values()))["tracked"],
                    "qty_free": sum(
                        entry["free"] or 0.0
                        for entry in availability[product.id].values()
                    ),
                }
                for product in products
                if product.id in availability
            ]
        )
        self.env["sale.stock.inquiry.line"].create(
            [
                {
                    "inquiry_id": self.id,
                    "row_id": row.id,
                    "product_id": row.product_id.id,
                    "warehouse_id": warehouse.id,
                    "tracked": entry["tracked"],
                    "qty_on_hand": entry["on_hand"] or 0.0,
                    "qty_reserved": entry["reserved"] or 0.0,
                    "qty_free": entry["free"] or 0.0,
                    "qty_incoming": entry["incoming"] or 0.0,
                    "qty_outgoing": entry["outgoing"] or 0.0,
                    "qty_forecast": entry["forecast"] or 0.0,
                }
                for row in rows
                for warehouse in warehouses
                for entry in [availability[row.product_id.id][warehouse.id]]
            ]
        )
        return rows

    def action_add_to_quotation(self):
        """Add the rows with a quantity to the customer's draft quotation (a
        new one when none is chosen) and open it."""
        self.ensure_one()
        if not self.partner_id:
            raise UserError(
                self.env._("Choose the customer the quotation is for, then add again.")
            )
        rows = self.product_line_ids.filtered(lambda r: r.quantity > 0)
        if not rows:
            raise UserError(
                self.env._("Enter a quantity to order on the products to add.")
            )
        order = self.order_id
        if order and order.state != "draft":
            raise UserError(
                self.env._(
                    "%(order)s is no longer a draft quotation; clear the Quotation "
                    "field to start a new one.",
                    order=order.name,
                )
            )
        if not order:
            order = self.env["sale.order"].create(self._prepare_order_values())
        commands = []
        for row in rows:
            existing = order.order_line.filtered(
                lambda line, p=row.product_id: line.product_id == p
                and not line.display_type
                and line.product_uom == p.uom_id
            )[:1]
            if existing:
                commands.append(
                    Command.update(
                        existing.id,
                        {"product_uom_qty": existing.product_uom_qty + row.quantity},
                    )
                )
            else:
                commands.append(
                    Command.create(
                        {
                            "product_id": row.product_id.id,
                            "product_uom_qty": row.quantity,
                        }
                    )
                )
        order.write({"order_line": commands})
        rows.write({"quantity": 0.0})
        self.order_id = order
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
        }

    def _prepare_order_values(self):
        self.ensure_one()
        values = {
            "partner_id": self.partner_id.id,
            "company_id": self.company_id.id,
            "user_id": self.env.uid,
        }
        if self.pricelist_id:
            values["pricelist_id"] = self.pricelist_id.id
        if self.delivery_warehouse_id:
            values["warehouse_id"] = self.delivery_warehouse_id.id
        # the quotation belongs to the rep's open visit at this customer
        visit = self._sow_visit()
        if visit and self._sow_visit_matches(visit):
            values["visit_id"] = visit.id
        return values
