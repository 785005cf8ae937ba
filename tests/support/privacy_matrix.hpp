#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/privacy.hpp"
#include "support/app_harness.hpp"

// The privacy matrix: every read path that can show one user's item to another (the contract
// marks each operation with `x-vigor-privacy: <path name>`) registers a row here, from the test
// file of the feature that owns it. tests/integration/privacy_matrix_test.cpp walks every viewer
// kind x visibility x registered path and compares what the viewer got with
// core::privacy::MaySee, and fails when a path the contract marks has no row (or a row names a
// path the contract does not mark).
namespace vigor::testing {

// Who looks. Each is a signed-in browser of its own in the world, except the anonymous.
enum class ViewerKind {
  kOwner,
  kFollower,         // approved
  kPendingFollower,  // asked, not approved
  kStranger,
  kBlockedByOwner,  // the owner blocked the viewer
  kBlockingOwner,   // the viewer blocked the owner
  kAnonymous,
  kModerator,  // role moderator, no relation to the owner
  kAdmin,      // role admin, no relation to the owner
};

std::vector<ViewerKind> AllViewerKinds();
const char* ViewerKindName(ViewerKind viewer);
// What the policy makes of each viewer kind (staff are strangers on read paths).
core::privacy::Relation RelationOf(ViewerKind viewer);

// One application with its owner and one user of each viewer kind, related to the owner as the
// kind says (through the social graph's tables, so the world does not depend on the follow
// routes it is meant to test).
class PrivacyWorld {
 public:
  PrivacyWorld();

  AppHarness& harness() { return h_; }
  // The owner's signed-in browser (to create items).
  Browser& owner() { return Of(ViewerKind::kOwner); }
  const std::string& owner_id() const { return owner_id_; }
  static constexpr const char* kOwnerName = "owner";
  // The browser a viewer kind looks with (the anonymous one has no cookies).
  Browser& Of(ViewerKind viewer) { return browsers_.at(viewer); }
  const std::string& UserIdOf(ViewerKind viewer) const { return user_ids_.at(viewer); }

 private:
  AppHarness h_;
  std::string owner_id_;
  std::map<ViewerKind, Browser> browsers_;
  std::map<ViewerKind, std::string> user_ids_;
};

// A read path's row. `make_item` creates an item of the owner's with the given visibility and
// returns anything the check needs (its id); `viewer_sees` returns whether that viewer, through
// this read path, saw the item (e.g. the workout's page answered 200, or the feed listed it).
// A path that cannot tell "not allowed" from "not there" must answer as for a missing item.
struct PrivacyReadPath {
  std::string name;  // as x-vigor-privacy names it: "workout.detail", "feed", ...
  std::function<std::string(PrivacyWorld&, core::privacy::Visibility)> make_item;
  std::function<bool(PrivacyWorld&, ViewerKind, const std::string& item)> viewer_sees;
};

std::vector<PrivacyReadPath>& PrivacyReadPaths();

struct RegisterPrivacyReadPath {
  explicit RegisterPrivacyReadPath(PrivacyReadPath path) {
    PrivacyReadPaths().push_back(std::move(path));
  }
};

}  // namespace vigor::testing
