from . import geo
