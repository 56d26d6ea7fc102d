#!/usr/bin/env bash
# make lint: ruff, pylint-odoo (OCA's mandatory checks) and prettier for XML,
# JS and styles, configured as OCA does for 18.0; tools from PyPI and npm.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
source "$(dirname "$0")/lib.sh"

RUFF_VERSION=0.6.8
PYLINT_ODOO_VERSION=9.1.3
PRETTIER_VERSION=3.3.3
PRETTIER_XML_VERSION=3.4.1

"$PYTHON" -m ruff --version 2>/dev/null | grep -q "$RUFF_VERSION" || pip_install "ruff==$RUFF_VERSION"
"$PYTHON" -c "import pylint_odoo, importlib.metadata as m; assert m.version('pylint-odoo') == '$PYLINT_ODOO_VERSION'" 2>/dev/null \
    || pip_install "pylint-odoo==$PYLINT_ODOO_VERSION"
NODE_DIR=$BUILD_DIR/lint-node
if [ ! -x "$NODE_DIR/node_modules/.bin/prettier" ]; then
    command -v npm >/dev/null || die "npm is needed for prettier (Debian: apt-get install npm)"
    say "Installing prettier $PRETTIER_VERSION"
    mkdir -p "$NODE_DIR"
    npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" \
        "prettier@$PRETTIER_VERSION" "@prettier/plugin-xml@$PRETTIER_XML_VERSION" >/dev/null
fi

cd "$REPO_DIR"
fail=0
say "ruff"
"$PYTHON" -m ruff check --no-fix . || fail=1
"$PYTHON" -m ruff format --check . || fail=1
say "pylint-odoo"
"$PYTHON" -m pylint --rcfile=.pylintrc-mandatory "$(addon_link_dir)/$ADDON" || fail=1
say "prettier"
mapfile -t files < <(git ls-files --cached --others --exclude-standard -- '*.xml' '*.js' '*.scss' '*.css')
if [ ${#files[@]} -gt 0 ]; then
    NODE_PATH="$NODE_DIR/node_modules" "$NODE_DIR/node_modules/.bin/prettier" \
        --config prettier.config.cjs --check "${files[@]}" || fail=1
fi
[ "$fail" = 0 ] || die "lint found problems (above); 'make fix' corrects what can be corrected"
say "lint clean"
