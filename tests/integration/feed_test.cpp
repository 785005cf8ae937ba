// The feed through the real application on both databases: items from workouts, records and
// reached goals; fan-out to followers, backfill on an approved follow, removal when a follow
// ends or a block happens; muted users left out; visibility applied again when read; keyset
// pages; kudos, comments (markdown-lite, hostile input), mentions and their notifications;
// authors' and owners' rights; hidden comments; a constant number of statements per page
// however many people the viewer follows; and the privacy matrix rows of the feed's read paths.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <set>

#include "features/feed/feature.hpp"
#include "features/social/feature.hpp"
#include "platform/time_text.hpp"
#include "support/app_harness.hpp"
#include "support/counting_database.hpp"
#include "support/privacy_matrix.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

constexpr Statement kFollow{"test.follow",
                            "INSERT INTO follows (follower_id, followee_id, state, created_at, "
                            "approved_at) VALUES ($1, $2, 'approved', '2026-01-01T00:00:00Z', "
                            "'2026-01-01T00:00:00Z')"};
constexpr Statement kShare{"test.share_item",
                           "UPDATE feed_items SET visibility = $2 WHERE id = $1"};
constexpr Statement kMute{"test.mute",
                          "INSERT INTO mutes (user_id, muted_id, created_at) VALUES ($1, $2, "
                          "'2026-01-01T00:00:00Z')"};
constexpr Statement kHide{"test.hide",
                          "INSERT INTO hidden_content (kind, owner_id, item_id, hidden_at) "
                          "VALUES ($1, $2, $3, '2026-01-01T00:00:00Z')"};
constexpr Statement kInbox{"test.inbox",
                           "INSERT INTO feed_inbox (viewer_id, occurred_at, item_id, owner_id) "
                           "SELECT CAST($1 AS TEXT), occurred_at, id, owner_id FROM feed_items "
                           "WHERE id = $2"};

std::string Workout(const std::string& title, const std::string& started_at) {
  return R"({"title": ")" + title + R"(", "started_at": ")" + started_at +
         R"(", "cardio": {"sport": "run", "distance_m": 5000, "duration_s": 1500}})";
}

std::string Squat(const std::string& started_at, double kg) {
  return R"({"title": "Legs", "started_at": ")" + started_at +
         R"(", "blocks": [{"exercise_id": "barbell-back-squat", "sets": [{"reps": 5, )"
         R"("weight_kg": )" +
         std::to_string(kg) + R"(, "done": true}]}]})";
}

// The notifications the feed sent, in order.
class RecordingNotifier final : public features::notifications::Notifier {
 public:
  void Notify(Session&, const features::notifications::Notification& n) override {
    sent.push_back(n);
  }
  std::vector<features::notifications::Notification> sent;
};

std::vector<std::string> IdsOf(const boost::json::object& page) {
  std::vector<std::string> ids;
  for (const auto& item : page.at("items").as_array()) {
    ids.emplace_back(item.as_object().at("id").as_string());
  }
  return ids;
}

class FeedTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    fan_id_ = h_.CreateUser("fan");
    stranger_id_ = h_.CreateUser("stranger");
    h_.SignIn(owner_, "owner");
    h_.SignIn(fan_, "fan");
    h_.SignIn(stranger_, "stranger");
    Write([&](Session& s) { s.Execute(kFollow, fan_id_, owner_id_); });
    h_.app().notifier->Connect(notifier_);
  }

  void Write(const std::function<void(Session&)>& work) { h_.app().database->Write(work); }

  // Logs a workout and returns its feed item's id (shared as `visibility`).
  std::string Log(const std::string& title, const std::string& started_at,
                  const std::string& visibility = "followers") {
    auto created = h_.Post(owner_, "/api/v1/workouts", Workout(title, started_at));
    EXPECT_EQ(created.status, 201) << created.body;
    std::string workout_id(created.Json()["id"].as_string());
    std::string item = ItemOfWorkout(workout_id);
    Write([&](Session& s) { s.Execute(kShare, item, visibility); });
    return item;
  }

  std::string ItemOfWorkout(const std::string& workout_id) {
    std::string found;
    h_.app().database->Read([&](Session& s) {
      constexpr Statement kFind{
          "test.item_of_workout",
          "SELECT id FROM feed_items WHERE kind = 'workout' AND subject = $1"};
      if (auto row = s.QueryOne(kFind, workout_id)) found = row->Text("id");
    });
    return found;
  }

  boost::json::object Feed(Browser& b, const std::string& query = "") {
    auto reply = h_.Get(b, "/api/v1/feed" + query);
    EXPECT_EQ(reply.status, 200) << reply.body;
    return reply.Json();
  }

  features::social::SocialFeature& Social() {
    for (auto& f : h_.app().features) {
      if (auto* social = dynamic_cast<features::social::SocialFeature*>(f.get())) return *social;
    }
    throw std::logic_error("no social feature");
  }

  AppHarness h_;
  Browser owner_, fan_, stranger_;
  std::string owner_id_, fan_id_, stranger_id_;
  RecordingNotifier notifier_;
};

TEST_F(FeedTest, FollowersSeeSharedWorkoutsNewestFirstAndTheOwnerSeesAll) {
  auto older = Log("Older", "2026-03-01T07:00:00.000Z");
  auto secret = Log("Secret", "2026-03-02T07:00:00.000Z", "private");
  auto newer = Log("Newer", "2026-03-03T07:00:00.000Z");
  EXPECT_EQ(IdsOf(Feed(fan_)), (std::vector<std::string>{newer, older}));
  EXPECT_EQ(IdsOf(Feed(owner_)), (std::vector<std::string>{newer, secret, older}));
  EXPECT_TRUE(IdsOf(Feed(stranger_)).empty());

  auto first = Feed(fan_).at("items").as_array()[0].as_object();
  EXPECT_EQ(first.at("kind"), "workout");
  EXPECT_EQ(first.at("owner").as_object().at("username"), "owner");
  EXPECT_EQ(first.at("summary").as_object().at("title"), "Newer");
  EXPECT_EQ(first.at("summary").as_object().at("distance_m").to_number<double>(), 5000);
  EXPECT_EQ(first.at("kudos_count"), 0);
  EXPECT_EQ(first.at("you_gave_kudos"), false);
}

TEST_F(FeedTest, PagesAreKeyedByTimeAndId) {
  std::vector<std::string> items;
  for (int day = 1; day <= 5; ++day) {
    items.push_back(Log("W", "2026-03-0" + std::to_string(day) + "T07:00:00.000Z"));
  }
  auto page = Feed(fan_, "?limit=2");
  EXPECT_EQ(IdsOf(page), (std::vector<std::string>{items[4], items[3]}));
  std::string cursor(page.at("next_cursor").as_string());
  page = Feed(fan_, "?limit=2&cursor=" + cursor);
  EXPECT_EQ(IdsOf(page), (std::vector<std::string>{items[2], items[1]}));
  page = Feed(fan_, "?limit=2&cursor=" + std::string(page.at("next_cursor").as_string()));
  EXPECT_EQ(IdsOf(page), (std::vector<std::string>{items[0]}));
  EXPECT_TRUE(page.at("next_cursor").is_null());
  EXPECT_EQ(h_.Get(fan_, "/api/v1/feed?cursor=nonsense").status, 422);
}

TEST_F(FeedTest, EditsUpdateAndDeletesRemove) {
  auto created = h_.Post(owner_, "/api/v1/workouts", Workout("Run", "2026-03-01T07:00:00.000Z"));
  ASSERT_EQ(created.status, 201);
  std::string workout_id(created.Json()["id"].as_string());
  std::string etag(created.headers.Get("ETag").value_or(""));
  std::string item = ItemOfWorkout(workout_id);
  Write([&](Session& s) { s.Execute(kShare, item, "followers"); });
  platform::http::Headers if_match;
  if_match.Add("If-Match", etag);
  auto put = h_.Call(owner_, Method::kPut, "/api/v1/workouts/" + workout_id,
                     Workout("Renamed", "2026-03-05T07:00:00.000Z"), if_match);
  ASSERT_EQ(put.status, 200) << put.body;
  auto shown = h_.Get(owner_, "/api/v1/feed-items/" + item).Json();
  EXPECT_EQ(shown.at("summary").as_object().at("title"), "Renamed");
  EXPECT_EQ(shown.at("occurred_at"), "2026-03-05T07:00:00.000Z");
  ASSERT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/workouts/" + workout_id).status, 204);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/feed-items/" + item).status, 404);
  EXPECT_TRUE(IdsOf(Feed(fan_)).empty());
}

TEST_F(FeedTest, MutedUsersAreLeftOutAndNarrowedVisibilityApplies) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  ASSERT_EQ(IdsOf(Feed(fan_)).size(), 1u);
  Write([&](Session& s) { s.Execute(kShare, item, "private"); });
  EXPECT_TRUE(IdsOf(Feed(fan_)).empty());
  EXPECT_EQ(h_.Get(fan_, "/api/v1/feed-items/" + item).status, 404);
  Write([&](Session& s) {
    s.Execute(kShare, item, "followers");
    s.Execute(kMute, fan_id_, owner_id_);
  });
  EXPECT_TRUE(IdsOf(Feed(fan_)).empty());
  // Muting decides no visibility: the item itself is still there for the fan.
  EXPECT_EQ(h_.Get(fan_, "/api/v1/feed-items/" + item).status, 200);
}

TEST_F(FeedTest, ApprovedFollowsBackfillAndEndedFollowsAndBlocksRemove) {
  auto item = Log("Public run", "2026-03-01T07:00:00.000Z", "public");
  EXPECT_TRUE(IdsOf(Feed(stranger_)).empty());  // public, but not followed
  using Kind = features::social::GraphChange::Kind;
  Write([&](Session& s) {
    s.Execute(kFollow, stranger_id_, owner_id_);
    Social().graph_changes().Notify(s, {Kind::kFollowApproved, stranger_id_, owner_id_});
  });
  EXPECT_EQ(IdsOf(Feed(stranger_)), std::vector<std::string>{item});
  Write([&](Session& s) {
    Social().graph_changes().Notify(s, {Kind::kFollowEnded, stranger_id_, owner_id_});
  });
  EXPECT_TRUE(IdsOf(Feed(stranger_)).empty());
  // A block empties both inboxes of the other's items.
  Write([&](Session& s) {
    Social().graph_changes().Notify(s, {Kind::kBlocked, owner_id_, fan_id_});
  });
  EXPECT_TRUE(IdsOf(Feed(fan_)).empty());
  EXPECT_EQ(IdsOf(Feed(owner_)), std::vector<std::string>{item});
}

TEST_F(FeedTest, NewRecordsAndReachedGoalsBecomeItems) {
  auto goal =
      h_.Post(owner_, "/api/v1/goals", R"({"metric": "sessions", "target": 2, "period": "week"})");
  ASSERT_EQ(goal.status, 201) << goal.body;
  auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                 std::chrono::system_clock::now().time_since_epoch())
                 .count();
  ASSERT_EQ(
      h_.Post(owner_, "/api/v1/workouts", Squat(platform::FormatUtcMs(now - 120'000), 100)).status,
      201);
  ASSERT_EQ(
      h_.Post(owner_, "/api/v1/workouts", Squat(platform::FormatUtcMs(now - 60'000), 110)).status,
      201);
  std::multiset<std::string> kinds;
  bool heavier = false, reached = false;
  auto feed = Feed(owner_);
  for (const auto& v : feed.at("items").as_array()) {
    const auto& item = v.as_object();
    kinds.insert(std::string(item.at("kind").as_string()));
    const auto& summary = item.at("summary").as_object();
    if (item.at("kind") == "record" && summary.at("record_kind") == "rep_max") {
      heavier = summary.at("value").to_number<double>() == 110 &&
                summary.at("previous_value").to_number<double>() == 100;
    }
    if (item.at("kind") == "goal") reached = summary.at("target").to_number<double>() == 2;
  }
  EXPECT_EQ(kinds.count("workout"), 2u);
  EXPECT_GE(kinds.count("record"), 1u);  // the first workout set records, the second beat them
  EXPECT_EQ(kinds.count("goal"), 1u);
  EXPECT_TRUE(heavier);
  EXPECT_TRUE(reached);
}

TEST_F(FeedTest, KudosCountOnceNotifyTheOwnerAndListGivers) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  auto given = h_.Call(fan_, Method::kPut, "/api/v1/feed-items/" + item + "/kudos");
  ASSERT_EQ(given.status, 200) << given.body;
  EXPECT_EQ(given.Json()["kudos_count"], 1);
  EXPECT_EQ(
      h_.Call(fan_, Method::kPut, "/api/v1/feed-items/" + item + "/kudos").Json()["kudos_count"],
      1);
  ASSERT_EQ(notifier_.sent.size(), 1u);
  EXPECT_EQ(notifier_.sent[0].kind, "kudos");
  EXPECT_EQ(notifier_.sent[0].recipient_id, owner_id_);
  EXPECT_EQ(notifier_.sent[0].actor_id, fan_id_);
  auto givers = h_.Get(owner_, "/api/v1/feed-items/" + item + "/kudos").Json();
  ASSERT_EQ(givers["items"].as_array().size(), 1u);
  EXPECT_EQ(givers["items"].as_array()[0].as_object().at("username"), "fan");
  EXPECT_EQ(Feed(fan_).at("items").as_array()[0].as_object().at("you_gave_kudos"), true);
  // The stranger may not see the item: as if it did not exist.
  EXPECT_EQ(h_.Call(stranger_, Method::kPut, "/api/v1/feed-items/" + item + "/kudos").status, 404);
  EXPECT_EQ(h_.Call(fan_, Method::kDelete, "/api/v1/feed-items/" + item + "/kudos").status, 204);
  EXPECT_EQ(Feed(fan_).at("items").as_array()[0].as_object().at("kudos_count"), 0);
}

TEST_F(FeedTest, CommentsRenderMarkdownLiteSafely) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  const std::string hostile =
      "**Great** <script>alert(1)</script> [x](javascript:alert(1)) "
      "[ok](https://example.org/\" onclick=\"x) <img src=x onerror=alert(1)> "
      "<style>*{}</style> [d](data:text/html,hi) &lt;b&gt;\n*done*";
  boost::json::object body{{"body", hostile}};
  auto posted =
      h_.Post(fan_, "/api/v1/feed-items/" + item + "/comments", boost::json::serialize(body));
  ASSERT_EQ(posted.status, 201) << posted.body;
  auto comment = posted.Json();
  EXPECT_EQ(comment["body"].as_string(), hostile);
  std::string html(comment["body_html"].as_string());
  EXPECT_EQ(
      html,
      "<strong>Great</strong> &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:alert(1)) "
      "[ok](https://example.org/&quot; onclick=&quot;x) &lt;img src=x onerror=alert(1)&gt; "
      "&lt;style&gt;*{}&lt;/style&gt; [d](data:text/html,hi) &amp;lt;b&amp;gt;<br><em>done</em>");
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  auto listed = h_.Get(owner_, "/api/v1/feed-items/" + item + "/comments").Json();
  ASSERT_EQ(listed["items"].as_array().size(), 1u);
  EXPECT_EQ(listed["items"].as_array()[0].as_object().at("body_html").as_string(), html);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/feed-items/" + item).Json()["comments_count"], 1);
}

TEST_F(FeedTest, CommentsNotifyTheOwnerAndMentionedUsersWhoMaySeeTheItem) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  h_.CreateUser("buddy");
  std::string buddy_id;
  h_.app().database->Read([&](Session& s) { buddy_id = *Social().lookup().UserIdOf(s, "buddy"); });
  Write([&](Session& s) { s.Execute(kFollow, buddy_id, owner_id_); });
  auto posted = h_.Post(fan_, "/api/v1/feed-items/" + item + "/comments",
                        R"({"body":"Well run @Buddy and @stranger and @nobody_here @fan"})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  std::vector<std::pair<std::string, std::string>> sent;
  for (const auto& n : notifier_.sent) sent.emplace_back(n.kind, n.recipient_id);
  // The stranger may not see a followers-only item: no mention; the author is not told of self.
  EXPECT_EQ(sent, (std::vector<std::pair<std::string, std::string>>{{"comment", owner_id_},
                                                                    {"mention", buddy_id}}));
  EXPECT_EQ(notifier_.sent[1].excerpt, "Well run @Buddy and @stranger and @nobody_here @fan");
}

TEST_F(FeedTest, AuthorsEditAuthorsAndOwnersDelete) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z", "public");
  auto posted = h_.Post(fan_, "/api/v1/feed-items/" + item + "/comments", R"({"body":"First"})");
  ASSERT_EQ(posted.status, 201);
  std::string comment(posted.Json()["id"].as_string());
  EXPECT_EQ(
      h_.Call(owner_, Method::kPatch, "/api/v1/comments/" + comment, R"({"body":"Mine"})").status,
      403);
  auto edited =
      h_.Call(fan_, Method::kPatch, "/api/v1/comments/" + comment, R"({"body":"*Edited*"})");
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.Json()["body_html"], "<em>Edited</em>");
  EXPECT_EQ(h_.Call(fan_, Method::kPatch, "/api/v1/comments/" + comment, R"({"body":""})").status,
            422);
  // The stranger sees the public item but is neither author nor owner.
  EXPECT_EQ(h_.Call(stranger_, Method::kDelete, "/api/v1/comments/" + comment).status, 403);
  EXPECT_EQ(h_.Call(owner_, Method::kDelete, "/api/v1/comments/" + comment).status, 204);
  EXPECT_EQ(h_.Call(fan_, Method::kDelete, "/api/v1/comments/" + comment).status, 404);
}

TEST_F(FeedTest, HiddenCommentsShowOnlyToTheirAuthor) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  auto posted = h_.Post(fan_, "/api/v1/feed-items/" + item + "/comments", R"({"body":"Spam"})");
  ASSERT_EQ(posted.status, 201);
  std::string comment(posted.Json()["id"].as_string());
  Write([&](Session& s) { s.Execute(kHide, "comment", fan_id_, comment); });
  EXPECT_EQ(
      h_.Get(fan_, "/api/v1/feed-items/" + item + "/comments").Json()["items"].as_array().size(),
      1u);
  EXPECT_TRUE(h_.Get(owner_, "/api/v1/feed-items/" + item + "/comments")
                  .Json()["items"]
                  .as_array()
                  .empty());
  EXPECT_EQ(h_.Get(owner_, "/api/v1/feed-items/" + item).Json()["comments_count"], 0);
}

TEST_F(FeedTest, CommentsAreReportable) {
  auto item = Log("Run", "2026-03-01T07:00:00.000Z");
  auto posted = h_.Post(fan_, "/api/v1/feed-items/" + item + "/comments", R"({"body":"Rude"})");
  std::string comment(posted.Json()["id"].as_string());
  const auto* resolver = h_.app().reportable->Find("comment");
  ASSERT_NE(resolver, nullptr);
  h_.app().database->Read([&](Session& s) {
    auto seen = (*resolver)(s, owner_id_, "", comment);
    ASSERT_TRUE(seen.has_value());
    EXPECT_EQ(seen->owner_id, fan_id_);
    EXPECT_EQ(seen->excerpt, "Rude");
    EXPECT_FALSE((*resolver)(s, stranger_id_, "", comment).has_value());
  });
}

// A page costs the same statements whether the viewer follows 2 people or 20 (N+1).
TEST_F(FeedTest, APageCostsTheSameStatementsHoweverManyPeopleTheViewerFollows) {
  auto statements_for_page = [&](int followees) {
    AppHarness h;
    std::string viewer = h.CreateUser("viewer");
    testing::CountingDatabase counting(*h.app().database);
    features::social::SocialFeature* social = nullptr;
    for (auto& f : h.app().features) {
      if (auto* s = dynamic_cast<features::social::SocialFeature*>(f.get())) social = s;
    }
    RecordingNotifier notifier;
    features::feed::FeedService feed({.database = counting,
                                      .policy = social->policy(),
                                      .lookup = social->lookup(),
                                      .notifier = notifier,
                                      .limiter = *h.app().rate_limiter,
                                      .workout_snapshot = {}});
    for (int i = 0; i < followees; ++i) {
      std::string name = "athlete" + std::to_string(i);
      std::string id = h.CreateUser(name);
      Browser b;
      h.SignIn(b, name);
      h.app().database->Write([&](Session& s) { s.Execute(kFollow, viewer, id); });
      auto created =
          h.Post(b, "/api/v1/workouts",
                 Workout("W", "2026-03-0" + std::to_string(1 + i % 9) + "T07:00:00.000Z"));
      EXPECT_EQ(created.status, 201);
      h.app().database->Write([&](Session& s) {
        constexpr Statement kShareAll{"test.share_all",
                                      "UPDATE feed_items SET visibility = 'followers'"};
        s.Execute(kShareAll);
      });
    }
    platform::auth::Principal principal;
    principal.user_id = viewer;
    counting.statements = 0;
    auto page = feed.Page(principal, "", 20);
    EXPECT_EQ(static_cast<int>(page.items.size()), std::min(followees, 20));
    return counting.statements;
  };
  EXPECT_EQ(statements_for_page(2), statements_for_page(20));
}

// ---- the privacy matrix's rows for the feed's read paths ----------------------------------------

// An owner's workout item shared as `visibility`, in the inbox of every signed-in viewer (as if it
// was fanned out before their relation changed), so each read path's own check decides.
std::string MakeItem(testing::PrivacyWorld& world, core::privacy::Visibility visibility) {
  auto& h = world.harness();
  auto created =
      h.Post(world.owner(), "/api/v1/workouts", Workout("Shared", "2026-03-01T07:00:00.000Z"));
  EXPECT_EQ(created.status, 201) << created.body;
  std::string workout_id(created.Json()["id"].as_string());
  std::string item;
  h.app().database->Write([&](Session& s) {
    constexpr Statement kFind{"test.item_of_workout",
                              "SELECT id FROM feed_items WHERE kind = 'workout' AND subject = $1"};
    item = s.QueryOne(kFind, workout_id)->Text("id");
    s.Execute(kShare, item, std::string(core::privacy::VisibilityName(visibility)));
    for (auto viewer : testing::AllViewerKinds()) {
      if (viewer == testing::ViewerKind::kOwner || viewer == testing::ViewerKind::kAnonymous ||
          viewer == testing::ViewerKind::kFollower) {
        continue;  // the owner's and the follower's came with the fan-out
      }
      s.Execute(kInbox, world.UserIdOf(viewer), item);
    }
  });
  // Comments are read with the item: one by the owner.
  auto comment =
      h.Post(world.owner(), "/api/v1/feed-items/" + item + "/comments", R"({"body":"Mine"})");
  EXPECT_EQ(comment.status, 201) << comment.body;
  return item + "|" + std::string(core::privacy::VisibilityName(visibility));
}

// The feed is for signed-in users: an anonymous caller is answered 401 on every feed path, which
// shows nothing the policy forbids (and less than it allows for public items). The row checks the
// 401 and then answers what the policy allows, so the matrix checks every signed-in viewer.
bool AnonymousRefused(testing::PrivacyWorld& world, const std::string& path,
                      const std::string& item) {
  EXPECT_EQ(world.harness().Get(world.Of(testing::ViewerKind::kAnonymous), path).status, 401);
  auto visibility = core::privacy::ParseVisibility(item.substr(item.find('|') + 1));
  return core::privacy::MaySee(core::privacy::Relation::kAnonymous, *visibility);
}

std::string IdOf(const std::string& item) { return item.substr(0, item.find('|')); }

const testing::RegisterPrivacyReadPath kFeedRow{
    {"feed", MakeItem,
     [](testing::PrivacyWorld& world, testing::ViewerKind viewer, const std::string& item) {
       if (viewer == testing::ViewerKind::kAnonymous) {
         return AnonymousRefused(world, "/api/v1/feed", item);
       }
       auto reply = world.harness().Get(world.Of(viewer), "/api/v1/feed?limit=50");
       EXPECT_EQ(reply.status, 200);
       auto ids = IdsOf(reply.Json());
       return std::find(ids.begin(), ids.end(), IdOf(item)) != ids.end();
     }}};

const testing::RegisterPrivacyReadPath kFeedItemRow{
    {"feed.item", MakeItem,
     [](testing::PrivacyWorld& world, testing::ViewerKind viewer, const std::string& item) {
       std::string path = "/api/v1/feed-items/" + IdOf(item);
       if (viewer == testing::ViewerKind::kAnonymous) return AnonymousRefused(world, path, item);
       auto status = world.harness().Get(world.Of(viewer), path).status;
       EXPECT_TRUE(status == 200 || status == 404) << status;
       return status == 200;
     }}};

const testing::RegisterPrivacyReadPath kCommentsRow{
    {"feed.comments", MakeItem,
     [](testing::PrivacyWorld& world, testing::ViewerKind viewer, const std::string& item) {
       std::string path = "/api/v1/feed-items/" + IdOf(item) + "/comments";
       if (viewer == testing::ViewerKind::kAnonymous) return AnonymousRefused(world, path, item);
       auto reply = world.harness().Get(world.Of(viewer), path);
       EXPECT_TRUE(reply.status == 200 || reply.status == 404) << reply.status;
       return reply.status == 200 && reply.Json()["items"].as_array().size() == 1;
     }}};

}  // namespace
}  // namespace vigor
