#include "features/notifications/notification_service.hpp"

#include <algorithm>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <stdexcept>

#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::notifications {

using platform::Error;
using platform::ErrorKind;

namespace {

std::int64_t MsOf(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::int64_t NowMs() { return MsOf(std::chrono::system_clock::now()); }

// A short single line: control characters become spaces, cut at a character boundary.
std::string ExcerptOf(const std::string& text, std::size_t max_bytes) {
  std::string out;
  out.reserve(std::min(text.size(), max_bytes));
  for (unsigned char c : text) out.push_back(c < 0x20 || c == 0x7f ? ' ' : static_cast<char>(c));
  if (out.size() > max_bytes) {
    std::size_t cut = max_bytes;
    // Back to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "…";
  }
  return out;
}

std::string CountPayload(std::int64_t unread) {
  return boost::json::serialize(boost::json::object{{"unread_count", unread}});
}

}  // namespace

bool IsKind(std::string_view kind) {
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

NotificationService::NotificationService(platform::store::Database& database,
                                         platform::events::EventOutbox& outbox,
                                         platform::mail::MailQueue& mail, DigestMails mails)
    : database_(database), outbox_(outbox), mail_(mail), mails_(std::move(mails)) {}

void NotificationService::Notify(Session& s, const Notification& n) {
  // A kind outside the closed set is a bug of the calling feature: fail its tests loudly.
  if (!IsKind(n.kind)) throw std::invalid_argument("unknown notification kind: " + n.kind);
  if (n.actor_id && *n.actor_id == n.recipient_id) return;  // nobody hears about themselves
  auto gate = repo_.Gate(s, n.recipient_id, n.kind, n.actor_id);
  if (!gate.in_app || gate.blocked || gate.muted) return;
  auto now_ms = NowMs();
  if (n.kind == "kudos" && n.actor_id && n.subject_kind && n.subject_id) {
    auto since = platform::FormatUtcMs(
        now_ms - std::chrono::duration_cast<std::chrono::milliseconds>(kCoalesce).count());
    if (repo_.HasRecentSame(s, n.recipient_id, n.kind, *n.actor_id, *n.subject_kind, *n.subject_id,
                            since)) {
      return;
    }
  }
  StoredNotification stored{.id = platform::NewId(),
                            .kind = n.kind,
                            .actor_id = n.actor_id,
                            .subject_kind = n.subject_kind,
                            .subject_owner_id = n.subject_owner_id,
                            .subject_id = n.subject_id,
                            .excerpt = ExcerptOf(n.excerpt, kExcerptMaxBytes),
                            .created_at = platform::FormatUtcMs(now_ms),
                            .read_at = std::nullopt};
  repo_.Insert(s, n.recipient_id, stored);
  auto unread = repo_.UnreadCount(s, n.recipient_id);
  // Events last: the outbox's counter lock comes after the notification's row (outbox.hpp).
  boost::json::object payload{{"id", stored.id}, {"kind", stored.kind}, {"unread_count", unread}};
  outbox_.Append(s, n.recipient_id, "notification", boost::json::serialize(payload));
}

std::vector<NotificationView> NotificationService::Views(Session& s,
                                                         std::vector<StoredNotification> items) {
  std::vector<std::string> ids;
  for (const auto& n : items) {
    if (n.actor_id) ids.push_back(*n.actor_id);
    if (n.subject_kind == "user" && n.subject_id) ids.push_back(*n.subject_id);
  }
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  std::map<std::string, social::UserCard> cards;
  if (people_ != nullptr && !ids.empty()) cards = people_->CardsOf(s, ids);
  std::vector<NotificationView> views;
  views.reserve(items.size());
  for (auto& n : items) {
    NotificationView view;
    if (n.actor_id) {
      if (auto found = cards.find(*n.actor_id); found != cards.end()) view.actor = found->second;
    }
    if (n.subject_kind == "user" && n.subject_id) {
      if (auto found = cards.find(*n.subject_id); found != cards.end()) {
        view.subject_user = found->second;
      }
    }
    view.notification = std::move(n);
    views.push_back(std::move(view));
  }
  return views;
}

NotificationPage NotificationService::List(const std::string& user_id, const std::string& cursor,
                                           int limit) {
  std::optional<std::string> before;
  if (!cursor.empty()) {
    if (!platform::IsUuid(cursor)) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                  {{"cursor", Msg("cursor_invalid")}});
    }
    before = cursor;
  }
  return database_.ReadResult([&](Session& s) {
    NotificationPage page;
    auto items = repo_.Page(s, user_id, before, limit + 1);
    if (static_cast<int>(items.size()) > limit) {
      items.resize(static_cast<std::size_t>(limit));
      page.next_cursor = items.back().id;
    }
    page.items = Views(s, std::move(items));
    page.unread_count = repo_.UnreadCount(s, user_id);
    return page;
  });
}

std::int64_t NotificationService::UnreadCount(const std::string& user_id) {
  return database_.ReadResult([&](Session& s) { return repo_.UnreadCount(s, user_id); });
}

std::int64_t NotificationService::MarkRead(const std::string& user_id,
                                           const std::optional<std::vector<std::string>>& ids) {
  return database_.WriteResult([&](Session& s) {
    auto now = platform::FormatUtcMs(NowMs());
    std::int64_t changed = 0;
    if (ids) {
      for (const auto& id : *ids) changed += repo_.MarkRead(s, user_id, id, now);
    } else {
      changed = repo_.MarkAllRead(s, user_id, now);
    }
    auto unread = repo_.UnreadCount(s, user_id);
    // The user's other open pages show the new count.
    if (changed > 0) outbox_.Append(s, user_id, "notification.read", CountPayload(unread));
    return unread;
  });
}

std::string NotificationService::TimeZoneOf(Session& s, const std::string& user_id) {
  if (!recipients_) return "UTC";
  auto recipient = recipients_(s, user_id);
  if (!recipient || !platform::IsKnownTimeZone(recipient->time_zone)) return "UTC";
  return recipient->time_zone;
}

NotificationPreferences NotificationService::PreferencesIn(Session& s, const std::string& user_id) {
  NotificationPreferences prefs;
  for (auto kind : kKinds) prefs.kinds.emplace(std::string(kind), KindSetting{});
  for (auto& [kind, setting] : repo_.KindSettings(s, user_id)) {
    if (auto found = prefs.kinds.find(kind); found != prefs.kinds.end()) found->second = setting;
  }
  if (auto digest = repo_.Digest(s, user_id)) {
    prefs.digest_enabled = digest->enabled;
    prefs.digest_hour = digest->local_hour;
  }
  prefs.time_zone = TimeZoneOf(s, user_id);
  return prefs;
}

NotificationPreferences NotificationService::Preferences(const std::string& user_id) {
  return database_.ReadResult([&](Session& s) { return PreferencesIn(s, user_id); });
}

NotificationPreferences NotificationService::UpdatePreferences(const std::string& user_id,
                                                               const PreferencesPatch& patch) {
  return database_.WriteResult([&](Session& s) {
    auto prefs = PreferencesIn(s, user_id);
    for (const auto& [kind, change] : patch.kinds) {
      auto found = prefs.kinds.find(kind);
      if (found == prefs.kinds.end()) continue;  // the routes refuse unknown kinds
      if (change.in_app) found->second.in_app = *change.in_app;
      if (change.in_digest) found->second.in_digest = *change.in_digest;
      repo_.SaveKindSetting(s, user_id, kind, found->second);
    }
    if (patch.digest_enabled || patch.digest_hour) {
      if (patch.digest_enabled) prefs.digest_enabled = *patch.digest_enabled;
      if (patch.digest_hour) prefs.digest_hour = *patch.digest_hour;
      auto now_ms = NowMs();
      std::optional<std::string> next_due;
      if (prefs.digest_enabled) {
        next_due = platform::FormatUtcMs(NextDigestMs(now_ms, prefs.time_zone, prefs.digest_hour));
      }
      repo_.SaveDigest(s, user_id,
                       {.enabled = prefs.digest_enabled, .local_hour = prefs.digest_hour}, next_due,
                       platform::FormatUtcMs(now_ms));
    }
    return prefs;
  });
}

std::int64_t NotificationService::SendDueDigests(Session& s, TimePoint now, int limit) {
  auto now_ms = MsOf(now);
  auto now_text = platform::FormatUtcMs(now_ms);
  auto due = repo_.ClaimDue(s, now_text, limit);
  for (const auto& digest : due) {
    auto recipient = recipients_ ? recipients_(s, digest.user_id) : std::nullopt;
    auto covered = digest.covered_through_id;
    if (recipient && recipient->mailable) {
      auto items = repo_.ForDigest(s, digest.user_id, covered.value_or(""), kDigestMax);
      if (!items.empty()) {
        covered = items.back().id;
        mail_.Enqueue(s, mails_.Digest(*recipient, Views(s, std::move(items))));
      }
    }
    std::string zone = recipient ? recipient->time_zone : "UTC";
    auto next = NextDigestMs(now_ms, zone, digest.local_hour);
    repo_.DigestSent(s, digest.user_id, platform::FormatUtcMs(next), covered, now_text);
  }
  // The mail queue's next poll (within half a second) sends what was queued.
  return static_cast<std::int64_t>(due.size());
}

std::int64_t NotificationService::PurgeOld(Session& s, TimePoint now, int limit) {
  auto cutoff = platform::FormatUtcMs(
      MsOf(now) - std::chrono::duration_cast<std::chrono::milliseconds>(kKeepRead).count());
  return repo_.PurgeRead(s, cutoff, limit);
}

std::int64_t NotificationService::NextDigestMs(std::int64_t now_ms, const std::string& zone,
                                               int hour) {
  constexpr std::int64_t kMsPerDay = 86'400'000;
  constexpr std::int64_t kMsPerHour = 3'600'000;
  std::string tz = platform::IsKnownTimeZone(zone) ? zone : "UTC";
  auto today =
      platform::LocalDayOf(now_ms, tz).value_or(core::Day(std::chrono::days(now_ms / kMsPerDay)));
  for (int ahead = 0; ahead <= 2; ++ahead) {
    auto day = today + std::chrono::days(ahead);
    std::int64_t local_ms =
        std::int64_t{day.time_since_epoch().count()} * kMsPerDay + hour * kMsPerHour;
    auto resolved = platform::ResolveLocalTime(local_ms, tz);
    std::int64_t at = resolved ? resolved->utc_ms : local_ms;
    if (at > now_ms) return at;
  }
  return now_ms + kMsPerDay;  // unreachable: the hour comes within two days
}

}  // namespace vigor::features::notifications
