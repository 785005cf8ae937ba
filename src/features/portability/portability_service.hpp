#pragma once

#include <boost/json/object.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "features/portability/export_repository.hpp"
#include "features/portability/exporter.hpp"
#include "platform/auth/principal.hpp"

namespace vigor::platform::crypto {
class SecretBox;
class SealedColumns;
}  // namespace vigor::platform::crypto
namespace vigor::platform::jobs {
class JobQueue;
class JobContext;
}  // namespace vigor::platform::jobs
namespace vigor::platform::mail {
class MailQueue;
}

namespace vigor::features::portability {

inline constexpr std::string_view kExportJobKind = "export";
inline constexpr std::string_view kImportJobKind = "account_import";

// The outcome of an import request: the job, and its report once it ran.
struct ImportOutcome {
  std::string id;
  std::string status;  // queued, running, succeeded, failed
  std::optional<boost::json::object> report;
  std::optional<std::string> error;
};

// Exports of everything a user owns and their import (GDPR Art. 15 and 20).
class PortabilityService {
 public:
  static constexpr std::chrono::hours kLinkLifetime{24 * 7};
  static constexpr int kListLimit = 20;

  struct Parts {
    platform::store::Database& database;
    platform::jobs::JobQueue& jobs;
    platform::mail::MailQueue& mail;
    const platform::crypto::SecretBox& box;
    const platform::crypto::SealedColumns& sealed;
    std::filesystem::path directory;  // <data_dir>/exports
    ExportOrigin origin;
  };
  PortabilityService(Parts parts, ExportSources sources);

  // Queues an export; kConflict while another one is still being prepared.
  DataExport Request(const platform::auth::Principal& principal);
  std::vector<DataExport> List(const platform::auth::Principal& principal);
  DataExport Get(const platform::auth::Principal& principal, const std::string& id);
  // The archive's path, for the owner only, while it has not expired (kGone after).
  std::filesystem::path FileOf(const platform::auth::Principal& principal, const std::string& id);

  // Checks the archive (kValidation when it is not a sound export: nothing is written), then
  // imports it as a job; waits for it when no runner has taken it.
  ImportOutcome Import(const platform::auth::Principal& principal, std::string_view zip_bytes);

  std::string RunExport(platform::jobs::JobContext& context);
  std::string RunImport(platform::jobs::JobContext& context);
  // Housekeeping: expired archives and their rows.
  std::int64_t PurgeExpired(platform::store::Session& s, std::chrono::system_clock::time_point now,
                            int limit);

 private:
  std::filesystem::path IncomingDir() const { return parts_.directory / "incoming"; }

  Parts parts_;
  ExportSources sources_;
  ExportRepository exports_;
};

}  // namespace vigor::features::portability
