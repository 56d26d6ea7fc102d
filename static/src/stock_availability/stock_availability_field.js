/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

import {Component} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {formatFloat} from "@web/views/fields/formatters";
import {registry} from "@web/core/registry";
import {standardFieldProps} from "@web/views/fields/standard_field_props";
import {usePopover} from "@web/core/popover/popover_hook";

/**
 * The value is what `product.product.sow_availability` gives for one product,
 * laid out for the screen:
 *   {tracked, uom, needed, warehouse_id,
 *    warehouses: [{id, name, code, free, on_hand, reserved, incoming,
 *                  outgoing, forecast}]}
 * `needed` is the quantity the line or row wants (product unit) and
 * `warehouse_id` the warehouse it would be delivered from.
 */
export function formatQty(value) {
    return formatFloat(value || 0, {digits: [false, 2], trailingZeros: false});
}

export class StockAvailabilityTable extends Component {
    static template = "sales_order_workflow.StockAvailabilityTable";
    static props = {availability: Object};

    formatQty(value) {
        return formatQty(value);
    }

    rowClass(warehouse) {
        return warehouse.id === this.props.availability.warehouse_id ? "fw-bold" : "";
    }
}

export class StockAvailabilityPopover extends Component {
    static template = "sales_order_workflow.StockAvailabilityPopover";
    static components = {StockAvailabilityTable};
    static props = {availability: Object, close: {type: Function, optional: true}};
}

export class StockAvailabilityField extends Component {
    static template = "sales_order_workflow.StockAvailabilityField";
    static props = {...standardFieldProps};

    setup() {
        this.popover = usePopover(StockAvailabilityPopover, {position: "bottom"});
    }

    get availability() {
        return this.props.record.data[this.props.name] || null;
    }

    formatQty(value) {
        return formatQty(value);
    }

    chipClass(warehouse) {
        const availability = this.availability;
        const needed = availability.needed || 0;
        let colour = "text-bg-success";
        if (warehouse.free <= 0) {
            colour = "text-bg-danger";
        } else if (needed > 0 && warehouse.free < needed) {
            colour = "text-bg-warning";
        }
        const home =
            warehouse.id === availability.warehouse_id ? " o_sow_stock_chip_home" : "";
        return `${colour}${home}`;
    }

    chipTitle(warehouse) {
        return _t("%(warehouse)s: %(free)s %(uom)s free", {
            warehouse: warehouse.name,
            free: formatQty(warehouse.free),
            uom: this.availability.uom,
        });
    }

    openDetail(ev) {
        if (this.popover.isOpen) {
            this.popover.close();
            return;
        }
        this.popover.open(ev.currentTarget, {availability: this.availability});
    }
}

export const stockAvailabilityField = {
    component: StockAvailabilityField,
    displayName: _t("Stock per Warehouse"),
    supportedTypes: ["json"],
};

registry.category("fields").add("sow_stock_availability", stockAvailabilityField);
