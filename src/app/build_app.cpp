#include "app/build_app.hpp"

#include "app/build_info.hpp"
#include "features/diagnostics/routes.hpp"
#include "features/meta/routes.hpp"
#include "features/operations/routes.hpp"
#include "platform/store/migrations.hpp"
#include "platform/store/sqlite_database.hpp"

namespace vigor::app {

App::App() = default;
App::~App() = default;

std::unique_ptr<App> BuildApp(const platform::config::Config& config,
                              platform::obs::Logger& logger) {
  auto app = std::make_unique<App>();
  app->config = config;

  app->database = std::make_unique<platform::store::SqliteDatabase>(
      platform::store::SqliteOptions{.path = config.database_path(), .readers = config.db_readers},
      logger);
  auto* database = app->database.get();
  app->metrics.GaugeCallback("vigor_db_readers_in_use", "Database read connections in use.",
                             [database] { return database->Stats().readers_in_use; });
  app->metrics.GaugeCallback("vigor_db_readers", "Database read connections in the pool.",
                             [database] { return database->Stats().readers_total; });
  app->metrics.GaugeCallback("vigor_db_writes_waiting",
                             "Write transactions queued for the next group commit.",
                             [database] { return database->Stats().writes_waiting; });
  app->metrics.CounterCallback(
      "vigor_db_write_batches_total", "Group commits (one fsync each) since start.",
      [database] { return static_cast<double>(database->Stats().write_batches); });
  app->metrics.CounterCallback(
      "vigor_db_writes_committed_total", "Write transactions committed since start.",
      [database] { return static_cast<double>(database->Stats().writes_committed); });
  app->metrics.Gauge("vigor_build_info", "The running build; the value is always 1.", {"version"})
      .Set({std::string(Version())}, 1);

  if (!config.web_dir.empty()) {
    app->static_files = platform::http::StaticFiles::Load(config.web_dir, logger);
  }

  platform::http::Router router;
  const auto& migrations = platform::store::EmbeddedMigrations(database->dialect());
  features::operations::RegisterRoutes(
      router, *database, migrations.empty() ? 0 : migrations.back().version, app->metrics);
  features::meta::RegisterRoutes(
      router, {std::string(Version()), config.instance_name, config.registration});
  if (config.enable_write_probe) {
    app->write_probes = std::make_unique<features::diagnostics::WriteProbeService>(*database);
    features::diagnostics::RegisterRoutes(router, *app->write_probes);
  }

  app->http = std::make_unique<platform::http::HttpApp>(
      std::move(router), app->static_files.get(),
      platform::http::AppOptions{.tls = false, .access_log = config.access_log}, logger,
      app->metrics);
  return app;
}

}  // namespace vigor::app
