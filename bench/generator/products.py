# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Products: groceries, drinks, snacks, household and personal care goods of
Malaysian brands with EAN-13 barcodes (prefix 955), prices and costs; a few
services and untracked consumables among them."""

from .core import step
from .names import BRANDS, GOODS

TEMPLATE_COLUMNS = [
    "id",
    "name",
    "categ_id",
    "type",
    "is_storable",
    "default_code",
    "list_price",
    "sale_ok",
    "purchase_ok",
    "invoice_policy",
    "create_date",
    "write_date",
]
VARIANT_COLUMNS = [
    "id",
    "product_tmpl_id",
    "default_code",
    "barcode",
    "standard_price",
    "create_date",
    "write_date",
]


def ean13(number):
    digits = f"955{number:09d}"
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits))
    return digits + str((10 - total % 10) % 10)


@step("products", order=30, requires=("product.product",))
def generate_products(gen):
    env, rng = gen.env, gen.rng
    company = gen.data["company"]

    def build(env):
        product = env["product.product"].create(
            {
                "name": "Template Product",
                "type": "consu",
                "is_storable": True,
                "company_id": company.id,
                "categ_id": gen.data["categories"]["Groceries"],
                "list_price": 10.0,
                "standard_price": 8.0,
                "default_code": "TEMPLATE",
                "barcode": "9550000000000",
            }
        )
        return {
            "product_template": product.product_tmpl_id.ids,
            "product_product": product.ids,
        }

    rows = gen.template(build)
    count = gen.params["products"]
    template_ids = gen.reserve_ids("product_template", count)
    variant_ids = gen.reserve_ids("product_product", count)
    templates = gen.writer(
        "product_template", rows["product_template"][0], TEMPLATE_COLUMNS
    )
    variants = gen.writer(
        "product_product", rows["product_product"][0], VARIANT_COLUMNS
    )
    taxes = gen.writer(
        "product_taxes_rel", {}, ["prod_id", "tax_id"]
    )  # a relation table: no template needed
    tax = gen.data["tax"]
    categories = list(GOODS.items())
    products = []
    company_key = str(company.id)
    for number, (template_id, variant_id) in enumerate(
        zip(template_ids, variant_ids, strict=True), start=1
    ):
        categ_name, (code, kinds, taxed) = rng.choice(categories)
        kind, sizes, (low, high) = rng.choice(kinds)
        name = f"{kind} {rng.choice(BRANDS)} {rng.choice(sizes)}"
        roll = rng.random()
        if roll < 0.02:
            kind_type, storable, name = "service", False, f"Servis {name}"
        elif roll < 0.05:
            kind_type, storable = "consu", False
        else:
            kind_type, storable = "consu", True
        price = round(rng.uniform(low, high), 2)
        cost = round(price * rng.uniform(0.62, 0.85), 2)
        reference = f"{code}-{number:06d}"
        created = gen.moment(rng.randint(400, 2000))
        templates.add(
            template_id,
            {"en_US": name},
            gen.data["categories"][categ_name],
            kind_type,
            storable,
            reference,
            price,
            True,
            kind_type != "service",
            "order" if kind_type == "service" else "delivery",
            created,
            created,
        )
        variants.add(
            variant_id,
            template_id,
            reference,
            ean13(number),
            {company_key: cost},
            created,
            created,
        )
        if taxed and tax:
            taxes.add(template_id, tax.id)
        products.append(
            {
                "id": variant_id,
                "name": f"[{reference}] {name}",
                "price": price,
                "cost": cost,
                "taxed": bool(taxed and tax),
                "storable": storable,
                "type": kind_type,
                # how well it sells: a few best sellers, a long tail
                "weight": rng.paretovariate(1.2),
            }
        )
    gen.data["products"] = products
    gen.data["uom_unit"] = env.ref("uom.product_uom_unit").id
