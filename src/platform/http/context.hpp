#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/auth/principal.hpp"
#include "platform/http/router.hpp"
#include "platform/i18n/messages.hpp"

namespace vigor::platform::http {

// What the middleware learned about a request, handed to its handler.
struct RequestContext {
  std::string request_id;
  const RouteSpec* route = nullptr;  // null for static files and unmatched paths
  PathParams params;
  // Set by the authentication middleware; always present on routes that are not kPublic.
  std::optional<auth::Principal> principal;
  // The language of what this request's reader is told (problem details, field messages): the
  // signed-in user's profile language, set by the authentication middleware, else the
  // Accept-Language header's best choice, set when the request arrives.
  i18n::Language language = i18n::Language::kEnglish;
  // Set by a handler whose body was kept in memory with its validator (RepresentationETag of
  // this reader and those bytes, http/conditional_get.hpp): the conditional GET, when it is on,
  // uses it instead of hashing the body again.
  std::string known_etag;

  const auth::Principal& User() const { return principal.value(); }

  const std::string& Param(std::string_view name) const { return params.Get(name); }
  // The route template for logs and metrics: never the raw path, which may carry secrets.
  std::string_view RouteLabel() const {
    return route ? std::string_view(route->path) : "unmatched";
  }
};

}  // namespace vigor::platform::http
