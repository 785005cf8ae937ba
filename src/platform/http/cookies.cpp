#include "platform/http/cookies.hpp"

namespace vigor::platform::http {

std::optional<std::string> GetCookie(const Request& request, std::string_view name) {
  for (const auto& field : request.headers.fields()) {
    if (!EqualsIgnoreCase(field.name, "Cookie")) continue;
    std::string_view rest = field.value;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      std::string_view pair = rest.substr(0, semi);
      rest = semi == std::string_view::npos ? std::string_view{} : rest.substr(semi + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      auto eq = pair.find('=');
      if (eq == std::string_view::npos) continue;
      if (pair.substr(0, eq) != name) continue;
      std::string_view value = pair.substr(eq + 1);
      while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      return std::string(value);
    }
  }
  return std::nullopt;
}

std::string CookieName(std::string_view name, bool secure) {
  return secure ? "__Host-" + std::string(name) : std::string(name);
}

void SetCookie(Response& response, std::string_view name, std::string_view value,
               const CookieOptions& options) {
  std::string cookie = CookieName(name, options.secure) + "=" + std::string(value) +
                       "; Path=/; SameSite=" + std::string(options.same_site);
  if (options.http_only) cookie += "; HttpOnly";
  if (options.secure) cookie += "; Secure";
  if (options.max_age_seconds >= 0)
    cookie += "; Max-Age=" + std::to_string(options.max_age_seconds);
  response.headers.Add("Set-Cookie", std::move(cookie));
}

}  // namespace vigor::platform::http
