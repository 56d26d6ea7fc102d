# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The benchmarks; importing a module registers its benchmark. Add new ones
here (visit check-in, collection posting, report grouping, exports)."""

from . import stock_availability
from . import reports
