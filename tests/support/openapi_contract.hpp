#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/json_schema.hpp"

namespace vigor::testing {

// One request and the response it got, as the contract sees them.
struct Exchange {
  std::string method;  // GET, POST, ...
  std::string target;  // path and query, as sent
  std::string request_content_type;
  std::string request_body;
  int status = 0;
  std::string response_content_type;
  std::string response_body;
  bool response_body_read = true;  // false when only the head was read (a stream): not checked
};

// api/openapi.yaml as a checker of exchanges. Check says, one line each, where an exchange
// breaks the contract:
// - the route (path template + method; HEAD as GET) is not in it;
// - the status is not documented for the route (nor covered by "4XX"-style ranges or default);
// - the response's Content-Type is not one the status documents, or a body comes where none is
//   documented;
// - a JSON body (application/json, +json) does not validate against the schema of its route,
//   status and media type (every violation with its JSON pointer and rule);
// - the request sent a body the route does not take, of a media type it does not list, or
//   one that does not validate against its schema, and the server accepted it anyway (2xx or
//   3xx). Tests send invalid bodies on purpose to see them refused: the contract holds as long
//   as the server refuses what the contract refuses.
class OpenApiContract {
 public:
  explicit OpenApiContract(boost::json::value document);

  // api/openapi.yaml, embedded at build time (scripts/openapi-json).
  static const OpenApiContract& Vigor();

  std::vector<std::string> Check(const Exchange& exchange) const;

  // The path template that `path` (no query) matches, literal segments before parameters
  // ("/api/v1/measurements/kinds" before "/api/v1/measurements/{id}"); nullopt when none does.
  std::optional<std::string> MatchPath(const std::string& path) const;

  const JsonSchemaValidator& schemas() const { return schemas_; }

 private:
  void CheckBody(const std::string& what, const std::string& content_pointer,
                 const std::string& media_type, const std::string& body,
                 std::vector<std::string>& out) const;

  JsonSchemaValidator schemas_;
  std::vector<std::string> templates_;
};

// Fails the running test (ADD_FAILURE) with one line per violation when `exchange` breaks
// api/openapi.yaml. Every client the integration tests share calls it. Requests for the web
// app's files (outside /api/ and matching no path of the contract) are not the API's: skipped.
void ExpectKeepsContract(const Exchange& exchange);

// While one lives on this thread, ExpectKeepsContract checks nothing: for a test that sends what
// no client of the API would on purpose (an unknown path, a method a path does not have, a
// forged or malformed request) to see how the server refuses it. Say why.
class OffContract {
 public:
  explicit OffContract(const char* why);
  ~OffContract();
  OffContract(const OffContract&) = delete;
  OffContract& operator=(const OffContract&) = delete;
  static bool Active();
};

}  // namespace vigor::testing
