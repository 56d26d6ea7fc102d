from . import accounting_export_wizard
from . import sale_stock_inquiry
from . import sale_stock_inquiry_product
from . import sale_stock_inquiry_line
from . import sale_order_stock_warning
from . import sale_collection_cancel
from . import sale_collection_bounce
from . import sale_collection_handover_receive
