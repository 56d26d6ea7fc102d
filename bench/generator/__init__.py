# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The data generator; importing it registers its steps in order."""

from . import core
from . import company
from . import partners
from . import products
from . import sales
from . import stock
from . import field
from . import payments
from . import receipts
from .core import (
    DEFAULT_SEED,
    GENERATOR_VERSION,
    SIZES,
    STEPS,
    Generator,
    step,
    verify_foreign_keys,
)
