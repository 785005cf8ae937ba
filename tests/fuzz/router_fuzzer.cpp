// The router (http::Router::Find, http::SplitPath) with the application's real routes, and the
// request target's parts (Path, RawQuery, QueryParam) and HttpApp::Traits, which the server asks
// before reading a body. The input is a method name, a space or line break, and the target as
// sent ("GET /api/v1/workouts/abc%20d?limit=5").
//
// Checks: a route found is of the method asked (HEAD finds GET routes), with one decoded
// parameter per "{name}" segment of its template, none holding '/' or NUL; a path with no route
// of that method lists the methods it does accept, never that one. And the path rebuilt from the
// route's template and its parameters, percent-encoded again, finds the same route with the same
// parameters.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_app.hpp"
#include "platform/http/router.hpp"

namespace {

namespace http = vigor::platform::http;

[[noreturn]] void Fail(const std::string& what, std::string_view target) {
  std::fprintf(stderr, "router: %s (target %.*s)\n", what.c_str(), static_cast<int>(target.size()),
               target.data());
  std::abort();
}

std::string PercentEncoded(std::string_view segment) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : segment) {
    auto b = static_cast<unsigned char>(c);
    if (std::isalnum(b) || c == '-' || c == '_' || c == '~') {
      out.push_back(c);
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xF]);
    }
  }
  return out;
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Built once: the router does not change, and requests never reach the handlers here.
  auto& fuzz_app = vigor::fuzz::TheFuzzApp();
  const http::Router& router = fuzz_app.app().http->router();

  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto split = input.find_first_of(" \n");
  http::Method method = http::ParseMethod(input.substr(0, split));
  http::Request request;
  request.method = method;
  request.target = split == std::string_view::npos ? std::string() : input.substr(split + 1);

  fuzz_app.app().http->Traits(method, request.target);
  for (auto name : {"limit", "cursor", "q", "format", "name", "since", ""}) {
    request.QueryParam(name);
  }

  std::string_view path = request.Path();
  auto match = router.Find(method, path);
  if (match.route == nullptr) {
    std::string name(http::MethodName(method == http::Method::kHead ? http::Method::kGet : method));
    if (std::find(match.allowed.begin(), match.allowed.end(), name) != match.allowed.end()) {
      Fail("no route, yet its method is allowed", path);
    }
    return 0;
  }
  const auto& spec = match.route->spec;
  if (spec.method != method &&
      !(method == http::Method::kHead && spec.method == http::Method::kGet)) {
    Fail("a route of another method: " + spec.path, path);
  }

  std::string rebuilt;
  std::size_t next_param = 0;
  const auto& params = match.params.items();
  for (const auto& segment : match.route->segments) {
    rebuilt.push_back('/');
    if (!IsParam(segment)) {
      rebuilt += PercentEncoded(segment);
      continue;
    }
    if (next_param >= params.size() ||
        params[next_param].first != segment.substr(1, segment.size() - 2)) {
      Fail("parameters do not follow the template " + spec.path, path);
    }
    const std::string& value = params[next_param++].second;
    if (value.find('/') != std::string::npos || value.find('\0') != std::string::npos) {
      Fail("a parameter holds '/' or NUL", path);
    }
    rebuilt += PercentEncoded(value);
  }
  if (next_param != params.size()) Fail("more parameters than the template has", path);
  if (rebuilt.empty()) rebuilt = "/";

  auto again = router.Find(method, rebuilt);
  if (again.route != match.route || again.params.items() != params) {
    Fail("the rebuilt path " + rebuilt + " finds another route or parameters", path);
  }
  return 0;
}
