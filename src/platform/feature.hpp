#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/http/app.hpp"

namespace vigor::platform::config {
struct Config;
}
namespace vigor::platform::auth {
class CredentialCache;
}
namespace vigor::platform::crypto {
class PasswordHasher;
class PasswordPolicy;
class SecretBox;
class SealedColumns;
}  // namespace vigor::platform::crypto
namespace vigor::platform::jobs {
class Housekeeping;
class JobQueue;
}  // namespace vigor::platform::jobs
namespace vigor::platform::mail {
class MailQueue;
}
namespace vigor::platform::obs {
class Logger;
class MetricsRegistry;
}  // namespace vigor::platform::obs
namespace vigor::platform::ratelimit {
class RateLimiter;
}
namespace vigor::platform::store {
class Database;
}

// How a feature (a folder of src/features) becomes part of the running application. Each feature
// has one entry point, a class derived from Feature whose constructor takes the FeatureContext
// (and the narrow interfaces of other features it needs, as service methods), builds its
// services and registers everything it brings: routes, housekeeping tasks, job kinds, event
// kinds, middleware. The composition root (app/build_app.cpp) is then a list of features.
namespace vigor::platform {

// The kinds of events features produce (after commit, through the event outbox), each named once
// here so the bus can refuse an unknown kind and list the known ones.
class EventKinds {
 public:
  struct Kind {
    std::string name;         // "import.progress": feature, dot, what happened
    std::string description;  // one line, for operators and the docs
  };

  void Add(std::string name, std::string description) {
    kinds_.push_back({std::move(name), std::move(description)});
  }
  bool Contains(std::string_view name) const {
    for (const auto& k : kinds_) {
      if (k.name == name) return true;
    }
    return false;
  }
  const std::vector<Kind>& all() const { return kinds_; }

 private:
  std::vector<Kind> kinds_;
};

// What a feature is given while it installs itself: the platform's services, and the registries
// it adds to. Valid only during installation: a feature keeps references to the services it
// uses (they outlive every feature), never to the context.
struct FeatureContext {
  const config::Config& config;
  obs::Logger& logger;
  obs::MetricsRegistry& metrics;
  store::Database& database;
  crypto::SecretBox& secrets;
  crypto::PasswordHasher& hasher;
  const crypto::PasswordPolicy& password_policy;
  mail::MailQueue& mail;
  ratelimit::RateLimiter& rate_limiter;

  // Registries. Routes and middleware go to the HTTP app once every feature is installed
  // (middleware in the order added); housekeeping tasks and job handlers run on the platform's
  // background threads; event kinds are what the event bus will carry.
  http::Router& router;
  std::vector<http::Middleware>& middleware;
  jobs::Housekeeping& housekeeping;
  jobs::JobQueue& jobs;
  EventKinds& event_kinds;
  crypto::SealedColumns& sealed_columns;  // columns sealed with the instance keys
  // Resolved credentials kept in memory (issue 16); nullptr: every request reads the database.
  auth::CredentialCache* credential_cache = nullptr;
};

// An installed feature. It owns its services; the application keeps it until shutdown and
// destroys features in the reverse order of installation, after the HTTP layer is gone, so a
// feature may hold references to the services of features installed before it.
class Feature {
 public:
  Feature() = default;
  Feature(const Feature&) = delete;
  Feature& operator=(const Feature&) = delete;
  virtual ~Feature() = default;

  // Background work of the feature's own (a poller), started once every feature is installed
  // and stopped before any feature is destroyed. Both idempotent.
  virtual void Start() {}
  virtual void Stop() {}
};

}  // namespace vigor::platform
