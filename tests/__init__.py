from . import test_security
from . import test_geo
from . import test_sale_visit
from . import test_sale_visit_attendance
from . import test_sale_visit_flags
from . import test_sale_visit_bad_input
from . import test_sale_visit_security
from . import test_sale_visit_performance
