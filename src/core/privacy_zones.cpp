#include "core/privacy_zones.hpp"

#include <GeographicLib/Geodesic.hpp>
#include <cmath>

namespace vigor::core {

double GeodesicDistanceM(double lat1, double lon1, double lat2, double lon2) {
  double s12 = 0;
  GeographicLib::Geodesic::WGS84().Inverse(lat1, lon1, lat2, lon2, s12);
  return s12;
}

bool InsideAnyZone(double latitude, double longitude, std::span<const ZoneCircle> zones) {
  for (const auto& zone : zones) {
    if (GeodesicDistanceM(zone.latitude, zone.longitude, latitude, longitude) <= zone.radius_m) {
      return true;
    }
  }
  return false;
}

std::vector<TrackPoint> CutByZones(std::span<const TrackPoint> points,
                                   std::span<const ZoneCircle> zones) {
  std::vector<TrackPoint> kept;
  kept.reserve(points.size());
  for (const auto& p : points) {
    if (p.lat && p.lon) {
      // A position that is not a number cannot be placed outside a zone: it goes too.
      if (!std::isfinite(*p.lat) || !std::isfinite(*p.lon)) continue;
      if (InsideAnyZone(*p.lat, *p.lon, zones)) continue;
    }
    kept.push_back(p);
  }
  return kept;
}

}  // namespace vigor::core
