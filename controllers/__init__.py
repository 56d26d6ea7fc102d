from . import field_screen
