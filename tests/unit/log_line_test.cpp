// JSON strings (platform/obs/log.hpp AppendJsonString, also the API's): what JSON requires escaped
// is, the rest (including UTF-8 and DEL) is copied as it is. Expected texts written by hand from
// RFC 8259 section 7.
#include <gtest/gtest.h>

#include <string>

#include "platform/obs/log.hpp"

namespace vigor::platform::obs {
namespace {

std::string Quoted(std::string_view text) {
  std::string out = "x=";
  AppendJsonString(out, text);
  return out;
}

TEST(LogLineTest, PlainTextIsCopiedWhole) {
  EXPECT_EQ(Quoted(""), "x=\"\"");
  EXPECT_EQ(Quoted("GET /api/v1/me"), "x=\"GET /api/v1/me\"");
  EXPECT_EQ(Quoted("Gr\xC3\xBC\xC3\x9F"
                   "e\x7f"),
            "x=\"Gr\xC3\xBC\xC3\x9F"
            "e\x7f\"");
}

TEST(LogLineTest, QuotesBackslashesAndControlCharactersAreEscaped) {
  EXPECT_EQ(Quoted("a\"b\\c"), "x=\"a\\\"b\\\\c\"");
  EXPECT_EQ(Quoted("line\nnext\r\ttab"), "x=\"line\\nnext\\r\\ttab\"");
  EXPECT_EQ(Quoted("\b\f"), "x=\"\\b\\f\"");
  EXPECT_EQ(Quoted(std::string("\x01mid\x1f", 5)), "x=\"\\u0001mid\\u001f\"");
  EXPECT_EQ(Quoted(std::string("nul\0end", 7)), "x=\"nul\\u0000end\"");
  EXPECT_EQ(Quoted("\"\""), "x=\"\\\"\\\"\"");
}

}  // namespace
}  // namespace vigor::platform::obs
