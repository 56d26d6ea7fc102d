# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""accounting_formats is pure Python: its tests import it as a top-level
package, without Odoo, whether pytest runs them alone
(``python3 -m pytest -p no:odoo accounting_formats/tests``) or beside the
addon's Odoo tests (``make test``)."""

import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
if REPO not in sys.path:
    sys.path.insert(0, REPO)

import tempfile  # noqa: E402

from hypothesis import settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

# nothing of hypothesis's (examples, patches) lands in the work tree
set_hypothesis_home_dir(
    os.path.join(tempfile.gettempdir(), "hypothesis-accounting-formats")
)

# no example database in the work tree; no deadline on a 2-core machine
settings.register_profile("accounting_formats", database=None, deadline=None)
settings.load_profile("accounting_formats")
