// What the account journey tests share (accounts_test.cpp, accounts_signup_test.cpp): request
// bodies and a fixture over the real application (in process).
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "support/app_harness.hpp"

namespace vigor::accounts_testing {

using platform::http::Method;
using testing::AppHarness;
using testing::Browser;

inline std::string SignupBody(
    const std::string& username, const std::string& email,
    const std::string& password = "a long passphrase, 5 horses in the gym") {
  return R"({"consent_policy_version":1,"email":")" + email + R"(","username":")" + username +
         R"(","password":")" + password + R"("})";
}

inline std::string LoginBody(const std::string& login, const std::string& password) {
  return R"({"login":")" + login + R"(","password":")" + password + R"("})";
}

class AccountsTest : public ::testing::Test {
 protected:
  std::string ReadDatabaseFile() {
    std::string all;
    for (const auto& name : {"vigor.db", "vigor.db-wal"}) {
      std::ifstream in(h_.dir() / "data" / name, std::ios::binary);
      all.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return all;
  }

  // Signs up through the API and follows the mailed link.
  void SignUpAndVerify(Browser& b, const std::string& username) {
    auto reply = h_.Post(b, "/api/v1/auth/signup", SignupBody(username, username + "@example.org"));
    ASSERT_EQ(reply.status, 202) << reply.body;
    auto token = h_.LinkToken(username + "@example.org", "verify-email");
    ASSERT_FALSE(token.empty());
    auto verified = h_.Post(b, "/api/v1/auth/verify-email", R"({"token":")" + token + R"("})");
    ASSERT_EQ(verified.status, 200) << verified.body;
  }

  AppHarness h_;
};

}  // namespace vigor::accounts_testing
