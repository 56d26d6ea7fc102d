from . import test_security
from . import test_stock_availability
from . import test_stock_inquiry
from . import test_stock_confirm_policy
from . import test_stock_inquiry_tour
from . import test_bench_generator
