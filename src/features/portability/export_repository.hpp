#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace vigor::features::portability {

// One requested export (table data_exports).
struct DataExport {
  std::string id;
  std::string user_id;
  std::optional<std::string> job_id;
  std::string status;  // queued, running, ready, failed
  std::optional<std::string> file_name;
  std::optional<std::int64_t> size_bytes;
  std::optional<std::string> sha256;
  std::string created_at;
  std::optional<std::string> ready_at;
  std::string expires_at;
  double progress = 0;  // from the job while it runs
};

// The SQL of data_exports; every statement takes the owner.
class ExportRepository {
 public:
  using Session = platform::store::Session;

  void Insert(Session& s, const DataExport& e);
  std::optional<DataExport> Find(Session& s, const std::string& user_id, const std::string& id);
  // Newest first.
  std::vector<DataExport> List(Session& s, const std::string& user_id, int limit);
  bool AnyPending(Session& s, const std::string& user_id);
  void MarkRunning(Session& s, const std::string& user_id, const std::string& id);
  void MarkReady(Session& s, const std::string& user_id, const std::string& id,
                 const std::string& file_name, std::int64_t size_bytes, const std::string& sha256,
                 const std::string& ready_at, const std::string& expires_at);
  void MarkFailed(Session& s, const std::string& user_id, const std::string& id);
  // Expired before `now`, oldest first: (id, file_name).
  std::vector<DataExport> Expired(Session& s, const std::string& now, int limit);
  void Delete(Session& s, const std::string& id);
  // Whether any user has an export of that id (files without one are orphans).
  bool Exists(Session& s, const std::string& id);
  // The e-mail address and language of the user (for the "ready" mail).
  std::optional<std::pair<std::string, std::string>> Recipient(Session& s,
                                                               const std::string& user_id);
};

}  // namespace vigor::features::portability
