#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "platform/http/handler.hpp"
#include "platform/http/message.hpp"

namespace vigor::platform::http {

// Who may call a route. There is deliberately no default: a route that does not say is refused
// at registration (deny by default).
enum class Access {
  kUnspecified,
  kPublic,         // anyone, signed in or not
  kAuthenticated,  // any signed-in user or token holding `scope`
  kModerator,
  kAdmin,
};

struct RouteSpec {
  Method method = Method::kGet;
  std::string path;  // template, e.g. "/api/v1/workouts/{id}"
  Access access = Access::kUnspecified;
  std::string scope;  // token scope needed, e.g. "workouts:write"; empty for none
  // Only a signed-in browser session may call it, never a token (managing tokens, 2FA, password).
  bool session_only = false;
  // Skips the CSRF check: only for operator tools that no browser session can reach with
  // authority (no credentials are involved at all).
  bool csrf_exempt = false;
  // Whether the handler may block (database, hashing): then it runs on the worker pool, never on
  // an I/O thread. Only trivial in-memory routes set this to false.
  bool blocking = true;
  // Largest body accepted; 0 means the server's default.
  std::size_t max_body_bytes = 0;
};

class PathParams {
 public:
  void Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  // The decoded value; throws if the route has no such parameter (a programming error).
  const std::string& Get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

struct RequestContext;
using Handler = std::function<Response(const Request&, RequestContext&)>;

struct Route {
  RouteSpec spec;
  Handler handler;
  std::vector<std::string> segments;  // "{name}" marks a parameter
  // What its handler took lately, in microseconds, as the server measures it (RouteCost).
  std::shared_ptr<RouteCost> cost = std::make_shared<RouteCost>();
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  void Add(RouteSpec spec, Handler handler);

  struct Match {
    const Route* route = nullptr;  // null when nothing matched this method
    PathParams params;
    std::vector<std::string> allowed;  // when route is null: the methods the path accepts (405)
  };
  // `path` is percent-encoded, as sent. HEAD matches GET routes.
  Match Find(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  // The routes as a tree of their segments (router.cpp): a look-up walks the path's segments
  // rather than comparing it with every route (issue 16: the scan was ~3% of a request).
  struct Node;
  std::vector<Route> routes_;
  std::unique_ptr<Node> root_;
};

// Splits a percent-encoded path into decoded segments; false when it cannot be decoded or a
// segment would be "." / ".." / contain a NUL or '/'.
bool SplitPath(std::string_view path, std::vector<std::string>& segments);

}  // namespace vigor::platform::http
