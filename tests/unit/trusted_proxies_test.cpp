#include "platform/http/trusted_proxies.hpp"

#include <gtest/gtest.h>

namespace vigor::platform::http {
namespace {

TrustedProxies Proxies(std::string_view list) {
  std::string error;
  auto proxies = TrustedProxies::Parse(list, error);
  EXPECT_TRUE(proxies.has_value()) << error;
  return proxies.value_or(TrustedProxies{});
}

TEST(TrustedProxiesTest, ParsesAddressesAndNetworksAndRefusesAnythingElse) {
  EXPECT_TRUE(Proxies("").empty());
  EXPECT_FALSE(Proxies("127.0.0.1, 10.0.0.0/8 ::1 fd00::/8").empty());
  for (std::string bad : {"10.0.0.300", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "::1/129",
                          "localhost", "10.0.0.0/8/1"}) {
    std::string error;
    EXPECT_FALSE(TrustedProxies::Parse(bad, error).has_value()) << bad;
    EXPECT_NE(error.find(bad.substr(0, 4)), std::string::npos) << error;
  }
}

TEST(TrustedProxiesTest, NetworksContainExactlyTheirAddresses) {
  auto p = Proxies("10.0.0.0/8, 192.168.1.128/25, 2001:db8::/32, 127.0.0.1");
  EXPECT_TRUE(p.Contains("10.0.0.0"));
  EXPECT_TRUE(p.Contains("10.255.255.255"));
  EXPECT_FALSE(p.Contains("11.0.0.0"));
  EXPECT_TRUE(p.Contains("192.168.1.128"));
  EXPECT_TRUE(p.Contains("192.168.1.255"));
  EXPECT_FALSE(p.Contains("192.168.1.127"));  // the /25's other half
  EXPECT_TRUE(p.Contains("2001:db8:ffff::1"));
  EXPECT_FALSE(p.Contains("2001:db9::1"));
  EXPECT_TRUE(p.Contains("127.0.0.1"));
  EXPECT_FALSE(p.Contains("127.0.0.2"));
  EXPECT_TRUE(p.Contains("::ffff:10.1.2.3"));  // IPv4-mapped is the IPv4 address
  EXPECT_FALSE(p.Contains("not an address"));
  EXPECT_TRUE(Proxies("0.0.0.0/0").Contains("203.0.113.9"));
  EXPECT_FALSE(Proxies("0.0.0.0/0").Contains("2001:db8::1"));  // IPv4 networks hold no IPv6
}

TEST(TrustedProxiesTest, TheClientIsTheNearestAddressNoTrustedProxyAddedForItself) {
  auto p = Proxies("127.0.0.1, 10.0.0.0/8");
  // Not from a trusted proxy: the header is anyone's to write and counts for nothing.
  EXPECT_EQ(p.ClientAddress("203.0.113.50", "198.51.100.1"), "203.0.113.50");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", std::nullopt), "127.0.0.1");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "203.0.113.9"), "203.0.113.9");
  // A client that sends its own header cannot hide: the proxy appended the real address.
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "1.2.3.4, 203.0.113.9"), "203.0.113.9");
  // Through two proxies of ours.
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "198.51.100.1, 203.0.113.9 , 10.0.0.2"), "203.0.113.9");
  // Only proxies: the left-most.
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "10.0.0.3, 10.0.0.2"), "10.0.0.3");
  // A malformed hop ends the walk at the last address vouched for.
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "203.0.113.9, garbage"), "127.0.0.1");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "garbage, 203.0.113.9"), "203.0.113.9");
  EXPECT_EQ(p.ClientAddress("127.0.0.1", "2001:db8::7"), "2001:db8::7");
}

}  // namespace
}  // namespace vigor::platform::http
