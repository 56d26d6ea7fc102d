# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from .common import SowCommon


@tagged("post_install", "-at_install")
class TestQuotationFromVisit(SowCommon):
    """A new quotation from a visit or a customer: prefilled, linked to the
    visit, its channel recorded; and what cannot be put on such an order."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Kedai Runcit (wholesale)",
                "company_id": cls.company.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product_rice.id,
                            "compute_price": "fixed",
                            "fixed_price": 35.00,
                        }
                    )
                ],
            }
        )
        cls.terms = cls.env.ref("account.account_payment_term_30days")
        cls.customer_kl.with_company(cls.company).write(
            {
                "property_product_pricelist": cls.pricelist.id,
                "property_payment_term_id": cls.terms.id,
            }
        )
        cls.rep.with_company(cls.company).property_warehouse_id = cls.wh_png

    def _form(self, action, user):
        self.assertEqual(action["res_model"], "sale.order")
        self.assertEqual(action["views"], [(False, "form")])
        return Form(
            self.env["sale.order"].with_user(user).with_context(**action["context"])
        )

    def test_from_a_visit(self):
        visit = self._sow_open_visit(self.customer_kl)
        action = visit.with_user(self.rep).action_sow_new_quotation()
        with self._form(action, self.rep) as form:
            self.assertEqual(form.partner_id, self.customer_kl)
            self.assertEqual(form.pricelist_id, self.pricelist)
            self.assertEqual(form.payment_term_id, self.terms)
            self.assertEqual(form.warehouse_id, self.wh_png)
            self.assertEqual(form.user_id, self.rep)
            self.assertEqual(form.visit_id, visit)
            with form.order_line.new() as line:
                line.product_id = self.product_rice
                line.product_uom_qty = 3
                self.assertEqual(line.price_unit, 35.00)
        order = form.save()
        self.assertEqual(order.sow_channel, "visit")
        self.assertEqual(order.amount_total, 105.00)
        self.assertEqual(visit.sale_order_ids, order)
        self.assertEqual(visit.sale_order_count, 1)

    def test_from_a_visit_of_a_rep_opened_by_the_manager(self):
        """The quotation is the rep's: his warehouse, his visit."""
        visit = self._sow_open_visit(self.customer_kl)
        action = visit.with_user(self.manager).action_sow_new_quotation()
        with self._form(action, self.manager) as form:
            self.assertEqual(form.user_id, self.rep)
            self.assertEqual(form.warehouse_id, self.wh_png)
            self.assertEqual(form.visit_id, visit)
            with form.order_line.new() as line:
                line.product_id = self.product_oil
        self.assertEqual(form.save().sow_channel, "visit")

    def test_only_from_a_visit_that_took_place(self):
        visit = self._sow_create_visit(self.customer_kl)
        with self.assertRaisesRegex(UserError, "check in at Kedai Runcit Ah Seng"):
            visit.with_user(self.rep).action_sow_new_quotation()

    def test_from_the_customer(self):
        # away from any visit: an office quotation
        partner = self.customer_kl.with_user(self.rep)
        with self._form(partner.action_sow_new_quotation(), self.rep) as form:
            self.assertEqual(form.partner_id, self.customer_kl)
            self.assertEqual(form.pricelist_id, self.pricelist)
            self.assertEqual(form.payment_term_id, self.terms)
            self.assertEqual(form.warehouse_id, self.wh_png)
            self.assertFalse(form.visit_id)
            with form.order_line.new() as line:
                line.product_id = self.product_rice
        self.assertEqual(form.save().sow_channel, "office")
        # at the customer: the open visit comes with it
        visit = self._sow_open_visit(self.customer_kl)
        with self._form(partner.action_sow_new_quotation(), self.rep) as form:
            self.assertEqual(form.visit_id, visit)
            with form.order_line.new() as line:
                line.product_id = self.product_rice
        self.assertEqual(form.save().sow_channel, "visit")
        # at this customer, not at another one
        other = self.customer_nogps.with_user(self.rep).action_sow_new_quotation()
        self.assertNotIn("default_visit_id", other["context"])

    def test_office_orders_work_as_before(self):
        with Form(self.env["sale.order"].with_user(self.manager)) as form:
            form.partner_id = self.customer_png
            with form.order_line.new() as line:
                line.product_id = self.product_oil
                line.product_uom_qty = -2  # a return, typed in the office
        order = form.save()
        self.assertFalse(order.visit_id)
        self.assertEqual(order.sow_channel, "office")
        self.assertEqual(order.order_line.product_uom_qty, -2)

    def test_typed_at_the_customer_joins_the_visit(self):
        """The ordinary New button, at the customer the rep is checked in at."""
        visit = self._sow_open_visit(self.customer_kl)
        order = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 1)], user=self.rep
        ).with_user(self.rep)
        self.assertFalse(order.visit_id)  # made by the administrator
        mine = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create(
                {
                    "partner_id": self.customer_kl.id,
                    "order_line": [
                        Command.create({"product_id": self.product_rice.id})
                    ],
                }
            )
        )
        self.assertEqual(mine.visit_id, visit)
        elsewhere = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create({"partner_id": self.customer_nogps.id})
        )
        self.assertFalse(elsewhere.visit_id)

    def test_typed_at_another_reps_customer(self):
        """At rep2's customer, Odoo makes rep2 the salesperson of a new
        quotation: it does not join the rep's visit (nor fail)."""
        self.rep.groups_id |= self.env.ref("sales_team.group_sale_salesman_all_leads")
        visit = self._sow_open_visit(self.customer_png, self.rep)
        order = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create({"partner_id": self.customer_png.id})
        )
        self.assertEqual(order.user_id, self.rep2)
        self.assertFalse(order.visit_id)
        mine = (
            self.env["sale.order"]
            .with_user(self.rep)
            .create({"partner_id": self.customer_png.id, "user_id": self.rep.id})
        )
        self.assertEqual(mine.visit_id, visit)

    def test_channel_follows_the_visit(self):
        visit = self._sow_open_visit(self.customer_kl)
        order = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 1)], user=self.rep
        )
        self.assertEqual(order.sow_channel, "office")
        order.visit_id = visit
        self.assertEqual(order.sow_channel, "visit")
        self.assertEqual(
            self.env["sale.order"].search(
                [("sow_channel", "=", "visit"), ("id", "=", order.id)]
            ),
            order,
        )

    # ---------------------------------------------------------------- bad input
    def test_visit_of_another_customer(self):
        visit = self._sow_open_visit(self.customer_kl)
        with self.assertRaisesRegex(
            ValidationError,
            r"is for Kedai Kopi Hock Lee, but visit VIS/\d+/\d+ was at Kedai "
            "Runcit Ah Seng",
        ):
            self.env["sale.order"].with_user(self.rep).create(
                {"partner_id": self.customer_nogps.id, "visit_id": visit.id}
            )
        order = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 1)], user=self.rep, visit_id=visit.id
        ).with_user(self.rep)
        with self.assertRaises(ValidationError):
            order.partner_id = self.customer_nogps
        # a contact of the visited customer is the same customer
        contact = self.env["res.partner"].create(
            {"name": "Ah Seng", "parent_id": self.customer_kl.id}
        )
        order.partner_id = contact
        self.assertEqual(order.visit_id, visit)

    def test_visit_of_another_rep(self):
        visit = self._sow_open_visit(self.customer_png)  # rep2's customer
        with self.assertRaisesRegex(
            ValidationError, "is sold by .*sow_rep.*, but visit .* was made by"
        ):
            self.env["sale.order"].create(
                {
                    "partner_id": self.customer_png.id,
                    "user_id": self.rep.id,
                    "visit_id": visit.id,
                }
            )
        order = self._sow_create_order(
            self.customer_png, [(self.product_oil, 1)], user=self.rep2
        )
        order.visit_id = visit
        with self.assertRaisesRegex(ValidationError, "change the salesperson"):
            order.user_id = self.rep

    def test_negative_quantity_or_price_on_a_visit_order(self):
        visit = self._sow_open_visit(self.customer_kl)
        action = visit.with_user(self.rep).action_sow_new_quotation()
        form = self._form(action, self.rep)
        with form.order_line.new() as line:
            line.product_id = self.product_rice
            line.product_uom_qty = -3
        with self.assertRaisesRegex(
            ValidationError,
            r"Beras Wangi 10kg: the quantity cannot be negative on an order taken "
            r"at a visit \(-3.0\)",
        ):
            form.save()
        order = self._sow_create_order(
            self.customer_kl, [(self.product_rice, 2)], user=self.rep, visit_id=visit.id
        ).with_user(self.rep)
        with self.assertRaisesRegex(
            ValidationError, "the unit price cannot be negative"
        ):
            order.order_line.price_unit = -10.0
        with self.assertRaisesRegex(ValidationError, "quantity cannot be negative"):
            order.order_line.product_uom_qty = -1
        # an office order with a negative line cannot be moved to a visit
        office = self._sow_create_order(
            self.customer_kl, [(self.product_rice, -1)], user=self.rep
        )
        with self.assertRaisesRegex(ValidationError, "quantity cannot be negative"):
            office.visit_id = visit

    def test_stock_inquiry_adds_to_the_visit_quotation(self):
        self._sow_set_stock(self.product_rice, self.wh_kl, 50)
        visit = self._sow_open_visit(self.customer_kl)
        Inquiry = self.env["sale.stock.inquiry"].with_user(self.rep)
        inquiry = Inquiry.create(
            {"partner_id": self.customer_kl.id, "search_term": "Beras"}
        )
        inquiry.action_search()
        with self.assertRaisesRegex(
            ValidationError,
            r"Beras Wangi 10kg: the quantity to order cannot be negative \(-2.0\)",
        ):
            inquiry.product_line_ids.quantity = -2
        inquiry.product_line_ids.quantity = 5
        action = inquiry.action_add_to_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.visit_id, visit)
        self.assertEqual(order.sow_channel, "visit")
        self.assertEqual(order.order_line.product_uom_qty, 5)
        # a newer office quotation for the customer does not take its place
        office = self._sow_create_order(
            self.customer_kl, [(self.product_oil, 1)], user=self.rep
        )
        self.assertFalse(office.visit_id)
        again = Inquiry.create({"partner_id": self.customer_kl.id})
        self.assertEqual(again.order_id, order)
        # after the visit, the latest draft again
        visit.with_user(self.rep).action_check_out(
            *self._sow_north_of(self.customer_kl, 10), 5
        )
        later = Inquiry.create({"partner_id": self.customer_kl.id})
        self.assertEqual(later.order_id, office)
