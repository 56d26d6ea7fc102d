from . import res_company
from . import res_config_settings
from . import res_partner
from . import hr_attendance
from . import sale_visit
from . import product_product
from . import sale_order
from . import sale_order_line
