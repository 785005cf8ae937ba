#include "app/build_app.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <fstream>
#include <limits>

#include "app/build_info.hpp"
#include "app/feature_links.hpp"
#include "features/accounts/feature.hpp"
#include "features/admin/feature.hpp"
#include "features/apps/feature.hpp"
#include "features/backups/feature.hpp"
#include "features/body/feature.hpp"
#include "features/challenges/feature.hpp"
#include "features/clubs/feature.hpp"
#include "features/consent/feature.hpp"
#include "features/dashboard/feature.hpp"
#include "features/diagnostics/feature.hpp"
#include "features/exercises/feature.hpp"
#include "features/feed/feature.hpp"
#include "features/goals/feature.hpp"
#include "features/imports/feature.hpp"
#include "features/meta/feature.hpp"
#include "features/moderation/feature.hpp"
#include "features/notifications/feature.hpp"
#include "features/nutrition/diary_feature.hpp"
#include "features/nutrition/foods_feature.hpp"
#include "features/nutrition/targets_feature.hpp"
#include "features/oauth/feature.hpp"
#include "features/oauth/grant_revocation.hpp"
#include "features/operations/feature.hpp"
#include "features/portability/feature.hpp"
#include "features/records/feature.hpp"
#include "features/social/feature.hpp"
#include "features/stats/feature.hpp"
#include "features/sync/feature.hpp"
#include "features/webhooks/feature.hpp"
#include "features/workouts/feature.hpp"
#include "platform/crypto/password.hpp"
#include "platform/crypto/password_policy.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/error.hpp"
#include "platform/events/dispatcher.hpp"
#include "platform/events/event_bus.hpp"
#include "platform/events/event_streams.hpp"
#include "platform/events/outbox.hpp"
#include "platform/events/routes.hpp"
#include "platform/jobs/cluster_schedule.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/mail/mailer.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/open_database.hpp"
#include "platform/store/pg_listener.hpp"
#include "platform/store/table_watch.hpp"

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
  // Replica reads (--database-replica): how many the replica served, how many went to the
  // primary instead, and how far behind the replica was at the latest one.
  metrics.CounterCallback(
      "vigor_db_replica_reads_total", "Reads served by the PostgreSQL replica since start.",
      [database] { return static_cast<double>(database->Stats().replica_reads); });
  metrics.CounterCallback(
      "vigor_db_replica_fallbacks_total",
      "Replica reads served by the primary instead (replica behind, down or promoted).",
      [database] { return static_cast<double>(database->Stats().replica_fallbacks); });
  metrics.GaugeCallback(
      "vigor_db_replica_lag_bytes",
      "WAL bytes the replica had yet to replay at the latest replica read.",
      [database] { return static_cast<double>(database->Stats().replica_lag_bytes); });
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

// This process among the instances sharing the database (periodic_runs.lease_owner): the host,
// the process and a random part, so a restarted process on the same host is another instance.
std::string InstanceName() {
  char host[256] = {};
  if (::gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + "/" + std::to_string(::getpid()) + "/" +
         platform::crypto::RandomToken(6);
}

// The platform's own expired rows: delivered mail and idle rate-limit buckets.
void RegisterPlatformHousekeeping(App& app) {
  using platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;
  auto* mail_queue = app.mail_queue.get();
  auto* rate_limiter = app.rate_limiter.get();
  app.housekeeping->Add("mail_outbox", [mail_queue](Session& s, TimePoint now, int limit) {
    return mail_queue->PurgeOld(s, now, limit);
  });
  app.sealed_columns.Add({.table = "mail_outbox",
                          .key_columns = {"id"},
                          .column = "sealed_body",
                          .what = "queued mail bodies (one-time links)"});
  app.housekeeping->Add("rate_limits", [rate_limiter](Session& s, TimePoint now, int limit) {
    return rate_limiter->PurgeIdle(s, now, limit);
  });
}

// What /api/v1/meta tells clients; admins change the registration mode and map tiles at run time.
features::meta::InstanceInfo InstanceInfoOf(const platform::config::Config& config,
                                            features::accounts::InstanceSettings& settings) {
  return {.version = std::string(Version()),
          .instance_name = config.instance_name,
          .registration = [&settings] { return settings.Registration(); },
          .map_tiles = [&settings] { return settings.MapTiles(); }};
}

// Checked when the configuration was loaded.
platform::http::TrustedProxies TrustedProxiesOf(const platform::config::Config& config) {
  std::string error;
  auto proxies = platform::http::TrustedProxies::Parse(config.trusted_proxies, error);
  if (!proxies) throw std::invalid_argument("trusted proxies: " + error);
  return std::move(*proxies);
}

// Installs feature F: constructed with the context and `links` (other features' interfaces it
// needs), kept by the app until shutdown.
template <class F, class... Links>
F& Install(App& app, platform::FeatureContext& context, Links&&... links) {
  auto feature = std::make_unique<F>(context, std::forward<Links>(links)...);
  F& installed = *feature;
  app.features.push_back(std::move(feature));
  return installed;
}

}  // namespace

namespace {

// A database file made by an earlier version, before `vigor` set its umask, may be readable by
// others: it becomes 0600, its -wal and -shm files with it (SQLite gives them the database
// file's mode when it creates them).
void KeepPrivate(const std::filesystem::path& database, platform::obs::Logger& logger) {
  for (const auto& path : {database, std::filesystem::path(database.string() + "-wal"),
                           std::filesystem::path(database.string() + "-shm")}) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || (st.st_mode & 077) == 0) continue;
    if (::chmod(path.c_str(), 0600) == 0) {
      logger.Info("database file made private (0600)", {{"file", path.string()}});
    } else {
      logger.Warn("database file is readable by others; chmod 600 it", {{"file", path.string()}});
    }
  }
}

}  // namespace

platform::crypto::SecretBox OpenKeyring(const platform::config::Config& config) {
  if (!config.secret_keys.empty()) {
    return platform::crypto::SecretBox::FromText(config.secret_keys, "VIGOR_SECRET_KEYS");
  }
  return platform::crypto::SecretBox::LoadOrCreate(config.secret_key_path());
}

App::App() = default;

App::~App() {
  // Nothing more from the other instances: it would wake what is stopping next.
  if (listener) listener->Stop();
  // Background threads use the database and the features' services: stop them first.
  if (housekeeping) housekeeping->Stop();
  for (auto it = features.rbegin(); it != features.rend(); ++it) (*it)->Stop();
  if (mail_queue) mail_queue->Stop();
  if (jobs) jobs->Stop();
  if (event_dispatcher) event_dispatcher->Stop();
  // Streams end with a farewell; the server closes them before requests in flight finish.
  if (event_bus) event_bus->EndAll();
  // Then what serves requests, then the features, last installed first: a feature may hold
  // references to the services of those installed before it.
  http.reset();
  while (!features.empty()) features.pop_back();
}

void App::StartBackground() {
  // The dispatcher first: it starts reading the outbox where it stands when started.
  event_dispatcher->Start();
  if (listener) listener->Start();
  mail_queue->Start();
  jobs->Start();
  housekeeping->Start();
  for (auto& feature : features) feature->Start();
}

std::unique_ptr<App> BuildApp(const platform::config::Config& config, platform::obs::Logger& logger,
                              bool start_background) {
  auto app = std::make_unique<App>();
  app->config = config;

  // Storage.
  // The data directory holds more than SQLite's file (the secret key, the mail outbox): it exists
  // whichever database holds the rows.
  std::filesystem::create_directories(config.data_dir);
  // Every write passes the table watch, which tells the credential cache when a table its copies
  // were read from changed.
  auto owned_watch =
      std::make_unique<platform::store::TableWatch>(platform::store::OpenDatabase(config, logger));
  auto* watch = owned_watch.get();
  app->credential_cache = std::make_unique<platform::auth::CredentialCache>(
      *watch, std::chrono::seconds(config.credential_cache_seconds));
  app->database = std::move(owned_watch);
  if (!config.postgresql()) KeepPrivate(config.database_path(), logger);
  auto& database = *app->database;
  RegisterDatabaseMetrics(app->metrics, &database);
  app->metrics.Gauge("vigor_build_info", "The running build; the value is always 1.", {"version"})
      .Set({std::string(Version())}, 1);

  if (!config.web_dir.empty()) {
    app->static_files = platform::http::StaticFiles::Load(config.web_dir, logger);
  }

  // Platform services.
  app->secrets = std::make_unique<platform::crypto::SecretBox>(OpenKeyring(config));
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
  app->jobs = std::make_unique<platform::jobs::JobQueue>(
      database, logger, std::chrono::seconds(config.job_lease_seconds));
  // The shared queue's backlog (deploy/prometheus alerts on it). One COUNT per scrape; while the
  // database is away the figure is unknown (NaN), and /metrics still answers.
  app->metrics.GaugeCallback("vigor_jobs_queued",
                             "Background jobs waiting for a runner, across all instances.",
                             [jobs = app->jobs.get()] {
                               try {
                                 return static_cast<double>(jobs->QueuedCount());
                               } catch (const platform::Error&) {
                                 return std::numeric_limits<double>::quiet_NaN();
                               }
                             });
  // ---- issue 17 lane events: periodic work once per cluster ----
  app->cluster_schedule =
      std::make_unique<platform::jobs::ClusterSchedule>(database, logger, InstanceName());
  app->cluster_schedule->CountRunsIn(app->metrics.Counter(
      "vigor_periodic_runs_total",
      "Periodic work (housekeeping, backup, backup_drill) run by this instance, by name; the "
      "other instances skip a period one of them ran.",
      {"name"}));
  // Expired rows go away in the background, once per period across the instances; each task is
  // its owner's own SQL.
  app->housekeeping = std::make_unique<platform::jobs::Housekeeping>(database, logger);
  app->housekeeping->RunOn(*app->cluster_schedule);
  // ---- end issue 17 lane events ----
  RegisterPlatformHousekeeping(*app);

  // The event outbox before the features: they append to it inside their transactions (goals).
  // On PostgreSQL each Append also tells the other instances (NOTIFY, see outbox.hpp).
  app->event_outbox = std::make_unique<platform::events::EventOutbox>(config.postgresql());
  app->notifier = std::make_unique<features::notifications::NotifierSlot>();
  app->reportable = std::make_unique<features::moderation::ReportableKinds>();
  app->grant_events = std::make_unique<features::oauth::GrantObservers>();

  // Features, each installing its routes, housekeeping tasks, job kinds and event kinds.
  platform::http::Router router;
  std::vector<platform::http::Middleware> middleware;
  platform::FeatureContext context{.config = app->config,
                                   .logger = logger,
                                   .metrics = app->metrics,
                                   .database = database,
                                   .secrets = *app->secrets,
                                   .hasher = *app->hasher,
                                   .password_policy = *app->password_policy,
                                   .mail = *app->mail_queue,
                                   .rate_limiter = *app->rate_limiter,
                                   .router = router,
                                   .middleware = middleware,
                                   .housekeeping = *app->housekeeping,
                                   .jobs = *app->jobs,
                                   .event_kinds = app->event_kinds,
                                   .sealed_columns = app->sealed_columns,
                                   .credential_cache = app->credential_cache.get()};
  Install<features::operations::OperationsFeature>(*app, context);
  auto& accounts = Install<features::accounts::AccountsFeature>(*app, context);
  Install<features::meta::MetaFeature>(*app, context, InstanceInfoOf(config, accounts.settings()));
  Install<features::admin::AdminFeature>(*app, context, accounts);
  // Notifications before every feature that notifies (they call Notify inside their writes);
  // the people lookup for the list's cards is connected once social is installed.
  auto& notifications =
      Install<features::notifications::NotificationsFeature>(*app, context, *app->event_outbox);
  app->notifier->Connect(notifications.notifier());
  notifications.SetRecipients(DigestRecipientOf(accounts.account()));
  // People and privacy before every feature that shares a user's items with others.
  auto& social =
      Install<features::social::SocialFeature>(*app, context, *app->notifier, *app->reportable);
  notifications.SetPeople(social.lookup());
  auto& exercises = Install<features::exercises::ExercisesFeature>(*app, context);
  auto& workouts = Install<features::workouts::WorkoutsFeature>(
      *app, context, ExerciseLookupOf(exercises.service()), social, *app->reportable);
  auto& body = Install<features::body::BodyFeature>(*app, context,
                                                    ProfileTimeZoneOf(accounts.account()), social);
  auto& imports = Install<features::imports::ImportsFeature>(*app, context, exercises.service(),
                                                             ProfileTimeZoneOf(accounts.account()),
                                                             workouts.changes());
  // Imported workouts get the owner's default visibility; others see tracks cut by zones.
  imports.service().SetDefaultVisibility(workouts.workouts().default_visibility());
  // A deleted workout's original file goes with it (issue 15).
  workouts.changes().Add([&imports](platform::store::Session& s,
                                    std::span<const features::workouts::WorkoutChange> changes) {
    imports.service().ForgetOriginals(s, changes);
  });
  workouts.visibility_changes().SetMeasurementBatch(
      [&body](platform::store::Session& s, const std::string& user_id,
              const std::string& visibility, const std::optional<std::string>& from,
              const std::optional<std::string>& to, int limit) {
        return body.measurements().ChangeVisibilityBatch(s, user_id, visibility, from, to, limit);
      });
  workouts.shared().SetTrackSource([&imports](platform::store::Session& s,
                                              const std::string& user_id,
                                              const std::string& workout_id) {
    return imports.service().StoredTrackOf(s, user_id, workout_id);
  });
  // Records, stats and goals keep what they derive from workouts in the write's transaction, in
  // this order: goals read the records' and the aggregates' new state.
  auto& records = Install<features::records::RecordsFeature>(
      *app, context, workouts.changes(),
      WorkoutLogOf(workouts.workouts(), imports.service(), exercises.service()),
      TrainingProfileOf(accounts.account()));
  auto& stats = Install<features::stats::StatsFeature>(
      *app, context, workouts.changes(),
      StatsSourcesOf(workouts.workouts(), exercises.service(), body.measurements(),
                     accounts.account()));
  social.ConnectStats(ProfileStatsOf(stats.service()));
  auto& goals = Install<features::goals::GoalsFeature>(
      *app, context,
      GoalMetricSourcesOf(stats.service(), records.service(), body.measurements(),
                          exercises.service()),
      TrainingProfileOf(accounts.account()), workouts.changes(), *app->event_outbox);
  // The feed after records and goals: its workout observer runs after theirs.
  Install<features::feed::FeedFeature>(
      *app, context,
      features::feed::FeedFeature::Links{
          .social = social,
          .workout_changes = workouts.changes(),
          .record_changes = records.service().observers(),
          .goals_reached = goals.service().reached_observers(),
          .notifier = *app->notifier,
          .reportable = *app->reportable,
          .workout_snapshot = FeedWorkoutSnapshotOf(workouts.workouts())});
  Install<features::dashboard::DashboardFeature>(
      *app, context,
      DashboardSourcesOf(stats.service(), goals.service(), records.service(),
                         TrainingProfileOf(accounts.account())));
  // Community: clubs (people and privacy from social; notifies; its content can be reported).
  // Before challenges, which ask it who belongs to and who runs a club.
  auto& clubs = Install<features::clubs::ClubsFeature>(*app, context, social, *app->notifier,
                                                       *app->reportable);
  // Challenges keep their members' entries from workouts in the write's transaction.
  Install<features::challenges::ChallengesFeature>(
      *app, context, social.lookup(), *app->notifier, workouts.changes(),
      features::challenges::ChallengeService::Links{
          .workouts = ChallengeWorkoutsOf(workouts.workouts()),
          .club_member = ChallengeClubMemberOf(clubs.service()),
          .club_admin = ChallengeClubAdminOf(clubs.service())});
  Install<features::sync::SyncFeature>(*app, context);
  if (config.enable_write_probe) Install<features::diagnostics::DiagnosticsFeature>(*app, context);
  // Nutrition: foods (search, barcodes, custom foods, the Open Food Facts import), targets and
  // the nutrient day and week views, then the diary and recipes, which log foods, show the
  // targets and give back their days' totals (to targets) and recipes as foods (to search).
  auto& foods = Install<features::nutrition::FoodsFeature>(*app, context);
  auto& nutrition_targets = Install<features::nutrition::TargetsFeature>(
      *app, context,
      NutritionSourcesOf(accounts.account(), body.measurements(), workouts.workouts()));
  goals.service().SetNutritionDays(GoalNutritionDaysOf(nutrition_targets.service()));
  {
    namespace nutrition = features::nutrition;
    auto& diary = Install<nutrition::DiaryFeature>(
        *app, context, foods.lookup(), foods.use_recorder(), nutrition_targets.targets_lookup(),
        ExerciseEnergyOf(workouts.workouts(), body.measurements(), accounts.account()));
    nutrition_targets.SetDiaryTotals(diary.diary_totals());
    foods.SetRecipeSearch(diary.recipe_search());
    foods.SetRecipeLookup(diary.foods_with_recipes());
  }
  // Moderation: reports on the kinds other features registered in *app->reportable (read per
  // request), decisions told through the notifier (a suspension mailed too); gives accounts its
  // suspension check.
  auto& moderation = Install<features::moderation::ModerationFeature>(
      *app, context, *app->reportable, *app->notifier, social.lookup(), accounts.auth());
  moderation.SetRecipients(DigestRecipientOf(accounts.account()));
  // ---- issue 15 lane consent ----
  // The privacy policy and the consent to process health data: sign-up requires it, GET /me
  // says when it is required again, deleting the account withdraws it (hooks into accounts).
  Install<features::consent::ConsentFeature>(*app, context, accounts);

  // Third-party apps (issue 14): client registration, the OAuth 2.0 authorization server,
  // webhooks, the one-request upload. Each lane installs its feature below its own line.
  // ---- issue 14 lane apps ----
  // Client apps their owners register and admins disable. Disabling or deleting one ends its
  // grants through the oauth feature, which tells *app->grant_events of each.
  auto& apps = Install<features::apps::AppsFeature>(*app, context, accounts);
  apps.service().SetGrantRevoker([&observers = *app->grant_events](platform::store::Session& s,
                                                                   const std::string& client_row_id,
                                                                   const std::string& reason) {
    features::oauth::RevokeClientGrants(s, observers, client_row_id, reason);
  });
  // ---- issue 14 lane oauth ----
  // The authorization server: checks OAuth access tokens for accounts' Bearer authentication and
  // tells *app->grant_events of every revocation.
  Install<features::oauth::OAuthFeature>(*app, context, accounts.auth(), *app->grant_events);
  // ---- issue 14 lane webhooks ----
  // Webhooks hear of workout writes and ended grants inside their transactions (a delivery is
  // queued exactly when the change commits); the admin decides whether they may reach private
  // addresses.
  Install<features::webhooks::WebhooksFeature>(
      *app, context, workouts.changes(), *app->grant_events,
      [settings = &accounts.settings()] { return settings->WebhooksAllowPrivateTargets(); });
  // ---- issue 14 lane uploads ----
  // ---- issue 15 lane backup ----
  // Scheduled backups and the restore drill, on only with --backup-dir.
  Install<features::backups::BackupsFeature>(*app, context, std::string(Version()),
                                             *app->cluster_schedule);

  // ---- issue 15 lane portability ----
  // Exports of everything a user owns and their import: the rows from the catalogue, the GPX and
  // the sets' CSV as the imports feature renders them.
  Install<features::portability::PortabilityFeature>(
      *app, context,
      features::portability::ExportSources{
          .gpx =
              [&imports](const std::string& user_id, const std::string& workout_id) {
                std::string title;
                return imports.service().Gpx({.user_id = user_id}, workout_id, title);
              },
          .sets_csv =
              [&imports](const std::string& user_id) {
                return imports.service().ExportSetsCsv({.user_id = user_id});
              }});
  // ---- end issue 15 lane portability ----

  // Live events (Server-Sent Events): outbox rows reach the bus after commit through the
  // dispatcher; job progress (imports) is the first producer.
  {
    namespace events = platform::events;
    app->event_bus = std::make_unique<events::EventBus>(events::EventBusLimits{
        .streams_per_user = config.event_streams_per_user, .streams_total = config.event_streams});
    app->event_dispatcher = std::make_unique<events::EventDispatcher>(database, *app->event_outbox,
                                                                      *app->event_bus, logger);
    app->event_outbox->OnAppend([d = app->event_dispatcher.get()] { d->Expect(); });
    app->event_streams = std::make_unique<events::EventStreams>(
        database, *app->event_outbox, *app->event_bus, *app->event_dispatcher);
    events::RegisterRoutes(router, *app->event_streams,
                           {.heartbeat = std::chrono::seconds(config.event_heartbeat_seconds)});
    app->jobs->PublishProgressTo(*app->event_outbox);
    app->housekeeping->Add(
        "event_outbox", [outbox = app->event_outbox.get()](
                            platform::store::Session& s, std::chrono::system_clock::time_point now,
                            int limit) { return outbox->PurgeOld(s, now, limit); });
  }

  // ---- issue 17 lane events: what the other instances write ----
  // On PostgreSQL one LISTEN connection hears the other instances: an event appended there wakes
  // the dispatcher (an SSE stream held here hears it at once), a watched table changed there drops
  // the copies made of it here. After a reconnection everything counts as changed: the
  // notifications sent meanwhile are lost.
  if (config.postgresql()) {
    auto* dispatcher = app->event_dispatcher.get();
    app->listener = std::make_unique<platform::store::PgListener>(
        platform::store::PgListenerOptions{
            .url = config.database_url,
            .channels = {std::string(platform::events::EventOutbox::kChannel),
                         std::string(platform::store::TableWatch::kChannel)}},
        logger,
        [dispatcher, watch](std::string_view channel, std::string_view payload) {
          if (channel == platform::store::TableWatch::kChannel) {
            watch->ChangedElsewhere({std::string(payload)});
          } else {
            dispatcher->Wake();
          }
        },
        [dispatcher, watch] {
          watch->ChangedEverywhere();
          dispatcher->Wake();
        });
    auto* listener = app->listener.get();
    app->metrics.CounterCallback(
        "vigor_notify_received_total",
        "Notifications (events, table changes) heard from the database's LISTEN connection.",
        [listener] { return static_cast<double>(listener->received()); });
    app->metrics.GaugeCallback("vigor_notify_listener_connected",
                               "1 while the LISTEN connection to the database is up, else 0.",
                               [listener] { return listener->connected() ? 1.0 : 0.0; });
    app->metrics.CounterCallback(
        "vigor_notify_listener_connections_total",
        "Times the LISTEN connection was made (1 + reconnections after the server went away).",
        [listener] { return static_cast<double>(listener->connections()); });
  }
  // ---- end issue 17 lane events ----

  // HTTP.
  auto* settings = &accounts.settings();
  app->http = std::make_unique<platform::http::HttpApp>(
      std::move(router), app->static_files.get(),
      platform::http::AppOptions{.tls = config.tls(),
                                 .access_log = config.access_log,
                                 .image_source = [settings] { return settings->MapImageSource(); },
                                 .trusted_proxies = TrustedProxiesOf(config),
                                 .max_body_bytes = config.max_body_bytes,
                                 .conditional_gets = config.conditional_gets},
      logger, app->metrics);
  for (auto& m : middleware) app->http->Use(std::move(m));

  if (start_background) app->StartBackground();
  return app;
}

}  // namespace vigor::app
