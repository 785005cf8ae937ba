#include "features/accounts/json_codec.hpp"

#include <boost/json/array.hpp>

namespace vigor::features::accounts {

namespace {
boost::json::value OrNull(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}
}  // namespace

boost::json::object EncodeMe(const User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"email", u.email},
          {"role", platform::auth::RoleName(u.role)},
          {"email_verified", u.email_verified()},
          {"totp_enabled", u.totp_enabled()},
          {"created_at", u.created_at}};
}

boost::json::object EncodeAdminUser(const User& u) {
  auto o = EncodeMe(u);
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

ClientInfo ClientFrom(const platform::http::Request& request) {
  return ClientInfo{request.remote_address,
                    std::string(request.headers.Get("User-Agent").value_or(""))};
}

}  // namespace vigor::features::accounts
