#include "core/map_tiles.hpp"

#include <algorithm>
#include <vector>

namespace vigor::core {

namespace {

struct ParsedTileUrl {
  std::string scheme;  // "https" or "http"
  std::string host;    // lowercased; may start with "{s}."
  std::string port;    // digits, or empty
  std::string rest;    // the path and query, starting with '/'
};

bool IsLoopback(std::string_view host) {
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]";
}

bool IsLabelChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; }

// A DNS name of letters, digits and hyphens in dot-separated labels (no IDN: punycode is fine).
bool IsHostName(std::string_view host) {
  if (host.empty() || host.size() > 253) return false;
  std::size_t start = 0;
  while (true) {
    auto dot = host.find('.', start);
    auto label =
        host.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
      return false;
    }
    if (!std::all_of(label.begin(), label.end(), IsLabelChar)) return false;
    if (dot == std::string_view::npos) return true;
    start = dot + 1;
  }
}

// Characters a template may hold at all. Braces only as a placeholder, checked separately.
bool IsAllowedChar(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u <= 0x20 || u >= 0x7f) return false;  // controls, space, DEL and non-ASCII
  switch (c) {
    case '"':
    case '\'':
    case '`':
    case '\\':
    case '<':
    case '>':
    case '^':
    case '|':
      return false;
    default:
      return true;
  }
}

// Splits and checks; returns the problem through `problem` when there is one.
std::optional<ParsedTileUrl> Parse(std::string_view url, std::string& problem) {
  if (url.size() > kMaxTileUrlLength) {
    problem = "must be at most " + std::to_string(kMaxTileUrlLength) + " characters";
    return std::nullopt;
  }
  if (!std::all_of(url.begin(), url.end(), IsAllowedChar)) {
    problem = "must not contain spaces, quotes, backslashes, angle brackets or control characters";
    return std::nullopt;
  }
  ParsedTileUrl parsed;
  std::string_view after;
  if (url.starts_with("https://")) {
    parsed.scheme = "https";
    after = url.substr(8);
  } else if (url.starts_with("http://")) {
    parsed.scheme = "http";
    after = url.substr(7);
  } else {
    problem = "must start with https://";
    return std::nullopt;
  }
  auto slash = after.find('/');
  if (slash == std::string_view::npos) {
    problem = "must have a path with {z}, {x} and {y}";
    return std::nullopt;
  }
  std::string_view authority = after.substr(0, slash);
  parsed.rest = std::string(after.substr(slash));
  if (authority.find('@') != std::string_view::npos) {
    problem = "must not contain a user name or password";
    return std::nullopt;
  }
  std::string_view host = authority;
  // The port: after the last ':' unless that colon is inside an IPv6 literal.
  auto colon = authority.rfind(':');
  if (colon != std::string_view::npos && authority.find(']', colon) == std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    host = authority.substr(0, colon);
    bool digits =
        !port.empty() && port.size() <= 5 &&
        std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535) {
      problem = "has an invalid port";
      return std::nullopt;
    }
    parsed.port = std::string(port);
  }
  parsed.host = std::string(host);
  std::transform(parsed.host.begin(), parsed.host.end(), parsed.host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view name = parsed.host;
  if (name.starts_with("{s}.")) name.remove_prefix(4);
  bool wildcard = name.size() != parsed.host.size();
  if (wildcard ? !(IsHostName(name) && name.find('.') != std::string_view::npos)
               : !(IsLoopback(name) || IsHostName(name))) {
    problem = wildcard ? "must have a domain of at least two labels after {s}."
                       : "must have a valid host name ({s} only as the first label)";
    return std::nullopt;
  }
  if (parsed.scheme == "http" && !IsLoopback(parsed.host)) {
    problem = "must start with https:// (http:// only for localhost)";
    return std::nullopt;
  }
  // Placeholders: only {z} {x} {y} {s}, and the three coordinates must be there.
  bool z = false, x = false, y = false;
  for (std::size_t i = 0; i < parsed.rest.size(); ++i) {
    char c = parsed.rest[i];
    if (c == '}') {
      problem = "may only use the placeholders {z}, {x}, {y} and {s}";
      return std::nullopt;
    }
    if (c != '{') continue;
    std::string_view tag = std::string_view(parsed.rest).substr(i, 3);
    if (tag == "{z}") {
      z = true;
    } else if (tag == "{x}") {
      x = true;
    } else if (tag == "{y}") {
      y = true;
    } else if (tag != "{s}") {
      problem = "may only use the placeholders {z}, {x}, {y} and {s}";
      return std::nullopt;
    }
    i += 2;
  }
  if (!(z && x && y)) {
    problem = "must contain {z}, {x} and {y}";
    return std::nullopt;
  }
  return parsed;
}

}  // namespace

std::optional<std::string> TileUrlProblem(std::string_view url) {
  std::string problem;
  if (Parse(url, problem)) return std::nullopt;
  return problem;
}

std::optional<std::string> AttributionProblem(std::string_view text) {
  if (text.size() > kMaxAttributionLength) {
    return "must be at most " + std::to_string(kMaxAttributionLength) + " bytes";
  }
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) return "must not contain control characters";
    if (c == '<' || c == '>') return "must be plain text (no < or >)";
  }
  return std::nullopt;
}

std::string TileImageSource(std::string_view url) {
  std::string problem;
  auto parsed = Parse(url, problem);
  if (!parsed) return {};
  std::string host = parsed->host;
  if (host.starts_with("{s}.")) host.replace(0, 3, "*");
  std::string source = parsed->scheme + "://" + host;
  if (!parsed->port.empty()) source += ":" + parsed->port;
  return source;
}

}  // namespace vigor::core
