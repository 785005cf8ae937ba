#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "platform/http/context.hpp"
#include "platform/http/handler.hpp"
#include "platform/http/router.hpp"
#include "platform/http/trusted_proxies.hpp"

namespace vigor::platform::obs {
class Logger;
class MetricsRegistry;
class CounterFamily;
class GaugeFamily;
class HistogramFamily;
}  // namespace vigor::platform::obs

namespace vigor::platform::http {

class StaticFiles;

// Runs after routing, around the handler: authentication, CSRF and rate limits go here.
using Next = std::function<Response()>;
using Middleware = std::function<Response(Request&, RequestContext&, const Next&)>;

struct AppOptions {
  bool tls = false;        // adds HSTS
  bool access_log = true;  // one log line per request
  // One more CSP img-src source (an admin-configured map tile server), or "" for none. Asked
  // for every response, so it must be a cached value, never a database read.
  std::function<std::string()> image_source;
  // Whose X-Forwarded-For names the client (see TrustedProxies); none by default.
  TrustedProxies trusted_proxies;
  // The body limit of routes that set none (the server's, ServerOptions::max_body_bytes): a
  // compressed body is held to its route's limit once decoded.
  std::size_t max_body_bytes = 1024 * 1024;
  // ETag and 304 on the API's cacheable JSON reads (conditional_get.hpp); off only to measure
  // what they cost.
  bool conditional_gets = true;
};

// What a 503 for a storage failure asks the client to wait (Retry-After): long enough for a busy
// writer to drain or a database restart to finish, short enough that a person barely notices.
inline constexpr int kStorageRetryAfterSeconds = 3;

// The application as the server sees it: request id, access log, metrics, security headers and
// error mapping around the router, with the web app as the fallback for unrouted GETs.
class HttpApp final : public RequestHandler {
 public:
  HttpApp(Router router, const StaticFiles* static_files, AppOptions options, obs::Logger& logger,
          obs::MetricsRegistry& metrics);

  void Use(Middleware middleware) { middlewares_.push_back(std::move(middleware)); }
  const Router& router() const { return router_; }

  RouteTraits Traits(Method method, std::string_view target) const override;
  Response Handle(Request& request) override;
  Response Reject(Request& request, const Error& error) override;

 private:
  Response Dispatch(Request& request, RequestContext& ctx);
  Response RunChain(Request& request, RequestContext& ctx, const Route& route, std::size_t index);
  Response Wrap(Request& request, const std::function<Response(RequestContext&)>& inner);

  Router router_;
  const StaticFiles* static_files_;
  AppOptions options_;
  obs::Logger& logger_;
  obs::CounterFamily& requests_total_;
  obs::HistogramFamily& request_duration_;
  obs::GaugeFamily& in_flight_;
  std::vector<Middleware> middlewares_;
};

// Security headers every response carries. `image_source` (a CSP source such as
// "https://*.tile.example.org", or "") is added to img-src.
void ApplySecurityHeaders(Response& response, bool tls, std::string_view image_source = {});

}  // namespace vigor::platform::http
