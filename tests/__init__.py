from . import test_security
from . import test_accounting_connector
from . import test_accounting_export
from . import test_accounting_export_access
