#include "platform/events/outbox.hpp"

#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::platform::events {

using store::Row;
using store::Session;
using store::Statement;

namespace {

// The UPSERT's row lock on event_sequences is what orders a user's events (see the header).
constexpr Statement kNextSeq{
    "event_sequences.next",
    "INSERT INTO event_sequences (user_id, seq) VALUES ($1, 1) ON CONFLICT (user_id) "
    "DO UPDATE SET seq = event_sequences.seq + 1 RETURNING seq"};
constexpr Statement kLastSeq{"event_sequences.last",
                             "SELECT seq FROM event_sequences WHERE user_id = $1"};
constexpr Statement kInsert{"event_outbox.insert",
                            "INSERT INTO event_outbox (user_id, seq, kind, payload, created_at) "
                            "VALUES ($1, $2, $3, $4, $5) RETURNING id"};
// PostgreSQL only (see the header); the payload says nothing: the dispatcher reads the outbox.
constexpr Statement kNotify{"event_outbox.notify", "SELECT pg_notify('vigor_events', '') AS sent"};
constexpr Statement kAfter{"event_outbox.after",
                           "SELECT id, user_id, seq, kind, payload, created_at FROM event_outbox "
                           "WHERE user_id = $1 AND seq > $2 ORDER BY seq LIMIT $3"};
constexpr Statement kRowsAfter{
    "event_outbox.rows_after",
    "SELECT id, user_id, seq, kind, payload, created_at FROM event_outbox "
    "WHERE id > $1 ORDER BY id LIMIT $2"};
constexpr Statement kMaxId{"event_outbox.max_id",
                           "SELECT COALESCE(MAX(id), 0) AS id FROM event_outbox"};
constexpr Statement kDeleteOld{
    "event_outbox.delete_old",
    "DELETE FROM event_outbox WHERE id IN "
    "(SELECT id FROM event_outbox WHERE created_at < $1 ORDER BY created_at LIMIT $2)"};

Event EventFromRow(const Row& r) {
  return Event{.id = r.Int("id"),
               .user_id = r.Text("user_id"),
               .seq = r.Int("seq"),
               .kind = r.Text("kind"),
               .payload = r.Text("payload"),
               .created_at = r.Text("created_at")};
}

std::vector<Event> EventsFromRows(const std::vector<Row>& rows) {
  std::vector<Event> events;
  events.reserve(rows.size());
  for (const auto& r : rows) events.push_back(EventFromRow(r));
  return events;
}

}  // namespace

Event EventOutbox::Append(Session& session, const std::string& user_id, std::string_view kind,
                          std::string_view payload_json) {
  Event event{.user_id = user_id,
              .kind = std::string(kind),
              .payload = std::string(payload_json),
              .created_at = NowRfc3339()};
  event.seq = session.QueryOne(kNextSeq, user_id)->Int("seq");
  event.id = session.QueryOne(kInsert, user_id, event.seq, kind, payload_json, event.created_at)
                 ->Int("id");
  if (notify_instances_) session.Query(kNotify);
  if (on_append_) on_append_();
  return event;
}

std::vector<Event> EventOutbox::After(Session& session, const std::string& user_id,
                                      std::int64_t seq, int limit) {
  return EventsFromRows(session.Query(kAfter, user_id, seq, limit));
}

std::int64_t EventOutbox::LastSeq(Session& session, const std::string& user_id) {
  auto row = session.QueryOne(kLastSeq, user_id);
  return row ? row->Int("seq") : 0;
}

std::vector<Event> EventOutbox::RowsAfter(Session& session, std::int64_t after_id, int limit) {
  return EventsFromRows(session.Query(kRowsAfter, after_id, limit));
}

std::int64_t EventOutbox::MaxId(Session& session) { return session.QueryOne(kMaxId)->Int("id"); }

std::int64_t EventOutbox::PurgeOld(Session& session, std::chrono::system_clock::time_point now,
                                   int limit) {
  return session.Execute(kDeleteOld, FormatRfc3339(now - kKeep), limit);
}

}  // namespace vigor::platform::events
