#include "fuzz_app.hpp"

#include <boost/json/parse.hpp>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "features/admin/feature.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/mail/mail_queue.hpp"

namespace vigor::fuzz {

namespace http = platform::http;

namespace {

// Under $VIGOR_FUZZ_TMPDIR (scripts/fuzz makes one per run and removes it, with whatever a crash
// left behind), else /dev/shm.
std::filesystem::path MakeTempDir() {
  const char* base = std::getenv("VIGOR_FUZZ_TMPDIR");
  std::string pattern =
      std::string(base != nullptr && *base != 0 ? base : "/dev/shm") + "/vigor-fuzz-app-XXXXXX";
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("cannot create " + pattern);
  return pattern;
}

void WriteFile(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

// The value of cookie `name` in a response's Set-Cookie fields, or "".
std::string SetCookieValue(const http::Response& response, std::string_view name) {
  for (const auto& field : response.headers.fields()) {
    if (!http::EqualsIgnoreCase(field.name, "Set-Cookie")) continue;
    std::string_view value = field.value;
    if (!value.starts_with(name) || value.substr(name.size(), 1) != "=") continue;
    value.remove_prefix(name.size() + 1);
    return std::string(value.substr(0, value.find(';')));
  }
  return {};
}

[[noreturn]] void SetupFailed(std::string_view what, const http::Response& response) {
  std::fprintf(stderr, "fuzz app: %.*s failed: %d %s\n", static_cast<int>(what.size()), what.data(),
               response.status, response.body.c_str());
  std::abort();
}

}  // namespace

FuzzApp::FuzzApp() : dir_(MakeTempDir()) {
  platform::config::Config config;
  config.data_dir = dir_ / "data";
  // A web app of two files, so that unrouted GETs reach the static files with their
  // Accept-Encoding and If-None-Match handling.
  config.web_dir = dir_ / "web";
  std::filesystem::create_directories(config.web_dir / "assets");
  WriteFile(config.web_dir / "index.html", "<!doctype html><title>Vigor</title>");
  WriteFile(config.web_dir / "index.html.gz", "not really gzip, served as it is");
  WriteFile(config.web_dir / "assets" / "app-1234abcd.js", "console.log(1)");
  config.public_url = "http://vigor.test";
  config.password_memory_kib = 64;
  config.password_iterations = 1;
  config.db_readers = 2;
  logger_ = std::make_unique<platform::obs::Logger>(platform::obs::LogLevel::kError,
                                                    (dir_ / "log.jsonl").string());
  app_ = app::BuildApp(config, *logger_, /*start_background=*/false);

  app_->Get<features::admin::AdminFeature>().service().CreateUserFromConsole(
      std::string(kFuzzUser), "fuzz@example.org", std::string(kFuzzPassword), /*admin=*/true);

  http::Request login;
  login.method = http::Method::kPost;
  login.target = "/api/v1/auth/login";
  login.remote_address = "203.0.113.7";
  login.headers.Add("Host", "vigor.test");
  login.headers.Add("Content-Type", "application/json");
  // A CSRF cookie first, as the web app gets one from its first GET.
  http::Request meta{.target = "/api/v1/meta", .remote_address = "203.0.113.7"};
  meta.headers.Add("Host", "vigor.test");
  std::string first_csrf = SetCookieValue(app_->http->Handle(meta), "vigor_csrf");
  login.headers.Add("Cookie", "vigor_csrf=" + first_csrf);
  login.headers.Add("X-CSRF-Token", first_csrf);
  login.body = std::string(R"({"login":")") + std::string(kFuzzUser) + R"(","password":")" +
               std::string(kFuzzPassword) + R"("})";
  auto signed_in = app_->http->Handle(login);
  session_ = SetCookieValue(signed_in, "vigor_session");
  csrf_ = SetCookieValue(signed_in, "vigor_csrf");
  if (signed_in.status != 200 || session_.empty() || csrf_.empty())
    SetupFailed("sign-in", signed_in);

  http::Request create_token;
  create_token.method = http::Method::kPost;
  create_token.target = "/api/v1/me/tokens";
  create_token.remote_address = "203.0.113.7";
  create_token.headers.Add("Host", "vigor.test");
  create_token.headers.Add("Content-Type", "application/json");
  create_token.headers.Add("Cookie", "vigor_session=" + session_ + "; vigor_csrf=" + csrf_);
  create_token.headers.Add("X-CSRF-Token", csrf_);
  create_token.body = R"({"name":"fuzz","scopes":["profile:read","profile:write","workouts:read",)"
                      R"("workouts:write","body:read","body:write"]})";
  auto created = app_->http->Handle(create_token);
  if (created.status != 201) SetupFailed("creating a token", created);
  token_ = boost::json::parse(created.body).at("token").as_string().c_str();
}

FuzzApp::~FuzzApp() {
  app_.reset();
  logger_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

http::Response FuzzApp::Handle(http::Request& request) {
  auto response = app_->http->Handle(request);
  if (request.method != http::Method::kGet && request.method != http::Method::kHead) {
    app_->jobs->DrainForTests();
    app_->mail_queue->DrainForTests();
  }
  return response;
}

bool FuzzApp::SessionWorks() {
  http::Request me{.target = "/api/v1/me", .remote_address = "203.0.113.7"};
  me.headers.Add("Host", "vigor.test");
  me.headers.Add("Cookie", "vigor_session=" + session_ + "; vigor_csrf=" + csrf_);
  return app_->http->Handle(me).status == 200;
}

std::string FuzzApp::ErrorLog() {
  logger_->Flush();
  std::ifstream in(dir_ / "log.jsonl");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {
FuzzApp* the_fuzz_app = nullptr;
}

FuzzApp& TheFuzzApp() {
  if (the_fuzz_app == nullptr) {
    the_fuzz_app = new FuzzApp();
    // Registered after the first application initialised OpenSSL, so it runs before OpenSSL's
    // own exit handler.
    static const bool registered = std::atexit([] {
                                     delete the_fuzz_app;
                                     the_fuzz_app = nullptr;
                                   }) == 0;
    (void)registered;
  }
  return *the_fuzz_app;
}

void RebuildFuzzApp() {
  delete the_fuzz_app;
  the_fuzz_app = nullptr;
  TheFuzzApp();
}

}  // namespace vigor::fuzz
