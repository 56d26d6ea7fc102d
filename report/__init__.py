from . import sow_report_sql
from . import sale_visit_report
from . import sale_collection_report
from . import sale_rep_performance_report
