#pragma once

#include <cstdint>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::platform::store {

// The next number of a user's change sequence (`rev`): one more than the last one given out, by
// any table. Call it inside the Write that makes the change and store the number on the changed
// row. Two changes of a user never get the same number, and numbers grow in commit order: the
// counter row (user_revisions) stays locked until the transaction ends, so on PostgreSQL a
// second writer of the same user waits for the first (other users are not held up). A
// transaction that rolls back gives its number back; one that allocates and then changes
// nothing leaves a gap, which is harmless.
std::int64_t NextRevision(Session& session, const std::string& user_id);

// Takes the same lock without using a number: from here to the end of the transaction no other
// transaction changes this user's data, and every statement after it sees what the ones before
// committed. For "look, then write" sequences that must not run twice at once, such as "is this
// Idempotency-Key known? if not, create": call it before looking. (SQLite has one writer anyway.)
void LockUserChanges(Session& session, const std::string& user_id);

// The newest number given out to the user (0 before their first change), as the session's
// snapshot sees it. Revs follow commit order (the counter's lock), so in one snapshot every
// change numbered up to it is visible and none above it.
std::int64_t CurrentRevision(Session& session, const std::string& user_id);

}  // namespace vigor::platform::store
