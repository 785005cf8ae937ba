#include "features/social/social_lookup_impl.hpp"

#include <boost/json.hpp>
#include <charconv>

namespace vigor::features::social {

namespace {

using platform::store::Statement;

constexpr Statement kSettings{"privacy_settings.defaults",
                              "SELECT workouts, records, goals, body, sports "
                              "FROM privacy_settings WHERE user_id = $1"};
constexpr Statement kZones{"privacy_zones.list",
                           "SELECT id, name, sealed_center, radius_m FROM privacy_zones "
                           "WHERE user_id = $1 ORDER BY created_at, id"};
constexpr Statement kUserId{"social.user_id",
                            "SELECT id FROM users WHERE username = $1 AND status = 'active' "
                            "AND id NOT IN (SELECT user_id FROM account_erasures)"};
constexpr Statement kCards{
    "social.cards",
    "SELECT u.id, u.username, p.display_name, p.avatar_etag FROM users u "
    "LEFT JOIN profiles p ON p.user_id = u.id WHERE u.id IN (SELECT value FROM json_each($1))",
    "SELECT u.id, u.username, p.display_name, p.avatar_etag FROM users u "
    "LEFT JOIN profiles p ON p.user_id = u.id "
    "WHERE u.id IN (SELECT jsonb_array_elements_text($1::jsonb))"};

// What a user without settings gets: shared with approved followers, body data private.
core::privacy::Visibility BuiltInDefault(std::string_view kind) {
  return kind == "body" ? core::privacy::Visibility::kPrivate
                        : core::privacy::Visibility::kFollowers;
}

std::optional<std::pair<double, double>> ParseCenter(std::string_view text) {
  auto comma = text.find(',');
  if (comma == std::string_view::npos) return std::nullopt;
  double lat = 0, lon = 0;
  auto a = std::from_chars(text.data(), text.data() + comma, lat);
  auto b = std::from_chars(text.data() + comma + 1, text.data() + text.size(), lon);
  if (a.ec != std::errc{} || b.ec != std::errc{}) return std::nullopt;
  return std::pair{lat, lon};
}

}  // namespace

core::privacy::Visibility SocialLookupImpl::DefaultVisibility(
    Session& s, std::string_view user_id, std::string_view kind,
    const std::optional<std::string>& sport) {
  auto row = s.QueryOne(kSettings, user_id);
  if (!row) return BuiltInDefault(kind);
  if (kind == "workout" && sport) {
    boost::system::error_code ec;
    auto sports = boost::json::parse(row->Text("sports"), ec);
    if (!ec && sports.is_object()) {
      if (const auto* v = sports.as_object().if_contains(*sport); v && v->is_string()) {
        if (auto parsed = core::privacy::ParseVisibility(v->as_string())) return *parsed;
      }
    }
  }
  std::string_view column = kind == "workout"  ? "workouts"
                            : kind == "record" ? "records"
                            : kind == "goal"   ? "goals"
                                               : "body";
  return core::privacy::ParseVisibility(row->Text(column)).value_or(BuiltInDefault(kind));
}

std::vector<PrivacyZone> SocialLookupImpl::ZonesOf(Session& s, std::string_view user_id) {
  std::vector<PrivacyZone> zones;
  for (const auto& row : s.Query(kZones, user_id)) {
    auto opened = secrets_.Open(row.Text("sealed_center"));
    // A centre that no longer opens (the key was replaced without rotation) cannot be honoured
    // by cutting a circle: fail closed, the whole track is cut (a zone of the whole earth).
    auto center = opened ? ParseCenter(*opened) : std::nullopt;
    zones.push_back({.id = row.Text("id"),
                     .name = row.Text("name"),
                     .latitude = center ? center->first : 0,
                     .longitude = center ? center->second : 0,
                     .radius_m = center ? row.Real("radius_m") : 2.1e7});
  }
  return zones;
}

std::optional<std::string> SocialLookupImpl::UserIdOf(Session& s, std::string_view username) {
  auto row = s.QueryOne(kUserId, username);
  if (!row) return std::nullopt;
  return row->Text("id");
}

std::map<std::string, UserCard> SocialLookupImpl::CardsOf(Session& s,
                                                          std::span<const std::string> user_ids) {
  std::map<std::string, UserCard> cards;
  if (user_ids.empty()) return cards;
  boost::json::array ids;
  for (const auto& id : user_ids) ids.emplace_back(id);
  for (const auto& row : s.Query(kCards, boost::json::serialize(ids))) {
    auto display_name = row.OptText("display_name").value_or("");
    auto etag = row.OptText("avatar_etag");
    UserCard card{.user_id = row.Text("id"),
                  .username = row.Text("username"),
                  .display_name = display_name.empty() ? row.Text("username") : display_name,
                  .avatar_url = std::nullopt};
    if (etag) card.avatar_url = "/api/v1/users/" + card.username + "/avatar?v=" + *etag;
    cards.emplace(card.user_id, std::move(card));
  }
  return cards;
}

}  // namespace vigor::features::social
