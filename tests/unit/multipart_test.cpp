// The multipart/form-data reader on bodies written out here by hand, byte by byte, as curl,
// browsers and HTTP shortcut apps send them, and on each way one can be malformed.
#include "platform/http/multipart.hpp"

#include <gtest/gtest.h>

#include <string>

namespace vigor::platform::http {
namespace {

using Problem = MultipartProblem;

// What `curl -F file=@run.gpx -F title="Morning run"` sends (curl 7.88: 24 dashes and 16 hex
// digits of boundary; its delimiter lines carry two dashes more).
const std::string kCurlType =
    "multipart/form-data; boundary=------------------------d74496d66958873e";
const std::string kCurlBody =
    "--------------------------d74496d66958873e\r\n"
    "Content-Disposition: form-data; name=\"file\"; filename=\"run.gpx\"\r\n"
    "Content-Type: application/octet-stream\r\n"
    "\r\n"
    "<gpx/>\r\n"
    "--------------------------d74496d66958873e\r\n"
    "Content-Disposition: form-data; name=\"title\"\r\n"
    "\r\n"
    "Morning run\r\n"
    "--------------------------d74496d66958873e--\r\n";

Problem ProblemOf(const std::string& type, const std::string& body,
                  const MultipartLimits& limits = {}) {
  return ParseMultipartFormData(type, body, limits).problem;
}

TEST(Multipart, ReadsWhatCurlSends) {
  auto form = ParseMultipartFormData(kCurlType, kCurlBody);
  ASSERT_TRUE(form.ok()) << MultipartProblemCode(form.problem);
  ASSERT_EQ(form.parts.size(), 2u);
  const auto* file = form.Find("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename, "run.gpx");
  EXPECT_EQ(file->content_type, "application/octet-stream");
  EXPECT_EQ(file->body, "<gpx/>");
  const auto* title = form.Find("title");
  ASSERT_NE(title, nullptr);
  EXPECT_FALSE(title->filename.has_value());
  EXPECT_EQ(title->body, "Morning run");
  EXPECT_EQ(form.Find("visibility"), nullptr);
}

TEST(Multipart, KeepsBinaryContentExactlyIncludingCrlfAndDashes) {
  // A file's bytes may hold CR, LF, NUL, dashes and most of the boundary: only CRLF followed by
  // the whole delimiter ends a part.
  std::string content("a\r\n--XY\r\n\0\xff--X\r\n", 16);
  std::string body =
      "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.fit\"\r\n"
      "\r\n" +
      content + "\r\n--XYZ--";
  auto form = ParseMultipartFormData("multipart/form-data; boundary=XYZ", body);
  ASSERT_TRUE(form.ok()) << MultipartProblemCode(form.problem);
  ASSERT_EQ(form.parts.size(), 1u);
  EXPECT_EQ(form.parts[0].body, content);
  EXPECT_EQ(form.parts[0].body.size(), 16u);
}

TEST(Multipart, BoundaryParameterForms) {
  EXPECT_EQ(MultipartBoundary("multipart/form-data; boundary=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("Multipart/Form-Data;BOUNDARY=abc"), "abc");
  EXPECT_EQ(MultipartBoundary("multipart/form-data; charset=utf-8; boundary=\"a b:c\""), "a b:c");
  EXPECT_EQ(MultipartBoundary("multipart/form-data"), std::nullopt);
  EXPECT_TRUE(IsMultipartFormData("MULTIPART/FORM-DATA; boundary=x"));
  EXPECT_FALSE(IsMultipartFormData("multipart/mixed; boundary=x"));
  EXPECT_FALSE(IsMultipartFormData("application/octet-stream"));
  // A quoted boundary with a space and a colon (bchars allow both) is used as written.
  std::string body =
      "--a b:c\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b:c--\r\n";
  auto form = ParseMultipartFormData("multipart/form-data; boundary=\"a b:c\"", body);
  ASSERT_TRUE(form.ok()) << MultipartProblemCode(form.problem);
  EXPECT_EQ(form.parts[0].body, "1");
}

TEST(Multipart, RefusesABadContentTypeOrBoundary) {
  EXPECT_EQ(ProblemOf("application/json", kCurlBody), Problem::kNotFormData);
  EXPECT_EQ(ProblemOf("multipart/form-data", kCurlBody), Problem::kBoundaryMissing);
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=\"\"", kCurlBody), Problem::kBoundaryInvalid);
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=" + std::string(71, 'a'), kCurlBody),
            Problem::kBoundaryInvalid);
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=\"ab \"", kCurlBody),
            Problem::kBoundaryInvalid);
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=\"a<b\"", kCurlBody),
            Problem::kBoundaryInvalid);
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=\"unclosed", kCurlBody),
            Problem::kBoundaryInvalid);
  // 70 characters is the most RFC 2046 allows, and is fine.
  std::string b70(70, 'b');
  std::string body =
      "--" + b70 + "\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--" + b70 + "--";
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=" + b70, body), Problem::kNone);
  // Another boundary than the body's.
  EXPECT_EQ(ProblemOf("multipart/form-data; boundary=other", kCurlBody),
            Problem::kNoFirstDelimiter);
}

TEST(Multipart, RefusesMalformedFraming) {
  const std::string type = "multipart/form-data; boundary=B";
  const std::string part = "Content-Disposition: form-data; name=\"file\"\r\n\r\nx";
  // The well-formed body, then one fault at a time.
  EXPECT_EQ(ProblemOf(type, "--B\r\n" + part + "\r\n--B--"), Problem::kNone);
  EXPECT_EQ(ProblemOf(type, "preamble\r\n--B\r\n" + part + "\r\n--B--"),
            Problem::kNoFirstDelimiter);
  // Bare LF line ends (a hand-written client's mistake).
  EXPECT_EQ(ProblemOf(type, "--B\nContent-Disposition: form-data; name=\"file\"\n\nx\n--B--"),
            Problem::kDelimiterLine);
  EXPECT_EQ(ProblemOf(type,
                      "--B\r\nContent-Disposition: form-data; name=\"file\"\n\r\n\r\nx\r\n"
                      "--B--"),
            Problem::kHeaderMalformed);
  // Transport padding after a delimiter is allowed; other text is not.
  EXPECT_EQ(ProblemOf(type, "--B \t\r\n" + part + "\r\n--B--"), Problem::kNone);
  EXPECT_EQ(ProblemOf(type, "--Bx\r\n" + part + "\r\n--B--"), Problem::kDelimiterLine);
  // Cut short: in the headers, in the content, right after a delimiter.
  EXPECT_EQ(ProblemOf(type, "--B\r\nContent-Disposition: form-data; name=\"file\"\r\n"),
            Problem::kUnterminated);
  EXPECT_EQ(ProblemOf(type, "--B\r\n" + part), Problem::kUnterminated);
  EXPECT_EQ(ProblemOf(type, "--B\r\n" + part + "\r\n--B"), Problem::kUnterminated);
  // After the close delimiter only line breaks and spaces.
  EXPECT_EQ(ProblemOf(type, "--B\r\n" + part + "\r\n--B--\r\n\r\n "), Problem::kNone);
  EXPECT_EQ(ProblemOf(type, "--B\r\n" + part + "\r\n--B--\r\nmore"), Problem::kTrailingData);
}

TEST(Multipart, RefusesBadPartHeaders) {
  const std::string type = "multipart/form-data; boundary=B";
  auto with_headers = [&](const std::string& headers) {
    return ProblemOf(type, "--B\r\n" + headers + "\r\n\r\nx\r\n--B--");
  };
  EXPECT_EQ(with_headers("Content-Disposition: form-data; name=file"), Problem::kNone);
  EXPECT_EQ(with_headers("Content-Type: text/plain"), Problem::kDispositionMissing);
  EXPECT_EQ(ProblemOf(type, "--B\r\n\r\nx\r\n--B--"), Problem::kDispositionMissing);
  EXPECT_EQ(with_headers("Content-Disposition: attachment; name=\"file\""),
            Problem::kDispositionInvalid);
  EXPECT_EQ(with_headers("Content-Disposition: form-data"), Problem::kDispositionInvalid);
  EXPECT_EQ(with_headers("Content-Disposition: form-data; name=\"\""),
            Problem::kDispositionInvalid);
  EXPECT_EQ(with_headers("Content-Disposition: form-data; name=\"file"),
            Problem::kDispositionInvalid);
  EXPECT_EQ(with_headers("Content-Disposition: form-data;\r\n name=\"file\""),
            Problem::kHeaderMalformed);  // folded
  EXPECT_EQ(with_headers("Content-Disposition form-data; name=\"file\""),
            Problem::kHeaderMalformed);  // no colon
  EXPECT_EQ(with_headers("Content-Disposition: form-data; name=\"a\"\r\n"
                         "Content-Disposition: form-data; name=\"b\""),
            Problem::kDispositionInvalid);  // two, which to believe?
  // A quoted name with an escaped quote; unknown headers ignored.
  auto form = ParseMultipartFormData(
      type,
      "--B\r\nX-Note: hi\r\nContent-Disposition: form-data; name=\"a\\\"b\"; "
      "filename=\"c;d.gpx\"\r\n\r\nx\r\n--B--");
  ASSERT_TRUE(form.ok()) << MultipartProblemCode(form.problem);
  EXPECT_EQ(form.parts[0].name, "a\"b");
  EXPECT_EQ(form.parts[0].filename, "c;d.gpx");
}

TEST(Multipart, EnforcesItsLimits) {
  const std::string type = "multipart/form-data; boundary=B";
  auto field = [](const std::string& name, const std::string& value) {
    return "--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
  };
  auto file = [](const std::string& value) {
    return "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n" + value +
           "\r\n";
  };
  MultipartLimits limits{
      .max_parts = 2, .max_header_bytes = 80, .max_field_bytes = 3, .max_file_bytes = 5};
  EXPECT_EQ(ProblemOf(type, field("a", "123") + file("12345") + "--B--", limits), Problem::kNone);
  EXPECT_EQ(ProblemOf(type, field("a", "1234") + "--B--", limits), Problem::kFieldTooLarge);
  EXPECT_EQ(ProblemOf(type, file("123456") + "--B--", limits), Problem::kFileTooLarge);
  EXPECT_EQ(ProblemOf(type, field("a", "1") + field("b", "2") + field("c", "3") + "--B--", limits),
            Problem::kTooManyParts);
  EXPECT_EQ(ProblemOf(type, field("a", "1") + field("a", "2") + "--B--", limits),
            Problem::kDuplicateName);
  EXPECT_EQ(ProblemOf(type, field(std::string(80, 'n'), "1") + "--B--", limits),
            Problem::kHeaderTooLong);
  // A header block that never ends, longer than the limit: refused without reading on.
  EXPECT_EQ(ProblemOf(type, "--B\r\nX: " + std::string(1000, 'y'), limits),
            Problem::kHeaderTooLong);
}

TEST(Multipart, AnEmptyFormHasNoParts) {
  auto form = ParseMultipartFormData("multipart/form-data; boundary=B", "--B--\r\n");
  EXPECT_TRUE(form.ok());
  EXPECT_TRUE(form.parts.empty());
}

TEST(Multipart, EveryProblemHasAMessageCode) {
  for (int p = 1; p <= static_cast<int>(Problem::kTrailingData); ++p) {
    EXPECT_TRUE(MultipartProblemCode(static_cast<Problem>(p)).starts_with("multipart_")) << p;
  }
}

TEST(Multipart, FilenameOfAContentDisposition) {
  EXPECT_EQ(DispositionFilename("attachment; filename=\"ride 1.fit\""), "ride 1.fit");
  EXPECT_EQ(DispositionFilename("attachment; filename=ride.fit"), "ride.fit");
  EXPECT_EQ(DispositionFilename("attachment"), std::nullopt);
  EXPECT_EQ(DispositionFilename("attachment; filename=\"open"), std::nullopt);
}

}  // namespace
}  // namespace vigor::platform::http
