#include "platform/mail/mailer.hpp"

#include <curl/curl.h>
#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <stdexcept>
#include <vector>

#include "platform/crypto/random.hpp"

namespace vigor::platform::mail {

namespace {

// RFC 5322 section 2.1.1: lines must not exceed 998 octets; 78 is the recommended width.
constexpr std::size_t kMaxLineOctets = 998;
constexpr std::size_t kMaxAddressOctets = 254;
// RFC 2047 caps a line holding encoded-words at 76 characters. "Subject: " leaves 67 for the
// first word: "=?UTF-8?B?" + 52 base64 characters + "?=", which carry 39 bytes. Later words fit
// the same way after the folding space.
constexpr std::size_t kEncodedWordBytes = 39;

bool IsAsciiPrintable(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

bool HasLineBreakOrNul(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

void CheckAddress(std::string_view address, std::string_view what) {
  if (HasLineBreakOrNul(address)) {
    throw std::invalid_argument(std::string(what) + " contains a line break");
  }
  auto at = address.rfind('@');
  bool plausible = !address.empty() && address.size() <= kMaxAddressOctets &&
                   IsAsciiPrintable(address) &&
                   address.find_first_of(" <>,;\"()\\") == std::string_view::npos &&
                   at != std::string_view::npos && at > 0 && at + 1 < address.size();
  if (!plausible) throw std::invalid_argument(std::string(what) + " is not a valid address");
}

struct ParsedFrom {
  std::string display;  // may be empty
  std::string address;
};

ParsedFrom ParseFrom(std::string_view from) {
  if (HasLineBreakOrNul(from)) throw std::invalid_argument("mail sender contains a line break");
  if (!IsAsciiPrintable(from)) throw std::invalid_argument("mail sender must be ASCII");
  ParsedFrom out;
  auto open = from.find('<');
  if (open == std::string_view::npos) {
    out.address = std::string(from);
  } else {
    auto close = from.find('>', open);
    if (close == std::string_view::npos || close + 1 != from.size()) {
      throw std::invalid_argument("mail sender is not \"Name <address>\"");
    }
    std::string_view display = from.substr(0, open);
    while (!display.empty() && display.back() == ' ') display.remove_suffix(1);
    while (!display.empty() && display.front() == ' ') display.remove_prefix(1);
    if (display.size() >= 2 && display.front() == '"' && display.back() == '"') {
      display = display.substr(1, display.size() - 2);
    }
    out.display = std::string(display);
    out.address = std::string(from.substr(open + 1, close - open - 1));
  }
  CheckAddress(out.address, "mail sender");
  return out;
}

std::string FromHeader(const ParsedFrom& from) {
  if (from.display.empty()) return from.address;
  // A quoted string accepts any printable ASCII once '"' and '\' are escaped.
  std::string out = "\"";
  for (char c : from.display) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\" <" + from.address + ">";
}

std::string Base64(std::string_view data) {
  crypto::EnsureSodium();
  std::string out(sodium_base64_ENCODED_LEN(data.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(data.data()),
                    data.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

// RFC 2047: UTF-8 B-encoded words of at most 75 characters, never splitting a character, folded
// onto continuation lines.
std::string EncodeSubject(std::string_view subject) {
  if (IsAsciiPrintable(subject) && subject.size() <= 900) return std::string(subject);
  std::string out;
  std::size_t pos = 0;
  while (pos < subject.size()) {
    std::size_t end = std::min(pos + kEncodedWordBytes, subject.size());
    // Back up to the start of a UTF-8 sequence (never past pos + 1, for invalid input).
    while (end < subject.size() && end > pos + 1 &&
           (static_cast<unsigned char>(subject[end]) & 0xC0) == 0x80) {
      --end;
    }
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + Base64(subject.substr(pos, end - pos)) + "?=";
    pos = end;
  }
  return out;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') {
      lines.push_back(text.substr(start, i - start));
      if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      start = i + 1;
    }
  }
  // A final line break ends the last line; it does not start an empty one.
  if (start < text.size() || lines.empty()) lines.push_back(text.substr(start));
  return lines;
}

bool Fits7bit(const std::vector<std::string_view>& lines) {
  for (auto line : lines) {
    if (line.size() > kMaxLineOctets) return false;
    for (unsigned char c : line) {
      if ((c < 0x20 && c != '\t') || c > 0x7E) return false;
    }
  }
  return true;
}

// RFC 2045 section 6.7, lines of at most 76 characters with soft breaks.
std::string QuotedPrintable(const std::vector<std::string_view>& lines) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t l = 0; l < lines.size(); ++l) {
    std::string_view line = lines[l];
    std::size_t width = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      auto c = static_cast<unsigned char>(line[i]);
      bool last = i + 1 == line.size();
      bool literal = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last);
      std::string token;
      if (literal) {
        token.push_back(static_cast<char>(c));
      } else {
        token = {'=', kHex[c >> 4], kHex[c & 0x0F]};
      }
      // Leave room for the '=' of a soft break unless this is the end of the line.
      std::size_t limit = last ? 76 : 75;
      if (width + token.size() > limit) {
        out += "=\r\n";
        width = 0;
      }
      out += token;
      width += token.size();
    }
    out += "\r\n";
  }
  return out;
}

std::string RfcDate(std::chrono::system_clock::time_point now) {
  static constexpr const char* kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday],
                tm.tm_mday, kMonths[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

std::string HexToken(std::size_t bytes) {
  std::string raw = crypto::RandomBytes(bytes);
  constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0F]);
  }
  return out;
}

void EnsureCurl() {
  // curl_global_init is not guaranteed thread-safe on every build; do it once, first.
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("libcurl could not be initialised");
    }
  });
}

struct Upload {
  std::string_view data;
};

std::size_t ReadUpload(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  std::size_t n = std::min(size * count, upload->data.size());
  std::memcpy(buffer, upload->data.data(), n);
  upload->data.remove_prefix(n);
  return n;
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

std::string UtcFileStamp(std::chrono::system_clock::time_point now) {
  using namespace std::chrono;
  auto since = now.time_since_epoch();
  auto secs = floor<seconds>(since);
  auto ms = duration_cast<milliseconds>(since - secs).count();
  std::time_t t = secs.count();
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}

}  // namespace

void CheckMailMessage(const MailMessage& message) {
  CheckAddress(message.to, "mail recipient");
  if (HasLineBreakOrNul(message.subject)) {
    throw std::invalid_argument("mail subject contains a line break");
  }
}

std::string FormatMailMessage(const MailMessage& message, std::string_view from,
                              std::chrono::system_clock::time_point now) {
  CheckMailMessage(message);
  ParsedFrom sender = ParseFrom(from);
  auto lines = SplitLines(message.text);
  bool plain = Fits7bit(lines);
  std::string domain = sender.address.substr(sender.address.rfind('@') + 1);

  std::string out;
  out += "Date: " + RfcDate(now) + "\r\n";
  out += "From: " + FromHeader(sender) + "\r\n";
  out += "To: " + message.to + "\r\n";
  out += "Subject: " + EncodeSubject(message.subject) + "\r\n";
  out += "Message-ID: <" + HexToken(16) + "@" + domain + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  out += "Content-Type: text/plain; charset=utf-8\r\n";
  out +=
      std::string("Content-Transfer-Encoding: ") + (plain ? "7bit" : "quoted-printable") + "\r\n";
  out += "\r\n";
  if (plain) {
    for (auto line : lines) {
      out += line;
      out += "\r\n";
    }
  } else {
    out += QuotedPrintable(lines);
  }
  return out;
}

std::string MaskAddress(std::string_view address) {
  auto at = address.rfind('@');
  if (at == std::string_view::npos) return "***";
  std::string out;
  if (at > 0) out.push_back(address.front());
  out += "***";
  out += address.substr(at);
  return out;
}

SmtpMailer::SmtpMailer(SmtpOptions options) : options_(std::move(options)) {
  std::string_view url = options_.url;
  if (!url.starts_with("smtp://") && !url.starts_with("smtps://")) {
    throw std::invalid_argument("SMTP URL must start with smtp:// or smtps://");
  }
  if (options_.timeout_seconds <= 0) throw std::invalid_argument("SMTP timeout must be positive");
  envelope_from_ = ParseFrom(options_.from).address;
  EnsureCurl();
}

void SmtpMailer::Send(const MailMessage& message) {
  std::string text = FormatMailMessage(message, options_.from, std::chrono::system_clock::now());

  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) throw std::runtime_error("SMTP: cannot create a libcurl handle");
  std::unique_ptr<curl_slist, SlistDeleter> recipients(
      curl_slist_append(nullptr, ("<" + message.to + ">").c_str()));
  if (!recipients) throw std::runtime_error("SMTP: out of memory");
  std::string mail_from = "<" + envelope_from_ + ">";
  Upload upload{text};
  char error[CURL_ERROR_SIZE] = {};

  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, options_.url.c_str());
  // Only mail protocols: a misconfigured URL can never make this fetch files or web pages.
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);  // signals and threads do not mix
  curl_easy_setopt(h, CURLOPT_TIMEOUT, options_.timeout_seconds);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, std::min(options_.timeout_seconds, 10L));
  // Opportunistic STARTTLS unless TLS is required; smtps:// is TLS from the first byte anyway.
  curl_easy_setopt(h, CURLOPT_USE_SSL,
                   static_cast<long>(options_.require_tls ? CURLUSESSL_ALL : CURLUSESSL_TRY));
  if (!options_.username.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, options_.username.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, ReadUpload);
  curl_easy_setopt(h, CURLOPT_READDATA, &upload);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, error);

  CURLcode rc = curl_easy_perform(h);
  if (rc != CURLE_OK) {
    std::string detail = error[0] != '\0' ? error : curl_easy_strerror(rc);
    throw std::runtime_error("SMTP send failed: " + detail);
  }
}

OutboxDirMailer::OutboxDirMailer(std::filesystem::path directory, std::string from)
    : directory_(std::move(directory)), from_(std::move(from)) {
  ParseFrom(from_);  // fail at start, not at the first mail
}

void OutboxDirMailer::Send(const MailMessage& message) {
  auto now = std::chrono::system_clock::now();
  std::string text = FormatMailMessage(message, from_, now);

  // Created on demand (an operator may have emptied var/ while running), private to this user:
  // the mail holds one-time links.
  if (directory_.has_parent_path()) std::filesystem::create_directories(directory_.parent_path());
  if (::mkdir(directory_.c_str(), 0700) != 0 && errno != EEXIST) {
    throw std::runtime_error("cannot create mail outbox " + directory_.string() + ": " +
                             std::strerror(errno));
  }
  std::string name = UtcFileStamp(now) + "-" + HexToken(4) + ".eml";
  // Written under a hidden name and renamed, so a reader never sees half a message.
  auto tmp = directory_ / ("." + name + ".tmp");
  auto final_path = directory_ / name;
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    throw std::runtime_error("cannot write " + tmp.string() + ": " + std::strerror(errno));
  }
  std::string_view rest = text;
  while (!rest.empty()) {
    ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int saved = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error("cannot write " + tmp.string() + ": " + std::strerror(saved));
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  ::fsync(fd);
  ::close(fd);
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    int saved = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + final_path.string() + ": " + std::strerror(saved));
  }
}

}  // namespace vigor::platform::mail
