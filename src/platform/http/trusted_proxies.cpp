#include "platform/http/trusted_proxies.hpp"

#include <arpa/inet.h>

#include <charconv>
#include <cstring>

namespace vigor::platform::http {

namespace {

struct Address {
  std::array<std::uint8_t, 16> bytes{};
  bool v4 = false;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// An IPv4 or IPv6 address; an IPv4-mapped IPv6 address ("::ffff:10.0.0.1") is its IPv4 one.
std::optional<Address> ParseAddress(std::string_view text) {
  if (text.empty() || text.size() > 45) return std::nullopt;
  std::string s(text);
  Address a;
  if (inet_pton(AF_INET, s.c_str(), a.bytes.data()) == 1) {
    a.v4 = true;
    return a;
  }
  std::array<std::uint8_t, 16> v6{};
  if (inet_pton(AF_INET6, s.c_str(), v6.data()) != 1) return std::nullopt;
  static constexpr std::uint8_t kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::memcmp(v6.data(), kMapped, 12) == 0) {
    std::memcpy(a.bytes.data(), v6.data() + 12, 4);
    a.v4 = true;
    return a;
  }
  a.bytes = v6;
  return a;
}

}  // namespace

std::optional<TrustedProxies> TrustedProxies::Parse(std::string_view list, std::string& error) {
  TrustedProxies proxies;
  while (!list.empty()) {
    auto end = list.find_first_of(", ");
    std::string_view entry = Trim(list.substr(0, end));
    list = end == std::string_view::npos ? std::string_view() : list.substr(end + 1);
    if (entry.empty()) continue;
    std::string_view address = entry;
    std::optional<int> prefix;
    if (auto slash = entry.find('/'); slash != std::string_view::npos) {
      address = entry.substr(0, slash);
      std::string_view digits = entry.substr(slash + 1);
      int value = -1;
      auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (ec != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) {
        error = "\"" + std::string(entry) + "\" has no valid prefix length";
        return std::nullopt;
      }
      prefix = value;
    }
    auto parsed = ParseAddress(address);
    if (!parsed) {
      error = "\"" + std::string(entry) + "\" is not an IP address or network";
      return std::nullopt;
    }
    int bits = parsed->v4 ? 32 : 128;
    if (prefix && (*prefix < 0 || *prefix > bits)) {
      error = "\"" + std::string(entry) + "\" has a prefix longer than the address";
      return std::nullopt;
    }
    proxies.networks_.push_back({parsed->bytes, parsed->v4, prefix.value_or(bits)});
  }
  return proxies;
}

bool TrustedProxies::Contains(std::string_view text) const {
  auto address = ParseAddress(text);
  if (!address) return false;
  for (const auto& n : networks_) {
    if (n.v4 != address->v4) continue;
    int full = n.prefix / 8;
    int rest = n.prefix % 8;
    if (std::memcmp(n.bytes.data(), address->bytes.data(), static_cast<std::size_t>(full)) != 0) {
      continue;
    }
    if (rest != 0) {
      auto mask = static_cast<std::uint8_t>(0xFF << (8 - rest));
      if ((n.bytes[static_cast<std::size_t>(full)] & mask) !=
          (address->bytes[static_cast<std::size_t>(full)] & mask)) {
        continue;
      }
    }
    return true;
  }
  return false;
}

std::string TrustedProxies::ClientAddress(std::string_view peer,
                                          std::optional<std::string_view> forwarded_for) const {
  if (!forwarded_for || !Contains(peer)) return std::string(peer);
  std::string client(peer);
  std::string_view rest = *forwarded_for;
  while (!rest.empty()) {
    auto comma = rest.rfind(',');
    std::string_view hop = Trim(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(0, comma);
    if (!ParseAddress(hop)) break;
    client = std::string(hop);
    if (!Contains(hop)) break;
  }
  return client;
}

}  // namespace vigor::platform::http
