/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {registry} from "@web/core/registry";

// A rep on a phone: which warehouse has the rice, at what price for this
// customer, then ten bags into a quotation.
registry.category("web_tour.tours").add("sow_stock_inquiry_phone", {
    steps: () => [
        {
            trigger: ".o_sow_stock_inquiry .o_sow_inquiry_search_term input",
            run: "edit beras",
        },
        // on a phone, a many2one opens a full-screen list to pick from
        {
            trigger: ".o_sow_stock_inquiry .o_field_widget[name=partner_id] input",
            run: "click",
        },
        {
            trigger: ".modal .o_kanban_record:contains(Kedai Runcit Ah Seng)",
            run: "click",
        },
        {
            trigger:
                ".o_sow_stock_inquiry .o_field_widget[name=partner_id] input:value(Kedai Runcit Ah Seng)",
        },
        {
            trigger: ".o_sow_stock_inquiry button.o_sow_inquiry_search",
            run: "click",
        },
        // a card per product (phone), a chip per warehouse with its free stock
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg) .o_sow_stock_chip[data-warehouse-code=KL]:contains(70)",
        },
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg) .o_sow_stock_chip[data-warehouse-code=PNG]:contains(8)",
        },
        // a tap on a chip shows every warehouse in detail
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg) .o_sow_stock_chip[data-warehouse-code=KL]",
            run: "click",
        },
        {
            trigger:
                ".o_popover .o_sow_stock_table tr[data-warehouse-code=KL]:contains(100):contains(30)",
        },
        // a tap on the card opens the product: the quantity to order
        {
            trigger:
                ".o_sow_inquiry_products .o_kanban_record:contains(Beras Wangi 10kg) .o_sow_inquiry_card_title",
            run: "click",
        },
        {
            trigger:
                ".modal .o_field_widget[name=line_ids] .o_kanban_record:contains(Penang)",
        },
        {
            trigger: ".modal .o_field_widget[name=quantity] input",
            run: "edit 10",
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
        // the quotation, with the line
        {
            trigger:
                ".o_form_view .o_field_widget[name=order_line] .o_kanban_record:contains(Beras Wangi 10kg)",
        },
    ],
});
