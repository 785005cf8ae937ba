#include "platform/http/content_encoding.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "platform/error.hpp"

namespace vigor::platform::http {

namespace {

std::string Trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

Gunzipped Gunzip(std::string_view compressed, std::size_t limit) {
  using Status = Gunzipped::Status;
  if (compressed.empty()) return {Status::kCorrupt, {}};
  z_stream z{};
  // 16 + MAX_WBITS: a gzip wrapper only (no zlib header, no raw deflate).
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return {Status::kCorrupt, {}};
  std::string out;
  char buffer[64 * 1024];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  z.avail_in = static_cast<uInt>(compressed.size());
  Status status = Status::kOk;
  while (true) {
    z.next_out = reinterpret_cast<Bytef*>(buffer);
    z.avail_out = sizeof buffer;
    int rc = inflate(&z, Z_NO_FLUSH);
    std::size_t produced = sizeof buffer - z.avail_out;
    if (out.size() + produced > limit) {
      status = Status::kTooLarge;
      break;
    }
    out.append(buffer, produced);
    if (rc == Z_STREAM_END) {
      if (z.avail_in == 0) break;
      // Another member follows (what `cat a.gz b.gz` makes).
      if (inflateReset(&z) != Z_OK) {
        status = Status::kCorrupt;
        break;
      }
      continue;
    }
    if (rc != Z_OK || (z.avail_in == 0 && produced == 0)) {
      // A damaged stream, or one that ends before its member does.
      status = Status::kCorrupt;
      break;
    }
  }
  inflateEnd(&z);
  if (status != Status::kOk) out.clear();
  return {status, std::move(out)};
}

void DecodeContentEncoding(Request& request, std::size_t limit) {
  auto header = request.headers.Get("Content-Encoding");
  if (!header) return;
  std::string coding = Trimmed(*header);
  if (coding.empty() || coding == "identity") {
    request.headers.Remove("Content-Encoding");
    return;
  }
  if (coding != "gzip" && coding != "x-gzip") {
    throw Error(ErrorKind::kUnsupportedMediaType, Msg("content_encoding_unsupported"));
  }
  auto decoded = Gunzip(request.body, limit);
  switch (decoded.status) {
    case Gunzipped::Status::kTooLarge:
      throw Error(ErrorKind::kPayloadTooLarge,
                  Msg("decompressed_body_too_large", {{"limit", limit}}));
    case Gunzipped::Status::kCorrupt:
      throw Error(ErrorKind::kBadRequest, Msg("body_not_gzip"));
    case Gunzipped::Status::kOk:
      break;
  }
  request.body = std::move(decoded.data);
  request.headers.Remove("Content-Encoding");
  request.headers.Set("Content-Length", std::to_string(request.body.size()));
}

}  // namespace vigor::platform::http
