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
    --http-port="$(free_port)" 2>&1 | tee "$BUILD_DIR/pot-export.log"
# A file whose terms cannot be read (an f-string inside _(), say) is skipped
# with an error in the log but no failure: its strings would go missing.
if grep -q "Failed to extract terms" "$BUILD_DIR/pot-export.log"; then
    die "some files' strings could not be extracted (above): fix them and run make pot again"
fi
say "wrote i18n/$ADDON.pot ($(grep -c '^msgid' "$REPO_DIR/i18n/$ADDON.pot") strings)"

# Bring every translation up to the new template: new strings come in
# untranslated, strings gone from the code go (polib comes with Odoo).
"$PYTHON" - "$REPO_DIR/i18n" "$ADDON" <<'PY'
import sys
from pathlib import Path

import polib

folder, addon = Path(sys.argv[1]), sys.argv[2]
pot = polib.pofile(str(folder / f"{addon}.pot"))
for path in sorted(folder.glob("*.po")):
    old = polib.pofile(str(path))
    known = {(e.msgctxt, e.msgid): e.msgstr for e in old if e.msgstr and not e.obsolete}
    new = polib.POFile(wrapwidth=78)
    new.metadata = old.metadata
    new.header = old.header
    missing = 0
    for entry in pot:
        entry = polib.POEntry(
            msgid=entry.msgid,
            msgctxt=entry.msgctxt,
            msgstr=known.get((entry.msgctxt, entry.msgid), ""),
            occurrences=entry.occurrences,
            comment=entry.comment,
            tcomment=entry.tcomment,
            flags=entry.flags,
        )
        missing += not entry.msgstr
        new.append(entry)
    new.save(str(path))
    print(f"{path.name}: {len(pot) - missing} of {len(pot)} translated, {missing} to translate")
PY
