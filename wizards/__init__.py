from . import sale_collection_cancel
from . import sale_collection_bounce
from . import sale_collection_handover_receive
