# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Customers: Malaysian shops around the warehouses' cities, with addresses,
coordinates, phones and a rep each."""

from .core import step
from .names import (
    CHINESE_FAMILY,
    CHINESE_GIVEN,
    INDIAN_FAMILY,
    INDIAN_GIVEN,
    MALAY_FAMILY,
    MALAY_GIVEN,
    SHOP_KINDS,
    SHOP_SUFFIX,
    TAMAN,
    TAMAN_SUFFIX,
)

# columns set per customer; the rest comes from a customer made by the ORM
PARTNER_COLUMNS = [
    "id",
    "name",
    "complete_name",
    "commercial_partner_id",
    "commercial_company_name",
    "ref",
    "street",
    "street2",
    "zip",
    "city",
    "state_id",
    "partner_latitude",
    "partner_longitude",
    "phone",
    "phone_sanitized",
    "email",
    "email_normalized",
    "user_id",
    "create_date",
    "write_date",
    "date_localization",
]


def shop_name(rng):
    roll = rng.random()
    if roll < 0.45:
        owner = f"{rng.choice(CHINESE_FAMILY)} {rng.choice(CHINESE_GIVEN)}"
    elif roll < 0.8:
        owner = rng.choice(MALAY_GIVEN)
        if rng.random() < 0.5:
            owner = f"{owner} {rng.choice(MALAY_FAMILY)}"
    else:
        owner = f"{rng.choice(INDIAN_GIVEN)} {rng.choice(INDIAN_FAMILY)}"
    return f"{rng.choice(SHOP_KINDS)} {owner}{rng.choice(SHOP_SUFFIX)}"


@step("customers", order=20, requires=("res.partner",))
def generate_customers(gen):
    env, rng = gen.env, gen.rng
    company = gen.data["company"]
    warehouses = gen.data["warehouses"]
    first_rep = warehouses[0]["reps"][0]

    def build(env):
        partner = env["res.partner"].create(
            {
                "name": "Template Shop",
                "is_company": True,
                "company_id": company.id,
                "country_id": env.ref("base.my").id,
                "street": "1, Jalan Template",
                "city": "Kuala Lumpur",
                "phone": "+60 3-1234 5678",
                "email": "template@example.com",
                "user_id": first_rep[0],
                "customer_rank": 1,
                "partner_latitude": 3.1,
                "partner_longitude": 101.7,
            }
        )
        return {"res_partner": partner.ids}

    template = gen.template(build)["res_partner"][0]
    count = gen.params["customers"]
    ids = gen.reserve_ids("res_partner", count)
    writer = gen.writer("res_partner", template, PARTNER_COLUMNS)
    states = {
        place[2]: env.ref(f"base.{place[2]}").id
        for place in (wh["place"] for wh in warehouses)
    }
    # the first warehouse's region is the biggest
    weights = [3] + [1] * (len(warehouses) - 1)
    customers = []
    for number, partner_id in enumerate(ids, start=1):
        region = rng.choices(range(len(warehouses)), weights)[0]
        warehouse = warehouses[region]
        code, city, state, postcode, area, lat, lon, streets = warehouse["place"]
        user_id, _user_partner, team_id = rng.choice(warehouse["reps"])
        name = shop_name(rng)
        slug = "".join(ch for ch in name.lower() if ch.isalnum())[:20]
        email = f"{slug}{number}@example.com.my"
        phone_digits = f"{rng.randint(2000, 9999)} {rng.randint(1000, 9999)}"
        created = gen.moment(rng.randint(366, 1500))
        writer.add(
            partner_id,
            name,
            name,
            partner_id,
            name,
            f"C{number:06d}",
            f"No. {rng.randint(1, 250)}, {rng.choice(streets)}",
            f"{rng.choice(TAMAN)} {rng.choice(TAMAN_SUFFIX)}",
            f"{int(postcode) + rng.randint(0, 80):05d}",
            city,
            states[state],
            round(lat + rng.uniform(-0.08, 0.08), 7),
            round(lon + rng.uniform(-0.08, 0.08), 7),
            f"+60 {area}-{phone_digits}",
            f"+60 {area}-{phone_digits}",  # as Odoo keeps it without phonenumbers
            email,
            email,
            user_id,
            created,
            created,
            created.date(),
        )
        customers.append((partner_id, region, user_id, team_id))
    gen.data["customers"] = customers
