// CSV formula injection (issue 9, defect 7): text a user typed that a spreadsheet would run as a
// formula (a cell starting with =, +, -, @, a tab or a carriage return) leaves the server's CSV
// export neutralised with a leading apostrophe (OWASP "CSV Injection"), numbers the server wrote
// stay numbers, and Vigor's own export imported again gives back exactly what was typed.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "core/csv.hpp"
#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

// What each hostile text must look like in the export: the same text behind one apostrophe.
struct Hostile {
  std::string typed;    // as JSON text
  std::string decoded;  // the characters the user typed
};

class CsvInjectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("mallory");
    h_.CreateUser("victim");
    h_.SignIn(mallory_, "mallory");
    h_.SignIn(victim_, "victim");
  }

  // Logs one workout with `title`, workout notes and one set of 5 x 60 kg with its own notes
  // (Strong's Notes column is the set's).
  void LogWorkout(Browser& who, const std::string& started_at, const std::string& title_json,
                  const std::string& notes_json, const std::string& set_notes_json) {
    auto reply = h_.Post(who, "/api/v1/workouts",
                         R"({"title": )" + title_json + R"(, "started_at": ")" + started_at +
                             R"(", "notes": )" + notes_json +
                             R"(, "blocks": [{"exercise_id":
                         "barbell-bench-press", "sets": [{"reps": 5, "weight_kg": 60,
                         "rpe": 8, "notes": )" +
                             set_notes_json + R"(}]}]})");
    ASSERT_EQ(reply.status, 201) << reply.body;
  }

  std::vector<core::CsvRecord> Export(Browser& who) {
    auto reply = h_.Get(who, "/api/v1/exports/sets.csv");
    EXPECT_EQ(reply.status, 200) << reply.body;
    return core::ReadCsv(reply.body);
  }

  AppHarness h_;
  Browser mallory_, victim_;
};

// Columns of the Strong layout the export writes.
constexpr std::size_t kWorkoutName = 1, kWeight = 5, kReps = 6, kNotes = 9, kWorkoutNotes = 10,
                      kRpe = 11;

TEST_F(CsvInjectionTest, FormulaTriggersInTextCellsAreNeutralisedNumbersAreNot) {
  // One workout per trigger character, in time order so the export's rows follow this list.
  // Titles are one line (no tab or carriage return there), notes are multi-line.
  LogWorkout(mallory_, "2026-03-01T10:00:00Z", R"j("=HYPERLINK(\"http://evil.example\",\"x\")")j",
             R"("+cmd|' /C calc'!A0")", R"("-2+3")");
  LogWorkout(mallory_, "2026-03-02T10:00:00Z", R"("@SUM(1+1)*cmd|' /C calc'!A0")", R"("\t=1+1")",
             R"("\r=1+1")");
  LogWorkout(mallory_, "2026-03-03T10:00:00Z", R"("Push day")", R"("easy, =not a formula")",
             R"("'=already quoted")");

  auto rows = Export(mallory_);
  ASSERT_EQ(rows.size(), 4u);
  const auto& a = rows[1].fields;
  const auto& b = rows[2].fields;
  const auto& c = rows[3].fields;
  EXPECT_EQ(a[kWorkoutName], "'=HYPERLINK(\"http://evil.example\",\"x\")");
  EXPECT_EQ(a[kWorkoutNotes], "'+cmd|' /C calc'!A0");
  EXPECT_EQ(a[kNotes], "'-2+3");
  EXPECT_EQ(b[kWorkoutName], "'@SUM(1+1)*cmd|' /C calc'!A0");
  EXPECT_EQ(b[kWorkoutNotes], "'\t=1+1");
  EXPECT_EQ(b[kNotes], "'\r=1+1");
  // Text that does not start with a trigger is left alone; a text that already starts with an
  // apostrophe followed by a trigger gets one more, so the import's undoing gives it back.
  EXPECT_EQ(c[kWorkoutName], "Push day");
  EXPECT_EQ(c[kWorkoutNotes], "easy, =not a formula");
  EXPECT_EQ(c[kNotes], "''=already quoted");
  // The numbers the server formats are written as numbers.
  for (const auto& row : {a, b, c}) {
    EXPECT_EQ(row[kWeight], "60");
    EXPECT_EQ(row[kReps], "5");
    EXPECT_EQ(row[kRpe], "8");
  }
}

TEST_F(CsvInjectionTest, TheExportImportedAgainGivesBackWhatWasTyped) {
  LogWorkout(mallory_, "2026-03-01T10:00:00Z", R"("=1+2")", R"("-5 kg next time")",
             R"("@home\n+ one more set")");
  LogWorkout(mallory_, "2026-03-02T10:00:00Z", R"("'=quoted")", R"("\tindented")", R"("plain")");
  auto exported = h_.Get(mallory_, "/api/v1/exports/sets.csv");
  ASSERT_EQ(exported.status, 200);

  auto import = h_.Call(victim_, Method::kPost, "/api/v1/imports?format=strong_csv", exported.body,
                        testing::ContentType("text/csv"));
  ASSERT_EQ(import.status, 202) << import.body;
  h_.app().jobs->DrainForTests();
  auto done = h_.Get(victim_, "/api/v1/imports/" + std::string(import.Json()["id"].as_string()));
  ASSERT_EQ(done.Json()["status"], "succeeded") << done.body;

  auto list = h_.Get(victim_, "/api/v1/workouts?limit=10").Json()["items"].as_array();
  ASSERT_EQ(list.size(), 2u);
  // Newest first.
  auto second =
      h_.Get(victim_, "/api/v1/workouts/" + std::string(list[0].as_object().at("id").as_string()))
          .Json();
  auto first =
      h_.Get(victim_, "/api/v1/workouts/" + std::string(list[1].as_object().at("id").as_string()))
          .Json();
  EXPECT_EQ(first["title"], "=1+2");
  EXPECT_EQ(first["notes"], "-5 kg next time");
  EXPECT_EQ(
      first["blocks"].as_array()[0].as_object().at("sets").as_array()[0].as_object().at("notes"),
      "@home\n+ one more set");
  EXPECT_EQ(second["title"], "'=quoted");
  EXPECT_EQ(second["notes"], "\tindented");
  EXPECT_EQ(
      second["blocks"].as_array()[0].as_object().at("sets").as_array()[0].as_object().at("notes"),
      "plain");
  // And the victim's export is the same file, byte for byte.
  EXPECT_EQ(h_.Get(victim_, "/api/v1/exports/sets.csv").body, exported.body);
}

}  // namespace
}  // namespace vigor
