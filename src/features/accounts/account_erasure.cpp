#include "features/accounts/account_erasure.hpp"

#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::accounts {

namespace {

using platform::store::Statement;

constexpr Statement kSchedule{
    "account_erasure.schedule",
    "INSERT INTO account_erasures (user_id, requested_at, erase_after) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id) DO UPDATE SET requested_at = excluded.requested_at, "
    "erase_after = excluded.erase_after"};
constexpr Statement kCancel{"account_erasure.cancel",
                            "DELETE FROM account_erasures WHERE user_id = $1"};
constexpr Statement kPending{"account_erasure.pending",
                             "SELECT erase_after FROM account_erasures WHERE user_id = $1"};
constexpr Statement kDue{"account_erasure.due",
                         "SELECT user_id FROM account_erasures WHERE erase_after <= $1 "
                         "ORDER BY erase_after, user_id LIMIT $2"};
constexpr Statement kEndGrants{"account_erasure.end_grants",
                               "DELETE FROM oauth_grants WHERE user_id = $1"};
constexpr Statement kIdentity{"account_erasure.identity", "SELECT email FROM users WHERE id = $1"};

// What refers to the user without a cascading foreign key. Each statement says why it is needed.
// The audit log has no foreign key (events outlive what they describe): the user's own events go;
// events where they acted on someone else (an admin) stay, without naming them.
constexpr Statement kAuditOwn{"account_erasure.audit_own",
                              "DELETE FROM audit_events WHERE user_id = $1"};
constexpr Statement kAuditActor{"account_erasure.audit_actor",
                                "UPDATE audit_events SET actor_id = NULL WHERE actor_id = $1"};
// Mail to the user's address, sent or not (the erasure notice among it): it names them.
constexpr Statement kMail{"account_erasure.mail",
                          "DELETE FROM mail_outbox WHERE lower(to_addr) = lower($1)"};
// Other users' notifications about the user's items (the actor's go by cascade).
constexpr Statement kNotificationsAbout{"account_erasure.notifications_about",
                                        "DELETE FROM notifications WHERE subject_owner_id = $1"};
// Other users' feed rows of the user's items (their items cascade, this column has no key).
constexpr Statement kInbox{"account_erasure.inbox", "DELETE FROM feed_inbox WHERE owner_id = $1"};
// Rate-limit buckets named after the user ("login:account:<id>", "second_factor:<id>").
constexpr Statement kRateLimits{"account_erasure.rate_limits",
                                "DELETE FROM rate_limits WHERE bucket LIKE '%:' || $1"};
constexpr Statement kUser{"account_erasure.user", "DELETE FROM users WHERE id = $1"};
// That an erasure happened, naming nobody (the operator can count them).
constexpr Statement kAuditErased{
    "account_erasure.audit_erased",
    "INSERT INTO audit_events (id, user_id, actor_id, kind, ip, detail, created_at) "
    "VALUES ($1, NULL, NULL, 'account_erased', NULL, NULL, $2)"};

}  // namespace

void AccountErasure::Schedule(Session& s, const std::string& user_id,
                              const std::string& requested_at, const std::string& erase_after) {
  s.Execute(kSchedule, user_id, requested_at, erase_after);
}

void AccountErasure::EndOAuthGrants(Session& s, const std::string& user_id) {
  s.Execute(kEndGrants, user_id);
}

bool AccountErasure::Cancel(Session& s, const std::string& user_id) {
  return s.Execute(kCancel, user_id) > 0;
}

std::optional<std::string> AccountErasure::PendingUntil(Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kPending, user_id);
  if (!row) return std::nullopt;
  return row->Text("erase_after");
}

std::vector<std::string> AccountErasure::Due(Session& s, const std::string& now, int limit) {
  std::vector<std::string> users;
  for (const auto& row : s.Query(kDue, now, static_cast<std::int64_t>(limit))) {
    users.push_back(row.Text("user_id"));
  }
  return users;
}

bool AccountErasure::Erase(Session& s, const std::string& user_id) {
  auto identity = s.QueryOne(kIdentity, user_id);
  if (!identity) return false;
  std::string email = identity->Text("email");
  s.Execute(kAuditOwn, user_id);
  s.Execute(kAuditActor, user_id);
  s.Execute(kMail, email);
  s.Execute(kNotificationsAbout, user_id);
  s.Execute(kInbox, user_id);
  s.Execute(kRateLimits, user_id);
  // Everything else the user owns goes with the row: workouts and their sets and tracks,
  // routines, programs, measurements, goals, foods, recipes, diary, follows and blocks in both
  // directions, comments and kudos (also on other users' items), clubs they own and their posts,
  // challenges, reports made and received, tokens, sessions, jobs and their uploads, events,
  // notifications, OAuth grants and apps, the pending erasure itself.
  s.Execute(kUser, user_id);
  s.Execute(kAuditErased, platform::NewId(), platform::NowRfc3339());
  return true;
}

}  // namespace vigor::features::accounts
