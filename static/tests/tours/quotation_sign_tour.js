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
        // the name is drawn again once the style's font has loaded, while the
        // button stays enabled: tapped before, it sent an empty signature
        // ("Signature is missing"). Wait until the signature holds ink.
        {
            trigger: ".modal canvas.o_web_sign_signature",
            async run() {
                const canvas = document.querySelector(
                    ".modal canvas.o_web_sign_signature"
                );
                const inked = () =>
                    canvas.width > 0 &&
                    canvas
                        .getContext("2d")
                        .getImageData(0, 0, canvas.width, canvas.height)
                        .data.some((value, index) => index % 4 === 3 && value > 0);
                for (let tries = 0; tries < 100 && !inked(); tries++) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                if (!inked()) {
                    throw new Error("the name was never drawn into the signature");
                }
            },
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
