#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "core/limits.hpp"
#include "platform/error.hpp"
#include "platform/http/message.hpp"

// Decoding and encoding JSON bodies. Included by handlers only (api layer), not by services.
namespace vigor::platform::http {

// The body as a JSON object. Throws kUnsupportedMediaType unless Content-Type is JSON, and
// kBadRequest for malformed JSON or a non-object.
boost::json::object ParseJsonObject(const Request& request);

// JSON text as people write numbers: a double is written in plain decimal, the shortest text
// that reads back as the same double (3600.0 -> 3600, 0.845 -> 0.845; Boost.JSON's own
// serialize writes 3.6E3). As in JavaScript, only magnitudes of 1e21 and more or below 1e-6
// take an exponent. A non-finite double (which JSON cannot hold) is null. Every response body
// goes through it.
std::string SerializeJson(const boost::json::value& value);

Response Json(int status, const boost::json::value& body);

// Reads typed fields from a JSON object, collecting every problem as a field error.
class JsonFields {
 public:
  JsonFields(const boost::json::object& object, FieldErrors& errors)
      : object_(object), errors_(errors) {}

  // The characters a text may hold. Every text refuses invalid UTF-8 and U+0000 (which
  // PostgreSQL's text cannot hold). A line (the default: names, titles, ids, zones) refuses every
  // control character (U+0001-U+001F, U+007F, U+0080-U+009F); a multi-line text (notes,
  // descriptions) allows line feed, carriage return and tab among them. A secret (a password) is
  // never shown to anyone and is compared as sent, so it keeps any other character: refusing one
  // now could lock out an account whose password has it.
  enum class Text { kLine, kMultiLine, kSecret };
  struct StringRule {
    bool required = false;
    std::size_t min_length = 0;
    std::size_t max_length = 1024;
    Text text = Text::kLine;
  };
  std::optional<std::string> String(std::string_view name, StringRule rule);
  std::optional<std::int64_t> Int(std::string_view name, bool required, std::int64_t min,
                                  std::int64_t max);
  std::optional<double> Number(std::string_view name, bool required, double min, double max);
  // The same with a range of core/limits.hpp, where every recorded value's limits are declared.
  std::optional<std::int64_t> Int(std::string_view name, bool required,
                                  core::limits::Range<std::int64_t> range) {
    return Int(name, required, range.min, range.max);
  }
  std::optional<double> Number(std::string_view name, bool required,
                               core::limits::Range<double> range) {
    return Number(name, required, range.min, range.max);
  }
  std::optional<bool> Bool(std::string_view name, bool required);
  // Adds an error for every member not in `known`.
  void RejectUnknown(std::initializer_list<std::string_view> known);

 private:
  const boost::json::value* Find(std::string_view name, bool required);
  const boost::json::object& object_;
  FieldErrors& errors_;
};

namespace detail {
struct JsonBodyStorage {
  boost::json::object object;
  FieldErrors errors;
};
}  // namespace detail

// A request's JSON body with its field reader: the usual way a handler decodes its input.
//   http::JsonBody body(request);
//   auto name = body.Required("name", 100);
//   body.Finish({"name"});  // refuses unknown members, throws every field error at once
class JsonBody : private detail::JsonBodyStorage, public JsonFields {
 public:
  explicit JsonBody(const Request& request)
      : detail::JsonBodyStorage{ParseJsonObject(request), {}}, JsonFields(object, errors) {}

  const boost::json::object& json() const { return object; }
  FieldErrors& field_errors() { return errors; }
  // A required string of `min` to `max` characters; empty when missing (the error is recorded).
  std::string Required(std::string_view name, std::size_t max, std::size_t min = 1) {
    return String(name, {.required = true, .min_length = min, .max_length = max}).value_or("");
  }
  // A required password (Text::kSecret).
  std::string RequiredSecret(std::string_view name, std::size_t max) {
    return String(name,
                  {.required = true, .min_length = 1, .max_length = max, .text = Text::kSecret})
        .value_or("");
  }
  void Finish(std::initializer_list<std::string_view> known) {
    RejectUnknown(known);
    errors.ThrowIfAny();
  }
};

}  // namespace vigor::platform::http
