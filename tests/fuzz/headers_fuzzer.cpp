// Cookie and header parsing: the input is up to eight lines, each the value of one header (or
// setting) that a client or operator controls:
//
//   0 Cookie            http::GetCookie
//   1 If-Match          workouts::ParseIfMatch, for each kind of resource
//   2 --trusted-proxies http::TrustedProxies::Parse
//   3 X-Forwarded-For   TrustedProxies::ClientAddress (with the list of line 2)
//   4 the peer address  TrustedProxies::ClientAddress
//   5 Content-Type      http::ParseJsonObject (which media types count as JSON)
//   6 Accept-Encoding   http::StaticFiles::Serve (which precompressed file is sent)
//   7 If-None-Match     http::StaticFiles::Serve (304 or not), and http::ApplyConditionalGet
//
// Checks: a cookie appended after the fuzzed ones is found with its value; an ETag appended to
// the fuzzed If-Match list matches its revision; the client address is the peer or one of the
// forwarded hops; a 304 only when If-None-Match was sent; an API read's ETag appended to the
// fuzzed If-None-Match list is a 304 without a body.
#include <boost/json/object.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/workouts/revision.hpp"
#include "platform/error.hpp"
#include "platform/http/conditional_get.hpp"
#include "platform/http/cookies.hpp"
#include "platform/http/json.hpp"
#include "platform/http/static_files.hpp"
#include "platform/http/trusted_proxies.hpp"
#include "platform/obs/log.hpp"

namespace {

namespace http = vigor::platform::http;
namespace workouts = vigor::features::workouts;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "headers: %s\n", what.c_str());
  std::abort();
}

// The web app of one page with both precompressed forms, loaded once from a directory that is
// removed again right away (StaticFiles holds every file in memory).
const http::StaticFiles& WebApp() {
  static const std::unique_ptr<http::StaticFiles> files = [] {
    const char* base = std::getenv("VIGOR_FUZZ_TMPDIR");
    std::string dir =
        std::string(base != nullptr && *base != 0 ? base : "/dev/shm") + "/vigor-fuzz-web-XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) Fail("cannot create " + dir);
    for (auto [name, text] :
         {std::pair{"index.html", "<!doctype html>"}, std::pair{"index.html.gz", "gzip bytes"},
          std::pair{"index.html.br", "brotli bytes"}}) {
      std::ofstream(std::filesystem::path(dir) / name) << text;
    }
    vigor::platform::obs::Logger logger(vigor::platform::obs::LogLevel::kError);
    auto loaded = http::StaticFiles::Load(dir, logger);
    std::filesystem::remove_all(dir);
    if (!loaded) Fail("the web app did not load");
    return loaded;
  }();
  return *files;
}

std::vector<std::string_view> Lines(std::string_view text, std::size_t count) {
  std::vector<std::string_view> lines;
  while (lines.size() + 1 < count) {
    auto end = text.find('\n');
    if (end == std::string_view::npos) break;
    lines.push_back(text.substr(0, end));
    text.remove_prefix(end + 1);
  }
  lines.push_back(text);
  lines.resize(count);
  return lines;
}

void Cookies(std::string_view header) {
  http::Request request;
  request.headers.Add("Cookie", std::string(header));
  for (auto name : {"vigor_session", "vigor_csrf", "__Host-vigor_session", "", "="}) {
    if (auto value = http::GetCookie(request, name);
        value && value->find(';') != std::string::npos) {
      Fail("a cookie value holds ';'");
    }
  }
  if (header.find("vigor_probe") != std::string_view::npos) return;
  http::Response response;
  http::SetCookie(response, "vigor_probe", "tok3n_value-1", {});
  std::string set(*response.headers.Get("Set-Cookie"));
  http::Request with_probe;
  with_probe.headers.Add("Cookie", std::string(header) + "; " + set.substr(0, set.find(';')));
  if (http::GetCookie(with_probe, "vigor_probe") != "tok3n_value-1") {
    Fail("a cookie after others is not found");
  }
}

void IfMatch(std::string_view header) {
  for (auto tag : {workouts::kWorkoutTag, workouts::kRoutineTag, workouts::kProgramTag}) {
    workouts::ParseIfMatch(header, tag);
    std::string list = std::string(header) + ", " + workouts::RevisionETag(tag, 42);
    auto parsed = workouts::ParseIfMatch(list, tag);
    if (!parsed || !parsed->Matches(42)) Fail("an ETag after others does not match: " + list);
  }
}

void ForwardedFor(std::string_view list, std::string_view forwarded, std::string_view peer) {
  std::string error;
  auto proxies = http::TrustedProxies::Parse(list, error);
  if (!proxies) {
    if (error.empty()) Fail("a refused proxy list without a reason");
    return;
  }
  std::string client = proxies->ClientAddress(peer, forwarded);
  if (client == peer) return;
  // Otherwise one of the hops, as written between commas (spaces around it trimmed).
  std::string needle = client;
  if (std::string(forwarded).find(needle) == std::string::npos) {
    Fail("the client address " + client + " is neither the peer nor a forwarded hop");
  }
}

void ContentType(std::string_view type) {
  http::Request request;
  request.headers.Add("Content-Type", std::string(type));
  request.body = "{}";
  try {
    http::ParseJsonObject(request);
  } catch (const vigor::platform::Error& e) {
    if (e.kind() != vigor::platform::ErrorKind::kUnsupportedMediaType) throw;
  }
}

void StaticFile(std::string_view accept_encoding, std::string_view if_none_match, bool send_inm) {
  http::Request request;
  request.target = "/";
  request.headers.Add("Accept-Encoding", std::string(accept_encoding));
  if (send_inm) request.headers.Add("If-None-Match", std::string(if_none_match));
  auto response = WebApp().Serve(request);
  if (!response) Fail("the web app's index is not served");
  if (response->status == 304 && !send_inm) Fail("304 without If-None-Match");
  if (response->status != 304 && response->status != 200) Fail("an unexpected status");
}

void ApiRead(std::string_view if_none_match) {
  const std::string body = R"({"items":[]})";
  std::string etag = http::RepresentationETag("u1", body);
  http::Request request;
  request.target = "/api/v1/workouts";
  request.headers.Add("If-None-Match", std::string(if_none_match) + ", " + etag);
  auto response = http::Response::JsonText(200, body);
  http::ApplyConditionalGet(request, "u1", response);
  if (response.status != 304 || !response.body.empty()) Fail("an appended ETag is not a 304");
  if (response.headers.Get("ETag") != etag) Fail("a 304 without its ETag");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  auto lines = Lines(input, 8);
  Cookies(lines[0]);
  IfMatch(lines[1]);
  ForwardedFor(lines[2], lines[3], lines[4]);
  ContentType(lines[5]);
  StaticFile(lines[6], lines[7], !lines[7].empty());
  ApiRead(lines[7]);
  return 0;
}
