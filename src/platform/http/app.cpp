#include "platform/http/app.hpp"

#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstdint>

#include "platform/http/conditional_get.hpp"
#include "platform/http/content_encoding.hpp"
#include "platform/http/problem.hpp"
#include "platform/http/static_files.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::http {

namespace {

// A client's X-Request-Id is kept when it is short and plain, so traces join across proxies.
bool IsUsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// Request ids only need to be distinct, not secret: each thread draws from its own xoshiro256**
// generator, seeded once from OpenSSL. RAND_bytes per request took a lock and a getpid() call
// (its fork check) on every request, about 4% of /healthz (issue 16).
std::string NewRequestId() {
  struct Generator {
    std::array<std::uint64_t, 4> s{0x9e3779b97f4a7c15ULL, 0xbf58476d1ce4e5b9ULL,
                                   0x94d049bb133111ebULL, 0x2545f4914f6cdd1dULL};
    Generator() {
      // Should RAND_bytes fail, the constants above stay: still distinct ids, from a known start.
      RAND_bytes(reinterpret_cast<unsigned char*>(s.data()), sizeof s);
      if ((s[0] | s[1] | s[2] | s[3]) == 0) s[0] = 1;  // all zero would stay zero
    }
    static std::uint64_t Rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t Next() {
      std::uint64_t result = Rotl(s[1] * 5, 7) * 9;
      std::uint64_t t = s[1] << 17;
      s[2] ^= s[0];
      s[3] ^= s[1];
      s[1] ^= s[2];
      s[0] ^= s[3];
      s[2] ^= t;
      s[3] = Rotl(s[3], 45);
      return result;
    }
  };
  thread_local Generator generator;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  id.reserve(24);
  std::uint64_t bits = generator.Next();
  for (int i = 0; i < 16; ++i, bits >>= 4) id.push_back(kHex[bits & 0xf]);
  bits = generator.Next();
  for (int i = 0; i < 8; ++i, bits >>= 4) id.push_back(kHex[bits & 0xf]);
  return id;
}

bool IsApiPath(std::string_view path) {
  return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/readyz" ||
         path == "/metrics" || path.starts_with("/diagnostics/");
}

}  // namespace

namespace {

// The security fields for one combination of TLS and image source, built when it changes rather
// than for every response (issue 16: building them was ~5% of a /healthz).
const std::vector<Headers::Field>& SecurityFields(bool tls, std::string_view image_source) {
  struct Built {
    bool ready = false;
    bool tls = false;
    std::string image_source;
    std::vector<Headers::Field> fields;
  };
  thread_local Built built;
  if (built.ready && built.tls == tls && built.image_source == image_source) return built.fields;
  constexpr std::string_view kBefore =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:";
  constexpr std::string_view kAfter =
      "; font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
      "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  std::string csp(kBefore);
  if (!image_source.empty()) csp.append(" ").append(image_source);
  csp.append(kAfter);
  built.fields = {
      {"Content-Security-Policy", std::move(csp)},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "strict-origin-when-cross-origin"},
      {"X-Frame-Options", "DENY"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
      {"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()"},
  };
  if (tls)
    built.fields.push_back({"Strict-Transport-Security", "max-age=63072000; includeSubDomains"});
  built.tls = tls;
  built.image_source = std::string(image_source);
  built.ready = true;
  return built.fields;
}

}  // namespace

void ApplySecurityHeaders(Response& response, bool tls, std::string_view image_source) {
  auto& h = response.headers;
  // Room for what follows (these, Cache-Control, X-Request-Id) in one allocation.
  h.Reserve(h.size() + 11);
  h.SetAll(SecurityFields(tls, image_source));
  if (!h.Has("Cache-Control")) h.Add("Cache-Control", "no-store");
}

HttpApp::HttpApp(Router router, const StaticFiles* static_files, AppOptions options,
                 obs::Logger& logger, obs::MetricsRegistry& metrics)
    : router_(std::move(router)),
      static_files_(static_files),
      options_(std::move(options)),
      logger_(logger),
      requests_total_(metrics.Counter("vigor_http_requests_total",
                                      "HTTP requests answered, by method, route and status.",
                                      {"method", "route", "status"})),
      request_duration_(metrics.Histogram(
          "vigor_http_request_duration_seconds",
          "Time from a complete request to its response being ready, by method and route.",
          {"method", "route"},
          {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10})),
      in_flight_(metrics.Gauge("vigor_http_requests_in_flight", "Requests being handled right now.",
                               {})) {}

RouteTraits HttpApp::Traits(Method method, std::string_view target) const {
  Request probe;
  probe.target = std::string(target);
  auto match = router_.Find(method, probe.Path());
  if (match.route == nullptr) return RouteTraits{false, 0};  // static files or an error
  return RouteTraits{match.route->spec.blocking, match.route->spec.max_body_bytes,
                     match.route->cost.get()};
}

Response HttpApp::Handle(Request& request) {
  return Wrap(request, [&](RequestContext& ctx) { return Dispatch(request, ctx); });
}

Response HttpApp::Reject(Request& request, const Error& error) {
  return Wrap(request, [&](RequestContext&) -> Response { throw error; });
}

Response HttpApp::Wrap(Request& request, const std::function<Response(RequestContext&)>& inner) {
  auto started = std::chrono::steady_clock::now();
  // Behind a trusted reverse proxy the client is the one it names, for rate limits and logs.
  if (!options_.trusted_proxies.empty()) {
    request.remote_address = options_.trusted_proxies.ClientAddress(
        request.remote_address, request.headers.Get("X-Forwarded-For"));
  }
  RequestContext ctx;
  auto incoming = request.headers.Get("X-Request-Id");
  ctx.request_id =
      incoming && IsUsableRequestId(*incoming) ? std::string(*incoming) : NewRequestId();
  if (auto accept_language = request.headers.Get("Accept-Language")) {
    ctx.language = i18n::ParseAcceptLanguage(*accept_language);
  }
  in_flight_.Add({}, 1);

  Response response;
  try {
    response = inner(ctx);
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::kInternal) {
      logger_.Error("internal error", {{"request_id", ctx.request_id}, {"error", e.detail()}});
    }
    response = ProblemResponse(e, ctx.request_id, ctx.language);
  } catch (const store::StorageUnavailable& e) {
    // The database is busy, full, restarting or lost a group commit: the client may send the
    // same request again. Not a bug, so a warning; its reason (a statement's name and the
    // database's message, never SQL or values) is for the operator only.
    logger_.Warn("storage unavailable", {{"request_id", ctx.request_id},
                                         {"route", ctx.RouteLabel()},
                                         {"reason", std::string_view(e.what())}});
    response = ProblemResponse(Error(ErrorKind::kUnavailable, Msg("database_unavailable"))
                                   .WithRetryAfter(kStorageRetryAfterSeconds),
                               ctx.request_id, ctx.language);
  } catch (const std::exception& e) {
    // A bug or a failing dependency: log it with the request id; the client learns nothing more.
    logger_.Error("unhandled exception", {{"request_id", ctx.request_id},
                                          {"route", ctx.RouteLabel()},
                                          {"error", std::string_view(e.what())}});
    response = ProblemResponse(Error::Internal(""), ctx.request_id, ctx.language);
  } catch (...) {
    logger_.Error("unhandled non-standard exception", {{"request_id", ctx.request_id}});
    response = ProblemResponse(Error::Internal(""), ctx.request_id, ctx.language);
  }

  if (options_.conditional_gets) {
    ApplyConditionalGet(request, ctx.principal ? std::string_view(ctx.principal->user_id) : "",
                        response, std::move(ctx.known_etag));
  }
  ApplySecurityHeaders(response, options_.tls || request.tls,
                       options_.image_source ? options_.image_source() : std::string());
  response.headers.Set("X-Request-Id", ctx.request_id);
  in_flight_.Add({}, -1);

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::string method(MethodName(request.method));
  std::string route(ctx.route ? std::string_view(ctx.route->path)
                              : (response.status < 400 ? "static" : "unmatched"));
  requests_total_.Inc({method, route, std::to_string(response.status)});
  request_duration_.Observe({method, route}, seconds);
  if (options_.access_log) {
    logger_.Info("request", {{"request_id", ctx.request_id},
                             {"method", method},
                             {"route", route},
                             {"status", std::int64_t{response.status}},
                             {"duration_ms", seconds * 1000.0},
                             {"bytes", static_cast<std::int64_t>(response.body.size())}});
  }
  return response;
}

Response HttpApp::Dispatch(Request& request, RequestContext& ctx) {
  auto match = router_.Find(request.method, request.Path());
  if (match.route == nullptr) {
    bool is_read = request.method == Method::kGet || request.method == Method::kHead;
    if (!match.allowed.empty()) {
      throw Error(ErrorKind::kMethodNotAllowed,
                  Msg("method_not_allowed", {{"method", std::string(MethodName(request.method))}}))
          .WithAllowedMethods(match.allowed);
    }
    if (static_files_ != nullptr && !IsApiPath(request.Path())) {
      if (!is_read) {
        throw Error(ErrorKind::kMethodNotAllowed, Msg("pages_read_only"))
            .WithAllowedMethods({"GET", "HEAD"});
      }
      if (auto response = static_files_->Serve(request)) return std::move(*response);
    }
    throw Error(ErrorKind::kNotFound, Msg("not_found"));
  }
  ctx.route = &match.route->spec;
  ctx.params = std::move(match.params);
  return RunChain(request, ctx, *match.route, 0);
}

Response HttpApp::RunChain(Request& request, RequestContext& ctx, const Route& route,
                           std::size_t index) {
  if (index == middlewares_.size()) {
    // A compressed body is decoded here, past authentication and CSRF, so a stranger's body is
    // never inflated; the route's limit applies to the decoded bytes (a gzip bomb is a 413).
    try {
      DecodeContentEncoding(
          request, route.spec.max_body_bytes ? route.spec.max_body_bytes : options_.max_body_bytes);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::kUnsupportedMediaType) throw;
      auto response = ProblemResponse(e, ctx.request_id, ctx.language);
      response.headers.Set("Accept-Encoding", std::string(kAcceptedContentEncodings));
      return response;
    }
    return route.handler(request, ctx);
  }
  return middlewares_[index](request, ctx,
                             [&] { return RunChain(request, ctx, route, index + 1); });
}

}  // namespace vigor::platform::http
