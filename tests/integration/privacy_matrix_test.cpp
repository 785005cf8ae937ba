// The one privacy policy, checked three ways:
// - the SQL fragment (features/social/privacy_sql.hpp) and the C++ predicate
//   (core::privacy::MaySee, through features::social::PrivacyPolicy) agree on every relation x
//   visibility x moderation state, on this database;
// - every read path the contract marks (x-vigor-privacy) has a row in the matrix, and every row
//   names a marked path: a new read path cannot ship without its row;
// - through every registered read path, every viewer kind sees exactly what the policy allows.
#include "support/privacy_matrix.hpp"

#include <gtest/gtest.h>

#include <set>

#include "features/social/privacy_policy.hpp"
#include "features/social/privacy_sql.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

using core::privacy::Visibility;
using platform::store::Session;
using platform::store::Statement;
using testing::AllViewerKinds;
using testing::PrivacyReadPaths;
using testing::PrivacyWorld;
using testing::ViewerKind;

const std::vector<Visibility> kVisibilities = {Visibility::kPrivate, Visibility::kFollowers,
                                               Visibility::kPublic};

constexpr Statement kFragment{"test.privacy.fragment",
                              "SELECT 1 AS visible WHERE " VIGOR_PRIVACY_VISIBLE_TO(
                                  "CAST($1 AS TEXT)", "CAST($2 AS TEXT)", "CAST($3 AS TEXT)",
                                  "'workout'", "CAST($4 AS TEXT)")};
constexpr Statement kHide{"test.privacy.hide",
                          "INSERT INTO hidden_content (kind, owner_id, item_id, hidden_at) "
                          "VALUES ('workout', $1, $2, '2026-01-01T00:00:00Z')"};

TEST(PrivacyPolicyTest, TheSqlFragmentAndThePredicateAgreeOnEveryCase) {
  PrivacyWorld world;
  auto& database = *world.harness().app().database;
  features::social::PrivacyPolicy policy;
  database.Write([&](Session& s) { s.Execute(kHide, world.owner_id(), "hidden-item"); });
  for (bool hidden : {false, true}) {
    const std::string item = hidden ? "hidden-item" : "shown-item";
    for (auto visibility : kVisibilities) {
      for (auto viewer : AllViewerKinds()) {
        std::optional<std::string> viewer_id;
        if (viewer != ViewerKind::kAnonymous) viewer_id = world.UserIdOf(viewer);
        bool expected = core::privacy::MaySee(testing::RelationOf(viewer), visibility, hidden);
        database.Read([&](Session& s) {
          auto vis = std::string(core::privacy::VisibilityName(visibility));
          bool by_sql = !s.Query(kFragment, viewer_id, world.owner_id(), vis, item).empty();
          bool by_policy =
              policy.MaySee(s, viewer_id, world.owner_id(), visibility, "workout", item);
          EXPECT_EQ(by_sql, expected) << "SQL, " << testing::ViewerKindName(viewer) << ", " << vis
                                      << (hidden ? ", hidden" : "");
          EXPECT_EQ(by_policy, expected) << "C++, " << testing::ViewerKindName(viewer) << ", "
                                         << vis << (hidden ? ", hidden" : "");
        });
      }
    }
  }
}

// The worked table of the rule (not derived from MaySee): who sees what, without moderation.
TEST(PrivacyPolicyTest, ThePredicateIsTheTableOfTheDesign) {
  using core::privacy::Relation;
  struct Row {
    Relation relation;
    bool sees_private, sees_followers, sees_public;
  };
  const Row rows[] = {
      {Relation::kOwner, true, true, true},
      {Relation::kFollower, false, true, true},
      {Relation::kPendingFollower, false, false, true},
      {Relation::kStranger, false, false, true},
      {Relation::kBlocked, false, false, false},
      {Relation::kAnonymous, false, false, true},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(core::privacy::MaySee(row.relation, Visibility::kPrivate), row.sees_private);
    EXPECT_EQ(core::privacy::MaySee(row.relation, Visibility::kFollowers), row.sees_followers);
    EXPECT_EQ(core::privacy::MaySee(row.relation, Visibility::kPublic), row.sees_public);
    // A moderator's hiding leaves the owner alone and hides from everyone else.
    EXPECT_EQ(core::privacy::MaySee(row.relation, Visibility::kPublic, true),
              row.relation == Relation::kOwner);
  }
}

std::set<std::string> MarkedReadPaths() {
  std::set<std::string> marked;
  const auto& doc = testing::OpenApiContract::Vigor().schemas().document();
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      if (!operation.is_object()) continue;
      if (const auto* mark = operation.as_object().if_contains("x-vigor-privacy")) {
        marked.insert(std::string(mark->as_string()));
      }
    }
  }
  return marked;
}

TEST(PrivacyMatrixTest, EveryReadPathTheContractMarksHasARow) {
  std::set<std::string> rows;
  for (const auto& path : PrivacyReadPaths()) {
    EXPECT_TRUE(rows.insert(path.name).second) << "two rows for " << path.name;
  }
  auto marked = MarkedReadPaths();
  for (const auto& name : marked) {
    EXPECT_TRUE(rows.contains(name)) << "read path " << name
                                     << " (x-vigor-privacy in api/openapi.yaml) has no row in "
                                        "the privacy matrix";
  }
  for (const auto& name : rows) {
    EXPECT_TRUE(marked.contains(name))
        << "the privacy matrix has a row for " << name
        << ", which no operation of api/openapi.yaml marks with x-vigor-privacy";
  }
}

TEST(PrivacyMatrixTest, EveryViewerSeesWhatThePolicyAllowsOnEveryReadPath) {
  for (const auto& path : PrivacyReadPaths()) {
    PrivacyWorld world;
    for (auto visibility : kVisibilities) {
      auto item = path.make_item(world, visibility);
      for (auto viewer : AllViewerKinds()) {
        bool expected = core::privacy::MaySee(testing::RelationOf(viewer), visibility);
        EXPECT_EQ(path.viewer_sees(world, viewer, item), expected)
            << path.name << ": " << testing::ViewerKindName(viewer) << " and a "
            << core::privacy::VisibilityName(visibility) << " item";
      }
    }
  }
}

}  // namespace
}  // namespace vigor
