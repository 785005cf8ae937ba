#include "core/html_escape.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

TEST(HtmlEscapeTest, EscapesTheFiveCharactersThatEndTextOrAnAttribute) {
  EXPECT_EQ(EscapeHtml(R"(<a href="x">Tom & Jerry's</a>)"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
}

TEST(HtmlEscapeTest, LeavesEverythingElseAsItIs) {
  EXPECT_EQ(EscapeHtml("Grüße, 5 km/h; a=b?c#d"), "Grüße, 5 km/h; a=b?c#d");
  EXPECT_EQ(EscapeHtml(""), "");
}

}  // namespace
}  // namespace vigor::core
