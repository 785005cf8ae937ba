#include "features/accounts/audit_log.hpp"

#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::accounts {

namespace {
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kInsert{"audit_events.insert",
                            "INSERT INTO audit_events (id, user_id, actor_id, kind, ip, detail, "
                            "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Statement kListForUser{
    "audit_events.list_for_user",
    "SELECT id, user_id, actor_id, kind, ip, detail, created_at FROM audit_events "
    "WHERE user_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"};
constexpr Statement kListAll{"audit_events.list_all",
                             "SELECT id, user_id, actor_id, kind, ip, detail, created_at FROM "
                             "audit_events WHERE id < $1 ORDER BY id DESC LIMIT $2"};

AuditEvent AuditEventFromRow(const Row& r) {
  return AuditEvent{.id = r.Text("id"),
                    .user_id = r.OptText("user_id"),
                    .actor_id = r.OptText("actor_id"),
                    .kind = r.Text("kind"),
                    .ip = r.OptText("ip"),
                    .detail = r.OptText("detail"),
                    .created_at = r.Text("created_at")};
}
}  // namespace

void AuditLog::Record(Session& s, const std::string& kind,
                      const std::optional<std::string>& user_id,
                      const std::optional<std::string>& actor_id, const std::string& ip,
                      const std::optional<std::string>& detail) {
  s.Execute(kInsert, platform::NewId(), user_id, actor_id, kind,
            ip.empty() ? std::optional<std::string>() : ip, detail, platform::NowRfc3339());
}

std::vector<AuditEvent> AuditLog::List(Session& s, const std::optional<std::string>& user_id,
                                       const std::string& before_id, int limit) {
  // "g" sorts after every hex digit: "before nothing" means from the newest.
  std::string before = before_id.empty() ? "g" : before_id;
  std::vector<AuditEvent> out;
  auto rows =
      user_id ? s.Query(kListForUser, *user_id, before, limit) : s.Query(kListAll, before, limit);
  out.reserve(rows.size());
  for (const auto& row : rows) out.push_back(AuditEventFromRow(row));
  return out;
}

}  // namespace vigor::features::accounts
