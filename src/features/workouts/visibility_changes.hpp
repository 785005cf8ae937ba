#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>

#include "features/workouts/workout_changes.hpp"
#include "features/workouts/workout_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::workouts {

inline constexpr std::string_view kVisibilityChangeJobKind = "visibility_change";

// "Make all my 2023 runs followers-only": which past items get which visibility.
struct VisibilityChangeRequest {
  std::string kind;                 // "workouts" or "measurements"
  std::string visibility;           // private, followers, public
  std::optional<std::string> from;  // local dates (YYYY-MM-DD), both included
  std::optional<std::string> to;
  std::optional<std::string> sport;  // workouts only
};

// Body entries' part of a bulk change, inside the caller's transaction: gives at most `limit`
// of the user's entries in the days from..to the visibility, returns how many changed (the body
// feature answers; app/build_app.cpp wires it in).
using MeasurementVisibilityBatch = std::function<std::int64_t(
    platform::store::Session&, const std::string& user_id, const std::string& visibility,
    const std::optional<std::string>& from, const std::optional<std::string>& to, int limit)>;

// A bulk change of the visibility of past items, applied in the background (a job of
// kVisibilityChangeJobKind) in bounded batches: each batch is one transaction that gives each
// item a new rev (sync clients hear of it) and reports the workouts' changes to their observers
// (feed, challenges) as replaces. A runner that died resumes where the committed batches left:
// what has the visibility already is not looked at again.
class VisibilityChangeService {
 public:
  static constexpr int kBatch = 200;

  VisibilityChangeService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
                          const WorkoutChangeObservers& changes)
      : database_(database), jobs_(jobs), changes_(changes) {}
  void SetMeasurementBatch(MeasurementVisibilityBatch batch) { measurements_ = std::move(batch); }

  platform::jobs::Job Submit(const platform::auth::Principal& principal,
                             const VisibilityChangeRequest& request);
  platform::jobs::Job Get(const platform::auth::Principal& principal, const std::string& id);
  std::string RunJob(platform::jobs::JobContext& context);

 private:
  platform::store::Database& database_;
  platform::jobs::JobQueue& jobs_;
  const WorkoutChangeObservers& changes_;
  MeasurementVisibilityBatch measurements_;
  WorkoutRepository workouts_;
};

VisibilityChangeRequest DecodeVisibilityChangeRequest(const boost::json::object& body);
boost::json::object EncodeVisibilityChange(const platform::jobs::Job& job);

}  // namespace vigor::features::workouts
