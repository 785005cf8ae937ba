#include "support/oauth_clients.hpp"

#include "platform/crypto/random.hpp"
#include "platform/id.hpp"
#include "platform/store/database.hpp"
#include "support/openapi_contract.hpp"

namespace vigor::testing {

using platform::store::Session;
using platform::store::Statement;

namespace {

constexpr Statement kInsertClient{
    "test.oauth_clients.insert",
    "INSERT INTO oauth_clients (id, public_id, owner_id, name, logo_url, homepage_url, "
    "redirect_uris, confidential, secret_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, "
    "NULL, 'https://app.example/', $5, $6, $7, '2026-01-01T00:00:00.000Z', "
    "'2026-01-01T00:00:00.000Z')"};
constexpr Statement kDisableClient{
    "test.oauth_clients.disable",
    "UPDATE oauth_clients SET disabled_at = '2026-01-02T00:00:00.000Z' WHERE id = $1"};

std::string JsonArray(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& item : items) {
    if (out.size() > 1) out += ",";
    out += "\"" + item + "\"";  // test URIs hold no quotes or backslashes
  }
  return out + "]";
}

std::string FormEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else if (c == ' ') {
      out.push_back('+');
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

// Standard base64 (RFC 4648 section 4, padded), as HTTP Basic sends it.
std::string Base64(const std::string& data) {
  std::string url = platform::crypto::Base64UrlEncode(data);
  for (char& c : url) {
    if (c == '-') c = '+';
    if (c == '_') c = '/';
  }
  while (url.size() % 4 != 0) url.push_back('=');
  return url;
}

}  // namespace

TestClient InsertOAuthClient(AppHarness& harness, const std::string& owner_id,
                             const std::string& name, bool confidential,
                             const std::vector<std::string>& redirect_uris) {
  TestClient client;
  client.row_id = platform::NewId();
  client.client_id = "vgr_client_" + platform::crypto::RandomToken(16);
  if (confidential) client.secret = "vgr_cs_" + platform::crypto::RandomToken(32);
  std::optional<std::string> secret_hash;
  if (confidential) secret_hash = platform::crypto::Sha256Hex(client.secret);
  harness.app().database->Write([&](Session& s) {
    s.Execute(kInsertClient, client.row_id, client.client_id, owner_id, name,
              JsonArray(redirect_uris), confidential ? 1 : 0, secret_hash);
  });
  return client;
}

void DisableOAuthClient(AppHarness& harness, const std::string& row_id) {
  harness.app().database->Write([&](Session& s) { s.Execute(kDisableClient, row_id); });
}

Reply CallAsApp(AppHarness& harness, platform::http::Method method, const std::string& target,
                const std::string& form_body, const std::string& basic_user,
                const std::string& basic_password) {
  platform::http::Request request;
  request.method = method;
  request.target = target;
  request.remote_address = "198.51.100.20";
  request.headers.Add("Host", "vigor.test");
  request.headers.Add("User-Agent", "ThirdPartyApp/1.0");
  if (method != platform::http::Method::kGet) {
    request.headers.Add("Content-Type", "application/x-www-form-urlencoded");
  }
  if (!basic_user.empty()) {
    request.headers.Add("Authorization", "Basic " + Base64(FormEncode(basic_user) + ":" +
                                                           FormEncode(basic_password)));
  }
  request.body = form_body;
  auto response = harness.app().http->Handle(request);
  ExpectKeepsContract(ExchangeOf(request, response));
  return Reply{response.status, response.body, response.headers};
}

std::string Form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    if (!out.empty()) out += "&";
    out += FormEncode(name) + "=" + FormEncode(value);
  }
  return out;
}

}  // namespace vigor::testing
