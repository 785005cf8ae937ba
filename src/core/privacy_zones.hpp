#pragma once

#include <span>
#include <vector>

#include "core/track.hpp"

// Privacy zones: circles around places a user names (home, work). Before anyone but the owner
// sees a track, every point inside any of the owner's circles is removed, so that neither the
// start at the front door nor the finish there can be read off the map, the GPX or the
// coordinates. Pure geometry: the zones' centres come opened from the social feature.
namespace vigor::core {

struct ZoneCircle {
  double latitude = 0;   // degrees, WGS84
  double longitude = 0;  // degrees, WGS84
  double radius_m = 0;
};

// Geodesic distance on the WGS84 ellipsoid between two positions, in metres: the same measure
// core/track uses for a track's distance.
double GeodesicDistanceM(double lat1, double lon1, double lat2, double lon2);

// Whether the position lies within (or on the edge of) any of the circles.
bool InsideAnyZone(double latitude, double longitude, std::span<const ZoneCircle> zones);

// The points of a track as others may see them: each point with a position inside any zone
// removed, the rest kept in order and unchanged. A point with no position (an indoor stretch, a
// tunnel) is kept: it says nothing about where the owner was. Without zones, all points stay.
std::vector<TrackPoint> CutByZones(std::span<const TrackPoint> points,
                                   std::span<const ZoneCircle> zones);

}  // namespace vigor::core
