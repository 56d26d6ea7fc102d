# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The benchmarks; importing a module registers its benchmark. Add new ones
here."""

from . import stock_availability
from . import visit_check_in
from . import collections_posting
from . import exports
from . import reports
