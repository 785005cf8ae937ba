// Clubs through the real application on both databases: public and private clubs, joining and
// join requests (with their notifications), roles (owner, admin, member) and what each may do,
// posts and who sees them (members of a private club; never a blocked author's; a hidden post
// only to its author), and the rows of the privacy matrix for club.members and club.posts.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/serialize.hpp>

#include "features/moderation/reportable.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/privacy_matrix.hpp"

namespace vigor {
namespace {

using core::privacy::Visibility;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::PrivacyWorld;
using testing::ViewerKind;

constexpr Statement kBlock{"test.clubs.block",
                           "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, "
                           "'2026-01-01T00:00:00.000Z')"};
constexpr Statement kHide{"test.clubs.hide",
                          "INSERT INTO hidden_content (kind, owner_id, item_id, hidden_at) VALUES "
                          "('club_post', $1, $2, '2026-01-01T00:00:00.000Z')"};
constexpr Statement kClubNotifications{
    "test.clubs.notifications",
    "SELECT COUNT(*) AS n FROM notifications WHERE user_id = $1 AND kind = 'club'"};

std::string IdOf(const testing::Reply& reply) {
  return std::string(reply.Json().at("id").as_string());
}

// Usernames in a members or requests page, in its order.
std::vector<std::string> UsernamesOf(const testing::Reply& reply) {
  std::vector<std::string> names;
  auto json = reply.Json();  // kept: the loop reads into it
  for (const auto& item : json.at("items").as_array()) {
    names.emplace_back(item.at("user").at("username").as_string());
  }
  return names;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

std::vector<std::string> PostBodiesOf(const testing::Reply& reply) {
  std::vector<std::string> bodies;
  auto json = reply.Json();
  for (const auto& item : json.at("items").as_array()) {
    bodies.emplace_back(item.at("body").as_string());
  }
  return bodies;
}

// ---- The privacy matrix rows ----
//
// A club is a group, not one user's item with a visibility, so the matrix's visibilities are
// mapped to clubs the owner makes (each through the API):
//   public    -> a public club of the owner's: its members and posts are for everyone;
//   followers -> a private club whose members are the owner and the world's approved follower
//                (who asked to join and whom the owner approved);
//   private   -> a private club whose only member is the owner.
// The item the viewer looks for is the owner: in the club's member list (club.members), and the
// owner's post in the club (club.posts). With this mapping the club's rule (members only for a
// private club; blocks in either direction leave the user and their posts out everywhere)
// gives exactly core::privacy::MaySee for every viewer kind: the follower is the only non-owner
// member of the "followers" club; pending followers, strangers and staff are not members.
std::string MakeClub(PrivacyWorld& world, Visibility visibility) {
  auto& h = world.harness();
  std::string access = visibility == Visibility::kPublic ? "public" : "private";
  auto club = h.Post(world.owner(), "/api/v1/clubs",
                     R"({"name":"Matrix club","access":")" + access + R"("})");
  EXPECT_EQ(club.status, 201) << club.body;
  auto id = IdOf(club);
  if (visibility == Visibility::kFollowers) {
    auto& follower = world.Of(ViewerKind::kFollower);
    EXPECT_EQ(h.Call(follower, Method::kPut, "/api/v1/clubs/" + id + "/membership").status, 200);
    EXPECT_EQ(
        h.Post(world.owner(), "/api/v1/clubs/" + id + "/requests/follower/approve", "").status,
        200);
  }
  return id;
}

const testing::RegisterPrivacyReadPath kMembersRow{{
    .name = "club.members",
    .make_item = MakeClub,
    .viewer_sees =
        [](PrivacyWorld& world, ViewerKind viewer, const std::string& club) {
          auto reply = world.harness().Get(world.Of(viewer), "/api/v1/clubs/" + club + "/members");
          if (reply.status != 200) return false;
          auto names = UsernamesOf(reply);
          return std::find(names.begin(), names.end(), PrivacyWorld::kOwnerName) != names.end();
        },
}};

const testing::RegisterPrivacyReadPath kPostsRow{{
    .name = "club.posts",
    .make_item =
        [](PrivacyWorld& world, Visibility visibility) {
          auto club = MakeClub(world, visibility);
          auto post = world.harness().Post(world.owner(), "/api/v1/clubs/" + club + "/posts",
                                           R"({"body":"The owner's post"})");
          EXPECT_EQ(post.status, 201) << post.body;
          return club;
        },
    .viewer_sees =
        [](PrivacyWorld& world, ViewerKind viewer, const std::string& club) {
          auto reply = world.harness().Get(world.Of(viewer), "/api/v1/clubs/" + club + "/posts");
          if (reply.status != 200) return false;
          auto bodies = PostBodiesOf(reply);
          return std::find(bodies.begin(), bodies.end(), "The owner's post") != bodies.end();
        },
}};

// ---- The feature ----

class ClubsTest : public ::testing::Test {
 protected:
  ClubsTest() {
    anna_id_ = h_.CreateUser("anna");
    ben_id_ = h_.CreateUser("ben");
    cleo_id_ = h_.CreateUser("cleo");
    h_.SignIn(anna_, "anna");
    h_.SignIn(ben_, "ben");
    h_.SignIn(cleo_, "cleo");
  }

  std::string CreateClub(const std::string& name, const std::string& access) {
    auto reply =
        h_.Post(anna_, "/api/v1/clubs",
                R"({"name":")" + name + R"(","description":"Line one\nLine two","access":")" +
                    access + R"("})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return IdOf(reply);
  }
  int Join(Browser& b, const std::string& club) {
    return h_.Call(b, Method::kPut, "/api/v1/clubs/" + club + "/membership").status;
  }
  testing::Reply Post(Browser& b, const std::string& club, const std::string& body) {
    return h_.Post(b, "/api/v1/clubs/" + club + "/posts", R"({"body":")" + body + R"("})");
  }
  std::int64_t ClubNotifications(const std::string& user_id) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return s.QueryOne(kClubNotifications, user_id)->Int("n"); });
  }

  AppHarness h_;
  Browser anna_, ben_, cleo_, anonymous_;
  std::string anna_id_, ben_id_, cleo_id_;
};

TEST_F(ClubsTest, APublicClubIsJoinedAtOnceAndReadByEveryone) {
  auto club = CreateClub("Trail Runners", "public");
  auto got = h_.Get(anna_, "/api/v1/clubs/" + club).Json();
  EXPECT_EQ(got["name"], "Trail Runners");
  EXPECT_EQ(got["description"], "Line one\nLine two");
  EXPECT_EQ(got["member_count"], 1);
  EXPECT_EQ(got["my_role"], "owner");
  EXPECT_EQ(got["owner"].at("username"), "anna");

  EXPECT_EQ(Join(ben_, club), 200);
  EXPECT_EQ(Join(ben_, club), 200);  // again: nothing changes
  auto as_ben = h_.Get(ben_, "/api/v1/clubs/" + club).Json();
  EXPECT_EQ(as_ben["my_role"], "member");
  EXPECT_EQ(as_ben["my_state"], "active");
  EXPECT_EQ(as_ben["member_count"], 2);
  EXPECT_EQ(ClubNotifications(anna_id_), 0);  // no request to hear about

  EXPECT_EQ(Post(ben_, club, "First!\\nSecond line").status, 201);
  // Not a member: may read a public club's posts, not write them.
  EXPECT_EQ(Post(cleo_, club, "Me too").status, 403);
  EXPECT_EQ(PostBodiesOf(h_.Get(anonymous_, "/api/v1/clubs/" + club + "/posts")),
            std::vector<std::string>{"First!\nSecond line"});
  EXPECT_EQ(Sorted(UsernamesOf(h_.Get(anonymous_, "/api/v1/clubs/" + club + "/members"))),
            (std::vector<std::string>{"anna", "ben"}));
  EXPECT_EQ(UsernamesOf(h_.Get(cleo_, "/api/v1/clubs/" + club + "/members")).size(), 2u);

  EXPECT_EQ(h_.Call(ben_, Method::kDelete, "/api/v1/clubs/" + club + "/membership").status, 204);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/clubs/" + club).Json()["member_count"], 1);
  // The owner cannot leave without passing ownership.
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/clubs/" + club + "/membership").status, 409);
}

TEST_F(ClubsTest, TheListHasPublicClubsAndYoursAndSearchesByName) {
  auto runners = CreateClub("Trail Runners", "public");
  auto lifters = CreateClub("Secret Lifters", "private");
  auto names = [&](Browser& b, const std::string& query) {
    std::vector<std::string> out;
    auto json = h_.Get(b, "/api/v1/clubs" + query).Json();
    for (const auto& item : json["items"].as_array()) {
      out.emplace_back(item.at("name").as_string());
    }
    return out;
  };
  // Newest first.
  EXPECT_EQ(names(anna_, ""), (std::vector<std::string>{"Secret Lifters", "Trail Runners"}));
  EXPECT_EQ(names(ben_, ""), std::vector<std::string>{"Trail Runners"});
  EXPECT_EQ(names(anonymous_, ""), std::vector<std::string>{"Trail Runners"});
  EXPECT_EQ(names(anna_, "?q=LIFT"), std::vector<std::string>{"Secret Lifters"});
  EXPECT_EQ(names(anna_, "?q=%25"),
            std::vector<std::string>{});  // % is a character, not a wildcard
  EXPECT_EQ(Join(ben_, lifters), 200);    // a request: listed as his, pending
  EXPECT_EQ(names(ben_, "?mine=true"), std::vector<std::string>{"Secret Lifters"});
  auto mine = h_.Get(ben_, "/api/v1/clubs?mine=true").Json();
  auto item = mine["items"].as_array()[0].as_object();
  EXPECT_EQ(item["my_state"], "pending");
  auto page = h_.Get(anna_, "/api/v1/clubs?limit=1").Json();
  ASSERT_TRUE(page["next_cursor"].is_string());
  auto next =
      h_.Get(anna_, "/api/v1/clubs?limit=1&cursor=" + std::string(page["next_cursor"].as_string()))
          .Json();
  EXPECT_EQ(next["items"].as_array()[0].at("id").as_string(), runners);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/clubs?cursor=nonsense").status, 422);
}

TEST_F(ClubsTest, APrivateClubShowsItsCardToAllAndItsMembersAndPostsToMembersOnly) {
  auto club = CreateClub("Secret Lifters", "private");
  EXPECT_EQ(Post(anna_, club, "Members only").status, 201);
  auto card = h_.Get(anonymous_, "/api/v1/clubs/" + club);
  EXPECT_EQ(card.status, 200);
  EXPECT_EQ(card.Json()["name"], "Secret Lifters");
  EXPECT_EQ(card.Json()["member_count"], 1);
  for (Browser* b : {&ben_, &anonymous_}) {
    EXPECT_EQ(h_.Get(*b, "/api/v1/clubs/" + club + "/members").status, 404);
    EXPECT_EQ(h_.Get(*b, "/api/v1/clubs/" + club + "/posts").status, 404);
  }

  // Ben asks; anna (the owner, its only admin) hears of it.
  EXPECT_EQ(Join(ben_, club), 200);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/clubs/" + club).Json()["my_state"], "pending");
  EXPECT_EQ(ClubNotifications(anna_id_), 1);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/clubs/" + club + "/posts").status, 404);  // still pending
  EXPECT_EQ(Post(ben_, club, "Let me in").status, 404);
  EXPECT_EQ(UsernamesOf(h_.Get(anna_, "/api/v1/clubs/" + club + "/requests")),
            std::vector<std::string>{"ben"});
  EXPECT_EQ(h_.Get(ben_, "/api/v1/clubs/" + club + "/requests").status, 404);

  auto approved = h_.Post(anna_, "/api/v1/clubs/" + club + "/requests/ben/approve", "");
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json()["state"], "active");
  EXPECT_EQ(ClubNotifications(ben_id_), 1);
  EXPECT_EQ(h_.Get(ben_, "/api/v1/clubs/" + club).Json()["member_count"], 2);
  EXPECT_EQ(PostBodiesOf(h_.Get(ben_, "/api/v1/clubs/" + club + "/posts")),
            std::vector<std::string>{"Members only"});
  EXPECT_EQ(Sorted(UsernamesOf(h_.Get(ben_, "/api/v1/clubs/" + club + "/members"))),
            (std::vector<std::string>{"anna", "ben"}));
  EXPECT_EQ(UsernamesOf(h_.Get(ben_, "/api/v1/clubs/" + club + "/members")).size(), 2u);

  // Cleo asks and is declined: no member, no request left.
  EXPECT_EQ(Join(cleo_, club), 200);
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/clubs/" + club + "/requests/cleo").status,
            204);
  EXPECT_EQ(h_.Get(cleo_, "/api/v1/clubs/" + club).Json().contains("my_state"), false);
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, "/api/v1/clubs/" + club + "/requests/cleo").status,
            404);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/clubs/" + club).Json()["member_count"], 2);
}

TEST_F(ClubsTest, RolesDecideWhoEditsRemovesAndDeletes) {
  auto club = CreateClub("Rowers", "public");
  EXPECT_EQ(Join(ben_, club), 200);
  EXPECT_EQ(Join(cleo_, club), 200);
  auto path = "/api/v1/clubs/" + club;

  // A member cannot edit, remove anyone or make admins.
  EXPECT_EQ(h_.Call(ben_, Method::kPatch, path, R"({"name":"Mine now"})").status, 403);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + "/members/cleo").status, 403);
  EXPECT_EQ(h_.Call(ben_, Method::kPatch, path + "/members/cleo", R"({"role":"admin"})").status,
            403);

  // The owner makes ben an admin: he edits and removes members, not the owner, not admins.
  auto made = h_.Call(anna_, Method::kPatch, path + "/members/ben", R"({"role":"admin"})");
  ASSERT_EQ(made.status, 200) << made.body;
  EXPECT_EQ(made.Json()["role"], "admin");
  auto edited = h_.Call(ben_, Method::kPatch, path, R"({"name":"Rowing Club"})");
  EXPECT_EQ(edited.status, 200);
  EXPECT_EQ(edited.Json()["name"], "Rowing Club");
  EXPECT_EQ(edited.Json()["description"], "Line one\nLine two");  // left out: kept
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + "/members/anna").status, 403);
  EXPECT_EQ(h_.Call(ben_, Method::kPatch, path + "/members/cleo", R"({"role":"admin"})").status,
            403);                                               // only the owner makes admins
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path).status, 403);  // only the owner deletes
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + "/members/cleo").status, 204);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + "/members/cleo").status, 404);
  EXPECT_EQ(h_.Get(anna_, path).Json()["member_count"], 2);
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, path + "/members/nobody").status, 404);
  EXPECT_EQ(h_.Call(anna_, Method::kPatch, path + "/members/ben", R"({"role":"chief"})").status,
            422);

  // Passing ownership: ben becomes the owner, anna an admin who may now leave.
  auto passed = h_.Call(anna_, Method::kPatch, path + "/members/ben", R"({"role":"owner"})");
  ASSERT_EQ(passed.status, 200) << passed.body;
  EXPECT_EQ(h_.Get(anna_, path).Json()["my_role"], "admin");
  EXPECT_EQ(h_.Get(anna_, path).Json()["owner"].at("username"), "ben");
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, path + "/members/ben").status, 403);
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, path + "/membership").status, 204);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path).status, 204);
  EXPECT_EQ(h_.Get(ben_, path).status, 404);
}

TEST_F(ClubsTest, PostsAreDeletedByTheirAuthorOrAnAdmin) {
  auto club = CreateClub("Climbers", "public");
  EXPECT_EQ(Join(ben_, club), 200);
  EXPECT_EQ(Join(cleo_, club), 200);
  auto bens = IdOf(Post(ben_, club, "Ben's"));
  auto cleos = IdOf(Post(cleo_, club, "Cleo's"));
  auto path = "/api/v1/clubs/" + club + "/posts/";
  auto page = h_.Get(ben_, "/api/v1/clubs/" + club + "/posts").Json();
  auto listed = page["items"].as_array();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].at("body"), "Cleo's");  // newest first
  EXPECT_EQ(listed[0].at("may_delete"), false);
  EXPECT_EQ(listed[1].at("may_delete"), true);
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + cleos).status, 403);   // a member
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, path + cleos).status, 204);  // the owner
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + bens).status, 204);    // the author
  EXPECT_EQ(h_.Call(ben_, Method::kDelete, path + bens).status, 404);
  EXPECT_EQ(PostBodiesOf(h_.Get(anna_, "/api/v1/clubs/" + club + "/posts")),
            std::vector<std::string>{});
  EXPECT_EQ(Post(ben_, club, "").status, 422);
}

TEST_F(ClubsTest, ABlockedAuthorsPostsAndAHiddenPostAreLeftOut) {
  auto club = CreateClub("Cyclists", "public");
  EXPECT_EQ(Join(ben_, club), 200);
  auto bens = IdOf(Post(ben_, club, "Ben's"));
  EXPECT_EQ(Post(anna_, club, "Anna's").status, 201);
  h_.app().database->Write([&](Session& s) { s.Execute(kBlock, anna_id_, ben_id_); });
  auto posts = "/api/v1/clubs/" + club + "/posts";
  EXPECT_EQ(PostBodiesOf(h_.Get(anna_, posts)), std::vector<std::string>{"Anna's"});
  EXPECT_EQ(PostBodiesOf(h_.Get(ben_, posts)), std::vector<std::string>{"Ben's"});
  EXPECT_EQ(PostBodiesOf(h_.Get(cleo_, posts)), (std::vector<std::string>{"Anna's", "Ben's"}));
  EXPECT_EQ(UsernamesOf(h_.Get(anna_, "/api/v1/clubs/" + club + "/members")),
            std::vector<std::string>{"anna"});
  // The owner cannot delete a post she cannot see: it is as missing.
  EXPECT_EQ(h_.Call(anna_, Method::kDelete, posts + "/" + bens).status, 404);

  h_.app().database->Write([&](Session& s) { s.Execute(kHide, ben_id_, bens); });
  EXPECT_EQ(PostBodiesOf(h_.Get(cleo_, posts)), std::vector<std::string>{"Anna's"});
  EXPECT_EQ(PostBodiesOf(h_.Get(ben_, posts)), std::vector<std::string>{"Ben's"});
}

TEST_F(ClubsTest, ClubsAndPostsAreReportableAsTheReporterSeesThem) {
  auto club = CreateClub("Swimmers", "private");
  auto post = IdOf(Post(anna_, club, "Pool at six"));
  auto& kinds = *h_.app().reportable;
  ASSERT_NE(kinds.Find("club"), nullptr);
  ASSERT_NE(kinds.Find("club_post"), nullptr);
  h_.app().database->Read([&](Session& s) {
    auto reported = (*kinds.Find("club"))(s, ben_id_, "", club);
    ASSERT_TRUE(reported);
    EXPECT_EQ(reported->owner_id, anna_id_);
    EXPECT_EQ(reported->excerpt, "Swimmers: Line one Line two");
    // Ben is not a member: the post is as missing to him.
    EXPECT_FALSE((*kinds.Find("club_post"))(s, ben_id_, "", post));
    auto own = (*kinds.Find("club_post"))(s, anna_id_, "", post);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->excerpt, "Pool at six");
  });
}

// core/limits.hpp: 60 posts an hour per user, as a burst; the 61st is refused with Retry-After.
TEST_F(ClubsTest, PostingIsRateLimited) {
  auto club = CreateClub("Chatty", "public");
  for (int i = 0; i < 60; ++i)
    ASSERT_EQ(Post(anna_, club, "Post " + std::to_string(i)).status, 201);
  auto refused = Post(anna_, club, "One too many");
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.headers.Get("Retry-After").has_value());
  EXPECT_EQ(Join(ben_, club), 200);
  EXPECT_EQ(Post(ben_, club, "Another user's bucket").status, 201);
}

TEST_F(ClubsTest, InvalidInputIsRefusedFieldByField) {
  auto missing = h_.Post(anna_, "/api/v1/clubs", R"({"access":"secret"})");
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(testing::FieldsOf(missing), (std::set<std::string>{"name", "access"}));
  EXPECT_EQ(h_.Post(anonymous_, "/api/v1/clubs", R"({"name":"X"})").status, 401);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/clubs/not-a-club").status, 404);
  EXPECT_EQ(h_.Get(anna_, "/api/v1/clubs/0190b3a0-0000-7000-8000-000000000000").status, 404);
}

}  // namespace
}  // namespace vigor
