// Sign-in throttling that a stranger cannot turn against the owner (issue 9, defect 9): the
// per-account budget of failed sign-ins stays (ASVS 2.2.1), but a browser that signed in
// successfully before carries a signed device cookie and spends a small budget of its own
// (OWASP, "Slow down online guessing attacks with device cookies").
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "platform/ratelimit/rate_limiter.hpp"
#include "support/app_harness.hpp"
#include "support/openapi_contract.hpp"

namespace vigor {
namespace {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

constexpr const char* kDeviceCookie = "vigor_device";
constexpr const char* kAddressA = "198.51.100.66";  // the stranger
constexpr const char* kAddressB = "192.0.2.44";     // the owner, elsewhere

std::string LoginBody(const std::string& login, const std::string& password) {
  return R"({"login":")" + login + R"(","password":")" + password + R"("})";
}

class LockoutTest : public ::testing::Test {
 protected:
  int Login(Browser& b, const std::string& login, const std::string& password) {
    return h_.Post(b, "/api/v1/auth/login", LoginBody(login, password)).status;
  }

  // A browser of `username` at `ip` that signed in once and signed out again: it keeps only what
  // outlives a session (the device cookie) and a CSRF cookie for the next request.
  Browser DeviceOf(const std::string& username, const std::string& ip) {
    Browser b;
    b.ip = ip;
    h_.SignIn(b, username);
    EXPECT_TRUE(b.cookies.contains(kDeviceCookie)) << "no device cookie after a sign-in";
    EXPECT_EQ(h_.Post(b, "/api/v1/auth/logout", "").status, 204);
    EXPECT_FALSE(b.cookies.contains("vigor_session"));
    return b;
  }

  // A stranger at address A guesses until the account's budget is spent: the last answers are
  // 429 although one address alone is far below its own limit (60 at once).
  void ExhaustAccountBudget(const std::string& username) {
    Browser stranger;
    stranger.ip = kAddressA;
    int refused = 0;
    for (int i = 0; i < 40; ++i) {
      int status = Login(stranger, username, "guess " + std::to_string(i) + " of a stranger");
      if (status == 429)
        ++refused;
      else
        EXPECT_EQ(status, 401);
    }
    ASSERT_GE(refused, 25) << "the per-account budget must still hold";
  }

  AppHarness h_;
};

TEST_F(LockoutTest, TheOwnersDeviceSignsInWhileAStrangerExhaustsTheAccount) {
  h_.CreateUser("owner");
  Browser device = DeviceOf("owner", kAddressB);
  ExhaustAccountBudget("owner");

  // Without the cookie the owner is refused as before: untrusted clients share the budget.
  Browser elsewhere;
  elsewhere.ip = kAddressB;
  EXPECT_EQ(Login(elsewhere, "owner", AppHarness::PasswordOf("owner")), 429);
  // With it, the right password works from the same address B.
  EXPECT_EQ(Login(device, "owner", AppHarness::PasswordOf("owner")), 200);
  EXPECT_TRUE(device.cookies.contains("vigor_session"));
  // The account's budget is still spent for everyone else.
  Browser stranger;
  stranger.ip = kAddressA;
  EXPECT_EQ(Login(stranger, "owner", "one more guess from A"), 429);
}

TEST_F(LockoutTest, AForgedOrForeignDeviceCookieGivesNoBudget) {
  h_.CreateUser("owner");
  h_.CreateUser("mallory");
  Browser device = DeviceOf("owner", kAddressB);
  Browser mallorys = DeviceOf("mallory", kAddressA);
  ExhaustAccountBudget("owner");

  std::string genuine = device.cookies[kDeviceCookie];
  ASSERT_GT(genuine.size(), 20u);
  std::string tampered = genuine;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';  // the signature no longer matches
  std::string truncated = genuine.substr(0, genuine.size() / 2);
  for (const std::string& cookie :
       {tampered, truncated, std::string("owner.0123456789abcdef.deadbeef"),
        mallorys.cookies[kDeviceCookie]}) {
    Browser forged;
    forged.ip = kAddressA;
    forged.cookies[kDeviceCookie] = cookie;
    EXPECT_EQ(Login(forged, "owner", AppHarness::PasswordOf("owner")), 429) << cookie;
  }
  // Mallory's own cookie still works for Mallory: it was valid, only for another account.
  EXPECT_EQ(Login(mallorys, "mallory", AppHarness::PasswordOf("mallory")), 200);
}

TEST_F(LockoutTest, ADeviceThatKeepsFailingIsLockedOutAlone) {
  h_.CreateUser("owner");
  Browser laptop = DeviceOf("owner", kAddressB);
  Browser phone = DeviceOf("owner", kAddressB);
  ExhaustAccountBudget("owner");

  // Someone at the laptop guesses: a few attempts reach the password check, then it is refused.
  int checked = 0;
  int refused = 0;
  for (int i = 0; i < 20; ++i) {
    int status = Login(laptop, "owner", "laptop guess " + std::to_string(i));
    if (status == 401)
      ++checked;
    else if (status == 429)
      ++refused;
    else
      ADD_FAILURE() << status;
  }
  EXPECT_GE(checked, 1) << "a trusted device has a budget of its own";
  EXPECT_LE(checked, 10) << "and it is small";
  EXPECT_GE(refused, 10);
  EXPECT_EQ(Login(laptop, "owner", AppHarness::PasswordOf("owner")), 429);
  // The phone is not affected.
  EXPECT_EQ(Login(phone, "owner", AppHarness::PasswordOf("owner")), 200);
}

TEST_F(LockoutTest, FailedAttemptsOfATrustedDeviceDoNotSpendTheAccountsBudget) {
  h_.CreateUser("owner");
  Browser device = DeviceOf("owner", kAddressB);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(Login(device, "owner", "typo " + std::to_string(i)), 401);
  }
  // All ten of the account's tokens are left for untrusted clients.
  Browser other;
  other.ip = kAddressA;
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(Login(other, "owner", "guess " + std::to_string(i)), 401) << i;
  }
  EXPECT_EQ(Login(other, "owner", "guess 10"), 429);
}

TEST_F(LockoutTest, TheDeviceCookieIsHttpOnlySameSiteAndLongLived) {
  h_.CreateUser("owner");
  Browser b;
  auto reply =
      h_.Post(b, "/api/v1/auth/login", LoginBody("owner", AppHarness::PasswordOf("owner")));
  ASSERT_EQ(reply.status, 200);
  bool seen = false;
  for (const auto& f : reply.headers.fields()) {
    if (f.name != "Set-Cookie" || !f.value.starts_with(std::string(kDeviceCookie) + "=")) continue;
    seen = true;
    EXPECT_NE(f.value.find("; HttpOnly"), std::string::npos) << f.value;
    EXPECT_NE(f.value.find("; SameSite=Strict"), std::string::npos) << f.value;
    EXPECT_NE(f.value.find("; Path=/"), std::string::npos) << f.value;
    auto max_age = f.value.find("Max-Age=");
    ASSERT_NE(max_age, std::string::npos) << f.value;
    EXPECT_GE(std::stol(f.value.substr(max_age + 8)), 180L * 24 * 3600) << f.value;
    EXPECT_EQ(f.value.find("Secure"), std::string::npos) << "plain http: " << f.value;
  }
  EXPECT_TRUE(seen);
}

TEST(LockoutTlsTest, OverTlsTheDeviceCookieIsSecureAndHostPrefixed) {
  AppHarness h([](platform::config::Config& c) { c.public_url = "https://vigor.test"; });
  h.CreateUser("owner");
  // The browser of a TLS site: __Host- cookies, the CSRF one echoed by hand.
  platform::http::Request meta;
  meta.method = Method::kGet;
  meta.target = "/api/v1/meta";
  meta.headers.Add("Host", "vigor.test");
  std::string csrf;
  auto primed = h.app().http->Handle(meta);
  testing::ExpectKeepsContract(testing::ExchangeOf(meta, primed));
  for (const auto& f : primed.headers.fields()) {
    if (f.name == "Set-Cookie" && f.value.starts_with("__Host-vigor_csrf=")) {
      csrf = f.value.substr(18, f.value.find(';') - 18);
    }
  }
  ASSERT_FALSE(csrf.empty());
  platform::http::Request login;
  login.method = Method::kPost;
  login.target = "/api/v1/auth/login";
  login.remote_address = kAddressB;
  login.headers.Add("Host", "vigor.test");
  login.headers.Add("Content-Type", "application/json");
  login.headers.Add("Cookie", "__Host-vigor_csrf=" + csrf);
  login.headers.Add("X-CSRF-Token", csrf);
  login.body = LoginBody("owner", AppHarness::PasswordOf("owner"));
  auto reply = h.app().http->Handle(login);
  testing::ExpectKeepsContract(testing::ExchangeOf(login, reply));
  ASSERT_EQ(reply.status, 200) << reply.body;
  bool seen = false;
  for (const auto& f : reply.headers.fields()) {
    if (f.name == "Set-Cookie" && f.value.starts_with("__Host-vigor_device=")) {
      seen = true;
      EXPECT_NE(f.value.find("; Secure"), std::string::npos) << f.value;
      EXPECT_NE(f.value.find("; HttpOnly"), std::string::npos) << f.value;
    }
  }
  EXPECT_TRUE(seen);
}

// Instances behind a load balancer share the buckets through the database, each request on a
// connection of its own: a token is spent once even when the first takes of a bucket that does
// not exist yet race each other (on PostgreSQL, READ COMMITTED: FOR UPDATE locks no missing row).
TEST(RateLimiterSharedTest, ConcurrentTakesOfANewBucketSpendEachTokenOnce) {
  AppHarness h;
  auto& limiter = *h.app().rate_limiter;
  constexpr int kThreads = 12;
  const core::BucketRule three_never_refilled{3, 0.0};
  for (int round = 0; round < 8; ++round) {
    std::string bucket = "race:" + std::to_string(round);
    std::atomic<int> allowed{0};
    std::latch start(kThreads);
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
      threads.emplace_back([&] {
        start.arrive_and_wait();
        if (limiter.TryTake(bucket, three_never_refilled)) ++allowed;
      });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(allowed.load(), 3) << bucket;
  }
}

}  // namespace
}  // namespace vigor
