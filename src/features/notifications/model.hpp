#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/social/social_lookup.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::notifications {

// The closed set of kinds (notifier.hpp), in the order settings pages list them.
inline constexpr std::array<std::string_view, 9> kKinds = {
    "follow_request", "follow_approved", "new_follower", "kudos",     "comment",
    "mention",        "challenge",       "club",         "moderation"};
bool IsKind(std::string_view kind);

// A stored notification as its recipient reads it.
struct StoredNotification {
  std::string id;
  std::string kind;
  std::optional<std::string> actor_id;
  std::optional<std::string> subject_kind;
  std::optional<std::string> subject_owner_id;
  std::optional<std::string> subject_id;
  std::string excerpt;
  std::string created_at;
  std::optional<std::string> read_at;
};

// A list item: the notification with the actor's card (absent when there is no actor, or the
// actor is gone) and, for a subject that is a user, that user's card (the link needs the name).
struct NotificationView {
  StoredNotification notification;
  std::optional<social::UserCard> actor;
  std::optional<social::UserCard> subject_user;
};

struct NotificationPage {
  std::vector<NotificationView> items;
  std::optional<std::string> next_cursor;
  std::int64_t unread_count = 0;
};

struct KindSetting {
  bool in_app = true;
  bool in_digest = true;
};

// Defaults: every kind in the list and (once the digest is on) in the digest; the digest off,
// at 08:00 in the profile's zone.
struct NotificationPreferences {
  std::map<std::string, KindSetting, std::less<>> kinds;  // every kind of kKinds
  bool digest_enabled = false;
  int digest_hour = 8;
  std::string time_zone = "UTC";  // the profile's: where digest_hour is
};

// A change to some of the preferences: what is not given stays.
struct PreferencesPatch {
  struct KindPatch {
    std::optional<bool> in_app;
    std::optional<bool> in_digest;
  };
  std::map<std::string, KindPatch, std::less<>> kinds;
  std::optional<bool> digest_enabled;
  std::optional<int> digest_hour;
};

// What the digest needs of a user's account, from the accounts feature (nullopt for a user
// that does not exist). mailable: active with a confirmed email address.
struct DigestRecipient {
  std::string email;
  std::string username;
  std::string locale = "en";      // en | de
  std::string time_zone = "UTC";  // IANA
  bool mailable = false;
};
using DigestRecipientLookup = std::function<std::optional<DigestRecipient>(
    platform::store::Session&, const std::string& user_id)>;

}  // namespace vigor::features::notifications
