#include "platform/obs/log.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "platform/time.hpp"

namespace vigor::platform::obs {

// Lines are formatted by the caller and handed to a writer thread of their own, which writes
// whatever has gathered in one write(2): the request path never waits for the terminal, the
// journal or the disk, and a busy server writes many lines per system call (issue 16: the
// access log, written and flushed line by line under a lock, cost about 15% of /healthz).
// Every line is kept: when the writer falls behind by kMaxPending bytes, callers wait for it
// instead of dropping lines. Flush() returns once everything logged before it is written.
// Woken by the first line of a batch, the writer lets the batch gather for kGather (or until
// kBatchBytes) before it writes: one wake-up and one write(2) for many requests' lines, where
// waking it for every line cost a futex call and a thread switch per request.
struct Logger::Sink {
  static constexpr std::size_t kMaxPending = 4 * 1024 * 1024;
  static constexpr std::size_t kBatchBytes = 64 * 1024;
  static constexpr auto kGather = std::chrono::milliseconds(2);

  Sink(int fd, bool owned) : fd(fd), owned(owned), writer([this] { Run(); }) {}
  ~Sink() {
    {
      std::lock_guard lock(mutex);
      stop = true;
    }
    wake.notify_one();
    writer.join();
    if (owned) ::close(fd);
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;

  void Append(std::string_view line) {
    std::unique_lock lock(mutex);
    written.wait(lock, [&] { return pending.size() < kMaxPending; });
    bool was_empty = pending.empty();
    pending.append(line);
    appended += line.size();
    if (was_empty ||
        (pending.size() >= kBatchBytes && pending.size() - line.size() < kBatchBytes)) {
      wake.notify_one();
    }
  }

  // Waits for what was appended before the call, not for a quiet moment: under a steady stream
  // of lines the queue is never empty.
  void Flush() {
    std::unique_lock lock(mutex);
    std::uint64_t target = appended;
    ++flushing;
    wake.notify_one();
    written.wait(lock, [&] { return written_bytes >= target; });
    --flushing;
  }

  void Run() {
    std::string batch;
    std::unique_lock lock(mutex);
    while (true) {
      wake.wait(lock, [&] { return stop || !pending.empty(); });
      if (pending.empty() && stop) break;
      wake.wait_for(lock, kGather,
                    [&] { return stop || flushing > 0 || pending.size() >= kBatchBytes; });
      batch.swap(pending);
      lock.unlock();
      WriteAll(batch);
      std::size_t done = batch.size();
      batch.clear();
      if (batch.capacity() > kMaxPending) batch.shrink_to_fit();
      lock.lock();
      written_bytes += done;
      written.notify_all();
    }
  }

  void WriteAll(std::string_view bytes) const {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return;  // nowhere to write (a closed pipe): the lines cannot be kept
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }

  int fd;
  bool owned;
  std::mutex mutex;
  std::condition_variable wake;     // the writer: lines are waiting, or stop
  std::condition_variable written;  // callers: a batch was written
  std::string pending;
  std::uint64_t appended = 0;       // bytes handed to Append, ever
  std::uint64_t written_bytes = 0;  // of those, bytes the writer is done with
  int flushing = 0;                 // callers waiting in Flush(): write without gathering
  bool stop = false;
  std::thread writer;  // last: starts once the rest is initialised
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
  // Runs of characters that need no escape (nearly all of them) are appended whole: pushing them
  // one by one was the largest single cost of encoding a history page (issue 16).
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
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
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\u00";
        out.push_back(kHex[c >> 4]);
        out.push_back(kHex[c & 0xF]);
      }
    }
  }
  out.append(text.data() + run, text.size() - run);
  out.push_back('"');
}

Logger::Logger(LogLevel min_level)
    : min_level_(min_level), sink_(std::make_unique<Sink>(STDERR_FILENO, false)) {}

namespace {

int OpenLogFile(const std::string& file_path) {
  std::filesystem::path path(file_path);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  int fd = ::open(file_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot open the log file " + file_path);
  return fd;
}

}  // namespace

Logger::Logger(LogLevel min_level, const std::string& file_path)
    : min_level_(min_level), sink_(std::make_unique<Sink>(OpenLogFile(file_path), true)) {}

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
            char buf[64];
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
            line.append(buf, ec == std::errc() ? end : buf);
          } else {
            line += std::to_string(v);
          }
        },
        field.value);
  }
  line += "}\n";
  sink_->Append(line);
  // Warnings and errors are rare and may be a process's last words (a failed start, then exit):
  // they are on their way out before Log returns.
  if (level >= LogLevel::kWarn) sink_->Flush();
}

void Logger::Flush() { sink_->Flush(); }

}  // namespace vigor::platform::obs
