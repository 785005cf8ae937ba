#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/mail/mailer.hpp"
#include "platform/obs/log.hpp"
#include "platform/store/sqlite_database.hpp"
#include "platform/time.hpp"
#include "support/smtp_sink.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::mail {
namespace {

using store::Session;
using store::Statement;

const std::string kFrom = "Vigor <noreply@vigor.test>";
// "Bestätige deine E-Mail – Vigor 💪": umlaut, en dash, emoji (4-byte UTF-8).
const std::string kUtf8Subject =
    "Best\xC3\xA4tige deine E-Mail \xE2\x80\x93 Vigor \xF0\x9F\x92\xAA";

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// Python's email package decodes the message: an independent reader of RFC 5322, RFC 2047 and
// quoted-printable, so these tests do not check the formatter against itself.
constexpr const char* kDecoder = R"py(
import email, email.utils, json, sys
from email import policy
with open(sys.argv[1], "rb") as f:
    m = email.message_from_binary_file(f, policy=policy.default)
print(json.dumps({
    "subject": str(m["subject"]), "from": str(m["from"]), "to": str(m["to"]),
    "body": m.get_content().replace("\r\n", "\n"), "type": m.get_content_type(),
    "charset": m.get_content_charset(), "cte": str(m["content-transfer-encoding"]),
    "date_ok": email.utils.parsedate_to_datetime(str(m["date"])) is not None,
    "message_id": str(m["message-id"]), "mime": str(m["mime-version"]),
    "defects": [type(d).__name__ for d in m.defects],
}))
)py";

struct Decoded {
  std::string subject, from, to, body, type, charset, cte, message_id, mime;
  bool date_ok = false;
  std::size_t defects = 0;
};

Decoded DecodeWithPython(const std::string& raw) {
  testing::TempDir dir;
  std::ofstream(dir.path() / "m.eml", std::ios::binary) << raw;
  std::ofstream(dir.path() / "decode.py") << kDecoder;
  std::string command = "/usr/bin/python3 " + (dir.path() / "decode.py").string() + " " +
                        (dir.path() / "m.eml").string() + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  pclose(pipe);
  boost::json::object json;
  try {
    json = boost::json::parse(out).as_object();
  } catch (const std::exception&) {
    ADD_FAILURE() << "python could not decode the message: " << out;
    return {};
  }
  auto text = [&](const char* key) { return std::string(json.at(key).as_string()); };
  return Decoded{.subject = text("subject"),
                 .from = text("from"),
                 .to = text("to"),
                 .body = text("body"),
                 .type = text("type"),
                 .charset = text("charset"),
                 .cte = text("cte"),
                 .message_id = text("message_id"),
                 .mime = text("mime"),
                 .date_ok = json.at("date_ok").as_bool(),
                 .defects = json.at("defects").as_array().size()};
}

bool OnlyCrlfLineEndings(const std::string& raw) {
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\n' && (i == 0 || raw[i - 1] != '\r')) return false;
    if (raw[i] == '\r' && (i + 1 == raw.size() || raw[i + 1] != '\n')) return false;
  }
  return true;
}

bool NoLineLongerThan(const std::string& raw, std::size_t limit) {
  std::size_t start = 0;
  while (start < raw.size()) {
    std::size_t end = raw.find("\r\n", start);
    if (end == std::string::npos) end = raw.size();
    if (end - start > limit) return false;
    start = end + 2;
  }
  return true;
}

TEST(MailFormat, WritesAWellFormedPlainTextMessage) {
  MailMessage m{.to = "alice@example.org",
                .subject = "Confirm your email",
                .text = "Hello,\nopen https://vigor.test/verify?token=abc_DEF-123 to confirm.\n"};
  std::string raw = FormatMailMessage(m, kFrom, std::chrono::system_clock::now());
  EXPECT_TRUE(OnlyCrlfLineEndings(raw));
  EXPECT_NE(raw.find("\r\nContent-Transfer-Encoding: 7bit\r\n"), std::string::npos);
  // 7bit keeps the link readable as is in an .eml file.
  EXPECT_NE(raw.find("https://vigor.test/verify?token=abc_DEF-123"), std::string::npos);
  auto d = DecodeWithPython(raw);
  EXPECT_EQ(d.subject, "Confirm your email");
  EXPECT_EQ(d.from, "Vigor <noreply@vigor.test>");
  EXPECT_EQ(d.to, "alice@example.org");
  EXPECT_EQ(d.body, m.text);
  EXPECT_EQ(d.type, "text/plain");
  EXPECT_EQ(d.charset, "utf-8");
  EXPECT_EQ(d.mime, "1.0");
  EXPECT_TRUE(d.date_ok);
  EXPECT_TRUE(std::regex_match(d.message_id, std::regex("<[0-9a-f]{32}@vigor\\.test>")))
      << d.message_id;
  EXPECT_EQ(d.defects, 0u);
}

TEST(MailFormat, DateIsRfc5322InUtc) {
  // 2001-09-09T01:46:40Z, a Sunday.
  auto t = std::chrono::system_clock::from_time_t(1000000000);
  std::string raw = FormatMailMessage({.to = "a@b.c", .subject = "s", .text = "t"}, kFrom, t);
  EXPECT_TRUE(raw.starts_with("Date: Sun, 09 Sep 2001 01:46:40 +0000\r\n")) << raw;
}

TEST(MailFormat, EncodesUtf8SubjectsAndBodies) {
  std::string long_line(1200, 'a');
  MailMessage m{.to = "bob@example.org",
                .subject = kUtf8Subject + " " + kUtf8Subject + " " + kUtf8Subject,
                .text =
                    "Gr\xC3\xBC\xC3\x9F"
                    "e = greetings\r\n.\n.hidden\nend  \n" +
                    long_line};
  std::string raw = FormatMailMessage(m, kFrom, std::chrono::system_clock::now());
  EXPECT_TRUE(OnlyCrlfLineEndings(raw));
  EXPECT_TRUE(NoLineLongerThan(raw, 78)) << raw;
  EXPECT_NE(raw.find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(raw.find("Content-Transfer-Encoding: quoted-printable"), std::string::npos);
  for (unsigned char c : raw) ASSERT_LT(c, 0x80) << "raw 8-bit byte in the message";
  auto d = DecodeWithPython(raw);
  EXPECT_EQ(d.subject, m.subject);
  EXPECT_EQ(d.body,
            "Gr\xC3\xBC\xC3\x9F"
            "e = greetings\n.\n.hidden\nend  \n" +
                long_line + "\n");
  EXPECT_EQ(d.defects, 0u);
}

TEST(MailFormat, RefusesHeaderInjection) {
  auto format = [](MailMessage m) {
    return FormatMailMessage(m, kFrom, std::chrono::system_clock::now());
  };
  EXPECT_THROW(format({.to = "a@b.c\r\nBcc: victim@example.org", .subject = "s", .text = "t"}),
               std::invalid_argument);
  EXPECT_THROW(format({.to = "a@b.c\n", .subject = "s", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(format({.to = "a@b.c", .subject = "hi\r\nBcc: victim@example.org", .text = "t"}),
               std::invalid_argument);
  EXPECT_THROW(format({.to = "a@b.c", .subject = "hi\nthere", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(format({.to = "a@b.c", .subject = "hi\rthere", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(format({.to = "a@b.c>,<c@d.e", .subject = "s", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(format({.to = "", .subject = "s", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(format({.to = "nobody", .subject = "s", .text = "t"}), std::invalid_argument);
  EXPECT_THROW(FormatMailMessage({.to = "a@b.c", .subject = "s", .text = "t"},
                                 "x@y.z\r\nBcc: v@e.org", std::chrono::system_clock::now()),
               std::invalid_argument);
}

TEST(MailMask, KeepsFirstLetterAndDomain) {
  EXPECT_EQ(MaskAddress("alice@example.org"), "a***@example.org");
  EXPECT_EQ(MaskAddress("@example.org"), "***@example.org");
  EXPECT_EQ(MaskAddress("garbage"), "***");
}

TEST(MailSmtp, DeliversToARealSmtpServer) {
  testing::SmtpSink sink;
  SmtpMailer mailer(SmtpOptions{.url = sink.url(), .from = kFrom, .timeout_seconds = 5});
  MailMessage m{
      .to = "carol@example.org",
      .subject = kUtf8Subject,
      .text = "Hallo Carol,\n\n.\n..two dots\nBest\xC3\xA4tige: https://vigor.test/v?t=1\n"};
  mailer.Send(m);
  auto raw = sink.WaitForMessageTo("carol@example.org", 5000);
  ASSERT_TRUE(raw.has_value());
  EXPECT_TRUE(OnlyCrlfLineEndings(*raw));
  auto d = DecodeWithPython(*raw);
  EXPECT_EQ(d.subject, kUtf8Subject);
  EXPECT_EQ(d.to, "carol@example.org");
  EXPECT_EQ(d.from, "Vigor <noreply@vigor.test>");
  EXPECT_EQ(d.body, m.text);  // dot-stuffing was applied by curl and undone by the server
  EXPECT_EQ(d.defects, 0u);
  EXPECT_EQ(sink.Messages().size(), 1u);
  EXPECT_EQ(sink.WaitForMessageTo("carol@example.org", 100), std::nullopt);  // already returned
}

TEST(MailSmtp, RefusesHeaderInjectionBeforeConnecting) {
  testing::SmtpSink sink;
  SmtpMailer mailer(SmtpOptions{.url = sink.url(), .from = kFrom, .timeout_seconds = 5});
  EXPECT_THROW(
      mailer.Send(
          {.to = "dave@example.org\r\nRCPT TO:<eve@example.org>", .subject = "s", .text = "t"}),
      std::invalid_argument);
  EXPECT_THROW(
      mailer.Send({.to = "dave@example.org", .subject = "s\r\nBcc: eve@example.org", .text = "t"}),
      std::invalid_argument);
  EXPECT_TRUE(sink.Messages().empty());
}

TEST(MailSmtp, FailsWithRuntimeErrorWhenTheServerIsDown) {
  std::uint16_t port;
  {
    testing::SmtpSink sink;
    port = sink.port();
  }  // stopped: nothing listens there now
  SmtpMailer mailer(SmtpOptions{
      .url = "smtp://127.0.0.1:" + std::to_string(port), .from = kFrom, .timeout_seconds = 5});
  EXPECT_THROW(mailer.Send({.to = "a@example.org", .subject = "s", .text = "t"}),
               std::runtime_error);
}

TEST(MailSmtp, RefusesNonMailUrls) {
  EXPECT_THROW(SmtpMailer(SmtpOptions{.url = "http://example.org", .from = kFrom}),
               std::invalid_argument);
  EXPECT_THROW(SmtpMailer(SmtpOptions{.url = "file:///etc/passwd", .from = kFrom}),
               std::invalid_argument);
  EXPECT_THROW(SmtpMailer(SmtpOptions{.url = "smtp://localhost", .from = "not an address"}),
               std::invalid_argument);
}

TEST(MailOutboxDir, WritesAPrivateEmlFile) {
  testing::TempDir dir;
  auto outbox = dir.path() / "var" / "outbox";
  OutboxDirMailer mailer(outbox, kFrom);
  mailer.Send({.to = "erin@example.org", .subject = kUtf8Subject, .text = "Link: https://x/y\n"});

  struct stat st {};
  ASSERT_EQ(::stat(outbox.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0700u);
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(outbox)) files.push_back(e.path());
  ASSERT_EQ(files.size(), 1u);
  std::string name = files[0].filename().string();
  EXPECT_TRUE(std::regex_match(name, std::regex(R"(\d{8}T\d{6}\.\d{3}Z-[0-9a-f]{8}\.eml)")))
      << name;
  ASSERT_EQ(::stat(files[0].c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0600u);
  auto d = DecodeWithPython(ReadAll(files[0]));
  EXPECT_EQ(d.subject, kUtf8Subject);
  EXPECT_EQ(d.to, "erin@example.org");
  EXPECT_EQ(d.body, "Link: https://x/y\n");

  mailer.Send({.to = "erin@example.org", .subject = "second", .text = "2"});
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(outbox), {}), 2);
  EXPECT_THROW(mailer.Send({.to = "erin@example.org", .subject = "a\nb", .text = "t"}),
               std::invalid_argument);
}

// --- MailQueue: a real SQLite database and a real SMTP server.

constexpr Statement kRows{"test.mail_rows",
                          "SELECT to_addr, subject, sealed_body, attempts, next_attempt_at, "
                          "sent_at, last_error FROM mail_outbox ORDER BY id"};
constexpr Statement kMakeDue{"test.mail_make_due", "UPDATE mail_outbox SET next_attempt_at = $1"};
constexpr Statement kSetAttempts{"test.mail_set_attempts", "UPDATE mail_outbox SET attempts = $1"};
constexpr Statement kProbe{"test.probe", "INSERT INTO write_probes VALUES ($1, 'v', 't')"};

struct OutboxRow {
  std::string to, subject;
  std::optional<std::string> sealed_body;
  std::int64_t attempts;
  std::string next_attempt_at;
  std::optional<std::string> sent_at, last_error;
};

class FailingMailer final : public Mailer {
 public:
  void Send(const MailMessage&) override {
    ++calls;
    throw std::runtime_error("connection refused (test double)");
  }
  std::atomic<int> calls{0};
};

class MailQueueTest : public ::testing::Test {
 protected:
  MailQueueTest()
      : logger_(obs::LogLevel::kDebug, (dir_.path() / "log.jsonl").string()),
        db_(store::SqliteOptions{.path = dir_.path() / "vigor.db", .readers = 2}, logger_),
        box_(crypto::RandomBytes(32)) {}

  std::vector<OutboxRow> Rows() {
    return db_.ReadResult([](Session& s) {
      std::vector<OutboxRow> out;
      for (auto& r : s.Query(kRows)) {
        out.push_back({.to = r.Text("to_addr"),
                       .subject = r.Text("subject"),
                       .sealed_body = r.OptText("sealed_body"),
                       .attempts = r.Int("attempts"),
                       .next_attempt_at = r.Text("next_attempt_at"),
                       .sent_at = r.OptText("sent_at"),
                       .last_error = r.OptText("last_error")});
      }
      return out;
    });
  }
  void MakeDue() {
    db_.Write([](Session& s) { s.Execute(kMakeDue, NowRfc3339()); });
  }
  std::string Log() {
    logger_.Flush();
    return ReadAll(dir_.path() / "log.jsonl");
  }

  testing::TempDir dir_;
  obs::Logger logger_;
  store::SqliteDatabase db_;
  crypto::SecretBox box_;
  const MailMessage message_{.to = "alice@example.org",
                             .subject = "Confirm your email",
                             .text = "Open https://vigor.test/verify?token=SECRET-TOKEN-123\n"};
};

TEST_F(MailQueueTest, MailOfARolledBackWriteIsNeverSent) {
  testing::SmtpSink sink;
  SmtpMailer mailer(SmtpOptions{.url = sink.url(), .from = kFrom, .timeout_seconds = 5});
  MailQueue queue(db_, box_, mailer, logger_);
  EXPECT_THROW(db_.Write([&](Session& s) {
    queue.Enqueue(s, message_);
    throw std::runtime_error("the sign-up failed after queueing its mail");
  }),
               std::runtime_error);
  EXPECT_EQ(queue.DrainForTests(), 0u);
  EXPECT_TRUE(Rows().empty());
  EXPECT_TRUE(sink.Messages().empty());
}

TEST_F(MailQueueTest, MailOfACommittedWriteIsSentOnceAndItsBodyCleared) {
  testing::SmtpSink sink;
  SmtpMailer mailer(SmtpOptions{.url = sink.url(), .from = kFrom, .timeout_seconds = 5});
  MailQueue queue(db_, box_, mailer, logger_);
  db_.Write([&](Session& s) {
    s.Execute(kProbe, "signup");
    queue.Enqueue(s, message_);
  });

  auto queued = Rows();
  ASSERT_EQ(queued.size(), 1u);
  ASSERT_TRUE(queued[0].sealed_body.has_value());
  // At rest the body (and its one-time link) is sealed.
  EXPECT_EQ(queued[0].sealed_body->find("SECRET-TOKEN"), std::string::npos);
  EXPECT_EQ(box_.Open(*queued[0].sealed_body), message_.text);
  EXPECT_EQ(queued[0].attempts, 0);

  EXPECT_EQ(queue.DrainForTests(), 1u);
  EXPECT_EQ(queue.DrainForTests(), 0u);
  auto raw = sink.WaitForMessageTo("alice@example.org", 5000);
  ASSERT_TRUE(raw.has_value());
  EXPECT_EQ(DecodeWithPython(*raw).body, message_.text);
  EXPECT_EQ(sink.Messages().size(), 1u);

  auto sent = Rows();
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].sealed_body, std::nullopt);
  EXPECT_TRUE(sent[0].sent_at.has_value());
  EXPECT_EQ(sent[0].attempts, 1);

  std::string log = Log();
  EXPECT_NE(log.find("a***@example.org"), std::string::npos) << log;
  EXPECT_EQ(log.find("alice@"), std::string::npos) << log;
  EXPECT_EQ(log.find("SECRET-TOKEN"), std::string::npos) << log;
}

TEST_F(MailQueueTest, FailuresAreRetriedWithBackoffThenAbandoned) {
  FailingMailer mailer;
  MailQueue queue(db_, box_, mailer, logger_);
  db_.Write([&](Session& s) { queue.Enqueue(s, message_); });

  std::string lower = FormatRfc3339(std::chrono::system_clock::now() + std::chrono::seconds(4));
  EXPECT_EQ(queue.DrainForTests(), 0u);
  std::string upper = FormatRfc3339(std::chrono::system_clock::now() + std::chrono::seconds(6));
  EXPECT_EQ(mailer.calls, 1);
  auto rows = Rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_GE(rows[0].next_attempt_at, lower);  // first retry 5 s later
  EXPECT_LE(rows[0].next_attempt_at, upper);
  EXPECT_EQ(rows[0].last_error, "connection refused (test double)");
  EXPECT_TRUE(rows[0].sealed_body.has_value());  // kept for the retry
  EXPECT_EQ(rows[0].sent_at, std::nullopt);

  EXPECT_EQ(queue.DrainForTests(), 0u);  // not due yet: no new attempt
  EXPECT_EQ(mailer.calls, 1);

  MakeDue();
  lower = FormatRfc3339(std::chrono::system_clock::now() + std::chrono::seconds(29));
  queue.DrainForTests();
  upper = FormatRfc3339(std::chrono::system_clock::now() + std::chrono::seconds(31));
  rows = Rows();
  EXPECT_EQ(rows[0].attempts, 2);
  EXPECT_GE(rows[0].next_attempt_at, lower);  // then 30 s
  EXPECT_LE(rows[0].next_attempt_at, upper);

  db_.Write([](Session& s) { s.Execute(kSetAttempts, 7); });
  MakeDue();
  queue.DrainForTests();
  EXPECT_EQ(mailer.calls, 3);
  rows = Rows();
  EXPECT_EQ(rows[0].attempts, 8);
  EXPECT_EQ(rows[0].sealed_body, std::nullopt);  // abandoned: the link is no longer kept
  EXPECT_EQ(rows[0].sent_at, std::nullopt);

  MakeDue();
  EXPECT_EQ(queue.DrainForTests(), 0u);
  EXPECT_EQ(mailer.calls, 3);  // given up for good

  std::string log = Log();
  EXPECT_NE(log.find("mail abandoned"), std::string::npos) << log;
  EXPECT_NE(log.find("a***@example.org"), std::string::npos);
  EXPECT_EQ(log.find("SECRET-TOKEN"), std::string::npos);
  EXPECT_EQ(log.find("alice@"), std::string::npos);
}

TEST_F(MailQueueTest, RefusesAnInvalidMessageInsideTheTransaction) {
  FailingMailer mailer;
  MailQueue queue(db_, box_, mailer, logger_);
  EXPECT_THROW(db_.Write([&](Session& s) {
    s.Execute(kProbe, "signup");
    queue.Enqueue(s, {.to = "x@example.org", .subject = "a\r\nBcc: y@example.org", .text = "t"});
  }),
               std::invalid_argument);
  EXPECT_TRUE(Rows().empty());
}

TEST_F(MailQueueTest, BodySealedWithAnotherKeyIsAbandonedNotSent) {
  FailingMailer mailer;
  crypto::SecretBox other(crypto::RandomBytes(32));
  MailQueue writer(db_, other, mailer, logger_);
  db_.Write([&](Session& s) { writer.Enqueue(s, message_); });
  MailQueue reader(db_, box_, mailer, logger_);
  EXPECT_EQ(reader.DrainForTests(), 0u);
  EXPECT_EQ(mailer.calls, 0);
  auto rows = Rows();
  EXPECT_EQ(rows[0].attempts, 1);
  EXPECT_EQ(rows[0].sealed_body, std::nullopt);
  ASSERT_TRUE(rows[0].last_error.has_value());
  EXPECT_NE(rows[0].last_error->find("decrypt"), std::string::npos);
}

TEST_F(MailQueueTest, BackgroundSenderDeliversSoonAfterNotify) {
  testing::SmtpSink sink;
  SmtpMailer mailer(SmtpOptions{.url = sink.url(), .from = kFrom, .timeout_seconds = 5});
  MailQueue queue(db_, box_, mailer, logger_);
  queue.Start();
  queue.Start();                  // idempotent
  for (int i = 0; i < 25; ++i) {  // more than one batch
    db_.Write([&](Session& s) {
      queue.Enqueue(s, {.to = "user" + std::to_string(i) + "@example.org",
                        .subject = "Welcome",
                        .text = "Hello"});
    });
  }
  queue.Notify();
  for (int i = 0; i < 25; ++i) {
    EXPECT_TRUE(sink.WaitForMessageTo("user" + std::to_string(i) + "@example.org", 10000)) << i;
  }
  queue.Stop();
  queue.Stop();  // idempotent
  EXPECT_EQ(sink.Messages().size(), 25u);
  for (const auto& row : Rows()) EXPECT_TRUE(row.sent_at.has_value());
}

}  // namespace
}  // namespace vigor::platform::mail
