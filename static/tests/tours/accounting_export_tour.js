// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {registry} from "@web/core/registry";

// An accountant exports the month to SQL Account: preview, then export.
registry.category("web_tour.tours").add("sow_accounting_export", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row td:contains('SQL Account')",
            run: "click",
        },
        {
            trigger: ".o_form_view button[name='action_open_export_wizard']",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_preview']",
            run: "click",
        },
        {
            trigger: ".modal .o_sow_export_counts td:contains('Invoices')",
        },
        {
            trigger: ".modal button[name='action_export']:enabled",
            run: "click",
        },
        {
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current:contains('Exported')",
        },
        {
            trigger: ".o_form_view .o_field_many2many_binary a:contains('SL_IV.')",
        },
        {
            trigger: ".o_form_view .o_field_one2many .o_data_row td:contains('INV/')",
        },
    ],
});
