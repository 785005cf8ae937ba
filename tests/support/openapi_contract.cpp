#include "support/openapi_contract.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <sstream>

namespace vigor::testing {

extern const char* const kOpenApiContractJson;  // generated from api/openapi.yaml

namespace json = boost::json;

namespace {

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    out.emplace_back(path.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

bool IsParameter(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

// "application/json; charset=utf-8" -> "application/json"
std::string MediaType(const std::string& content_type) {
  std::string type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  while (!type.empty() && type.front() == ' ') type.erase(0, 1);
  return Lower(type);
}

bool IsJson(const std::string& media_type) {
  return media_type == "application/json" ||
         (media_type.size() > 5 && media_type.ends_with("+json"));
}

bool Accepted(int status) { return status >= 200 && status < 400; }

// The content key of `content` that `media_type` is, exactly or through "type/*" and "*/*".
std::optional<std::string> ContentKey(const json::object& content, const std::string& media_type) {
  for (const auto& [key, _] : content) {
    if (Lower(std::string(key)) == media_type) return std::string(key);
  }
  auto slash = media_type.find('/');
  std::string range = media_type.substr(0, slash) + "/*";
  if (content.contains(range)) return range;
  if (content.contains("*/*")) return std::string("*/*");
  return std::nullopt;
}

std::string Keys(const json::object& object) {
  std::string out;
  for (const auto& [key, _] : object) out += (out.empty() ? "" : ", ") + std::string(key);
  return out.empty() ? "none" : out;
}

}  // namespace

OpenApiContract::OpenApiContract(json::value document) : schemas_(std::move(document)) {
  if (const auto* paths = schemas_.Find("/paths"); paths && paths->is_object()) {
    for (const auto& [path, _] : paths->get_object()) templates_.emplace_back(path);
  }
}

const OpenApiContract& OpenApiContract::Vigor() {
  static const OpenApiContract contract(json::parse(kOpenApiContractJson));
  return contract;
}

std::optional<std::string> OpenApiContract::MatchPath(const std::string& path) const {
  auto parts = Segments(path);
  std::optional<std::string> best;
  int best_literals = -1;
  for (const auto& candidate : templates_) {
    auto pattern = Segments(candidate);
    if (pattern.size() != parts.size()) continue;
    int literals = 0;
    bool match = true;
    for (std::size_t i = 0; i < parts.size() && match; ++i) {
      if (IsParameter(pattern[i])) {
        match = !parts[i].empty();
      } else {
        match = pattern[i] == parts[i];
        ++literals;
      }
    }
    if (match && literals > best_literals) {
      best = candidate;
      best_literals = literals;
    }
  }
  return best;
}

void OpenApiContract::CheckBody(const std::string& what, const std::string& content_pointer,
                                const std::string& media_type, const std::string& body,
                                std::vector<std::string>& out) const {
  if (!IsJson(media_type)) return;  // text, CSV, GPX, event streams: the media type is the check
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) {
    out.push_back(what + " is not JSON (" + ec.message() + ")");
    return;
  }
  std::string schema_pointer = content_pointer + "/schema";
  if (!schemas_.Find(schema_pointer)) return;  // a media type without a schema takes any JSON
  for (const auto& v : schemas_.Validate(schema_pointer, value)) {
    out.push_back(what + " " + v.ToString());
  }
}

std::vector<std::string> OpenApiContract::Check(const Exchange& exchange) const {
  std::vector<std::string> out;
  std::string path = exchange.target.substr(0, exchange.target.find_first_of("?#"));
  std::string method = Lower(exchange.method);
  auto template_path = MatchPath(path);
  if (!template_path) {
    out.push_back("no path of the contract matches " + path);
    return out;
  }
  std::string path_pointer = "/paths/" + EscapePointer(*template_path);
  std::string operation_method = method == "head" ? "get" : method;
  std::string operation_pointer = path_pointer + "/" + operation_method;
  const json::value* operation = schemas_.Find(operation_pointer);
  if (!operation || !operation->is_object()) {
    out.push_back("the contract has no " + exchange.method + " " + *template_path);
    return out;
  }
  std::string route = exchange.method + " " + *template_path;
  std::string status = std::to_string(exchange.status);

  // The request body.
  std::string request_media = MediaType(exchange.request_content_type);
  const json::value* request_body = operation->get_object().if_contains("requestBody");
  std::string request_body_pointer = operation_pointer + "/requestBody";
  if (request_body) {
    if (const auto* ref = request_body->as_object().if_contains("$ref")) {
      request_body_pointer = std::string(ref->as_string()).substr(1);
      request_body = schemas_.Find(request_body_pointer);
    }
  }
  if (Accepted(exchange.status)) {
    std::string where = route + " -> " + status + ": the server accepted ";
    if (!exchange.request_body.empty() && !request_body) {
      out.push_back(where + "a request body, and the route takes none");
    } else if (exchange.request_body.empty() && request_body && request_body->is_object()) {
      const auto* required = request_body->as_object().if_contains("required");
      if (required && required->is_bool() && required->get_bool()) {
        out.push_back(where + "a request without the body the contract requires");
      }
    } else if (!exchange.request_body.empty() && request_body && request_body->is_object()) {
      const auto* content = request_body->as_object().if_contains("content");
      if (content && content->is_object()) {
        auto key = ContentKey(content->get_object(), request_media);
        if (!key) {
          out.push_back(where + "a request body of type \"" + request_media +
                        "\"; the contract lists " + Keys(content->get_object()));
        } else {
          CheckBody(where + "a request body that breaks the contract:",
                    request_body_pointer + "/content/" + EscapePointer(*key), request_media,
                    exchange.request_body, out);
        }
      }
    }
  }

  // The response.
  const auto* responses_value = operation->get_object().if_contains("responses");
  if (!responses_value || !responses_value->is_object()) {
    out.push_back(route + " documents no responses");
    return out;
  }
  const auto& responses = responses_value->get_object();
  std::string key = status;
  if (!responses.contains(key)) key = status.substr(0, 1) + "XX";
  if (!responses.contains(key)) key = "default";
  if (!responses.contains(key)) {
    out.push_back(route + " answered " + status + ", a status the contract does not document (" +
                  Keys(responses) + ")");
    return out;
  }
  std::string response_pointer = operation_pointer + "/responses/" + key;
  const json::value* response = schemas_.Find(response_pointer);
  if (response->is_object()) {
    if (const auto* ref = response->as_object().if_contains("$ref")) {
      response_pointer = std::string(ref->as_string()).substr(1);
      response = schemas_.Find(response_pointer);
    }
  }
  if (!response || !response->is_object()) {
    out.push_back(route + " -> " + status + ": the contract's response cannot be resolved");
    return out;
  }
  const auto* content = response->as_object().if_contains("content");
  std::string response_media = MediaType(exchange.response_content_type);
  std::string where = route + " -> " + status;
  if (!content || !content->is_object() || content->get_object().empty()) {
    if (!exchange.response_body.empty() && method != "head") {
      out.push_back(where + ": a body of type \"" + response_media +
                    "\" where the contract documents none");
    }
    return out;
  }
  auto content_key = ContentKey(content->get_object(), response_media);
  if (!content_key) {
    out.push_back(where + ": Content-Type \"" + response_media + "\", the contract documents " +
                  Keys(content->get_object()));
    return out;
  }
  if (method == "head" || !exchange.response_body_read) return out;
  CheckBody(where + ":", response_pointer + "/content/" + EscapePointer(*content_key),
            response_media, exchange.response_body, out);
  return out;
}

namespace {
thread_local int off_contract_depth = 0;
}  // namespace

OffContract::OffContract(const char* why) {
  (void)why;  // for the reader of the test
  ++off_contract_depth;
}
OffContract::~OffContract() { --off_contract_depth; }
bool OffContract::Active() { return off_contract_depth > 0; }

void ExpectKeepsContract(const Exchange& exchange) {
  if (OffContract::Active()) return;
  const auto& contract = OpenApiContract::Vigor();
  std::string path = exchange.target.substr(0, exchange.target.find_first_of("?#"));
  if (!path.starts_with("/api/") && !contract.MatchPath(path)) return;  // the web app's files
  auto violations = contract.Check(exchange);
  if (violations.empty()) return;
  std::ostringstream message;
  message << "The exchange breaks api/openapi.yaml: " << exchange.method << " " << exchange.target
          << " -> " << exchange.status << "\n";
  for (const auto& v : violations) message << "  " << v << "\n";
  std::string body = exchange.response_body.substr(0, 600);
  message << "  response body: " << body << (exchange.response_body.size() > 600 ? "..." : "");
  ADD_FAILURE() << message.str();
}

}  // namespace vigor::testing
