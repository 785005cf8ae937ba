#pragma once

#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace vigor::testing {

// A real SMTP server for tests: aiosmtpd (Debian's python3-aiosmtpd) on 127.0.0.1 and a free
// port, storing every message it accepts, byte for byte, as a file. Point an SmtpMailer at url().
class SmtpSink {
 public:
  // Starts the server and returns once it accepts connections; throws std::runtime_error when it
  // cannot start within 10 s.
  SmtpSink();
  // Stops the server by pid (SIGTERM, then SIGKILL) and removes its files.
  ~SmtpSink();
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

  // Raw RFC 5322 texts (CRLF line endings, dot-stuffing undone) received so far, oldest first.
  std::vector<std::string> Messages() const;
  // Those whose envelope recipients (RCPT TO) include `address` (case-insensitive).
  std::vector<std::string> MessagesTo(const std::string& address) const;
  // Waits for the oldest message to `address` that no earlier call returned, so a test can wait
  // for a first mail, trigger a second and wait again. nullopt after timeout_ms.
  std::optional<std::string> WaitForMessageTo(const std::string& address, int timeout_ms);

 private:
  struct Stored {
    std::string name;
    std::vector<std::string> recipients;  // lower-cased
  };
  void Stop();
  std::vector<Stored> List() const;
  std::string Read(const std::string& name) const;

  TempDir dir_;
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::set<std::string> returned_;
};

}  // namespace vigor::testing
