#include "platform/obs/log.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>

#include "platform/time.hpp"

namespace vigor::platform::obs {

struct Logger::Sink {
  std::shared_ptr<spdlog::logger> logger;
};

namespace {

std::string_view LevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
  }
  return "info";
}

std::shared_ptr<spdlog::logger> Configure(std::shared_ptr<spdlog::logger> logger) {
  // The message is the whole JSON line; spdlog only adds the newline.
  logger->set_pattern("%v");
  logger->set_level(spdlog::level::trace);
  logger->flush_on(spdlog::level::trace);
  return logger;
}

}  // namespace

bool ParseLogLevel(std::string_view text, LogLevel& level) {
  for (auto l : {LogLevel::kDebug, LogLevel::kInfo, LogLevel::kWarn, LogLevel::kError}) {
    if (text == LevelName(l)) {
      level = l;
      return true;
    }
  }
  return false;
}

void AppendJsonString(std::string& out, std::string_view text) {
  out.push_back('"');
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

Logger::Logger(LogLevel min_level)
    : min_level_(min_level),
      sink_(std::make_unique<Sink>(Sink{Configure(std::make_shared<spdlog::logger>(
          "vigor", std::make_shared<spdlog::sinks::stderr_sink_mt>()))})) {}

Logger::Logger(LogLevel min_level, const std::string& file_path)
    : min_level_(min_level),
      sink_(std::make_unique<Sink>(Sink{Configure(std::make_shared<spdlog::logger>(
          "vigor", std::make_shared<spdlog::sinks::basic_file_sink_mt>(file_path)))})) {}

Logger::~Logger() = default;

void Logger::Log(LogLevel level, std::string_view msg, std::initializer_list<LogField> fields) {
  if (!Enabled(level)) return;
  std::string line;
  line.reserve(160);
  line += "{\"ts\":\"";
  line += FormatRfc3339(std::chrono::system_clock::now());
  line += "\",\"level\":\"";
  line += LevelName(level);
  line += "\",\"msg\":";
  AppendJsonString(line, msg);
  for (const auto& field : fields) {
    line.push_back(',');
    AppendJsonString(line, field.key);
    line.push_back(':');
    std::visit(
        [&](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string_view>) {
            AppendJsonString(line, v);
          } else if constexpr (std::is_same_v<T, bool>) {
            line += v ? "true" : "false";
          } else if constexpr (std::is_same_v<T, double>) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.3f", v);
            line += buf;
          } else {
            line += std::to_string(v);
          }
        },
        field.value);
  }
  line.push_back('}');
  sink_->logger->log(spdlog::level::info, "{}", line);
}

void Logger::Flush() { sink_->logger->flush(); }

}  // namespace vigor::platform::obs
