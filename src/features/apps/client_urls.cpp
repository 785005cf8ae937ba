#include "features/apps/client_urls.hpp"

#include <algorithm>
#include <array>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <cctype>

namespace vigor::features::apps {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool HasControlOrSpace(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](unsigned char c) { return c <= 0x20 || c == 0x7f; });
}

bool IsLoopbackIp(const boost::urls::url_view& url) {
  auto host = Lower(url.encoded_host_address());
  return host == "127.0.0.1" || host == "[::1]" || host == "::1";
}

}  // namespace

std::optional<std::string_view> WebUrlProblem(std::string_view url) {
  if (HasControlOrSpace(url)) return "app_url_invalid";
  auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return "app_url_invalid";
  const auto& view = *parsed;
  auto scheme = Lower(view.scheme());
  if (!view.has_authority() || view.encoded_host().empty()) return "app_url_invalid";
  if (view.has_userinfo()) return "app_url_user_info";
  if (scheme == "https") return std::nullopt;
  if (scheme == "http" && (IsLoopbackIp(view) || Lower(view.encoded_host()) == "localhost")) {
    return std::nullopt;
  }
  return "app_url_https";
}

std::optional<std::string_view> RedirectUriProblem(std::string_view uri) {
  if (HasControlOrSpace(uri)) return "redirect_uri_invalid";
  // parse_uri: a fragment is allowed by the grammar; RFC 6749 3.1.2 forbids it here.
  auto parsed = boost::urls::parse_uri(uri);
  if (!parsed) return "redirect_uri_invalid";
  const auto& view = *parsed;
  if (view.has_fragment()) return "redirect_uri_fragment";
  if (view.has_userinfo()) return "redirect_uri_invalid";
  auto scheme = Lower(view.scheme());
  if (scheme == "https") {
    if (!view.has_authority() || view.encoded_host().empty()) return "redirect_uri_invalid";
    return std::nullopt;
  }
  if (scheme == "http") {
    if (view.has_authority() && IsLoopbackIp(view)) return std::nullopt;
    return "redirect_uri_scheme";
  }
  // A private-use scheme names a domain the developer controls, reversed: it holds a dot.
  static constexpr std::array<std::string_view, 8> kRefused = {
      "javascript", "data", "file", "blob", "about", "vbscript", "ftp", "ws"};
  if (std::find(kRefused.begin(), kRefused.end(), scheme) != kRefused.end() ||
      scheme.find('.') == std::string::npos) {
    return "redirect_uri_scheme";
  }
  return std::nullopt;
}

}  // namespace vigor::features::apps
