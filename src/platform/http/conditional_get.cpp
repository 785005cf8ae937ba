#include "platform/http/conditional_get.hpp"

#include <sodium.h>

#include <array>

namespace vigor::platform::http {

namespace {

bool IsJson(std::string_view content_type) {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.remove_suffix(1);
  return EqualsIgnoreCase(type, "application/json") ||
         (type.starts_with("application/") && type.ends_with("+json"));
}

}  // namespace

std::string RepresentationETag(std::string_view user_id, std::string_view body) {
  // BLAKE2b (libsodium) rather than SHA-256: about twice as fast in software, and 128 bits
  // leave no practical chance of two different answers sharing a validator.
  std::array<unsigned char, 16> digest{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, digest.size());
  // The reader's id, then a separator no id contains, then the body: "ab" + "c" and "a" + "bc"
  // cannot collide.
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(user_id.data()),
                            user_id.size());
  const unsigned char separator = 0;
  crypto_generichash_update(&state, &separator, 1);
  crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                            body.size());
  crypto_generichash_final(&state, digest.data(), digest.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string etag;
  etag.reserve(2 + 2 * digest.size());
  etag.push_back('"');
  for (unsigned char b : digest) {
    etag.push_back(kHex[b >> 4]);
    etag.push_back(kHex[b & 0xf]);
  }
  etag.push_back('"');
  return etag;
}

bool IfNoneMatchMatches(std::optional<std::string_view> if_none_match, std::string_view etag) {
  if (!if_none_match) return false;
  std::string_view list = *if_none_match;
  while (!list.empty()) {
    auto comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*") return true;
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag) return true;
  }
  return false;
}

bool IsCacheableRead(const Request& request, const Response& response) {
  if (request.method != Method::kGet && request.method != Method::kHead) return false;
  if (response.status != 200 || response.stream) return false;
  std::string_view path = request.Path();
  if (!path.starts_with("/api/") || path.starts_with("/api/v1/auth/")) return false;
  const auto& h = response.headers;
  if (h.Has("ETag") || h.Has("Content-Disposition")) return false;
  if (auto cache_control = h.Get("Cache-Control"); cache_control && *cache_control != "no-cache") {
    return false;
  }
  auto content_type = h.Get("Content-Type");
  return content_type && IsJson(*content_type);
}

void ApplyConditionalGet(const Request& request, std::string_view user_id, Response& response,
                         std::string known_etag) {
  if (!IsCacheableRead(request, response)) return;
  std::string etag =
      known_etag.empty() ? RepresentationETag(user_id, response.body) : std::move(known_etag);
  if (!response.headers.Has("Cache-Control")) {
    response.headers.Set("Cache-Control", std::string(kPrivateRevalidate));
  }
  response.headers.Set("Vary", std::string(kReadVary));
  if (IfNoneMatchMatches(request.headers.Get("If-None-Match"), etag)) {
    // RFC 9110 15.4.5: a 304 carries the validators and caching headers a 200 would, and no
    // content (so no Content-Type either).
    response.status = 304;
    response.body.clear();
    response.headers.Remove("Content-Type");
  }
  response.headers.Set("ETag", std::move(etag));
}

}  // namespace vigor::platform::http
