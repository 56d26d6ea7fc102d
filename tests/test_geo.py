# Copyright 2026 Sales Order Workflow contributors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import BaseCase, tagged

from ..tools.geo import EARTH_RADIUS_M, haversine_m, min_speed_kmh, osm_url


@tagged("post_install", "-at_install")
class TestGeo(BaseCase):
    def test_haversine_known_distances(self):
        # one degree along the equator or a meridian: 2 pi R / 360
        degree = 2 * 3.141592653589793 * EARTH_RADIUS_M / 360
        self.assertAlmostEqual(haversine_m(0, 0, 0, 1), degree, places=3)
        self.assertAlmostEqual(haversine_m(0, 0, 1, 0), degree, places=3)
        self.assertAlmostEqual(haversine_m(2.5, 101.0, 3.5, 101.0), degree, places=3)
        # at 60 degrees north a degree of longitude is about half as long
        self.assertAlmostEqual(
            haversine_m(60, 10, 60, 11), degree / 2, delta=degree * 0.001
        )
        # Kuala Lumpur (Petaling Street) to George Town, Penang: about 294.5 km
        self.assertAlmostEqual(
            haversine_m(3.1433, 101.6971, 5.4180, 100.3370) / 1000, 294.5, delta=0.5
        )

    def test_haversine_is_symmetric_and_zero_on_a_point(self):
        self.assertEqual(haversine_m(3.1433, 101.6971, 3.1433, 101.6971), 0.0)
        self.assertAlmostEqual(
            haversine_m(3.1, 101.6, 5.4, 100.3), haversine_m(5.4, 100.3, 3.1, 101.6)
        )
        # antipodes: half the circumference, without a math domain error
        self.assertAlmostEqual(
            haversine_m(0, 0, 0, 180), 3.141592653589793 * EARTH_RADIUS_M, places=3
        )
        # across the antimeridian it is the short way round
        self.assertAlmostEqual(
            haversine_m(0, 179.5, 0, -179.5), haversine_m(0, 0, 0, 1)
        )

    def test_min_speed(self):
        # 60 km in 30 minutes: 120 km/h
        self.assertAlmostEqual(min_speed_kmh(60000, 1800), 120.0)
        # the positions' accuracies are taken off the distance
        self.assertAlmostEqual(min_speed_kmh(60000, 1800, slack_m=30000), 60.0)
        self.assertEqual(min_speed_kmh(100, 1800, slack_m=500), 0.0)
        # a few seconds count as a minute
        self.assertAlmostEqual(min_speed_kmh(1000, 1), 60.0)
        self.assertAlmostEqual(min_speed_kmh(1000, 0), 60.0)

    def test_osm_url(self):
        self.assertEqual(
            osm_url(3.1433, 101.6971),
            "https://www.openstreetmap.org/?mlat=3.1433000&mlon=101.6971000"
            "#map=18/3.1433000/101.6971000",
        )
        self.assertIn(
            "mlat=-33.8567844&mlon=151.2152967", osm_url(-33.8567844, 151.2152967)
        )
