#pragma once

#include <optional>
#include <string>
#include <string_view>

// The map tile server an admin configures: a Leaflet URL template such as
// https://tile.openstreetmap.org/{z}/{x}/{y}.png and the attribution its licence asks for. Pure
// checks, no I/O: the template ends up in every page's Content-Security-Policy and in every
// viewer's browser, so only a narrow, predictable shape is accepted.
namespace vigor::core {

struct MapTiles {
  std::string tile_url;
  std::string attribution;
  bool operator==(const MapTiles&) const = default;
};

inline constexpr std::size_t kMaxTileUrlLength = 500;
inline constexpr std::size_t kMaxAttributionLength = 300;

// Why `url` is not an acceptable tile URL template, or nullopt when it is. Accepted: https (http
// only for localhost, 127.0.0.1 and [::1], for tests and a tile server on the same machine), a
// plain host name or one of those loopback addresses, an optional port, no user info; a path
// with {z}, {x} and {y}; {s} (a subdomain letter) only as the whole first label of the host or
// in the path; no other placeholder, no spaces, quotes, backslashes, angle brackets or control
// characters.
std::optional<std::string> TileUrlProblem(std::string_view url);

// Why `text` is not an acceptable attribution (plain text: no markup, no control characters,
// at most kMaxAttributionLength bytes), or nullopt when it is.
std::optional<std::string> AttributionProblem(std::string_view text);

// The CSP source that covers the tiles of a valid template: scheme://host[:port], with a {s}
// first label as a wildcard ("https://{s}.tile.example.org/..." -> "https://*.tile.example.org").
// Empty for a template TileUrlProblem refuses.
std::string TileImageSource(std::string_view url);

}  // namespace vigor::core
