#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/body/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::body {

// The SQL of body measurements: one row per user, kind and day. Every method takes the owner.
class MeasurementRepository {
 public:
  using Session = platform::store::Session;

  // `rev` is the user's change sequence in measurements, as for workouts.

  // Records `m` for its kind and day, replacing (and keeping the id of) the value already there,
  // or bringing a deleted one back. Returns what is stored now.
  Measurement Upsert(Session& s, const std::string& user_id, const Measurement& m);
  // Live values of one kind, oldest day first.
  std::vector<Measurement> List(Session& s, const std::string& user_id,
                                const MeasurementFilter& filter);
  // The kinds with live values, by name: each with the latest day's unit and value and the
  // number of live values. One statement, however many kinds.
  std::vector<MeasurementKindSummary> Kinds(Session& s, const std::string& user_id);
  // Leaves a tombstone; false when the user has no live measurement of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);
  // The live value of a kind on the latest day before `day` (what goals start a period from).
  std::optional<Measurement> LatestBefore(Session& s, const std::string& user_id,
                                          const std::string& kind, const std::string& day);
};

}  // namespace vigor::features::body
