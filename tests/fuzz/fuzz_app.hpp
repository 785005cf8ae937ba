#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "app/build_app.hpp"
#include "platform/http/message.hpp"
#include "platform/obs/log.hpp"

namespace vigor::fuzz {

// The whole application as production builds it (BuildApp), on SQLite in a fresh temporary
// directory in memory (/dev/shm: commits cost no disk flush), with cheap password hashing, a tiny
// web app to serve, and an administrator who is signed in twice: a browser session (cookie and
// CSRF token) and a personal access token with every scope. The request handler and router
// targets drive it.
class FuzzApp {
 public:
  FuzzApp();
  ~FuzzApp();
  FuzzApp(const FuzzApp&) = delete;
  FuzzApp& operator=(const FuzzApp&) = delete;

  app::App& app() { return *app_; }

  // The request through HttpApp::Handle, the function the socket server calls, then the work it
  // queued (imports, mails) as the background threads would run it.
  platform::http::Response Handle(platform::http::Request& request);

  // Whether the browser session still works (a request may sign out or change the password).
  bool SessionWorks();

  const std::string& session() const { return session_; }
  const std::string& csrf() const { return csrf_; }
  const std::string& token() const { return token_; }

  // The server's error log lines so far (what a 500 left behind).
  std::string ErrorLog();

 private:
  std::filesystem::path dir_;
  std::unique_ptr<platform::obs::Logger> logger_;
  std::unique_ptr<app::App> app_;
  std::string session_;
  std::string csrf_;
  std::string token_;
};

// The one application of a fuzz target's process, built on first use. It is destroyed at exit
// before OpenSSL's own clean-up runs: its threads (the database writer) must end while OpenSSL can
// still free the random generator each of them holds, or LeakSanitizer reports it.
FuzzApp& TheFuzzApp();
// Replaces it with a fresh one.
void RebuildFuzzApp();

// The administrator's username and password.
inline constexpr std::string_view kFuzzUser = "fuzzadmin";
inline constexpr std::string_view kFuzzPassword = "seven horses gallop in the gym at dawn";

}  // namespace vigor::fuzz
