#pragma once

#include "features/portability/portability_service.hpp"
#include "platform/feature.hpp"

namespace vigor::features::portability {

// Export everything a user owns as a versioned zip and import it into this or another instance
// (GDPR Art. 15 and 20; docs/export-format.md). The export walks the database's own catalogue
// (export_scope.hpp), a known exception to "features never reach into each other's tables", like
// the change feed (docs/architecture.md); other features give their renderings (GPX, the sets'
// CSV) through ExportSources.
class PortabilityFeature final : public platform::Feature {
 public:
  PortabilityFeature(platform::FeatureContext& context, ExportSources sources);

  PortabilityService& service() { return service_; }

 private:
  PortabilityService service_;
};

}  // namespace vigor::features::portability
