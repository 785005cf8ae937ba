#include "support/app_harness.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "features/admin/feature.hpp"
#include "platform/mail/mail_queue.hpp"
#include "support/openapi_contract.hpp"

namespace vigor::testing {

using platform::http::Method;

Exchange ExchangeOf(const platform::http::Request& request,
                    const platform::http::Response& response) {
  return Exchange{
      .method = std::string(platform::http::MethodName(request.method)),
      .target = request.target,
      .request_content_type = std::string(request.headers.Get("Content-Type").value_or("")),
      .request_body = request.body,
      .status = response.status,
      .response_content_type = std::string(response.headers.Get("Content-Type").value_or("")),
      .response_body = response.body};
}

boost::json::object Reply::Json() const {
  auto v = boost::json::parse(body);
  return v.is_object() ? v.as_object() : boost::json::object{};
}

std::set<std::string> FieldsOf(const Reply& reply) {
  std::set<std::string> fields;
  auto body = reply.Json();
  if (const auto* errors = body.if_contains("errors")) {
    for (const auto& e : errors->as_array()) {
      fields.insert(std::string(e.as_object().at("field").as_string()));
    }
  }
  return fields;
}

AppHarness::AppHarness(std::function<void(platform::config::Config&)> adjust) {
  platform::config::Config config;
  config.data_dir = dir_.path() / "data";
  config.web_dir.clear();
  config.public_url = "http://vigor.test";
  config.password_memory_kib = 64;
  config.password_iterations = 1;
  UseTestBackend(config, postgres_);
  if (adjust) adjust(config);
  logger_ = std::make_unique<platform::obs::Logger>(platform::obs::LogLevel::kDebug,
                                                    (dir_.path() / "log.jsonl").string());
  app_ = app::BuildApp(config, *logger_, /*start_background=*/false);
}

AppHarness::~AppHarness() {
  // A failing test shows the server's errors: a 500 says nothing to the client, by design.
  if (!::testing::Test::HasFailure() || !logger_) return;
  std::istringstream lines(LogText());
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"level\":\"error\"") != std::string::npos)
      std::cout << "server log: " << line << "\n";
  }
}

std::string AppHarness::LogText() {
  logger_->Flush();
  std::ifstream in(dir_.path() / "log.jsonl");
  return std::string(std::istreambuf_iterator<char>(in), {});
}

Reply AppHarness::Call(Browser& browser, Method method, const std::string& target,
                       const std::string& body, const platform::http::Headers& extra) {
  platform::http::Request request;
  request.method = method;
  request.target = target;
  request.remote_address = browser.ip;
  request.headers.Add("Host", "vigor.test");
  request.headers.Add("User-Agent", browser.user_agent);
  if (!body.empty() && !extra.Has("Content-Type")) {
    request.headers.Add("Content-Type", "application/json");
  }
  request.body = body;
  if (!browser.bearer.empty()) {
    request.headers.Add("Authorization", "Bearer " + browser.bearer);
  } else {
    bool unsafe = method != Method::kGet && method != Method::kHead;
    if (unsafe && !browser.cookies.contains("vigor_csrf")) {
      // As the web app does: fetch a CSRF cookie first.
      Get(browser, "/api/v1/meta");
    }
    std::string cookie;
    for (const auto& [name, value] : browser.cookies) {
      if (!cookie.empty()) cookie += "; ";
      cookie += name + "=" + value;
    }
    if (!cookie.empty()) request.headers.Add("Cookie", cookie);
    if (unsafe && browser.cookies.contains("vigor_csrf")) {
      request.headers.Add("X-CSRF-Token", browser.cookies["vigor_csrf"]);
    }
  }
  for (const auto& field : extra.fields()) request.headers.Add(field.name, field.value);
  auto response = app_->http->Handle(request);
  ExpectKeepsContract(ExchangeOf(request, response));
  for (const auto& field : response.headers.fields()) {
    if (!platform::http::EqualsIgnoreCase(field.name, "Set-Cookie")) continue;
    auto eq = field.value.find('=');
    auto semi = field.value.find(';');
    std::string name = field.value.substr(0, eq);
    std::string value = field.value.substr(eq + 1, semi - eq - 1);
    if (field.value.find("Max-Age=0") != std::string::npos) {
      browser.cookies.erase(name);
    } else {
      browser.cookies[name] = value;
    }
  }
  return Reply{response.status, response.body, response.headers};
}

std::vector<std::string> AppHarness::Mails() {
  app_->mail_queue->DrainForTests();
  std::vector<std::filesystem::path> files;
  auto outbox = app_->config.data_dir / "outbox";
  if (std::filesystem::exists(outbox)) {
    for (const auto& entry : std::filesystem::directory_iterator(outbox)) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> mails;
  for (const auto& f : files) {
    std::ifstream in(f);
    mails.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return mails;
}

std::string AppHarness::LinkToken(const std::string& to, const std::string& page) {
  std::regex link("/" + page + "#token=([A-Za-z0-9_-]+)");
  std::string token;
  for (const auto& mail : Mails()) {
    if (mail.find("To: " + to) == std::string::npos) continue;
    std::smatch m;
    if (std::regex_search(mail, m, link)) token = m[1];
  }
  return token;
}

std::string AppHarness::CreateUser(const std::string& username, bool admin) {
  return app_->Get<features::admin::AdminFeature>()
      .service()
      .CreateUserFromConsole(username, username + "@example.org", PasswordOf(username), admin)
      .id;
}

void AppHarness::SignIn(Browser& browser, const std::string& username) {
  auto reply =
      Post(browser, "/api/v1/auth/login",
           R"({"login":")" + username + R"(","password":")" + PasswordOf(username) + R"("})");
  ASSERT_EQ(reply.status, 200) << reply.body;
  ASSERT_TRUE(browser.cookies.contains("vigor_session"));
}

}  // namespace vigor::testing
