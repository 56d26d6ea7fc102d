# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Benchmarks: a seeded data generator and a harness that runs our way and
Odoo's own way of the same job side by side. Not imported by the addon; see
README.md."""
