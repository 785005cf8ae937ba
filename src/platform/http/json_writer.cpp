#include "platform/http/json_writer.hpp"

#include <charconv>
#include <cmath>

#include "platform/obs/log.hpp"

namespace vigor::platform::http {

namespace {

template <class Integer>
void AppendDigits(std::string& out, Integer n) {
  char buffer[24];
  auto end = std::to_chars(buffer, buffer + sizeof buffer, n).ptr;
  out.append(buffer, end);
}

}  // namespace

void AppendJsonNumber(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  if (value == 0) value = 0;  // -0.0 is written 0
  // Without a precision, to_chars writes the shortest text that reads back as `value`; in fixed
  // notation a whole number comes out without a fraction. Like JavaScript's Number#toString,
  // magnitudes from 1e21 up and below 1e-6 (no quantity Vigor stores) take an exponent, which
  // every parser reads exactly; 309 digits of 1.8e308 would not be (Boost.JSON reads inf).
  double magnitude = std::fabs(value);
  auto format = (magnitude == 0 || (magnitude >= 1e-6 && magnitude < 1e21))
                    ? std::chars_format::fixed
                    : std::chars_format::scientific;
  char buffer[64];  // fixed: at most 21 digits before the point, or 6 zeros and 17 digits after it
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value, format).ptr;
  out.append(buffer, end);
}

void AppendJsonInteger(std::string& out, std::int64_t value) { AppendDigits(out, value); }
void AppendJsonInteger(std::string& out, std::uint64_t value) { AppendDigits(out, value); }

JsonWriter& JsonWriter::Open(char bracket) {
  Separate();
  out_.push_back(bracket);
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  out_.push_back(bracket);
  needs_comma_ = true;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  obs::AppendJsonString(out_, key);
  out_.push_back(':');
  needs_comma_ = false;
  return *this;
}

JsonWriter& JsonWriter::Value(std::string_view text) {
  Separate();
  obs::AppendJsonString(out_, text);
  return *this;
}

JsonWriter& JsonWriter::Value(bool value) {
  Separate();
  out_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::Value(std::int64_t value) {
  Separate();
  AppendJsonInteger(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Value(double value) {
  Separate();
  AppendJsonNumber(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_ += "null";
  return *this;
}

}  // namespace vigor::platform::http
