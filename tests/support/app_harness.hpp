#pragma once

#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "app/build_app.hpp"
#include "support/temp_dir.hpp"
#include "support/test_database.hpp"

namespace vigor::testing {

// A browser's cookie jar, as far as Vigor's cookies go.
struct Browser {
  std::map<std::string, std::string> cookies;
  std::string bearer;  // when set, sent as Authorization: Bearer and no cookies
  std::string user_agent = "TestBrowser/1.0";
  std::string ip = "203.0.113.7";
};

struct Reply {
  int status = 0;
  std::string body;
  platform::http::Headers headers;
  boost::json::object Json() const;
};

// The fields a problem's `errors` names (none for another answer).
std::set<std::string> FieldsOf(const Reply& reply);

// The contract's view of an in-process exchange.
struct Exchange;
Exchange ExchangeOf(const platform::http::Request& request,
                    const platform::http::Response& response);

// A Content-Type header for a request body other than JSON (an uploaded file).
inline platform::http::Headers ContentType(std::string type) {
  platform::http::Headers headers;
  headers.Add("Content-Type", std::move(type));
  return headers;
}

// The whole application in process (BuildApp as in production, no sockets), with cheap password
// hashing so tests stay fast and mails written to an outbox directory the tests read. On the
// PostgreSQL run each harness has a fresh database of its own.
class AppHarness {
 public:
  explicit AppHarness(std::function<void(platform::config::Config&)> adjust = {});
  ~AppHarness();

  app::App& app() { return *app_; }
  const std::filesystem::path& dir() const { return dir_.path(); }
  std::string LogText();

  // Sends a request the way the web app does: cookies, CSRF header on unsafe methods, and any
  // `extra` headers (If-Match, Idempotency-Key, a Content-Type other than JSON). The exchange
  // must keep api/openapi.yaml (ExpectKeepsContract): a mismatch fails the calling test.
  Reply Call(Browser& browser, platform::http::Method method, const std::string& target,
             const std::string& body = {}, const platform::http::Headers& extra = {});
  Reply Get(Browser& b, const std::string& target) {
    return Call(b, platform::http::Method::kGet, target);
  }
  Reply Post(Browser& b, const std::string& target, const std::string& body) {
    return Call(b, platform::http::Method::kPost, target, body);
  }

  // Mails sent so far (the queue is drained first), oldest first.
  std::vector<std::string> Mails();
  // The token of the newest link of that kind in a mail to `to` ("verify-email", "reset-password").
  std::string LinkToken(const std::string& to, const std::string& page);

  // An active, verified account made directly through the admin service.
  std::string CreateUser(const std::string& username, bool admin = false);
  // Signs `browser` in; fails the test when it does not work.
  void SignIn(Browser& browser, const std::string& username);
  static std::string PasswordOf(const std::string& username) {
    return "a long passphrase, " + std::to_string(username.size()) + " horses in the gym";
  }

 private:
  TempDir dir_;
  std::unique_ptr<ScratchPostgres> postgres_;  // on the PostgreSQL run: outlives the app
  std::unique_ptr<platform::obs::Logger> logger_;
  std::unique_ptr<app::App> app_;
};

}  // namespace vigor::testing
