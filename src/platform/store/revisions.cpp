#include "platform/store/revisions.hpp"

namespace vigor::platform::store {

namespace {
// One statement on both databases: the first change of a user creates the row.
constexpr Statement kNext{
    "user_revisions.next",
    "INSERT INTO user_revisions (user_id, rev) VALUES ($1, 1) "
    "ON CONFLICT (user_id) DO UPDATE SET rev = user_revisions.rev + 1 RETURNING rev"};
// Writes the row without changing it: the write is what takes the lock.
constexpr Statement kLock{"user_revisions.lock",
                          "INSERT INTO user_revisions (user_id, rev) VALUES ($1, 0) "
                          "ON CONFLICT (user_id) DO UPDATE SET rev = user_revisions.rev"};
constexpr Statement kCurrent{"user_revisions.current",
                             "SELECT rev FROM user_revisions WHERE user_id = $1"};
}  // namespace

std::int64_t NextRevision(Session& session, const std::string& user_id) {
  return session.QueryOne(kNext, user_id)->Int("rev");
}

void LockUserChanges(Session& session, const std::string& user_id) {
  session.Execute(kLock, user_id);
}

std::int64_t CurrentRevision(Session& session, const std::string& user_id) {
  auto row = session.QueryOne(kCurrent, user_id);
  return row ? row->Int("rev") : 0;
}

}  // namespace vigor::platform::store
