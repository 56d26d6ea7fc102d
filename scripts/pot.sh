#!/usr/bin/env bash
# make pot: regenerate i18n/sales_order_workflow.pot from a database where the
# addon is freshly installed.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"

ensure_postgres
ensure_odoo
ADDONS_PATH=$(addons_path)
DB=sow_pot_$$
trap 'odoo_bin db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null 2>&1 || true' EXIT
TEMPLATE=$(ensure_template_db "$ADDONS_PATH")
odoo_bin db --addons-path="$ADDONS_PATH" duplicate "$TEMPLATE" "$DB" >/dev/null
odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" -i "$ADDON" --stop-after-init \
    --http-port="$(free_port)" --log-level=warn >"$BUILD_DIR/pot-install.log" 2>&1 \
    || { tail -30 "$BUILD_DIR/pot-install.log"; die "install failed"; }
mkdir -p "$REPO_DIR/i18n"
odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" --modules="$ADDON" \
    --i18n-export="$REPO_DIR/i18n/$ADDON.pot" --stop-after-init --log-level=warn \
    --http-port="$(free_port)"
say "wrote i18n/$ADDON.pot ($(grep -c '^msgid' "$REPO_DIR/i18n/$ADDON.pot") strings)"
