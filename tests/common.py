# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Shared set-up for the addon's tests.

``SowCommon`` builds, without relying on demo data, a Malaysian company with
a chart of accounts, two warehouses (Kuala Lumpur, Penang), a sales team with
two reps and their manager, a collection officer, an accountant, customers
with coordinates, stockable products, and helpers to add stock and invoices.
"""

import datetime

from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

# Noon in Kuala Lumpur (04:00 UTC) of the day the tests run: the same date in
# UTC and in the reps' time zone. Odoo itself takes "today" in either (its
# quotations' expiry in UTC, their validity in the user's zone), so a test of
# dates run between 16:00 and 24:00 UTC would see two different days. The
# classes that compare dates run at this moment (``freeze_time``).
SAME_DAY_NOON = datetime.datetime.combine(
    datetime.datetime.now(datetime.timezone.utc).date(), datetime.time(4, 0)
)


class SowCommon(TransactionCase):
    @classmethod
    def _sow_env_context(cls):
        return {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "no_reset_password": True,
        }

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, **cls._sow_env_context()))
        cls.company = cls._sow_create_company("SOW Test Sdn Bhd")
        cls.env = cls.env(
            context=dict(cls.env.context, allowed_company_ids=[cls.company.id])
        )
        cls.company = cls.company.with_env(cls.env)
        cls.wh_kl = cls.env["stock.warehouse"].search(
            [("company_id", "=", cls.company.id)], limit=1
        )
        cls.wh_kl.write({"name": "Kuala Lumpur", "code": "KL"})
        cls.wh_png = cls.env["stock.warehouse"].create(
            {"name": "Penang", "code": "PNG", "company_id": cls.company.id}
        )

        cls.manager = cls._sow_create_user("sow_manager", "group_field_manager")
        cls.rep = cls._sow_create_user("sow_rep", "group_field_rep")
        cls.rep2 = cls._sow_create_user("sow_rep2", "group_field_rep")
        cls.officer = cls._sow_create_user("sow_officer", "group_collection_officer")
        cls.accountant = cls._sow_create_user(
            "sow_accountant", "group_accounting_export"
        )
        cls.employee_manager = cls._sow_create_employee(cls.manager)
        cls.employee_rep = cls._sow_create_employee(cls.rep, cls.employee_manager)
        cls.employee_rep2 = cls._sow_create_employee(cls.rep2, cls.employee_manager)
        cls.team = cls.env["crm.team"].create(
            {
                "name": "SOW Field Team",
                "company_id": cls.company.id,
                "user_id": cls.manager.id,
                "member_ids": [Command.set((cls.rep | cls.rep2 | cls.manager).ids)],
            }
        )

        # Kuala Lumpur (Petaling Street), Penang (George Town), no coordinates.
        cls.customer_kl = cls._sow_create_customer(
            "Kedai Runcit Ah Seng", cls.rep, 3.1433, 101.6971, city="Kuala Lumpur"
        )
        cls.customer_png = cls._sow_create_customer(
            "Kedai Ubat Chong Hin", cls.rep2, 5.4180, 100.3370, city="George Town"
        )
        cls.customer_nogps = cls._sow_create_customer(
            "Kedai Kopi Hock Lee", cls.rep, None, None, city="Kajang"
        )

        cls.product_rice = cls._sow_create_product("Beras Wangi 10kg", "RICE-10", 38.90)
        cls.product_oil = cls._sow_create_product("Minyak Masak 5kg", "OIL-05", 29.50)

    # ------------------------------------------------------------------ factories
    @classmethod
    def _sow_create_company(cls, name):
        myr = cls.env.ref("base.MYR")
        myr.action_unarchive()
        company = cls.env["res.company"].create(
            {
                "name": name,
                "country_id": cls.env.ref("base.my").id,
                "currency_id": myr.id,
                "street": "No. 8, Jalan Kuchai Maju 13",
                "city": "Kuala Lumpur",
                "zip": "58200",
                "state_id": cls.env.ref("base.state_my_kul").id,
            }
        )
        cls.env.user.company_ids = [Command.link(company.id)]
        cls.env["account.chart.template"].try_loading(
            "generic_coa", company=company, install_demo=False
        )
        # the chart may set its own currency; this company keeps ringgit
        company.currency_id = myr
        return company

    @classmethod
    def _sow_create_user(cls, login, group, company=None, **values):
        company = company or cls.company
        return new_test_user(
            cls.env,
            login=login,
            groups=f"base.group_user,sales_order_workflow.{group}",
            company_id=company.id,
            company_ids=[Command.set(company.ids)],
            tz="Asia/Kuala_Lumpur",
            **values,
        )

    @classmethod
    def _sow_create_employee(cls, user, parent=None):
        return cls.env["hr.employee"].create(
            {
                "name": user.name,
                "user_id": user.id,
                "company_id": user.company_id.id,
                "parent_id": parent.id if parent else False,
            }
        )

    @classmethod
    def _sow_create_customer(
        cls, name, user, latitude, longitude, company=None, **values
    ):
        company = company or cls.company
        vals = {
            "name": name,
            "is_company": True,
            "company_id": company.id,
            "country_id": cls.env.ref("base.my").id,
            "user_id": user.id if user else False,
            "customer_rank": 1,
            **values,
        }
        if latitude is not None:
            vals.update(partner_latitude=latitude, partner_longitude=longitude)
        return cls.env["res.partner"].with_company(company).create(vals)

    @classmethod
    def _sow_create_product(cls, name, code, price, company=None, **values):
        company = company or cls.company
        return (
            cls.env["product.product"]
            .with_company(company)
            .create(
                {
                    "name": name,
                    "default_code": code,
                    "type": "consu",
                    "is_storable": True,
                    "list_price": price,
                    "standard_price": round(price * 0.8, 2),
                    "company_id": company.id,
                    "taxes_id": [Command.clear()],
                    "supplier_taxes_id": [Command.clear()],
                    **values,
                }
            )
        )

    @classmethod
    def _sow_set_stock(cls, product, warehouse, quantity):
        cls.env["stock.quant"].with_company(
            warehouse.company_id
        )._update_available_quantity(product, warehouse.lot_stock_id, quantity)

    @classmethod
    def _sow_create_invoice(
        cls, partner, lines, invoice_date=None, post=True, user=None, **values
    ):
        """lines: [(product, quantity, price_unit)]; ``values`` for the move
        (e.g. invoice_date_due)."""
        company = partner.company_id or cls.company
        move = (
            cls.env["account.move"]
            .with_company(company)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "invoice_date": invoice_date or fields.Date.context_today(partner),
                    "invoice_user_id": (user or partner.user_id).id,
                    "invoice_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "quantity": quantity,
                                "price_unit": price,
                                "tax_ids": [Command.clear()],
                            }
                        )
                        for product, quantity, price in lines
                    ],
                    **values,
                }
            )
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _sow_create_order(cls, partner, lines, user=None, confirm=False, **values):
        """lines: [(product, quantity)]; prices come from the pricelist."""
        order = (
            cls.env["sale.order"]
            .with_company(partner.company_id or cls.company)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": (user or partner.user_id).id,
                    "order_line": [
                        Command.create(
                            {"product_id": product.id, "product_uom_qty": qty}
                        )
                        for product, qty in lines
                    ],
                    **values,
                }
            )
        )
        if confirm:
            order.action_confirm()
        return order

    # ------------------------------------------------------------ visits
    # metres per degree of latitude on the sphere the distances are computed on
    METRES_PER_DEGREE = 111195.08

    @classmethod
    def _sow_north_of(cls, partner, metres):
        """(latitude, longitude) ``metres`` due north of the partner."""
        return (
            partner.partner_latitude + metres / cls.METRES_PER_DEGREE,
            partner.partner_longitude,
        )

    @classmethod
    def _sow_create_visit(cls, partner, user=None, **values):
        """A planned visit (made as the administrator, as a plan would be)."""
        user = user or partner.user_id or cls.rep
        return (
            cls.env["sale.visit"]
            .with_company(values.get("company_id") or cls.company.id)
            .create(
                {
                    "partner_id": partner.id,
                    "user_id": user.id,
                    "company_id": (partner.company_id or cls.company).id,
                    **values,
                }
            )
        )

    @classmethod
    def _sow_clock_in(cls, user, latitude=None, longitude=None, accuracy=None):
        """The user starts the day (Odoo's hr.attendance), as the field screen does."""
        return (
            cls.env["sale.visit"]
            .with_user(user)
            ._sow_clock("in", latitude, longitude, accuracy)
        )

    @classmethod
    def _sow_clock_out(cls, user, latitude=None, longitude=None, accuracy=None):
        return (
            cls.env["sale.visit"]
            .with_user(user)
            ._sow_clock("out", latitude, longitude, accuracy)
        )

    # ------------------------------------------------------------ stock
    @classmethod
    def _sow_create_move(
        cls, product, source, destination, quantity, uom=None, date=None, done=False
    ):
        """A stock move from ``source`` to ``destination`` (locations),
        confirmed (planned: counted as incoming/outgoing) or done; ``date`` is
        its scheduled date, or the date it was done."""
        move = (
            cls.env["stock.move"]
            .with_company(destination.company_id or source.company_id)
            .create(
                {
                    "name": product.display_name,
                    "product_id": product.id,
                    "product_uom": (uom or product.uom_id).id,
                    "product_uom_qty": quantity,
                    "location_id": source.id,
                    "location_dest_id": destination.id,
                    "date": date or fields.Datetime.now(),
                }
            )
        )
        move._action_confirm()
        if done:
            move._action_assign()
            move.quantity = quantity
            move.picked = True
            move._action_done()
            if date:
                move.date = date
        return move

    # ------------------------------------------------------------ quotations
    @classmethod
    def _sow_open_visit(cls, partner, user=None):
        """The rep starts the day if needed and checks in at the customer."""
        user = user or partner.user_id or cls.rep
        if user.employee_id.attendance_state != "checked_in":
            cls._sow_clock_in(user, *cls._sow_north_of(partner, 40), 10)
        visit = cls._sow_create_visit(partner, user)
        visit.with_user(user).action_check_in(*cls._sow_north_of(partner, 10), 5)
        return visit

    @classmethod
    def _sow_use_credit_control(cls, policy, overdue_days=None, company=None):
        """Odoo's credit limits on, our policy; overdue invoices checked when
        ``overdue_days`` is given."""
        company = company or cls.company
        company.write(
            {
                "account_use_credit_limit": True,
                "sow_credit_confirm_policy": policy,
                "sow_credit_check_overdue": overdue_days is not None,
                "sow_credit_overdue_days": overdue_days or 0,
            }
        )

    @classmethod
    def _sow_set_credit_limit(cls, partner, limit, company=None):
        partner.with_company(company or cls.company).credit_limit = limit
