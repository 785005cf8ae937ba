#include "features/challenges/json_codec.hpp"

#include <boost/json/array.hpp>

#include "core/limits.hpp"
#include "features/workouts/model.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::challenges {

namespace http = platform::http;
using platform::FieldErrors;
namespace limits = core::limits;

namespace {

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

std::string Trimmed(std::string text) {
  while (!text.empty() && text.back() == ' ') text.pop_back();
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  return text;
}

std::optional<core::Day> DayField(http::JsonFields& f, FieldErrors& errors, const char* name,
                                  bool required) {
  auto text = f.String(name, {.required = required, .max_length = 10});
  if (!text) return std::nullopt;
  auto day = core::ParseDay(*text);
  if (!day) errors.Add(name, Msg("not_date"));
  return day;
}

std::optional<std::string> TitleField(http::JsonFields& f, FieldErrors& errors, bool required) {
  auto title =
      f.String("title", {.required = required, .max_length = limits::kChallengeTitleLength});
  if (!title) return std::nullopt;
  auto trimmed = Trimmed(*title);
  if (trimmed.empty()) errors.Add("title", Msg("challenge_title_required"));
  return trimmed;
}

std::optional<Metric> MetricField(http::JsonFields& f, FieldErrors& errors, bool required) {
  auto text = f.String("metric", {.required = required, .max_length = 16});
  if (!text) return std::nullopt;
  auto metric = ParseMetric(*text);
  if (!metric) errors.Add("metric", Msg("challenge_metric_invalid"));
  return metric;
}

std::optional<Access> AccessField(http::JsonFields& f, FieldErrors& errors) {
  auto text = f.String("access", {.max_length = 16});
  if (!text) return std::nullopt;
  auto access = ParseAccess(*text);
  if (!access) errors.Add("access", Msg("challenge_access_invalid"));
  return access;
}

std::optional<std::string> ZoneField(http::JsonFields& f, FieldErrors& errors, bool required) {
  auto zone = f.String("time_zone", {.required = required, .max_length = 64});
  if (zone && !platform::IsKnownTimeZone(*zone)) errors.Add("time_zone", Msg("time_zone_invalid"));
  return zone;
}

std::optional<std::string> SportField(http::JsonFields& f, FieldErrors& errors) {
  auto sport = f.String("sport", {.max_length = 16});
  if (sport && !workouts::IsCardioSport(*sport)) errors.Add("sport", Msg("sport_invalid"));
  return sport;
}

std::optional<double> TargetField(http::JsonFields& f, FieldErrors& errors) {
  auto target = f.Number("target", false, limits::kChallengeTarget);
  if (target && *target <= 0) errors.Add("target", Msg("challenge_target_positive"));
  return target;
}

bool IsNull(const boost::json::object& body, std::string_view name) {
  const auto* v = body.if_contains(name);
  return v != nullptr && v->is_null();
}

boost::json::value CardOf(const std::optional<social::UserCard>& card) {
  if (!card) return nullptr;
  return boost::json::object{{"username", card->username},
                             {"display_name", card->display_name},
                             {"avatar_url", OrNull(card->avatar_url)}};
}

}  // namespace

ChallengeInput DecodeChallengeInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  ChallengeInput in;
  in.title = TitleField(f, errors, true).value_or("");
  in.description =
      Trimmed(f.String("description", {.max_length = limits::kChallengeDescriptionLength,
                                       .text = http::JsonFields::Text::kMultiLine})
                  .value_or(""));
  if (auto metric = MetricField(f, errors, true)) in.metric = *metric;
  in.sport = SportField(f, errors);
  auto starts_on = DayField(f, errors, "starts_on", true);
  auto ends_on = DayField(f, errors, "ends_on", true);
  in.time_zone = ZoneField(f, errors, true).value_or("");
  in.target = TargetField(f, errors);
  if (auto access = AccessField(f, errors)) in.access = *access;
  in.club_id = f.String("club_id", {.min_length = 1, .max_length = 64});
  f.RejectUnknown({"title", "description", "metric", "sport", "starts_on", "ends_on", "time_zone",
                   "target", "access", "club_id"});
  errors.ThrowIfAny();
  in.starts_on = *starts_on;
  in.ends_on = *ends_on;
  return in;
}

ChallengePatch DecodeChallengePatch(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  ChallengePatch patch;
  patch.title = TitleField(f, errors, false);
  patch.description = f.String("description", {.max_length = limits::kChallengeDescriptionLength,
                                               .text = http::JsonFields::Text::kMultiLine});
  if (patch.description) patch.description = Trimmed(*patch.description);
  patch.metric = MetricField(f, errors, false);
  if (IsNull(body, "sport")) {
    patch.sport = std::optional<std::string>{};
  } else if (auto sport = SportField(f, errors)) {
    patch.sport = sport;
  }
  patch.starts_on = DayField(f, errors, "starts_on", false);
  patch.ends_on = DayField(f, errors, "ends_on", false);
  patch.time_zone = ZoneField(f, errors, false);
  if (IsNull(body, "target")) {
    patch.target = std::optional<double>{};
  } else if (auto target = TargetField(f, errors)) {
    patch.target = target;
  }
  patch.access = AccessField(f, errors);
  f.RejectUnknown({"title", "description", "metric", "sport", "starts_on", "ends_on", "time_zone",
                   "target", "access"});
  errors.ThrowIfAny();
  return patch;
}

boost::json::object EncodeChallenge(const ChallengeView& view) {
  const auto& c = view.challenge;
  return {{"id", c.id},
          {"title", c.title},
          {"description", c.description},
          {"metric", MetricName(c.metric)},
          {"sport", OrNull(c.sport)},
          {"starts_on", c.starts_on},
          {"ends_on", c.ends_on},
          {"time_zone", c.time_zone},
          {"starts_at", c.starts_at},
          {"ends_at", c.ends_at},
          {"target", OrNull(c.target)},
          {"access", AccessName(c.access)},
          {"club_id", OrNull(c.club_id)},
          {"status", StatusName(view.status)},
          {"creator", CardOf(view.creator)},
          {"member_count", view.member_count},
          {"joined", view.joined},
          {"invited", view.invited},
          {"count_private", view.count_private},
          {"progress", OrNull(view.progress)},
          {"created_at", c.created_at},
          {"updated_at", c.updated_at}};
}

boost::json::object EncodeChallengePage(const ChallengePage& page) {
  boost::json::array items;
  for (const auto& view : page.items) items.push_back(EncodeChallenge(view));
  return {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}};
}

boost::json::object EncodeLeaderboard(const Leaderboard& board) {
  boost::json::array items;
  for (const auto& row : board.items) {
    items.push_back(boost::json::object{{"rank", row.rank},
                                        {"member", CardOf(row.member)},
                                        {"value", row.value},
                                        {"is_viewer", row.is_viewer}});
  }
  return {{"challenge_id", board.challenge_id},
          {"metric", MetricName(board.metric)},
          {"target", OrNull(board.target)},
          {"items", std::move(items)},
          {"own_progress", OrNull(board.own_progress)},
          {"own_rank", OrNull(board.own_rank)}};
}

boost::json::object EncodeMembership(const Membership& m) {
  return {{"challenge_id", m.challenge_id},
          {"joined_at", m.joined_at},
          {"count_private", m.count_private},
          {"progress", m.progress}};
}

}  // namespace vigor::features::challenges
