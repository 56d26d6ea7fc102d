#!/usr/bin/env bash
# Shared set-up for the make targets: find or install Odoo 18.0, the test
# tools and Chromium, and compute the addons path. Sourced, not run.
# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

set -euo pipefail

PYTHON=${PYTHON:-python3}
ADDON=sales_order_workflow
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Where logs and other run output go (git-ignored).
BUILD_DIR=${BUILD_DIR:-$REPO_DIR/.build}
mkdir -p "$BUILD_DIR"
ODOO_NIGHTLY_URL=${ODOO_NIGHTLY_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

pip_install() {
    # Old sdists that import pkg_resources need setuptools<70 to build.
    local constraints="$BUILD_DIR/build-constraints.txt"
    echo 'setuptools<70' >"$constraints"
    PIP_CONSTRAINT="$constraints" "$PYTHON" -m pip install --quiet \
        --disable-pip-version-check "$@"
}

install_odoo_from() {
    local src=$1
    [ -f "$src/setup.py" ] && [ -d "$src/odoo" ] \
        || die "$src is not an Odoo source tree (no setup.py and odoo/ in it)"
    say "Installing Odoo from $src"
    # python-ldap needs the LDAP headers and only serves auth_ldap.
    grep -v '^python-ldap' "$src/requirements.txt" >"$BUILD_DIR/odoo-requirements.txt"
    pip_install -r "$BUILD_DIR/odoo-requirements.txt"
    # compat mode: a plain path entry, so that OCA addon wheels can be added.
    pip_install --no-deps -e "$src" --config-settings editable_mode=compat
}

ensure_odoo() {
    if ! "$PYTHON" -c "import odoo" 2>/dev/null; then
        if [ -n "${ODOO_SRC:-}" ]; then
            install_odoo_from "$ODOO_SRC"
        elif curl -fsSI --max-time 15 "$ODOO_NIGHTLY_URL" >/dev/null 2>&1; then
            local dest=${ODOO_HOME:-$HOME/.local/src/odoo-18.0}
            say "Downloading Odoo 18.0 nightly into $dest"
            mkdir -p "$dest"
            curl -fsSL "$ODOO_NIGHTLY_URL" | tar -xz -C "$dest" --strip-components=1
            install_odoo_from "$dest"
        else
            die "Odoo 18.0 is not importable by $PYTHON ('import odoo' fails), ODOO_SRC is not set and $ODOO_NIGHTLY_URL cannot be reached. Set ODOO_SRC to an Odoo 18.0 source tree (the folder with setup.py, odoo-bin and odoo/) and run again."
        fi
    fi
    local serie
    serie=$("$PYTHON" -c "import odoo.release as r; print(r.serie)")
    [ "$serie" = "18.0" ] || die "Odoo $serie is installed; this addon needs Odoo 18.0"
}

ensure_python_packages() {
    # "module:pip-name" pairs
    local missing=() pair
    for pair in "$@"; do
        "$PYTHON" -c "import ${pair%%:*}" 2>/dev/null || missing+=("${pair#*:}")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "Installing ${missing[*]}"
        pip_install "${missing[@]}"
    fi
}

ensure_chromium() {
    local exe
    for exe in google-chrome chromium chromium-browser google-chrome-stable; do
        command -v "$exe" >/dev/null && return 0
    done
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        say "Installing chromium (browser tours)"
        DEBIAN_FRONTEND=noninteractive apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        die "No Chromium found: install Debian's 'chromium' package (as root: apt-get install chromium)"
    fi
}

ensure_postgres() {
    psql -d postgres -Atc 'select 1' >/dev/null 2>&1 && return 0
    if command -v pg_ctlcluster >/dev/null && [ "$(id -u)" = 0 ]; then
        say "Starting PostgreSQL"
        pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | tail -1)" main start || true
    fi
    psql -d postgres -Atc 'select 1' >/dev/null 2>&1 \
        || die "PostgreSQL does not answer on the local socket as $(id -un)"
}

# The addon is this repository's root; Odoo finds addons by folder name, so a
# folder outside the repository holds a link named after the addon.
addon_link_dir() {
    local key
    key=$(printf '%s' "$REPO_DIR" | md5sum | cut -c1-10)
    local dir=${SOW_ADDONS_DIR:-$HOME/.cache/sales_order_workflow/addons-$key}
    mkdir -p "$dir"
    ln -sfn "$REPO_DIR" "$dir/$ADDON"
    echo "$dir"
}

# Odoo's own addons folders (and OCA addon wheels installed next to them),
# then this addon's folder.
addons_path() {
    local own
    own=$("$PYTHON" - <<'PY'
import os
import odoo
import odoo.addons

root = os.path.dirname(os.path.dirname(os.path.abspath(odoo.__file__)))
paths = [p for p in odoo.addons.__path__ if os.path.isdir(p)]
extra = os.path.join(root, "addons")
if os.path.isdir(extra) and os.path.isfile(os.path.join(extra, "web", "__manifest__.py")):
    paths.append(extra)
seen = []
for p in paths:
    p = os.path.realpath(p)
    if p not in seen and any(
        os.path.isfile(os.path.join(p, d, "__manifest__.py")) for d in os.listdir(p)
    ):
        seen.append(p)
print(",".join(seen))
PY
)
    echo "$own,$(addon_link_dir)"
}

# The addon's dependencies, read from the manifest.
addon_depends() {
    "$PYTHON" -c "import ast; m = ast.literal_eval(open('$REPO_DIR/__manifest__.py').read()); print(','.join(m['depends']))"
}

odoo_bin() {
    "$PYTHON" -m odoo "$@"
}

free_port() {
    "$PYTHON" -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"
}

db_exists() {
    psql -d postgres -Atc "select 1 from pg_database where datname = '$1'" | grep -q 1
}

# The addon's dependencies (and the Malaysian chart), with demo data, installed
# once into a template database that fresh databases are copied from. Keyed on
# the Odoo version and the dependency list, so it is rebuilt when either changes.
ensure_template_db() {
    local addons_path=$1 depends version template
    depends=$(addon_depends),l10n_my
    version=$("$PYTHON" -c "import odoo.release as r; print(r.version)")
    template=sow_tmpl_$(printf '%s %s' "$version" "$depends" | md5sum | cut -c1-10)
    if ! db_exists "$template"; then
        say "Creating template database $template with $depends"
        odoo_bin -d "$template" --addons-path="$addons_path" -i "$depends" \
            --stop-after-init --http-port="$(free_port)" --log-level=warn \
            >"$BUILD_DIR/template.log" 2>&1 || {
            tail -50 "$BUILD_DIR/template.log" >&2
            odoo_bin db --addons-path="$addons_path" drop "$template" >/dev/null 2>&1 || true
            die "could not create the template database $template"
        }
    fi
    echo "$template"
}
