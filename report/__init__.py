# The order matters: the rep performance view reads the visit view.
from . import sow_report_sql
from . import sale_visit_report
from . import sale_collection_report
from . import sale_rep_performance_report
