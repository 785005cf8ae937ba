#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The HTTP types the application sees. They are plain data so that handlers and tests never
// include Beast (one translation unit, server.cpp, converts between the two).
namespace vigor::platform::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

std::string_view MethodName(Method method);
Method ParseMethod(std::string_view name);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

class Headers {
 public:
  struct Field {
    std::string name;
    std::string value;
  };

  void Add(std::string name, std::string value) {
    fields_.push_back({std::move(name), std::move(value)});
  }
  // Replaces every field of that name.
  void Set(std::string_view name, std::string value);
  void Remove(std::string_view name);
  // Replaces every field named in `fields`, then adds them in their order: Set for a whole set
  // in one pass (the security headers every response gets).
  void SetAll(const std::vector<Field>& fields);
  void Reserve(std::size_t count) { fields_.reserve(count); }
  std::size_t size() const { return fields_.size(); }
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  const std::vector<Field>& fields() const { return fields_; }

 private:
  std::vector<Field> fields_;
};

struct Request {
  Method method = Method::kGet;
  std::string target;  // as sent: path and query, percent-encoded
  Headers headers;
  std::string body;
  std::string remote_address;
  bool tls = false;
  bool keep_alive = true;

  // The path part of the target (still percent-encoded) and the raw query string.
  std::string_view Path() const;
  std::string_view RawQuery() const;
  // The first query parameter of that name, percent-decoded; nullopt when absent.
  std::optional<std::string> QueryParam(std::string_view name) const;
};

class ResponseStream;  // response_stream.hpp

struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  // Set for a long-lived response (Server-Sent Events): the server writes the headers and `body`,
  // then what the stream produces until it ends. Ordinary handlers leave it empty.
  std::shared_ptr<ResponseStream> stream;

  static Response Text(int status, std::string body,
                       std::string content_type = "text/plain; charset=utf-8");
  static Response JsonText(int status, std::string json,
                           std::string content_type = "application/json");
  static Response Empty(int status);
};

}  // namespace vigor::platform::http
