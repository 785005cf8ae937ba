#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::platform::http {

// The reverse proxies whose X-Forwarded-For header is believed. Behind nginx every connection
// comes from the proxy, so per-IP rate limits and the audit log would see one address for
// everyone; with the proxy listed here they see the client's. Deny by default: an empty list
// believes no header, and a header from an address not on the list is ignored (anyone can send
// one).
class TrustedProxies {
 public:
  // "127.0.0.1, 10.0.0.0/8, ::1, fd00::/8": addresses and CIDR networks, separated by commas or
  // spaces. nullopt, with `error` saying which entry is wrong, for anything else.
  static std::optional<TrustedProxies> Parse(std::string_view list, std::string& error);

  bool empty() const { return networks_.empty(); }
  bool Contains(std::string_view text) const;

  // The client's address: `peer` itself, unless `peer` is a trusted proxy; then, reading
  // X-Forwarded-For from the right (the hop nearest to us), the first address that is not a
  // trusted proxy, or the left-most one when all are. A malformed entry ends the walk: what lies
  // beyond it cannot be vouched for, so the address before it (a trusted proxy) is the answer.
  std::string ClientAddress(std::string_view peer,
                            std::optional<std::string_view> forwarded_for) const;

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};  // IPv4 in the first 4
    bool v4 = false;
    int prefix = 0;
  };
  std::vector<Network> networks_;
};

}  // namespace vigor::platform::http
