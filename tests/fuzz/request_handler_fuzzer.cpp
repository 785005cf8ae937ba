// The request handler: one request, as text, through HttpApp::Handle (the request-to-response
// function the socket server calls) of the whole application on SQLite. Routing, the auth
// middleware (sessions, tokens, CSRF), JSON decoding, the handlers and services, the imports
// they queue and the static files all run as in production.
//
// The input is a request written close to HTTP/1.1:
//
//   POST /api/v1/workouts
//   Cookie: vigor_session={session}; vigor_csrf={csrf}
//   X-CSRF-Token: {csrf}
//   Content-Type: application/json
//
//   {"title":"Legs", ...}
//
// The first line is the method and the target; then "Name: value" lines up to an empty line;
// the rest is the body (byte for byte). {session}, {csrf} and {token} in the target and in header
// values become the signed-in administrator's session cookie, CSRF token and access token (for
// "Authorization: Bearer {token}"). Host is vigor.test unless the input sets it.
//
// Findings: a crash or sanitizer report, and any 500 (an exception nobody expected: the server
// answers bad input with a 4xx problem and storage trouble with a 503).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_app.hpp"

namespace {

namespace http = vigor::platform::http;
using vigor::fuzz::FuzzApp;

// A fresh application now and then, so that what earlier inputs stored (rate-limit buckets,
// thousands of workouts) does not steer every later one.
constexpr int kInputsPerApp = 2000;

std::string Substitute(std::string_view text, const FuzzApp& fuzz_app) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '{') {
      auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        const std::string* value = nullptr;
        if (name == "session") value = &fuzz_app.session();
        if (name == "csrf") value = &fuzz_app.csrf();
        if (name == "token") value = &fuzz_app.token();
        if (value != nullptr) {
          out += *value;
          i = close + 1;
          continue;
        }
      }
    }
    out.push_back(text[i++]);
  }
  return out;
}

std::string_view NextLine(std::string_view& text) {
  auto end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

http::Request ParseRequest(std::string_view text, const FuzzApp& fuzz_app) {
  http::Request request;
  request.remote_address = "203.0.113.7";
  std::string_view first = NextLine(text);
  auto space = first.find(' ');
  request.method = http::ParseMethod(first.substr(0, space));
  request.target = space == std::string_view::npos ? std::string("/")
                                                   : Substitute(first.substr(space + 1), fuzz_app);
  bool has_host = false;
  while (!text.empty()) {
    std::string_view line = NextLine(text);
    if (line.empty()) break;
    auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = line.substr(colon + 1);
    if (value.starts_with(' ')) value.remove_prefix(1);
    std::string name(line.substr(0, colon));
    has_host = has_host || http::EqualsIgnoreCase(name, "Host");
    request.headers.Add(std::move(name), Substitute(value, fuzz_app));
  }
  if (!has_host) request.headers.Add("Host", "vigor.test");
  request.body = std::string(text);
  return request;
}

// Requests after which the session may be gone: signing out, a new password, a deleted account.
bool MayEndSession(const http::Request& request) {
  if (request.method == http::Method::kGet || request.method == http::Method::kHead) return false;
  std::string_view path = request.Path();
  return path.starts_with("/api/v1/auth") || path.starts_with("/api/v1/me") ||
         path.starts_with("/api/v1/admin");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static int inputs = 0;
  if (++inputs % kInputsPerApp == 0) vigor::fuzz::RebuildFuzzApp();
  FuzzApp& fuzz_app = vigor::fuzz::TheFuzzApp();
  auto request =
      ParseRequest(std::string_view(reinterpret_cast<const char*>(data), size), fuzz_app);
  auto response = fuzz_app.Handle(request);
  if (response.status == 500 || response.status < 100 || response.status > 599) {
    std::fprintf(stderr, "request handler answered %d: %s\nserver log:\n%s\n", response.status,
                 response.body.c_str(), fuzz_app.ErrorLog().c_str());
    std::abort();
  }
  if (MayEndSession(request) && !fuzz_app.SessionWorks()) vigor::fuzz::RebuildFuzzApp();
  return 0;
}
