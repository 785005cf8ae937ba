// The SSRF guard's address classes, worked out from the IANA special-purpose registries
// (RFC 6890, RFC 1918, RFC 6598, RFC 4193, RFC 4291): what an app may make the server reach.
#include <gtest/gtest.h>

#include "features/webhooks/model.hpp"
#include "platform/http/outbound_client.hpp"

namespace vigor {
namespace {

using platform::http::IsPublicAddress;

TEST(OutboundAddressTest, PublicAddressesPass) {
  for (const char* a :
       {"93.184.216.34", "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "192.167.255.255", "169.253.255.255", "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1"}) {
    EXPECT_TRUE(IsPublicAddress(a)) << a;
  }
}

TEST(OutboundAddressTest, LoopbackPrivateAndReservedAreRefused) {
  for (const char* a : {
           "127.0.0.1",
           "127.255.255.254",  // loopback 127/8
           "10.0.0.1",
           "172.16.0.1",
           "172.31.255.255",  // RFC 1918
           "192.168.1.1",
           "100.64.0.1",
           "100.127.255.255",  // RFC 1918, CGNAT 100.64/10
           "169.254.169.254",  // link-local (cloud metadata)
           "0.0.0.0",
           "0.1.2.3",  // unspecified, "this network"
           "224.0.0.1",
           "239.255.255.250",  // multicast
           "255.255.255.255",
           "240.0.0.1",  // broadcast, reserved
           "192.0.2.1",
           "198.51.100.7",
           "203.0.113.9",  // documentation
           "::",
           "::1",  // IPv6 unspecified, loopback
           "fc00::1",
           "fd12:3456:789a::1",  // unique local fc00::/7
           "fe80::1",
           "febf::1",      // link-local fe80::/10
           "ff02::1",      // multicast
           "2001:db8::1",  // documentation
           "::ffff:127.0.0.1",
           "::ffff:10.0.0.1",  // IPv4-mapped private
           "::ffff:169.254.169.254",
           "::127.0.0.1",        // mapped metadata, IPv4-compatible
           "64:ff9b::7f00:1",    // NAT64 of 127.0.0.1
           "2002:c0a8:0101::1",  // 6to4 of 192.168.1.1
       }) {
    EXPECT_FALSE(IsPublicAddress(a)) << a;
  }
}

TEST(OutboundAddressTest, TextThatIsNoAddressIsNotPublic) {
  for (const char* a : {"", "localhost", "example.com", "256.1.1.1", "1.2.3"}) {
    EXPECT_FALSE(IsPublicAddress(a)) << a;
  }
}

TEST(OutboundAddressTest, UrlsThatCannotBeTargets) {
  using platform::http::CheckTarget;
  using platform::http::TargetProblem;
  EXPECT_EQ(CheckTarget("ftp://example.com/", true), TargetProblem::kInvalidUrl);
  EXPECT_EQ(CheckTarget("http://user:pw@127.0.0.1/", true), TargetProblem::kInvalidUrl);
  EXPECT_EQ(CheckTarget("/relative", true), TargetProblem::kInvalidUrl);
  EXPECT_EQ(CheckTarget("http://127.0.0.1:8080/x", false), TargetProblem::kPrivateAddress);
  EXPECT_EQ(CheckTarget("http://127.0.0.1:8080/x", true), TargetProblem::kNone);
  EXPECT_EQ(CheckTarget("http://[::1]/x", false), TargetProblem::kPrivateAddress);
}

// Back-off: 30 s, 2 min, 10 min, 1 h, 6 h after attempts 1..5 for a base of 30 s; none after the
// sixth.
TEST(WebhookRetryTest, DelaysGrowAndEndAfterSixAttempts) {
  using features::webhooks::RetryDelaySeconds;
  EXPECT_EQ(RetryDelaySeconds(1, 30), 30);
  EXPECT_EQ(RetryDelaySeconds(2, 30), 120);
  EXPECT_EQ(RetryDelaySeconds(3, 30), 600);
  EXPECT_EQ(RetryDelaySeconds(4, 30), 3600);
  EXPECT_EQ(RetryDelaySeconds(5, 30), 21600);
  EXPECT_EQ(RetryDelaySeconds(6, 30), std::nullopt);
}

// A worked example any receiver can reproduce: HMAC-SHA256 of "1700000000.{}" under the key
// "whsec" (computed with `printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec`).
TEST(WebhookSignatureTest, HeaderCarriesTimeAndHmac) {
  EXPECT_EQ(features::webhooks::SignatureHeader("whsec", 1700000000, "{}"),
            "t=1700000000,v1=7d44587dddbaf4c7f70fef20f48cd594834ffea1641e3ac227b84408298738af");
}

}  // namespace
}  // namespace vigor
