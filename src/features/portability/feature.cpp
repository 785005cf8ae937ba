#include "features/portability/feature.hpp"

#include "features/portability/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::portability {

PortabilityFeature::PortabilityFeature(platform::FeatureContext& context, ExportSources sources)
    : service_({.database = context.database,
                .jobs = context.jobs,
                .mail = context.mail,
                .box = context.secrets,
                .sealed = context.sealed_columns,
                .directory = context.config.data_dir / "exports",
                .origin = {.instance_name = context.config.instance_name,
                           .public_url = context.config.effective_public_url()}},
               std::move(sources)) {
  RegisterRoutes(context.router, service_);
  context.jobs.Register(std::string(kExportJobKind), [this](platform::jobs::JobContext& job) {
    return service_.RunExport(job);
  });
  context.jobs.Register(std::string(kImportJobKind), [this](platform::jobs::JobContext& job) {
    return service_.RunImport(job);
  });
  context.event_kinds.Add("export.progress", "how far the user's data export has got");
  context.event_kinds.Add("account_import.progress", "how far the import of an export has got");
  context.housekeeping.Add(
      "data_exports", [this](platform::store::Session& s, std::chrono::system_clock::time_point now,
                             int limit) { return service_.PurgeExpired(s, now, limit); });
}

}  // namespace vigor::features::portability
