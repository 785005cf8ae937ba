#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/goals/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::goals {

// The SQL of goals and their history. Every method takes the owner. `rev` is the user's change
// sequence (store/revisions.hpp), as for workouts and routines; a deleted goal leaves a tombstone.
class GoalRepository {
 public:
  using Session = platform::store::Session;

  // A goal's row as stored, live or deleted (what a retry with the client's id compares).
  struct Head {
    std::string id;
    std::string input_hash;
    bool deleted = false;
  };

  // Inserts `goal` (spec, start_date, created_at) with the next rev; returns the rev.
  std::int64_t Insert(Session& s, const std::string& user_id, const Goal& goal,
                      const std::string& input_hash,
                      const std::optional<std::string>& idempotency_key);
  // Writes the spec over the user's live goal of that id with the next rev; nullopt when none.
  // A changed goal starts its periods afresh: reached_at and the history mark are cleared.
  std::optional<std::int64_t> Replace(Session& s, const std::string& user_id, const Goal& goal,
                                      const std::string& input_hash);
  // Leaves a tombstone and deletes the history; false when there is no live goal of that id.
  bool Tombstone(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& now);

  // Locks the goal's row until the transaction ends (If-Match reads the real current rev).
  void LockForChange(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Goal> Find(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindHead(Session& s, const std::string& user_id, const std::string& id);
  std::optional<Head> FindByIdempotencyKey(Session& s, const std::string& user_id,
                                           const std::string& key);
  // Live goals, archived or not, oldest first.
  std::vector<Goal> List(Session& s, const std::string& user_id, bool archived);

  // Records that the goal's target was reached in the period starting `period_start`.
  void MarkReached(Session& s, const std::string& user_id, const std::string& id,
                   const std::string& period_start, const std::string& reached_at);

  // History: adds finished periods (one already there is kept), moves the goal's mark to
  // `next_end` (the last day of the period now running) and keeps only the newest kHistoryKept.
  void AddHistory(Session& s, const std::string& user_id, const std::string& goal_id,
                  const std::vector<HistoryEntry>& entries, const std::string& next_end);
  // Newest first, at most kHistoryKept.
  std::vector<HistoryEntry> History(Session& s, const std::string& user_id,
                                    const std::string& goal_id);
  // Live recurring goals with a finished period not yet in their history (housekeeping): those
  // whose mark is before `before` (a UTC day; zones differ by a day at most), at most `limit`
  // (user, goal) pairs.
  std::vector<std::pair<std::string, std::string>> WithHistoryDue(Session& s,
                                                                  const std::string& before,
                                                                  int limit);
};

}  // namespace vigor::features::goals
