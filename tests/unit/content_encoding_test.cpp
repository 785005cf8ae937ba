// Gunzip and DecodeContentEncoding on gzip members written by Python's gzip module (not by zlib
// through Vigor), at the edges of the limit.
#include "platform/http/content_encoding.hpp"

#include <gtest/gtest.h>

#include "platform/error.hpp"

namespace vigor::platform::http {
namespace {

using Status = Gunzipped::Status;

// gzip.compress(b"hello, ", mtime=0) and gzip.compress(b"vigor", mtime=0).
const std::string kHello(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\xcb\x48\xcd\xc9\xc9\xd7\x51\x00\x00\x99\x56\xea"
    "\x11\x07\x00\x00\x00",
    27);
const std::string kVigor(
    "\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\x03\x2b\xcb\x4c\xcf\x2f\x02\x00\x26\xe0\x68\xe7\x05"
    "\x00\x00\x00",
    25);

TEST(Gunzip, DecodesOneMemberAndSeveralInARow) {
  auto one = Gunzip(kHello, 100);
  EXPECT_EQ(one.status, Status::kOk);
  EXPECT_EQ(one.data, "hello, ");
  auto two = Gunzip(kHello + kVigor, 100);
  EXPECT_EQ(two.status, Status::kOk);
  EXPECT_EQ(two.data, "hello, vigor");
}

TEST(Gunzip, TheLimitCountsDecodedBytes) {
  EXPECT_EQ(Gunzip(kHello + kVigor, 12).status, Status::kOk);  // exactly 12 bytes
  auto over = Gunzip(kHello + kVigor, 11);
  EXPECT_EQ(over.status, Status::kTooLarge);
  EXPECT_TRUE(over.data.empty());
}

TEST(Gunzip, RefusesWhatIsNotCompleteGzip) {
  std::string bad_crc = kHello;
  bad_crc[kHello.size() - 8] ^= 1;
  std::string bad_length = kHello;
  bad_length[kHello.size() - 4] ^= 1;
  for (const std::string& corrupt :
       {std::string(), std::string("plain text"), kHello.substr(0, 10),
        kHello.substr(0, kHello.size() - 1), bad_crc, bad_length, kHello + "x",
        // A zlib stream (RFC 1950) is "deflate", not gzip.
        std::string("\x78\x9c\xcb\x48\xcd\xc9\xc9\x07\x00\x06\x2c\x02\x15", 13)}) {
    EXPECT_EQ(Gunzip(corrupt, 100).status, Status::kCorrupt) << corrupt.size();
  }
}

TEST(DecodeContentEncoding, ReplacesTheBodyAndDropsTheHeader) {
  Request request;
  request.body = kHello;
  request.headers.Add("Content-Encoding", "gzip");
  DecodeContentEncoding(request, 100);
  EXPECT_EQ(request.body, "hello, ");
  EXPECT_FALSE(request.headers.Has("Content-Encoding"));
}

TEST(DecodeContentEncoding, MapsEachOutcomeToItsError) {
  auto kind_of = [](std::string coding, std::string body, std::size_t limit) {
    Request request;
    request.body = std::move(body);
    request.headers.Add("Content-Encoding", std::move(coding));
    try {
      DecodeContentEncoding(request, limit);
    } catch (const Error& e) {
      return static_cast<int>(e.kind());
    }
    return -1;
  };
  EXPECT_EQ(kind_of("gzip", kHello, 3), static_cast<int>(ErrorKind::kPayloadTooLarge));
  EXPECT_EQ(kind_of("gzip", "nope", 100), static_cast<int>(ErrorKind::kBadRequest));
  EXPECT_EQ(kind_of("br", kHello, 100), static_cast<int>(ErrorKind::kUnsupportedMediaType));
  EXPECT_EQ(kind_of("deflate", kHello, 100), static_cast<int>(ErrorKind::kUnsupportedMediaType));
  EXPECT_EQ(kind_of("identity", "plain", 100), -1);
  EXPECT_EQ(kind_of("X-Gzip", kHello, 100), -1);
}

}  // namespace
}  // namespace vigor::platform::http
