#pragma once

#include "features/sync/change_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::sync {

// The per-user change feed for offline clients and apps: /api/v1/changes. It reads the rev and
// tombstone columns of the other features' user-owned tables (one UNION ALL per page), a known
// exception to "features never reach into each other's tables" (docs/architecture.md).
class SyncFeature final : public platform::Feature {
 public:
  explicit SyncFeature(platform::FeatureContext& context);

  ChangeService& changes() { return changes_; }

 private:
  ChangeService changes_;
};

}  // namespace vigor::features::sync
