// Key rotation on both databases, through the real application: values sealed under k1 (privacy
// zones, measurement notes, a TOTP secret being set up) are re-sealed under k2 in batches, each
// one then reads back through the API; a value no key of the ring opens is counted and left as
// it was; notes stored before notes were sealed are sealed by housekeeping. The same under load,
// with a separate process: tests/process/key_rotation_test.py.
#include "platform/crypto/key_rotation.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "platform/crypto/secret_box.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::crypto::KeyRotation;
using platform::crypto::RotationProgress;
using platform::crypto::SecretBox;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;

constexpr Statement kZones{"test.rotation.zones", "SELECT sealed_center AS v FROM privacy_zones"};
constexpr Statement kNotes{"test.rotation.notes",
                           "SELECT notes AS v FROM measurements WHERE notes IS NOT NULL"};
constexpr Statement kPending{
    "test.rotation.pending",
    "SELECT totp_pending_sealed AS v FROM users WHERE totp_pending_sealed IS NOT NULL"};

class KeyRotationTest : public ::testing::Test {
 protected:
  KeyRotationTest() {
    h_.CreateUser("ann");
    h_.SignIn(ann_, "ann");
  }

  std::vector<std::string> Values(const Statement& statement) {
    std::vector<std::string> values;
    h_.app().database->Read([&](Session& s) {
      for (const auto& row : s.Query(statement)) values.push_back(row.Text("v"));
    });
    return values;
  }

  std::map<std::string, std::string> NotesByDay() {
    auto reply = h_.Get(ann_, "/api/v1/measurements?kind=weight");
    EXPECT_EQ(reply.status, 200) << reply.body;
    std::map<std::string, std::string> notes;
    auto json = reply.Json();  // kept: the loop reads into it
    for (const auto& item : json["items"].as_array()) {
      const auto& m = item.as_object();
      notes[std::string(m.at("day").as_string())] =
          m.at("notes").is_null() ? "(null)" : std::string(m.at("notes").as_string());
    }
    return notes;
  }

  KeyRotation Rotation() {
    return KeyRotation(*h_.app().database, *h_.app().secrets, h_.app().sealed_columns);
  }

  AppHarness h_;
  Browser ann_;
};

std::string Day(int n) {
  return "2026-01-" + std::string(n < 9 ? "0" : "") + std::to_string(n + 1);
}

TEST_F(KeyRotationTest, ReSealsEveryValueUnderTheNewKeyInBatchesAndEachReadsBack) {
  std::map<std::string, std::string> notes;
  for (int n = 0; n < 7; ++n) {
    notes[Day(n)] = "note " + std::to_string(n) + ": knee sore";
    auto put = h_.Call(ann_, Method::kPut, "/api/v1/measurements",
                       R"({"kind":"weight","value":70,"day":")" + Day(n) + R"(","notes":")" +
                           notes[Day(n)] + R"("})");
    ASSERT_EQ(put.status, 200) << put.body;
  }
  for (int n = 0; n < 3; ++n) {
    auto zone = h_.Post(ann_, "/api/v1/me/privacy-zones",
                        R"({"name":"z","latitude":4)" + std::to_string(n) +
                            R"(.5,"longitude":6.5,"radius_m":300})");
    ASSERT_EQ(zone.status, 201) << zone.body;
  }
  auto setup = h_.Post(ann_, "/api/v1/me/totp/setup",
                       R"({"password":")" + AppHarness::PasswordOf("ann") + R"("})");
  ASSERT_EQ(setup.status, 200) << setup.body;
  for (const auto& v : Values(kNotes)) EXPECT_TRUE(v.starts_with("v2.k1.")) << v;
  for (const auto& v : Values(kZones)) EXPECT_TRUE(v.starts_with("v2.k1.")) << v;

  // Whatever else the instance sealed meanwhile (a queued mail) is re-sealed too.
  std::int64_t under_k1 = 0;
  for (const auto& column : Rotation().Status().columns) {
    for (const auto& [id, n] : column.by_key) under_k1 += id == "k1" ? n : 0;
  }
  EXPECT_GE(under_k1, 11);  // 7 notes + 3 zones + 1 pending TOTP secret

  EXPECT_EQ(SecretBox::AppendKey(h_.app().config.secret_key_path()), "k2");
  std::vector<RotationProgress> reports;
  auto record = Rotation().Run(/*batch_rows=*/3, std::chrono::milliseconds(0),
                               [&](const RotationProgress& p) { reports.push_back(p); });

  EXPECT_EQ(record.target_key_id, "k2");
  EXPECT_EQ(record.resealed, under_k1);  // each once
  EXPECT_EQ(record.unreadable, 0);
  ASSERT_TRUE(record.finished_at.has_value());
  // Batches of 3: the notes take 3 (3, 3, 1) in the first pass alone; a second pass finds none.
  EXPECT_GE(reports.size(), 6u);
  EXPECT_EQ(reports.back().pass, 2);
  for (const auto& v : Values(kNotes)) EXPECT_TRUE(v.starts_with("v2.k2.")) << v;
  for (const auto& v : Values(kZones)) EXPECT_TRUE(v.starts_with("v2.k2.")) << v;
  for (const auto& v : Values(kPending)) EXPECT_TRUE(v.starts_with("v2.k2.")) << v;

  // Each reads back through the API, and a ring without k1 would do.
  EXPECT_EQ(NotesByDay(), notes);
  auto zones = h_.Get(ann_, "/api/v1/me/privacy-zones").Json()["items"].as_array();
  ASSERT_EQ(zones.size(), 3u);
  EXPECT_NEAR(zones[0].as_object().at("longitude").to_number<double>(), 6.5, 1e-9);
  auto status = Rotation().Status();
  EXPECT_EQ(status.ring, (std::vector<std::string>{"k1", "k2"}));
  EXPECT_FALSE(status.rotation_running);
  ASSERT_TRUE(status.last_rotation.has_value());
  EXPECT_EQ(status.last_rotation->resealed, under_k1);
  for (const auto& column : status.columns) {
    for (const auto& [id, n] : column.by_key) {
      if (id != "k2") {
        EXPECT_EQ(n, 0) << column.column.table << "." << column.column.column << " " << id;
      }
    }
  }

  // A rotation with nothing left to do re-seals nothing.
  EXPECT_EQ(Rotation().Run(3, std::chrono::milliseconds(0), {}).resealed, 0);
}

TEST_F(KeyRotationTest, LeavesAValueNoKeyOpensAndCountsIt) {
  auto put = h_.Call(ann_, Method::kPut, "/api/v1/measurements",
                     R"({"kind":"weight","value":70,"day":"2026-01-01","notes":"fine"})");
  ASSERT_EQ(put.status, 200) << put.body;
  std::string foreign = SecretBox({{"k1", std::string(32, 'x')}}).Seal("not ours");
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.rotation.foreign", "UPDATE measurements SET notes = $1"}, foreign);
  });
  SecretBox::AppendKey(h_.app().config.secret_key_path());
  auto record = Rotation().Run(10, std::chrono::milliseconds(0), {});
  EXPECT_EQ(record.unreadable, 1);
  EXPECT_EQ(Values(kNotes), std::vector<std::string>{foreign});
}

TEST_F(KeyRotationTest, AnotherRotationRunningIsRefused) {
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.rotation.running",
                        "INSERT INTO key_rotations (id, target_key_id, started_at, heartbeat_at, "
                        "resealed, unreadable) VALUES ('r', 'k1', $1, $1, 0, 0)"},
              platform::NowRfc3339());
  });
  EXPECT_TRUE(Rotation().Status().rotation_running);
  EXPECT_THROW(Rotation().Run(10, std::chrono::milliseconds(0), {}), std::runtime_error);
}

TEST_F(KeyRotationTest, NotesStoredBeforeNotesWereSealedAreSealedByHousekeeping) {
  for (int n = 0; n < 3; ++n) {
    auto put = h_.Call(ann_, Method::kPut, "/api/v1/measurements",
                       R"({"kind":"weight","value":70,"day":")" + Day(n) + R"(","notes":"x"})");
    ASSERT_EQ(put.status, 200) << put.body;
  }
  // As an earlier version stored them: in the clear (one that merely looks sealed included).
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.rotation.plain",
                        "UPDATE measurements SET notes = 'plain ' || day WHERE day <> $1"},
              Day(2));
    s.Execute(Statement{"test.rotation.lookalike",
                        "UPDATE measurements SET notes = 'v2.k1.not sealed' WHERE day = $1"},
              Day(2));
  });
  std::map<std::string, std::string> expected{
      {Day(0), "plain " + Day(0)}, {Day(1), "plain " + Day(1)}, {Day(2), "v2.k1.not sealed"}};
  EXPECT_EQ(NotesByDay(), expected);  // read as they are meanwhile
  auto done = h_.app().housekeeping->RunOnce(std::chrono::system_clock::now());
  EXPECT_EQ(done["measurement_notes_sealing"], 2);
  auto stored = Values(kNotes);
  int sealed = 0;
  for (const auto& v : stored) sealed += v.starts_with("v2.k1.") && v != "v2.k1.not sealed";
  EXPECT_EQ(sealed, 2);
  EXPECT_EQ(NotesByDay(), expected);
}

}  // namespace
}  // namespace vigor
