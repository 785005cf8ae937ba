#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "features/social/social_lookup.hpp"

// Challenges: a metric summed over the members' qualifying workouts between two local dates of a
// time zone, with a leaderboard cut by the privacy policy.
namespace vigor::features::challenges {

enum class Metric { kDistance, kTime, kSessions, kVolume, kElevation };
std::string_view MetricName(Metric metric);  // "distance", "time", ...
std::optional<Metric> ParseMetric(std::string_view text);

enum class Access { kPublic, kInvite };
std::string_view AccessName(Access access);  // "public", "invite"
std::optional<Access> ParseAccess(std::string_view text);

// Where a challenge stands at an instant.
enum class Status { kUpcoming, kActive, kEnded };
std::string_view StatusName(Status status);
std::optional<Status> ParseStatus(std::string_view text);

struct ChallengeInput {
  std::string title;
  std::string description;
  Metric metric = Metric::kDistance;
  std::optional<std::string> sport;  // a workout sport (workouts::IsCardioSport)
  core::Day starts_on{};
  core::Day ends_on{};
  std::string time_zone;
  std::optional<double> target;
  Access access = Access::kPublic;
  std::optional<std::string> club_id;
};

// A change of some fields (PATCH): what is absent stays. `sport`/`target`: present and null
// clears them.
struct ChallengePatch {
  std::optional<std::string> title;
  std::optional<std::string> description;
  std::optional<Metric> metric;
  std::optional<std::optional<std::string>> sport;
  std::optional<core::Day> starts_on;
  std::optional<core::Day> ends_on;
  std::optional<std::string> time_zone;
  std::optional<std::optional<double>> target;
  std::optional<Access> access;
};

struct Challenge {
  std::string id;
  std::string creator_id;
  std::optional<std::string> club_id;
  std::string title;
  std::string description;
  Metric metric = Metric::kDistance;
  std::optional<std::string> sport;
  std::string starts_on;  // YYYY-MM-DD
  std::string ends_on;
  std::string time_zone;
  std::string starts_at;  // RFC 3339 UTC
  std::string ends_at;
  std::optional<double> target;
  Access access = Access::kPublic;
  std::string created_at;
  std::string updated_at;
};

// A challenge as the viewer sees it in a list or on its page.
struct ChallengeView {
  Challenge challenge;
  Status status = Status::kUpcoming;
  std::optional<social::UserCard> creator;
  std::int64_t member_count = 0;
  bool joined = false;
  bool invited = false;
  bool count_private = false;      // the viewer's own choice, when joined
  std::optional<double> progress;  // the viewer's own total, when joined
};

struct ChallengePage {
  std::vector<ChallengeView> items;
  std::optional<std::string> next_cursor;
};

struct ChallengeFilter {
  std::optional<Status> status;
  std::optional<std::string> club_id;
  bool mine = false;  // only the ones the viewer joined, made or was invited to
};

struct BoardRow {
  std::int64_t rank = 0;  // 1 for the highest value; equal values share a rank
  social::UserCard member;
  double value = 0;
  bool is_viewer = false;
};

struct Leaderboard {
  std::string challenge_id;
  Metric metric = Metric::kDistance;
  std::optional<double> target;
  std::vector<BoardRow> items;
  // The viewer's own progress (everything of theirs counts), when a member.
  std::optional<double> own_progress;
  std::optional<std::int64_t> own_rank;
};

struct Membership {
  std::string challenge_id;
  std::string joined_at;
  bool count_private = false;
  double progress = 0;
};

}  // namespace vigor::features::challenges
