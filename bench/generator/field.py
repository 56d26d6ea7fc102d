# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The reps' days in the field: attendance (hr.attendance) and customer
visits (sale.visit), and the orders taken during the visits.

Every rep has an employee (made by the ORM when missing), without a working
schedule: field reps work their route, not office hours, so Odoo counts the
whole day as worked and computes no overtime (``is_fully_flexible``). On each
working day (Monday to Friday, ~3% days off) of the last year the rep clocks in
around 8:30 and out around 17:30 (Malaysian time, stored in UTC), with the
phone's position near the region's city centre. During the day he visits 1 to
5 of his customers, one after the other, each visit inside the day's
attendance: checked in with GPS near the customer (mostly verified, some
outside the radius, some without GPS), the distance, the implied travel speed
and the flags computed from the positions as the check-in would, checked out
a few minutes later with an outcome. A share of the rep's orders of that day
are taken during a visit at that customer (``sale.order.visit_id``): the
visit is placed around the order's time. Planned visits wait for today and
the coming week.
"""

import datetime
import math
from collections import defaultdict

from ...tools.geo import haversine_m, min_speed_kmh
from .core import step

ATTENDANCE_COLUMNS = [
    "id",
    "employee_id",
    "check_in",
    "check_out",
    "worked_hours",
    "overtime_hours",
    "validated_overtime_hours",
    "expected_hours",
    "in_latitude",
    "in_longitude",
    "out_latitude",
    "out_longitude",
    "in_mode",
    "out_mode",
    "in_city",
    "out_city",
    "in_country_name",
    "out_country_name",
    "sow_in_accuracy",
    "sow_out_accuracy",
    "create_date",
    "write_date",
]
VISIT_COLUMNS = [
    "id",
    "name",
    "partner_id",
    "user_id",
    "employee_id",
    "team_id",
    "state",
    "planned_date",
    "purpose",
    "check_in",
    "check_in_latitude",
    "check_in_longitude",
    "check_in_accuracy",
    "check_in_distance",
    "check_in_speed",
    "location_status",
    "check_out",
    "check_out_latitude",
    "check_out_longitude",
    "check_out_accuracy",
    "duration",
    "attendance_id",
    "outcome",
    "no_order_reason",
    "flag_low_accuracy",
    "flag_travel_speed",
    "flag_auto_closed",
    "is_flagged",
    "flag_note",
    "create_date",
    "write_date",
]
# Malaysia is UTC+8 all year: 8:30 there is 0:30 UTC
CLOCK_IN_MINUTE = 30
CLOCK_OUT_MINUTE = 9 * 60 + 30
VISITS_PER_DAY = ([1, 2, 3, 4, 5], [3, 4, 4, 3, 1])  # mean 2.67
ORDER_AT_VISIT = 0.7  # share of a day's orders taken at a visit, when it fits
PURPOSES = (
    ["sales", "collection", "delivery", "merchandising", "service"],
    [70, 15, 5, 5, 5],
)
NO_ORDER_REASONS = ["enough_stock", "price", "competitor", "absent", "closed"]
METRES_PER_DEGREE = 111_320.0


def _moved(lat, lon, metres, bearing):
    """The point ``metres`` away from (lat, lon) towards ``bearing``."""
    dlat = metres * math.cos(bearing) / METRES_PER_DEGREE
    dlon = (
        metres * math.sin(bearing) / (METRES_PER_DEGREE * math.cos(math.radians(lat)))
    )
    return round(lat + dlat, 7), round(lon + dlon, 7)


def _at(start, minutes):
    """``minutes`` after ``start``, to the second."""
    return start + datetime.timedelta(seconds=round(minutes * 60))


def working_days(gen, first_days_ago=365, last_days_ago=1):
    """The weekdays between ``first_days_ago`` and ``last_days_ago`` days
    back, oldest first."""
    days = []
    for days_ago in range(first_days_ago, last_days_ago - 1, -1):
        day = gen.today - datetime.timedelta(days=days_ago)
        if day.weekday() < 5:
            days.append(day)
    return days


def ensure_employees(gen):
    """{rep user id: employee id}: the reps' employees in the bench company,
    made by the ORM when missing, without a working schedule (fully
    flexible: no overtime)."""
    env, company = gen.env, gen.data["company"]
    users = env["res.users"].browse(gen.data["reps"])
    Employee = env["hr.employee"].with_context(active_test=False)
    existing = {
        employee.user_id.id: employee
        for employee in Employee.search(
            [("user_id", "in", users.ids), ("company_id", "=", company.id)]
        )
    }
    missing = users.filtered(lambda user: user.id not in existing)
    created = Employee.create(
        [
            {
                "name": user.name,
                "user_id": user.id,
                "company_id": company.id,
                "resource_calendar_id": False,
                "tz": "Asia/Kuala_Lumpur",
                "work_email": user.login,
            }
            for user in missing
        ]
    )
    existing.update({employee.user_id.id: employee for employee in created})
    employees = Employee.browse([employee.id for employee in existing.values()])
    employees.write({"resource_calendar_id": False})
    return {user.id: existing[user.id].id for user in users}


def continue_sequence(env, sequence, counts):
    """Odoo's numbering of ``sequence`` (by year, date ranges) goes on after
    the ``counts`` {year: numbers used} generated."""
    DateRange = env["ir.sequence.date_range"].sudo()
    for year, count in sorted(counts.items()):
        date_range = DateRange.search(
            [
                ("sequence_id", "=", sequence.id),
                ("date_from", "<=", f"{year}-12-31"),
                ("date_to", ">=", f"{year}-01-01"),
            ],
            limit=1,
        )
        if not date_range:
            date_range = DateRange.create(
                {
                    "sequence_id": sequence.id,
                    "date_from": f"{year}-01-01",
                    "date_to": f"{year}-12-31",
                }
            )
        # through the inverse: it moves PostgreSQL's sequence too
        date_range.number_next_actual = max(date_range.number_next_actual, count + 1)


@step("field", order=45, requires=("hr.attendance", "sale.visit"))
def generate_field_days(gen):
    _FieldDays(gen).run()


class _FieldDays:
    def __init__(self, gen):
        self.gen = gen
        self.rng = gen.rng
        self.company = company = gen.data["company"]
        self.radius = company.sow_visit_radius
        self.accuracy_threshold = company.sow_visit_accuracy_threshold
        self.max_speed = company.sow_visit_max_speed
        self.employees = ensure_employees(gen)
        # each rep's region (city centre), team and customers, in creation order
        self.rep_info = {}
        for warehouse in gen.data["warehouses"]:
            for user_id, _partner_id, team_id in warehouse["reps"]:
                self.rep_info.setdefault(user_id, (warehouse["place"], team_id))
        gen.cr.execute(
            "SELECT id, partner_latitude, partner_longitude FROM res_partner "
            "WHERE id = ANY(%s)",
            [[c[0] for c in gen.data["customers"]]],
        )
        positions = {row[0]: (row[1], row[2]) for row in gen.cr.fetchall()}
        self.positions = positions
        self.rep_customers = defaultdict(list)
        for partner_id, _region, user_id, _team_id in gen.data["customers"]:
            self.rep_customers[user_id].append(partner_id)
        # the rep's orders per day: (minute of the day in UTC, order, customer, state)
        gen.cr.execute(
            "SELECT id, partner_id, user_id, date_order, state FROM sale_order "
            "WHERE company_id = %s ORDER BY date_order, id",
            [company.id],
        )
        self.orders = defaultdict(list)
        for order_id, partner_id, user_id, date_order, state in gen.cr.fetchall():
            minute = date_order.hour * 60 + date_order.minute + date_order.second / 60
            self.orders[(user_id, date_order.date())].append(
                (minute, order_id, partner_id, state)
            )
        self.template = _templates(gen, self.employees)
        self.attendances = gen.writer(
            "hr_attendance", self.template["hr_attendance"], ATTENDANCE_COLUMNS
        )
        self.visits = gen.writer(
            "sale_visit", self.template["sale_visit"], VISIT_COLUMNS
        )
        self.visit_numbers = defaultdict(int)
        self.order_links = []
        # per customer: [(visit id, rep, day, check-in, check-out, outcome)] of
        # the visits made, for the collections step
        self.made = defaultdict(list)

    def run(self):
        gen, rng = self.gen, self.rng
        reps = gen.data["reps"]
        for day in working_days(gen):
            for user_id in reps:
                if rng.random() < 0.03:  # a day off
                    continue
                self.day(user_id, day)
        # planned visits: today and the coming week
        for days_ahead in range(8):
            day = gen.today + datetime.timedelta(days=days_ahead)
            if day.weekday() >= 5:
                continue
            for user_id in reps:
                for _index in range(rng.choice([1, 2, 2, 3])):
                    minute = rng.randint(60, 8 * 60)
                    self.planned(user_id, day, minute)
        gen.flush()
        if self.order_links:
            gen.cr.execute(
                """
                UPDATE sale_order o
                   SET visit_id = link.visit_id, sow_channel = 'visit'
                  FROM (SELECT unnest(%s::int[]) AS order_id,
                               unnest(%s::int[]) AS visit_id) link
                 WHERE o.id = link.order_id
                """,
                [
                    [link[0] for link in self.order_links],
                    [link[1] for link in self.order_links],
                ],
            )
        continue_sequence(
            gen.env,
            gen.env["sale.visit"]._sow_sequence(self.company),
            self.visit_numbers,
        )
        gen.data["employees"] = self.employees
        gen.data["visits_by_customer"] = self.made
        gen.data["orders_at_visits"] = len(self.order_links)

    # ------------------------------------------------------------------ a day
    def day(self, user_id, day):
        rng = self.rng
        place, team_id = self.rep_info[user_id]
        city, base_lat, base_lon = place[1], place[5], place[6]
        start = datetime.datetime.combine(day, datetime.time())
        clock_in = CLOCK_IN_MINUTE + max(-25.0, min(25.0, rng.gauss(0, 10)))
        clock_out = CLOCK_OUT_MINUTE + max(-40.0, min(45.0, rng.gauss(0, 15)))
        in_at = _at(start, clock_in)
        out_at = _at(start, clock_out)
        home = _moved(base_lat, base_lon, rng.uniform(0, 4000), rng.uniform(0, 6.283))
        in_accuracy = round(rng.uniform(4, 30), 1)
        out_point = _moved(home[0], home[1], rng.uniform(0, 50), rng.uniform(0, 6.283))
        attendance_id = self.gen.ids("hr_attendance", 1)[0]
        worked = (out_at - in_at).total_seconds() / 3600.0
        self.attendances.add(
            attendance_id,
            self.employees[user_id],
            in_at,
            out_at,
            worked,
            0.0,
            0.0,
            worked,
            *home,
            *out_point,
            "sow_field",
            "sow_field",
            city,
            city,
            "Malaysia",
            "Malaysia",
            in_accuracy,
            round(rng.uniform(4, 30), 1),
            in_at,
            out_at,
        )
        # the visits: first around some of the day's orders, then elsewhere
        first, last = clock_in + 10, clock_out - 10
        count = rng.choices(*VISITS_PER_DAY)[0]
        slots = []  # [start, end, customer, [orders]]

        def free(begin, end, gap=5):
            return all(end + gap <= s[0] or begin >= s[1] + gap for s in slots)

        for minute, order_id, partner_id, state in self.orders.get((user_id, day), ()):
            if len(slots) >= count or not first + 5 <= minute <= last - 5:
                continue
            if rng.random() >= ORDER_AT_VISIT:
                continue
            same = next(
                (s for s in slots if s[2] == partner_id and s[0] <= minute <= s[1]),
                None,
            )
            if same:
                same[3].append((order_id, state))
                continue
            begin = max(first, minute - rng.uniform(5, 25))
            end = min(last, minute + rng.uniform(5, 30))
            if free(begin, end):
                slots.append([begin, end, partner_id, [(order_id, state)]])
        customers = self.rep_customers[user_id]
        for _try in range(count * 6):
            if len(slots) >= count:
                break
            begin = rng.uniform(first, last - 15)
            end = min(last, begin + rng.uniform(10, 50))
            if free(begin, end):
                slots.append([begin, end, rng.choice(customers), []])
        slots.sort()
        previous = (in_at, home[0], home[1], in_accuracy)
        for index, (begin, end, partner_id, orders) in enumerate(slots):
            last_of_day = index == len(slots) - 1
            previous = self.visit(
                user_id,
                team_id,
                attendance_id,
                _at(start, begin),
                _at(start, end),
                out_at if last_of_day else None,
                partner_id,
                orders,
                previous,
            )

    def _name(self, when):
        self.visit_numbers[when.year] += 1
        return f"VIS/{when.year}/{self.visit_numbers[when.year]:05d}"

    def visit(
        self,
        user_id,
        team_id,
        attendance_id,
        check_in,
        check_out,
        clock_out,
        partner_id,
        orders,
        previous,
    ):
        """One visit made; returns the rep's last known position after it."""
        rng = self.rng
        visit_id = self.gen.ids("sale_visit", 1)[0]
        planned = check_in.replace(minute=0, second=0, microsecond=0)
        purpose = rng.choices(*PURPOSES)[0]
        if not orders and rng.random() < 0.03:
            # planned, then cancelled: never checked in
            self._write(
                visit_id,
                self._name(planned),
                partner_id,
                user_id,
                team_id,
                "cancelled",
                planned,
                purpose,
            )
            return previous
        plat, plon = self.positions[partner_id]
        roll = rng.random()
        notes = []
        flags = {"accuracy": False, "speed": False, "auto": False}
        speed = distance = 0.0
        if roll < 0.08:
            status, lat, lon, accuracy = "no_gps", None, None, None
        else:
            metres = (
                rng.uniform(0, self.radius * 0.8)
                if roll < 0.9
                else rng.uniform(self.radius * 1.3, 3000)
            )
            lat, lon = _moved(plat, plon, metres, rng.uniform(0, 6.283))
            accuracy = round(
                rng.uniform(120, 400) if rng.random() < 0.05 else rng.uniform(4, 60),
                1,
            )
            distance = haversine_m(lat, lon, plat, plon)
            status = "verified" if distance <= self.radius else "outside"
            if accuracy > self.accuracy_threshold:
                flags["accuracy"] = True
                notes.append(
                    f"GPS accuracy {accuracy:.1f}".removesuffix(".0")
                    + f" m is worse than the {self.accuracy_threshold} m threshold."
                )
            when, prev_lat, prev_lon, prev_accuracy = previous
            travelled = haversine_m(prev_lat, prev_lon, lat, lon)
            seconds = (check_in - when).total_seconds()
            speed = min_speed_kmh(travelled, seconds, prev_accuracy + accuracy)
            if speed > self.max_speed:
                flags["speed"] = True
                notes.append(
                    f"{travelled / 1000:.1f} km in {max(1, round(seconds / 60))} "
                    f"min: at least {round(speed)} km/h, above the plausible "
                    f"{self.max_speed} km/h."
                )
        # the last visit of some days is left open until the clock-out
        auto = clock_out is not None and not orders and rng.random() < 0.03
        if auto:
            check_out = clock_out
            flags["auto"] = True
            notes.append("Still open at the clock-out: checked out automatically.")
            out_lat = out_lon = out_accuracy = None
        elif lat is None:
            out_lat = out_lon = out_accuracy = None
        else:
            out_lat, out_lon = _moved(lat, lon, rng.uniform(0, 30), rng.uniform(0, 6.3))
            out_accuracy = round(rng.uniform(4, 60), 1)
        states = {state for _order, state in orders}
        reason = None
        if "sale" in states:
            outcome = "order"
        elif states & {"draft", "sent"}:
            outcome = "quotation"
        else:
            outcome = rng.choice(["follow_up", "no_order", "no_order"])
            if outcome == "no_order":
                reason = rng.choice(NO_ORDER_REASONS)
        self._write(
            visit_id,
            self._name(planned),
            partner_id,
            user_id,
            team_id,
            "checked_out",
            planned,
            purpose,
            check_in=check_in,
            position=(lat, lon, accuracy, distance, speed, status),
            check_out=check_out,
            out_position=(out_lat, out_lon, out_accuracy),
            attendance_id=attendance_id,
            outcome=outcome,
            reason=reason,
            flags=flags,
            note="\n".join(notes) or None,
        )
        for order_id, _state in orders:
            self.order_links.append((order_id, visit_id))
        self.made[partner_id].append(
            (visit_id, user_id, check_in, check_out, bool(orders))
        )
        if lat is None:
            return previous
        if out_lat is not None:
            return (check_out, out_lat, out_lon, out_accuracy)
        return (check_in, lat, lon, accuracy)

    def planned(self, user_id, day, minute):
        _place, team_id = self.rep_info[user_id]
        planned = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
            minutes=minute
        )
        self._write(
            self.gen.ids("sale_visit", 1)[0],
            self._name(planned),
            self.rng.choice(self.rep_customers[user_id]),
            user_id,
            team_id,
            "planned",
            planned,
            self.rng.choices(*PURPOSES)[0],
        )

    def _write(
        self,
        visit_id,
        name,
        partner_id,
        user_id,
        team_id,
        state,
        planned,
        purpose,
        check_in=None,
        position=(None, None, None, 0.0, 0.0, None),
        check_out=None,
        out_position=(None, None, None),
        attendance_id=None,
        outcome=None,
        reason=None,
        flags=None,
        note=None,
    ):
        lat, lon, accuracy, distance, speed, status = position
        out_lat, out_lon, out_accuracy = out_position
        flags = flags or {"accuracy": False, "speed": False, "auto": False}
        duration = (
            (check_out - check_in).total_seconds() / 3600.0
            if check_in and check_out
            else 0.0
        )
        created = planned - datetime.timedelta(days=1)
        self.visits.add(
            visit_id,
            name,
            partner_id,
            user_id,
            self.employees[user_id],
            team_id,
            state,
            planned,
            purpose,
            check_in,
            lat or 0.0,
            lon or 0.0,
            accuracy or 0.0,
            round(distance, 1),
            round(speed, 1),
            status,
            check_out,
            out_lat or 0.0,
            out_lon or 0.0,
            out_accuracy or 0.0,
            duration,
            attendance_id,
            outcome,
            reason,
            flags["accuracy"],
            flags["speed"],
            flags["auto"],
            any(flags.values()),
            note,
            created,
            check_out or created,
        )


def _templates(gen, employees):
    """One attendance and one visit, made by the ORM."""
    company = gen.data["company"]
    partner_id, _region, user_id, _team_id = gen.data["customers"][0]

    def build(env):
        day = datetime.datetime.combine(
            gen.today - datetime.timedelta(days=400), datetime.time()
        )
        attendance = env["hr.attendance"].create(
            {
                "employee_id": employees[user_id],
                "check_in": day + datetime.timedelta(minutes=30),
                "check_out": day + datetime.timedelta(hours=9, minutes=30),
                "in_mode": "sow_field",
                "out_mode": "sow_field",
                "in_latitude": 3.1,
                "in_longitude": 101.7,
                "out_latitude": 3.1,
                "out_longitude": 101.7,
            }
        )
        visit = env["sale.visit"].create(
            {
                "name": "VIS/TEMPLATE",
                "partner_id": partner_id,
                "user_id": user_id,
                "company_id": company.id,
                "planned_date": day + datetime.timedelta(hours=2),
            }
        )
        return {"hr_attendance": attendance.ids, "sale_visit": visit.ids}

    rows = gen.template(build)
    return {
        "hr_attendance": rows["hr_attendance"][0],
        "sale_visit": rows["sale_visit"][0],
    }
