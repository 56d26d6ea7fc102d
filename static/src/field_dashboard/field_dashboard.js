/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {Component, onWillStart, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {useService} from "@web/core/utils/hooks";
import {
    formatFloat,
    formatFloatTime,
    formatMonetary,
} from "@web/views/fields/formatters";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";

/**
 * The manager's dashboard: the key figures of today, this week and this
 * month (and this month per rep), read in one call from the rep performance
 * report, whose record rules limit them to the manager's teams.
 */
export class FieldDashboard extends Component {
    static template = "sales_order_workflow.FieldDashboard";
    static props = {...standardActionServiceProps};

    setup() {
        this.orm = useService("orm");
        this.action = useService("action");
        this.state = useState({data: null});
        onWillStart(() => this.load());
    }

    async load() {
        this.state.data = await this.orm.call(
            "sale.rep.performance.report",
            "sow_dashboard_data",
            []
        );
    }

    format(kind, value) {
        const currencyId = this.state.data.currency_id;
        if (kind === "money") {
            return formatMonetary(value || 0, {currencyId});
        }
        if (kind === "hours") {
            return formatFloatTime(value || 0);
        }
        if (kind === "percent") {
            return `${formatFloat(value || 0, {digits: [16, 1]})} %`;
        }
        return String(value || 0);
    }

    openPeriod(period, userId = false) {
        const domain = [
            ["date", ">=", period.date_from],
            ["date", "<=", period.date_to],
        ];
        if (userId) {
            domain.push(["user_id", "=", userId]);
        }
        this.action.doAction({
            type: "ir.actions.act_window",
            name: _t("Rep Performance: %s", period.label),
            res_model: "sale.rep.performance.report",
            views: [
                [false, "list"],
                [false, "pivot"],
                [false, "graph"],
            ],
            domain,
        });
    }
}

registry
    .category("actions")
    .add("sales_order_workflow.field_dashboard", FieldDashboard);
