from . import sale_stock_inquiry
from . import sale_stock_inquiry_product
from . import sale_stock_inquiry_line
from . import sale_order_stock_warning
