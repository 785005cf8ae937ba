// People and privacy settings (issue 13, social lane) through the real application on both
// databases: profiles and what others see of them, avatars re-encoded without metadata, follows
// with and without approval (graph-change observers and notifications in the same transaction),
// blocks and mutes, the directory's folded prefix search, privacy settings and sealed zones; and
// the privacy matrix rows of profile.stats, profile.followers and profile.following.
#include <gtest/gtest.h>
#include <png.h>

#include <boost/json/serialize.hpp>
#include <cstring>
#include <set>

#include "features/social/feature.hpp"
#include "platform/image/image.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"
#include "support/privacy_matrix.hpp"

namespace vigor {
namespace {

using core::privacy::Visibility;
using features::social::GraphChange;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::PrivacyWorld;
using testing::ViewerKind;

// ---- privacy matrix rows ----------------------------------------------------------------------

std::string SetOwnerSetting(PrivacyWorld& world, const char* setting, Visibility visibility) {
  auto reply =
      world.harness().Call(world.owner(), Method::kPut, "/api/v1/me/privacy",
                           std::string(R"({")") + setting + R"(":")" +
                               std::string(core::privacy::VisibilityName(visibility)) + R"("})");
  EXPECT_EQ(reply.status, 200) << reply.body;
  return PrivacyWorld::kOwnerName;
}

const testing::RegisterPrivacyReadPath kStatsRow{{
    .name = "profile.stats",
    .make_item =
        [](PrivacyWorld& world, Visibility visibility) {
          return SetOwnerSetting(world, "stats_visibility", visibility);
        },
    .viewer_sees =
        [](PrivacyWorld& world, ViewerKind viewer, const std::string& owner) {
          auto reply = world.harness().Get(world.Of(viewer), "/api/v1/users/" + owner);
          return reply.status == 200 && reply.Json().contains("stats");
        },
}};

const testing::RegisterPrivacyReadPath kFollowersRow{{
    .name = "profile.followers",
    .make_item =
        [](PrivacyWorld& world, Visibility visibility) {
          return SetOwnerSetting(world, "connections_visibility", visibility);
        },
    .viewer_sees =
        [](PrivacyWorld& world, ViewerKind viewer, const std::string& owner) {
          return world.harness()
                     .Get(world.Of(viewer), "/api/v1/users/" + owner + "/followers")
                     .status == 200;
        },
}};

const testing::RegisterPrivacyReadPath kFollowingRow{{
    .name = "profile.following",
    .make_item =
        [](PrivacyWorld& world, Visibility visibility) {
          return SetOwnerSetting(world, "connections_visibility", visibility);
        },
    .viewer_sees =
        [](PrivacyWorld& world, ViewerKind viewer, const std::string& owner) {
          return world.harness()
                     .Get(world.Of(viewer), "/api/v1/users/" + owner + "/following")
                     .status == 200;
        },
}};

// ---- test doubles -----------------------------------------------------------------------------

struct RecordingNotifier final : features::notifications::Notifier {
  void Notify(Session&, const features::notifications::Notification& n) override {
    sent.push_back(n);
  }
  std::vector<features::notifications::Notification> sent;
};

std::string KindName(GraphChange::Kind kind) {
  switch (kind) {
    case GraphChange::Kind::kFollowApproved:
      return "approved";
    case GraphChange::Kind::kFollowEnded:
      return "ended";
    case GraphChange::Kind::kBlocked:
      return "blocked";
  }
  return "?";
}

class SocialTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ann_id_ = h_.CreateUser("ann");
    bob_id_ = h_.CreateUser("bob");
    cyd_id_ = h_.CreateUser("cyd");
    h_.SignIn(ann_, "ann");
    h_.SignIn(bob_, "bob");
    h_.SignIn(cyd_, "cyd");
    h_.app().notifier->Connect(notifier_);
    h_.app().Get<features::social::SocialFeature>().graph_changes().Add(
        [this](Session&, const GraphChange& change) {
          changes_.push_back(KindName(change.kind) + " " + NameOf(change.from_user_id) + "->" +
                             NameOf(change.to_user_id));
        });
  }
  std::string NameOf(const std::string& id) const {
    return id == ann_id_ ? "ann" : id == bob_id_ ? "bob" : id == cyd_id_ ? "cyd" : id;
  }
  std::vector<std::string> Usernames(const testing::Reply& reply) {
    std::vector<std::string> names;
    EXPECT_EQ(reply.status, 200) << reply.body;
    if (reply.status != 200) return names;
    auto json = reply.Json();
    for (const auto& item : json["items"].as_array()) {
      names.emplace_back(item.as_object().at("username").as_string());
    }
    return names;
  }
  std::vector<std::string> NotificationsSent() {
    std::vector<std::string> out;
    for (const auto& n : notifier_.sent) {
      out.push_back(n.kind + " to " + NameOf(n.recipient_id) + " from " +
                    NameOf(n.actor_id.value_or("")));
    }
    return out;
  }
  testing::Reply Put(Browser& b, const std::string& target, const std::string& body = "") {
    return h_.Call(b, Method::kPut, target, body);
  }
  testing::Reply Delete(Browser& b, const std::string& target) {
    return h_.Call(b, Method::kDelete, target);
  }

  AppHarness h_;
  Browser ann_, bob_, cyd_, anonymous_;
  std::string ann_id_, bob_id_, cyd_id_;
  RecordingNotifier notifier_;
  std::vector<std::string> changes_;
};

// ---- profiles ---------------------------------------------------------------------------------

TEST_F(SocialTest, AProfileShowsWhatItsOwnerWroteAndTheCounts) {
  auto mine = h_.Get(ann_, "/api/v1/me/profile");
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.Json()["display_name"], "");
  EXPECT_EQ(mine.Json()["stats_visibility"], "followers");

  auto saved =
      Put(ann_, "/api/v1/me/profile",
          R"({"display_name":"Ann Åström","bio":"Runs.\nLifts.","stats_visibility":"public"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["bio"], "Runs.\nLifts.");
  EXPECT_EQ(saved.Json()["stats_visibility"], "public");

  ASSERT_EQ(Put(bob_, "/api/v1/me/privacy", R"({"require_follow_approval":false})").status, 200);
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 200);

  auto seen = h_.Get(anonymous_, "/api/v1/users/ann").Json();
  EXPECT_EQ(seen["display_name"], "Ann Åström");
  EXPECT_EQ(seen["bio"], "Runs.\nLifts.");
  EXPECT_EQ(seen["following_count"], 1);
  EXPECT_EQ(seen["followers_count"], 0);
  EXPECT_TRUE(seen.contains("stats")) << "public stats are shown to the anonymous";
  EXPECT_EQ(seen["stats"].as_object()["workouts_this_year"], 0);
  EXPECT_EQ(seen["avatar_url"], nullptr);

  auto bob = h_.Get(ann_, "/api/v1/users/bob").Json();
  EXPECT_EQ(bob["display_name"], "bob") << "no display name: the username";
  EXPECT_EQ(bob["requires_approval"], false);
  EXPECT_EQ(bob["relation"].as_object()["following"], "approved");
  EXPECT_TRUE(bob.contains("stats")) << "followers-only stats, and ann is a follower";
  EXPECT_FALSE(h_.Get(cyd_, "/api/v1/users/bob").Json().contains("stats")) << "cyd is not";
}

TEST_F(SocialTest, StatsShowTheOwnersWorkoutsToWhomTheOwnerChose) {
  auto workout = h_.Post(
      ann_, "/api/v1/workouts",
      R"({"title":"Run","started_at":")" +
          platform::FormatRfc3339(std::chrono::system_clock::now() - std::chrono::minutes(5)) +
          R"(","cardio":{"sport":"run","distance_m":5000,"duration_s":1500}})");
  ASSERT_EQ(workout.status, 201) << workout.body;
  ASSERT_EQ(Put(ann_, "/api/v1/me/profile", R"({"stats_visibility":"public"})").status, 200);
  auto stats = h_.Get(bob_, "/api/v1/users/ann").Json()["stats"].as_object();
  EXPECT_EQ(stats["workouts_this_year"], 1);
  EXPECT_EQ(stats["workouts_this_week"], 1);
  EXPECT_DOUBLE_EQ(stats["distance_this_year_m"].to_number<double>(), 5000);
  ASSERT_EQ(Put(ann_, "/api/v1/me/profile", R"({"stats_visibility":"private"})").status, 200);
  EXPECT_FALSE(h_.Get(bob_, "/api/v1/users/ann").Json().contains("stats"));
  EXPECT_TRUE(h_.Get(ann_, "/api/v1/users/ann").Json().contains("stats")) << "the owner sees";
}

TEST_F(SocialTest, UnknownUsersAndBadProfileInputAreRefused) {
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/nobody").status, 404);
  EXPECT_EQ(Put(ann_, "/api/v1/users/nobody/follow").status, 404);
  EXPECT_EQ(
      Put(ann_, "/api/v1/me/profile", R"({"display_name":")" + std::string(61, 'x') + "\"}").status,
      422);
  EXPECT_EQ(Put(ann_, "/api/v1/me/profile", R"({"stats_visibility":"friends"})").status, 422);
  EXPECT_EQ(Put(ann_, "/api/v1/users/ann/follow").status, 409) << "no following yourself";
  EXPECT_EQ(Put(ann_, "/api/v1/users/ann/block").status, 409);
}

// ---- follows ----------------------------------------------------------------------------------

TEST_F(SocialTest, AFollowWaitsForApprovalThenObserversAndNotificationsHearOfIt) {
  auto asked = Put(ann_, "/api/v1/users/bob/follow");
  ASSERT_EQ(asked.status, 200) << asked.body;
  EXPECT_EQ(asked.Json()["state"], "pending");
  EXPECT_EQ(Put(ann_, "/api/v1/users/bob/follow").Json()["state"], "pending") << "idempotent";
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").Json()["relation"].as_object()["following"],
            "pending");
  EXPECT_TRUE(changes_.empty()) << "a request is no follow yet";
  EXPECT_EQ(NotificationsSent(), std::vector<std::string>{"follow_request to bob from ann"});

  EXPECT_EQ(Usernames(h_.Get(bob_, "/api/v1/me/follow-requests")), std::vector<std::string>{"ann"});
  ASSERT_EQ(h_.Post(bob_, "/api/v1/me/follow-requests/ann/approve", "").status, 204);
  EXPECT_EQ(h_.Post(bob_, "/api/v1/me/follow-requests/ann/approve", "").status, 404)
      << "approved already";
  EXPECT_EQ(changes_, std::vector<std::string>{"approved ann->bob"});
  EXPECT_EQ(notifier_.sent.back().kind, "follow_approved");
  EXPECT_EQ(NameOf(notifier_.sent.back().recipient_id), "ann");
  EXPECT_TRUE(Usernames(h_.Get(bob_, "/api/v1/me/follow-requests")).empty());
  EXPECT_EQ(Usernames(h_.Get(bob_, "/api/v1/users/bob/followers")),
            std::vector<std::string>{"ann"});
  EXPECT_EQ(Usernames(h_.Get(ann_, "/api/v1/users/ann/following")),
            std::vector<std::string>{"bob"});
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann").Json()["relation"].as_object()["follows_you"], true);

  ASSERT_EQ(Delete(ann_, "/api/v1/users/bob/follow").status, 204);
  EXPECT_EQ(changes_, (std::vector<std::string>{"approved ann->bob", "ended ann->bob"}));
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/bob").Json()["followers_count"], 0);
}

TEST_F(SocialTest, WithoutApprovalAFollowIsApprovedAtOnce) {
  ASSERT_EQ(Put(bob_, "/api/v1/me/privacy", R"({"require_follow_approval":false})").status, 200);
  auto followed = Put(ann_, "/api/v1/users/bob/follow");
  ASSERT_EQ(followed.status, 200);
  EXPECT_EQ(followed.Json()["state"], "approved");
  EXPECT_EQ(changes_, std::vector<std::string>{"approved ann->bob"});
  EXPECT_EQ(NotificationsSent(), std::vector<std::string>{"new_follower to bob from ann"});
}

TEST_F(SocialTest, DecliningAndRemovingEndRequestsAndFollows) {
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 200);
  ASSERT_EQ(Delete(bob_, "/api/v1/me/follow-requests/ann").status, 204);
  EXPECT_EQ(Delete(bob_, "/api/v1/me/follow-requests/ann").status, 404);
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").Json()["relation"].as_object()["following"], "none");
  EXPECT_TRUE(changes_.empty());

  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 200);
  EXPECT_EQ(Delete(bob_, "/api/v1/me/followers/ann").status, 404) << "still only a request";
  ASSERT_EQ(h_.Post(bob_, "/api/v1/me/follow-requests/ann/approve", "").status, 204);
  ASSERT_EQ(Delete(bob_, "/api/v1/me/followers/ann").status, 204);
  EXPECT_EQ(changes_, (std::vector<std::string>{"approved ann->bob", "ended ann->bob"}));
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").Json()["relation"].as_object()["following"], "none");
}

TEST_F(SocialTest, FollowerListsPageNewestFirstAndFollowTheConnectionsSetting) {
  for (auto* who : {&ann_, &cyd_}) {
    ASSERT_EQ(Put(*who, "/api/v1/users/bob/follow").status, 200);
  }
  ASSERT_EQ(h_.Post(bob_, "/api/v1/me/follow-requests/ann/approve", "").status, 204);
  ASSERT_EQ(h_.Post(bob_, "/api/v1/me/follow-requests/cyd/approve", "").status, 204);
  // Both follows were made within the same second or not: the keyset (time, id) pages them
  // without loss or repetition either way.
  auto first = h_.Get(bob_, "/api/v1/users/bob/followers?limit=1");
  ASSERT_EQ(first.status, 200);
  auto page1 = Usernames(first);
  ASSERT_EQ(page1.size(), 1u);
  auto cursor = std::string(first.Json()["next_cursor"].as_string());
  auto second = h_.Get(bob_, "/api/v1/users/bob/followers?limit=1&cursor=" + cursor);
  auto page2 = Usernames(second);
  ASSERT_EQ(page2.size(), 1u);
  EXPECT_EQ(second.Json()["next_cursor"], nullptr);
  std::set<std::string> all{page1[0], page2[0]};
  EXPECT_EQ(all, (std::set<std::string>{"ann", "cyd"}));

  // Followers-only connections: ann (a follower of bob? no: bob follows nobody) ...
  EXPECT_EQ(h_.Get(anonymous_, "/api/v1/users/bob/followers").status, 404);
  ASSERT_EQ(Put(bob_, "/api/v1/me/privacy", R"({"connections_visibility":"public"})").status, 200);
  EXPECT_EQ(Usernames(h_.Get(anonymous_, "/api/v1/users/bob/followers")).size(), 2u);
  // A viewer who blocked one of the followers no longer sees them in the list.
  ASSERT_EQ(Put(ann_, "/api/v1/users/cyd/block").status, 204);
  EXPECT_EQ(Usernames(h_.Get(ann_, "/api/v1/users/bob/followers")),
            std::vector<std::string>{"ann"});
}

TEST_F(SocialTest, FollowsAreRateLimited) {
  // The burst is 30 follows; the 31st request within the hour is refused.
  std::vector<std::string> names;
  for (int i = 0; i < 31; ++i) {
    names.push_back("person" + std::to_string(100 + i));
    h_.CreateUser(names.back());
  }
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(Put(ann_, "/api/v1/users/" + names[i] + "/follow").status, 200) << i;
  }
  EXPECT_EQ(Put(ann_, "/api/v1/users/" + names[30] + "/follow").status, 429);
}

// ---- blocks and mutes -------------------------------------------------------------------------

TEST_F(SocialTest, ABlockEndsFollowsBothWaysAndHidesEachFromTheOther) {
  ASSERT_EQ(Put(ann_, "/api/v1/me/privacy", R"({"require_follow_approval":false})").status, 200);
  ASSERT_EQ(Put(bob_, "/api/v1/me/privacy", R"({"require_follow_approval":false})").status, 200);
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 200);
  ASSERT_EQ(Put(bob_, "/api/v1/users/ann/follow").status, 200);
  changes_.clear();

  ASSERT_EQ(Put(bob_, "/api/v1/users/ann/block").status, 204);
  EXPECT_EQ(changes_,
            (std::vector<std::string>{"ended bob->ann", "ended ann->bob", "blocked bob->ann"}));
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").status, 404) << "blocked: as if missing";
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann").status, 404) << "both ways";
  EXPECT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 404);
  EXPECT_EQ(Usernames(h_.Get(bob_, "/api/v1/me/blocks")), std::vector<std::string>{"ann"});
  EXPECT_TRUE(Usernames(h_.Get(ann_, "/api/v1/me/blocks")).empty());
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/ann").Json()["following_count"], 0);
  EXPECT_EQ(Put(bob_, "/api/v1/users/ann/block").status, 204) << "again: no change";
  EXPECT_EQ(changes_.size(), 3u);

  ASSERT_EQ(Delete(bob_, "/api/v1/users/ann/block").status, 204);
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").status, 200);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann").Json()["relation"].as_object()["blocked_by_you"],
            false);
}

TEST_F(SocialTest, MutingIsListedAndShownOnlyToTheMuter) {
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/mute").status, 204);
  EXPECT_EQ(Usernames(h_.Get(ann_, "/api/v1/me/mutes")), std::vector<std::string>{"bob"});
  EXPECT_EQ(h_.Get(ann_, "/api/v1/users/bob").Json()["relation"].as_object()["muted"], true);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann").Json()["relation"].as_object()["muted"], false);
  ASSERT_EQ(Delete(ann_, "/api/v1/users/bob/mute").status, 204);
  EXPECT_TRUE(Usernames(h_.Get(ann_, "/api/v1/me/mutes")).empty());
}

// ---- directory --------------------------------------------------------------------------------

TEST_F(SocialTest, TheDirectoryFindsListedUsersByFoldedPrefixes) {
  ASSERT_EQ(Put(ann_, "/api/v1/me/profile", R"({"display_name":"Zoë Müller"})").status, 200);
  ASSERT_EQ(Put(ann_, "/api/v1/me/privacy", R"({"listed_in_directory":true})").status, 200);
  ASSERT_EQ(Put(bob_, "/api/v1/me/privacy", R"({"listed_in_directory":true})").status, 200);
  ASSERT_EQ(Put(cyd_, "/api/v1/me/profile", R"({"display_name":"Zoe Unlisted"})").status, 200);

  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users?q=ZOE")), std::vector<std::string>{"ann"});
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users?q=mul")), std::vector<std::string>{"ann"});
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users?q=M%C3%9CLLER")),
            std::vector<std::string>{"ann"});
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users?q=BO")), std::vector<std::string>{"bob"});
  EXPECT_TRUE(Usernames(h_.Get(cyd_, "/api/v1/users?q=ller")).empty()) << "prefixes only";
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users")), (std::vector<std::string>{"ann", "bob"}));
  auto first = h_.Get(cyd_, "/api/v1/users?limit=1");
  EXPECT_EQ(Usernames(first), std::vector<std::string>{"ann"});
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users?limit=1&cursor=" +
                                       std::string(first.Json()["next_cursor"].as_string()))),
            std::vector<std::string>{"bob"});

  ASSERT_EQ(Put(bob_, "/api/v1/users/cyd/block").status, 204);
  EXPECT_EQ(Usernames(h_.Get(cyd_, "/api/v1/users")), std::vector<std::string>{"ann"});
  EXPECT_EQ(h_.Get(anonymous_, "/api/v1/users").status, 401);
}

// ---- privacy settings and zones ---------------------------------------------------------------

TEST_F(SocialTest, PrivacySettingsKeepWhatIsLeftOutAndDecideDefaults) {
  auto defaults = h_.Get(ann_, "/api/v1/me/privacy").Json();
  EXPECT_EQ(defaults["workouts"], "followers");
  EXPECT_EQ(defaults["body"], "private");
  EXPECT_EQ(defaults["require_follow_approval"], true);
  EXPECT_EQ(defaults["listed_in_directory"], false);
  EXPECT_EQ(defaults["connections_visibility"], "followers");

  auto saved = Put(ann_, "/api/v1/me/privacy",
                   R"({"workouts":"private","sports":{"run":"public"},"records":"public"})");
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["goals"], "followers") << "left out: kept";
  EXPECT_EQ(saved.Json()["sports"].as_object()["run"], "public");

  auto& lookup = h_.app().Get<features::social::SocialFeature>().lookup();
  h_.app().database->Read([&](Session& s) {
    EXPECT_EQ(lookup.DefaultVisibility(s, ann_id_, "workout", std::string("run")),
              Visibility::kPublic);
    EXPECT_EQ(lookup.DefaultVisibility(s, ann_id_, "workout", std::string("ride")),
              Visibility::kPrivate);
    EXPECT_EQ(lookup.DefaultVisibility(s, ann_id_, "record", std::nullopt), Visibility::kPublic);
  });

  auto bad = Put(ann_, "/api/v1/me/privacy", R"({"sports":{"chess":"public"},"body":"friends"})");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(testing::FieldsOf(bad), (std::set<std::string>{"sports", "body"}));
  EXPECT_EQ(h_.Get(ann_, "/api/v1/me/privacy").Json()["sports"].as_object()["run"], "public")
      << "nothing stored";
}

TEST_F(SocialTest, PrivacyZonesAreSealedLimitedAndOwnedByTheirUser) {
  auto created = h_.Post(ann_, "/api/v1/me/privacy-zones",
                         R"({"name":"Home","latitude":46.5191,"longitude":6.6323,"radius_m":250})");
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = std::string(created.Json()["id"].as_string());
  auto listed = h_.Get(ann_, "/api/v1/me/privacy-zones").Json()["items"].as_array();
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_NEAR(listed[0].as_object().at("latitude").to_number<double>(), 46.5191, 1e-6);
  EXPECT_EQ(listed[0].as_object().at("radius_m").to_number<double>(), 250);

  // The centre is not in the database in the clear.
  constexpr Statement kRaw{"test.zone_raw", "SELECT sealed_center FROM privacy_zones"};
  h_.app().database->Read([&](Session& s) {
    auto raw = s.QueryOne(kRaw)->Text("sealed_center");
    EXPECT_EQ(raw.find("46.5"), std::string::npos);
  });

  auto changed = h_.Call(ann_, Method::kPut, "/api/v1/me/privacy-zones/" + id,
                         R"({"name":"Work","latitude":46.52,"longitude":6.63,"radius_m":1000})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(
      h_.Get(ann_, "/api/v1/me/privacy-zones").Json()["items"].as_array()[0].as_object().at("name"),
      "Work");
  EXPECT_EQ(h_.Call(bob_, Method::kDelete, "/api/v1/me/privacy-zones/" + id).status, 404);
  EXPECT_EQ(h_.Post(ann_, "/api/v1/me/privacy-zones",
                    R"({"name":"Tiny","latitude":1,"longitude":1,"radius_m":50})")
                .status,
            422);
  for (int i = 1; i < 10; ++i) {
    ASSERT_EQ(h_.Post(ann_, "/api/v1/me/privacy-zones",
                      R"({"name":"Z","latitude":1,"longitude":1,"radius_m":100})")
                  .status,
              201);
  }
  EXPECT_EQ(h_.Post(ann_, "/api/v1/me/privacy-zones",
                    R"({"name":"Eleventh","latitude":1,"longitude":1,"radius_m":100})")
                .status,
            409);
  EXPECT_EQ(h_.Call(ann_, Method::kDelete, "/api/v1/me/privacy-zones/" + id).status, 204);
  EXPECT_EQ(h_.Get(ann_, "/api/v1/me/privacy-zones").Json()["items"].as_array().size(), 9u);
}

// ---- avatars ----------------------------------------------------------------------------------

// A width x height PNG whose left, middle and right thirds are red, green and blue.
std::string ThreeBandPng(int width, int height) {
  std::string rgb(static_cast<std::size_t>(width) * height * 3, '\0');
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      int band = x * 3 / width;
      rgb[(static_cast<std::size_t>(y) * width + x) * 3 + band] = static_cast<char>(255);
    }
  }
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  image.width = width;
  image.height = height;
  image.format = PNG_FORMAT_RGB;
  png_alloc_size_t size = 0;
  png_image_write_to_memory(&image, nullptr, &size, 0, rgb.data(), 0, nullptr);
  std::string out(size, '\0');
  png_image_write_to_memory(&image, out.data(), &size, 0, rgb.data(), 0, nullptr);
  out.resize(size);
  return out;
}

// A JPEG with an EXIF segment that carries a GPS position, as phones write them.
std::string JpegWithGps() {
  platform::image::RgbImage image{
      .width = 40, .height = 30, .pixels = std::string(40 * 30 * 3, 'x')};
  auto jpeg = platform::image::EncodeJpeg(image);
  std::string exif = std::string("Exif\0\0", 6) + "MM" + std::string("\0*\0\0\0\x08", 6) +
                     "GPSLatitude=46.519100;GPSLongitude=6.632300";
  std::string segment = "\xff\xe1";
  auto length = exif.size() + 2;
  segment += static_cast<char>(length >> 8);
  segment += static_cast<char>(length & 0xff);
  segment += exif;
  return jpeg.substr(0, 2) + segment + jpeg.substr(2);
}

TEST_F(SocialTest, AnAvatarIsStoredReEncodedAsTheCentreSquare) {
  auto uploaded = h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", ThreeBandPng(600, 200),
                          ContentType("image/png"));
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  auto url = std::string(uploaded.Json()["avatar_url"].as_string());
  EXPECT_TRUE(url.starts_with("/api/v1/users/ann/avatar?v=")) << url;

  auto got = h_.Get(bob_, "/api/v1/users/ann/avatar");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.headers.Get("Content-Type"), "image/jpeg");
  platform::image::ImageError error;
  auto decoded = platform::image::Decode(got.body, {}, error);
  ASSERT_TRUE(decoded) << error.detail;
  EXPECT_EQ(decoded->width, 256);
  EXPECT_EQ(decoded->height, 256);
  // The centre square of a 600 x 200 red|green|blue image is the green band (x 200..400).
  for (int x : {10, 128, 245}) {
    auto at = (static_cast<std::size_t>(128) * 256 + x) * 3;
    auto r = static_cast<unsigned char>(decoded->pixels[at]);
    auto g = static_cast<unsigned char>(decoded->pixels[at + 1]);
    EXPECT_LT(r, 40) << x;
    EXPECT_GT(g, 200) << x;
  }
  auto etag = std::string(got.headers.Get("ETag").value_or(""));
  platform::http::Headers if_none_match;
  if_none_match.Add("If-None-Match", etag);
  EXPECT_EQ(h_.Call(bob_, Method::kGet, "/api/v1/users/ann/avatar", "", if_none_match).status, 304);

  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/block").status, 204);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann/avatar").status, 404);
  ASSERT_EQ(Delete(ann_, "/api/v1/users/bob/block").status, 204);
  ASSERT_EQ(Delete(ann_, "/api/v1/me/avatar").status, 204);
  EXPECT_EQ(h_.Get(bob_, "/api/v1/users/ann/avatar").status, 404);
}

TEST_F(SocialTest, NoExifOrGpsOfAnUploadSurvives) {
  auto upload = JpegWithGps();
  ASSERT_NE(upload.find("GPSLatitude"), std::string::npos);
  auto uploaded =
      h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", upload, ContentType("image/jpeg"));
  ASSERT_EQ(uploaded.status, 200) << uploaded.body;
  auto stored = h_.Get(ann_, "/api/v1/users/ann/avatar").body;
  EXPECT_EQ(stored.find("Exif"), std::string::npos);
  EXPECT_EQ(stored.find("GPS"), std::string::npos);
  EXPECT_EQ(stored.find("46.5191"), std::string::npos);
}

TEST_F(SocialTest, CorruptOrHugeImagesAreRefusedClearly) {
  auto png = ThreeBandPng(30, 30);
  auto truncated = png.substr(0, png.size() / 2);
  auto reply =
      h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", truncated, ContentType("image/png"));
  EXPECT_EQ(reply.status, 422) << reply.body;
  EXPECT_NE(reply.body.find("cannot be read"), std::string::npos) << reply.body;
  EXPECT_EQ(h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", "GIF89a....", ContentType("image/png"))
                .status,
            422);
  // A header claiming 7000 x 10 pixels is refused before any pixel is read.
  auto wide = ThreeBandPng(7000, 1);
  auto too_wide = h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", wide, ContentType("image/png"));
  EXPECT_EQ(too_wide.status, 422);
  EXPECT_NE(too_wide.body.find("6000"), std::string::npos) << too_wide.body;
  EXPECT_EQ(h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", png, ContentType("image/gif")).status,
            415);
  EXPECT_EQ(h_.Get(ann_, "/api/v1/me/profile").Json()["avatar_url"], nullptr);
}

// ---- cards ------------------------------------------------------------------------------------

TEST_F(SocialTest, CardsCarryTheDisplayNameAndTheAvatarUrl) {
  ASSERT_EQ(Put(ann_, "/api/v1/me/profile", R"({"display_name":"Ann A."})").status, 200);
  auto uploaded = h_.Call(ann_, Method::kPut, "/api/v1/me/avatar", ThreeBandPng(30, 30),
                          ContentType("image/png"));
  ASSERT_EQ(uploaded.status, 200);
  auto& lookup = h_.app().Get<features::social::SocialFeature>().lookup();
  std::vector<std::string> ids{ann_id_, bob_id_};
  h_.app().database->Read([&](Session& s) {
    auto cards = lookup.CardsOf(s, ids);
    ASSERT_EQ(cards.size(), 2u);
    EXPECT_EQ(cards.at(ann_id_).display_name, "Ann A.");
    EXPECT_EQ(cards.at(ann_id_).avatar_url, std::string(uploaded.Json()["avatar_url"].as_string()));
    EXPECT_EQ(cards.at(bob_id_).display_name, "bob");
    EXPECT_EQ(cards.at(bob_id_).avatar_url, std::nullopt);
  });
}

TEST_F(SocialTest, WithdrawingARequestEndsNoFollow) {
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/follow").status, 200);
  ASSERT_EQ(Delete(ann_, "/api/v1/users/bob/follow").status, 204);
  EXPECT_TRUE(changes_.empty());
  EXPECT_TRUE(Usernames(h_.Get(bob_, "/api/v1/me/follow-requests")).empty());
}

// ---- reports ----------------------------------------------------------------------------------

TEST_F(SocialTest, AUserCanBeReportedWithTheirProfileAsExcerpt) {
  ASSERT_EQ(Put(ann_, "/api/v1/me/profile", R"({"display_name":"Ann","bio":"Hello"})").status, 200);
  const auto* resolver = h_.app().reportable->Find("user");
  ASSERT_NE(resolver, nullptr);
  h_.app().database->Read([&](Session& s) {
    auto content = (*resolver)(s, bob_id_, "", "ann");
    ASSERT_TRUE(content);
    EXPECT_EQ(content->owner_id, ann_id_);
    EXPECT_EQ(content->excerpt, "@ann (Ann)\nHello");
    EXPECT_FALSE((*resolver)(s, bob_id_, "", "nobody"));
  });
  ASSERT_EQ(Put(ann_, "/api/v1/users/bob/block").status, 204);
  h_.app().database->Read(
      [&](Session& s) { EXPECT_FALSE((*resolver)(s, bob_id_, "", "ann")) << "blocked"; });
}

}  // namespace
}  // namespace vigor
