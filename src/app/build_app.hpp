#pragma once

#include <memory>

#include "platform/config/config.hpp"
#include "platform/http/app.hpp"
#include "platform/http/static_files.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::diagnostics {
class WriteProbeService;
}
namespace vigor::features::accounts {
struct AccountsDeps;
class AuthService;
class AccountService;
class InstanceSettings;
class AccountMails;
}  // namespace vigor::features::accounts
namespace vigor::features::admin {
class AdminService;
}
namespace vigor::features::exercises {
class ExerciseService;
}
namespace vigor::features::workouts {
class WorkoutService;
class RoutineService;
class ProgramService;
}  // namespace vigor::features::workouts
namespace vigor::features::body {
class MeasurementService;
}
namespace vigor::features::imports {
class ImportService;
}
namespace vigor::platform::jobs {
class Housekeeping;
class JobQueue;
}  // namespace vigor::platform::jobs
namespace vigor::platform::crypto {
class PasswordHasher;
class PasswordPolicy;
class SecretBox;
}  // namespace vigor::platform::crypto
namespace vigor::platform::mail {
class Mailer;
class MailQueue;
}  // namespace vigor::platform::mail
namespace vigor::platform::ratelimit {
class RateLimiter;
}

namespace vigor::app {

// Everything a running Vigor holds, wired in one place. Members are declared in dependency
// order, so they are destroyed in reverse: the HTTP layer before services before the database.
struct App {
  App();
  ~App();

  platform::config::Config config;
  platform::obs::MetricsRegistry metrics;
  std::unique_ptr<platform::store::Database> database;
  std::unique_ptr<platform::http::StaticFiles> static_files;
  std::unique_ptr<platform::crypto::SecretBox> secrets;
  std::unique_ptr<platform::crypto::PasswordHasher> hasher;
  std::unique_ptr<platform::crypto::PasswordPolicy> password_policy;
  std::unique_ptr<platform::mail::Mailer> mailer;
  std::unique_ptr<platform::mail::MailQueue> mail_queue;
  std::unique_ptr<platform::ratelimit::RateLimiter> rate_limiter;
  std::unique_ptr<features::accounts::InstanceSettings> settings;
  std::unique_ptr<features::accounts::AccountMails> account_mails;
  std::unique_ptr<features::accounts::AccountsDeps> accounts;
  std::unique_ptr<features::accounts::AuthService> auth;
  std::unique_ptr<features::accounts::AccountService> account;
  std::unique_ptr<features::admin::AdminService> admin;
  std::unique_ptr<features::exercises::ExerciseService> exercises;
  std::unique_ptr<features::workouts::WorkoutService> workouts;
  std::unique_ptr<features::workouts::RoutineService> routines;
  std::unique_ptr<features::workouts::ProgramService> programs;
  std::unique_ptr<features::body::MeasurementService> measurements;
  std::unique_ptr<platform::jobs::JobQueue> jobs;  // background jobs (imports)
  std::unique_ptr<features::imports::ImportService> imports;
  std::unique_ptr<features::diagnostics::WriteProbeService> write_probes;
  std::unique_ptr<platform::jobs::Housekeeping> housekeeping;  // expired rows, every 10 minutes
  std::unique_ptr<platform::http::HttpApp> http;
};

// The composition root: database -> repositories -> services -> routes -> middleware.
// `start_background` starts the mail sender (off for one-shot commands).
std::unique_ptr<App> BuildApp(const platform::config::Config& config, platform::obs::Logger& logger,
                              bool start_background = true);

}  // namespace vigor::app
