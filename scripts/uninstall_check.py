# Run by `make test` through `odoo shell`: uninstall the addon, check that
# nothing technical of it is left, and that Odoo's own sales flow still works.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
# ruff: noqa: F821  (env and odoo are given by `odoo shell`)
import odoo

ADDON = "sales_order_workflow"
module = env["ir.module.module"].search([("name", "=", ADDON)])
assert module.state == "installed", f"{ADDON} is {module.state}, not installed"
# models that only this addon defines (not the ones it extends)
owned_models = [
    model.model
    for model in env["ir.model"].search([])
    if [m.strip() for m in (model.modules or "").split(",")] == [ADDON]
]
module.button_immediate_uninstall()
env.cr.commit()

registry = odoo.modules.registry.Registry.new(env.cr.dbname)
with registry.cursor() as cr:
    new_env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    state = new_env["ir.module.module"].search([("name", "=", ADDON)]).state
    assert state == "uninstalled", f"{ADDON} is {state} after the uninstall"
    # Views, menus, actions, rules, groups, fields and models must all be gone.
    # Demo business data that Odoo cannot delete (posted invoices, stock moves
    # and the company they belong to) stays, as it does for Odoo's own apps.
    left = new_env["ir.model.data"].search(
        [
            ("module", "=", ADDON),
            "|",
            ("model", "=like", "ir.%"),
            ("model", "=", "res.groups"),
        ]
    )
    assert (
        not left
    ), f"technical records of {ADDON} are left behind: {left.mapped('name')}"
    for model in owned_models:
        assert model not in registry, f"model {model} survived the uninstall"
    # Odoo's own flow: a quotation confirmed into an order, then invoiced.
    partner = new_env["res.partner"].create({"name": "After uninstall"})
    product = new_env["product.product"].create(
        {"name": "After uninstall", "type": "consu", "list_price": 10}
    )
    order = new_env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [odoo.Command.create({"product_id": product.id})],
        }
    )
    order.action_confirm()
    assert order.state == "sale", order.state
    cr.rollback()
print("UNINSTALL OK")
