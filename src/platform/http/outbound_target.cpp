#include "platform/http/outbound_target.hpp"

#include <array>
#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>
#include <cstdint>

namespace vigor::platform::http {

namespace {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;

constexpr std::uint32_t V4(std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
  return a << 24 | b << 16 | c << 8 | d;
}

struct V4Net {
  std::uint32_t net;
  int bits;
};

// Networks no app may make Vigor reach (RFC 6890's special-purpose registry, the parts that are
// not globally reachable, plus the documentation ranges, which are never a real receiver).
constexpr V4Net kBlockedV4[] = {
    {V4(0, 0, 0, 0), 8},        // "this network", 0.0.0.0 unspecified
    {V4(10, 0, 0, 0), 8},       // private (RFC 1918)
    {V4(100, 64, 0, 0), 10},    // carrier-grade NAT (RFC 6598)
    {V4(127, 0, 0, 0), 8},      // loopback
    {V4(169, 254, 0, 0), 16},   // link-local (cloud metadata services live here)
    {V4(172, 16, 0, 0), 12},    // private (RFC 1918)
    {V4(192, 0, 0, 0), 24},     // IETF protocol assignments
    {V4(192, 0, 2, 0), 24},     // documentation (TEST-NET-1)
    {V4(192, 168, 0, 0), 16},   // private (RFC 1918)
    {V4(198, 18, 0, 0), 15},    // benchmarking
    {V4(198, 51, 100, 0), 24},  // documentation (TEST-NET-2)
    {V4(203, 0, 113, 0), 24},   // documentation (TEST-NET-3)
    {V4(224, 0, 0, 0), 4},      // multicast
    {V4(240, 0, 0, 0), 4},      // reserved, and 255.255.255.255 broadcast
};

bool PublicV4(std::uint32_t ip) {
  for (const auto& blocked : kBlockedV4) {
    std::uint32_t mask = ~std::uint32_t{0} << (32 - blocked.bits);
    if ((ip & mask) == (blocked.net & mask)) return false;
  }
  return true;
}

std::uint32_t V4At(const asio::ip::address_v6::bytes_type& b, std::size_t at) {
  return std::uint32_t{b[at]} << 24 | std::uint32_t{b[at + 1]} << 16 |
         std::uint32_t{b[at + 2]} << 8 | std::uint32_t{b[at + 3]};
}

bool PublicV6(const asio::ip::address_v6& address) {
  auto b = address.to_bytes();
  bool first_80_zero = true;
  for (std::size_t i = 0; i < 10; ++i) first_80_zero = first_80_zero && b[i] == 0;
  // ::ffff:a.b.c.d (IPv4-mapped) and ::a.b.c.d (the deprecated IPv4-compatible form, which
  // includes :: and ::1): what counts is the IPv4 address inside.
  if (first_80_zero && ((b[10] == 0xff && b[11] == 0xff) || (b[10] == 0 && b[11] == 0))) {
    return PublicV4(V4At(b, 12));
  }
  // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) carry an IPv4 address too.
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b) {
    bool rest_zero = true;
    for (std::size_t i = 4; i < 12; ++i) rest_zero = rest_zero && b[i] == 0;
    if (rest_zero) return PublicV4(V4At(b, 12));
  }
  if (b[0] == 0x20 && b[1] == 0x02) return PublicV4(V4At(b, 2));
  // Documentation (2001:db8::/32).
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;
  // Only global unicast (2000::/3) is public: this leaves out unique local fc00::/7,
  // link-local fe80::/10, site-local fec0::/10, multicast ff00::/8 and every reserved block.
  return (b[0] & 0xe0) == 0x20;
}

bool PublicAddress(const asio::ip::address& address) {
  if (address.is_v4()) return PublicV4(address.to_v4().to_uint());
  return PublicV6(address.to_v6());
}

}  // namespace

namespace outbound {

std::optional<Target> ParseTarget(std::string_view text) {
  auto parsed = boost::urls::parse_absolute_uri(text);
  if (!parsed) return std::nullopt;
  const auto& url = *parsed;
  Target target;
  if (url.scheme() == "https") {
    target.tls = true;
  } else if (url.scheme() != "http") {
    return std::nullopt;
  }
  if (!url.has_authority() || url.has_userinfo()) return std::nullopt;
  if (url.host_type() == boost::urls::host_type::ipv6) {
    target.host = url.host_ipv6_address().to_string();
  } else if (url.host_type() == boost::urls::host_type::ipv4 ||
             url.host_type() == boost::urls::host_type::name) {
    target.host = std::string(url.encoded_host());
  } else {
    return std::nullopt;
  }
  if (target.host.empty() || target.host.find('%') != std::string::npos) return std::nullopt;
  if (url.has_port()) {
    if (url.port().empty() || url.port_number() == 0) return std::nullopt;
    target.port = std::string(url.port());
  } else {
    target.port = target.tls ? "443" : "80";
  }
  target.host_header = std::string(url.encoded_host_and_port());
  target.path_and_query = url.encoded_path().empty() ? "/" : std::string(url.encoded_path());
  if (url.has_query()) target.path_and_query += "?" + std::string(url.encoded_query());
  return target;
}

tcp::resolver::results_type Resolve(asio::io_context& io, const Target& target, bool allow_private,
                                    TargetProblem& problem) {
  tcp::resolver resolver(io);
  boost::system::error_code ec;
  auto results = resolver.resolve(target.host, target.port, ec);
  if (ec || results.empty()) {
    problem = TargetProblem::kUnresolvable;
    return {};
  }
  if (!allow_private) {
    for (const auto& entry : results) {
      if (!PublicAddress(entry.endpoint().address())) {
        problem = TargetProblem::kPrivateAddress;
        return {};
      }
    }
  }
  problem = TargetProblem::kNone;
  return results;
}

}  // namespace outbound

bool IsPublicAddress(std::string_view address) {
  boost::system::error_code ec;
  auto parsed = asio::ip::make_address(std::string(address), ec);
  if (ec) return false;
  return PublicAddress(parsed);
}

TargetProblem CheckTarget(std::string_view url, bool allow_private) {
  auto target = outbound::ParseTarget(url);
  if (!target) return TargetProblem::kInvalidUrl;
  asio::io_context io;
  TargetProblem problem = TargetProblem::kNone;
  outbound::Resolve(io, *target, allow_private, problem);
  return problem;
}

}  // namespace vigor::platform::http
