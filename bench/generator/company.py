# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The company, its warehouses, categories, reps and teams: through the ORM."""

from odoo import Command

from .core import step
from .names import (
    CHINESE_FAMILY,
    CHINESE_GIVEN,
    GOODS,
    MALAY_FAMILY,
    MALAY_GIVEN,
    PLACES,
)

COMPANY_NAME = "Dagang Bench Sdn Bhd"


@step("company", order=10, requires=("res.company", "stock.warehouse"))
def generate_company(gen):
    env = gen.env
    my = env.ref("base.my")
    myr = env.ref("base.MYR")
    myr.action_unarchive()
    first = PLACES[0]
    company = env["res.company"].create(
        {
            "name": COMPANY_NAME,
            "country_id": my.id,
            "currency_id": myr.id,
            "street": "Lot 12, Jalan Perusahaan 3",
            "city": first[1],
            "zip": first[3],
            "state_id": env.ref(f"base.{first[2]}").id,
            "phone": "+60 3-7700 1234",
        }
    )
    # the superuser generates, the administrator runs the benchmarks
    (env.user | env.ref("base.user_admin")).write(
        {"company_ids": [Command.link(company.id)]}
    )
    installed = env["ir.module.module"].search_count(
        [("name", "=", "l10n_my"), ("state", "=", "installed")]
    )
    env["account.chart.template"].try_loading(
        "my" if installed else "generic_coa", company=company, install_demo=False
    )
    company.currency_id = myr
    env = env(context=dict(env.context, allowed_company_ids=[company.id]))
    gen.env = env
    gen.data["company"] = company.with_env(env)

    # warehouses, named after the first places (the company's own, if Odoo
    # made one, is the first)
    Warehouse = env["stock.warehouse"]
    warehouses = Warehouse.search([("company_id", "=", company.id)], limit=1)
    for index, (code, city, *_rest) in enumerate(PLACES[: gen.params["warehouses"]]):
        if index == 0 and warehouses:
            warehouses.write({"name": city, "code": code})
        else:
            warehouses |= Warehouse.create(
                {"name": city, "code": code, "company_id": company.id}
            )
    gen.data["warehouses"] = [
        {
            "id": wh.id,
            "code": wh.code,
            "place": PLACES[index],
            "stock": wh.lot_stock_id.id,
            "view": wh.view_location_id.id,
            "out_type": wh.out_type_id.id,
            "in_type": wh.in_type_id.id,
            "int_type": wh.int_type_id.id,
            "out_prefix": wh.out_type_id.sequence_id.prefix,
            "in_prefix": wh.in_type_id.sequence_id.prefix,
            "int_prefix": wh.int_type_id.sequence_id.prefix,
        }
        for index, wh in enumerate(warehouses)
    ]

    # product categories under one root
    root = env["product.category"].create({"name": "Dagang Bench"})
    gen.data["categories"] = {
        name: env["product.category"].create({"name": name, "parent_id": root.id}).id
        for name in GOODS
    }

    # reps: spread over the warehouses' regions, one team per region
    rep_group = env.ref("sales_order_workflow.group_field_rep")
    rng = gen.rng
    users = (
        env["res.users"]
        .with_context(no_reset_password=True)
        .create(
            [
                {
                    "name": (
                        f"{rng.choice(MALAY_GIVEN)} {rng.choice(MALAY_FAMILY)}"
                        if index % 2
                        else f"{rng.choice(CHINESE_FAMILY)} {rng.choice(CHINESE_GIVEN)}"
                    ),
                    "login": f"rep{index:03d}@dagang-bench.example.com",
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "groups_id": [
                        Command.set([env.ref("base.group_user").id, rep_group.id])
                    ],
                    "tz": "Asia/Kuala_Lumpur",
                }
                for index in range(1, gen.params["reps"] + 1)
            ]
        )
    )
    teams = []
    regions = len(gen.data["warehouses"])
    for index, warehouse in enumerate(gen.data["warehouses"]):
        # by creation order, not by id: the data must not depend on the ids
        # the database hands out
        members = users[index::regions] or users[:1]
        team = env["crm.team"].create(
            {
                "name": f"Field Sales {warehouse['place'][1]}",
                "company_id": company.id,
                "member_ids": [Command.set(members.ids)],
            }
        )
        teams.append(team.id)
        warehouse["reps"] = [(user.id, user.partner_id.id, team.id) for user in members]
    gen.data["reps"] = users.ids
    gen.data["teams"] = teams

    # the 10% sales tax on household and personal care goods
    tax = env["account.tax"].search(
        [
            ("company_id", "=", company.id),
            ("type_tax_use", "=", "sale"),
            ("amount_type", "=", "percent"),
            ("amount", "=", 10),
            ("price_include", "=", False),
        ],
        limit=1,
    )
    gen.data["tax"] = tax
