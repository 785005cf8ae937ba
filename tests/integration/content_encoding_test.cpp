// Compressed request bodies (issue 9, defect 12): `Content-Encoding: gzip` is decoded for every
// route, within the route's own body limit counted on the decoded bytes (a gzip bomb is refused
// with 413 long before it is inflated); other codings get 415, a corrupt stream 400.
#include <gtest/gtest.h>
#include <zlib.h>

#include <boost/json/serialize.hpp>
#include <cstdio>
#include <string>

#include "platform/jobs/job_queue.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::Reply;

// gzip (RFC 1952) of `chunks` copies of `piece`, streamed so a large input never sits in memory.
std::string Gzip(const std::string& piece, int chunks = 1) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out;
  char buffer[64 * 1024];
  for (int i = 0; i < chunks; ++i) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(piece.data()));
    z.avail_in = static_cast<uInt>(piece.size());
    int flush = i + 1 == chunks ? Z_FINISH : Z_NO_FLUSH;
    int rc;
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      rc = deflate(&z, flush);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
  }
  deflateEnd(&z);
  return out;
}

// Ten minutes of a walk, one point a second, as a watch writes it.
std::string Gpx() {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gpx version=\"1.1\" creator=\"test\" "
      "xmlns=\"http://www.topografix.com/GPX/1/1\"><trk><type>walking</type><trkseg>\n";
  char line[200];
  for (int i = 0; i < 600; ++i) {
    std::snprintf(line, sizeof line,
                  "<trkpt lat=\"%.6f\" lon=\"6.630000\"><ele>400</ele>"
                  "<time>2024-05-01T07:%02d:%02dZ</time></trkpt>\n",
                  46.52 + i * 0.00001, 30 + i / 60, i % 60);
    out += line;
  }
  return out + "</trkseg></trk></gpx>\n";
}

class ContentEncodingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    h_.CreateUser("ana");
    h_.SignIn(ana_, "ana");
  }
  Reply PostEncoded(const std::string& target, const std::string& body,
                    const std::string& encoding) {
    Headers extra;
    extra.Add("Content-Type", "application/gpx+xml");  // every upload here is a GPX file
    extra.Add("Content-Encoding", encoding);
    return h_.Call(ana_, Method::kPost, target, body, extra);
  }
  std::int64_t Count(const std::string& table) {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      return s
          .QueryOne(platform::store::Statement{"test.count", "SELECT COUNT(*) AS n FROM " + table})
          ->Int("n");
    });
  }

  AppHarness h_;
  Browser ana_;
};

TEST_F(ContentEncodingTest, AGzippedGpxUploadImports) {
  std::string gpx = Gpx();
  std::string compressed = Gzip(gpx);
  ASSERT_LT(compressed.size(), gpx.size() / 3);
  auto reply = PostEncoded("/api/v1/imports?format=gpx", compressed, "gzip");
  ASSERT_EQ(reply.status, 202) << reply.body;
  std::string id(reply.Json()["id"].as_string());
  h_.app().jobs->DrainForTests();
  auto done = h_.Get(ana_, "/api/v1/imports/" + id).Json();
  ASSERT_EQ(done["status"], "succeeded") << boost::json::serialize(done);
  std::string workout_id(done["result"].as_object()["workout_id"].as_string());
  auto workout = h_.Get(ana_, "/api/v1/workouts/" + workout_id).Json();
  // 600 points one second apart: 599 s from first to last.
  EXPECT_EQ(workout["cardio"].as_object()["duration_s"].to_number<double>(), 599.0)
      << boost::json::serialize(workout);
  EXPECT_EQ(Count("workouts"), 1);
}

TEST_F(ContentEncodingTest, CodingNamesAreCaseInsensitiveAndXGzipIsGzip) {
  auto body = Gzip(R"({"preferences":{"locale":"de"}})");
  for (const char* name : {"GZIP", " x-gzip "}) {
    Headers extra;
    extra.Add("Content-Encoding", name);
    auto reply = h_.Call(ana_, Method::kPatch, "/api/v1/me", body, extra);
    EXPECT_EQ(reply.status, 200) << name << ": " << reply.body;
  }
  EXPECT_EQ(h_.Get(ana_, "/api/v1/me").Json()["preferences"].as_object()["locale"], "de");
}

TEST_F(ContentEncodingTest, AGzipBombIs413AndStoresNothing) {
  // 100 MB of zeros in about 100 KB: past the import route's 64 MB limit once inflated.
  std::string bomb = Gzip(std::string(1024 * 1024, '\0'), 100);
  ASSERT_LT(bomb.size(), 200u * 1024);
  auto reply = PostEncoded("/api/v1/imports?format=gpx", bomb, "gzip");
  EXPECT_EQ(reply.status, 413) << reply.body;
  EXPECT_EQ(reply.headers.Get("Content-Type").value_or(""), "application/problem+json");
  h_.app().jobs->DrainForTests();
  EXPECT_EQ(Count("import_uploads"), 0);
  EXPECT_EQ(Count("jobs"), 0);
  EXPECT_EQ(Count("workouts"), 0);

  // Every route counts the decoded size against its own limit: 10 MB of zeros (10 KB gzipped)
  // at a JSON route that takes 1 MB.
  std::string small_bomb = Gzip(std::string(1024 * 1024, ' '), 10);
  ASSERT_LT(small_bomb.size(), 64u * 1024);
  EXPECT_EQ(PostEncoded("/api/v1/workouts", small_bomb, "gzip").status, 413);
  EXPECT_EQ(Count("workouts"), 0);
}

TEST_F(ContentEncodingTest, OtherCodingsAre415) {
  std::string gpx = Gpx();
  for (const char* coding :
       {"compress", "br", "deflate", "zstd", "gzip, br", "identity, gzip", "nonsense"}) {
    auto reply = PostEncoded("/api/v1/imports?format=gpx", gpx, coding);
    EXPECT_EQ(reply.status, 415) << coding << ": " << reply.body;
    EXPECT_EQ(reply.headers.Get("Content-Type").value_or(""), "application/problem+json");
    EXPECT_EQ(reply.headers.Get("Accept-Encoding").value_or(""), "gzip") << coding;
  }
  EXPECT_EQ(Count("import_uploads"), 0);
  // "identity" is no coding at all.
  EXPECT_EQ(PostEncoded("/api/v1/imports?format=gpx", gpx, "identity").status, 202);
}

TEST_F(ContentEncodingTest, CorruptGzipIs400) {
  std::string good = Gzip(Gpx());
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 0x55);
  std::string bad_crc = good;
  bad_crc[good.size() - 6] = static_cast<char>(bad_crc[good.size() - 6] ^ 0x01);
  for (const std::string& body :
       {std::string("this is not gzip at all"), good.substr(0, good.size() / 2), flipped, bad_crc,
        good + "trailing garbage", std::string()}) {
    auto reply = PostEncoded("/api/v1/imports?format=gpx", body, "gzip");
    EXPECT_EQ(reply.status, 400) << body.size() << ": " << reply.body;
    EXPECT_EQ(reply.headers.Get("Content-Type").value_or(""), "application/problem+json");
  }
  EXPECT_EQ(Count("import_uploads"), 0);
  EXPECT_EQ(Count("workouts"), 0);
}

}  // namespace
}  // namespace vigor
