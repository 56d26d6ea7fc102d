# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import datetime

import pytz

from odoo import api, fields, models
from odoo.exceptions import MissingError, UserError
from odoo.tools import SQL, float_round

# Moves that are planned but not done, as Odoo's own forecast counts them.
TODO_MOVE_STATES = ("waiting", "confirmed", "assigned", "partially_available")
QUANTITY_KEYS = ("on_hand", "reserved", "free", "incoming", "outgoing", "forecast")


class ProductProduct(models.Model):
    _inherit = "product.product"

    # ------------------------------------------------------------------ API
    def sow_availability(self, warehouse_ids=None, date=None, include_archived=False):
        """Stock of these products in every warehouse, in a constant number of
        SQL queries (four, five for a date in the past), whatever the number of
        products and warehouses.

        :param warehouse_ids: warehouses (ids or a recordset); by default every
            active warehouse of the active companies (``env.companies``). A
            warehouse of another company, or one that does not exist, raises a
            ``UserError``.
        :param date: ``None`` for now; a datetime (UTC, as Odoo stores them) or
            a ``YYYY-MM-DD HH:MM:SS`` string for that moment; a date or a
            ``YYYY-MM-DD`` string for the end of that day in the user's time
            zone. Anything else raises a ``UserError``.
        :param include_archived: archived products are left out unless true.
        :return: ``{product_id: {warehouse_id: {tracked, on_hand, reserved,
            free, incoming, outgoing, forecast}}}``, quantities in the
            product's unit of measure. Services, combos and goods whose stock
            is not tracked come with ``tracked: False`` and ``None`` quantities.

        The numbers are those Odoo shows as ``qty_available`` (on hand),
        ``free_qty`` (free), ``incoming_qty``, ``outgoing_qty`` and
        ``virtual_available`` (forecast) with a ``warehouse_id`` context (and
        ``to_date`` for a date): quants and moves of every location under the
        warehouse's view location, moves between two locations of the same
        warehouse left out, the same rounding. ``reserved`` is what the quants
        hold reserved now, also at a date.

        Privileged read: the quantities are summed in SQL from ``stock.quant``
        and ``stock.move``, so users without inventory rights (field reps) get
        them too. That is the one deliberate widening of rights here, and it
        returns quantities only: no move, valuation or cost leaves this method.
        The products and warehouses themselves are resolved through the ORM
        with the user's own rights and record rules.
        """
        product_ids = self._sow_check_product_ids()
        warehouses = self._sow_resolve_warehouses(warehouse_ids)
        to_date = self._sow_availability_datetime(date)
        if not product_ids or not warehouses:
            return {}
        products = self._sow_product_stock_info(product_ids, include_archived)
        if not products:
            return {}
        tracked_ids = [pid for pid, info in products.items() if info[0]]
        quants, moves, moves_done_after = {}, {}, {}
        if tracked_ids:
            self._sow_flush_stock()
            past = bool(to_date and to_date < fields.Datetime.now())
            quants = self._sow_sum_quants(tracked_ids, warehouses.ids)
            moves = self._sow_sum_moves(tracked_ids, warehouses.ids, to_date)
            if past:
                moves_done_after = self._sow_sum_moves_done_after(
                    products, tracked_ids, warehouses.ids, to_date
                )
        return self._sow_build_availability(
            products, warehouses.ids, quants, moves, moves_done_after
        )

    # ------------------------------------------------------------------ input
    def _sow_check_product_ids(self):
        """The ids of ``self``; a clear error for ids that are not products."""
        ids = []
        for product_id in self._ids:
            if not isinstance(product_id, int) or isinstance(product_id, bool):
                raise UserError(
                    self.env._(
                        "Stock availability needs saved products; %(value)r is not "
                        "a product id.",
                        value=product_id,
                    )
                )
            ids.append(product_id)
        return list(dict.fromkeys(ids))

    @api.model
    def _sow_resolve_warehouses(self, warehouse_ids):
        """Warehouses of the active companies: the given ones, or all active."""
        Warehouse = self.env["stock.warehouse"]
        companies = self.env.companies
        if warehouse_ids is None or warehouse_ids is False:
            return Warehouse.search([("company_id", "in", companies.ids)])
        if isinstance(warehouse_ids, models.BaseModel):
            if warehouse_ids._name != "stock.warehouse":
                raise UserError(
                    self.env._(
                        "Stock availability takes warehouses, not %(model)s records.",
                        model=warehouse_ids._name,
                    )
                )
            warehouse_ids = warehouse_ids.ids
        elif isinstance(warehouse_ids, int) and not isinstance(warehouse_ids, bool):
            warehouse_ids = [warehouse_ids]
        if not isinstance(warehouse_ids, list | tuple | set) or any(
            not isinstance(wid, int) or isinstance(wid, bool) for wid in warehouse_ids
        ):
            raise UserError(
                self.env._(
                    "Warehouses are given by their ids; %(value)r is not a list of "
                    "warehouse ids.",
                    value=warehouse_ids,
                )
            )
        wanted = list(dict.fromkeys(warehouse_ids))
        found = Warehouse.with_context(active_test=False).search(
            [("id", "in", wanted), ("company_id", "in", companies.ids)]
        )
        missing = [wid for wid in wanted if wid not in found._ids]
        if missing:
            self._sow_raise_bad_warehouse(missing[0])
        return found

    @api.model
    def _sow_raise_bad_warehouse(self, warehouse_id):
        # sudo: only to word the error, naming the warehouse and its company
        # when the user belongs to that company, never otherwise.
        warehouse = self.env["stock.warehouse"].sudo().browse(warehouse_id).exists()
        if warehouse and warehouse.company_id in self.env.user.company_ids:
            raise UserError(
                self.env._(
                    'Warehouse "%(warehouse)s" belongs to %(company)s, which is not '
                    "among the companies you are working in (%(companies)s). "
                    "Select %(company)s in the company switcher, or leave that "
                    "warehouse out.",
                    warehouse=warehouse.name,
                    company=warehouse.company_id.name,
                    companies=", ".join(self.env.companies.mapped("name")),
                )
            )
        raise UserError(
            self.env._(
                "There is no warehouse with id %(id)s in your companies "
                "(%(companies)s). Choose one of their warehouses.",
                id=warehouse_id,
                companies=", ".join(self.env.companies.mapped("name")),
            )
        )

    @api.model
    def _sow_availability_datetime(self, date):
        """The UTC moment (naive datetime) that ``date`` stands for, or None.

        A datetime, or a string with a time, is taken as UTC like Odoo's own
        ``to_date``. A date, or a string without a time, means the end of that
        day in the user's time zone.
        """
        if date is None or date is False or date == "":
            return None
        value = date
        if isinstance(value, str):
            text = value.strip()
            try:
                value = datetime.datetime.fromisoformat(text)
            except ValueError:
                value = None
            else:
                if len(text) == 10:  # YYYY-MM-DD: a day, not a moment
                    value = value.date()
            if value is None:
                raise UserError(
                    self.env._(
                        '"%(value)s" is not a date. Give a date as YYYY-MM-DD or a '
                        "moment as YYYY-MM-DD HH:MM:SS (UTC).",
                        value=date,
                    )
                )
        if isinstance(value, datetime.datetime):
            if value.tzinfo:
                value = value.astimezone(pytz.UTC).replace(tzinfo=None)
            return value
        if isinstance(value, datetime.date):
            tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
            end_of_day = datetime.datetime.combine(value, datetime.time.max).replace(
                microsecond=0
            )
            return tz.localize(end_of_day).astimezone(pytz.UTC).replace(tzinfo=None)
        raise UserError(
            self.env._(
                "%(value)r is not a date. Give a date as YYYY-MM-DD or a moment as "
                "YYYY-MM-DD HH:MM:SS (UTC).",
                value=date,
            )
        )

    # ------------------------------------------------------------------ SQL
    def _sow_product_stock_info(self, product_ids, include_archived):
        """{product_id: (tracked, uom rounding, uom id)} in one query, with the
        user's record rules; unknown or inaccessible ids raise a MissingError."""
        self._sow_flush_products()
        query = self.with_context(active_test=False)._search(
            [("id", "in", product_ids)]
        )
        self.env.cr.execute(
            SQL(
                """
                SELECT pp.id, pp.active, pt.type = 'consu' AND pt.is_storable,
                       uom.rounding, uom.id
                  FROM product_product pp
                  JOIN product_template pt ON pt.id = pp.product_tmpl_id
                  JOIN uom_uom uom ON uom.id = pt.uom_id
                 WHERE pp.id IN %s
                """,
                query.subselect(),
            )
        )
        rows = self.env.cr.fetchall()
        found = {row[0] for row in rows}
        missing = [pid for pid in product_ids if pid not in found]
        if missing:
            raise MissingError(
                self.env._(
                    "No product with id %(ids)s exists in your companies. Remove "
                    "it from the request or reload the product list.",
                    ids=", ".join(map(str, missing)),
                )
            )
        order = {pid: index for index, pid in enumerate(product_ids)}
        rows.sort(key=lambda row: order[row[0]])
        return {
            pid: (bool(tracked), rounding, uom_id)
            for pid, active, tracked, rounding, uom_id in rows
            if active or include_archived
        }

    def _sow_flush_products(self):
        self.env["product.product"].flush_model(["active", "product_tmpl_id"])
        self.env["product.template"].flush_model(["type", "is_storable", "uom_id"])
        self.env["uom.uom"].flush_model(["rounding"])

    def _sow_flush_stock(self):
        self.env["stock.warehouse"].flush_model(["view_location_id", "company_id"])
        self.env["stock.location"].flush_model(["parent_path"])
        self.env["stock.quant"].flush_model(
            ["product_id", "location_id", "company_id", "quantity", "reserved_quantity"]
        )
        self.env["stock.move"].flush_model(
            [
                "product_id",
                "location_id",
                "location_dest_id",
                "location_final_id",
                "company_id",
                "state",
                "date",
                "product_qty",
                "quantity",
                "product_uom",
            ]
        )

    def _sow_company_filter(self, alias, nullable):
        """Odoo's multi-company record rule on quants and moves, as SQL."""
        if self.env.su:
            return SQL("TRUE")
        column = SQL.identifier(alias, "company_id")
        if nullable:
            return SQL(
                "(%s IS NULL OR %s = ANY(%s))", column, column, self.env.companies.ids
            )
        return SQL("%s = ANY(%s)", column, self.env.companies.ids)

    @staticmethod
    def _sow_warehouse_paths(warehouse_ids):
        return SQL(
            """
            SELECT w.id AS warehouse_id, l.parent_path
              FROM stock_warehouse w
              JOIN stock_location l ON l.id = w.view_location_id
             WHERE w.id = ANY(%s)
            """,
            list(warehouse_ids),
        )

    def _sow_sum_quants(self, product_ids, warehouse_ids):
        """{(warehouse_id, product_id): (quantity, reserved)} from the quants of
        every location under each warehouse's view location."""
        self.env.cr.execute(
            SQL(
                """
                WITH wh AS (%s)
                SELECT wh.warehouse_id, q.product_id,
                       SUM(q.quantity), SUM(q.reserved_quantity)
                  FROM stock_quant q
                  JOIN stock_location l ON l.id = q.location_id
                  JOIN wh ON starts_with(l.parent_path, wh.parent_path)
                 WHERE q.product_id = ANY(%s) AND %s
                 GROUP BY wh.warehouse_id, q.product_id
                """,
                self._sow_warehouse_paths(warehouse_ids),
                product_ids,
                self._sow_company_filter("q", nullable=True),
            )
        )
        return {
            (wid, pid): (qty, reserved)
            for wid, pid, qty, reserved in self.env.cr.fetchall()
        }

    def _sow_moves_in_out(self, quantity_column):
        """SUM(incoming), SUM(outgoing) per warehouse, as Odoo's domains count
        them: a move comes in when its final (or else its destination) location
        is in the warehouse and its source is not; it goes out the other way."""
        src_in = SQL("starts_with(src.parent_path, wh.parent_path)")
        dest_in = SQL("starts_with(dest.parent_path, wh.parent_path)")
        column = SQL.identifier("m", quantity_column)
        return SQL(
            "SUM(%s) FILTER (WHERE %s AND NOT %s), "
            "SUM(%s) FILTER (WHERE %s AND NOT %s)",
            column,
            dest_in,
            src_in,
            column,
            src_in,
            dest_in,
        )

    def _sow_moves_from(self, warehouse_ids, product_ids):
        return SQL(
            """
              FROM stock_move m
              JOIN stock_location src ON src.id = m.location_id
              JOIN stock_location dest
                ON dest.id = COALESCE(m.location_final_id, m.location_dest_id)
              JOIN wh ON starts_with(src.parent_path, wh.parent_path)
                      OR starts_with(dest.parent_path, wh.parent_path)
             WHERE m.product_id = ANY(%s) AND %s
            """,
            product_ids,
            self._sow_company_filter("m", nullable=False),
        )

    def _sow_sum_moves(self, product_ids, warehouse_ids, to_date):
        """{(warehouse_id, product_id): (incoming, outgoing)} of planned moves
        (scheduled up to ``to_date`` when given), in the product's unit."""
        self.env.cr.execute(
            SQL(
                """
                WITH wh AS (%s)
                SELECT wh.warehouse_id, m.product_id, %s
                %s AND m.state IN %s AND %s
                 GROUP BY wh.warehouse_id, m.product_id
                """,
                self._sow_warehouse_paths(warehouse_ids),
                self._sow_moves_in_out("product_qty"),
                self._sow_moves_from(warehouse_ids, product_ids),
                TODO_MOVE_STATES,
                SQL("m.date <= %s", to_date) if to_date else SQL("TRUE"),
            )
        )
        return {
            (wid, pid): (incoming or 0.0, outgoing or 0.0)
            for wid, pid, incoming, outgoing in self.env.cr.fetchall()
        }

    def _sow_sum_moves_done_after(self, products, product_ids, warehouse_ids, to_date):
        """{(warehouse_id, product_id): (in, out)} of moves done after
        ``to_date``, converted to the product's unit the way Odoo does (per
        unit of measure, rounded up), to roll today's stock back to that date."""
        self.env.cr.execute(
            SQL(
                """
                WITH wh AS (%s)
                SELECT wh.warehouse_id, m.product_id, m.product_uom, %s
                %s AND m.state = 'done' AND m.date > %s
                 GROUP BY wh.warehouse_id, m.product_id, m.product_uom
                """,
                self._sow_warehouse_paths(warehouse_ids),
                self._sow_moves_in_out("quantity"),
                self._sow_moves_from(warehouse_ids, product_ids),
                to_date,
            )
        )
        rows = self.env.cr.fetchall()
        if not rows:
            return {}
        uoms = self.env["uom.uom"].browse(
            {row[2] for row in rows} | {products[row[1]][2] for row in rows}
        )
        uoms.fetch(["factor", "rounding", "category_id"])
        result = {}
        for wid, pid, uom_id, incoming, outgoing in rows:
            uom = uoms.browse(uom_id)
            product_uom = uoms.browse(products[pid][2])
            done_in, done_out = result.get((wid, pid), (0.0, 0.0))
            if incoming:
                done_in += uom._compute_quantity(incoming, product_uom)
            if outgoing:
                done_out += uom._compute_quantity(outgoing, product_uom)
            result[(wid, pid)] = (done_in, done_out)
        return result

    # ------------------------------------------------------------------ result
    @staticmethod
    def _sow_build_availability(products, warehouse_ids, quants, moves, done_after):
        untracked = dict.fromkeys(QUANTITY_KEYS)
        untracked["tracked"] = False
        zero = dict.fromkeys(QUANTITY_KEYS, 0.0)
        zero["tracked"] = True
        no_pair = (0.0, 0.0)
        result = {}
        for pid, (tracked, rounding, _uom_id) in products.items():
            if not tracked:
                result[pid] = {wid: dict(untracked) for wid in warehouse_ids}
                continue
            per_warehouse = result[pid] = {}
            for wid in warehouse_ids:
                key = (wid, pid)
                quantity, reserved = quants.get(key, no_pair)
                incoming, outgoing = moves.get(key, no_pair)
                if done_after:
                    done_in, done_out = done_after.get(key, no_pair)
                    quantity = quantity - done_in + done_out
                if not (quantity or reserved or incoming or outgoing):
                    per_warehouse[wid] = dict(zero)
                    continue
                # the same rounding steps as Odoo's _compute_quantities_dict
                incoming = float_round(incoming, precision_rounding=rounding)
                outgoing = float_round(outgoing, precision_rounding=rounding)
                per_warehouse[wid] = {
                    "tracked": True,
                    "on_hand": float_round(quantity, precision_rounding=rounding),
                    "reserved": float_round(reserved, precision_rounding=rounding),
                    "free": float_round(
                        quantity - reserved, precision_rounding=rounding
                    ),
                    "incoming": incoming,
                    "outgoing": outgoing,
                    "forecast": float_round(
                        quantity + incoming - outgoing, precision_rounding=rounding
                    ),
                }
        return result
