#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/gpx.hpp"
#include "core/track.hpp"
#include "features/imports/track_codec.hpp"

namespace vigor::fuzz {

[[noreturn]] inline void Fail(const char* what) {
  std::fprintf(stderr, "%s\n", what);
  std::abort();
}

// What an import does with a track that parsed (import_service.cpp): its figures, its stored
// form. Also the documented round trips: the stored form decodes to as many points with the same
// values present, and the GPX export of a track reads back with every positioned point.
inline void CheckParsedTrack(const core::Track& track) {
  core::ComputeStats(track);
  core::ComputeStats(track, {.stop_speed_mps = 0, .elevation_smoothing_m = 0, .split_m = 1});

  auto decoded =
      features::imports::DecodeTrackPoints(features::imports::EncodeTrackPoints(track.points));
  if (!decoded || decoded->size() != track.points.size()) {
    Fail("the stored form of the track does not decode to its points");
  }
  for (std::size_t i = 0; i < track.points.size(); ++i) {
    const auto &a = track.points[i], &b = (*decoded)[i];
    if (a.lat.has_value() != b.lat.has_value() || a.lon.has_value() != b.lon.has_value() ||
        a.elevation_m.has_value() != b.elevation_m.has_value() ||
        a.heart_rate.has_value() != b.heart_rate.has_value() ||
        a.cadence.has_value() != b.cadence.has_value() ||
        a.power_w.has_value() != b.power_w.has_value() ||
        a.distance_m.has_value() != b.distance_m.has_value()) {
      Fail("the stored form of the track loses or invents values");
    }
  }

  std::size_t positioned = 0;
  for (const auto& p : track.points) positioned += p.lat && p.lon ? 1 : 0;
  if (positioned == 0) return;
  std::string gpx = core::WriteGpx(track, "fuzz");
  try {
    auto again = core::ParseGpx(gpx);
    if (again.points.size() != positioned) Fail("the GPX export reads back with other points");
  } catch (const core::TrackParseError& e) {
    std::fprintf(stderr, "the GPX export does not read back: %s\n%s\n", e.what(), gpx.c_str());
    std::abort();
  }
}

}  // namespace vigor::fuzz
