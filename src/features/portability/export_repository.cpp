#include "features/portability/export_repository.hpp"

namespace vigor::features::portability {

namespace {

using platform::store::Row;
using platform::store::Statement;

constexpr Statement kInsert{
    "data_exports.insert",
    "INSERT INTO data_exports (id, user_id, job_id, status, created_at, expires_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kFind{
    "data_exports.find",
    "SELECT e.id, e.user_id, e.job_id, e.status, e.file_name, e.size_bytes, e.sha256, "
    "e.created_at, e.ready_at, e.expires_at, COALESCE(j.progress, 0) AS progress "
    "FROM data_exports e LEFT JOIN jobs j ON j.id = e.job_id "
    "WHERE e.user_id = $1 AND e.id = $2"};
constexpr Statement kList{
    "data_exports.list",
    "SELECT e.id, e.user_id, e.job_id, e.status, e.file_name, e.size_bytes, e.sha256, "
    "e.created_at, e.ready_at, e.expires_at, COALESCE(j.progress, 0) AS progress "
    "FROM data_exports e LEFT JOIN jobs j ON j.id = e.job_id "
    "WHERE e.user_id = $1 ORDER BY e.created_at DESC, e.id DESC LIMIT $2"};
constexpr Statement kPending{"data_exports.pending",
                             "SELECT COUNT(*) AS n FROM data_exports WHERE user_id = $1 AND "
                             "status IN ('queued', 'running')"};
constexpr Statement kRunning{
    "data_exports.running",
    "UPDATE data_exports SET status = 'running' WHERE user_id = $1 AND id = $2"};
constexpr Statement kReady{
    "data_exports.ready",
    "UPDATE data_exports SET status = 'ready', file_name = $3, size_bytes = $4, sha256 = $5, "
    "ready_at = $6, expires_at = $7 WHERE user_id = $1 AND id = $2"};
constexpr Statement kFailed{
    "data_exports.failed",
    "UPDATE data_exports SET status = 'failed' WHERE user_id = $1 AND id = $2"};
constexpr Statement kExpired{
    "data_exports.expired",
    "SELECT e.id, e.user_id, e.job_id, e.status, e.file_name, e.size_bytes, e.sha256, "
    "e.created_at, e.ready_at, e.expires_at, COALESCE(j.progress, 0) AS progress "
    "FROM data_exports e LEFT JOIN jobs j ON j.id = e.job_id "
    "WHERE e.expires_at <= $1 ORDER BY e.expires_at, e.id LIMIT $2"};
constexpr Statement kDelete{"data_exports.delete", "DELETE FROM data_exports WHERE id = $1"};
constexpr Statement kExists{"data_exports.exists",
                            "SELECT COUNT(*) AS n FROM data_exports WHERE id = $1"};
constexpr Statement kRecipient{"data_exports.recipient",
                               "SELECT email, locale FROM users WHERE id = $1"};

DataExport FromRow(const Row& r) {
  return {.id = r.Text("id"),
          .user_id = r.Text("user_id"),
          .job_id = r.OptText("job_id"),
          .status = r.Text("status"),
          .file_name = r.OptText("file_name"),
          .size_bytes = r.OptInt("size_bytes"),
          .sha256 = r.OptText("sha256"),
          .created_at = r.Text("created_at"),
          .ready_at = r.OptText("ready_at"),
          .expires_at = r.Text("expires_at"),
          .progress = r.Real("progress")};
}

}  // namespace

void ExportRepository::Insert(Session& s, const DataExport& e) {
  s.Execute(kInsert, e.id, e.user_id, e.job_id, e.status, e.created_at, e.expires_at);
}

std::optional<DataExport> ExportRepository::Find(Session& s, const std::string& user_id,
                                                 const std::string& id) {
  auto row = s.QueryOne(kFind, user_id, id);
  if (!row) return std::nullopt;
  return FromRow(*row);
}

std::vector<DataExport> ExportRepository::List(Session& s, const std::string& user_id, int limit) {
  std::vector<DataExport> out;
  for (const auto& row : s.Query(kList, user_id, limit)) out.push_back(FromRow(row));
  return out;
}

bool ExportRepository::AnyPending(Session& s, const std::string& user_id) {
  return s.QueryOne(kPending, user_id)->Int("n") > 0;
}

void ExportRepository::MarkRunning(Session& s, const std::string& user_id, const std::string& id) {
  s.Execute(kRunning, user_id, id);
}

void ExportRepository::MarkReady(Session& s, const std::string& user_id, const std::string& id,
                                 const std::string& file_name, std::int64_t size_bytes,
                                 const std::string& sha256, const std::string& ready_at,
                                 const std::string& expires_at) {
  s.Execute(kReady, user_id, id, file_name, size_bytes, sha256, ready_at, expires_at);
}

void ExportRepository::MarkFailed(Session& s, const std::string& user_id, const std::string& id) {
  s.Execute(kFailed, user_id, id);
}

std::vector<DataExport> ExportRepository::Expired(Session& s, const std::string& now, int limit) {
  std::vector<DataExport> out;
  for (const auto& row : s.Query(kExpired, now, limit)) out.push_back(FromRow(row));
  return out;
}

void ExportRepository::Delete(Session& s, const std::string& id) { s.Execute(kDelete, id); }

bool ExportRepository::Exists(Session& s, const std::string& id) {
  return s.QueryOne(kExists, id)->Int("n") > 0;
}

std::optional<std::pair<std::string, std::string>> ExportRepository::Recipient(
    Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kRecipient, user_id);
  if (!row) return std::nullopt;
  return std::make_pair(row->Text("email"), row->Text("locale"));
}

}  // namespace vigor::features::portability
