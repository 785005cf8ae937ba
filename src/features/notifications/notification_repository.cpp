#include "features/notifications/notification_repository.hpp"

#include "features/social/privacy_sql.hpp"

namespace vigor::features::notifications {

using platform::store::Row;
using platform::store::Statement;

namespace {

#define VIGOR_NOTIFICATION_COLUMNS                                               \
  "n.id, n.kind, n.actor_id, n.subject_kind, n.subject_owner_id, n.subject_id, " \
  "n.excerpt, n.created_at, n.read_at"

constexpr Statement kGate{
    "notifications.gate",
    "SELECT COALESCE((SELECT k.in_app FROM notification_kind_settings k WHERE k.user_id = $1 "
    "AND k.kind = $2), 1) AS in_app, "
    "CASE WHEN EXISTS (SELECT 1 FROM blocks b WHERE (b.user_id = $1 AND b.blocked_id = $3) OR "
    "(b.user_id = $3 AND b.blocked_id = $1)) THEN 1 ELSE 0 END AS blocked, "
    "CASE WHEN EXISTS (SELECT 1 FROM mutes m WHERE m.user_id = $1 AND m.muted_id = $3) "
    "THEN 1 ELSE 0 END AS muted"};

constexpr Statement kRecentSame{
    "notifications.recent_same",
    "SELECT 1 AS found FROM notifications WHERE user_id = $1 AND kind = $2 AND actor_id = $3 "
    "AND subject_kind = $4 AND subject_id = $5 AND read_at IS NULL AND created_at >= $6 "
    "LIMIT 1"};

constexpr Statement kInsert{
    "notifications.insert",
    "INSERT INTO notifications (id, user_id, kind, actor_id, subject_kind, subject_owner_id, "
    "subject_id, excerpt, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"};

constexpr Statement kFirstPage{
    "notifications.first_page",
    "SELECT " VIGOR_NOTIFICATION_COLUMNS
    " FROM notifications n WHERE n.user_id = $1 AND " VIGOR_PRIVACY_NOT_BLOCKED(
        "$1", "n.actor_id") " ORDER BY n.id DESC LIMIT $2"};

constexpr Statement kNextPage{
    "notifications.next_page",
    "SELECT " VIGOR_NOTIFICATION_COLUMNS
    " FROM notifications n WHERE n.user_id = $1 AND n.id < $3 AND " VIGOR_PRIVACY_NOT_BLOCKED(
        "$1", "n.actor_id") " ORDER BY n.id DESC LIMIT $2"};

constexpr Statement kUnreadCount{
    "notifications.unread_count",
    "SELECT COUNT(*) AS unread FROM notifications n WHERE n.user_id = $1 AND n.read_at IS NULL "
    "AND " VIGOR_PRIVACY_NOT_BLOCKED("$1", "n.actor_id")};

constexpr Statement kMarkRead{"notifications.mark_read",
                              "UPDATE notifications SET read_at = $3 WHERE user_id = $1 AND id = "
                              "$2 AND read_at IS NULL"};

constexpr Statement kMarkAllRead{
    "notifications.mark_all_read",
    "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL"};

constexpr Statement kPurgeRead{
    "notifications.purge_read",
    "DELETE FROM notifications WHERE id IN (SELECT id FROM notifications WHERE read_at IS NOT "
    "NULL AND created_at < $1 LIMIT $2)"};

constexpr Statement kKindSettings{
    "notifications.kind_settings",
    "SELECT kind, in_app, in_digest FROM notification_kind_settings WHERE user_id = $1"};

constexpr Statement kSaveKindSetting{
    "notifications.save_kind_setting",
    "INSERT INTO notification_kind_settings (user_id, kind, in_app, in_digest) VALUES ($1, $2, "
    "$3, $4) ON CONFLICT (user_id, kind) DO UPDATE SET in_app = excluded.in_app, in_digest = "
    "excluded.in_digest"};

constexpr Statement kDigest{
    "notifications.digest",
    "SELECT enabled, local_hour FROM notification_digests WHERE user_id = $1"};

constexpr Statement kSaveDigest{
    "notifications.save_digest",
    "INSERT INTO notification_digests (user_id, enabled, local_hour, next_due_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET enabled = excluded.enabled, "
    "local_hour = excluded.local_hour, next_due_at = excluded.next_due_at, updated_at = "
    "excluded.updated_at"};

constexpr Statement kClaimDue{
    "notifications.claim_due_digests",
    "SELECT user_id, local_hour, covered_through_id FROM notification_digests WHERE enabled = 1 "
    "AND next_due_at IS NOT NULL AND next_due_at <= $1 ORDER BY next_due_at LIMIT $2",
    // Several instances may run housekeeping at once: each takes the rows no other holds.
    "SELECT user_id, local_hour, covered_through_id FROM notification_digests WHERE enabled = 1 "
    "AND next_due_at IS NOT NULL AND next_due_at <= $1 ORDER BY next_due_at LIMIT $2 "
    "FOR UPDATE SKIP LOCKED"};

constexpr Statement kForDigest{
    "notifications.for_digest",
    "SELECT " VIGOR_NOTIFICATION_COLUMNS
    " FROM notifications n WHERE n.user_id = $1 AND n.read_at IS NULL AND n.id > $2 AND NOT "
    "EXISTS (SELECT 1 FROM notification_kind_settings k WHERE k.user_id = n.user_id AND k.kind "
    "= n.kind AND k.in_digest = 0) AND " VIGOR_PRIVACY_NOT_BLOCKED(
        "$1", "n.actor_id") " ORDER BY n.id LIMIT $3"};

constexpr Statement kDigestSent{
    "notifications.digest_sent",
    "UPDATE notification_digests SET next_due_at = $2, covered_through_id = $3, last_sent_at = "
    "$4, updated_at = $4 WHERE user_id = $1"};

#undef VIGOR_NOTIFICATION_COLUMNS

StoredNotification NotificationOf(const Row& row) {
  return {.id = row.Text("id"),
          .kind = row.Text("kind"),
          .actor_id = row.OptText("actor_id"),
          .subject_kind = row.OptText("subject_kind"),
          .subject_owner_id = row.OptText("subject_owner_id"),
          .subject_id = row.OptText("subject_id"),
          .excerpt = row.Text("excerpt"),
          .created_at = row.Text("created_at"),
          .read_at = row.OptText("read_at")};
}

std::vector<StoredNotification> NotificationsOf(const std::vector<Row>& rows) {
  std::vector<StoredNotification> out;
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(NotificationOf(row));
  return out;
}

}  // namespace

DeliveryGate NotificationRepository::Gate(Session& s, const std::string& recipient_id,
                                          const std::string& kind,
                                          const std::optional<std::string>& actor_id) {
  auto row = s.QueryOne(kGate, recipient_id, kind, actor_id);
  if (!row) return {};
  return {
      .in_app = row->Bool("in_app"), .blocked = row->Bool("blocked"), .muted = row->Bool("muted")};
}

bool NotificationRepository::HasRecentSame(Session& s, const std::string& recipient_id,
                                           const std::string& kind, const std::string& actor_id,
                                           const std::string& subject_kind,
                                           const std::string& subject_id,
                                           const std::string& since) {
  return s.QueryOne(kRecentSame, recipient_id, kind, actor_id, subject_kind, subject_id, since)
      .has_value();
}

void NotificationRepository::Insert(Session& s, const std::string& recipient_id,
                                    const StoredNotification& n) {
  s.Execute(kInsert, n.id, recipient_id, n.kind, n.actor_id, n.subject_kind, n.subject_owner_id,
            n.subject_id, n.excerpt, n.created_at);
}

std::vector<StoredNotification> NotificationRepository::Page(
    Session& s, const std::string& recipient_id, const std::optional<std::string>& before_id,
    int limit) {
  if (before_id) return NotificationsOf(s.Query(kNextPage, recipient_id, limit, *before_id));
  return NotificationsOf(s.Query(kFirstPage, recipient_id, limit));
}

std::int64_t NotificationRepository::UnreadCount(Session& s, const std::string& recipient_id) {
  auto row = s.QueryOne(kUnreadCount, recipient_id);
  return row ? row->Int("unread") : 0;
}

std::int64_t NotificationRepository::MarkRead(Session& s, const std::string& recipient_id,
                                              const std::string& id, const std::string& now) {
  return s.Execute(kMarkRead, recipient_id, id, now);
}

std::int64_t NotificationRepository::MarkAllRead(Session& s, const std::string& recipient_id,
                                                 const std::string& now) {
  return s.Execute(kMarkAllRead, recipient_id, now);
}

std::int64_t NotificationRepository::PurgeRead(Session& s, const std::string& cutoff, int limit) {
  return s.Execute(kPurgeRead, cutoff, limit);
}

std::vector<std::pair<std::string, KindSetting>> NotificationRepository::KindSettings(
    Session& s, const std::string& user_id) {
  std::vector<std::pair<std::string, KindSetting>> out;
  for (const auto& row : s.Query(kKindSettings, user_id)) {
    out.emplace_back(row.Text("kind"),
                     KindSetting{.in_app = row.Bool("in_app"), .in_digest = row.Bool("in_digest")});
  }
  return out;
}

void NotificationRepository::SaveKindSetting(Session& s, const std::string& user_id,
                                             const std::string& kind, const KindSetting& setting) {
  s.Execute(kSaveKindSetting, user_id, kind, setting.in_app, setting.in_digest);
}

std::optional<DigestRow> NotificationRepository::Digest(Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kDigest, user_id);
  if (!row) return std::nullopt;
  return DigestRow{.enabled = row->Bool("enabled"),
                   .local_hour = static_cast<int>(row->Int("local_hour"))};
}

void NotificationRepository::SaveDigest(Session& s, const std::string& user_id,
                                        const DigestRow& row,
                                        const std::optional<std::string>& next_due_at,
                                        const std::string& now) {
  s.Execute(kSaveDigest, user_id, row.enabled, row.local_hour, next_due_at, now);
}

std::vector<DueDigest> NotificationRepository::ClaimDue(Session& s, const std::string& now,
                                                        int limit) {
  std::vector<DueDigest> out;
  for (const auto& row : s.Query(kClaimDue, now, limit)) {
    out.push_back({.user_id = row.Text("user_id"),
                   .local_hour = static_cast<int>(row.Int("local_hour")),
                   .covered_through_id = row.OptText("covered_through_id")});
  }
  return out;
}

std::vector<StoredNotification> NotificationRepository::ForDigest(Session& s,
                                                                  const std::string& user_id,
                                                                  const std::string& after_id,
                                                                  int limit) {
  return NotificationsOf(s.Query(kForDigest, user_id, after_id, limit));
}

void NotificationRepository::DigestSent(Session& s, const std::string& user_id,
                                        const std::string& next_due_at,
                                        const std::optional<std::string>& covered_through_id,
                                        const std::string& now) {
  s.Execute(kDigestSent, user_id, next_due_at, covered_through_id, now);
}

}  // namespace vigor::features::notifications
