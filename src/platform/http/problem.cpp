#include "platform/http/problem.hpp"

#include <boost/json/value.hpp>

#include "platform/http/json.hpp"

namespace vigor::platform::http {

namespace {

struct KindInfo {
  int status;
  std::string_view slug;
  std::string_view title;
};

KindInfo Info(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kBadRequest:
      return {400, "bad-request", "Bad request"};
    case ErrorKind::kUnauthenticated:
      return {401, "unauthenticated", "Authentication required"};
    case ErrorKind::kForbidden:
      return {403, "forbidden", "Forbidden"};
    case ErrorKind::kNotFound:
      return {404, "not-found", "Not found"};
    case ErrorKind::kMethodNotAllowed:
      return {405, "method-not-allowed", "Method not allowed"};
    case ErrorKind::kConflict:
      return {409, "conflict", "Conflict"};
    case ErrorKind::kPreconditionFailed:
      return {412, "precondition-failed", "Precondition failed"};
    case ErrorKind::kPreconditionRequired:
      return {428, "precondition-required", "Precondition required"};
    case ErrorKind::kGone:
      return {410, "gone", "Gone"};
    case ErrorKind::kPayloadTooLarge:
      return {413, "payload-too-large", "Payload too large"};
    case ErrorKind::kUnsupportedMediaType:
      return {415, "unsupported-media-type", "Unsupported media type"};
    case ErrorKind::kHeadersTooLarge:
      return {431, "headers-too-large", "Request header fields too large"};
    case ErrorKind::kValidation:
      return {422, "validation", "Validation failed"};
    case ErrorKind::kRateLimited:
      return {429, "rate-limited", "Too many requests"};
    case ErrorKind::kUnavailable:
      return {503, "unavailable", "Service unavailable"};
    case ErrorKind::kInternal:
      break;
  }
  return {500, "internal", "Internal server error"};
}

}  // namespace

int HttpStatus(ErrorKind kind) { return Info(kind).status; }

Response ProblemResponse(const Error& error, std::string_view request_id) {
  KindInfo info = Info(error.kind());
  boost::json::object body;
  body["type"] = std::string("urn:vigor:problem:") + std::string(info.slug);
  body["title"] = info.title;
  body["status"] = info.status;
  if (error.kind() == ErrorKind::kInternal) {
    body["detail"] =
        "Something went wrong on our side. Try again; if it persists, tell the "
        "operator this request id.";
  } else if (!error.detail().empty()) {
    body["detail"] = error.detail();
  }
  if (!request_id.empty()) body["request_id"] = request_id;
  if (!error.fields().empty()) {
    boost::json::array fields;
    for (const auto& f : error.fields()) {
      fields.push_back(boost::json::object{{"field", f.field}, {"message", f.message}});
    }
    body["errors"] = std::move(fields);
  }
  Response response =
      Response::JsonText(info.status, SerializeJson(body), "application/problem+json");
  if (error.kind() == ErrorKind::kMethodNotAllowed && !error.allowed_methods().empty()) {
    std::string allow;
    for (const auto& m : error.allowed_methods()) {
      if (!allow.empty()) allow += ", ";
      allow += m;
    }
    response.headers.Set("Allow", allow);
  }
  if ((error.kind() == ErrorKind::kRateLimited || error.kind() == ErrorKind::kUnavailable) &&
      error.retry_after_seconds() > 0) {
    response.headers.Set("Retry-After", std::to_string(error.retry_after_seconds()));
  }
  return response;
}

}  // namespace vigor::platform::http
