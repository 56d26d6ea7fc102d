/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

// Odoo's availability popover on quotation lines shows the line's own
// warehouse; it also lists every warehouse of the company.
import {QtyAtDatePopover} from "@sale_stock/widgets/qty_at_date_widget";
import {StockAvailabilityTable} from "./stock_availability_field";

QtyAtDatePopover.components = {
    ...(QtyAtDatePopover.components || {}),
    StockAvailabilityTable,
};
