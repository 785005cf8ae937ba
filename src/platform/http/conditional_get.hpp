#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

// Conditional GETs of the API's JSON reads (RFC 9110 section 13): one validator for every
// cacheable answer, computed here rather than by each feature, so a new read route gets it for
// free and none can forget a part of its body.
namespace vigor::platform::http {

// What a cacheable read answers with: stored only by the user's own browser ("private": it is
// user data), and revalidated before each use ("no-cache"), so a change shows at once.
inline constexpr std::string_view kPrivateRevalidate = "private, no-cache";
// The answer depends on who asks (cookie or bearer token) and on the language asked for.
inline constexpr std::string_view kReadVary = "Authorization, Cookie, Accept-Language";

// A strong validator of `body` as answered to `user_id` ("" when nobody is signed in): a
// 128-bit BLAKE2b of both, quoted. Strong, because two answers with the same ETag are the same
// bytes; keyed by the reader, so one user's ETag never matches another's answer, even when the
// two bodies are byte for byte the same.
std::string RepresentationETag(std::string_view user_id, std::string_view body);

// Whether an If-None-Match header names `etag` (weak comparison, as RFC 9110 asks for
// If-None-Match: a "W/" prefix is ignored; "*" matches any current representation).
bool IfNoneMatchMatches(std::optional<std::string_view> if_none_match, std::string_view etag);

// Whether `response` to `request` is a cacheable API read: GET or HEAD under /api/, a 200 with a
// JSON body, not a stream (Server-Sent Events) nor a download (Content-Disposition), not an
// authentication exchange (/api/v1/auth/...), no ETag of its own (a resource's rev, which
// If-Match uses), and no Cache-Control of its own other than "no-cache".
bool IsCacheableRead(const Request& request, const Response& response);

// For a cacheable read: sets ETag, Cache-Control (kPrivateRevalidate unless the route said
// "no-cache" for an answer that is the same for everyone) and Vary; when If-None-Match names
// the ETag, turns the answer into a 304 with those headers and no body. Other answers are left
// alone. `known_etag`, when given, is RepresentationETag(user_id, response.body) computed
// earlier (kept with a body held in memory): the body is not hashed again.
void ApplyConditionalGet(const Request& request, std::string_view user_id, Response& response,
                         std::string known_etag = {});

}  // namespace vigor::platform::http
