# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Issue 2: checking in at customers with the phone's position, against
Odoo's nearest own equivalent: an attendance check-in with GPS through
hr_attendance's systray method.

Ours: each rep, clocked in for the day, checks in at his first planned visit
of today through ``sale.visit.action_check_in`` (what the field screen's
``/sales_order_workflow/visit/check_in`` route calls): rights, the open-visit
and attendance checks, the distance to the customer, the verification
status, the travel-speed check against his previous position, the flags.
Odoo: as many employees (not clocked in, as Odoo's check-in needs) check in
through ``hr.employee._attendance_action_change`` with the same positions and
the geo information the systray route adds. Each user acts as himself. Both
are rolled back after each run."""

from odoo import Command, fields

from ..harness import Benchmark, Case, register, rolled_back

MAX_VISITS = 100


def same_count(ours, odoo):
    if len(ours) != len(odoo) or not ours:
        raise AssertionError(f"ours checked in {len(ours)}, Odoo {len(odoo)}")
    if not all(ours) or not all(odoo):
        raise AssertionError("a check-in recorded no position")


@register
class VisitCheckIn(Benchmark):
    name = "visits"
    title = "Check-in with GPS: visits vs Odoo's attendance check-in (issue 3)"
    requires = ("sale.visit", "hr.attendance")
    target = "a check-in in under 100 ms"

    def cases(self, env, size):
        company = env.company
        now = fields.Datetime.now()
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        planned = env["sale.visit"].search(
            [
                ("company_id", "=", company.id),
                ("state", "=", "planned"),
                ("planned_date", ">=", start),
                ("employee_id", "!=", False),
            ],
            order="planned_date, id",
        )
        # one visit per rep: a rep is at one customer at a time
        visits = env["sale.visit"]
        for visit in planned:
            if visit.user_id not in visits.user_id:
                visits |= visit
        visits = visits[:MAX_VISITS]
        if not visits:
            return []
        # the reps clock in (kept for the whole run: never committed)
        for visit in visits:
            partner = visit.partner_id
            env["sale.visit"].with_user(visit.user_id)._sow_clock(
                "in",
                partner.partner_latitude + 0.0005,
                partner.partner_longitude + 0.0003,
                12.0,
            )
        # positions a few tens of metres from each customer
        positions = [
            (
                visit.partner_id.partner_latitude + 0.0002,
                visit.partner_id.partner_longitude - 0.0001,
                15.0,
            )
            for visit in visits
        ]
        checks = list(zip(visits.ids, visits.user_id.ids, positions, strict=True))
        # as many office employees with users, not clocked in
        staff = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                [
                    {
                        "name": f"Bench Office Staff {index:03d}",
                        "login": f"bench-staff-{index:03d}@dagang-bench.example.com",
                        "email": f"bench-staff-{index:03d}@dagang-bench.example.com",
                        "company_id": company.id,
                        "company_ids": [Command.set(company.ids)],
                        "groups_id": [
                            Command.set(
                                [
                                    env.ref("base.group_user").id,
                                    env.ref(
                                        "hr_attendance.group_hr_attendance_own_reader"
                                    ).id,
                                ]
                            )
                        ],
                        "tz": "Asia/Kuala_Lumpur",
                    }
                    for index in range(len(visits))
                ]
            )
        )
        env["hr.employee"].create(
            [
                {
                    "name": user.name,
                    "user_id": user.id,
                    "company_id": company.id,
                    "resource_calendar_id": False,
                }
                for user in staff
            ]
        )
        punches = list(zip(staff.ids, positions, strict=True))

        def ours(env):
            def check_in():
                statuses = []
                for visit_id, user_id, (lat, lon, accuracy) in checks:
                    visit = env(user=user_id)["sale.visit"].browse(visit_id)
                    visit.action_check_in(lat, lon, accuracy)
                    statuses.append(visit.location_status)
                return statuses

            return rolled_back(env, check_in)

        def odoo(env):
            def check_in():
                positions = []
                for user_id, (lat, lon, _accuracy) in punches:
                    user_env = env(user=user_id)
                    employee = user_env.user.employee_id
                    # what the systray route (/hr_attendance/systray_check_in_out)
                    # does, with what its request would tell
                    attendance = employee._attendance_action_change(
                        {
                            "city": "Kuala Lumpur",
                            "country_name": "Malaysia",
                            "latitude": lat,
                            "longitude": lon,
                            "ip_address": "127.0.0.1",
                            "browser": "chrome",
                            "mode": "systray",
                        }
                    )
                    positions.append(attendance.in_latitude)
                return positions

            return rolled_back(env, check_in)

        return [
            Case(
                f"{len(checks)} check-ins (one per rep), GPS near the customer",
                ours,
                odoo,
                same_count,
            )
        ]
