from . import accounting_export_wizard
