#include "core/markdown_lite.hpp"

#include <cctype>

#include "core/html_escape.hpp"

namespace vigor::core {

namespace {

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

bool IsUrlChar(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u == 0x7f) return false;
  return c != '<' && c != '>' && c != '"' && c != '\'' && c != '\\';
}

// Trailing punctuation of a bare link belongs to the sentence ("see https://x.org.").
bool IsTrailingPunctuation(char c) {
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')';
}

std::string Anchor(std::string_view url, std::string_view text) {
  return "<a href=\"" + EscapeHtml(url) + "\" rel=\"nofollow noopener ugc\">" + EscapeHtml(text) +
         "</a>";
}

// What markup may appear inside what: bold holds italics and links, italics hold links, link
// texts hold nothing. So nesting is bounded and every opened tag is closed in order.
enum class Allow { kAll, kItalicsAndLinks, kLinks };

class Renderer {
 public:
  std::string Render(std::string_view text, Allow allow) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
      std::string_view rest = text.substr(i);
      if (rest[0] == '\n') {
        out += "<br>";
        ++i;
        continue;
      }
      if (allow == Allow::kAll && rest.starts_with("**")) {
        auto close = rest.find("**", 2);
        if (close != std::string_view::npos && close > 2 && !HasBreak(rest.substr(2, close - 2))) {
          out +=
              "<strong>" + Render(rest.substr(2, close - 2), Allow::kItalicsAndLinks) + "</strong>";
          i += close + 2;
          continue;
        }
      }
      if (allow != Allow::kLinks && rest[0] == '*' && !rest.starts_with("**")) {
        auto close = rest.find('*', 1);
        if (close != std::string_view::npos && close > 1 && !HasBreak(rest.substr(1, close - 1))) {
          out += "<em>" + Render(rest.substr(1, close - 1), Allow::kLinks) + "</em>";
          i += close + 1;
          continue;
        }
      }
      if (rest[0] == '[') {
        if (auto used = Link(rest, out)) {
          i += used;
          continue;
        }
      }
      if (StartsWithNoCase(rest, "https://") && (i == 0 || !IsUrlChar(text[i - 1]))) {
        std::size_t end = 0;
        while (end < rest.size() && IsUrlChar(rest[end])) ++end;
        while (end > 0 && IsTrailingPunctuation(rest[end - 1])) --end;
        if (end > 8) {
          out += Anchor(rest.substr(0, end), rest.substr(0, end));
          i += end;
          continue;
        }
      }
      if (rest[0] != '\r') out += EscapeHtml(rest.substr(0, 1));
      ++i;
    }
    return out;
  }

 private:
  static bool HasBreak(std::string_view text) { return text.find('\n') != std::string_view::npos; }

  // [text](url) at the start of `rest`: appends the anchor and returns the characters used, or 0.
  static std::size_t Link(std::string_view rest, std::string& out) {
    auto close_text = rest.find(']');
    if (close_text == std::string_view::npos || close_text < 2) return 0;
    auto text = rest.substr(1, close_text - 1);
    if (HasBreak(text) || text.find('[') != std::string_view::npos) return 0;
    if (close_text + 1 >= rest.size() || rest[close_text + 1] != '(') return 0;
    auto close_url = rest.find(')', close_text + 2);
    if (close_url == std::string_view::npos) return 0;
    auto url = rest.substr(close_text + 2, close_url - close_text - 2);
    if (!IsSafeLinkTarget(url)) return 0;
    out += Anchor(url, text);
    return close_url + 1;
  }
};

}  // namespace

bool IsSafeLinkTarget(std::string_view url) {
  std::size_t scheme = 0;
  if (StartsWithNoCase(url, "https://")) {
    scheme = 8;
  } else if (StartsWithNoCase(url, "http://")) {
    scheme = 7;
  } else {
    return false;
  }
  if (url.size() == scheme) return false;
  for (char c : url) {
    if (!IsUrlChar(c)) return false;
  }
  return true;
}

std::string RenderMarkdownLite(std::string_view text) {
  return Renderer().Render(text, Allow::kAll);
}

}  // namespace vigor::core
