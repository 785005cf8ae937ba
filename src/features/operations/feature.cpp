#include "features/operations/feature.hpp"

#include "features/operations/routes.hpp"
#include "platform/store/migrations.hpp"

namespace vigor::features::operations {

OperationsFeature::OperationsFeature(platform::FeatureContext& context) {
  // Ready once the database has every migration this binary knows.
  const auto& migrations = platform::store::EmbeddedMigrations(context.database.dialect());
  RegisterRoutes(context.router, context.database,
                 migrations.empty() ? 0 : migrations.back().version, context.metrics);
}

}  // namespace vigor::features::operations
