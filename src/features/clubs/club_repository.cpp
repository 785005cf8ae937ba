#include "features/clubs/club_repository.hpp"

#include "features/social/privacy_sql.hpp"

namespace vigor::features::clubs {

using platform::store::Row;
using platform::store::Statement;

namespace {

#define VIGOR_CLUB_COLUMNS \
  "c.id, c.name, c.description, c.access, c.owner_id, c.created_at, c.member_count"
#define VIGOR_POST_COLUMNS "p.id, p.club_id, p.author_id, p.body, p.created_at, p.edited_at"

constexpr Statement kInsert{"clubs.insert",
                            "INSERT INTO clubs (id, name, description, access, owner_id, "
                            "created_at, member_count) VALUES ($1, $2, $3, $4, $5, $6, $7)"};
constexpr Statement kFind{"clubs.find",
                          "SELECT " VIGOR_CLUB_COLUMNS " FROM clubs c WHERE c.id = $1"};
constexpr Statement kUpdate{
    "clubs.update", "UPDATE clubs SET name = $2, description = $3, access = $4 WHERE id = $1"};
constexpr Statement kDelete{"clubs.delete", "DELETE FROM clubs WHERE id = $1"};
constexpr Statement kSetOwner{"clubs.set_owner", "UPDATE clubs SET owner_id = $2 WHERE id = $1"};
constexpr Statement kAddCount{"clubs.add_count",
                              "UPDATE clubs SET member_count = member_count + $2 WHERE id = $1"};
// $1 viewer (NULL: anonymous), $2 'mine' or 'all', $3 the LIKE pattern, $4 the cursor ('' for
// the first page), $5 the limit.
constexpr Statement kList{
    "clubs.list",
    "SELECT " VIGOR_CLUB_COLUMNS
    ", m.role AS my_role, m.state AS my_state, m.joined_at AS my_joined_at FROM clubs c LEFT "
    "JOIN club_members m ON m.club_id = c.id AND m.user_id = $1 WHERE (($2 = 'all' AND c.access = "
    "'public') OR m.user_id IS NOT NULL) AND LOWER(c.name) LIKE $3 "
    "ESCAPE '\\' AND ($4 = '' OR c.id < $4) ORDER BY c.id DESC LIMIT $5"};

constexpr Statement kMembership{
    "clubs.membership",
    "SELECT user_id, role, state, joined_at FROM club_members WHERE club_id = $1 AND user_id = "
    "$2"};
constexpr Statement kInsertMember{
    "clubs.insert_member",
    "INSERT INTO club_members (club_id, user_id, role, state, joined_at) VALUES ($1, $2, $3, $4, "
    "$5)"};
constexpr Statement kSetRole{
    "clubs.set_role", "UPDATE club_members SET role = $3 WHERE club_id = $1 AND user_id = $2"};
constexpr Statement kActivate{
    "clubs.activate",
    "UPDATE club_members SET state = 'active', joined_at = $3 WHERE club_id = $1 AND user_id = "
    "$2 AND state = 'pending'"};
constexpr Statement kDeleteMember{"clubs.delete_member",
                                  "DELETE FROM club_members WHERE club_id = $1 AND user_id = $2"};
constexpr Statement kMembers{
    "clubs.members",
    "SELECT m.user_id, m.role, m.state, m.joined_at FROM club_members m WHERE m.club_id = $1 AND "
    "m.state = $3 AND m.user_id > $4 AND " VIGOR_PRIVACY_NOT_BLOCKED(
        "$2", "m.user_id") " ORDER BY m.user_id LIMIT $5"};
constexpr Statement kAdmins{"clubs.admins",
                            "SELECT user_id FROM club_members WHERE club_id = $1 AND state = "
                            "'active' AND role IN ('owner', 'admin') ORDER BY user_id"};

constexpr Statement kInsertPost{
    "clubs.insert_post",
    "INSERT INTO club_posts (id, club_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, "
    "$5)"};
constexpr Statement kFindPost{"clubs.find_post",
                              "SELECT " VIGOR_POST_COLUMNS
                              " FROM club_posts p WHERE p.club_id = $1 AND p.id = $2 AND "
                              "p.deleted_at IS NULL"};
// A post is shared with whoever may read its club: to the privacy rule it is "public" within
// the club (the club's own gate comes first, in the service), so only blocks and a moderator's
// hiding remain to apply.
constexpr Statement kFindVisiblePost{
    "clubs.find_visible_post",
    "SELECT " VIGOR_POST_COLUMNS
    " FROM club_posts p WHERE p.id = $2 AND p.deleted_at IS NULL AND " VIGOR_PRIVACY_VISIBLE_TO(
        "$1", "p.author_id", "'public'", "'club_post'", "p.id")};
constexpr Statement kDeletePost{
    "clubs.delete_post",
    "UPDATE club_posts SET deleted_at = $2 WHERE id = $1 AND deleted_at IS NULL"};
constexpr Statement kPosts{
    "clubs.posts",
    "SELECT " VIGOR_POST_COLUMNS
    " FROM club_posts p WHERE p.club_id = $1 AND p.deleted_at IS NULL AND ($3 = '' OR p.id < "
    "$3) AND " VIGOR_PRIVACY_VISIBLE_TO("$2", "p.author_id", "'public'", "'club_post'",
                                        "p.id") " ORDER BY p.id DESC LIMIT $4"};

Club ClubOf(const Row& row) {
  return {.id = row.Text("id"),
          .name = row.Text("name"),
          .description = row.Text("description"),
          .access = row.Text("access"),
          .owner_id = row.Text("owner_id"),
          .created_at = row.Text("created_at"),
          .member_count = row.Int("member_count")};
}

Membership MembershipOfRow(const Row& row) {
  return {.user_id = row.Text("user_id"),
          .role = row.Text("role"),
          .state = row.Text("state"),
          .joined_at = row.Text("joined_at")};
}

ClubPost PostOf(const Row& row) {
  return {.id = row.Text("id"),
          .club_id = row.Text("club_id"),
          .author_id = row.Text("author_id"),
          .body = row.Text("body"),
          .created_at = row.Text("created_at"),
          .edited_at = row.OptText("edited_at")};
}

// `text` as a LIKE pattern that matches names containing it (its own % _ and \ taken literally).
std::string ContainsPattern(const std::string& text) {
  std::string pattern = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') pattern.push_back('\\');
    pattern.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  pattern.push_back('%');
  return pattern;
}

}  // namespace

void ClubRepository::Insert(Session& s, const Club& c) {
  s.Execute(kInsert, c.id, c.name, c.description, c.access, c.owner_id, c.created_at,
            c.member_count);
}

std::optional<Club> ClubRepository::Find(Session& s, const std::string& club_id) {
  auto row = s.QueryOne(kFind, club_id);
  if (!row) return std::nullopt;
  return ClubOf(*row);
}

void ClubRepository::Update(Session& s, const Club& c) {
  s.Execute(kUpdate, c.id, c.name, c.description, c.access);
}

void ClubRepository::Delete(Session& s, const std::string& club_id) { s.Execute(kDelete, club_id); }

void ClubRepository::SetOwner(Session& s, const std::string& club_id, const std::string& owner_id) {
  s.Execute(kSetOwner, club_id, owner_id);
}

void ClubRepository::AddToMemberCount(Session& s, const std::string& club_id, int delta) {
  s.Execute(kAddCount, club_id, static_cast<std::int64_t>(delta));
}

std::vector<ClubView> ClubRepository::List(Session& s, const Viewer& viewer, bool mine,
                                           const std::string& query, const std::string& before_id,
                                           int limit) {
  std::vector<ClubView> clubs;
  for (const auto& row :
       s.Query(kList, viewer, std::string(mine ? "mine" : "all"), ContainsPattern(query), before_id,
               static_cast<std::int64_t>(limit))) {
    ClubView view{.club = ClubOf(row), .owner = std::nullopt, .mine = std::nullopt};
    if (auto role = row.OptText("my_role")) {
      view.mine = Membership{.user_id = *viewer,
                             .role = *role,
                             .state = row.Text("my_state"),
                             .joined_at = row.Text("my_joined_at")};
    }
    clubs.push_back(std::move(view));
  }
  return clubs;
}

std::optional<Membership> ClubRepository::MembershipOf(Session& s, const std::string& club_id,
                                                       const std::string& user_id) {
  auto row = s.QueryOne(kMembership, club_id, user_id);
  if (!row) return std::nullopt;
  return MembershipOfRow(*row);
}

void ClubRepository::InsertMember(Session& s, const std::string& club_id, const Membership& m) {
  s.Execute(kInsertMember, club_id, m.user_id, m.role, m.state, m.joined_at);
}

void ClubRepository::SetRole(Session& s, const std::string& club_id, const std::string& user_id,
                             const std::string& role) {
  s.Execute(kSetRole, club_id, user_id, role);
}

void ClubRepository::Activate(Session& s, const std::string& club_id, const std::string& user_id,
                              const std::string& at) {
  s.Execute(kActivate, club_id, user_id, at);
}

void ClubRepository::DeleteMember(Session& s, const std::string& club_id,
                                  const std::string& user_id) {
  s.Execute(kDeleteMember, club_id, user_id);
}

std::vector<Membership> ClubRepository::Members(Session& s, const std::string& club_id,
                                                const Viewer& viewer, const std::string& state,
                                                const std::string& after_user_id, int limit) {
  std::vector<Membership> members;
  for (const auto& row :
       s.Query(kMembers, club_id, viewer, state, after_user_id, static_cast<std::int64_t>(limit))) {
    members.push_back(MembershipOfRow(row));
  }
  return members;
}

std::vector<std::string> ClubRepository::AdminIds(Session& s, const std::string& club_id) {
  std::vector<std::string> ids;
  for (const auto& row : s.Query(kAdmins, club_id)) ids.push_back(row.Text("user_id"));
  return ids;
}

void ClubRepository::InsertPost(Session& s, const ClubPost& p) {
  s.Execute(kInsertPost, p.id, p.club_id, p.author_id, p.body, p.created_at);
}

std::optional<ClubPost> ClubRepository::FindPost(Session& s, const std::string& club_id,
                                                 const std::string& post_id) {
  auto row = s.QueryOne(kFindPost, club_id, post_id);
  if (!row) return std::nullopt;
  return PostOf(*row);
}

std::optional<ClubPost> ClubRepository::FindVisiblePost(Session& s, const Viewer& viewer,
                                                        const std::string& post_id) {
  auto row = s.QueryOne(kFindVisiblePost, viewer, post_id);
  if (!row) return std::nullopt;
  return PostOf(*row);
}

void ClubRepository::DeletePost(Session& s, const std::string& post_id, const std::string& at) {
  s.Execute(kDeletePost, post_id, at);
}

std::vector<ClubPost> ClubRepository::Posts(Session& s, const std::string& club_id,
                                            const Viewer& viewer, const std::string& before_id,
                                            int limit) {
  std::vector<ClubPost> posts;
  for (const auto& row :
       s.Query(kPosts, club_id, viewer, before_id, static_cast<std::int64_t>(limit))) {
    posts.push_back(PostOf(row));
  }
  return posts;
}

}  // namespace vigor::features::clubs
