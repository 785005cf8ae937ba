#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "platform/http/message.hpp"

namespace vigor::platform::http {

struct Gunzipped {
  enum class Status { kOk, kTooLarge, kCorrupt };
  Status status;
  std::string data;  // kOk: the decoded bytes
};

// Inflates gzip data (RFC 1952: one member or several one after the other, each checked against
// its CRC-32 and length) into at most `limit` bytes. Stops as soon as the output would pass
// `limit` (kTooLarge), so a gzip bomb costs no more than `limit` bytes of memory and the time to
// produce them; anything but complete gzip members (a truncated stream, a bad checksum, trailing
// bytes) is kCorrupt.
Gunzipped Gunzip(std::string_view compressed, std::size_t limit);

// Undoes the request's Content-Encoding before its handler sees the body: gzip (or x-gzip) is
// inflated within `limit` (the route's body limit, now counted on the decoded bytes) and the
// header removed; "identity" is nothing to undo. Throws Error: kPayloadTooLarge when the decoded
// body is over `limit`, kBadRequest when it is not valid gzip, kUnsupportedMediaType for any
// other coding (deflate, br, compress, zstd, a list of codings).
void DecodeContentEncoding(Request& request, std::size_t limit);

// The codings DecodeContentEncoding accepts, for the Accept-Encoding of a 415 (RFC 9110 15.5.16).
inline constexpr std::string_view kAcceptedContentEncodings = "gzip";

}  // namespace vigor::platform::http
