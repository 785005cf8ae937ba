#include "platform/http/router.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

namespace vigor::platform::http {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool DecodeSegment(std::string_view in, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      int hi = HexValue(in[i + 1]);
      int lo = HexValue(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0' || c == '/' || c == '\\') return false;
    out.push_back(c);
  }
  return out != "." && out != "..";
}

bool IsParam(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

// One segment position of the route tree: literal segments by text, every "{parameter}" under
// one child (its name is the route's own), and the routes whose path ends here.
struct Router::Node {
  std::map<std::string, std::unique_ptr<Node>, std::less<>> literals;
  std::unique_ptr<Node> parameter;
  std::vector<std::size_t> routes;  // indexes into routes_
};

Router::Router() : root_(std::make_unique<Node>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

const std::string& PathParams::Get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (k == name) return v;
  }
  throw std::logic_error("route has no path parameter " + std::string(name));
}

bool SplitPath(std::string_view path, std::vector<std::string>& segments) {
  segments.clear();
  if (path.empty() || path.front() != '/') return false;
  std::size_t start = 1;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view raw = path.substr(start, end - start);
    // "/a/" and "/a" are the same resource; empty inner segments ("//") are not allowed.
    if (raw.empty()) {
      if (end != path.size()) return false;
      break;
    }
    std::string decoded;
    if (!DecodeSegment(raw, decoded)) return false;
    segments.push_back(std::move(decoded));
    start = end + 1;
  }
  return true;
}

void Router::Add(RouteSpec spec, Handler handler) {
  if (spec.access == Access::kUnspecified) {
    throw std::logic_error("route " + spec.path + " does not declare who may call it");
  }
  if (spec.method == Method::kHead || spec.method == Method::kOther) {
    throw std::logic_error("route " + spec.path + ": HEAD is served by GET routes");
  }
  Route route{std::move(spec), std::move(handler), {}};
  std::string_view p = route.spec.path;
  std::size_t start = 1;
  while (start < p.size()) {
    auto end = p.find('/', start);
    if (end == std::string_view::npos) end = p.size();
    route.segments.emplace_back(p.substr(start, end - start));
    start = end + 1;
  }
  // Routes of one shape (the same literals, parameters in the same places) end on one node.
  Node* node = root_.get();
  for (const auto& segment : route.segments) {
    std::unique_ptr<Node>& next = IsParam(segment) ? node->parameter : node->literals[segment];
    if (!next) next = std::make_unique<Node>();
    node = next.get();
  }
  for (std::size_t index : node->routes) {
    if (routes_[index].spec.method == route.spec.method) {
      throw std::logic_error("route registered twice: " + route.spec.path);
    }
  }
  node->routes.push_back(routes_.size());
  routes_.push_back(std::move(route));
}

namespace {

// A route the path matches, and how many of its segments matched literally.
struct Candidate {
  std::size_t index;
  int literal_segments;
};

template <class Node>
void Collect(const Node& node, const std::vector<std::string>& segments, std::size_t depth,
             int literal_segments, std::vector<Candidate>& out) {
  if (depth == segments.size()) {
    for (std::size_t index : node.routes) out.push_back({index, literal_segments});
    return;
  }
  auto literal = node.literals.find(segments[depth]);
  if (literal != node.literals.end()) {
    Collect(*literal->second, segments, depth + 1, literal_segments + 1, out);
  }
  if (node.parameter) Collect(*node.parameter, segments, depth + 1, literal_segments, out);
}

}  // namespace

Router::Match Router::Find(Method method, std::string_view path) const {
  Match match;
  std::vector<std::string> segments;
  if (!SplitPath(path, segments)) return match;
  Method wanted = method == Method::kHead ? Method::kGet : method;

  std::vector<Candidate> candidates;
  Collect(*root_, segments, 0, 0, candidates);
  // In the order the routes were added, as the Allow header lists them; the first of the most
  // literal matches wins, so "/workouts/import" beats "/workouts/{id}".
  std::sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.index < b.index; });
  int best_score = -1;
  for (const auto& candidate : candidates) {
    const Route& route = routes_[candidate.index];
    if (route.spec.method != wanted || candidate.literal_segments <= best_score) continue;
    best_score = candidate.literal_segments;
    match.route = &route;
  }
  if (match.route == nullptr) {
    // Only a 405 needs the methods the path accepts.
    for (const auto& candidate : candidates) {
      const Route& route = routes_[candidate.index];
      std::string name(MethodName(route.spec.method));
      if (std::find(match.allowed.begin(), match.allowed.end(), name) == match.allowed.end()) {
        match.allowed.push_back(name);
        if (route.spec.method == Method::kGet) match.allowed.emplace_back("HEAD");
      }
    }
    return match;
  }
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const auto& seg = match.route->segments[i];
    if (IsParam(seg)) match.params.Add(seg.substr(1, seg.size() - 2), segments[i]);
  }
  return match;
}

}  // namespace vigor::platform::http
