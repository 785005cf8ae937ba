#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>

namespace vigor::platform::mail {

// One plain-text mail to one recipient. `text` is UTF-8 with any line endings.
struct MailMessage {
  std::string to;
  std::string subject;
  std::string text;
};

// Where mail goes. Implementations are thread-safe.
class Mailer {
 public:
  virtual ~Mailer() = default;
  // Delivers the message to the next hop or throws: std::invalid_argument for a message that can
  // never be sent (see CheckMailMessage), std::runtime_error for a failure worth retrying.
  virtual void Send(const MailMessage& message) = 0;
};

// Throws std::invalid_argument when a field could inject headers or SMTP commands (CR, LF or NUL
// in `to` or `subject`), or `to` is not a plausible address (empty, spaces, '<', '>', no '@').
void CheckMailMessage(const MailMessage& message);

// The message as an RFC 5322 text with CRLF line endings: Date, From, To, Subject (RFC 2047
// encoded-words when not ASCII), Message-ID, MIME-Version and a text/plain; charset=utf-8 body
// (7bit when it is ASCII with short lines, quoted-printable otherwise). `from` is an address,
// optionally with an ASCII display name: "Vigor <noreply@example.org>". Calls CheckMailMessage.
std::string FormatMailMessage(const MailMessage& message, std::string_view from,
                              std::chrono::system_clock::time_point now);

struct SmtpOptions {
  std::string url;  // smtp://host:port (STARTTLS when offered) or smtps://host:port
  std::string from;
  std::string username;  // empty: no authentication
  std::string password;
  bool require_tls = false;  // refuse to send over a connection without TLS
  long timeout_seconds = 15;
};

// Sends through an SMTP server with libcurl, one connection per message. Certificates are always
// verified when TLS is used.
class SmtpMailer final : public Mailer {
 public:
  // Throws std::invalid_argument for a URL that is not smtp:// or smtps://, or a bad `from`.
  explicit SmtpMailer(SmtpOptions options);
  void Send(const MailMessage& message) override;

 private:
  SmtpOptions options_;
  std::string envelope_from_;  // the bare address for MAIL FROM
};

// Writes each message as <UTC time>-<random>.eml (mode 0600) into a directory (created 0700 when
// missing): when no SMTP server is configured, an operator can still read sign-up and reset mail
// from var/outbox/.
class OutboxDirMailer final : public Mailer {
 public:
  OutboxDirMailer(std::filesystem::path directory, std::string from);
  void Send(const MailMessage& message) override;
  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path directory_;
  std::string from_;
};

// "a***@example.org": enough to tell which mail a log line is about without leaking the address.
std::string MaskAddress(std::string_view address);

}  // namespace vigor::platform::mail
