#include "features/challenges/challenge_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/limits.hpp"
#include "features/social/privacy_sql.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::challenges {

namespace {

using platform::Error;
using platform::ErrorKind;
namespace limits = core::limits;

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string NowText() { return platform::FormatUtcMs(NowMs()); }

Status StatusAt(const Challenge& c, std::int64_t now_ms) {
  auto starts = platform::ParseRfc3339Ms(c.starts_at).value_or(0);
  auto ends = platform::ParseRfc3339Ms(c.ends_at).value_or(0);
  if (now_ms < starts) return Status::kUpcoming;
  if (now_ms < ends) return Status::kActive;
  return Status::kEnded;
}

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_challenge")); }

core::BucketRule PerHour(int count) {
  return {.capacity = static_cast<double>(count), .refill_per_second = count / 3600.0};
}

}  // namespace

ChallengeService::ChallengeService(platform::store::Database& database,
                                   platform::ratelimit::RateLimiter& limiter,
                                   social::SocialLookup& social, notifications::Notifier& notifier,
                                   Links links)
    : database_(database),
      limiter_(limiter),
      social_(social),
      notifier_(notifier),
      links_(std::move(links)) {}

bool ChallengeService::Counts(const Challenge& c, const std::string& started_at,
                              const std::optional<std::string>& sport) {
  if (c.sport && sport != c.sport) return false;
  auto at = platform::ParseRfc3339Ms(started_at);
  auto starts = platform::ParseRfc3339Ms(c.starts_at);
  auto ends = platform::ParseRfc3339Ms(c.ends_at);
  if (!at || !starts || !ends) return false;
  return *starts <= *at && *at < *ends;
}

double ChallengeService::ValueOf(Metric metric, const WorkoutFigures& figures) {
  switch (metric) {
    case Metric::kDistance:
      return figures.distance_m;
    case Metric::kTime:
      return figures.time_s;
    case Metric::kSessions:
      return 1;
    case Metric::kVolume:
      return figures.volume_kg;
    case Metric::kElevation:
      return figures.elevation_gain_m;
  }
  return 0;
}

void ChallengeService::Schedule(Challenge& c, core::Day starts_on, core::Day ends_on) {
  platform::FieldErrors errors;
  if (ends_on < starts_on) errors.Add("ends_on", Msg("challenge_ends_before_start"));
  if ((ends_on - starts_on).count() >= limits::kChallengeLongestDays) {
    errors.Add("ends_on", Msg("challenge_too_long"));
  }
  auto starts = platform::LocalDayStartMs(starts_on, c.time_zone);
  auto ends = platform::LocalDayStartMs(ends_on + std::chrono::days(1), c.time_zone);
  if (!starts || !ends) errors.Add("time_zone", Msg("time_zone_invalid"));
  errors.ThrowIfAny();
  c.starts_on = core::FormatDay(starts_on);
  c.ends_on = core::FormatDay(ends_on);
  c.starts_at = platform::FormatUtcMs(*starts);
  c.ends_at = platform::FormatUtcMs(*ends);
}

Challenge ChallengeService::Reachable(Session& s, const std::optional<std::string>& viewer,
                                      const std::string& id) {
  auto found = repo_.FindVisible(s, viewer, id);
  if (!found) throw NotFound();
  return std::move(*found);
}

ChallengeView ChallengeService::ViewOf(Session& s, const std::optional<std::string>& viewer,
                                       Challenge c) {
  ChallengeView view;
  auto state = repo_.StateOf(s, viewer, c.id);
  view.status = StatusAt(c, NowMs());
  view.member_count = state.member_count;
  view.joined = state.joined;
  view.invited = state.invited;
  view.count_private = state.count_private;
  if (state.joined) view.progress = state.progress;
  std::string creator = c.creator_id;
  auto cards = social_.CardsOf(s, std::span<const std::string>(&creator, 1));
  if (auto it = cards.find(creator); it != cards.end()) view.creator = it->second;
  view.challenge = std::move(c);
  return view;
}

ChallengeView ChallengeService::Create(const Principal& principal, const ChallengeInput& input) {
  Challenge c;
  c.id = platform::NewId();
  c.creator_id = principal.user_id;
  c.club_id = input.club_id;
  c.title = input.title;
  c.description = input.description;
  c.metric = input.metric;
  c.sport = input.sport;
  c.time_zone = input.time_zone;
  c.target = input.target;
  c.access = input.access;
  Schedule(c, input.starts_on, input.ends_on);
  c.created_at = c.updated_at = NowText();
  return database_.WriteResult([&](Session& s) {
    if (c.club_id) {
      // Until the clubs feature is connected there are no clubs to name.
      bool allowed = links_.club_admin && links_.club_admin(s, *c.club_id, principal.user_id);
      if (!allowed) {
        throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                    {{"club_id", Msg("challenge_club_not_yours")}});
      }
    }
    repo_.Insert(s, c);
    return ViewOf(s, principal.user_id, c);
  });
}

ChallengeView ChallengeService::Get(const std::optional<std::string>& viewer,
                                    const std::string& id) {
  return database_.ReadResult(
      [&](Session& s) { return ViewOf(s, viewer, Reachable(s, viewer, id)); });
}

ChallengePage ChallengeService::List(const Principal& principal, const ChallengeFilter& filter,
                                     const std::optional<std::string>& cursor, int limit) {
  ChallengeRepository::ListQuery q;
  q.viewer = principal.user_id;
  if (filter.status) q.status = std::string(StatusName(*filter.status));
  q.club_id = filter.club_id;
  q.mine = filter.mine;
  q.now = NowText();
  q.limit = limit + 1;
  if (cursor) {
    auto tilde = cursor->find('~');
    if (tilde == std::string::npos || !platform::ParseRfc3339Ms(cursor->substr(0, tilde))) {
      throw Error(ErrorKind::kBadRequest, Msg("invalid_query"));
    }
    q.after_starts_at = cursor->substr(0, tilde);
    q.after_id = cursor->substr(tilde + 1);
  }
  return database_.ReadResult([&](Session& s) {
    ChallengePage page;
    auto rows = repo_.List(s, q);
    if (static_cast<int>(rows.size()) > limit) {
      rows.resize(limit);
      page.next_cursor = rows.back().challenge.starts_at + "~" + rows.back().challenge.id;
    }
    std::vector<std::string> creators;
    creators.reserve(rows.size());
    for (const auto& row : rows) creators.push_back(row.challenge.creator_id);
    std::sort(creators.begin(), creators.end());
    creators.erase(std::unique(creators.begin(), creators.end()), creators.end());
    auto cards = social_.CardsOf(s, creators);
    auto now = NowMs();
    for (auto& row : rows) {
      ChallengeView view;
      view.status = StatusAt(row.challenge, now);
      view.member_count = row.state.member_count;
      view.joined = row.state.joined;
      view.invited = row.state.invited;
      view.count_private = row.state.count_private;
      if (row.state.joined) view.progress = row.state.progress;
      if (auto it = cards.find(row.challenge.creator_id); it != cards.end()) {
        view.creator = it->second;
      }
      view.challenge = std::move(row.challenge);
      page.items.push_back(std::move(view));
    }
    return page;
  });
}

ChallengeView ChallengeService::Update(const Principal& principal, const std::string& id,
                                       const ChallengePatch& patch) {
  return database_.WriteResult([&](Session& s) {
    auto c = Reachable(s, principal.user_id, id);
    if (c.creator_id != principal.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("challenge_creator_only"));
    }
    auto before = c;
    if (patch.title) c.title = *patch.title;
    if (patch.description) c.description = *patch.description;
    if (patch.metric) c.metric = *patch.metric;
    if (patch.sport) c.sport = *patch.sport;
    if (patch.time_zone) c.time_zone = *patch.time_zone;
    if (patch.target) c.target = *patch.target;
    if (patch.access) c.access = *patch.access;
    auto starts_on = patch.starts_on.value_or(core::ParseDay(c.starts_on).value_or(core::Day{}));
    auto ends_on = patch.ends_on.value_or(core::ParseDay(c.ends_on).value_or(core::Day{}));
    Schedule(c, starts_on, ends_on);
    c.updated_at = NowText();
    repo_.Update(s, c);
    bool recount = c.metric != before.metric || c.sport != before.sport ||
                   c.starts_at != before.starts_at || c.ends_at != before.ends_at;
    if (recount) {
      repo_.DeleteEntriesOfChallenge(s, c.id);
      for (const auto& member : repo_.MemberIds(s, c.id)) Backfill(s, c, member);
    }
    return ViewOf(s, principal.user_id, c);
  });
}

void ChallengeService::Delete(const Principal& principal, const std::string& id) {
  database_.Write([&](Session& s) {
    auto c = Reachable(s, principal.user_id, id);
    if (c.creator_id != principal.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("challenge_creator_only"));
    }
    repo_.Delete(s, id);
  });
}

void ChallengeService::Backfill(Session& s, const Challenge& c, const std::string& user_id) {
  if (!links_.workouts.started_in) return;
  for (const auto& w : links_.workouts.started_in(s, user_id, c.starts_at, c.ends_at)) {
    if (!Counts(c, w.started_at, w.sport)) continue;
    double value = ValueOf(c.metric, w);
    if (value > 0) repo_.InsertEntry(s, c.id, user_id, w.workout_id, value, w.visibility);
  }
}

Membership ChallengeService::Join(const Principal& principal, const std::string& id,
                                  bool count_private) {
  limiter_.Take("challenge_join:" + principal.user_id, PerHour(limits::kChallengeJoinsPerHour));
  return database_.WriteResult([&](Session& s) {
    auto c = Reachable(s, principal.user_id, id);
    bool member = repo_.IsMember(s, id, principal.user_id);
    if (!member) {
      if (c.club_id) {
        bool in_club = links_.club_member && links_.club_member(s, *c.club_id, principal.user_id);
        if (!in_club) throw Error(ErrorKind::kForbidden, Msg("challenge_club_members_only"));
      }
      if (StatusAt(c, NowMs()) == Status::kEnded) {
        throw Error(ErrorKind::kConflict, Msg("challenge_ended"));
      }
    }
    repo_.UpsertMember(s, id, principal.user_id, count_private, NowText());
    if (!member) Backfill(s, c, principal.user_id);
    auto state = repo_.StateOf(s, principal.user_id, id);
    return Membership{.challenge_id = id,
                      .joined_at = state.joined_at,
                      .count_private = state.count_private,
                      .progress = state.progress};
  });
}

void ChallengeService::Leave(const Principal& principal, const std::string& id) {
  database_.Write([&](Session& s) {
    Reachable(s, principal.user_id, id);
    if (!repo_.DeleteMember(s, id, principal.user_id)) {
      throw Error(ErrorKind::kNotFound, Msg("challenge_not_member"));
    }
  });
}

bool ChallengeService::Invite(const Principal& principal, const std::string& id,
                              const std::string& username) {
  limiter_.Take("challenge_invite:" + principal.user_id, PerHour(limits::kChallengeInvitesPerHour));
  return database_.WriteResult([&](Session& s) {
    auto c = Reachable(s, principal.user_id, id);
    if (c.creator_id != principal.user_id && !repo_.IsMember(s, id, principal.user_id)) {
      throw Error(ErrorKind::kForbidden, Msg("challenge_members_invite"));
    }
    auto invitee = social_.UserIdOf(s, username);
    if (!invitee || *invitee == principal.user_id) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_user"));
    }
    constexpr platform::store::Statement kNotBlocked{
        "challenges.invitee_not_blocked",
        "SELECT 1 AS ok WHERE " VIGOR_PRIVACY_NOT_BLOCKED("CAST($1 AS TEXT)", "CAST($2 AS TEXT)")};
    if (s.Query(kNotBlocked, principal.user_id, *invitee).empty()) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_user"));
    }
    if (repo_.IsMember(s, id, *invitee)) return false;
    if (!repo_.Invite(s, id, *invitee, principal.user_id, NowText())) return false;
    notifier_.Notify(s, {.recipient_id = *invitee,
                         .kind = "challenge",
                         .actor_id = principal.user_id,
                         .subject_kind = "challenge",
                         .subject_owner_id = c.creator_id,
                         .subject_id = c.id,
                         .excerpt = c.title});
    return true;
  });
}

Leaderboard ChallengeService::Board(const std::optional<std::string>& viewer, const std::string& id,
                                    int limit) {
  return database_.ReadOnReplicaResult([&](Session& s) {
    auto c = Reachable(s, viewer, id);
    Leaderboard board;
    board.challenge_id = c.id;
    board.metric = c.metric;
    board.target = c.target;
    auto entries = repo_.Board(s, viewer, id, limit);
    std::vector<std::string> ids;
    ids.reserve(entries.size());
    for (const auto& e : entries) ids.push_back(e.user_id);
    auto cards = social_.CardsOf(s, ids);
    std::int64_t rank = 0;
    std::optional<double> previous;
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& e = entries[i];
      // Competition ranking: equal values share a rank, the next one skips (1, 1, 3).
      if (!previous || e.value != *previous) rank = static_cast<std::int64_t>(i) + 1;
      previous = e.value;
      auto card = cards.find(e.user_id);
      if (card == cards.end()) continue;
      bool mine = viewer && e.user_id == *viewer;
      board.items.push_back(
          {.rank = rank, .member = card->second, .value = e.value, .is_viewer = mine});
      if (mine) board.own_rank = rank;
    }
    if (viewer && repo_.IsMember(s, id, *viewer)) {
      board.own_progress = repo_.StateOf(s, viewer, id).progress;
    }
    return board;
  });
}

void ChallengeService::OnWorkoutChanges(Session& s,
                                        std::span<const workouts::WorkoutChange> changes) {
  std::map<std::string, std::vector<Challenge>> of_user;
  for (const auto& change : changes) {
    auto found = of_user.find(change.user_id);
    if (found == of_user.end()) {
      found = of_user.emplace(change.user_id, repo_.ChallengesOfMember(s, change.user_id)).first;
    }
    const auto& challenges = found->second;
    if (challenges.empty()) continue;
    repo_.DeleteEntriesOfWorkout(s, change.user_id, change.workout_id);
    if (!change.after) continue;
    const auto& after = *change.after;
    std::vector<const Challenge*> counting;
    for (const auto& c : challenges) {
      if (Counts(c, after.started_at, after.sport)) counting.push_back(&c);
    }
    if (counting.empty() || !links_.workouts.one) continue;
    auto figures = links_.workouts.one(s, change.user_id, change.workout_id, after.started_at);
    if (!figures) continue;
    for (const auto* c : counting) {
      double value = ValueOf(c->metric, *figures);
      if (value > 0) {
        repo_.InsertEntry(s, c->id, change.user_id, change.workout_id, value, after.visibility);
      }
    }
  }
}

std::int64_t ChallengeService::AnnounceEnded(Session& s, std::chrono::system_clock::time_point now,
                                             int limit) {
  auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::int64_t told = 0;
  for (const auto& c : repo_.EndedUnannounced(s, platform::FormatUtcMs(now_ms), limit)) {
    if (!repo_.MarkAnnounced(s, c.id)) continue;
    for (const auto& member : repo_.MemberIds(s, c.id)) {
      notifier_.Notify(s, {.recipient_id = member,
                           .kind = "challenge",
                           .actor_id = std::nullopt,
                           .subject_kind = "challenge",
                           .subject_owner_id = c.creator_id,
                           .subject_id = c.id,
                           .excerpt = c.title});
    }
    ++told;
  }
  return told;
}

}  // namespace vigor::features::challenges
