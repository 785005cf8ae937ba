// Webhooks (issue 14): an app subscribes with its client credentials, a workout of a user who
// authorised it reaches a receiver this test runs on loopback, signed; a receiver that fails once
// gets the delivery again; the app's owner sees each delivery's last status.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <thread>

#include "features/webhooks/feature.hpp"
#include "platform/crypto/random.hpp"
#include "platform/id.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/time.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using platform::http::Headers;
using platform::http::Method;
using platform::store::Session;
using platform::store::Statement;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;

struct Received {
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string target;
  std::string body;
};

// A tiny HTTP/1.1 server on 127.0.0.1 and a free port: it answers each request with the next
// status of its script (200 once the script is used up) and closes the connection.
class Receiver {
 public:
  explicit Receiver(std::deque<int> script = {}) : script_(std::move(script)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    EXPECT_EQ(::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(::listen(listener_, 8), 0);
    socklen_t length = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { Serve(); });
  }
  ~Receiver() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    ::close(listener_);
    thread_.join();
  }

  std::string Url() const { return "http://127.0.0.1:" + std::to_string(port_) + "/hooks/vigor"; }
  std::vector<Received> Requests() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  void Serve() {
    while (!stopping_) {
      int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) return;
      timeval timeout{5, 0};
      ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
      std::string data;
      char buffer[4096];
      std::size_t head_end = std::string::npos;
      std::size_t need = 0;
      while (true) {
        ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0) break;
        data.append(buffer, static_cast<std::size_t>(n));
        if (head_end == std::string::npos) {
          head_end = data.find("\r\n\r\n");
          if (head_end != std::string::npos) {
            Received r = ParseHead(data.substr(0, head_end));
            need = head_end + 4 + std::stoul(r.headers["content-length"]);
          }
        }
        if (head_end != std::string::npos && data.size() >= need) break;
      }
      if (head_end != std::string::npos) {
        Received r = ParseHead(data.substr(0, head_end));
        r.body = data.substr(head_end + 4);
        int status = 200;
        {
          std::lock_guard lock(mutex_);
          received_.push_back(std::move(r));
          if (!script_.empty()) {
            status = script_.front();
            script_.pop_front();
          }
        }
        std::string answer = "HTTP/1.1 " + std::to_string(status) +
                             " Whatever\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        ::send(fd, answer.data(), answer.size(), MSG_NOSIGNAL);
      }
      ::close(fd);
    }
  }
  static Received ParseHead(const std::string& head) {
    Received r;
    std::size_t line_end = head.find("\r\n");
    std::string request_line = head.substr(0, line_end);
    auto first = request_line.find(' ');
    r.target = request_line.substr(first + 1, request_line.rfind(' ') - first - 1);
    std::size_t at = line_end == std::string::npos ? head.size() : line_end + 2;
    while (at < head.size()) {
      std::size_t end = head.find("\r\n", at);
      if (end == std::string::npos) end = head.size();
      std::string line = head.substr(at, end - at);
      auto colon = line.find(':');
      if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::size_t v = line.find_first_not_of(' ', colon + 1);
        r.headers[name] = v == std::string::npos ? "" : line.substr(v);
      }
      at = end + 2;
    }
    return r;
  }

  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::deque<int> script_;
  std::vector<Received> received_;
};

// HMAC-SHA256 in hex with OpenSSL directly: the check does not reuse the server's signing code.
std::string ExpectedSignature(const std::string& secret, const std::string& signed_text) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac,
       &length);
  std::string hex;
  char two[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(two, sizeof two, "%02x", mac[i]);
    hex += two;
  }
  return hex;
}

std::string Base64(const std::string& text) {
  std::string out(4 * ((text.size() + 2) / 3) + 1, '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

struct App {
  std::string row_id;
  std::string client_id;
  std::string secret;
};

constexpr const char* kWorkout =
    R"({"title":"Leg day","started_at":"2026-03-02T07:30:00Z","blocks":[)"
    R"({"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})";

class WebhooksTest : public ::testing::Test {
 protected:
  explicit WebhooksTest(bool allow_private = true)
      : allow_private_(allow_private), h_([](platform::config::Config& c) {
          c.webhooks_retry_base_seconds = 0;  // a retry is due at once
        }) {}

  void SetUp() override {
    developer_id_ = h_.CreateUser("developer");
    athlete_id_ = h_.CreateUser("athlete");
    h_.CreateUser("stranger");
    h_.CreateUser("chief", /*admin=*/true);
    if (allow_private_) {
      // The admin lets webhooks reach the receiver on loopback.
      Browser chief;
      h_.SignIn(chief, "chief");
      auto allowed = h_.Call(chief, Method::kPut, "/api/v1/admin/settings",
                             R"({"webhooks_allow_private_targets":true})");
      ASSERT_EQ(allowed.status, 200) << allowed.body;
      ASSERT_EQ(allowed.Json()["webhooks_allow_private_targets"], true);
    }
    h_.SignIn(developer_, "developer");
    h_.SignIn(athlete_, "athlete");
    h_.SignIn(stranger_, "stranger");
    app_ = InsertApp("Tracker", developer_id_);
    grant_id_ = InsertGrant(app_, athlete_id_, "workouts:read profile:read");
  }

  // An app as the apps lane's registration makes it (formats of the issue's preamble).
  App InsertApp(const std::string& name, const std::string& owner_id) {
    App app{platform::NewId(), "vgr_client_" + platform::crypto::RandomToken(16).substr(0, 22),
            "vgr_cs_" + platform::crypto::RandomToken(32)};
    h_.app().database->Write([&](Session& s) {
      s.Execute(Statement{"test.webhooks.client",
                          "INSERT INTO oauth_clients (id, public_id, owner_id, name, confidential, "
                          "secret_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, 1, $5, "
                          "$6, $6)"},
                app.row_id, app.client_id, owner_id, name, platform::crypto::Sha256Hex(app.secret),
                platform::NowRfc3339());
    });
    return app;
  }
  std::string InsertGrant(const App& app, const std::string& user_id, const std::string& scopes) {
    std::string id = platform::NewId();
    h_.app().database->Write([&](Session& s) {
      s.Execute(Statement{"test.webhooks.grant",
                          "INSERT INTO oauth_grants (id, client_id, user_id, scopes, created_at) "
                          "VALUES ($1, $2, $3, $4, $5)"},
                id, app.row_id, user_id, scopes, platform::NowRfc3339());
    });
    return id;
  }

  testing::Reply AsApp(const App& app, Method method, const std::string& target,
                       const std::string& body = {}, const std::string& secret = {}) {
    Browser client;  // no cookies: an app's server
    Headers headers;
    headers.Add("Authorization",
                "Basic " + Base64(app.client_id + ":" + (secret.empty() ? app.secret : secret)));
    return h_.Call(client, method, target, body, headers);
  }

  // Subscribes `app` and returns {id, secret}.
  std::pair<std::string, std::string> Subscribe(const App& app, const std::string& url,
                                                const std::string& events) {
    auto reply = AsApp(app, Method::kPost, "/api/v1/webhooks",
                       R"({"url":")" + url + R"(","events":)" + events + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    auto json = reply.Json();
    return {std::string(json["id"].as_string()), std::string(json["secret"].as_string())};
  }

  std::string LogWorkout(Browser& who) {
    auto created = h_.Post(who, "/api/v1/workouts", kWorkout);
    EXPECT_EQ(created.status, 201) << created.body;
    return std::string(created.Json()["id"].as_string());
  }

  features::webhooks::WebhookService& Webhooks() {
    for (auto& feature : h_.app().features) {
      if (auto* w = dynamic_cast<features::webhooks::WebhooksFeature*>(feature.get())) {
        return w->service();
      }
    }
    throw std::logic_error("webhooks not installed");
  }

  bool allow_private_;
  AppHarness h_;
  Browser developer_, athlete_, stranger_;
  std::string developer_id_, athlete_id_, grant_id_;
  App app_;
};

TEST_F(WebhooksTest, ANewWorkoutReachesTheReceiverSigned) {
  Receiver receiver;
  auto [subscription_id, secret] =
      Subscribe(app_, receiver.Url(), R"(["workout.created","app.deauthorized"])");
  EXPECT_TRUE(secret.starts_with("vgr_whs_"));
  EXPECT_EQ(secret.size(), 8u + 43u);

  auto before = std::chrono::system_clock::now();
  std::string workout_id = LogWorkout(athlete_);
  h_.app().jobs->DrainForTests();

  auto requests = receiver.Requests();
  ASSERT_EQ(requests.size(), 1u);
  const auto& r = requests[0];
  EXPECT_EQ(r.target, "/hooks/vigor");
  EXPECT_EQ(r.headers.at("content-type"), "application/json");
  EXPECT_EQ(r.headers.at("user-agent"), "Vigor-Webhooks");
  auto body = boost::json::parse(r.body).as_object();
  EXPECT_EQ(body["event"], "workout.created");
  EXPECT_EQ(body["data"].as_object()["workout_id"], workout_id.c_str());
  EXPECT_EQ(body["user"].as_object()["id"], athlete_id_.c_str());
  EXPECT_EQ(body["user"].as_object()["username"], "athlete");
  EXPECT_EQ(r.headers.at("vigor-webhook-id"), std::string(body["id"].as_string()));

  // t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t "." body)>
  const std::string& signature = r.headers.at("vigor-signature");
  ASSERT_TRUE(signature.starts_with("t=")) << signature;
  auto comma = signature.find(",v1=");
  ASSERT_NE(comma, std::string::npos) << signature;
  std::string t = signature.substr(2, comma - 2);
  std::string v1 = signature.substr(comma + 4);
  EXPECT_EQ(v1, ExpectedSignature(secret, t + "." + r.body));
  EXPECT_NE(v1, ExpectedSignature(secret + "x", t + "." + r.body));  // the secret matters
  auto sent_at = std::chrono::system_clock::time_point(std::chrono::seconds(std::stoll(t)));
  EXPECT_GE(sent_at, std::chrono::time_point_cast<std::chrono::seconds>(before));
  EXPECT_LE(sent_at, std::chrono::system_clock::now());

  // The owner sees it delivered; another user does not see the app at all.
  auto view = h_.Get(developer_, "/api/v1/me/apps/" + app_.client_id + "/webhooks");
  ASSERT_EQ(view.status, 200) << view.body;
  auto subs = view.Json()["subscriptions"].as_array();
  ASSERT_EQ(subs.size(), 1u);
  auto last = subs[0].as_object()["last_delivery"].as_object();
  EXPECT_EQ(last["status"], "delivered");
  EXPECT_EQ(last["attempts"], 1);
  EXPECT_EQ(last["last_status_code"], 200);
  EXPECT_EQ(h_.Get(stranger_, "/api/v1/me/apps/" + app_.client_id + "/webhooks").status, 404);
}

TEST_F(WebhooksTest, AReceiverThatFailsOnceGetsTheDeliveryAgain) {
  Receiver receiver({500});
  Subscribe(app_, receiver.Url(), R"(["workout.created"])");
  LogWorkout(athlete_);
  h_.app().jobs->DrainForTests();
  ASSERT_EQ(receiver.Requests().size(), 1u);

  std::string view_path = "/api/v1/me/apps/" + app_.client_id + "/webhooks";
  auto waiting = h_.Get(developer_, view_path).Json();
  auto first = waiting["deliveries"].as_object()["items"].as_array().at(0).as_object();
  EXPECT_EQ(first["status"], "queued");
  EXPECT_EQ(first["attempts"], 1);
  EXPECT_EQ(first["last_status_code"], 500);
  EXPECT_NE(first["next_attempt_at"], nullptr);

  EXPECT_EQ(Webhooks().EnqueueDueRetries(), 1);
  EXPECT_EQ(Webhooks().EnqueueDueRetries(), 0);  // claimed once
  h_.app().jobs->DrainForTests();

  auto requests = receiver.Requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[1].body, requests[0].body);
  EXPECT_EQ(requests[1].headers.at("vigor-webhook-id"), requests[0].headers.at("vigor-webhook-id"));
  auto done = h_.Get(developer_, view_path).Json();
  auto last = done["subscriptions"].as_array().at(0).as_object()["last_delivery"].as_object();
  EXPECT_EQ(last["status"], "delivered");
  EXPECT_EQ(last["attempts"], 2);
  EXPECT_EQ(last["last_status_code"], 200);
  EXPECT_EQ(last["next_attempt_at"], nullptr);
  EXPECT_NE(last["delivered_at"], nullptr);
}

// Six attempts in all (the first and five retries), then the delivery is failed.
TEST_F(WebhooksTest, ADeliveryFailsAfterSixAttempts) {
  Receiver receiver({500, 500, 500, 500, 500, 500, 200});
  Subscribe(app_, receiver.Url(), R"(["workout.created"])");
  LogWorkout(athlete_);
  h_.app().jobs->DrainForTests();
  for (int retry = 0; retry < 6; ++retry) {
    Webhooks().EnqueueDueRetries();
    h_.app().jobs->DrainForTests();
  }
  EXPECT_EQ(receiver.Requests().size(), 6u);
  auto view = h_.Get(developer_, "/api/v1/me/apps/" + app_.client_id + "/webhooks").Json();
  auto last = view["subscriptions"].as_array().at(0).as_object()["last_delivery"].as_object();
  EXPECT_EQ(last["status"], "failed");
  EXPECT_EQ(last["attempts"], 6);
  EXPECT_EQ(last["last_status_code"], 500);
  EXPECT_EQ(last["next_attempt_at"], nullptr);
}

// The target is checked again at delivery time: allowed when subscribing, refused once the
// admin withdraws the permission (or a host name comes to point at a private address).
TEST_F(WebhooksTest, APrivateTargetIsRefusedAtDeliveryTimeToo) {
  Receiver receiver;
  Subscribe(app_, receiver.Url(), R"(["workout.created"])");
  Browser chief;
  h_.SignIn(chief, "chief");
  ASSERT_EQ(h_.Call(chief, Method::kPut, "/api/v1/admin/settings",
                    R"({"webhooks_allow_private_targets":false})")
                .status,
            200);
  LogWorkout(athlete_);
  h_.app().jobs->DrainForTests();
  EXPECT_EQ(receiver.Requests().size(), 0u);
  auto view = h_.Get(developer_, "/api/v1/me/apps/" + app_.client_id + "/webhooks").Json();
  auto last = view["subscriptions"].as_array().at(0).as_object()["last_delivery"].as_object();
  EXPECT_EQ(last["status"], "queued");  // retried later: the admin may allow it again
  EXPECT_EQ(last["attempts"], 1);
  EXPECT_EQ(last["last_status_code"], nullptr);
  EXPECT_NE(std::string(last["last_error"].as_string()).find("refused"), std::string::npos)
      << boost::json::serialize(last);
}

TEST_F(WebhooksTest, OnlySubscribedEventsOfAuthorisedUsersAreSent) {
  Receiver receiver;
  Subscribe(app_, receiver.Url(), R"(["workout.deleted"])");
  std::string id = LogWorkout(athlete_);  // created: not subscribed
  LogWorkout(stranger_);                  // a user who never authorised the app
  h_.app().jobs->DrainForTests();
  EXPECT_EQ(receiver.Requests().size(), 0u);
  ASSERT_EQ(h_.Call(athlete_, Method::kDelete, "/api/v1/workouts/" + id).status, 204);
  h_.app().jobs->DrainForTests();
  auto requests = receiver.Requests();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(boost::json::parse(requests[0].body).as_object()["event"], "workout.deleted");
}

TEST_F(WebhooksTest, ARevokedGrantSendsDeauthorisationAndNothingMore) {
  Receiver receiver;
  Subscribe(app_, receiver.Url(), R"(["workout.created","app.deauthorized"])");
  h_.app().database->Write([&](Session& s) {
    s.Execute(Statement{"test.webhooks.revoke",
                        "UPDATE oauth_grants SET revoked_at = $2, revoked_why = 'user' "
                        "WHERE id = $1"},
              grant_id_, platform::NowRfc3339());
    h_.app().grant_events->Notify(s, {.user_id = athlete_id_,
                                      .client_id = app_.row_id,
                                      .grant_id = grant_id_,
                                      .reason = "user"});
  });
  LogWorkout(athlete_);  // no longer authorised
  h_.app().jobs->DrainForTests();
  auto requests = receiver.Requests();
  ASSERT_EQ(requests.size(), 1u);
  auto body = boost::json::parse(requests[0].body).as_object();
  EXPECT_EQ(body["event"], "app.deauthorized");
  EXPECT_EQ(body["user"].as_object()["id"], athlete_id_.c_str());
  EXPECT_EQ(body["data"].as_object()["reason"], "user");
}

TEST_F(WebhooksTest, ClientCredentialsAreChecked) {
  auto wrong = AsApp(app_, Method::kGet, "/api/v1/webhooks", "", "vgr_cs_wrong");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(std::string(wrong.headers.Get("WWW-Authenticate").value_or("")).starts_with("Basic"));
  Browser nobody;
  EXPECT_EQ(h_.Get(nobody, "/api/v1/webhooks").status, 401);
  // A user's session is not an app's credentials.
  EXPECT_EQ(h_.Get(developer_, "/api/v1/webhooks").status, 401);
  EXPECT_EQ(AsApp(app_, Method::kGet, "/api/v1/webhooks").status, 200);
}

// Guessing a client secret is slowed down per address: 30 tries at once, then one every 6 s.
TEST_F(WebhooksTest, GuessingSecretsIsRateLimited) {
  for (int i = 0; i < 30; ++i) {
    ASSERT_EQ(AsApp(app_, Method::kGet, "/api/v1/webhooks", "", "vgr_cs_guess").status, 401) << i;
  }
  auto limited = AsApp(app_, Method::kGet, "/api/v1/webhooks", "", "vgr_cs_guess");
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(limited.headers.Get("Retry-After").has_value());
}

TEST_F(WebhooksTest, AnotherAppsSubscriptionIsNotFound) {
  Receiver receiver;
  auto [id, secret] = Subscribe(app_, receiver.Url(), R"(["workout.created"])");
  App other = InsertApp("Other", developer_id_);
  EXPECT_EQ(AsApp(other, Method::kDelete, "/api/v1/webhooks/" + id).status, 404);
  auto theirs = AsApp(other, Method::kGet, "/api/v1/webhooks");
  EXPECT_EQ(theirs.Json()["items"].as_array().size(), 0u);
  auto mine = AsApp(app_, Method::kGet, "/api/v1/webhooks");
  ASSERT_EQ(mine.Json()["items"].as_array().size(), 1u);
  EXPECT_EQ(mine.body.find(secret), std::string::npos);  // shown once only
  EXPECT_EQ(AsApp(app_, Method::kDelete, "/api/v1/webhooks/" + id).status, 204);
  EXPECT_EQ(AsApp(app_, Method::kDelete, "/api/v1/webhooks/" + id).status, 404);
}

TEST_F(WebhooksTest, BadSubscriptionsAreRefusedByField) {
  auto reply = AsApp(app_, Method::kPost, "/api/v1/webhooks",
                     R"({"url":"ftp://example.com/x","events":["workout.exploded"]})");
  EXPECT_EQ(reply.status, 422);
  EXPECT_EQ(FieldsOf(reply), (std::set<std::string>{"url", "events"}));
}

class WebhooksWithoutPrivateTargetsTest : public WebhooksTest {
 protected:
  WebhooksWithoutPrivateTargetsTest() : WebhooksTest(/*allow_private=*/false) {}
};

TEST_F(WebhooksWithoutPrivateTargetsTest, LoopbackAndPrivateTargetsAreRefused) {
  for (const char* url : {"http://127.0.0.1:8080/hook", "http://[::1]/hook", "http://10.1.2.3/hook",
                          "http://169.254.169.254/latest/meta-data",
                          "https://[::ffff:192.168.0.1]/hook", "http://localhost/hook"}) {
    auto reply = AsApp(app_, Method::kPost, "/api/v1/webhooks",
                       std::string(R"({"url":")") + url + R"(","events":["workout.created"]})");
    EXPECT_EQ(reply.status, 422) << url << ": " << reply.body;
    EXPECT_EQ(FieldsOf(reply), std::set<std::string>{"url"}) << url;
  }
}

}  // namespace
}  // namespace vigor
