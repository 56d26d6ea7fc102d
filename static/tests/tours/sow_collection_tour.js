/* Copyright 2026 Sales Order Workflow contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

/* A rep, on his phone, records cash collected from a customer, lets Odoo
 * spread it over the oldest invoices and collects: the receipt gets its
 * number. */
registry.category("web_tour.tours").add("sow_collection_rep_tour", {
    url: "/odoo/action-sales_order_workflow.action_sale_collection",
    steps: () => [
        {
            trigger: ".o_control_panel_main_buttons button.o-kanban-button-new",
            run: "click",
        },
        {
            // on a phone, the customer is picked in a full-screen search
            trigger: ".o_field_widget[name=partner_id] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Kedai Runcit Ah Seng)",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=amount] input",
            run: "edit 1200",
        },
        {
            trigger: "button[name=action_allocate_oldest_first]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=allocated_amount]:contains(1,200.00)",
        },
        {
            trigger:
                ".o_field_widget[name=line_ids] .o_kanban_record:contains(1,000.00)",
        },
        {
            trigger: ".o_form_view div[name=phone_actions] button[name=action_collect]",
            run: "click",
        },
        {
            trigger: ".o_form_view .oe_title .o_field_widget[name=name]:contains(OR/)",
        },
        {
            trigger:
                ".o_form_view div[name=phone_actions] button[name=action_print_receipt]",
        },
    ],
});
