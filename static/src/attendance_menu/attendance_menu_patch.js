/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {ActivityMenu} from "@hr_attendance/components/attendance_menu/attendance_menu";
import {patch} from "@web/core/utils/patch";
import {useBus} from "@web/core/utils/hooks";

/**
 * Odoo's attendance systray and My Day show the same day: each tells the
 * other when it changed (bus events SOW:ATTENDANCE_CHANGED, from My Day, and
 * SOW:ATTENDANCE_STATE, from the systray with its new state).
 */
patch(ActivityMenu.prototype, {
    setup() {
        super.setup(...arguments);
        useBus(this.env.bus, "SOW:ATTENDANCE_CHANGED", () => this.searchReadEmployee());
    },

    async searchReadEmployee() {
        await super.searchReadEmployee(...arguments);
        this.env.bus.trigger("SOW:ATTENDANCE_STATE", {checkedIn: this.state.checkedIn});
    },
});
