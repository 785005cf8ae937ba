#pragma once

// The privacy rule of core/privacy.hpp (core::privacy::MaySee) as an SQL fragment, for read
// paths that list items straight from the database (feed, a profile's workouts, comments,
// leaderboards, club and challenge pages, search). It is the same rule: owner sees all; a block
// in either direction or a moderator's hiding hides from everyone else; public is seen by all,
// followers-only by approved followers; private by nobody else. privacy_policy_test checks
// the fragment and MaySee agree on every relation x visibility x hidden combination, on both
// databases.
//
// Arguments are SQL text spliced into a named statement (string literals, so the statement
// stays constexpr):
//   VIEWER      the viewer's user id, a parameter such as "$1"; bind NULL for anonymous
//   OWNER       the item owner's user id column, e.g. "w.user_id"
//   VISIBILITY  the item's visibility column ('private', 'followers', 'public')
//   KIND        the item's kind as moderation names it, a quoted literal such as "'workout'"
//   ITEM_ID     the item's id column, e.g. "w.id"
//
// Example:
//   constexpr Statement kList{"feed.page",
//       "SELECT ... FROM workouts w WHERE ... AND "
//       VIGOR_PRIVACY_VISIBLE_TO("$1", "w.user_id", "w.visibility", "'workout'", "w.id")};
//
// Bound NULL (anonymous), every comparison with VIEWER is unknown, so only public items that
// are neither blocked nor hidden remain (WHERE keeps a row only when the condition is true).
#define VIGOR_PRIVACY_VISIBLE_TO(VIEWER, OWNER, VISIBILITY, KIND, ITEM_ID)                       \
  "(" OWNER " = " VIEWER " OR ((" VISIBILITY " = 'public' OR (" VISIBILITY                       \
  " = 'followers' AND EXISTS (SELECT 1 FROM follows pf WHERE pf.follower_id = " VIEWER           \
  " AND pf.followee_id = " OWNER " AND pf.state = 'approved'))) AND " VIGOR_PRIVACY_NOT_BLOCKED( \
      VIEWER, OWNER) " AND NOT EXISTS (SELECT 1 FROM hidden_content ph WHERE ph.kind = " KIND    \
                     " AND ph.owner_id = " OWNER " AND ph.item_id = " ITEM_ID ")))"

// Neither user blocked the other, and the owner is not pending erasure (an account its user
// deleted reads like one that does not exist, from the moment of DELETE /api/v1/me): what a
// profile, a follow or a mention first needs. True for an anonymous viewer (bound NULL) of a
// live account: nobody can block the anonymous.
#define VIGOR_PRIVACY_NOT_BLOCKED(VIEWER, OWNER)                                                  \
  "NOT EXISTS (SELECT 1 FROM blocks pb WHERE (pb.user_id = " OWNER " AND pb.blocked_id = " VIEWER \
  ") OR (pb.user_id = " VIEWER " AND pb.blocked_id = " OWNER                                      \
  ")) AND NOT EXISTS (SELECT 1 FROM "                                                             \
  "account_erasures pe WHERE pe.user_id = " OWNER ")"
