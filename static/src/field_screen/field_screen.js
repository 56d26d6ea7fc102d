/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {Component, onWillStart, useState} from "@odoo/owl";
import {_t} from "@web/core/l10n/translation";
import {deserializeDateTime, formatDateTime} from "@web/core/l10n/dates";
import {rpc, RPCError} from "@web/core/network/rpc";
import {RecordSelector} from "@web/core/record_selectors/record_selector";
import {registry} from "@web/core/registry";
import {useBus, useService} from "@web/core/utils/hooks";
import {standardActionServiceProps} from "@web/webclient/actions/action_service";
import {getPosition, positionParams} from "../geolocation";

const {DateTime} = luxon;

const LOCATION_CLASSES = {
    verified: "text-bg-success",
    outside: "text-bg-danger",
    no_gps: "text-bg-warning",
    no_customer_location: "text-bg-warning",
};
const STATE_CLASSES = {
    planned: "text-bg-info",
    checked_in: "text-bg-warning",
    checked_out: "text-bg-success",
    cancelled: "text-bg-secondary",
};

/**
 * "My Day": the rep's phone screen. Clock in and out (Odoo's attendance),
 * today's visits, check in and out with the phone's position, what happened.
 * Every change goes to a JSON route that answers with the whole day.
 */
export class FieldScreen extends Component {
    static template = "sales_order_workflow.FieldScreen";
    static components = {RecordSelector};
    static props = {...standardActionServiceProps};

    setup() {
        this.action = useService("action");
        this.orm = useService("orm");
        this.state = useState({
            data: null,
            busy: false,
            locating: false,
            error: "",
            gpsWarning: "",
            partnerId: false,
            report: {outcome: "", no_order_reason: "", note: ""},
        });
        this.reportVisitId = null;
        this.locationClasses = LOCATION_CLASSES;
        this.stateClasses = STATE_CLASSES;
        onWillStart(() => this.reload());
        // clocked in or out from Odoo's attendance systray: redraw
        useBus(this.env.bus, "SOW:ATTENDANCE_STATE", ({detail}) => {
            if (
                this.state.data &&
                !this.state.busy &&
                detail.checkedIn !== this.data.clocked_in
            ) {
                this.reload();
            }
        });
    }

    // ------------------------------------------------------------ data
    get data() {
        return this.state.data;
    }

    get currentVisit() {
        return this.data.visits.find(
            (visit) => visit.id === this.data.current_visit_id
        );
    }

    get otherVisits() {
        return this.data.visits.filter(
            (visit) => visit.id !== this.data.current_visit_id
        );
    }

    get canCheckIn() {
        return (
            !this.state.busy &&
            !this.currentVisit &&
            (this.data.clocked_in || !this.data.require_attendance)
        );
    }

    setData(data) {
        this.state.data = data;
        const current = this.currentVisit;
        if (current && current.id !== this.reportVisitId) {
            this.reportVisitId = current.id;
            this.state.report = {
                outcome: current.outcome || "",
                no_order_reason: current.no_order_reason || "",
                note: current.note || "",
            };
        }
    }

    async reload() {
        this.setData(await rpc("/sales_order_workflow/field/data"));
    }

    formatTime(value) {
        return value
            ? formatDateTime(deserializeDateTime(value), {format: "HH:mm"})
            : "";
    }

    get todayLabel() {
        return DateTime.local().toLocaleString(DateTime.DATE_HUGE);
    }

    // ------------------------------------------------------------ actions
    /**
     * Locate the phone (unless told not to), call the route, redraw from its
     * answer. A refusal of the server (a UserError: clock in first, another
     * visit open...) is shown on the screen instead of a dialog.
     */
    async send(route, params = {}, {locate = true} = {}) {
        this.state.busy = true;
        this.state.error = "";
        this.state.gpsWarning = "";
        try {
            let position = {};
            if (locate) {
                this.state.locating = true;
                position = await getPosition();
                this.state.locating = false;
                if (position.error) {
                    this.state.gpsWarning = position.error;
                }
            }
            const data = await rpc(route, {
                ...params,
                ...(locate ? positionParams(position) : {}),
            });
            this.setData(data);
            return true;
        } catch (error) {
            if (
                error instanceof RPCError &&
                error.data?.name?.startsWith("odoo.exceptions.")
            ) {
                this.state.error = error.data.message;
                return false;
            }
            throw error;
        } finally {
            this.state.busy = false;
            this.state.locating = false;
        }
    }

    async clock(action) {
        const done = await this.send("/sales_order_workflow/field/clock", {action});
        // Odoo's attendance systray shows the same day
        this.env.bus.trigger("SOW:ATTENDANCE_CHANGED");
        return done;
    }

    clockIn() {
        return this.clock("in");
    }

    clockOut() {
        return this.clock("out");
    }

    /** The day's figures, on screen and as a PDF (sale.rep.day). */
    openDaySummary() {
        return this.action.doAction("sales_order_workflow.action_sale_rep_day");
    }

    checkIn(visit) {
        return this.send("/sales_order_workflow/visit/check_in", {visit_id: visit.id});
    }

    async startVisit() {
        if (
            await this.send("/sales_order_workflow/visit/check_in", {
                partner_id: this.state.partnerId,
            })
        ) {
            this.state.partnerId = false;
        }
    }

    checkOut() {
        const report = this.state.report;
        return this.send("/sales_order_workflow/visit/check_out", {
            visit_id: this.currentVisit.id,
            outcome: report.outcome || false,
            no_order_reason:
                report.outcome === "no_order" ? report.no_order_reason || false : false,
            note: report.note,
        });
    }

    onPartnerSelected(partnerId) {
        this.state.partnerId = partnerId || false;
    }

    openVisit(visit) {
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: "sale.visit",
            res_id: visit.id,
            views: [[false, "form"]],
            name: visit.name,
        });
    }

    /**
     * One of the visit's own buttons (the visit form has them too): stock
     * inquiry, new quotation, new receipt for the customer being visited.
     */
    async visitAction(visit, method) {
        const action = await this.orm.call("sale.visit", method, [[visit.id]]);
        return this.action.doAction(action);
    }

    get busyLabel() {
        return this.state.locating ? _t("Finding your position…") : _t("Working…");
    }
}

registry.category("actions").add("sales_order_workflow.field_screen", FieldScreen);
