#include "features/portability/export_scope.hpp"

#include <algorithm>
#include <set>

namespace vigor::features::portability {

const std::map<std::string, std::string, std::less<>>& DeniedTables() {
  static const std::map<std::string, std::string, std::less<>> kDenied = {
      {"instance_settings", "the instance's configuration"},
      {"write_probes", "diagnostics"},
      {"sessions", "credentials: signed-in devices"},
      {"api_tokens", "credentials: personal access tokens"},
      {"one_time_tokens", "credentials: e-mail links"},
      {"recovery_codes", "credentials: two-factor recovery codes"},
      {"invites", "credentials: invitations"},
      {"rate_limits", "machinery: rate-limit counters"},
      {"mail_outbox", "machinery: mail"},
      {"workout_idempotency_keys", "machinery: idempotency keys"},
      {"jobs", "machinery: background jobs"},
      {"import_uploads", "machinery: uploads waiting for their job"},
      {"user_revisions", "machinery: change counter (imported rows get new numbers)"},
      {"event_sequences", "machinery: event numbering"},
      {"event_outbox", "machinery: events"},
      {"stats_backfill", "machinery: statistics backfill"},
      {"shared_foods", "instance data: the food catalogue"},
      {"shared_food_words", "instance data: the food search index"},
      {"food_imports", "instance data: food catalogue imports"},
      {"feed_inbox", "derived: other people's items in the user's feed"},
      {"notifications", "messages about other people's actions"},
      {"notification_digests", "machinery: digest mail"},
      {"oauth_clients", "credentials: OAuth client secrets"},
      {"oauth_grants", "credentials: OAuth grants"},
      {"oauth_authorization_requests", "credentials: OAuth"},
      {"oauth_codes", "credentials: OAuth"},
      {"oauth_tokens", "credentials: OAuth"},
      {"oauth_device_codes", "credentials: OAuth"},
      {"webhook_subscriptions", "credentials: webhook secrets"},
      {"webhook_deliveries", "machinery: webhook deliveries"},
      {"account_erasures", "machinery: pending deletion"},
      {"data_exports", "machinery: these exports"},
      {"key_rotations", "machinery: key rotation progress"},
      {"periodic_runs", "machinery: periodic work once per cluster"},
      {"privacy_policies",
       "instance data: the privacy policy's versions (the user's consents name them)"},
      {"reports", "moderation records, kept by the instance"},
      {"moderation_decisions", "moderation records, kept by the instance"},
      {"moderation_appeals", "moderation records, kept by the instance"},
      {"suspensions", "moderation records, kept by the instance"},
  };
  return kDenied;
}

bool IsSecretUserColumn(std::string_view column) {
  return column == "password_hash" || column.starts_with("totp_");
}

bool IsProfileColumn(std::string_view column) {
  static const std::set<std::string, std::less<>> kIdentity = {
      "id",         "username",      "email", "password_hash",    "role", "status", "created_at",
      "updated_at", "last_login_at", "rev",   "email_verified_at"};
  return !kIdentity.contains(column) && !IsSecretUserColumn(column);
}

std::vector<std::string> UserColumns(const Table& table) {
  std::vector<std::string> out;
  auto add = [&](const std::string& c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  };
  for (const auto& fk : table.foreign_keys) {
    if (fk.parent != "users") continue;
    for (std::size_t i = 0; i < fk.columns.size(); ++i) {
      if (fk.parent_columns[i] == "id") add(fk.columns[i]);
    }
  }
  // audit_events keeps user_id without a key (events outlive accounts); the same for any table.
  if (table.Find("user_id") != nullptr) add("user_id");
  return out;
}

std::string Quote(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

ExportPlan PlanExport(const std::vector<Table>& catalogue) {
  ExportPlan plan;
  std::map<std::string, std::string> where_of;
  for (const auto& table : catalogue) {
    if (table.name == "users") continue;  // the profile: its own file
    if (DeniedTables().contains(table.name)) continue;
    std::vector<std::string> terms;
    auto users = UserColumns(table);
    terms.reserve(users.size() + table.foreign_keys.size());
    for (const auto& c : users) terms.push_back(Quote(c) + " = $1");
    if (users.empty()) {
      for (const auto& fk : table.foreign_keys) {
        auto parent = where_of.find(fk.parent);
        if (fk.parent == table.name || parent == where_of.end()) continue;
        std::string cols, parent_cols;
        for (std::size_t i = 0; i < fk.columns.size(); ++i) {
          cols += (i ? ", " : "") + Quote(fk.columns[i]);
          parent_cols += (i ? ", " : "") + Quote(fk.parent_columns[i]);
        }
        std::string term = "(" + cols;
        term += ") IN (SELECT ";
        term += parent_cols;
        term += " FROM ";
        term += Quote(fk.parent);
        term += " WHERE ";
        term += parent->second;
        term += ")";
        terms.push_back(std::move(term));
      }
    }
    if (terms.empty()) {
      plan.unclassified.push_back(table.name);
      continue;
    }
    std::string where;
    for (const auto& t : terms) where += (where.empty() ? "(" : " OR (") + t + ")";
    where_of[table.name] = where;
    plan.tables.push_back({&table, where});
  }
  return plan;
}

}  // namespace vigor::features::portability
