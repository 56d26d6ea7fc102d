# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Entry point of ``make bench`` (scripts/bench.sh): sets Odoo up for the
benchmark database, then hands over to bench/cli.py."""

import argparse
import importlib
import sys


def main():
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db", required=True)
    parser.add_argument("--addons-path", required=True)
    known, _rest = parser.parse_known_args()

    import odoo

    odoo.tools.config.parse_config(
        ["-d", known.db, f"--addons-path={known.addons_path}", "--log-level=warn"]
    )
    odoo.modules.module.initialize_sys_path()
    # the addon is found through the addons path, as Odoo finds it, not as a
    # package next to this script
    cli = importlib.import_module("odoo.addons.sales_order_workflow.bench.cli")
    cli.main(sys.argv[1:])


if __name__ == "__main__":
    main()
