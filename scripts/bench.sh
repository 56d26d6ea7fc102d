#!/usr/bin/env bash
# make bench [SIZE=S|M|L] [ONLY=stock,...]: a benchmark database per size
# (sow_bench_s, _m, _l), generated once and reused, then every benchmark
# (ours beside Odoo's own way), a table printed and bench/RESULTS.md updated.
# Not part of make test. BENCH_REGENERATE=1 rebuilds the size's database.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"

SIZE=${SIZE:-S}
ONLY=${ONLY:-}
case "$SIZE" in S | M | L) ;; *) die "SIZE must be S, M or L (not '$SIZE')" ;; esac
ensure_postgres
ensure_odoo

ADDONS_PATH=$(addons_path)
DB=sow_bench_$(tr '[:upper:]' '[:lower:]' <<<"$SIZE")
LOG=$BUILD_DIR/bench-$SIZE.log
GENERATOR_VERSION=$(sed -nE 's/^GENERATOR_VERSION = "(.*)"/\1/p' "$REPO_DIR/bench/generator/core.py")

# What the database was built from: the generator's version and the addon's
# code (the benchmarks need the addon as it is now).
addon_hash() {
    (cd "$REPO_DIR" && find __manifest__.py models wizards views security data static report \
        -type f -print0 2>/dev/null | sort -z | xargs -0 md5sum | md5sum | cut -c1-12)
}
param() {
    psql -d "$DB" -Atc "select value from ir_config_parameter where key = '$1'" 2>/dev/null || true
}

if db_exists "$DB"; then
    built=$(param sales_order_workflow.bench | sed -nE 's/.*"version": "([^"]*)".*/\1/p')
    if [ -n "${BENCH_REGENERATE:-}" ] || [ "$built" != "$GENERATOR_VERSION" ]; then
        say "Dropping $DB (generator version '${built:-none}', now '$GENERATOR_VERSION')"
        odoo_bin db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null
    fi
fi

if ! db_exists "$DB"; then
    TEMPLATE=$(ensure_template_db "$ADDONS_PATH")
    say "Creating $DB from $TEMPLATE"
    odoo_bin db --addons-path="$ADDONS_PATH" duplicate "$TEMPLATE" "$DB" >/dev/null
    say "Installing $ADDON into $DB, without its demo data (log: $LOG)"
    # -i would take the demo flag of the dependencies (the template has demo
    # data); marked by hand, the module is installed without its own.
    psql -d "$DB" -qc "update ir_module_module set state = 'to install', demo = false where name = '$ADDON'"
    odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" -u "$ADDON" \
        --stop-after-init --http-port="$(free_port)" --log-level=warn >"$LOG" 2>&1 \
        || { tail -30 "$LOG" >&2; die "could not install $ADDON into $DB"; }
    psql -d "$DB" -qc "insert into ir_config_parameter (key, value) values ('sales_order_workflow.bench_addon', '$(addon_hash)')"
    say "Generating the $SIZE data"
    "$PYTHON" "$REPO_DIR/bench/run.py" generate --db "$DB" --size "$SIZE" \
        --addons-path="$ADDONS_PATH" 2>>"$LOG" \
        || {
            tail -30 "$LOG" >&2
            odoo_bin db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null 2>&1
            die "generation failed (log: $LOG)"
        }
elif [ "$(param sales_order_workflow.bench_addon)" != "$(addon_hash)" ]; then
    say "Updating $ADDON in $DB (its code changed)"
    odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" -u "$ADDON" --stop-after-init \
        --http-port="$(free_port)" --log-level=warn >"$LOG" 2>&1 \
        || { tail -30 "$LOG" >&2; die "could not update $ADDON in $DB"; }
    psql -d "$DB" -qc "update ir_config_parameter set value = '$(addon_hash)' where key = 'sales_order_workflow.bench_addon'"
fi

say "Benchmarks on $DB${ONLY:+ (only $ONLY)}"
"$PYTHON" "$REPO_DIR/bench/run.py" run --db "$DB" --size "$SIZE" --only "$ONLY" \
    --addons-path="$ADDONS_PATH" 2>>"$LOG" || { tail -30 "$LOG" >&2; die "benchmarks failed (log: $LOG)"; }
