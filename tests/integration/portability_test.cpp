// Exporting everything a user owns and importing it elsewhere (GDPR Art. 15 and 20, issue 15),
// through the real application. The round trip builds a rich account through the API, exports
// it, imports the zip into a fresh instance on the other database (the PostgreSQL run imports
// into SQLite; the SQLite run into the fixture's PostgreSQL when it is up, else into SQLite) and
// compares every listing of the account, ids mapped. The others: the link is the owner's only
// and expires, a damaged or foreign zip changes nothing, a second import adds nothing, and
// every table of the schema is either exported or denied with a reason.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "features/portability/catalogue.hpp"
#include "features/portability/export_scope.hpp"
#include "features/portability/zip_archive.hpp"
#include "platform/crypto/random.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/temp_dir.hpp"

namespace vigor {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;
namespace portability = features::portability;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::Reply;
using Clock = std::chrono::system_clock;
using namespace std::chrono_literals;

constexpr const char* kRich = "rich";
constexpr const char* kFriend = "friend";

constexpr const char* kWorkoutBody =
    R"({"title":"Squats","started_at":"2026-03-02T07:30:00Z","blocks":[{"exercise_id":)"
    R"("barbell-back-squat","sets":[{"reps":5,"weight_kg":100},{"reps":5,"weight_kg":105}]}]})";
constexpr const char* kRoutineBody =
    R"({"name":"Legs","items":[{"exercise_id":"barbell-back-squat","target_sets":5}]})";
constexpr const char* kGpxBody =
    R"(<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>)"
    R"(<trkpt lat="46.5" lon="6.6"><time>2026-03-01T07:00:00Z</time></trkpt>)"
    R"(<trkpt lat="46.5005" lon="6.6"><time>2026-03-01T07:00:20Z</time></trkpt>)"
    R"(<trkpt lat="46.501" lon="6.6"><time>2026-03-01T07:00:40Z</time></trkpt>)"
    R"(</trkseg></trk></gpx>)";

constexpr Statement kShareItems{"test.portability.share",
                                "UPDATE feed_items SET visibility = 'public' WHERE owner_id = $1"};
constexpr Statement kItemOf{"test.portability.item_of",
                            "SELECT id FROM feed_items WHERE owner_id = $1 AND kind = 'workout' "
                            "ORDER BY id LIMIT 1"};
constexpr Statement kExpire{"test.portability.expire",
                            "UPDATE data_exports SET expires_at = '2000-01-01T00:00:00Z'"};
constexpr Statement kZoneCentre{"test.portability.zone_centre",
                                "SELECT sealed_center FROM privacy_zones WHERE user_id = $1"};

std::string IdOf(const Reply& reply) { return std::string(reply.Json().at("id").as_string()); }

// Drops what an import gives anew by design: change numbers (and the ETags made of them).
void Normalise(json::value& v) {
  if (v.is_object()) {
    auto& o = v.as_object();
    o.erase("rev");
    o.erase("etag");
    for (auto& [k, child] : o) Normalise(child);
  } else if (v.is_array()) {
    for (auto& child : v.as_array()) Normalise(child);
  }
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

// The other database's instance when it can be had (see the file's comment).
struct OtherInstance {
  std::unique_ptr<AppHarness> harness;
  bool set_env = false;
  std::string dialect;

  OtherInstance() {
    if (testing::OnPostgres()) {
      harness =
          std::make_unique<AppHarness>([](platform::config::Config& c) { c.database_url.clear(); });
    } else {
      // The fixture's folder sits next to the test binary (CMakeLists.txt:
      // VIGOR_TEST_POSTGRES_DIR).
      fs::path dir = fs::read_symlink("/proc/self/exe").parent_path() / "pgtest";
      if (fs::exists(dir / "server" / "url")) {
        ::setenv("VIGOR_TEST_POSTGRES_DIR", dir.c_str(), 1);
        set_env = true;
        try {
          harness = std::make_unique<AppHarness>();
        } catch (const std::exception&) {
          harness.reset();  // the fixture is not running now
        }
      }
      if (!harness) {
        if (set_env) ::unsetenv("VIGOR_TEST_POSTGRES_DIR");
        set_env = false;
        harness = std::make_unique<AppHarness>();
      }
    }
    dialect = std::string(harness->app().database->dialect());
  }
  ~OtherInstance() {
    harness.reset();  // drops its scratch database while the variable still names the server
    if (set_env) ::unsetenv("VIGOR_TEST_POSTGRES_DIR");
  }
};

class PortabilityTest : public ::testing::Test {
 protected:
  PortabilityTest() {
    rich_id_ = h_.CreateUser(kRich);
    friend_id_ = h_.CreateUser(kFriend);
    h_.SignIn(rich_, kRich);
    h_.SignIn(friend_, kFriend);
  }

  // A rich account: every kind of thing the issue names.
  void BuildRichAccount() {
    ASSERT_EQ(h_.Call(rich_, Method::kPatch, "/api/v1/me",
                      R"({"preferences":{"weight_unit":"lb","time_zone":"Europe/Zurich"}})")
                  .status,
              200);
    auto workout = h_.Post(rich_, "/api/v1/workouts", kWorkoutBody);
    ASSERT_EQ(workout.status, 201) << workout.body;
    auto routine = h_.Post(rich_, "/api/v1/routines", kRoutineBody);
    ASSERT_EQ(routine.status, 201) << routine.body;
    ASSERT_EQ(h_.Post(rich_, "/api/v1/programs",
                      R"({"name":"Plan","routines":[{"routine_id":")" + IdOf(routine) +
                          R"(","label":"Day A"}]})")
                  .status,
              201);
    ASSERT_EQ(h_.Call(rich_, Method::kPut, "/api/v1/measurements",
                      R"({"kind":"weight","day":"2026-03-02","value":80})")
                  .status,
              200);
    ASSERT_EQ(h_.Post(rich_, "/api/v1/goals", R"({"metric":"sessions","target":3,"period":"week"})")
                  .status,
              201);
    ASSERT_EQ(h_.Post(rich_, "/api/v1/foods",
                      R"({"name":"My bar","barcode":"96385074","per_100g":{"energy_kcal":500}})")
                  .status,
              201);
    ASSERT_EQ(h_.Post(rich_, "/api/v1/diary/2026-03-02/items",
                      R"({"items":[{"meal":"breakfast","food_id":"usda-01123","grams":50}]})")
                  .status,
              201);
    ASSERT_EQ(h_.Post(rich_, "/api/v1/recipes",
                      R"({"name":"Eggs","servings":1,"ingredients":[{"food_id":"usda-01123",)"
                      R"("grams":100}]})")
                  .status,
              201);
    ASSERT_EQ(h_.Post(rich_, "/api/v1/me/privacy-zones",
                      R"({"name":"Home","latitude":46.5191,"longitude":6.6323,"radius_m":250})")
                  .status,
              201);
    auto import = h_.Call(rich_, Method::kPost, "/api/v1/imports?format=gpx", kGpxBody,
                          ContentType("application/gpx+xml"));
    ASSERT_EQ(import.status, 202) << import.body;
    h_.app().jobs->DrainForTests();
    // Follows both ways; comments and kudos both ways on public workouts.
    ASSERT_EQ(
        h_.Call(rich_, Method::kPut, std::string("/api/v1/users/") + kFriend + "/follow").status,
        200);
    ASSERT_EQ(
        h_.Call(friend_, Method::kPut, std::string("/api/v1/users/") + kRich + "/follow").status,
        200);
    ASSERT_EQ(h_.Post(friend_, "/api/v1/workouts", kWorkoutBody).status, 201);
    h_.app().database->Write([&](Session& s) {
      s.Execute(kShareItems, rich_id_);
      s.Execute(kShareItems, friend_id_);
    });
    std::string friend_item = ItemOf(friend_id_);
    std::string rich_item = ItemOf(rich_id_);
    ASSERT_EQ(
        h_.Post(rich_, "/api/v1/feed-items/" + friend_item + "/comments", R"({"body":"Strong!"})")
            .status,
        201);
    ASSERT_EQ(h_.Call(rich_, Method::kPut, "/api/v1/feed-items/" + friend_item + "/kudos").status,
              200);
    ASSERT_EQ(
        h_.Post(rich_, "/api/v1/feed-items/" + rich_item + "/comments", R"({"body":"Felt good"})")
            .status,
        201);
    ASSERT_EQ(h_.Call(friend_, Method::kPut, "/api/v1/feed-items/" + rich_item + "/kudos").status,
              200);
  }

  std::string ItemOf(const std::string& owner_id) {
    return h_.app().database->ReadResult(
        [&](Session& s) { return s.QueryOne(kItemOf, owner_id)->Text("id"); });
  }

  // Requests an export, runs its job and downloads the zip.
  std::string Export(json::object* status = nullptr) {
    auto requested = h_.Post(rich_, "/api/v1/me/exports", "");
    EXPECT_EQ(requested.status, 202) << requested.body;
    export_id_ = IdOf(requested);
    h_.app().jobs->DrainForTests();
    auto ready = h_.Get(rich_, "/api/v1/me/exports/" + export_id_);
    EXPECT_EQ(ready.status, 200) << ready.body;
    auto body = ready.Json();
    EXPECT_EQ(body["status"], "ready") << ready.body;
    if (status) *status = body;
    if (!body["download_url"].is_string()) return {};
    auto zip = h_.Get(rich_, std::string(body["download_url"].as_string()));
    EXPECT_EQ(zip.status, 200) << zip.body;
    EXPECT_EQ(zip.headers.Get("Content-Type").value_or(""), "application/zip");
    return zip.body;
  }

  Reply Import(AppHarness& h, Browser& b, const std::string& zip) {
    return h.Call(b, Method::kPost, "/api/v1/me/import", zip, ContentType("application/zip"));
  }

  AppHarness h_;
  Browser rich_, friend_;
  std::string rich_id_, friend_id_, export_id_;
};

// Every listing of the account, as JSON text with the people's ids of `h` replaced by names.
std::map<std::string, std::string> Listings(AppHarness& h, Browser& b,
                                            const std::map<std::string, std::string>& ids,
                                            const std::string& workout_with_track) {
  std::map<std::string, std::string> out;
  for (std::string path :
       {"/api/v1/workouts", "/api/v1/routines", "/api/v1/programs",
        "/api/v1/measurements?kind=weight", "/api/v1/goals", "/api/v1/records", "/api/v1/recipes",
        "/api/v1/diary/2026-03-02", "/api/v1/me/privacy-zones", "/api/v1/users/rich/following",
        "/api/v1/users/rich/followers", "/api/v1/exports/sets.csv", "/api/v1/foods?q=My%20bar",
        "/api/v1/exercises?q=squat"}) {
    out[path] = "";
  }
  out["/api/v1/workouts/" + workout_with_track + "/track"] = "";
  out["/api/v1/workouts/" + workout_with_track + "/gpx"] = "";
  for (auto& [path, text] : out) {
    auto reply = h.Get(b, path);
    EXPECT_EQ(reply.status, 200) << path << ": " << reply.body;
    std::string body = reply.body;
    auto type = reply.headers.Get("Content-Type").value_or("");
    if (type.starts_with("application/json")) {
      auto v = json::parse(body);
      Normalise(v);
      body = json::serialize(v);
    }
    for (const auto& [id, name] : ids) body = ReplaceAll(body, id, name);
    text = body;
  }
  // The preferences of the profile (identity and sign-in state are the target's own).
  auto me = h.Get(b, "/api/v1/me").Json();
  out["/api/v1/me preferences"] = json::serialize(me["preferences"]);
  return out;
}

std::string WorkoutWithTrack(AppHarness& h, Browser& b) {
  auto workouts = h.Get(b, "/api/v1/workouts").Json();
  for (const auto& w : workouts["items"].as_array()) {
    const auto& o = w.as_object();
    if (o.at("kind") == "cardio") return std::string(o.at("id").as_string());
  }
  return "none";
}

TEST_F(PortabilityTest, TheExportOfARichAccountImportsIntoTheOtherDatabaseWithEveryListingEqual) {
  BuildRichAccount();
  json::object status;
  std::string zip = Export(&status);
  ASSERT_FALSE(zip.empty());
  EXPECT_EQ(platform::crypto::Sha256Hex(zip), status["sha256"].as_string());

  // The archive: kept with mode 0600; a mail with the link; the layout of docs/export-format.md.
  struct stat st {};
  auto kept = h_.dir() / "data" / "exports" / (export_id_ + ".zip");
  ASSERT_EQ(::stat(kept.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  bool mailed = false;
  for (const auto& mail : h_.Mails()) {
    mailed = mailed || (mail.find("To: rich@example.org") != std::string::npos &&
                        mail.find("/settings/security#export") != std::string::npos);
  }
  EXPECT_TRUE(mailed);
  auto files = portability::ReadZip(zip, 1 << 30);
  auto manifest = json::parse(files.at("manifest.json")).as_object();
  EXPECT_EQ(manifest["format"], "vigor-export");
  EXPECT_EQ(manifest["version"], 1);
  EXPECT_EQ(manifest["user"].as_object()["username"], kRich);
  // The one entered by hand and the GPX import; never the friend's.
  EXPECT_EQ(manifest["tables"].as_object()["workouts"], 2);
  EXPECT_TRUE(files.contains("csv/sets.csv"));
  int gpx_files = 0;
  for (const auto& [path, bytes] : files) {
    if (path.starts_with("gpx/")) ++gpx_files;
    if (path == "manifest.json") continue;
    EXPECT_EQ(manifest["files"].as_object()[path], json::value(platform::crypto::Sha256Hex(bytes)))
        << path;
  }
  EXPECT_EQ(gpx_files, 1);
  // The GPX file imported is in the archive as it was uploaded, once: the row names the file.
  std::string gpx_workout = WorkoutWithTrack(h_, rich_);
  std::string original_path = "originals/" + gpx_workout + ".gpx";
  ASSERT_TRUE(files.contains(original_path));
  EXPECT_EQ(files.at(original_path), kGpxBody);
  auto originals = json::parse(files.at("data/activity_originals.json")).as_object();
  EXPECT_EQ(originals["columns"].as_object()["content"], "file");
  ASSERT_EQ(originals["rows"].as_array().size(), 1U);
  auto original_row = originals["rows"].as_array()[0].as_object();
  EXPECT_EQ(original_row["content"], json::value(original_path));
  EXPECT_EQ(original_row["sha256"], json::value(platform::crypto::Sha256Hex(kGpxBody)));
  EXPECT_EQ(original_row["size_bytes"], static_cast<std::int64_t>(std::string(kGpxBody).size()));
  EXPECT_EQ(original_row["format"], "gpx");
  // The privacy zone's centre leaves opened, never sealed with this instance's key.
  auto zones = json::parse(files.at("data/privacy_zones.json")).as_object();
  EXPECT_EQ(zones["rows"].as_array()[0].as_object()["sealed_center"], "46.5191000,6.6323000");
  // No secret leaves: no password hash, no session, no token.
  auto users = json::parse(files.at("data/users.json")).as_object();
  EXPECT_FALSE(users["rows"].as_array()[0].as_object().contains("password_hash"));
  EXPECT_FALSE(files.contains("data/sessions.json"));
  EXPECT_FALSE(files.contains("data/api_tokens.json"));

  // A fresh instance on the other database, where the friend has an account of their own.
  OtherInstance other;
  AppHarness& t = *other.harness;
  std::cout << "round trip: " << h_.app().database->dialect() << " -> " << other.dialect << "\n";
  std::string t_rich = t.CreateUser(kRich);
  std::string t_friend = t.CreateUser(kFriend);
  Browser t_rich_b;
  t.SignIn(t_rich_b, kRich);
  auto imported = Import(t, t_rich_b, zip);
  ASSERT_EQ(imported.status, 200) << imported.body;
  auto outcome = imported.Json();
  ASSERT_EQ(outcome["status"], "succeeded") << imported.body;
  auto report = outcome["report"].as_object();
  EXPECT_TRUE(report["profile_applied"].as_bool());
  EXPECT_EQ(report["inserted"].as_object()["workouts"], 2) << imported.body;
  // The comment and the kudos on the friend's workout: that item is not on this instance.
  EXPECT_EQ(report["skipped"].as_object()["absent_item"], 2) << imported.body;

  std::string source_track = WorkoutWithTrack(h_, rich_);
  auto before = Listings(h_, rich_, {{rich_id_, "<rich>"}, {friend_id_, "<friend>"}}, source_track);
  auto after = Listings(t, t_rich_b, {{t_rich, "<rich>"}, {t_friend, "<friend>"}}, source_track);
  for (const auto& [path, text] : before) {
    EXPECT_EQ(after[path], text) << path << " (" << h_.app().database->dialect() << " -> "
                                 << other.dialect << ")";
  }
  // The original came along: the target's own export holds it again, byte for byte.
  auto t_requested = t.Post(t_rich_b, "/api/v1/me/exports", "");
  ASSERT_EQ(t_requested.status, 202) << t_requested.body;
  t.app().jobs->DrainForTests();
  auto t_ready = t.Get(t_rich_b, "/api/v1/me/exports/" + IdOf(t_requested)).Json();
  ASSERT_EQ(t_ready["status"], "ready");
  auto t_zip = t.Get(t_rich_b, std::string(t_ready["download_url"].as_string()));
  ASSERT_EQ(t_zip.status, 200);
  auto t_files = portability::ReadZip(t_zip.body, 1 << 30);
  ASSERT_TRUE(t_files.contains(original_path));
  EXPECT_EQ(t_files.at(original_path), kGpxBody);
  // The zone's centre is sealed again, with the target's key.
  auto sealed = t.app().database->ReadResult(
      [&](Session& s) { return s.QueryOne(kZoneCentre, t_rich)->Text("sealed_center"); });
  EXPECT_NE(sealed, "46.5191000,6.6323000");

  // Importing the same export again adds nothing.
  auto again = Import(t, t_rich_b, zip);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.Json()["report"].as_object()["inserted"].as_object().empty()) << again.body;
  auto twice = Listings(t, t_rich_b, {{t_rich, "<rich>"}, {t_friend, "<friend>"}}, source_track);
  EXPECT_EQ(twice, after);
}

TEST_F(PortabilityTest, ImportingIntoTheSameInstanceGivesNewIdsWhereTheyAreTaken) {
  BuildRichAccount();
  std::string zip = Export();
  // Another account on the same instance takes the export in: the routine's id is taken (it is
  // the rich user's), so it gets a new one, and the program still refers to it.
  std::string copy_id = h_.CreateUser("copy");
  Browser copy;
  h_.SignIn(copy, "copy");
  auto imported = Import(h_, copy, zip);
  ASSERT_EQ(imported.status, 200) << imported.body;
  auto routines = h_.Get(copy, "/api/v1/routines").Json()["items"].as_array();
  auto originals = h_.Get(rich_, "/api/v1/routines").Json()["items"].as_array();
  ASSERT_EQ(routines.size(), originals.size());
  std::string routine_id(routines[0].as_object().at("id").as_string());
  EXPECT_NE(routine_id, std::string(originals[0].as_object().at("id").as_string()));
  auto programs = h_.Get(copy, "/api/v1/programs").Json()["items"].as_array();
  ASSERT_EQ(programs.size(), 1u);
  EXPECT_NE(json::serialize(programs[0]).find(routine_id), std::string::npos)
      << json::serialize(programs[0]);
  // The original account is untouched.
  EXPECT_EQ(h_.Get(rich_, "/api/v1/routines").Json()["items"].as_array().size(), originals.size());
}

TEST_F(PortabilityTest, TheLinkIsTheOwnersOnlyAndExpires) {
  std::string zip = Export();
  ASSERT_FALSE(zip.empty());
  std::string download = "/api/v1/me/exports/" + export_id_ + "/download";
  EXPECT_EQ(h_.Get(friend_, download).status, 404);
  EXPECT_EQ(h_.Get(friend_, "/api/v1/me/exports/" + export_id_).status, 404);
  Browser anonymous;
  EXPECT_EQ(h_.Get(anonymous, download).status, 401);
  // A second request while none is pending is fine; the list shows both, newest first.
  h_.app().database->Write([&](Session& s) { s.Execute(kExpire); });
  auto expired = h_.Get(rich_, download);
  EXPECT_EQ(expired.status, 410) << expired.body;
  // Housekeeping deletes the file and the row.
  auto kept = h_.dir() / "data" / "exports" / (export_id_ + ".zip");
  EXPECT_TRUE(fs::exists(kept));
  h_.app().housekeeping->RunOnce(Clock::now());
  EXPECT_FALSE(fs::exists(kept));
  EXPECT_EQ(h_.Get(rich_, "/api/v1/me/exports/" + export_id_).status, 404);
}

TEST_F(PortabilityTest, AnErasedAccountsArchiveGoesAtTheNextHousekeeping) {
  std::string zip = Export();
  ASSERT_FALSE(zip.empty());
  auto kept = h_.dir() / "data" / "exports" / (export_id_ + ".zip");
  ASSERT_TRUE(fs::exists(kept));
  // The friend's archive stays: it still has its row.
  auto friends = h_.Post(friend_, "/api/v1/me/exports", "");
  ASSERT_EQ(friends.status, 202) << friends.body;
  h_.app().jobs->DrainForTests();
  auto friends_file = h_.dir() / "data" / "exports" / (IdOf(friends) + ".zip");
  ASSERT_TRUE(fs::exists(friends_file));
  // The account's rows go with it (ON DELETE CASCADE); its files are not rows.
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.portability.erase", "DELETE FROM users WHERE id = $1"}, rich_id_);
  });
  h_.app().housekeeping->RunOnce(Clock::now());
  EXPECT_FALSE(fs::exists(kept));
  EXPECT_TRUE(fs::exists(friends_file));
}

TEST_F(PortabilityTest, OnlyOneExportAtATime) {
  ASSERT_EQ(h_.Post(rich_, "/api/v1/me/exports", "").status, 202);
  auto second = h_.Post(rich_, "/api/v1/me/exports", "");
  EXPECT_EQ(second.status, 409) << second.body;
  h_.app().jobs->DrainForTests();
  EXPECT_EQ(h_.Post(rich_, "/api/v1/me/exports", "").status, 202);
  h_.app().jobs->DrainForTests();
  EXPECT_EQ(h_.Get(rich_, "/api/v1/me/exports").Json()["items"].as_array().size(), 2u);
}

TEST_F(PortabilityTest, ADamagedOrForeignZipIsRefusedAndChangesNothing) {
  BuildRichAccount();
  std::string zip = Export();
  auto workouts = [&](Browser& b) {
    return h_.Get(b, "/api/v1/workouts").Json()["items"].as_array().size();
  };
  ASSERT_EQ(workouts(friend_), 1u);
  auto code = [](const Reply& r) {
    auto j = r.Json();
    return j.contains("code") ? std::string(j["code"].as_string()) : std::string();
  };

  // Bytes flipped in the middle: the zip's checksums no longer hold.
  std::string damaged = zip;
  for (std::size_t i = damaged.size() / 3; i < damaged.size() / 3 + 64; ++i) damaged[i] ^= 0x5a;
  auto refused = Import(h_, friend_, damaged);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(code(refused), "export_not_zip") << refused.body;

  // Not a zip at all.
  auto text = Import(h_, friend_, "name,reps\nsquat,5\n");
  EXPECT_EQ(text.status, 422);
  EXPECT_EQ(code(text), "export_not_zip");

  // A sound zip whose data was changed after the manifest was written.
  auto files = portability::ReadZip(zip, 1 << 30);
  files.at("data/workouts.json") = ReplaceAll(files.at("data/workouts.json"), "Squats", "Sqats");
  testing::TempDir dir;
  portability::WriteZip(dir.path() / "tampered.zip", files);
  std::ifstream in(dir.path() / "tampered.zip", std::ios::binary);
  std::string tampered(std::istreambuf_iterator<char>(in), {});
  auto mismatch = Import(h_, friend_, tampered);
  EXPECT_EQ(mismatch.status, 422) << mismatch.body;
  EXPECT_EQ(code(mismatch), "export_damaged") << mismatch.body;

  // An original activity file left out of the archive and its manifest: the row naming it is not
  // taken as it is (no row without its bytes).
  auto without_original = portability::ReadZip(zip, 1 << 30);
  std::string original_path;
  for (const auto& [path, bytes] : without_original) {
    if (path.starts_with("originals/")) original_path = path;
  }
  ASSERT_FALSE(original_path.empty());
  without_original.erase(original_path);
  auto manifest = json::parse(without_original.at("manifest.json")).as_object();
  manifest["files"].as_object().erase(original_path);
  without_original.at("manifest.json") = json::serialize(manifest);
  portability::WriteZip(dir.path() / "without_original.zip", without_original);
  std::ifstream without_in(dir.path() / "without_original.zip", std::ios::binary);
  std::string without(std::istreambuf_iterator<char>(without_in), {});
  auto missing = Import(h_, friend_, without);
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_EQ(code(missing), "export_damaged") << missing.body;
  EXPECT_NE(missing.body.find(original_path), std::string::npos) << missing.body;

  // Another app's zip (no manifest).
  portability::WriteZip(dir.path() / "other.zip", {{"activities.csv", "a,b\n"}});
  std::ifstream other_in(dir.path() / "other.zip", std::ios::binary);
  std::string other(std::istreambuf_iterator<char>(other_in), {});
  auto foreign = Import(h_, friend_, other);
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_EQ(code(foreign), "export_not_vigor") << foreign.body;

  EXPECT_EQ(workouts(friend_), 1u);
}

TEST_F(PortabilityTest, EveryTableIsExportedOrDeniedWithAReason) {
  auto catalogue =
      h_.app().database->ReadResult([](Session& s) { return portability::ReadCatalogue(s); });
  auto plan = portability::PlanExport(catalogue);
  // A table no user's row can be found in: export it (a user_id column or a foreign key to an
  // exported table) or name it in DeniedTables() with the reason.
  EXPECT_TRUE(plan.unclassified.empty())
      << "neither exported nor denied: " << json::serialize(json::value_from(plan.unclassified));
  std::set<std::string> names;
  for (const auto& t : catalogue) names.insert(t.name);
  for (const auto& [table, reason] : portability::DeniedTables()) {
    EXPECT_TRUE(names.contains(table)) << "denied but not in the schema: " << table;
    EXPECT_FALSE(reason.empty());
  }
  // What the issue names is exported.
  std::set<std::string> exported;
  for (const auto& scope : plan.tables) exported.insert(scope.table->name);
  for (const char* table :
       {"workouts", "workout_sets", "workout_tracks", "routines", "programs", "measurements",
        "diary_items", "recipes", "goals", "personal_records", "follows", "feed_comments",
        "feed_kudos", "privacy_zones", "audit_events"}) {
    EXPECT_TRUE(exported.contains(table)) << table;
  }
}

}  // namespace
}  // namespace vigor
