from . import res_company
from . import product_product
from . import res_config_settings
from . import sale_order
from . import sale_order_line
