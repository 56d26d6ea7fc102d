from . import sale_stock_inquiry
from . import sale_stock_inquiry_product
from . import sale_stock_inquiry_line
from . import sale_order_confirm_review
from . import sale_order_renew
from . import sale_order_cancel
