// Behind a trusted reverse proxy the client's address is the one the proxy names in
// X-Forwarded-For (what sessions, the audit log and per-IP limits see); from anyone else the
// header counts for nothing.
#include <gtest/gtest.h>

#include <string>

#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

// Signs `username` in through `via` (a connection from that address) with the header given and
// returns the address the new session records.
std::string SessionAddress(AppHarness& h, const std::string& username, const std::string& via,
                           const std::string& forwarded_for) {
  Browser b;
  b.ip = via;
  platform::http::Headers headers;
  headers.Add("X-Forwarded-For", forwarded_for);
  auto login = h.Call(
      b, Method::kPost, "/api/v1/auth/login",
      R"({"login":")" + username + R"(","password":")" + AppHarness::PasswordOf(username) + R"("})",
      headers);
  EXPECT_EQ(login.status, 200) << login.body;
  auto sessions = h.Get(b, "/api/v1/me/sessions").Json()["items"].as_array();
  for (const auto& s : sessions) {
    if (s.as_object().at("current").as_bool()) {
      return std::string(s.as_object().at("ip").as_string());
    }
  }
  return "";
}

TEST(TrustedProxiesAppTest, AProxyOnTheListNamesTheClient) {
  AppHarness h([](platform::config::Config& c) { c.trusted_proxies = "10.9.0.0/16"; });
  h.CreateUser("ana");
  EXPECT_EQ(SessionAddress(h, "ana", "10.9.0.5", "1.2.3.4, 198.51.100.23"), "198.51.100.23");
  // Straight from the internet, a forged header changes nothing.
  EXPECT_EQ(SessionAddress(h, "ana", "203.0.113.7", "198.51.100.99"), "203.0.113.7");
}

TEST(TrustedProxiesAppTest, WithoutTheSettingNoHeaderIsBelieved) {
  AppHarness h;
  h.CreateUser("ben");
  EXPECT_EQ(SessionAddress(h, "ben", "10.9.0.5", "198.51.100.23"), "10.9.0.5");
}

}  // namespace
}  // namespace vigor
