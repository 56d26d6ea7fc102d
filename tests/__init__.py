from . import test_security
from . import test_stock_availability
