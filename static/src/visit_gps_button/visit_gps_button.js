/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {Component, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {rpc} from "@web/core/network/rpc";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {standardWidgetProps} from "@web/views/widgets/standard_widget_props";
import {getPosition, positionParams} from "../geolocation";

/**
 * Check In / Check Out on the visit form: saves the form, asks the phone
 * for its position and sends it to the same JSON route as the field screen.
 */
export class VisitGpsButton extends Component {
    static template = "sales_order_workflow.VisitGpsButton";
    static props = {...standardWidgetProps, action: String};

    setup() {
        this.notification = useService("notification");
        this.state = useState({busy: false});
    }

    get label() {
        return this.props.action === "check_in" ? _t("Check In") : _t("Check Out");
    }

    async onClick() {
        const record = this.props.record;
        this.state.busy = true;
        try {
            if (!(await record.save())) {
                return;
            }
            const position = await getPosition();
            if (position.error) {
                this.notification.add(position.error, {type: "warning"});
            }
            const route =
                this.props.action === "check_in"
                    ? "/sales_order_workflow/visit/check_in"
                    : "/sales_order_workflow/visit/check_out";
            try {
                await rpc(route, {visit_id: record.resId, ...positionParams(position)});
            } finally {
                await record.load();
            }
        } finally {
            this.state.busy = false;
        }
    }
}

registry.category("view_widgets").add("sow_visit_gps_button", {
    component: VisitGpsButton,
    extractProps: ({attrs}) => ({action: attrs.action}),
});
