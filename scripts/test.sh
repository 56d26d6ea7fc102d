#!/usr/bin/env bash
# make test: a fresh database, the addon installed (its install log must be
# clean), every test through Odoo's runner and through pytest-odoo, an
# uninstall check, then the database is dropped.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"

ensure_postgres
ensure_odoo
pip_install -r "$REPO_DIR/requirements-test.txt"
ensure_chromium

ADDONS_PATH=$(addons_path)
LINK_DIR=$(addon_link_dir)
DB=${TEST_DB:-sow_test_$$}
PORT=$(free_port)
LOG=$BUILD_DIR/test-odoo.log

cleanup() {
    if [ -z "${KEEP_DB:-}" ]; then
        odoo_bin db --addons-path="$ADDONS_PATH" drop "$DB" >/dev/null 2>&1 || true
    else
        say "Kept database $DB"
    fi
}
trap cleanup EXIT

# Odoo's log lines: "date time pid LEVEL db logger: message"
bad_lines() {
    grep -E '^[0-9-]+ [0-9:,]+ [0-9]+ (WARNING|ERROR|CRITICAL) ' "$1" \
        | grep -E "(WARNING|ERROR|CRITICAL) [^ ]+ odoo\.addons\.$ADDON|$ADDON|(ERROR|CRITICAL) " || true
}

# 1. A fresh database, copied from the template that holds the dependencies.
TEMPLATE=$(ensure_template_db "$ADDONS_PATH")
say "Creating $DB from $TEMPLATE"
odoo_bin db --addons-path="$ADDONS_PATH" duplicate "$TEMPLATE" "$DB" >/dev/null

# 2. Install the addon (with its demo data) and run every test with Odoo's runner.
say "Installing $ADDON into $DB and running its tests (Odoo's runner); log: $LOG"
set +e
odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" -i "$ADDON" --test-tags="/$ADDON" \
    --stop-after-init --http-port="$PORT" --log-level=test 2>&1 | tee "$LOG" \
    | grep -E --line-buffered "(WARNING|ERROR|CRITICAL|FAIL|odoo.tests.result|Starting |Ran )" 
rc=${PIPESTATUS[0]}
set -e
bad=$(bad_lines "$LOG")
if [ -n "$bad" ]; then
    printf '%s\n' "$bad" >&2
    die "the install/test log has warnings or errors from $ADDON (above)"
fi
[ "$rc" = 0 ] || die "Odoo's test runner failed (exit code $rc)"
summary=$(grep -E 'odoo.tests.result: [0-9]+ failed, [0-9]+ error\(s\) of [0-9]+ tests' "$LOG" | tail -1)
ran=$(sed -E 's/.* of ([0-9]+) tests.*/\1/' <<<"$summary")
[ -n "$ran" ] && [ "$ran" -gt 0 ] || die "Odoo's runner ran no test"
say "Odoo's runner: $ran tests, ${summary#*result: }"

# 3. The same tests through pytest-odoo, whose closing line says "N passed",
#    with the pure-Python tests of accounting_formats (no Odoo in them).
say "Running the tests with pytest-odoo"
PYLOG=$BUILD_DIR/test-pytest.log
set +e
(cd "$LINK_DIR" && "$PYTHON" -m pytest --odoo-database="$DB" --odoo-addons-path="$ADDONS_PATH" \
    --odoo-http --odoo-log-level=warn -p no:cacheprovider -rs -q "$ADDON/tests" \
    "$ADDON/accounting_formats/tests") 2>&1 | tee "$PYLOG"
rc=${PIPESTATUS[0]}
set -e
[ "$rc" = 0 ] || die "pytest failed (exit code $rc)"
last=$(tail -1 "$PYLOG")
grep -qE '[0-9]+ passed' <<<"$last" || die "pytest ran no test"
! grep -qE 'skipped' <<<"$last" || die "tests were skipped (a missing browser or package?): $last"

# 4. Uninstalling leaves Odoo working.
say "Uninstalling $ADDON from $DB"
odoo_bin shell -d "$DB" --addons-path="$ADDONS_PATH" --no-http --log-level=warn \
    <"$REPO_DIR/scripts/uninstall_check.py" >"$BUILD_DIR/uninstall.log" 2>&1 \
    || { cat "$BUILD_DIR/uninstall.log"; die "uninstall check failed"; }
grep -q "UNINSTALL OK" "$BUILD_DIR/uninstall.log" || { cat "$BUILD_DIR/uninstall.log"; die "uninstall check failed"; }
odoo_bin -d "$DB" --addons-path="$ADDONS_PATH" --stop-after-init --http-port="$PORT" \
    --log-level=warn >"$BUILD_DIR/after-uninstall.log" 2>&1 || die "Odoo does not start after the uninstall"
say "Uninstalled cleanly; Odoo starts and works without it"
say "$last"
