from . import test_security
from . import test_accounting_connector
