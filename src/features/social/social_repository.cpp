#include "features/social/social_repository.hpp"

#include <boost/json.hpp>

#include "features/social/privacy_sql.hpp"
#include "platform/crypto/random.hpp"

namespace vigor::features::social {

namespace {

using platform::store::Blob;
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kFindUser{"social.find_user",
                              "SELECT id, username FROM users WHERE username = $1 "
                              "AND status = 'active' "
                              "AND id NOT IN (SELECT user_id FROM account_erasures)"};

constexpr Statement kLoadProfile{
    "social.profile",
    "SELECT u.username, p.display_name, p.bio, p.avatar_etag, "
    "COALESCE(ps.stats_visibility, 'followers') AS stats_visibility FROM users u "
    "LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN privacy_settings ps ON ps.user_id = u.id "
    "WHERE u.id = $1"};
constexpr Statement kSaveProfile{
    "social.profile_save",
    "INSERT INTO profiles (user_id, display_name, display_key, bio, updated_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (user_id) DO UPDATE SET "
    "display_name = excluded.display_name, display_key = excluded.display_key, "
    "bio = excluded.bio, updated_at = excluded.updated_at"};
constexpr Statement kSetAvatar{
    "social.avatar_set",
    "INSERT INTO profiles (user_id, avatar, avatar_etag, updated_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (user_id) DO UPDATE SET avatar = excluded.avatar, "
    "avatar_etag = excluded.avatar_etag, updated_at = excluded.updated_at"};
constexpr Statement kClearAvatar{
    "social.avatar_clear",
    "UPDATE profiles SET avatar = NULL, avatar_etag = NULL, updated_at = $2 "
    "WHERE user_id = $1 AND avatar IS NOT NULL"};
constexpr Statement kLoadAvatar{"social.avatar",
                                "SELECT avatar, avatar_etag FROM profiles WHERE user_id = $1 "
                                "AND avatar IS NOT NULL"};
constexpr Statement kCountFollowers{
    "social.count_followers",
    "SELECT COUNT(*) AS n FROM follows WHERE followee_id = $1 AND state = 'approved'"};
constexpr Statement kCountFollowing{
    "social.count_following",
    "SELECT COUNT(*) AS n FROM follows WHERE follower_id = $1 AND state = 'approved'"};

constexpr Statement kLoadSettings{
    "social.settings",
    "SELECT workouts, records, goals, body, sports, require_follow_approval, "
    "listed_in_directory, stats_visibility, connections_visibility FROM privacy_settings "
    "WHERE user_id = $1"};
constexpr Statement kSaveSettings{
    "social.settings_save",
    "INSERT INTO privacy_settings (user_id, workouts, records, goals, body, sports, "
    "require_follow_approval, listed_in_directory, stats_visibility, connections_visibility, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) "
    "ON CONFLICT (user_id) DO UPDATE SET workouts = excluded.workouts, "
    "records = excluded.records, goals = excluded.goals, body = excluded.body, "
    "sports = excluded.sports, require_follow_approval = excluded.require_follow_approval, "
    "listed_in_directory = excluded.listed_in_directory, "
    "stats_visibility = excluded.stats_visibility, "
    "connections_visibility = excluded.connections_visibility, updated_at = excluded.updated_at"};

constexpr Statement kFollowState{
    "social.follow_state", "SELECT state FROM follows WHERE follower_id = $1 AND followee_id = $2"};
constexpr Statement kInsertFollow{
    "social.follow_insert",
    "INSERT INTO follows (follower_id, followee_id, state, created_at, approved_at) "
    "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kApproveFollow{
    "social.follow_approve",
    "UPDATE follows SET state = 'approved', approved_at = $3 WHERE follower_id = $1 "
    "AND followee_id = $2 AND state = 'pending'"};
constexpr Statement kDeleteFollow{
    "social.follow_delete",
    "DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2 RETURNING state"};

// The people of a list with their card, newest relation first, keyset on (since, id).
#define VIGOR_PERSON_COLUMNS \
  "u.id, u.username, COALESCE(p.display_name, '') AS display_name, p.avatar_etag, "
constexpr Statement kFollowers{
    "social.followers",
    "SELECT " VIGOR_PERSON_COLUMNS
    "f.created_at AS since FROM follows f JOIN users u ON u.id = f.follower_id "
    "LEFT JOIN profiles p ON p.user_id = u.id WHERE f.followee_id = $1 AND f.state = $2 "
    "AND u.status = 'active' AND NOT EXISTS (SELECT 1 FROM account_erasures ae WHERE ae.user_id = u.id) AND (f.created_at < $4 OR (f.created_at = $4 AND u.id < $5)) "
    "AND " VIGOR_PRIVACY_NOT_BLOCKED("$3", "u.id") " ORDER BY f.created_at DESC, u.id DESC "
    "LIMIT $6"};
constexpr Statement kFollowing{
    "social.following",
    "SELECT " VIGOR_PERSON_COLUMNS
    "f.created_at AS since FROM follows f JOIN users u ON u.id = f.followee_id "
    "LEFT JOIN profiles p ON p.user_id = u.id WHERE f.follower_id = $1 AND f.state = 'approved' "
    "AND u.status = 'active' AND NOT EXISTS (SELECT 1 FROM account_erasures ae WHERE ae.user_id = u.id) AND (f.created_at < $3 OR (f.created_at = $3 AND u.id < $4)) "
    "AND " VIGOR_PRIVACY_NOT_BLOCKED("$2", "u.id") " ORDER BY f.created_at DESC, u.id DESC "
    "LIMIT $5"};

constexpr Statement kBlockedEitherWay{
    "social.blocked_either_way",
    "SELECT 1 AS b FROM blocks WHERE (user_id = $1 AND blocked_id = $2) "
    "OR (user_id = $2 AND blocked_id = $1)"};
constexpr Statement kBlocks{"social.blocks",
                            "SELECT 1 AS b FROM blocks WHERE user_id = $1 AND blocked_id = $2"};
constexpr Statement kInsertBlock{
    "social.block_insert",
    "INSERT INTO blocks (user_id, blocked_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING"};
constexpr Statement kDeleteBlock{"social.block_delete",
                                 "DELETE FROM blocks WHERE user_id = $1 AND blocked_id = $2"};
constexpr Statement kMutes{"social.mutes",
                           "SELECT 1 AS m FROM mutes WHERE user_id = $1 AND muted_id = $2"};
constexpr Statement kInsertMute{
    "social.mute_insert",
    "INSERT INTO mutes (user_id, muted_id, created_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING"};
constexpr Statement kDeleteMute{"social.mute_delete",
                                "DELETE FROM mutes WHERE user_id = $1 AND muted_id = $2"};
constexpr Statement kBlockList{
    "social.block_list", "SELECT " VIGOR_PERSON_COLUMNS
                         "b.created_at AS since FROM blocks b JOIN users u ON u.id = b.blocked_id "
                         "LEFT JOIN profiles p ON p.user_id = u.id WHERE b.user_id = $1 "
                         "AND (b.created_at < $2 OR (b.created_at = $2 AND u.id < $3)) "
                         "ORDER BY b.created_at DESC, u.id DESC LIMIT $4"};
constexpr Statement kMuteList{
    "social.mute_list", "SELECT " VIGOR_PERSON_COLUMNS
                        "m.created_at AS since FROM mutes m JOIN users u ON u.id = m.muted_id "
                        "LEFT JOIN profiles p ON p.user_id = u.id WHERE m.user_id = $1 "
                        "AND (m.created_at < $2 OR (m.created_at = $2 AND u.id < $3)) "
                        "ORDER BY m.created_at DESC, u.id DESC LIMIT $4"};

// Listed users whose username, or a word of whose display name, starts with the query, by
// username. Usernames are compared lower-cased (they are ASCII); display names folded.
constexpr Statement kDirectory{
    "social.directory",
    "SELECT " VIGOR_PERSON_COLUMNS
    "u.username AS since FROM users u JOIN privacy_settings ps ON ps.user_id = u.id "
    "LEFT JOIN profiles p ON p.user_id = u.id WHERE ps.listed_in_directory = 1 "
    "AND u.status = 'active' AND NOT EXISTS (SELECT 1 FROM account_erasures ae WHERE ae.user_id = "
    "u.id) AND u.username > $3 AND ($2 = '' OR lower(u.username) LIKE $2 || '%' "
    "OR (' ' || COALESCE(p.display_key, '')) LIKE '% ' || $2 || '%') "
    "AND " VIGOR_PRIVACY_NOT_BLOCKED("$1", "u.id") " ORDER BY u.username LIMIT $4"};

constexpr Statement kCountZones{"social.zones_count",
                                "SELECT COUNT(*) AS n FROM privacy_zones WHERE user_id = $1"};
constexpr Statement kInsertZone{
    "social.zone_insert",
    "INSERT INTO privacy_zones (user_id, id, name, sealed_center, radius_m, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"};
constexpr Statement kUpdateZone{
    "social.zone_update",
    "UPDATE privacy_zones SET name = $3, sealed_center = $4, radius_m = $5 "
    "WHERE user_id = $1 AND id = $2"};
constexpr Statement kDeleteZone{"social.zone_delete",
                                "DELETE FROM privacy_zones WHERE user_id = $1 AND id = $2"};

Visibility VisibilityOf(const std::string& text, Visibility fallback) {
  return core::privacy::ParseVisibility(text).value_or(fallback);
}

std::string NameOf(Visibility v) { return std::string(core::privacy::VisibilityName(v)); }

FollowState StateOf(const std::string& text) {
  return text == "approved" ? FollowState::kApproved : FollowState::kPending;
}

// A keyset position: (since, user id). An empty cursor starts above every row.
std::pair<std::string, std::string> DecodeCursor(const std::string& cursor) {
  if (cursor.empty()) return {"~", "~"};
  auto text = platform::crypto::Base64UrlDecode(cursor).value_or("");
  auto bar = text.find('\n');
  if (bar == std::string::npos) return {"", ""};  // matches nothing: an empty page
  return {text.substr(0, bar), text.substr(bar + 1)};
}

PersonPage PageOf(const std::vector<Row>& rows, int limit) {
  PersonPage page;
  for (const auto& row : rows) {
    page.items.push_back({.user_id = row.Text("id"),
                          .username = row.Text("username"),
                          .display_name = row.Text("display_name"),
                          .avatar_etag = row.OptText("avatar_etag"),
                          .since = row.Text("since")});
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.resize(limit);
    page.next_cursor = EncodePersonCursor(page.items.back());
  }
  return page;
}

}  // namespace

std::string EncodePersonCursor(const PersonRow& last) {
  return platform::crypto::Base64UrlEncode(last.since + "\n" + last.user_id);
}

std::optional<SocialRepository::UserRef> SocialRepository::FindActiveUser(
    Session& s, std::string_view username) {
  auto row = s.QueryOne(kFindUser, username);
  if (!row) return std::nullopt;
  return UserRef{row->Text("id"), row->Text("username")};
}

MyProfile SocialRepository::LoadProfile(Session& s, const std::string& user_id) {
  auto row = s.QueryOne(kLoadProfile, user_id);
  MyProfile profile;
  if (!row) return profile;
  profile.username = row->Text("username");
  profile.display_name = row->OptText("display_name").value_or("");
  profile.bio = row->OptText("bio").value_or("");
  profile.avatar_etag = row->OptText("avatar_etag");
  profile.has_avatar = profile.avatar_etag.has_value();
  profile.stats_visibility = VisibilityOf(row->Text("stats_visibility"), Visibility::kFollowers);
  return profile;
}

void SocialRepository::SaveProfile(Session& s, const std::string& user_id,
                                   const ProfileInput& input, const std::string& display_key,
                                   const std::string& now) {
  s.Execute(kSaveProfile, user_id, input.display_name, display_key, input.bio, now);
}

void SocialRepository::SetAvatar(Session& s, const std::string& user_id, std::string bytes,
                                 const std::string& etag, const std::string& now) {
  s.Execute(kSetAvatar, user_id, Blob{std::move(bytes)}, etag, now);
}

bool SocialRepository::ClearAvatar(Session& s, const std::string& user_id, const std::string& now) {
  return s.Execute(kClearAvatar, user_id, now) > 0;
}

std::optional<SocialRepository::Avatar> SocialRepository::LoadAvatar(Session& s,
                                                                     const std::string& user_id) {
  auto row = s.QueryOne(kLoadAvatar, user_id);
  if (!row) return std::nullopt;
  return Avatar{row->Text("avatar"), row->Text("avatar_etag")};
}

std::int64_t SocialRepository::CountFollowers(Session& s, const std::string& user_id) {
  return s.QueryOne(kCountFollowers, user_id)->Int("n");
}

std::int64_t SocialRepository::CountFollowing(Session& s, const std::string& user_id) {
  return s.QueryOne(kCountFollowing, user_id)->Int("n");
}

PrivacySettings SocialRepository::LoadSettings(Session& s, const std::string& user_id) {
  PrivacySettings settings;
  auto row = s.QueryOne(kLoadSettings, user_id);
  if (!row) return settings;
  settings.workouts = VisibilityOf(row->Text("workouts"), settings.workouts);
  settings.records = VisibilityOf(row->Text("records"), settings.records);
  settings.goals = VisibilityOf(row->Text("goals"), settings.goals);
  settings.body = VisibilityOf(row->Text("body"), settings.body);
  boost::system::error_code ec;
  auto sports = boost::json::parse(row->Text("sports"), ec);
  if (!ec && sports.is_object()) {
    for (const auto& [sport, value] : sports.as_object()) {
      if (!value.is_string()) continue;
      if (auto v = core::privacy::ParseVisibility(value.as_string())) {
        settings.sports[std::string(sport)] = *v;
      }
    }
  }
  settings.require_follow_approval = row->Bool("require_follow_approval");
  settings.listed_in_directory = row->Bool("listed_in_directory");
  settings.stats_visibility = VisibilityOf(row->Text("stats_visibility"), Visibility::kFollowers);
  settings.connections_visibility =
      VisibilityOf(row->Text("connections_visibility"), Visibility::kFollowers);
  return settings;
}

void SocialRepository::SaveSettings(Session& s, const std::string& user_id,
                                    const PrivacySettings& settings, const std::string& now) {
  boost::json::object sports;
  for (const auto& [sport, v] : settings.sports) sports[sport] = NameOf(v);
  s.Execute(kSaveSettings, user_id, NameOf(settings.workouts), NameOf(settings.records),
            NameOf(settings.goals), NameOf(settings.body), boost::json::serialize(sports),
            std::int64_t{settings.require_follow_approval ? 1 : 0},
            std::int64_t{settings.listed_in_directory ? 1 : 0}, NameOf(settings.stats_visibility),
            NameOf(settings.connections_visibility), now);
}

std::optional<FollowState> SocialRepository::FollowStateOf(Session& s, const std::string& follower,
                                                           const std::string& followee) {
  auto row = s.QueryOne(kFollowState, follower, followee);
  if (!row) return std::nullopt;
  return StateOf(row->Text("state"));
}

void SocialRepository::InsertFollow(Session& s, const std::string& follower,
                                    const std::string& followee, FollowState state,
                                    const std::string& now) {
  bool approved = state == FollowState::kApproved;
  s.Execute(kInsertFollow, follower, followee, approved ? "approved" : "pending", now,
            approved ? std::optional<std::string>(now) : std::nullopt);
}

bool SocialRepository::ApproveFollow(Session& s, const std::string& follower,
                                     const std::string& followee, const std::string& now) {
  return s.Execute(kApproveFollow, follower, followee, now) > 0;
}

std::optional<FollowState> SocialRepository::DeleteFollow(Session& s, const std::string& follower,
                                                          const std::string& followee) {
  auto row = s.QueryOne(kDeleteFollow, follower, followee);
  if (!row) return std::nullopt;
  return StateOf(row->Text("state"));
}

PersonPage SocialRepository::Followers(Session& s, const std::string& user_id,
                                       std::string_view state,
                                       const std::optional<std::string>& viewer,
                                       const std::string& cursor, int limit) {
  auto [since, id] = DecodeCursor(cursor);
  return PageOf(s.Query(kFollowers, user_id, state, viewer, since, id, std::int64_t{limit + 1}),
                limit);
}

PersonPage SocialRepository::Following(Session& s, const std::string& user_id,
                                       const std::optional<std::string>& viewer,
                                       const std::string& cursor, int limit) {
  auto [since, id] = DecodeCursor(cursor);
  return PageOf(s.Query(kFollowing, user_id, viewer, since, id, std::int64_t{limit + 1}), limit);
}

bool SocialRepository::BlockedEitherWay(Session& s, const std::string& a, const std::string& b) {
  return s.QueryOne(kBlockedEitherWay, a, b).has_value();
}

bool SocialRepository::Blocks(Session& s, const std::string& user_id, const std::string& other) {
  return s.QueryOne(kBlocks, user_id, other).has_value();
}

bool SocialRepository::InsertBlock(Session& s, const std::string& user_id, const std::string& other,
                                   const std::string& now) {
  return s.Execute(kInsertBlock, user_id, other, now) > 0;
}

bool SocialRepository::DeleteBlock(Session& s, const std::string& user_id,
                                   const std::string& other) {
  return s.Execute(kDeleteBlock, user_id, other) > 0;
}

bool SocialRepository::Mutes(Session& s, const std::string& user_id, const std::string& other) {
  return s.QueryOne(kMutes, user_id, other).has_value();
}

bool SocialRepository::InsertMute(Session& s, const std::string& user_id, const std::string& other,
                                  const std::string& now) {
  return s.Execute(kInsertMute, user_id, other, now) > 0;
}

bool SocialRepository::DeleteMute(Session& s, const std::string& user_id,
                                  const std::string& other) {
  return s.Execute(kDeleteMute, user_id, other) > 0;
}

PersonPage SocialRepository::BlockList(Session& s, const std::string& user_id,
                                       const std::string& cursor, int limit) {
  auto [since, id] = DecodeCursor(cursor);
  return PageOf(s.Query(kBlockList, user_id, since, id, std::int64_t{limit + 1}), limit);
}

PersonPage SocialRepository::MuteList(Session& s, const std::string& user_id,
                                      const std::string& cursor, int limit) {
  auto [since, id] = DecodeCursor(cursor);
  return PageOf(s.Query(kMuteList, user_id, since, id, std::int64_t{limit + 1}), limit);
}

PersonPage SocialRepository::Directory(Session& s, const std::optional<std::string>& viewer,
                                       const std::string& folded_query, const std::string& cursor,
                                       int limit) {
  std::string after;
  if (!cursor.empty()) {
    auto text = platform::crypto::Base64UrlDecode(cursor).value_or("\x7f");
    after = text.substr(0, text.find('\n'));
  }
  return PageOf(s.Query(kDirectory, viewer, folded_query, after, std::int64_t{limit + 1}), limit);
}

std::int64_t SocialRepository::CountZones(Session& s, const std::string& user_id) {
  return s.QueryOne(kCountZones, user_id)->Int("n");
}

void SocialRepository::InsertZone(Session& s, const std::string& user_id, const std::string& id,
                                  const std::string& name, const std::string& sealed_center,
                                  double radius_m, const std::string& now) {
  s.Execute(kInsertZone, user_id, id, name, Blob{sealed_center}, radius_m, now);
}

bool SocialRepository::UpdateZone(Session& s, const std::string& user_id, const std::string& id,
                                  const std::string& name, const std::string& sealed_center,
                                  double radius_m) {
  return s.Execute(kUpdateZone, user_id, id, name, Blob{sealed_center}, radius_m) > 0;
}

bool SocialRepository::DeleteZone(Session& s, const std::string& user_id, const std::string& id) {
  return s.Execute(kDeleteZone, user_id, id) > 0;
}

}  // namespace vigor::features::social
