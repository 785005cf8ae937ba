// POST /api/v1/uploads through the real application on both databases: one activity file in one
// request, as a phone tracker or an HTTP shortcut app sends it (raw or as a form, gzip-compressed
// or not), with a personal access token or a browser session. Expected distances are worked out
// here from the geometry of the points, and gzip members are written here byte by byte (stored
// deflate blocks, CRC-32 computed bit by bit), independently of the server's code.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <cstdint>
#include <numbers>
#include <string>

#include "core/limits.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"
#include "support/app_harness.hpp"
#include "support/fit_writer.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::ContentType;
using testing::Reply;

// WGS84's equatorial radius: along the equator (a geodesic) the distance between two longitudes
// is exactly a times their difference in radians.
constexpr double kEquatorialRadiusM = 6'378'137.0;
double EquatorMetres(double degrees) {
  return kEquatorialRadiusM * degrees * std::numbers::pi / 180;
}

// A walk along the equator from 10.000 E to 10.010 E in `steps` even steps, one every
// `step_s` seconds from 2024-06-01 at `hour` o'clock UTC.
std::string GpxAlongTheEquator(int steps, int hour = 6, int step_s = 60) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"phone\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>walking</type><trkseg>\n";
  char line[200];
  for (int i = 0; i <= steps; ++i) {
    int t = hour * 3600 + i * step_s;
    std::snprintf(line, sizeof line,
                  "<trkpt lat=\"0.0\" lon=\"%.9f\"><time>2024-06-%02dT%02d:%02d:%02dZ</time>"
                  "</trkpt>\n",
                  10.0 + 0.01 * i / steps, 1 + t / 86400, (t / 3600) % 24, (t / 60) % 60, t % 60);
    out += line;
  }
  return out + "</trkseg></trk></gpx>\n";
}

std::string TcxAlongTheEquator(int steps) {
  std::string out =
      "<?xml version=\"1.0\"?>\n<TrainingCenterDatabase "
      "xmlns=\"http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2\"><Activities>"
      "<Activity Sport=\"Biking\"><Id>2024-07-01T08:00:00Z</Id><Lap "
      "StartTime=\"2024-07-01T08:00:00Z\"><Track>\n";
  char line[300];
  for (int i = 0; i <= steps; ++i) {
    std::snprintf(line, sizeof line,
                  "<Trackpoint><Time>2024-07-01T08:%02d:%02dZ</Time><Position><LatitudeDegrees>0"
                  "</LatitudeDegrees><LongitudeDegrees>%.9f</LongitudeDegrees></Position>"
                  "</Trackpoint>\n",
                  i / 60, i % 60, 20.0 + 0.02 * i / steps);
    out += line;
  }
  return out + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n";
}

// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
std::uint32_t Crc32(const std::string& bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (unsigned char c : bytes) {
    crc ^= c;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

void PutLe(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A gzip member (RFC 1952) holding `data` in stored deflate blocks (RFC 1951 3.2.4).
std::string Gzip(const std::string& data) {
  std::string out("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff", 10);
  std::size_t pos = 0;
  do {
    std::size_t n = std::min<std::size_t>(65'535, data.size() - pos);
    bool last = pos + n == data.size();
    out.push_back(last ? 1 : 0);  // BFINAL, BTYPE 00
    PutLe(out, static_cast<std::uint32_t>(n), 2);
    PutLe(out, static_cast<std::uint32_t>(~n & 0xFFFF), 2);
    out.append(data, pos, n);
    pos += n;
  } while (pos < data.size());
  PutLe(out, Crc32(data), 4);
  PutLe(out, static_cast<std::uint32_t>(data.size()), 4);
  return out;
}

// A treadmill run as a watch writes it: no positions, the device's distance (3 m/s, 20 min).
std::string TreadmillFit() {
  testing::FitActivitySpec spec;
  constexpr std::uint32_t kStart = 1'100'000'000;
  for (std::uint32_t i = 0; i < 1200; ++i) {
    spec.samples.push_back({.timestamp = kStart + i, .distance_m = 3.0 * i, .heart_rate = 140});
  }
  spec.session = testing::FitSessionSummary{.start_time = kStart,
                                            .timestamp = kStart + 1199,
                                            .sport = 1,
                                            .sub_sport = 1,
                                            .elapsed_s = 1199,
                                            .timer_s = 1199,
                                            .distance_m = 3597,
                                            .avg_heart_rate = 140,
                                            .max_heart_rate = 140};
  return testing::WriteFitActivity(spec);
}

constexpr const char* kBoundary = "------------------------d74496d66958873e";

// A form as `curl -F file=@name -F key=value ...` writes it.
std::string Form(const std::string& file, const std::string& filename,
                 const std::vector<std::pair<std::string, std::string>>& fields = {}) {
  std::string out;
  for (const auto& [key, value] : fields) {
    out += std::string("--") + kBoundary + "\r\nContent-Disposition: form-data; name=\"" + key +
           "\"\r\n\r\n" + value + "\r\n";
  }
  out += std::string("--") + kBoundary +
         "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + file + "\r\n--" + kBoundary +
         "--\r\n";
  return out;
}
Headers FormType() {
  return ContentType(std::string("multipart/form-data; boundary=") + kBoundary);
}

class UploadsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.SignIn(ana_, "ana");
    tracker_.bearer = Token({"workouts:write", "workouts:read"});
    reader_.bearer = Token({"workouts:read"});
  }

  std::string Token(std::vector<std::string> scopes) {
    std::string list;
    for (const auto& s : scopes) list += (list.empty() ? "\"" : ",\"") + s + "\"";
    auto reply = h_.Post(ana_, "/api/v1/me/tokens", R"({"name":"phone","scopes":[)" + list + "]}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return std::string(reply.Json()["token"].as_string());
  }

  Reply Upload(Browser& who, const std::string& body, const Headers& headers,
               const std::string& query = "") {
    return h_.Call(who, Method::kPost, "/api/v1/uploads" + query, body, headers);
  }

  std::int64_t Count(const std::string& table) {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      return s
          .QueryOne(platform::store::Statement{"test.uploads.count",
                                               "SELECT COUNT(*) AS n FROM " + table})
          ->Int("n");
    });
  }
  std::int64_t LiveWorkouts() {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      return s
          .QueryOne(platform::store::Statement{
              "test.uploads.live", "SELECT COUNT(*) AS n FROM workouts WHERE deleted_at IS NULL"})
          ->Int("n");
    });
  }
  static double DistanceOf(const Reply& reply) {
    return reply.Json()["workout"]
        .as_object()["cardio"]
        .as_object()["distance_m"]
        .to_number<double>();
  }

  AppHarness h_;
  Browser ana_, tracker_, reader_;
};

TEST_F(UploadsTest, ARawGpxWithATokenBecomesAWorkoutAtOnce) {
  auto reply = Upload(tracker_, GpxAlongTheEquator(10), ContentType("application/gpx+xml"),
                      "?title=Lunch%20walk&visibility=followers");
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto body = reply.Json();
  auto job = body["job"].as_object();
  EXPECT_EQ(job["status"], "succeeded");
  EXPECT_EQ(job["format"], "gpx");
  EXPECT_TRUE(body["duplicate_of"].is_null());
  auto workout = body["workout"].as_object();
  std::string id(workout["id"].as_string());
  EXPECT_EQ(std::string(job["result"].as_object()["workout_id"].as_string()), id);
  EXPECT_EQ(workout["title"], "Lunch walk");
  EXPECT_EQ(workout["visibility"], "followers");
  EXPECT_EQ(std::string(workout["started_at"].as_string()).substr(0, 19), "2024-06-01T06:00:00");
  EXPECT_EQ(workout["cardio"].as_object()["sport"], "walk");
  // 0.01 degrees of longitude along the equator.
  EXPECT_NEAR(DistanceOf(reply), EquatorMetres(0.01), 0.01);  // 1113.19 m
  EXPECT_NEAR(workout["cardio"].as_object()["duration_s"].to_number<double>(), 600, 1e-6);
  EXPECT_EQ(reply.headers.Get("Location"), "/api/v1/workouts/" + id);
  // The workout is there, with its track; the upload is not kept.
  EXPECT_EQ(h_.Get(tracker_, "/api/v1/workouts/" + id).status, 200);
  EXPECT_EQ(h_.Get(tracker_, "/api/v1/workouts/" + id + "/track").status, 200);
  EXPECT_EQ(Count("import_uploads"), 0);
  EXPECT_EQ(LiveWorkouts(), 1);
  // The job is the import GET /imports/{id} shows.
  auto import = h_.Get(tracker_, "/api/v1/imports/" + std::string(job["id"].as_string()));
  ASSERT_EQ(import.status, 200);
  EXPECT_EQ(import.Json(), job);
}

TEST_F(UploadsTest, TheFormatComesFromTheContentNotTheName) {
  // GPX sent as octet-stream under a FIT file's name.
  auto reply = Upload(tracker_, GpxAlongTheEquator(4, 9), ContentType("application/octet-stream"),
                      "?filename=ride.fit&sport=hike");
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["job"].as_object()["format"], "gpx");
  EXPECT_EQ(reply.Json()["workout"].as_object()["cardio"].as_object()["sport"], "hike");
}

TEST_F(UploadsTest, AGzippedTcxRawBody) {
  std::string tcx = TcxAlongTheEquator(300);
  auto reply = Upload(tracker_, Gzip(tcx), ContentType("application/gzip"));
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(reply.Json()["job"].as_object()["format"], "tcx");
  EXPECT_EQ(reply.Json()["workout"].as_object()["cardio"].as_object()["sport"], "ride");
  EXPECT_NEAR(DistanceOf(reply), EquatorMetres(0.02), 0.01);  // 2226.39 m
  // A gzip wrapper cut short is refused, naming gzip, and leaves nothing.
  std::string cut = Gzip(TcxAlongTheEquator(20));
  auto broken = Upload(tracker_, cut.substr(0, cut.size() - 6), ContentType("application/gzip"));
  EXPECT_EQ(broken.status, 422) << broken.body;
  EXPECT_EQ(broken.Json()["code"], "upload_gzip_corrupt");
  EXPECT_EQ(LiveWorkouts(), 1);
  // The original is kept as the file itself, not its gzip wrapper.
  auto original = h_.app().database->ReadResult([&](platform::store::Session& s) {
    return s
        .QueryOne(platform::store::Statement{"test.uploads.original",
                                             "SELECT format, content FROM activity_originals"})
        ->Text("content");
  });
  EXPECT_EQ(original, tcx);
}

TEST_F(UploadsTest, AFitFileRaw) {
  auto raw = Upload(tracker_, TreadmillFit(), ContentType("application/vnd.ant.fit"));
  ASSERT_EQ(raw.status, 201) << raw.body;
  EXPECT_EQ(raw.Json()["job"].as_object()["format"], "fit");
  // 1199 s at 3 m/s, from the device's distance (no positions indoors).
  EXPECT_NEAR(DistanceOf(raw), 3597, 1e-6);
  EXPECT_EQ(raw.Json()["job"].as_object()["result"].as_object()["indoor"], true);
}

TEST_F(UploadsTest, AMultipartFormWithFields) {
  auto reply = Upload(tracker_,
                      Form(GpxAlongTheEquator(6, 7), "Track 12.gpx",
                           {{"title", "Dog walk"}, {"visibility", "public"}}),
                      FormType(), "?title=Overridden");
  ASSERT_EQ(reply.status, 201) << reply.body;
  auto workout = reply.Json()["workout"].as_object();
  EXPECT_EQ(workout["title"], "Dog walk");  // the form's field wins over the query
  EXPECT_EQ(workout["visibility"], "public");
  EXPECT_NEAR(DistanceOf(reply), EquatorMetres(0.01), 0.01);

  // A gzipped FIT file in a form.
  auto fit = Upload(tracker_, Form(Gzip(TreadmillFit()), "run.fit.gz"), FormType());
  ASSERT_EQ(fit.status, 201) << fit.body;
  EXPECT_NEAR(DistanceOf(fit), 3597, 1e-6);
  EXPECT_EQ(LiveWorkouts(), 2);
}

TEST_F(UploadsTest, TheSameRecordingTwiceIsReportedNotCreated) {
  std::string file = GpxAlongTheEquator(10, 12);
  auto first = Upload(tracker_, file, ContentType("application/gpx+xml"));
  ASSERT_EQ(first.status, 201) << first.body;
  std::string id(first.Json()["workout"].as_object()["id"].as_string());

  // Again, raw, as a form and gzipped: 200, the first workout named, nothing created.
  for (auto [body, headers] : {std::pair{file, ContentType("application/gpx+xml")},
                               std::pair{Form(file, "again.gpx"), FormType()},
                               std::pair{Gzip(file), ContentType("application/gzip")}}) {
    auto again = Upload(tracker_, body, headers);
    ASSERT_EQ(again.status, 200) << again.body;
    auto json = again.Json();
    EXPECT_EQ(std::string(json["duplicate_of"].as_string()), id);
    EXPECT_TRUE(json["workout"].is_null());
    EXPECT_EQ(json["job"].as_object()["status"], "failed");
  }
  EXPECT_EQ(LiveWorkouts(), 1);
  EXPECT_EQ(h_.Get(tracker_, "/api/v1/workouts?limit=100").Json()["items"].as_array().size(), 1u);
  // Unless both are wanted.
  EXPECT_EQ(
      Upload(tracker_, file, ContentType("application/gpx+xml"), "?allow_duplicate=true").status,
      201);
  EXPECT_EQ(LiveWorkouts(), 2);
}

TEST_F(UploadsTest, ARetryWithTheSameIdempotencyKeyAnswersTheFirstResult) {
  std::string file = GpxAlongTheEquator(5, 18);
  Headers headers = ContentType("application/gpx+xml");
  headers.Add("Idempotency-Key", "upload-2024-06-01-18");
  auto first = Upload(tracker_, file, headers);
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = Upload(tracker_, Gzip(file), headers);  // the same file, packed differently
  ASSERT_EQ(again.status, 201) << again.body;
  EXPECT_EQ(again.Json()["job"].as_object()["id"], first.Json()["job"].as_object()["id"]);
  EXPECT_EQ(again.Json()["workout"].as_object()["id"], first.Json()["workout"].as_object()["id"]);
  EXPECT_EQ(Count("jobs"), 1);
  EXPECT_EQ(LiveWorkouts(), 1);
  // The same key with another file: a conflict, and nothing created.
  auto other = Upload(tracker_, GpxAlongTheEquator(5, 19), headers);
  EXPECT_EQ(other.status, 409) << other.body;
  EXPECT_EQ(other.Json()["code"], "idempotency_key_reused");
  EXPECT_EQ(Count("jobs"), 1);
  EXPECT_EQ(LiveWorkouts(), 1);
}

TEST_F(UploadsTest, ATokenWithoutWorkoutsWriteIsRefused) {
  auto reply = Upload(reader_, GpxAlongTheEquator(3), ContentType("application/gpx+xml"));
  EXPECT_EQ(reply.status, 403) << reply.body;
  Browser nobody;
  EXPECT_EQ(Upload(nobody, GpxAlongTheEquator(3), ContentType("application/gpx+xml")).status, 401);
  EXPECT_EQ(Count("jobs"), 0);
  EXPECT_EQ(LiveWorkouts(), 0);
}

TEST_F(UploadsTest, ASignedInBrowserMayUploadToo) {
  auto reply = Upload(ana_, Form(GpxAlongTheEquator(2, 15), "a.gpx"), FormType());
  ASSERT_EQ(reply.status, 201) << reply.body;
  EXPECT_EQ(LiveWorkouts(), 1);
}

TEST_F(UploadsTest, MalformedFormsAreRefusedWithTheReasonAndLeaveNothing) {
  std::string good = Form(GpxAlongTheEquator(2), "a.gpx");
  struct Case {
    std::string body;
    Headers headers;
    int status;
    std::string code;
  } cases[] = {
      {good, ContentType("multipart/form-data"), 400, "multipart_boundary_missing"},
      {good, ContentType("multipart/form-data; boundary=other"), 400,
       "multipart_no_first_delimiter"},
      {good.substr(0, good.size() / 2), FormType(), 400, "multipart_unterminated"},
      {good + "junk", FormType(), 400, "multipart_trailing_data"},
      {std::string("--") + kBoundary + "\nContent-Disposition: form-data; name=\"file\"\n\nx\n--" +
           kBoundary + "--",
       FormType(), 400, "multipart_delimiter_line"},
      {std::string("--") + kBoundary + "\r\nContent-Type: text/plain\r\n\r\nx\r\n--" + kBoundary +
           "--",
       FormType(), 400, "multipart_disposition_missing"},
      // Well formed, but no part named file, or a part nobody knows.
      {Form(GpxAlongTheEquator(2), "a.gpx", {{"file", "twice"}}), FormType(), 400,
       "multipart_duplicate_name"},
      {std::string("--") + kBoundary +
           "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nx\r\n--" + kBoundary + "--",
       FormType(), 422, "invalid_fields"},
      {Form(GpxAlongTheEquator(2), "a.gpx", {{"colour", "red"}}), FormType(), 422,
       "invalid_fields"},
  };
  for (const auto& c : cases) {
    auto reply = Upload(tracker_, c.body, c.headers);
    EXPECT_EQ(reply.status, c.status) << c.code << ": " << reply.body;
    EXPECT_EQ(reply.Json()["code"], c.code.c_str()) << reply.body;
  }
  auto missing = Upload(tracker_, cases[7].body, FormType());
  EXPECT_EQ(testing::FieldsOf(missing), std::set<std::string>{"file"});
  auto unknown = Upload(tracker_, cases[8].body, FormType());
  EXPECT_EQ(testing::FieldsOf(unknown), std::set<std::string>{"colour"});
  EXPECT_EQ(Count("jobs"), 0);
  EXPECT_EQ(Count("import_uploads"), 0);
  EXPECT_EQ(LiveWorkouts(), 0);
}

TEST_F(UploadsTest, EmptyUnknownBrokenAndOversizeFiles) {
  auto empty = Upload(tracker_, "", ContentType("application/octet-stream"));
  EXPECT_EQ(empty.status, 422) << empty.body;
  EXPECT_EQ(empty.Json()["code"], "file_empty");
  auto empty_part = Upload(tracker_, Form("", "a.gpx"), FormType());
  EXPECT_EQ(empty_part.status, 422) << empty_part.body;

  // Not an activity file: what it was recognised as.
  auto kml =
      Upload(tracker_, "<?xml version=\"1.0\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">",
             ContentType("application/xml"));
  EXPECT_EQ(kml.status, 422) << kml.body;
  EXPECT_EQ(kml.Json()["code"], "upload_format_unknown_xml");
  EXPECT_NE(kml.Json()["detail"].as_string().find("<kml>"), std::string::npos) << kml.body;
  EXPECT_EQ(Upload(tracker_, "Date,Workout Name\n", ContentType("text/csv")).Json()["code"],
            "upload_format_unknown_text");
  EXPECT_EQ(Upload(tracker_, std::string("PK\x03\x04\x14\x00", 6), FormType()).status, 400);
  EXPECT_EQ(Upload(tracker_, std::string("PK\x03\x04\x14\x00", 6), ContentType("application/zip"))
                .Json()["code"],
            "upload_format_unknown_zip");

  // A GPX file the importer cannot read: 422 with its reason, and the failed import not kept.
  std::string bad = GpxAlongTheEquator(3);
  bad.replace(bad.find("lat=\"0.0\""), 9, "lat=\"99.0\"");
  auto broken = Upload(tracker_, bad, ContentType("application/gpx+xml"));
  EXPECT_EQ(broken.status, 422) << broken.body;
  EXPECT_EQ(broken.Json()["code"], "upload_file_invalid");
  EXPECT_NE(broken.Json()["detail"].as_string().find("latitude"), std::string::npos) << broken.body;

  // One byte over the import limit, raw: 413.
  std::string huge(core::limits::kImportFileBytes + 1, ' ');
  huge.replace(0, 5, "<gpx>");
  auto oversize = Upload(tracker_, huge, ContentType("application/gpx+xml"));
  EXPECT_EQ(oversize.status, 413) << oversize.body.substr(0, 300);

  EXPECT_EQ(Count("jobs"), 0);
  EXPECT_EQ(Count("import_uploads"), 0);
  EXPECT_EQ(LiveWorkouts(), 0);
}

TEST_F(UploadsTest, AFileOverTheSynchronousSizeRunsInTheBackground) {
  // A walk of 32 hours with a point a second: about 9.5 MB of GPX, over the 8 MiB done at once.
  std::string file = GpxAlongTheEquator(115'000, 0, 1);
  ASSERT_GT(file.size(), 8u * 1024 * 1024);
  auto reply = Upload(tracker_, file, ContentType("application/gpx+xml"));
  ASSERT_EQ(reply.status, 202) << reply.body.substr(0, 300);
  auto body = reply.Json();
  EXPECT_EQ(body["job"].as_object()["status"], "queued");
  EXPECT_TRUE(body["workout"].is_null());
  std::string job(body["job"].as_object()["id"].as_string());
  EXPECT_EQ(reply.headers.Get("Location"), "/api/v1/imports/" + job);
  h_.app().jobs->DrainForTests();
  auto done = h_.Get(tracker_, "/api/v1/imports/" + job).Json();
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  EXPECT_EQ(LiveWorkouts(), 1);
}

}  // namespace
}  // namespace vigor
