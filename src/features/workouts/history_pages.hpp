#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "features/workouts/workout_service.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"
#include "platform/store/revision_cache.hpp"

namespace vigor::features::workouts {

// GET /api/v1/workouts's answers, kept per user and query under the user's rev (issue 16). The
// history is read far more often than it changes (the web app reads its first page on every
// visit, a phone after each sync), and composing a page of 20 cost ~300 us of CPU: rows, names,
// JSON, the ETag's hash. Checking the rev costs one statement, in the snapshot a page would be
// read in, so a kept page is never served for a newer state, on any instance: every write of a
// user's workouts and custom exercises (whose names the page shows) moves their rev
// (store/revisions.hpp), wherever it ran. The exercise catalogue's names change only with an
// upgrade, which restarts the process.
class HistoryPages {
 public:
  // About 3,800 first pages of 20 (~8.5 kB each); pages of 100 weigh five times that.
  static constexpr std::size_t kCacheBytes = std::size_t{32} << 20;
  static constexpr std::chrono::minutes kCacheMaxAge{5};

  struct Page {
    std::string body;  // EncodeWorkoutPage's JSON
    std::string etag;  // http::RepresentationETag of the reader and body
    std::size_t bytes() const { return body.size() + etag.size(); }
  };

  HistoryPages(platform::store::Database& database, WorkoutService& workouts)
      : database_(database), workouts_(workouts), cache_(kCacheBytes, kCacheMaxAge) {}

  // WorkoutService::List's page as its answer, from memory while nothing on it changed.
  std::shared_ptr<const Page> Read(const platform::auth::Principal& principal,
                                   const WorkoutFilter& filter, const std::string& cursor,
                                   int limit);

  const platform::store::RevisionCache<Page>& cache() const { return cache_; }

 private:
  platform::store::Database& database_;
  WorkoutService& workouts_;
  platform::store::RevisionCache<Page> cache_;
};

}  // namespace vigor::features::workouts
