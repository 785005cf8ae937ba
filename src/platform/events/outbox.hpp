#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::platform::store {
class Session;
}

namespace vigor::platform::events {

// One row of the outbox: something a user's open pages should hear about.
struct Event {
  std::int64_t id = 0;   // the outbox row, in order of writing (the dispatcher's cursor)
  std::string user_id;   // the one user who receives it
  std::int64_t seq = 0;  // the user's own event number, 1, 2, 3...: the SSE event id
  std::string kind;      // e.g. "import.progress"
  std::string payload;   // JSON text
  std::string created_at;
};

// The transactional event outbox (table event_outbox). A service writes an event with Append
// inside the transaction of the change it reports, so a rolled-back change never produces one.
// Every event belongs to one user and gets that user's next number from a counter row whose
// lock is held until commit: a user's numbers are therefore gapless and in commit order, also
// with several writers on PostgreSQL, so "the events after N" (Last-Event-ID) is exact.
//
// Lock order: Append locks the user's counter row. Call it late in the transaction, after the
// change's own rows, so that two transactions of the same user never take the locks in
// opposite orders (a deadlock on PostgreSQL).
//
// Several instances on one PostgreSQL (`notify_instances`): Append also sends NOTIFY on kChannel
// in the writer's transaction, delivered at commit (once per transaction: PostgreSQL folds
// repeats), and every instance's listener wakes its dispatcher, so an event reaches a stream held
// by another instance at once instead of at that dispatcher's next idle read. Not on SQLite.
class EventOutbox {
 public:
  // Rows are kept this long for Last-Event-ID replay, then housekeeping deletes them.
  static constexpr std::chrono::hours kKeep{6};
  static constexpr std::string_view kChannel = "vigor_events";

  explicit EventOutbox(bool notify_instances = false) : notify_instances_(notify_instances) {}

  // Called after each Append, still inside the writer's transaction (not yet committed): the
  // dispatcher uses it to look for the row soon after. Must not block. Set before use.
  void OnAppend(std::function<void()> listener) { on_append_ = std::move(listener); }

  // Inside the caller's transaction; returns the event (with its numbers).
  Event Append(store::Session& session, const std::string& user_id, std::string_view kind,
               std::string_view payload_json);

  // The user's events numbered after `seq`, oldest first, at most `limit`.
  std::vector<Event> After(store::Session& session, const std::string& user_id, std::int64_t seq,
                           int limit);
  // The user's newest event number; 0 when the user never had one.
  std::int64_t LastSeq(store::Session& session, const std::string& user_id);

  // For the dispatcher, across users: rows with id > `after_id`, in id order, at most `limit`.
  std::vector<Event> RowsAfter(store::Session& session, std::int64_t after_id, int limit);
  std::int64_t MaxId(store::Session& session);

  // Housekeeping: deletes at most `limit` rows older than kKeep; returns how many.
  std::int64_t PurgeOld(store::Session& session, std::chrono::system_clock::time_point now,
                        int limit);

 private:
  bool notify_instances_;
  std::function<void()> on_append_;
};

}  // namespace vigor::platform::events
