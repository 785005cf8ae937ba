#include "features/diagnostics/feature.hpp"

#include "features/diagnostics/routes.hpp"

namespace vigor::features::diagnostics {

DiagnosticsFeature::DiagnosticsFeature(platform::FeatureContext& context)
    : write_probes_(context.database) {
  RegisterRoutes(context.router, write_probes_);
}

}  // namespace vigor::features::diagnostics
