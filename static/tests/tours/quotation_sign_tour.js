/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";
import {redirect} from "@web/core/utils/urls";

// A rep on a phone hands it to the customer: Odoo's own page of the
// quotation opens in the same browser, the customer signs there.
registry.category("web_tour.tours").add("sow_quotation_sign_now_phone", {
    steps: () => [
        {
            trigger:
                ".o_form_view .o_field_widget[name=order_line] .o_kanban_record:contains(Beras Wangi 10kg)",
        },
        // on a phone, the form's buttons are in the action menu
        {
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button[name=action_sow_sign_now]",
            run: "click",
        },
        // Odoo's portal page of the quotation
        {
            trigger: "#quote_content",
        },
        {
            trigger: "a[data-bs-target='#modalaccept']:contains(Accept & Sign):visible",
            run: "click",
        },
        {
            trigger:
                ".modal .o_web_sign_name_and_signature input:value(Kedai Runcit Ah Seng)",
        },
        // a handwriting style: the name is drawn into the signature (as in
        // Odoo's own signature tour)
        {
            trigger: ".modal .o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            trigger: ".o-dropdown-item:eq(3)",
            run: "click",
        },
        {
            trigger: ".modal .o_portal_sign_submit:enabled",
            run: "click",
        },
        // the signature confirms the order (stock and credit checks, the
        // delivery, the confirmation mail) before the page comes back: on
        // two busy cores that took longer than a step's default 10 s in CI
        {
            trigger: "#quote_content:contains(Thank You)",
            timeout: 30000,
        },
        {
            trigger: "#quote_content",
            run() {
                // back to the web client: no request left in flight
                redirect("/odoo");
            },
        },
        {
            trigger: ".o_main_navbar",
        },
    ],
});
