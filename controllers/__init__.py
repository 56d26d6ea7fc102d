from . import field_screen
from . import portal
