# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""A small fixed fixture for the analysis reports, on top of the collection
set-up (journals, officer, the rep's and rep2's customers and their open
invoices: Kedai Runcit Ah Seng owes 1,800.00, Kedai Ubat Chong Hin 400.00).

Both reps are in Kuala Lumpur time (UTC+8); times below are UTC, days are
local. Expected figures are worked out by hand in the tests.

Monday 2 March 2026 (D1)
- rep: clocked in 05:00-10:00 (13:00-18:00 local, 5 h)
  - V1 Ah Seng 05:30-06:30 verified; order O1 10 rice (389.00) confirmed 05:50
  - V2 Hock Lee 07:00-07:30 no customer location, low accuracy (flagged);
    quotation Q2 2 oil (59.00) still a draft
  - V3 Ah Seng 08:00-09:00 outside the radius, travel speed (flagged);
    receipt C1 cash 300.00 collected, on INV_A
  - V4 Ah Seng planned 09:30, not made
  - V5 Ah Seng planned 10:00, cancelled
  - office quotation O5 5 oil (147.50) created 10:30, confirmed on D2 02:00
- rep2: clocked in 1 March 23:30 - 03:30 (07:30-11:30 local, 4 h)
  - V8 Chong Hin 1 March 23:45 - 00:45 verified; receipt C3 bank transfer
    200.00 on INV_B, posted
Tuesday 3 March 2026 (D2)
- rep: clocked in 05:00-09:00 (4 h)
  - V6 Ah Seng 05:15-05:45 verified, no order
  - V7 Ah Seng 06:00-07:00 verified; quotation Q4 1 rice (38.90) cancelled;
    receipt C2 cheque 150.00 still a draft
  - receipt C4 cheque 100.00 collected, no visit
- rep2: quotation O6 4 rice (155.60) created 2 March 17:00 UTC (3 March
  01:00 local) and confirmed at once

Invoices (by the office): INV_A Ah Seng 600.00 issued 15 January 2026, due
14 February; INV_B Chong Hin 300.00 issued 10 February, due 12 March.
"""

from datetime import date, datetime

from odoo import Command

from .collection_common import SowCollectionCommon

D1 = date(2026, 3, 2)
D2 = date(2026, 3, 3)


def utc(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute)


class SowReportCommon(SowCollectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for employee in cls.employee_rep | cls.employee_rep2:
            # flexible hours: Odoo counts the whole attendance, no lunch break
            employee.resource_calendar_id = False
        cls.reps = cls.rep | cls.rep2
        for warehouse in (cls.wh_kl,):
            cls._sow_set_stock(cls.product_rice, warehouse, 1000)
            cls._sow_set_stock(cls.product_oil, warehouse, 1000)

        cls.att_rep_d1 = cls._sow_attendance(cls.employee_rep, utc(2, 5), utc(2, 10))
        cls.att_rep_d2 = cls._sow_attendance(cls.employee_rep, utc(3, 5), utc(3, 9))
        cls.att_rep2_d1 = cls._sow_attendance(
            cls.employee_rep2, utc(1, 23, 30), utc(2, 3, 30)
        )

        kl, nogps, png = cls.customer_kl, cls.customer_nogps, cls.customer_png
        cls.v1 = cls._sow_fixed_visit(
            kl, cls.rep, utc(2, 5, 30), utc(2, 6, 30), "verified"
        )
        cls.v2 = cls._sow_fixed_visit(
            nogps,
            cls.rep,
            utc(2, 7),
            utc(2, 7, 30),
            "no_customer_location",
            flag_low_accuracy=True,
        )
        cls.v3 = cls._sow_fixed_visit(
            kl, cls.rep, utc(2, 8), utc(2, 9), "outside", flag_travel_speed=True
        )
        cls.v4 = cls._sow_create_visit(kl, cls.rep, planned_date=utc(2, 9, 30))
        cls.v5 = cls._sow_create_visit(kl, cls.rep, planned_date=utc(2, 10))
        cls.v5.action_cancel()
        cls.v6 = cls._sow_fixed_visit(
            kl,
            cls.rep,
            utc(3, 5, 15),
            utc(3, 5, 45),
            "verified",
            outcome="no_order",
            no_order_reason="absent",
        )
        cls.v7 = cls._sow_fixed_visit(kl, cls.rep, utc(3, 6), utc(3, 7), "verified")
        cls.v8 = cls._sow_fixed_visit(
            png, cls.rep2, utc(1, 23, 45), utc(2, 0, 45), "verified"
        )

        rice, oil = cls.product_rice, cls.product_oil
        cls.o1 = cls._sow_fixed_order(
            kl, cls.rep, [(rice, 10)], utc(2, 5, 40), utc(2, 5, 50), visit=cls.v1
        )
        cls.q2 = cls._sow_fixed_order(
            nogps, cls.rep, [(oil, 2)], utc(2, 7, 10), visit=cls.v2
        )
        cls.o5 = cls._sow_fixed_order(
            kl, cls.rep, [(oil, 5)], utc(2, 10, 30), utc(3, 2)
        )
        cls.q4 = cls._sow_fixed_order(
            kl, cls.rep, [(rice, 1)], utc(3, 6, 10), visit=cls.v7
        )
        cls.q4._action_cancel()
        cls.o6 = cls._sow_fixed_order(
            png, cls.rep2, [(rice, 4)], utc(2, 17), utc(2, 17)
        )

        cls.inv_a = cls._sow_create_invoice(
            kl,
            [(rice, 1, 600.0)],
            invoice_date=date(2026, 1, 15),
            invoice_date_due=date(2026, 2, 14),
            user=cls.officer,
        )
        cls.inv_b = cls._sow_create_invoice(
            png,
            [(rice, 1, 300.0)],
            invoice_date=date(2026, 2, 10),
            invoice_date_due=date(2026, 3, 12),
            user=cls.officer,
        )
        cls.c1 = cls._sow_fixed_collection(
            cls.rep, kl, "cash", 300.0, D1, cls.inv_a, visit=cls.v3
        )
        cls.c2 = cls._sow_fixed_collection(
            cls.rep, kl, "cheque", 150.0, D2, cls.inv_a, visit=cls.v7, collect=False
        )
        cls.c3 = cls._sow_fixed_collection(
            cls.rep2, png, "bank_transfer", 200.0, D1, cls.inv_b, visit=cls.v8
        )
        cls.c3.with_user(cls.officer).action_post()
        cls.c4 = cls._sow_fixed_collection(cls.rep, kl, "cheque", 100.0, D2, cls.inv_a)
        cls.env.flush_all()

    # ------------------------------------------------------------------ factories
    @classmethod
    def _sow_attendance(cls, employee, check_in, check_out):
        return cls.env["hr.attendance"].create(
            {"employee_id": employee.id, "check_in": check_in, "check_out": check_out}
        )

    @classmethod
    def _sow_fixed_visit(cls, partner, user, check_in, check_out, status, **values):
        """A visit made at fixed times (written as a manager would correct it)."""
        visit = cls._sow_create_visit(partner, user, planned_date=check_in)
        visit.write(
            {
                "state": "checked_out",
                "check_in": check_in,
                "check_out": check_out,
                "location_status": status,
                **values,
            }
        )
        return visit

    @classmethod
    def _sow_fixed_order(
        cls, partner, user, lines, created_on, confirmed_on=None, visit=None
    ):
        order = cls._sow_create_order(
            partner, lines, user=user, visit_id=visit.id if visit else False
        )
        if confirmed_on:
            order.action_confirm()
            order.write({"date_order": confirmed_on, "sow_confirmed_on": confirmed_on})
        else:
            order.date_order = created_on
        order.write({"sow_created_on": created_on})
        return order

    @classmethod
    def _sow_fixed_collection(
        cls, user, partner, method, amount, day, invoice, visit=None, collect=True
    ):
        vals = {
            "partner_id": partner.id,
            "amount": amount,
            "method": method,
            "date": day,
            "visit_id": visit.id if visit else False,
            "line_ids": [Command.create({"move_id": invoice.id, "amount": amount})],
        }
        if method == "cheque":
            vals.update(cheque_number="000123", cheque_bank="Maybank", cheque_date=day)
        if method == "bank_transfer":
            vals["reference"] = "DUITNOW-REF-1"
        collection = cls.env["sale.collection"].with_user(user).create(vals)
        if collect:
            collection.action_collect()
        return collection.with_user(cls.env.user)
