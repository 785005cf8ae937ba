#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigor::platform {

// The closed set of ways a use case can fail. Services throw these and know nothing of HTTP;
// platform/http/problem.cpp is the one place that maps them to status codes.
enum class ErrorKind {
  kBadRequest,            // the request cannot be understood (malformed JSON, bad query)
  kUnauthenticated,       // no or invalid credentials
  kForbidden,             // authenticated, but not allowed (only where existence is not secret)
  kNotFound,              // absent, or not visible to this caller
  kMethodNotAllowed,      // the resource exists, the verb does not
  kConflict,              // clashes with the current state (duplicate, already exists)
  kPreconditionFailed,    // If-Match did not match: a stale write
  kPreconditionRequired,  // an update of an existing item without If-Match (lost-update guard)
  kGone,                  // what the request refers to is no longer kept (a sync point too old)
  kPayloadTooLarge,       // body over the route's limit
  kUnsupportedMediaType,  // wrong Content-Type
  kHeadersTooLarge,       // request headers over the limit
  kValidation,            // well-formed but invalid values; carries field errors
  kRateLimited,           // too many attempts; carries Retry-After
  kUnavailable,           // a dependency (database) is down or the server is draining
  kInternal,              // a bug: logged, never explained to the client
};

struct FieldError {
  std::string field;
  std::string message;
  bool operator==(const FieldError&) const = default;
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& detail, std::vector<FieldError> fields = {})
      : std::runtime_error(detail), kind_(kind), fields_(std::move(fields)) {}

  ErrorKind kind() const { return kind_; }
  std::string_view detail() const { return what(); }
  const std::vector<FieldError>& fields() const { return fields_; }

  // Seconds a rate-limited client should wait; 0 when not applicable.
  int retry_after_seconds() const { return retry_after_seconds_; }
  Error& WithRetryAfter(int seconds) {
    retry_after_seconds_ = seconds;
    return *this;
  }

  // Methods the resource does allow (for kMethodNotAllowed).
  const std::vector<std::string>& allowed_methods() const { return allowed_methods_; }
  Error& WithAllowedMethods(std::vector<std::string> methods) {
    allowed_methods_ = std::move(methods);
    return *this;
  }

 private:
  ErrorKind kind_;
  std::vector<FieldError> fields_;
  int retry_after_seconds_ = 0;
  std::vector<std::string> allowed_methods_;
};

// Collects field errors while validating an input, then throws them all at once.
class FieldErrors {
 public:
  void Add(std::string field, std::string message) {
    errors_.push_back({std::move(field), std::move(message)});
  }
  bool empty() const { return errors_.empty(); }
  void ThrowIfAny(std::string_view detail = "The request has invalid fields.") {
    if (!errors_.empty()) throw Error(ErrorKind::kValidation, std::string(detail), errors_);
  }

 private:
  std::vector<FieldError> errors_;
};

}  // namespace vigor::platform
