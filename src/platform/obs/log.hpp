#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace vigor::platform::obs {

enum class LogLevel { kDebug, kInfo, kWarn, kError };

bool ParseLogLevel(std::string_view text, LogLevel& level);

using LogValue = std::variant<std::string_view, std::int64_t, double, bool>;
struct LogField {
  std::string_view key;
  LogValue value;
};

// Structured logs: one JSON object per line ({"ts","level","msg",...fields}), written by a
// thread of their own (no line is dropped; warnings and errors are written before Log returns).
// Never pass secrets (passwords, tokens, cookies, full URLs with query strings) as fields.
class Logger {
 public:
  // Writes to standard error.
  explicit Logger(LogLevel min_level);
  // Writes to a file (tests read it back).
  Logger(LogLevel min_level, const std::string& file_path);
  ~Logger();
  Logger(const Logger&) = delete;
  Logger& operator=(const Logger&) = delete;

  bool Enabled(LogLevel level) const { return level >= min_level_; }
  void Log(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields = {});
  void Debug(std::string_view msg, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kDebug, msg, fields);
  }
  void Info(std::string_view msg, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kInfo, msg, fields);
  }
  void Warn(std::string_view msg, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kWarn, msg, fields);
  }
  void Error(std::string_view msg, std::initializer_list<LogField> fields = {}) {
    Log(LogLevel::kError, msg, fields);
  }
  void Flush();

 private:
  struct Sink;
  LogLevel min_level_;
  std::unique_ptr<Sink> sink_;
};

// Appends `text` to `out` as a JSON string literal (quotes included).
void AppendJsonString(std::string& out, std::string_view text);

}  // namespace vigor::platform::obs
