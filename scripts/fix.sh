#!/usr/bin/env bash
# make fix: let ruff and prettier rewrite what they can.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"
NODE_DIR=$BUILD_DIR/lint-node
cd "$REPO_DIR"
"$PYTHON" -m ruff check --fix . || true
"$PYTHON" -m ruff format .
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.xml' '*.js' '*.scss' '*.css')
if [ ${#files[@]} -gt 0 ] && [ -x "$NODE_DIR/node_modules/.bin/prettier" ]; then
    NODE_PATH="$NODE_DIR/node_modules" "$NODE_DIR/node_modules/.bin/prettier" \
        --config prettier.config.cjs --write "${files[@]}"
fi
