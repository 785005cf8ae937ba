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
  std::unique_ptr<features::diagnostics::WriteProbeService> write_probes;
  std::unique_ptr<platform::http::HttpApp> http;
};

// The composition root: database -> repositories -> services -> routes -> middleware.
std::unique_ptr<App> BuildApp(const platform::config::Config& config,
                              platform::obs::Logger& logger);

}  // namespace vigor::app
