/* Copyright 2026 Sales Order Workflow contributors
 * License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0). */
import {registry} from "@web/core/registry";

/* A manager, on his phone, reads today's figures on the dashboard and opens
 * this month's rep performance. */
registry.category("web_tour.tours").add("sow_report_dashboard_tour", {
    url: "/odoo/action-sales_order_workflow.action_sale_field_dashboard",
    steps: () => [
        {
            trigger: ".o_sow_dashboard_row_collected_cash td:contains(150.00)",
        },
        {
            trigger: ".o_sow_dashboard_row_collected_amount td:contains(150.00)",
        },
        {
            trigger: ".o_sow_dashboard_reps td:contains(150.00)",
        },
        {
            trigger: ".o_sow_dashboard_period_month",
            run: "click",
        },
        {
            trigger: ".o_list_renderer .o_data_row",
        },
    ],
});

/* A rep, on his phone, opens his day's summary from the field screen. */
registry.category("web_tour.tours").add("sow_report_my_day_tour", {
    url: "/odoo/action-sales_order_workflow.action_field_screen",
    steps: () => [
        {
            trigger: ".o_sow_day_summary",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=collected_cash]:contains(150.00)",
        },
        {
            trigger: ".o_form_view button[name=action_print]",
        },
    ],
});
