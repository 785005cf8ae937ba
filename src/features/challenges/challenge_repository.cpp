#include "features/challenges/challenge_repository.hpp"

#include "features/social/privacy_sql.hpp"

namespace vigor::features::challenges {

namespace {

using platform::store::Row;
using platform::store::Statement;

#define VIGOR_CHALLENGE_COLUMNS                                                             \
  "c.id, c.creator_id, c.club_id, c.title, c.description, c.metric, c.sport, c.starts_on, " \
  "c.ends_on, c.time_zone, c.starts_at, c.ends_at, c.target, c.access, c.created_at, "      \
  "c.updated_at"

// Who may reach a challenge: anyone (signed in or not) a public one, unless its creator and the
// viewer blocked one another; its creator, members and invited users always.
#define VIGOR_CHALLENGE_REACHABLE(VIEWER)                                              \
  "((c.access = 'public' AND " VIGOR_PRIVACY_NOT_BLOCKED(                              \
      VIEWER, "c.creator_id") ") OR c.creator_id = " VIEWER                            \
                              " OR EXISTS (SELECT 1 FROM challenge_members rm WHERE "  \
                              "rm.challenge_id = c.id AND "                            \
                              "rm.user_id = " VIEWER                                   \
                              ") OR EXISTS (SELECT 1 FROM challenge_invites ri WHERE " \
                              "ri.challenge_id = c.id AND "                            \
                              "ri.user_id = " VIEWER "))"

#define VIGOR_VIEWER_STATE(VIEWER)                                                             \
  "(SELECT COUNT(*) FROM challenge_members sm WHERE sm.challenge_id = c.id) AS member_count, " \
  "(SELECT sm.count_private FROM challenge_members sm WHERE sm.challenge_id = c.id AND "       \
  "sm.user_id = " VIEWER                                                                       \
  ") AS my_count_private, "                                                                    \
  "(SELECT sm.joined_at FROM challenge_members sm WHERE sm.challenge_id = c.id AND "           \
  "sm.user_id = " VIEWER                                                                       \
  ") AS my_joined_at, "                                                                        \
  "(SELECT COUNT(*) FROM challenge_invites si WHERE si.challenge_id = c.id AND si.user_id "    \
  "= " VIEWER                                                                                  \
  ") AS my_invites, "                                                                          \
  "(SELECT SUM(se.value) FROM challenge_entries se WHERE se.challenge_id = c.id AND "          \
  "se.user_id = " VIEWER ") AS my_progress"

constexpr Statement kInsert{
    "challenges.insert",
    "INSERT INTO challenges (id, creator_id, club_id, title, description, metric, sport, "
    "starts_on, ends_on, time_zone, starts_at, ends_at, target, access, created_at, updated_at) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"};
// A changed end may be in the future again: its members will be told when it comes.
constexpr Statement kUpdate{
    "challenges.update",
    "UPDATE challenges SET title = $2, description = $3, metric = $4, sport = $5, starts_on = $6, "
    "ends_on = $7, time_zone = $8, starts_at = $9, ends_at = $10, target = $11, access = $12, "
    "updated_at = $13, ended_notified = CASE WHEN ends_at = $10 THEN ended_notified ELSE 0 END "
    "WHERE id = $1"};
constexpr Statement kDelete{"challenges.delete", "DELETE FROM challenges WHERE id = $1"};
constexpr Statement kFindVisible{
    "challenges.find_visible",
    "SELECT " VIGOR_CHALLENGE_COLUMNS
    " FROM challenges c WHERE c.id = $1 AND " VIGOR_CHALLENGE_REACHABLE("CAST($2 AS TEXT)")};
constexpr Statement kStateOf{
    "challenges.viewer_state",
    "SELECT " VIGOR_VIEWER_STATE("CAST($2 AS TEXT)") " FROM challenges c WHERE c.id = $1"};
constexpr Statement kList{
    "challenges.list",
    "SELECT " VIGOR_CHALLENGE_COLUMNS ", " VIGOR_VIEWER_STATE(
        "$1") " FROM challenges c WHERE " VIGOR_CHALLENGE_REACHABLE("$1")
    " AND (CAST($2 AS TEXT) IS NULL OR c.club_id = CAST($2 AS TEXT))"
    " AND ($3 = 0 OR c.creator_id = $1"
    " OR EXISTS (SELECT 1 FROM challenge_members mm WHERE mm.challenge_id = c.id AND "
    "mm.user_id = $1)"
    " OR EXISTS (SELECT 1 FROM challenge_invites mi WHERE mi.challenge_id = c.id AND "
    "mi.user_id = $1))"
    " AND (CAST($5 AS TEXT) IS NULL"
    " OR (CAST($5 AS TEXT) = 'upcoming' AND c.starts_at > $4)"
    " OR (CAST($5 AS TEXT) = 'active' AND c.starts_at <= $4 AND c.ends_at > $4)"
    " OR (CAST($5 AS TEXT) = 'ended' AND c.ends_at <= $4))"
    " AND (CAST($6 AS TEXT) IS NULL OR c.starts_at < CAST($6 AS TEXT)"
    " OR (c.starts_at = CAST($6 AS TEXT) AND c.id < CAST($7 AS TEXT)))"
    " ORDER BY c.starts_at DESC, c.id DESC LIMIT $8"};

constexpr Statement kIsMember{
    "challenge_members.exists",
    "SELECT 1 AS found FROM challenge_members WHERE challenge_id = $1 AND user_id = $2"};
constexpr Statement kIsInvited{
    "challenge_invites.exists",
    "SELECT 1 AS found FROM challenge_invites WHERE challenge_id = $1 AND user_id = $2"};
constexpr Statement kUpsertMember{
    "challenge_members.upsert",
    "INSERT INTO challenge_members (challenge_id, user_id, joined_at, count_private) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (challenge_id, user_id) "
    "DO UPDATE SET count_private = excluded.count_private"};
constexpr Statement kDeleteMember{
    "challenge_members.delete",
    "DELETE FROM challenge_members WHERE challenge_id = $1 AND user_id = $2"};
constexpr Statement kDeleteMemberEntries{
    "challenge_entries.delete_of_member",
    "DELETE FROM challenge_entries WHERE challenge_id = $1 AND user_id = $2"};
constexpr Statement kMemberIds{
    "challenge_members.of_challenge",
    "SELECT user_id FROM challenge_members WHERE challenge_id = $1 ORDER BY joined_at, user_id"};
constexpr Statement kInvite{
    "challenge_invites.insert",
    "INSERT INTO challenge_invites (challenge_id, user_id, invited_by, created_at) "
    "VALUES ($1, $2, $3, $4) ON CONFLICT (challenge_id, user_id) DO NOTHING"};

constexpr Statement kChallengesOfMember{
    "challenges.of_member",
    "SELECT " VIGOR_CHALLENGE_COLUMNS
    " FROM challenge_members m JOIN challenges c ON c.id = m.challenge_id WHERE m.user_id = $1"};
constexpr Statement kDeleteEntriesOfWorkout{
    "challenge_entries.delete_of_workout",
    "DELETE FROM challenge_entries WHERE user_id = $1 AND workout_id = $2"};
constexpr Statement kDeleteEntriesOfChallenge{
    "challenge_entries.delete_of_challenge",
    "DELETE FROM challenge_entries WHERE challenge_id = $1"};
constexpr Statement kInsertEntry{
    "challenge_entries.insert",
    "INSERT INTO challenge_entries (challenge_id, user_id, workout_id, value, visibility) "
    "VALUES ($1, $2, $3, $4, $5)"};

// The member's own choice turns their private entries into entries everyone on the board may
// count; everything else is the one privacy rule, with the member as the owner.
constexpr Statement kBoard{
    "challenges.board",
    "SELECT m.user_id, COALESCE((SELECT SUM(e.value) FROM challenge_entries e "
    "WHERE e.challenge_id = m.challenge_id AND e.user_id = m.user_id AND " VIGOR_PRIVACY_VISIBLE_TO(
        "CAST($2 AS TEXT)", "e.user_id",
        "(CASE WHEN m.count_private = 1 AND e.visibility = 'private' THEN 'public' "
        "ELSE e.visibility END)",
        "'workout'", "e.workout_id") "), 0.0) AS value "
    "FROM challenge_members m WHERE m.challenge_id = $1 AND " VIGOR_PRIVACY_NOT_BLOCKED(
        "CAST($2 AS TEXT)", "m.user_id") " ORDER BY value DESC, m.joined_at, m.user_id LIMIT $3"};

constexpr Statement kEndedUnannounced{
    "challenges.ended_unannounced",
    "SELECT " VIGOR_CHALLENGE_COLUMNS
    " FROM challenges c WHERE c.ended_notified = 0 AND c.ends_at <= $1 "
    "ORDER BY c.ends_at, c.id LIMIT $2"};
constexpr Statement kMarkAnnounced{
    "challenges.mark_announced",
    "UPDATE challenges SET ended_notified = 1 WHERE id = $1 AND ended_notified = 0"};

Challenge ChallengeOf(const Row& row) {
  Challenge c;
  c.id = row.Text("id");
  c.creator_id = row.Text("creator_id");
  c.club_id = row.OptText("club_id");
  c.title = row.Text("title");
  c.description = row.Text("description");
  c.metric = ParseMetric(row.Text("metric")).value_or(Metric::kDistance);
  c.sport = row.OptText("sport");
  c.starts_on = row.Text("starts_on");
  c.ends_on = row.Text("ends_on");
  c.time_zone = row.Text("time_zone");
  c.starts_at = row.Text("starts_at");
  c.ends_at = row.Text("ends_at");
  c.target = row.OptReal("target");
  c.access = ParseAccess(row.Text("access")).value_or(Access::kInvite);
  c.created_at = row.Text("created_at");
  c.updated_at = row.Text("updated_at");
  return c;
}

ChallengeRepository::ViewerState StateOfRow(const Row& row) {
  ChallengeRepository::ViewerState state;
  state.member_count = row.Int("member_count");
  if (auto count_private = row.OptInt("my_count_private")) {
    state.joined = true;
    state.count_private = *count_private != 0;
    state.joined_at = row.OptText("my_joined_at").value_or("");
  }
  state.invited = row.Int("my_invites") > 0;
  state.progress = row.OptReal("my_progress").value_or(0);
  return state;
}

}  // namespace

void ChallengeRepository::Insert(Session& s, const Challenge& c) {
  s.Execute(kInsert, c.id, c.creator_id, c.club_id, c.title, c.description, MetricName(c.metric),
            c.sport, c.starts_on, c.ends_on, c.time_zone, c.starts_at, c.ends_at, c.target,
            AccessName(c.access), c.created_at, c.updated_at);
}

void ChallengeRepository::Update(Session& s, const Challenge& c) {
  s.Execute(kUpdate, c.id, c.title, c.description, MetricName(c.metric), c.sport, c.starts_on,
            c.ends_on, c.time_zone, c.starts_at, c.ends_at, c.target, AccessName(c.access),
            c.updated_at);
}

void ChallengeRepository::Delete(Session& s, const std::string& id) { s.Execute(kDelete, id); }

std::optional<Challenge> ChallengeRepository::FindVisible(Session& s,
                                                          const std::optional<std::string>& viewer,
                                                          const std::string& id) {
  auto row = s.QueryOne(kFindVisible, id, viewer);
  if (!row) return std::nullopt;
  return ChallengeOf(*row);
}

ChallengeRepository::ViewerState ChallengeRepository::StateOf(
    Session& s, const std::optional<std::string>& viewer, const std::string& id) {
  auto row = s.QueryOne(kStateOf, id, viewer);
  if (!row) return {};
  return StateOfRow(*row);
}

std::vector<ChallengeRepository::Listed> ChallengeRepository::List(Session& s, const ListQuery& q) {
  std::vector<Listed> out;
  for (const auto& row : s.Query(kList, q.viewer, q.club_id, q.mine, q.now, q.status,
                                 q.after_starts_at, q.after_id, q.limit)) {
    out.push_back({ChallengeOf(row), StateOfRow(row)});
  }
  return out;
}

bool ChallengeRepository::IsMember(Session& s, const std::string& id, const std::string& user_id) {
  return s.QueryOne(kIsMember, id, user_id).has_value();
}

bool ChallengeRepository::IsInvited(Session& s, const std::string& id, const std::string& user_id) {
  return s.QueryOne(kIsInvited, id, user_id).has_value();
}

void ChallengeRepository::UpsertMember(Session& s, const std::string& id,
                                       const std::string& user_id, bool count_private,
                                       const std::string& now) {
  s.Execute(kUpsertMember, id, user_id, now, count_private);
}

bool ChallengeRepository::DeleteMember(Session& s, const std::string& id,
                                       const std::string& user_id) {
  s.Execute(kDeleteMemberEntries, id, user_id);
  return s.Execute(kDeleteMember, id, user_id) > 0;
}

std::vector<std::string> ChallengeRepository::MemberIds(Session& s, const std::string& id) {
  std::vector<std::string> ids;
  for (const auto& row : s.Query(kMemberIds, id)) ids.push_back(row.Text("user_id"));
  return ids;
}

bool ChallengeRepository::Invite(Session& s, const std::string& id, const std::string& user_id,
                                 const std::string& invited_by, const std::string& now) {
  return s.Execute(kInvite, id, user_id, invited_by, now) > 0;
}

std::vector<Challenge> ChallengeRepository::ChallengesOfMember(Session& s,
                                                               const std::string& user_id) {
  std::vector<Challenge> out;
  for (const auto& row : s.Query(kChallengesOfMember, user_id)) out.push_back(ChallengeOf(row));
  return out;
}

void ChallengeRepository::DeleteEntriesOfWorkout(Session& s, const std::string& user_id,
                                                 const std::string& workout_id) {
  s.Execute(kDeleteEntriesOfWorkout, user_id, workout_id);
}

void ChallengeRepository::DeleteEntriesOfChallenge(Session& s, const std::string& id) {
  s.Execute(kDeleteEntriesOfChallenge, id);
}

void ChallengeRepository::InsertEntry(Session& s, const std::string& id, const std::string& user_id,
                                      const std::string& workout_id, double value,
                                      const std::string& visibility) {
  s.Execute(kInsertEntry, id, user_id, workout_id, value, visibility);
}

std::vector<ChallengeRepository::BoardEntry> ChallengeRepository::Board(
    Session& s, const std::optional<std::string>& viewer, const std::string& id, int limit) {
  std::vector<BoardEntry> out;
  for (const auto& row : s.Query(kBoard, id, viewer, limit)) {
    out.push_back({row.Text("user_id"), row.Real("value")});
  }
  return out;
}

std::vector<Challenge> ChallengeRepository::EndedUnannounced(Session& s, const std::string& now,
                                                             int limit) {
  std::vector<Challenge> out;
  for (const auto& row : s.Query(kEndedUnannounced, now, limit)) out.push_back(ChallengeOf(row));
  return out;
}

bool ChallengeRepository::MarkAnnounced(Session& s, const std::string& id) {
  return s.Execute(kMarkAnnounced, id) > 0;
}

}  // namespace vigor::features::challenges
