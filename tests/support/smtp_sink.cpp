#include "support/smtp_sink.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

// environ: <unistd.h> declares it (g++ defines _GNU_SOURCE).

namespace vigor::testing {

namespace {

// aiosmtpd's stock Mailbox handler rewrites messages (LF line endings, extra headers), so this
// handler keeps the exact bytes: NNNNNN.eml plus NNNNNN.rcpt (envelope recipients), each renamed
// into place when complete. The port is chosen by the kernel and reported through a file, so
// there is no race for a "free" port. The server exits by itself when the test process dies.
constexpr const char* kSinkScript = R"py(
import asyncio, os, sys
from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, directory):
        self.directory = directory
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        base = os.path.join(self.directory, "%06d" % self.count)
        for suffix, data in ((".rcpt", "\n".join(envelope.rcpt_tos).encode()),
                             (".eml", envelope.original_content)):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)
        return "250 OK"


async def main():
    directory = sys.argv[1]
    handler = Handler(directory)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: SMTP(handler), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    # If the test process dies without stopping us, do not linger as an orphan.
    parent = os.getppid()
    while os.getppid() == parent:
        await asyncio.sleep(0.5)


asyncio.run(main())
)py";

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

bool Accepts(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

}  // namespace

SmtpSink::SmtpSink() {
  auto script = dir_.path() / "sink.py";
  auto mail_dir = dir_.path() / "mail";
  std::filesystem::create_directory(mail_dir);
  std::ofstream(script) << kSinkScript;

  std::string log = (dir_.path() / "sink.log").string();
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::string python = "/usr/bin/python3";
  std::string script_arg = script.string();
  std::string dir_arg = mail_dir.string();
  char* argv[] = {python.data(), script_arg.data(), dir_arg.data(), nullptr};
  int rc = posix_spawn(&pid_, python.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("SmtpSink: cannot start /usr/bin/python3");

  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("SmtpSink: aiosmtpd exited: " + ReadFile(log));
    }
    auto port_file = mail_dir / "port";
    if (std::filesystem::exists(port_file)) {
      port_ = static_cast<std::uint16_t>(std::stoi(ReadFile(port_file)));
      if (Accepts(port_)) return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::string output = ReadFile(log);
  Stop();
  throw std::runtime_error("SmtpSink: aiosmtpd did not start within 10 s: " + output);
}

SmtpSink::~SmtpSink() { Stop(); }

void SmtpSink::Stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  int status = 0;
  while (::waitpid(pid_, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  pid_ = -1;
}

std::vector<SmtpSink::Stored> SmtpSink::List() const {
  std::vector<Stored> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir_.path() / "mail", ec)) {
    const auto& path = entry.path();
    if (path.extension() != ".eml") continue;
    auto rcpt = path;
    rcpt.replace_extension(".rcpt");  // written before the .eml, so present
    Stored stored{path.filename().string(), {}};
    std::istringstream lines(ReadFile(rcpt));
    for (std::string line; std::getline(lines, line);) stored.recipients.push_back(Lower(line));
    out.push_back(std::move(stored));
  }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.name < b.name; });
  return out;
}

std::string SmtpSink::Read(const std::string& name) const {
  return ReadFile(dir_.path() / "mail" / name);
}

std::vector<std::string> SmtpSink::Messages() const {
  std::vector<std::string> out;
  for (const auto& stored : List()) out.push_back(Read(stored.name));
  return out;
}

std::vector<std::string> SmtpSink::MessagesTo(const std::string& address) const {
  std::string wanted = Lower(address);
  std::vector<std::string> out;
  for (const auto& stored : List()) {
    if (std::find(stored.recipients.begin(), stored.recipients.end(), wanted) !=
        stored.recipients.end()) {
      out.push_back(Read(stored.name));
    }
  }
  return out;
}

std::optional<std::string> SmtpSink::WaitForMessageTo(const std::string& address, int timeout_ms) {
  std::string wanted = Lower(address);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    for (const auto& stored : List()) {
      if (returned_.contains(stored.name)) continue;
      if (std::find(stored.recipients.begin(), stored.recipients.end(), wanted) !=
          stored.recipients.end()) {
        returned_.insert(stored.name);
        return Read(stored.name);
      }
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace vigor::testing
