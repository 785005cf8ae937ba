#pragma once

#include <chrono>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Requests Vigor itself sends to other servers (webhook deliveries): HTTP/1.1 over plain TCP or
// TLS (certificate and host name verified), with hard timeouts, a capped response body, no
// redirects followed, and the SSRF guard: the host is resolved once, the addresses are checked,
// and the connection goes to a checked address only (a second resolution could answer otherwise:
// DNS rebinding).
namespace vigor::platform::http {

// Whether an address (IPv4 dotted or IPv6 text, no brackets) is one an app may make Vigor reach
// without the operator's leave: not loopback, private (RFC 1918, fc00::/7), link-local,
// unspecified, multicast, broadcast, carrier-grade NAT (100.64.0.0/10), IETF-reserved
// (0/8, 240/4, 192.0.0/24), documentation ranges, nor an IPv4-mapped or -compatible IPv6 form of
// one of those. False for text that is not an address.
bool IsPublicAddress(std::string_view address);

// Why a URL cannot be a target.
enum class TargetProblem {
  kNone,
  kInvalidUrl,     // not an absolute http(s) URL with a host, or it carries user:password
  kUnresolvable,   // the host has no address
  kPrivateAddress  // the host resolves to an address IsPublicAddress refuses
};

// Parses and resolves `url` (blocking); with allow_private false every address the host
// resolves to must be public.
TargetProblem CheckTarget(std::string_view url, bool allow_private);

struct OutboundRequest {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  // sent with POST
};

struct OutboundOptions {
  bool allow_private = false;
  std::chrono::milliseconds connect_timeout{5000};
  std::chrono::milliseconds total_timeout{10000};
  std::size_t max_response_body = 64 * 1024;  // read at most this much of the answer
};

struct OutboundResponse {
  int status = 0;
  std::string body;  // at most max_response_body bytes
};

// A request that got no HTTP answer: the reason, for the sender's records (never shown to a
// client of Vigor's API with internals beyond this text).
class OutboundError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Sends `outbound` as a POST and reads the answer; a 3xx is returned as it is (not followed).
// Throws OutboundError when there is no answer (refused target, DNS, connect, TLS, timeout).
// Blocks the calling thread for at most total_timeout (plus name resolution).
OutboundResponse PostOutbound(const OutboundRequest& outbound, const OutboundOptions& options);

}  // namespace vigor::platform::http
