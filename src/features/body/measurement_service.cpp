#include "features/body/measurement_service.hpp"

#include <chrono>
#include <cmath>
#include <sstream>

#include "core/limits.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::body {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;

namespace {

std::string Number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

// The unit a kind is stored in, after checking the value and the unit the client sent: a
// built-in kind in its SI unit (which may be left out) and within its range, the user's own
// kind with the unit they give it.
std::string CheckedUnit(const MeasurementInput& in, platform::FieldErrors& errors) {
  if (!IsMeasurementKind(in.kind)) {
    errors.Add("kind", Msg("measurement_kind_invalid"));
  }
  if (!platform::IsCalendarDay(in.day)) errors.Add("day", Msg("not_date"));
  if (!std::isfinite(in.value)) errors.Add("value", Msg("not_number"));
  if (auto built_in = FindBuiltInMeasurementKind(in.kind)) {
    std::string unit(built_in->unit);
    std::string kind(built_in->kind);
    if (in.unit && *in.unit != unit) {
      errors.Add("unit", Msg("unit_fixed", {{"unit", unit}, {"kind", kind}}));
    }
    bool above_min = built_in->min_exclusive ? in.value > built_in->min : in.value >= built_in->min;
    if (std::isfinite(in.value) && !(above_min && in.value <= built_in->max)) {
      errors.Add(
          "value",
          Msg(built_in->min_exclusive ? "value_above_at_most_unit" : "value_from_to_unit",
              {{"min", Number(built_in->min)}, {"max", Number(built_in->max)}, {"unit", unit}}));
    }
    return unit;
  }
  constexpr auto kCustom = core::limits::kCustomMeasurementValue;
  if (std::isfinite(in.value) && !kCustom.Contains(in.value)) {
    errors.Add("value",
               Msg("value_from_to", {{"min", Number(kCustom.min)}, {"max", Number(kCustom.max)}}));
  }
  if (!in.unit || in.unit->empty()) {
    errors.Add("unit", Msg("unit_required_custom"));
    return "";
  }
  return *in.unit;
}

// Today's date (YYYY-MM-DD) on the clocks of `zone`; UTC's when the zone is unknown.
std::string TodayIn(std::string_view zone) {
  auto now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                    std::chrono::system_clock::now().time_since_epoch())
                    .count();
  std::int64_t offset_ms =
      std::int64_t{platform::UtcOffsetSeconds(now_ms, zone).value_or(0)} * 1000;
  return platform::FormatUtcMs(now_ms + offset_ms).substr(0, 10);
}

}  // namespace

Measurement MeasurementService::Put(const Principal& principal, const MeasurementInput& input) {
  platform::FieldErrors errors;
  std::string unit = CheckedUnit(input, errors);
  errors.ThrowIfAny();
  Measurement m;
  m.id = platform::NewId();
  m.kind = input.kind;
  m.day = input.day;
  m.value = input.value;
  m.unit = unit;
  m.notes = input.notes;
  return database_.WriteResult([&](Session& s) {
    // Named, else what the day's entry has, else the owner's default for body entries.
    if (input.visibility) {
      m.visibility = *input.visibility;
    } else if (auto existing = measurements_.FindByDay(s, principal.user_id, m.kind, m.day)) {
      m.visibility = existing->visibility;
    } else if (social_) {
      m.visibility = std::string(core::privacy::VisibilityName(
          social_->DefaultVisibility(s, principal.user_id, "body", std::nullopt)));
    }
    // Days as YYYY-MM-DD compare as text in date order.
    if (std::string today = TodayIn(profile_time_zone_(s, principal.user_id)); m.day > today) {
      platform::FieldErrors future;
      future.Add("day", Msg("day_in_future", {{"today", today}}));
      future.ThrowIfAny();
    }
    m.created_at = m.updated_at = platform::NowRfc3339();
    return measurements_.Upsert(s, principal.user_id, m);
  });
}

std::vector<Measurement> MeasurementService::List(const Principal& principal,
                                                  const MeasurementFilter& filter) {
  platform::FieldErrors errors;
  if (!IsMeasurementKind(filter.kind)) errors.Add("kind", Msg("measurement_kind_unknown"));
  if (filter.from && !platform::IsCalendarDay(*filter.from)) errors.Add("from", Msg("not_date"));
  if (filter.to && !platform::IsCalendarDay(*filter.to)) errors.Add("to", Msg("not_date"));
  errors.ThrowIfAny();
  return database_.ReadResult(
      [&](Session& s) { return measurements_.List(s, principal.user_id, filter); });
}

std::vector<MeasurementKindSummary> MeasurementService::Kinds(const Principal& principal) {
  return database_.ReadResult(
      [&](Session& s) { return measurements_.Kinds(s, principal.user_id); });
}

void MeasurementService::Delete(const Principal& principal, const std::string& id) {
  bool deleted = database_.WriteResult([&](Session& s) {
    return measurements_.Tombstone(s, principal.user_id, id, platform::NowRfc3339());
  });
  if (!deleted) throw Error(ErrorKind::kNotFound, Msg("no_such_measurement"));
}

SharedMeasurementPage MeasurementService::ListOf(const std::optional<std::string>& viewer_id,
                                                 const std::string& username,
                                                 const std::optional<std::string>& kind,
                                                 const std::string& cursor, int limit) {
  std::string after_day = "~";  // sorts after every day
  std::string after_id;
  if (!cursor.empty()) {
    auto raw = platform::crypto::Base64UrlDecode(cursor);
    auto bar = raw ? raw->find('|') : std::string::npos;
    if (bar == std::string::npos || !platform::IsCalendarDay(raw->substr(0, bar))) {
      throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                  {{"cursor", Msg("cursor_invalid")}});
    }
    after_day = raw->substr(0, bar);
    after_id = raw->substr(bar + 1);
  }
  if (kind && !IsMeasurementKind(*kind)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"kind", Msg("measurement_kind_unknown")}});
  }
  return database_.ReadResult([&](Session& s) {
    std::optional<std::string> owner_id;
    if (social_) owner_id = social_->UserIdOf(s, username);
    if (!owner_id || (policy_ && policy_->RelationOf(s, viewer_id, *owner_id) ==
                                     core::privacy::Relation::kBlocked)) {
      throw Error(ErrorKind::kNotFound, Msg("no_such_user"));
    }
    SharedMeasurementPage page;
    page.items =
        measurements_.ListVisibleTo(s, *owner_id, viewer_id, kind, after_day, after_id, limit + 1);
    if (static_cast<int>(page.items.size()) > limit) {
      page.items.pop_back();
      page.next_cursor =
          platform::crypto::Base64UrlEncode(page.items.back().day + "|" + page.items.back().id);
    }
    return page;
  });
}

std::int64_t MeasurementService::ChangeVisibilityBatch(Session& s, const std::string& user_id,
                                                       const std::string& visibility,
                                                       const std::optional<std::string>& from,
                                                       const std::optional<std::string>& to,
                                                       int limit) {
  std::string now = platform::NowRfc3339();
  std::int64_t changed = 0;
  for (const auto& id : measurements_.IdsToChange(s, user_id, visibility, from, to, limit)) {
    if (measurements_.SetVisibility(s, user_id, id, visibility, now)) ++changed;
  }
  return changed;
}

MeasurementService::ValuesAround MeasurementService::ValuesForGoals(platform::store::Session& s,
                                                                    const std::string& user_id,
                                                                    const std::string& kind,
                                                                    const std::string& first,
                                                                    const std::string& last) {
  return {.before = measurements_.LatestBefore(s, user_id, kind, first),
          .in_range = measurements_.List(s, user_id, {.kind = kind, .from = first, .to = last})};
}

}  // namespace vigor::features::body
