#include "features/accounts/json_codec.hpp"

#include <boost/json/array.hpp>

#include "core/limits.hpp"

namespace vigor::features::accounts {

namespace {
boost::json::value OrNull(const std::optional<std::int64_t>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
boost::json::value OrNull(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object EncodeUser(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"email", u.email},
          {"role", platform::auth::RoleName(u.role)},
          {"email_verified", u.email_verified()},
          {"totp_enabled", u.totp_enabled()},
          {"created_at", u.created_at}};
}
}  // namespace

boost::json::object EncodeMe(const User& u) {
  auto o = EncodeUser(u);
  const auto& p = u.preferences;
  o["preferences"] = boost::json::object{{"weight_unit", p.weight_unit},
                                         {"distance_unit", p.distance_unit},
                                         {"weight_increment", p.weight_increment},
                                         {"time_zone", p.time_zone},
                                         {"locale", p.locale},
                                         {"week_start", p.week_start},
                                         {"one_rep_max_formula", p.one_rep_max_formula},
                                         {"birth_year", OrNull(p.birth_year)},
                                         {"max_heart_rate", OrNull(p.max_heart_rate)},
                                         {"resting_heart_rate", OrNull(p.resting_heart_rate)}};
  return o;
}

boost::json::object EncodeAdminUser(const User& u) {
  auto o = EncodeUser(u);
  o["status"] = StatusName(u.status);
  o["last_login_at"] = OrNull(u.last_login_at);
  return o;
}

boost::json::object EncodeSession(const SessionRecord& s, const std::string& current_id) {
  return {
      {"id", s.id},         {"current", s.id == current_id}, {"user_agent", OrNull(s.user_agent)},
      {"ip", OrNull(s.ip)}, {"created_at", s.created_at},    {"last_used_at", s.last_used_at}};
}

boost::json::object EncodeToken(const ApiToken& t) {
  boost::json::array scopes;
  for (const auto& s : t.scopes) scopes.emplace_back(s);
  return {{"id", t.id},
          {"name", t.name},
          {"scopes", std::move(scopes)},
          {"created_at", t.created_at},
          {"expires_at", OrNull(t.expires_at)},
          {"last_used_at", OrNull(t.last_used_at)},
          {"last_used_ip", OrNull(t.last_used_ip)}};
}

boost::json::object EncodeAuditPage(const AuditPage& page) {
  boost::json::array items;
  for (const auto& e : page.items) {
    items.push_back(boost::json::object{{"id", e.id},
                                        {"kind", e.kind},
                                        {"user_id", OrNull(e.user_id)},
                                        {"actor_id", OrNull(e.actor_id)},
                                        {"ip", OrNull(e.ip)},
                                        {"detail", OrNull(e.detail)},
                                        {"created_at", e.created_at}});
  }
  return {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}};
}

PreferencesPatch DecodePreferencesPatch(platform::http::JsonBody& body) {
  PreferencesPatch patch;
  const auto* raw = body.json().if_contains("preferences");
  if (raw == nullptr || !raw->is_object()) {
    body.field_errors().Add("preferences", Msg("not_object"));
    return patch;
  }
  platform::FieldErrors local;
  platform::http::JsonFields f(raw->as_object(), local);
  patch.weight_unit = f.String("weight_unit", {.max_length = 16});
  patch.distance_unit = f.String("distance_unit", {.max_length = 16});
  patch.weight_increment = f.Number("weight_increment", false, core::limits::kWeightIncrement);
  patch.time_zone = f.String("time_zone", {.min_length = 1, .max_length = 64});
  patch.locale = f.String("locale", {.max_length = 16});
  patch.week_start = f.String("week_start", {.max_length = 16});
  patch.one_rep_max_formula = f.String("one_rep_max_formula", {.max_length = 16});
  // null clears a value; absent keeps it.
  auto nullable_int =
      [&](std::string_view name,
          core::limits::Range<std::int64_t> range) -> std::optional<std::optional<std::int64_t>> {
    const auto* value = raw->as_object().if_contains(name);
    if (value == nullptr) return std::nullopt;
    if (value->is_null()) return std::optional<std::int64_t>{};
    auto number = f.Int(name, false, range.min, range.max);
    if (!number) return std::nullopt;
    return std::optional<std::int64_t>{*number};
  };
  patch.birth_year = nullable_int("birth_year", core::limits::kBirthYear);
  patch.max_heart_rate = nullable_int("max_heart_rate", core::limits::kMaxHeartRateBpm);
  patch.resting_heart_rate =
      nullable_int("resting_heart_rate", core::limits::kProfileRestingHeartRateBpm);
  f.RejectUnknown({"weight_unit", "distance_unit", "weight_increment", "time_zone", "locale",
                   "week_start", "one_rep_max_formula", "birth_year", "max_heart_rate",
                   "resting_heart_rate"});
  try {
    local.ThrowIfAny();
  } catch (const platform::Error& e) {
    for (const auto& field : e.fields()) {
      body.field_errors().Add("preferences." + field.field, field.message);
    }
  }
  return patch;
}

ClientInfo ClientFrom(const platform::http::Request& request) {
  return ClientInfo{request.remote_address,
                    std::string(request.headers.Get("User-Agent").value_or(""))};
}

}  // namespace vigor::features::accounts
