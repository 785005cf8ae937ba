#pragma once

#include <string>
#include <vector>

#include "support/app_harness.hpp"

namespace vigor::testing {

// A client app as the apps feature would register it, written straight into oauth_clients in
// the formats of issue 14 (client_id "vgr_client_" + 22 base64url characters, secret "vgr_cs_" +
// 43, stored as its SHA-256 hex), so the authorization server's tests need not go through the
// registration API.
struct TestClient {
  std::string row_id;
  std::string client_id;
  std::string secret;  // empty for a public client
};

TestClient InsertOAuthClient(AppHarness& harness, const std::string& owner_id,
                             const std::string& name, bool confidential,
                             const std::vector<std::string>& redirect_uris);

// Marks the client disabled (as an admin would), without revoking anything.
void DisableOAuthClient(AppHarness& harness, const std::string& row_id);

// A request as a third-party app sends it to /oauth/*: no cookies, no CSRF header; the form
// body, and HTTP Basic credentials when `basic_user` is set. The exchange must keep the contract.
Reply CallAsApp(AppHarness& harness, platform::http::Method method, const std::string& target,
                const std::string& form_body, const std::string& basic_user = {},
                const std::string& basic_password = {});

// "a=b&c=d" from pairs, each value form-urlencoded.
std::string Form(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace vigor::testing
