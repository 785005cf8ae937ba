#include "features/sync/change_service.hpp"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "platform/error.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::sync {

namespace {
using platform::Error;
using platform::ErrorKind;

// Rows written before migration 0011 may share a rev across tables (one of each table at most),
// so a page reads this many rows past its limit to keep such a group whole (TakePage).
constexpr int kSharedRevSlack = 5;

ChangeKinds KindsFor(const platform::auth::Principal& principal) {
  ChangeKinds kinds{.training = principal.HasScope("workouts:read"),
                    .body = principal.HasScope("body:read"),
                    .nutrition = principal.HasScope("nutrition:read")};
  if (!kinds.training && !kinds.body && !kinds.nutrition) {
    throw Error(
        ErrorKind::kForbidden,
        Msg("token_scope_missing", {{"scope", "workouts:read, body:read or nutrition:read"}}));
  }
  return kinds;
}

// Cuts `rows` (ascending by rev) to a page of `limit`. A client resumes after the page's last
// rev, so a page never ends inside a group of rows sharing one rev (legacy data): the group
// moves to the next page, or, when it alone fills the page, the page takes all of it.
ChangePage TakePage(std::vector<Change> rows, int limit, std::int64_t since) {
  std::size_t n = std::min(rows.size(), static_cast<std::size_t>(limit));
  if (n > 0 && n < rows.size() && rows[n].rev == rows[n - 1].rev) {
    std::size_t start = n;
    while (start > 0 && rows[start - 1].rev == rows[n].rev) --start;
    if (start > 0) {
      n = start;
    } else {
      while (n < rows.size() && rows[n].rev == rows[n - 1].rev) ++n;
    }
  }
  ChangePage page;
  page.has_more = rows.size() > n;
  rows.resize(n);
  page.items = std::move(rows);
  page.next_since = page.items.empty() ? since : page.items.back().rev;
  return page;
}

}  // namespace

ChangePage ChangeService::List(const platform::auth::Principal& principal, std::int64_t since,
                               int limit) {
  auto kinds = KindsFor(principal);
  return database_.ReadResult([&](platform::store::Session& s) {
    // Both reads in one snapshot: the items are exactly those up to latest_rev.
    std::int64_t latest = platform::store::CurrentRevision(s, principal.user_id);
    if (since > latest) {
      throw Error(ErrorKind::kGone,
                  Msg("changes_since_ahead", {{"since", since}, {"latest", latest}}));
    }
    auto page = TakePage(
        changes_.Since(s, principal.user_id, since, kinds, limit + kSharedRevSlack), limit, since);
    page.latest_rev = latest;
    return page;
  });
}

}  // namespace vigor::features::sync
