#include "app/build_app.hpp"

#include <fstream>

#include "app/build_info.hpp"
#include "core/text_fold.hpp"
#include "features/accounts/account_service.hpp"
#include "features/accounts/auth_middleware.hpp"
#include "features/accounts/auth_service.hpp"
#include "features/accounts/instance_settings.hpp"
#include "features/accounts/mails.hpp"
#include "features/accounts/routes.hpp"
#include "features/admin/admin_service.hpp"
#include "features/admin/routes.hpp"
#include "features/diagnostics/routes.hpp"
#include "features/exercises/exercise_service.hpp"
#include "features/exercises/routes.hpp"
#include "features/imports/import_service.hpp"
#include "features/imports/routes.hpp"
#include "features/meta/routes.hpp"
#include "features/operations/routes.hpp"
#include "features/workouts/measurement_service.hpp"
#include "features/workouts/program_service.hpp"
#include "features/workouts/routes.hpp"
#include "features/workouts/routine_service.hpp"
#include "features/workouts/workout_service.hpp"
#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/mail/mailer.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/sqlite_database.hpp"

namespace vigor::app {

namespace {

void RegisterDatabaseMetrics(platform::obs::MetricsRegistry& metrics,
                             platform::store::Database* database) {
  metrics.GaugeCallback("vigor_db_readers_in_use", "Database read connections in use.",
                        [database] { return database->Stats().readers_in_use; });
  metrics.GaugeCallback("vigor_db_readers", "Database read connections in the pool.",
                        [database] { return database->Stats().readers_total; });
  metrics.GaugeCallback("vigor_db_writes_waiting",
                        "Write transactions queued for the next group commit.",
                        [database] { return database->Stats().writes_waiting; });
  metrics.CounterCallback(
      "vigor_db_write_batches_total", "Group commits (one fsync each) since start.",
      [database] { return static_cast<double>(database->Stats().write_batches); });
  metrics.CounterCallback(
      "vigor_db_writes_committed_total", "Write transactions committed since start.",
      [database] { return static_cast<double>(database->Stats().writes_committed); });
}

std::string ReadSecretFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::string secret;
  std::getline(in, secret);
  return secret;
}

std::unique_ptr<platform::mail::Mailer> MakeMailer(const platform::config::Config& config) {
  if (config.smtp_url.empty()) {
    return std::make_unique<platform::mail::OutboxDirMailer>(config.data_dir / "outbox",
                                                             config.smtp_from);
  }
  platform::mail::SmtpOptions smtp{.url = config.smtp_url,
                                   .from = config.smtp_from,
                                   .username = config.smtp_username,
                                   .require_tls = config.smtp_require_tls};
  if (!config.smtp_password_file.empty()) smtp.password = ReadSecretFile(config.smtp_password_file);
  return std::make_unique<platform::mail::SmtpMailer>(std::move(smtp));
}

// Checked when the configuration was loaded.
platform::http::TrustedProxies TrustedProxiesOf(const platform::config::Config& config) {
  std::string error;
  auto proxies = platform::http::TrustedProxies::Parse(config.trusted_proxies, error);
  if (!proxies) throw std::invalid_argument("trusted proxies: " + error);
  return std::move(*proxies);
}

}  // namespace

App::App() = default;
App::~App() {
  // The mail sender uses the database: stop it first.
  if (housekeeping) housekeeping->Stop();
  if (settings) settings->Stop();
  if (mail_queue) mail_queue->Stop();
  if (jobs) jobs->Stop();
}

std::unique_ptr<App> BuildApp(const platform::config::Config& config, platform::obs::Logger& logger,
                              bool start_background) {
  namespace accounts = features::accounts;
  auto app = std::make_unique<App>();
  app->config = config;

  // Storage.
  app->database = std::make_unique<platform::store::SqliteDatabase>(
      platform::store::SqliteOptions{.path = config.database_path(), .readers = config.db_readers},
      logger);
  auto& database = *app->database;
  RegisterDatabaseMetrics(app->metrics, &database);
  app->metrics.Gauge("vigor_build_info", "The running build; the value is always 1.", {"version"})
      .Set({std::string(Version())}, 1);

  if (!config.web_dir.empty()) {
    app->static_files = platform::http::StaticFiles::Load(config.web_dir, logger);
  }

  // Platform services.
  app->secrets = std::make_unique<platform::crypto::SecretBox>(
      platform::crypto::SecretBox::LoadOrCreate(config.secret_key_path()));
  app->hasher = std::make_unique<platform::crypto::PasswordHasher>(
      platform::crypto::PasswordParams{
          .ops_limit = static_cast<unsigned long long>(config.password_iterations),
          .mem_limit_bytes = static_cast<std::size_t>(config.password_memory_kib) * 1024},
      config.password_concurrency);
  app->password_policy = std::make_unique<platform::crypto::PasswordPolicy>(
      platform::crypto::PasswordPolicy::Embedded());
  app->mailer = MakeMailer(config);
  app->mail_queue =
      std::make_unique<platform::mail::MailQueue>(database, *app->secrets, *app->mailer, logger);
  app->rate_limiter = std::make_unique<platform::ratelimit::RateLimiter>(database);

  // Accounts.
  app->settings =
      std::make_unique<accounts::InstanceSettings>(database, config.registration, logger);
  app->account_mails =
      std::make_unique<accounts::AccountMails>(config.effective_public_url(), config.instance_name);
  accounts::AuthOptions auth_options;
  auth_options.session_idle = std::chrono::hours(config.session_idle_hours);
  auth_options.session_absolute = std::chrono::hours(config.session_absolute_hours);
  // An aggregate: make_unique would need C++20's parenthesised aggregate initialisation, which
  // clang 14 (clang-tidy) does not have.
  // NOLINTNEXTLINE(modernize-make-unique)
  app->accounts.reset(new accounts::AccountsDeps{
      database, *app->hasher, *app->password_policy, *app->secrets, *app->mail_queue,
      *app->rate_limiter, *app->settings, *app->account_mails, auth_options});
  app->auth = std::make_unique<accounts::AuthService>(*app->accounts);
  app->account =
      std::make_unique<accounts::AccountService>(*app->accounts, *app->auth, config.instance_name);
  app->admin = std::make_unique<features::admin::AdminService>(*app->accounts, *app->auth);

  // Routes.
  platform::http::Router router;
  const auto& migrations = platform::store::EmbeddedMigrations(database.dialect());
  features::operations::RegisterRoutes(
      router, database, migrations.empty() ? 0 : migrations.back().version, app->metrics);
  auto* settings = app->settings.get();
  features::meta::RegisterRoutes(router, {std::string(Version()), config.instance_name,
                                          [settings] { return settings->Registration(); },
                                          [settings] { return settings->MapTiles(); }});
  bool secure = config.tls() || config.effective_public_url().starts_with("https://");
  accounts::RegisterRoutes(router, *app->auth, *app->account, {.secure = secure});
  features::admin::RegisterRoutes(router, *app->admin);
  app->exercises = std::make_unique<features::exercises::ExerciseService>(
      database, features::exercises::Catalog::Embedded());
  features::exercises::RegisterRoutes(router, *app->exercises);
  {
    // Workouts and routines may name a catalogue exercise or one of the user's own.
    features::workouts::ExerciseExists exercise_exists =
        [exercises = app->exercises.get()](platform::store::Session& s, const std::string& user_id,
                                           const std::string& exercise_id) {
          return exercises->Exists(s, user_id, exercise_id);
        };
    features::workouts::ExerciseNames exercise_names =
        [exercises = app->exercises.get()](platform::store::Session& s, const std::string& user_id,
                                           const std::vector<std::string>& ids) {
          std::unordered_map<std::string, std::string> names;
          for (auto& [id, exercise] : exercises->FindForDisplay(s, user_id, ids)) {
            names.emplace(id, std::move(exercise.name));
          }
          return names;
        };
    features::workouts::ExerciseSearch exercise_search =
        [exercises = app->exercises.get()](platform::store::Session& s, const std::string& user_id,
                                           const std::string& text, int limit) {
          std::vector<std::string> ids;
          // The exercise search lists everything for a text without words ("%"): match none.
          if (core::SearchWords(text).empty()) return ids;
          for (auto& e : exercises->Search(s, user_id, {.text = text, .limit = limit}).items) {
            ids.push_back(std::move(e.id));
          }
          return ids;
        };
    app->workouts = std::make_unique<features::workouts::WorkoutService>(
        database,
        features::workouts::ExerciseLookup{exercise_exists, exercise_names, exercise_search});
    features::workouts::InCatalogue in_catalogue =
        [exercises = app->exercises.get()](const std::string& exercise_id) {
          return exercises->catalog().Find(exercise_id) != nullptr;
        };
    app->routines = std::make_unique<features::workouts::RoutineService>(database, exercise_exists,
                                                                         in_catalogue);
    app->measurements = std::make_unique<features::workouts::MeasurementService>(database);
    features::workouts::RegisterRoutes(router, *app->workouts, *app->routines, *app->measurements);
    app->programs = std::make_unique<features::workouts::ProgramService>(database);
    features::workouts::RegisterProgramRoutes(router, *app->programs);
  }
  // Imports run as background jobs.
  app->jobs = std::make_unique<platform::jobs::JobQueue>(database, logger);
  app->imports =
      std::make_unique<features::imports::ImportService>(database, *app->jobs, *app->exercises);
  features::imports::RegisterRoutes(router, *app->imports);
  if (config.enable_write_probe) {
    app->write_probes = std::make_unique<features::diagnostics::WriteProbeService>(database);
    features::diagnostics::RegisterRoutes(router, *app->write_probes);
  }

  // Expired rows go away in the background; each task is its owner's own SQL.
  app->housekeeping = std::make_unique<platform::jobs::Housekeeping>(database, logger);
  {
    using platform::store::Session;
    using TimePoint = std::chrono::system_clock::time_point;
    auto* auth = app->auth.get();
    auto* workouts = app->workouts.get();
    auto* mail_queue = app->mail_queue.get();
    auto* rate_limiter = app->rate_limiter.get();
    app->housekeeping->Add("sessions", [auth](Session& s, TimePoint now, int limit) {
      return auth->PurgeDeadSessions(s, now, limit);
    });
    app->housekeeping->Add("one_time_tokens", [auth](Session& s, TimePoint now, int limit) {
      return auth->PurgeExpiredOneTimeTokens(s, now, limit);
    });
    app->housekeeping->Add("idempotency_keys", [workouts](Session& s, TimePoint now, int limit) {
      return workouts->PurgeIdempotencyKeys(s, now, limit);
    });
    app->housekeeping->Add("mail_outbox", [mail_queue](Session& s, TimePoint now, int limit) {
      return mail_queue->PurgeOld(s, now, limit);
    });
    app->housekeeping->Add("rate_limits", [rate_limiter](Session& s, TimePoint now, int limit) {
      return rate_limiter->PurgeIdle(s, now, limit);
    });
  }

  app->http = std::make_unique<platform::http::HttpApp>(
      std::move(router), app->static_files.get(),
      platform::http::AppOptions{.tls = config.tls(),
                                 .access_log = config.access_log,
                                 .image_source = [settings] { return settings->MapImageSource(); },
                                 .trusted_proxies = TrustedProxiesOf(config)},
      logger, app->metrics);
  std::string origin = config.effective_public_url();
  app->http->Use(accounts::MakeAuthMiddleware(*app->auth,
                                              {.secure_cookies = secure, .public_origin = origin}));

  if (start_background) app->mail_queue->Start();
  if (start_background) app->jobs->Start();
  if (start_background) app->housekeeping->Start();
  if (start_background) app->settings->Start();
  return app;
}

}  // namespace vigor::app
