from . import res_company
from . import res_config_settings
from . import res_partner
from . import account_payment
from . import sale_collection
from . import sale_collection_line
from . import sale_collection_handover
from . import sale_collection_handover_denomination
