#pragma once

#include <memory>
#include <stdexcept>
#include <typeinfo>
#include <vector>

#include "features/moderation/reportable.hpp"
#include "features/notifications/notifier.hpp"
#include "features/oauth/grant_events.hpp"
#include "platform/auth/credential_cache.hpp"
#include "platform/config/config.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/feature.hpp"
#include "platform/http/app.hpp"
#include "platform/http/static_files.hpp"
#include "platform/obs/log.hpp"
#include "platform/obs/metrics.hpp"
#include "platform/store/database.hpp"

namespace vigor::platform::events {
class EventOutbox;
class EventBus;
class EventDispatcher;
class EventStreams;
}  // namespace vigor::platform::events
namespace vigor::platform::jobs {
class ClusterSchedule;
class Housekeeping;
class JobQueue;
}  // namespace vigor::platform::jobs
namespace vigor::platform::store {
class PgListener;
}
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

// Everything a running Vigor holds. Members are declared in dependency order and destroyed in
// reverse: background threads are stopped first (~App), then the HTTP layer goes, then the
// features (last installed first), then the platform's services, then the database.
struct App {
  App();
  ~App();

  // Starts the background work: mail sender, job runner, housekeeping, each feature's own.
  void StartBackground();

  // The installed feature of type F (e.g. features::exercises::ExercisesFeature); throws
  // std::logic_error when it was not installed.
  template <class F>
  F& Get() const {
    for (const auto& feature : features) {
      if (auto* f = dynamic_cast<F*>(feature.get())) return *f;
    }
    throw std::logic_error(std::string("feature not installed: ") + typeid(F).name());
  }

  platform::config::Config config;
  platform::obs::MetricsRegistry metrics;
  std::unique_ptr<platform::store::Database> database;
  // Resolved credentials in memory; after the database, which it subscribes to, so it goes first.
  std::unique_ptr<platform::auth::CredentialCache> credential_cache;
  std::unique_ptr<platform::http::StaticFiles> static_files;
  std::unique_ptr<platform::crypto::SecretBox> secrets;
  std::unique_ptr<platform::crypto::PasswordHasher> hasher;
  std::unique_ptr<platform::crypto::PasswordPolicy> password_policy;
  std::unique_ptr<platform::mail::Mailer> mailer;
  std::unique_ptr<platform::mail::MailQueue> mail_queue;
  std::unique_ptr<platform::ratelimit::RateLimiter> rate_limiter;
  // Live events: the outbox, the in-process bus, its dispatcher, the streams' service. Declared
  // before the job queue, which appends progress events to the outbox.
  std::unique_ptr<platform::events::EventOutbox> event_outbox;
  // What features tell users through (features/notifications/notifier.hpp): made before the
  // features, connected to the notifications feature when it is installed.
  std::unique_ptr<features::notifications::NotifierSlot> notifier;
  // Kinds of content users can report (features/moderation/reportable.hpp): each feature that
  // owns one adds its resolver while it installs; moderation reads them.
  std::unique_ptr<features::moderation::ReportableKinds> reportable;
  // Who hears of an app's authorisation ending (features/oauth/grant_events.hpp): the OAuth
  // feature notifies, webhooks observe. Made before the features.
  std::unique_ptr<features::oauth::GrantObservers> grant_events;
  std::unique_ptr<platform::events::EventBus> event_bus;
  std::unique_ptr<platform::events::EventDispatcher> event_dispatcher;
  std::unique_ptr<platform::events::EventStreams> event_streams;
  std::unique_ptr<platform::jobs::JobQueue> jobs;  // background jobs (imports)
  // Periodic work once per period across the instances sharing the database (issue 17).
  std::unique_ptr<platform::jobs::ClusterSchedule> cluster_schedule;
  std::unique_ptr<platform::jobs::Housekeeping> housekeeping;  // expired rows, every 10 minutes
  platform::EventKinds event_kinds;                            // what features publish
  platform::crypto::SealedColumns sealed_columns;              // where sealed values live
  std::vector<std::unique_ptr<platform::Feature>> features;    // in the order installed
  std::unique_ptr<platform::http::HttpApp> http;
  // PostgreSQL only: hears the other instances' events and table changes (issue 17).
  std::unique_ptr<platform::store::PgListener> listener;
};

// The composition root: database -> platform services -> features (each installs its routes,
// tasks, job and event kinds) -> HTTP app with the features' middleware.
// `start_background` starts the background work (off for one-shot commands).
std::unique_ptr<App> BuildApp(const platform::config::Config& config, platform::obs::Logger& logger,
                              bool start_background = true);

// The instance's keyring: VIGOR_SECRET_KEYS when set (fixed), else the key file (created with one
// key when absent, followed when it changes).
platform::crypto::SecretBox OpenKeyring(const platform::config::Config& config);

}  // namespace vigor::app
