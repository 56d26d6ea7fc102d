#!/usr/bin/env bash
# make run: the demo database (created with the addon and its demo data when it
# does not exist), served on http://localhost:$HTTP_PORT (admin / admin).
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"

DB=${DB:-sow_demo}
HTTP_PORT=${HTTP_PORT:-8069}

ensure_postgres
ensure_odoo
ADDONS_PATH=$(addons_path)

if ! db_exists "$DB"; then
    TEMPLATE=$(ensure_template_db "$ADDONS_PATH")
    say "Creating $DB with $ADDON and demo data"
    odoo_bin db --addons-path="$ADDONS_PATH" duplicate "$TEMPLATE" "$DB" >/dev/null
    odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" -i "$ADDON" --stop-after-init \
        --http-port="$(free_port)" --log-level=warn >"$BUILD_DIR/run-install.log" 2>&1 || {
        tail -50 "$BUILD_DIR/run-install.log" >&2
        odoo_bin db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null 2>&1 || true
        die "installing $ADDON into $DB failed"
    }
fi
say "Serving $DB on http://localhost:$HTTP_PORT  (admin / admin; reps ahmad / ahmad, meiling / meiling)"
exec "$PYTHON" -m odoo -d "$DB" --addons-path="$ADDONS_PATH" --http-port="$HTTP_PORT" \
    --db-filter="^$DB\$" ${ODOO_ARGS:-}
