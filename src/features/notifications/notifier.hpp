#pragma once

#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::notifications {

// One thing a user should hear about. Kinds (a closed set, each with a per-type preference):
// "follow_request", "follow_approved", "new_follower", "kudos", "comment", "mention",
// "challenge" (joined, ended, overtaken), "club" (join request, approved), "moderation"
// (a decision on the user's content or account).
struct Notification {
  std::string recipient_id;
  std::string kind;
  std::optional<std::string> actor_id;  // who did it; none for the system (a challenge ending)
  // What it is about, so the client can link to it: a kind ("workout", "comment", "challenge",
  // "club", "user", "report"), its owner where ids are per user, and its id.
  std::optional<std::string> subject_kind;
  std::optional<std::string> subject_owner_id;
  std::optional<std::string> subject_id;
  std::string excerpt;  // a short text to show (a comment's first words); may be empty
};

// How any feature tells a user something: called inside the feature's own write transaction, so
// the notification exists exactly when the change does. The notifications feature stores it
// (unless the recipient turned that kind off, or blocked the actor), counts it as unread and
// pushes it live to the recipient's open pages through the event outbox.
class Notifier {
 public:
  virtual ~Notifier() = default;
  virtual void Notify(platform::store::Session& s, const Notification& notification) = 0;
};

}  // namespace vigor::features::notifications

namespace vigor::features::notifications {

// The Notifier features are given while they install: the notifications feature connects itself
// here when it is installed (Connect). Until then, and in an application without it (a test of
// one feature), notifications are dropped.
class NotifierSlot final : public Notifier {
 public:
  void Connect(Notifier& target) { target_ = &target; }
  void Notify(platform::store::Session& s, const Notification& notification) override {
    if (target_ != nullptr) target_->Notify(s, notification);
  }

 private:
  Notifier* target_ = nullptr;
};

}  // namespace vigor::features::notifications
