#include "core/markdown_lite.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

constexpr const char* kRel = "rel=\"nofollow noopener ugc\"";

std::string A(const std::string& href, const std::string& text) {
  return "<a href=\"" + href + "\" " + kRel + ">" + text + "</a>";
}

TEST(MarkdownLiteTest, PlainTextIsEscaped) {
  EXPECT_EQ(RenderMarkdownLite("a < b & c > d \"q\" 'x'"),
            "a &lt; b &amp; c &gt; d &quot;q&quot; &#39;x&#39;");
}

TEST(MarkdownLiteTest, BoldItalicsAndLineBreaks) {
  EXPECT_EQ(RenderMarkdownLite("**strong** and *soft*\nnext"),
            "<strong>strong</strong> and <em>soft</em><br>next");
  EXPECT_EQ(RenderMarkdownLite("a\r\nb"), "a<br>b");
}

TEST(MarkdownLiteTest, UnclosedMarkersStayText) {
  EXPECT_EQ(RenderMarkdownLite("2 * 3 = 6"), "2 * 3 = 6");
  EXPECT_EQ(RenderMarkdownLite("**open"), "**open");
  // Emphasis does not run over a line break.
  EXPECT_EQ(RenderMarkdownLite("*a\nb*"), "*a<br>b*");
}

TEST(MarkdownLiteTest, ItalicsInsideBoldButNoBoldInsideItalics) {
  EXPECT_EQ(RenderMarkdownLite("**a *b* c**"), "<strong>a <em>b</em> c</strong>");
  // Inside italics there is no bold: the next * closes the italics, so tags never overlap.
  EXPECT_EQ(RenderMarkdownLite("*x **y** z*"), "<em>x </em><em>y</em><em> z</em>");
}

TEST(MarkdownLiteTest, Links) {
  EXPECT_EQ(RenderMarkdownLite("[my run](https://example.org/a?b=1&c=2)"),
            A("https://example.org/a?b=1&amp;c=2", "my run"));
  EXPECT_EQ(RenderMarkdownLite("[x](HTTP://example.org)"), A("HTTP://example.org", "x"));
  EXPECT_EQ(RenderMarkdownLite("see https://example.org/x."),
            "see " + A("https://example.org/x", "https://example.org/x") + ".");
}

TEST(MarkdownLiteTest, HostileLinksStayText) {
  EXPECT_EQ(RenderMarkdownLite("[x](javascript:alert(1))"), "[x](javascript:alert(1))");
  EXPECT_EQ(RenderMarkdownLite("[x](JaVaScRiPt:alert(1))"), "[x](JaVaScRiPt:alert(1))");
  EXPECT_EQ(RenderMarkdownLite("[x](data:text/html;base64,PHNjcmlwdD4=)"),
            "[x](data:text/html;base64,PHNjcmlwdD4=)");
  EXPECT_EQ(RenderMarkdownLite("[x](vbscript:msgbox)"), "[x](vbscript:msgbox)");
  // A quote cannot end the attribute: such a target is no link, and the quote is escaped.
  EXPECT_EQ(RenderMarkdownLite("[x](https://a.org/\" onmouseover=\"alert(1))"),
            "[x](https://a.org/&quot; onmouseover=&quot;alert(1))");
  EXPECT_EQ(RenderMarkdownLite("https://a.org/\"onerror=\"x"),
            A("https://a.org/", "https://a.org/") + "&quot;onerror=&quot;x");
  // No scheme-relative or bare-http autolinks.
  EXPECT_EQ(RenderMarkdownLite("//evil.org http://plain.org"), "//evil.org http://plain.org");
}

TEST(MarkdownLiteTest, HostileMarkupIsEscaped) {
  EXPECT_EQ(RenderMarkdownLite("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(RenderMarkdownLite("<img src=x onerror=alert(1)>"),
            "&lt;img src=x onerror=alert(1)&gt;");
  EXPECT_EQ(RenderMarkdownLite("<style>body{display:none}</style>"),
            "&lt;style&gt;body{display:none}&lt;/style&gt;");
  // Entities of the input are text, not markup: the ampersand is escaped.
  EXPECT_EQ(RenderMarkdownLite("&lt;b&gt; &#x3C;"), "&amp;lt;b&amp;gt; &amp;#x3C;");
  // Markup inside a link text or in bold is escaped too.
  EXPECT_EQ(RenderMarkdownLite("[<b>x</b>](https://a.org)"),
            A("https://a.org", "&lt;b&gt;x&lt;/b&gt;"));
  EXPECT_EQ(RenderMarkdownLite("**<i>x</i>**"), "<strong>&lt;i&gt;x&lt;/i&gt;</strong>");
  // A link inside a link text is not made.
  EXPECT_EQ(RenderMarkdownLite("[[a](https://b.org)](https://c.org)"),
            "[" + A("https://b.org", "a") + "](https://c.org)");
}

TEST(MarkdownLiteTest, SafeLinkTargets) {
  EXPECT_TRUE(IsSafeLinkTarget("https://a.org"));
  EXPECT_TRUE(IsSafeLinkTarget("http://a.org/x?y=1"));
  EXPECT_FALSE(IsSafeLinkTarget("https://"));
  EXPECT_FALSE(IsSafeLinkTarget("ftp://a.org"));
  EXPECT_FALSE(IsSafeLinkTarget("https://a.org/ x"));
  EXPECT_FALSE(IsSafeLinkTarget("https://a.org/\tx"));
  EXPECT_FALSE(IsSafeLinkTarget("https://a.org/<x>"));
  EXPECT_FALSE(IsSafeLinkTarget(" https://a.org"));
}

}  // namespace
}  // namespace vigor::core
