#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace vigor::platform::http {

// The value of a cookie sent by the client; nullopt when absent.
std::optional<std::string> GetCookie(const Request& request, std::string_view name);

struct CookieOptions {
  bool http_only = true;
  bool secure = false;        // with TLS: Secure and the __Host- prefix
  long max_age_seconds = -1;  // -1: a session cookie; 0: delete
  std::string_view same_site = "Lax";
};

// The cookie's name as sent on the wire: "__Host-" + name over TLS, so that no subdomain can
// set or overwrite it.
std::string CookieName(std::string_view name, bool secure);

void SetCookie(Response& response, std::string_view name, std::string_view value,
               const CookieOptions& options);

}  // namespace vigor::platform::http
