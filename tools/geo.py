# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Plain geometry for captured positions (no Odoo import).

Distances are great-circle distances on a sphere of the Earth's mean radius
(the haversine formula): within 0.5 % of the ellipsoid everywhere, far below
the accuracy of a phone's GPS.
"""

import math

EARTH_RADIUS_M = 6371008.8  # mean radius (IUGG)


def haversine_m(lat1, lon1, lat2, lon2):
    """Distance in metres between two points given in decimal degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = (
        math.sin(dphi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def min_speed_kmh(distance_m, seconds, slack_m=0.0, min_seconds=60.0):
    """The slowest speed (km/h) that covers ``distance_m`` in ``seconds``.

    ``slack_m`` (the two positions' accuracies) is taken off the distance
    first, so that GPS noise alone never looks like travel; the elapsed time
    counts as at least ``min_seconds`` so that two captures a second apart
    do not divide by almost zero.
    """
    travelled = max(0.0, distance_m - max(0.0, slack_m))
    hours = max(seconds, min_seconds) / 3600.0
    return travelled / 1000.0 / hours


def osm_url(latitude, longitude, zoom=18):
    """An OpenStreetMap link with a marker on the point."""
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.7f}&mlon={longitude:.7f}"
        f"#map={zoom}/{latitude:.7f}/{longitude:.7f}"
    )
