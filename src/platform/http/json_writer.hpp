#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// JSON text written straight into a string. Included by handlers' encoders only (api layer).
namespace vigor::platform::http {

// The forms every response body uses (SerializeJson writes its trees with them): a double as
// the shortest plain decimal that reads back the same (3600, 0.845; null when not finite), an
// integer as its digits.
void AppendJsonNumber(std::string& out, double value);
void AppendJsonInteger(std::string& out, std::int64_t value);
void AppendJsonInteger(std::string& out, std::uint64_t value);

// Writes a JSON document as it is called: no boost::json tree is built and freed first. For the
// hot read routes (issue 16): on the workout history page the tree and its serialization were
// ~22% of the request. The text is what SerializeJson writes for the same tree; members come out
// in call order, and the caller keeps the nesting right (BeginObject ... EndObject).
//
//   JsonWriter json;
//   json.BeginObject().Field("id", id).Key("items").BeginArray() ... .EndArray().EndObject();
//   std::string text = std::move(json).Take();
class JsonWriter {
 public:
  explicit JsonWriter(std::size_t reserve = 256) { out_.reserve(reserve); }

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }
  // A member's name; its value is the next call.
  JsonWriter& Key(std::string_view key);

  JsonWriter& Value(std::string_view text);
  JsonWriter& Value(const std::string& text) { return Value(std::string_view(text)); }
  JsonWriter& Value(const char* text) { return Value(std::string_view(text)); }
  JsonWriter& Value(bool value);
  JsonWriter& Value(std::int64_t value);
  JsonWriter& Value(int value) { return Value(static_cast<std::int64_t>(value)); }
  JsonWriter& Value(double value);
  JsonWriter& Null();
  template <class T>
  JsonWriter& Value(const std::optional<T>& value) {
    return value ? Value(*value) : Null();
  }

  template <class T>
  JsonWriter& Field(std::string_view key, const T& value) {
    Key(key);
    return Value(value);
  }

  std::string Take() && { return std::move(out_); }

 private:
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);
  // A comma before every value but the first of its array, and before every key but the first
  // of its object; a member's value follows its key's colon directly.
  void Separate() {
    if (needs_comma_) out_.push_back(',');
    needs_comma_ = true;
  }

  std::string out_;
  bool needs_comma_ = false;
};

}  // namespace vigor::platform::http
