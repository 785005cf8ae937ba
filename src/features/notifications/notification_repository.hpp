#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/notifications/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::notifications {

// Why a notification would not be stored: the recipient's switch for the kind, and the social
// graph between recipient and actor (migration 0022's blocks and mutes, read here as any feature
// may).
struct DeliveryGate {
  bool in_app = true;
  bool blocked = false;  // either direction
  bool muted = false;    // the recipient muted the actor
};

// A due digest, claimed inside the caller's transaction.
struct DueDigest {
  std::string user_id;
  int local_hour = 8;
  std::optional<std::string> covered_through_id;
};

struct DigestRow {
  bool enabled = false;
  int local_hour = 8;
};

// The notifications' SQL. Every statement names its owner (the recipient).
class NotificationRepository {
 public:
  using Session = platform::store::Session;

  DeliveryGate Gate(Session& s, const std::string& recipient_id, const std::string& kind,
                    const std::optional<std::string>& actor_id);
  // An unread notification of the same kind, actor and subject created at or after `since`.
  bool HasRecentSame(Session& s, const std::string& recipient_id, const std::string& kind,
                     const std::string& actor_id, const std::string& subject_kind,
                     const std::string& subject_id, const std::string& since);
  void Insert(Session& s, const std::string& recipient_id, const StoredNotification& n);

  // Newest first, after the cursor (an id) when given; notifications of actors blocked since
  // (either direction) are left out, as from the unread count.
  std::vector<StoredNotification> Page(Session& s, const std::string& recipient_id,
                                       const std::optional<std::string>& before_id, int limit);
  std::int64_t UnreadCount(Session& s, const std::string& recipient_id);
  std::int64_t MarkRead(Session& s, const std::string& recipient_id, const std::string& id,
                        const std::string& now);
  std::int64_t MarkAllRead(Session& s, const std::string& recipient_id, const std::string& now);
  // Read notifications created before `cutoff`, at most `limit`.
  std::int64_t PurgeRead(Session& s, const std::string& cutoff, int limit);

  std::vector<std::pair<std::string, KindSetting>> KindSettings(Session& s,
                                                                const std::string& user_id);
  void SaveKindSetting(Session& s, const std::string& user_id, const std::string& kind,
                       const KindSetting& setting);

  std::optional<DigestRow> Digest(Session& s, const std::string& user_id);
  void SaveDigest(Session& s, const std::string& user_id, const DigestRow& row,
                  const std::optional<std::string>& next_due_at, const std::string& now);
  // Digests due at `now`, oldest due first, locked for this transaction (PostgreSQL: rows another
  // instance holds are skipped).
  std::vector<DueDigest> ClaimDue(Session& s, const std::string& now, int limit);
  // The recipient's unread notifications after `after_id` ("" for all) whose kind is in the
  // digest, oldest first.
  std::vector<StoredNotification> ForDigest(Session& s, const std::string& user_id,
                                            const std::string& after_id, int limit);
  void DigestSent(Session& s, const std::string& user_id, const std::string& next_due_at,
                  const std::optional<std::string>& covered_through_id, const std::string& now);
};

}  // namespace vigor::features::notifications
