/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

/**
 * A rep's day on a phone: clock in, check in at a planned customer, record
 * the outcome, check out, check in ad hoc at a customer without coordinates,
 * check out, clock out. Headless Chromium refuses geolocation, so the first
 * step replaces the browser's answer with a position at the customer's door
 * (20 m from Kedai Runcit Ah Seng, accuracy 12 m).
 */
function stubGeolocation(latitude, longitude, accuracy) {
    navigator.geolocation.getCurrentPosition = (success) =>
        success({coords: {latitude, longitude, accuracy}, timestamp: Date.now()});
}

registry.category("web_tour.tours").add("sales_order_workflow_field_screen", {
    url: "/odoo/action-sales_order_workflow.action_field_screen",
    steps: () => [
        {
            content: "The screen is open, not clocked in",
            trigger: ".o_sow_field_screen .o_sow_clocked_out",
            run() {
                stubGeolocation(3.14348, 101.6971, 12);
            },
        },
        {
            content: "Checking in before clocking in is not possible",
            trigger:
                ".o_sow_visit:contains(Kedai Runcit Ah Seng) .o_sow_check_in:disabled",
        },
        {
            content: "Clock in",
            trigger: ".o_sow_clock_in:enabled",
            run: "click",
        },
        {
            content: "Clocked in",
            trigger: ".o_sow_clocked_in",
        },
        {
            content: "Odoo's attendance systray shows the same day",
            trigger: ".o_main_navbar i.fa-circle.text-success[aria-label=Attendance]",
        },
        {
            content: "Check in at the planned customer",
            trigger:
                ".o_sow_visit:contains(Kedai Runcit Ah Seng) .o_sow_check_in:enabled",
            run: "click",
        },
        {
            content: "The check-in is verified, about 20 m from the customer",
            trigger:
                ".o_sow_current_visit:contains(Kedai Runcit Ah Seng) .o_sow_location_status:contains(Verified)",
        },
        {
            content: "Checking out without an outcome is refused with a clear message",
            trigger: ".o_sow_current_visit .o_sow_check_out:enabled",
            run: "click",
        },
        {
            trigger: ".o_sow_error:contains(before checking out)",
        },
        {
            content: "The customer will order next week",
            trigger: ".o_sow_current_visit select.o_sow_outcome",
            run: "select follow_up",
        },
        {
            trigger: ".o_sow_current_visit textarea.o_sow_note",
            run: "edit Owner wants the Raya promotion prices; call on Monday.",
        },
        {
            content: "Check out",
            trigger: ".o_sow_current_visit .o_sow_check_out:enabled",
            run: "click",
        },
        {
            content: "The visit is done",
            trigger:
                ".o_sow_visit:contains(Kedai Runcit Ah Seng) .o_sow_visit_state:contains(Checked Out)",
        },
        {
            content: "Pick a customer for an ad hoc visit",
            trigger: ".o_sow_ad_hoc .o_sow_partner_selector input",
            run: "edit Hock Lee",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Kedai Kopi Hock Lee)",
            run: "click",
        },
        {
            content: "Check in there",
            trigger: ".o_sow_ad_hoc .o_sow_start_visit:enabled",
            run: "click",
        },
        {
            content: "The customer has no stored location",
            trigger:
                ".o_sow_current_visit:contains(Kedai Kopi Hock Lee) .o_sow_location_status:contains(No Customer Location)",
        },
        {
            trigger: ".o_sow_current_visit select.o_sow_outcome",
            run: "select no_order",
        },
        {
            trigger: ".o_sow_current_visit select.o_sow_no_order_reason",
            run: "select closed",
        },
        {
            trigger: ".o_sow_current_visit .o_sow_check_out:enabled",
            run: "click",
        },
        {
            trigger:
                ".o_sow_visit:contains(Kedai Kopi Hock Lee) .o_sow_visit_state:contains(Checked Out)",
        },
        {
            content: "Clock out",
            trigger: ".o_sow_clock_out:enabled",
            run: "click",
        },
        {
            content: "The day is over",
            trigger: ".o_sow_clocked_out",
        },
        {
            trigger: ".o_main_navbar i.fa-circle.text-danger[aria-label=Attendance]",
        },
    ],
});

/**
 * The visit form's own Check In / Check Out buttons capture the position too.
 */
registry.category("web_tour.tours").add("sales_order_workflow_visit_form", {
    steps: () => [
        {
            content: "A planned visit",
            trigger:
                ".o_form_view .o_field_statusbar button[aria-checked=true]:contains(Planned)",
        },
        {
            content: "Its Check In button in the header",
            trigger: ".o_form_view .o_sow_gps_check_in:enabled",
            run() {
                stubGeolocation(3.14348, 101.6971, 12);
            },
        },
        {
            trigger: ".o_form_view .o_sow_gps_check_in:enabled",
            run: "click",
        },
        {
            content: "Checked in, verified, the map link shown",
            trigger:
                ".o_form_view .o_field_statusbar button[aria-checked=true]:contains(Checked In)",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=location_status]:contains(Verified)",
        },
        {
            trigger:
                ".o_form_view .o_field_widget[name=check_in_map_url] a[href*='openstreetmap.org']",
        },
        {
            content: "The outcome, then Check Out (the form is saved first)",
            trigger: ".o_form_view .o_field_widget[name=outcome] select",
            run: 'select "order"',
        },
        {
            trigger: ".o_form_view .o_sow_gps_check_out:enabled",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_field_statusbar button[aria-checked=true]:contains(Checked Out)",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=duration]",
        },
    ],
});

/**
 * At the customer, from My Day: the stock inquiry (what is added goes into
 * the visit's quotation), then a receipt and a quotation for the same
 * customer and visit.
 */
function assertFilled() {
    const field = this.anchor;
    const text = field.querySelector("input")?.value || field.textContent.trim();
    if (!text) {
        throw new Error(`${field.getAttribute("name")} is empty`);
    }
}

registry.category("web_tour.tours").add("sales_order_workflow_field_screen_actions", {
    steps: () => [
        {
            content: "Checked in at the customer: tap Stock",
            trigger:
                ".o_sow_current_visit:contains(Kedai Runcit Ah Seng) .o_sow_visit_stock:enabled",
            run: "click",
        },
        {
            content: "The inquiry is for the visited customer",
            trigger:
                ".o_sow_stock_inquiry .o_field_widget[name=partner_id] input:value(Kedai Runcit Ah Seng)",
        },
        {
            trigger: ".o_sow_stock_inquiry .o_sow_inquiry_search_term input",
            run: "edit beras",
        },
        {
            trigger: ".o_sow_stock_inquiry button.o_sow_inquiry_search",
            run: "click",
        },
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg) .o_sow_inquiry_card_title",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=quantity] input",
            run: "edit 3",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg):contains(To order)",
        },
        {
            trigger: ".o_sow_stock_inquiry button.o_sow_inquiry_add",
            run: "click",
        },
        {
            content: "The visit's quotation, with the rice",
            trigger:
                ".o_form_view .o_field_widget[name=order_line] .o_kanban_record:contains(Beras Wangi 10kg)",
        },
        {
            content: "Back to My Day",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            trigger: ".o_sow_stock_inquiry",
        },
        {
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Tap Receipt",
            trigger: ".o_sow_current_visit .o_sow_visit_receipt:enabled",
            run: "click",
        },
        {
            content: "A new receipt from the visited customer…",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id] input:value(Kedai Runcit Ah Seng)",
        },
        {
            trigger: ".o_form_view .o_notebook a.nav-link:contains(Other Information)",
            run: "click",
        },
        {
            content: "…at this visit",
            trigger: ".o_form_view .o_field_widget[name=visit_id]",
            run: assertFilled,
        },
        {
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Tap Quotation",
            trigger: ".o_sow_current_visit .o_sow_visit_quotation:enabled",
            run: "click",
        },
        {
            content: "A new quotation for the visited customer",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id] input:value(Kedai Runcit Ah Seng)",
        },
        {
            content: "…at this visit",
            trigger: ".o_form_view .o_field_widget[name=visit_id]",
            run: assertFilled,
        },
    ],
});
