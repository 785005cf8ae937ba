#include "features/accounts/user_repository.hpp"

namespace vigor::features::accounts {

namespace {
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_USER_COLUMNS                                                                    \
  "id, username, email, password_hash, role, status, email_verified_at, totp_secret_sealed, " \
  "totp_pending_sealed, totp_last_step, created_at, updated_at, last_login_at, weight_unit, " \
  "distance_unit, weight_increment, time_zone, locale, week_start, one_rep_max_formula, "     \
  "birth_year, max_heart_rate, resting_heart_rate"

constexpr Statement kInsert{
    "users.insert",
    "INSERT INTO users (id, username, email, password_hash, role, status, email_verified_at, "
    "created_at, updated_at, weight_unit, distance_unit, weight_increment, time_zone, locale) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9, $10, $11, $12, $13)"};
constexpr Statement kById{"users.by_id", "SELECT " VIGOR_USER_COLUMNS " FROM users WHERE id = $1"};
constexpr Statement kByUsername{"users.by_username",
                                "SELECT " VIGOR_USER_COLUMNS " FROM users WHERE username = $1"};
constexpr Statement kByEmail{"users.by_email",
                             "SELECT " VIGOR_USER_COLUMNS " FROM users WHERE email = $1"};
constexpr Statement kUsernameTaken{"users.username_taken",
                                   "SELECT 1 FROM users WHERE username = $1"};
constexpr Statement kEmailTaken{"users.email_taken", "SELECT 1 FROM users WHERE email = $1"};
constexpr Statement kCountAdmins{
    "users.count_admins",
    "SELECT COUNT(*) AS admins FROM users WHERE role = 'admin' AND status = 'active'"};
constexpr Statement kSetPassword{
    "users.set_password",
    "UPDATE users SET password_hash = $2, updated_at = $3, rev = rev + 1 WHERE id = $1"};
constexpr Statement kVerifyEmail{
    "users.verify_email",
    "UPDATE users SET email_verified_at = $2, updated_at = $2, rev = rev + 1 WHERE id = $1"};
constexpr Statement kSetEmail{
    "users.set_email",
    "UPDATE users SET email = $2, email_verified_at = $3, updated_at = $3, "
    "rev = rev + 1 WHERE id = $1"};
constexpr Statement kSetRole{
    "users.set_role", "UPDATE users SET role = $2, updated_at = $3, rev = rev + 1 WHERE id = $1"};
constexpr Statement kSetStatus{
    "users.set_status",
    "UPDATE users SET status = $2, updated_at = $3, rev = rev + 1 WHERE id = $1"};
constexpr Statement kSetTotpPending{
    "users.set_totp_pending",
    "UPDATE users SET totp_pending_sealed = $2, updated_at = $3, rev = rev + 1 WHERE id = $1"};
constexpr Statement kSetTotpSecret{
    "users.set_totp_secret",
    "UPDATE users SET totp_secret_sealed = $2, totp_pending_sealed = NULL, updated_at = $3, "
    "rev = rev + 1 WHERE id = $1"};
constexpr Statement kClaimStep{"users.claim_totp_step",
                               "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND "
                               "(totp_last_step IS NULL OR totp_last_step < $2)"};
constexpr Statement kSetPreferences{
    "users.set_preferences",
    "UPDATE users SET weight_unit = $2, distance_unit = $3, weight_increment = $4, time_zone = $5, "
    "locale = $6, updated_at = $7, week_start = $8, one_rep_max_formula = $9, birth_year = $10, "
    "max_heart_rate = $11, resting_heart_rate = $12, rev = rev + 1 WHERE id = $1"};
constexpr Statement kTouchLogin{"users.touch_login",
                                "UPDATE users SET last_login_at = $2 WHERE id = $1"};
constexpr Statement kDelete{"users.delete", "DELETE FROM users WHERE id = $1"};
constexpr Statement kSearch{
    "users.search",
    "SELECT " VIGOR_USER_COLUMNS
    " FROM users WHERE (username >= $1 AND username < $1 || x'ff' OR "
    "email >= $1 AND email < $1 || x'ff') AND username > $2 ORDER BY username LIMIT $3",
    // x'ff' is a blob in SQLite (a byte after every UTF-8 text) but a bit string here: ask for
    // the prefix itself. The columns are COLLATE "C": byte order, as SQLite.
    "SELECT " VIGOR_USER_COLUMNS
    " FROM users WHERE (starts_with(username, $1::text) OR starts_with(email, $1::text)) "
    "AND username > $2 ORDER BY username LIMIT $3"};

#undef VIGOR_USER_COLUMNS

std::optional<User> One(std::optional<Row> row) {
  if (!row) return std::nullopt;
  return UserFromRow(*row);
}
}  // namespace

User UserFromRow(const Row& r, std::string_view prefix) {
  auto column = [prefix](std::string_view name) { return std::string(prefix).append(name); };
  User u;
  u.id = r.Text(column("id"));
  u.username = r.Text(column("username"));
  u.email = r.Text(column("email"));
  u.password_hash = r.OptText(column("password_hash"));
  platform::auth::ParseRole(r.Text(column("role")), u.role);
  u.status = ParseStatus(r.Text(column("status")));
  u.email_verified_at = r.OptText(column("email_verified_at"));
  u.totp_secret_sealed = r.OptText(column("totp_secret_sealed"));
  u.totp_pending_sealed = r.OptText(column("totp_pending_sealed"));
  u.totp_last_step = r.OptInt(column("totp_last_step"));
  u.created_at = r.Text(column("created_at"));
  u.updated_at = r.Text(column("updated_at"));
  u.last_login_at = r.OptText(column("last_login_at"));
  u.preferences.weight_unit = r.Text(column("weight_unit"));
  u.preferences.distance_unit = r.Text(column("distance_unit"));
  u.preferences.weight_increment = r.Real(column("weight_increment"));
  u.preferences.time_zone = r.Text(column("time_zone"));
  u.preferences.locale = r.Text(column("locale"));
  u.preferences.week_start = r.Text(column("week_start"));
  u.preferences.one_rep_max_formula = r.Text(column("one_rep_max_formula"));
  u.preferences.birth_year = r.OptInt(column("birth_year"));
  u.preferences.max_heart_rate = r.OptInt(column("max_heart_rate"));
  u.preferences.resting_heart_rate = r.OptInt(column("resting_heart_rate"));
  return u;
}

void UserRepository::Insert(Session& s, const User& u) {
  s.Execute(kInsert, u.id, u.username, u.email, u.password_hash,
            std::string(platform::auth::RoleName(u.role)), std::string(StatusName(u.status)),
            u.email_verified_at, u.created_at, u.preferences.weight_unit,
            u.preferences.distance_unit, u.preferences.weight_increment, u.preferences.time_zone,
            u.preferences.locale);
}

std::optional<User> UserRepository::FindById(Session& s, const std::string& id) {
  return One(s.QueryOne(kById, id));
}

std::optional<User> UserRepository::FindByUsername(Session& s, const std::string& username) {
  return One(s.QueryOne(kByUsername, username));
}

std::optional<User> UserRepository::FindByEmail(Session& s, const std::string& email) {
  return One(s.QueryOne(kByEmail, email));
}

bool UserRepository::UsernameTaken(Session& s, const std::string& username) {
  return s.QueryOne(kUsernameTaken, username).has_value();
}

bool UserRepository::EmailTaken(Session& s, const std::string& email) {
  return s.QueryOne(kEmailTaken, email).has_value();
}

std::int64_t UserRepository::CountAdmins(Session& s) {
  return s.QueryOne(kCountAdmins)->Int("admins");
}

void UserRepository::SetPasswordHash(Session& s, const std::string& id,
                                     const std::optional<std::string>& hash,
                                     const std::string& now) {
  s.Execute(kSetPassword, id, hash, now);
}

void UserRepository::MarkEmailVerified(Session& s, const std::string& id, const std::string& now) {
  s.Execute(kVerifyEmail, id, now);
}

void UserRepository::SetEmail(Session& s, const std::string& id, const std::string& email,
                              const std::string& now) {
  s.Execute(kSetEmail, id, email, now);
}

void UserRepository::SetRole(Session& s, const std::string& id, Role role, const std::string& now) {
  s.Execute(kSetRole, id, std::string(platform::auth::RoleName(role)), now);
}

void UserRepository::SetStatus(Session& s, const std::string& id, UserStatus status,
                               const std::string& now) {
  s.Execute(kSetStatus, id, std::string(StatusName(status)), now);
}

void UserRepository::SetTotpPending(Session& s, const std::string& id,
                                    const std::optional<std::string>& sealed,
                                    const std::string& now) {
  s.Execute(kSetTotpPending, id, sealed, now);
}

void UserRepository::SetTotpSecret(Session& s, const std::string& id,
                                   const std::optional<std::string>& sealed,
                                   const std::string& now) {
  s.Execute(kSetTotpSecret, id, sealed, now);
}

bool UserRepository::ClaimTotpStep(Session& s, const std::string& id, std::int64_t step) {
  return s.Execute(kClaimStep, id, step) == 1;
}

void UserRepository::SetPreferences(Session& s, const std::string& id, const Preferences& p,
                                    const std::string& now) {
  s.Execute(kSetPreferences, id, p.weight_unit, p.distance_unit, p.weight_increment, p.time_zone,
            p.locale, now, p.week_start, p.one_rep_max_formula, p.birth_year, p.max_heart_rate,
            p.resting_heart_rate);
}

void UserRepository::TouchLogin(Session& s, const std::string& id, const std::string& now) {
  s.Execute(kTouchLogin, id, now);
}

void UserRepository::Delete(Session& s, const std::string& id) { s.Execute(kDelete, id); }

std::vector<User> UserRepository::Search(Session& s, const std::string& prefix,
                                         const std::string& after_username, int limit) {
  std::vector<User> users;
  for (const auto& row : s.Query(kSearch, prefix, after_username, limit)) {
    users.push_back(UserFromRow(row));
  }
  return users;
}

}  // namespace vigor::features::accounts
