/** @odoo-module **/
// Copyright 2026 Sales Order Workflow contributors
// License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import {_t} from "@web/core/l10n/translation";

/**
 * The phone's position, as the browser gives it.
 *
 * Resolves (never rejects) with {latitude, longitude, accuracy} or, when the
 * browser gives none (no GPS, permission refused, no fix in time, a plain
 * HTTP page), with {error}: the visit is then recorded as "No GPS".
 */
export function getPosition({timeout = 15000} = {}) {
    return new Promise((resolve) => {
        const geolocation = window.navigator.geolocation;
        if (!geolocation) {
            resolve({error: _t("This browser cannot tell where you are.")});
            return;
        }
        geolocation.getCurrentPosition(
            (position) =>
                resolve({
                    latitude: position.coords.latitude,
                    longitude: position.coords.longitude,
                    accuracy: position.coords.accuracy,
                }),
            (error) =>
                resolve({
                    error:
                        error && error.code === 1
                            ? _t("Location access is blocked for this site.")
                            : _t("The phone could not find its position."),
                }),
            {enableHighAccuracy: true, timeout, maximumAge: 0}
        );
    });
}

/** The JSON parameters for a position (false when there is none). */
export function positionParams(position) {
    if (position.error) {
        return {latitude: false, longitude: false, accuracy: false};
    }
    return {
        latitude: position.latitude,
        longitude: position.longitude,
        accuracy: position.accuracy ?? false,
    };
}
