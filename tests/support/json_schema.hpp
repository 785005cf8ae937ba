#pragma once

#include <boost/json/value.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <vector>

namespace vigor::testing {

// Where a value breaks a schema: the JSON pointer of the value ("" is the whole document,
// "/blocks/0/sets/1/reps"), the schema location of the rule ("#/components/schemas/WorkoutSet/
// properties/reps") and what the rule wanted.
struct SchemaViolation {
  std::string pointer;
  std::string schema_path;
  std::string rule;  // "type", "required", "additionalProperties", ...
  std::string message;
  std::string ToString() const;
};

// A JSON Schema validator for the subset an OpenAPI 3.1 contract uses, over Boost.JSON:
// $ref (local, "#/..."), allOf, anyOf, oneOf, not, type (one or a list; "integer" includes 2.0),
// nullable (OpenAPI 3.0), const, enum, properties, required, additionalProperties (boolean or
// schema), minProperties, maxProperties, items, minItems, maxItems, uniqueItems, minLength and
// maxLength (in code points), pattern (ECMAScript, unanchored), minimum, maximum,
// exclusiveMinimum and exclusiveMaximum (numbers, and the OpenAPI 3.0 booleans), multipleOf, and
// format date-time, date, uuid and email. Other keywords (description, example, default, format
// binary, contentSchema, ...) say nothing about a value and are ignored. Thread-safe.
class JsonSchemaValidator {
 public:
  // `document` holds the schemas; every $ref is resolved inside it.
  explicit JsonSchemaValidator(boost::json::value document);

  const boost::json::value& document() const { return document_; }

  // Validates `value` against the schema at `schema_pointer` of the document ("" is the whole
  // document, "/components/schemas/Workout"). Empty when the value conforms.
  std::vector<SchemaViolation> Validate(const std::string& schema_pointer,
                                        const boost::json::value& value) const;

  // The value at a JSON pointer of the document, or nullptr.
  const boost::json::value* Find(const std::string& pointer) const;

 private:
  struct Walk;
  void Check(const boost::json::value& schema, const std::string& schema_path,
             const boost::json::value& value, const std::string& pointer, Walk& walk) const;
  bool Matches(const std::string& pattern, const std::string& text) const;

  boost::json::value document_;
  mutable std::mutex regex_mutex_;
  mutable std::map<std::string, std::shared_ptr<const std::regex>> regexes_;
};

// A JSON pointer segment ("a/b" -> "a~1b").
std::string EscapePointer(const std::string& segment);

}  // namespace vigor::testing
