# Sales Order Workflow: every target does its own set-up (Odoo 18.0, test
# tools, Chromium) when something is missing. See README.md.
SHELL := /bin/bash
SIZE ?= S
ONLY ?=

.PHONY: run test lint fix bench pot help

help:
	@echo "make run    demo database sow_demo served on http://localhost:8069 (admin / admin)"
	@echo "make test   fresh database, install, every test (Odoo's runner and pytest-odoo)"
	@echo "make lint   ruff, pylint-odoo, prettier"
	@echo "make fix    let ruff and prettier rewrite what they can"
	@echo "make pot    regenerate i18n/sales_order_workflow.pot"
	@echo "make bench  benchmarks, ours beside Odoo's own (SIZE=S|M|L, ONLY=stock,...)"

run:
	@scripts/run.sh

test:
	@scripts/test.sh

lint:
	@scripts/lint.sh

fix:
	@scripts/fix.sh

pot:
	@scripts/pot.sh

bench:
	@SIZE=$(SIZE) ONLY=$(ONLY) scripts/bench.sh
