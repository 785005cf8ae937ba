#include "features/workouts/measurement_service.hpp"

#include <cmath>

#include "features/workouts/time_text.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::workouts {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;

namespace {

// The unit a kind is stored in, after checking the value and the unit the client sent.
std::string CheckedUnit(const MeasurementInput& in, platform::FieldErrors& errors) {
  if (!IsMeasurementKind(in.kind)) {
    errors.Add("kind",
               "must be weight, body_fat or your own kind in lowercase letters, digits "
               "and underscores");
  }
  if (!IsCalendarDay(in.day)) errors.Add("day", "must be a date as YYYY-MM-DD");
  if (!std::isfinite(in.value)) errors.Add("value", "must be a number");
  if (in.kind == "weight") {
    if (in.unit && *in.unit != "kg") errors.Add("unit", "must be kg: weight is stored in kg");
    if (!(in.value > 0 && in.value <= MeasurementService::kMaxWeightKg)) {
      errors.Add("value", "must be above 0 and at most 1000 kg");
    }
    return "kg";
  }
  if (in.kind == "body_fat") {
    if (in.unit && *in.unit != "%") errors.Add("unit", "must be %");
    if (!(in.value >= 0 && in.value <= MeasurementService::kMaxBodyFatPercent)) {
      errors.Add("value", "must be from 0 to 75 %");
    }
    return "%";
  }
  if (!in.unit || in.unit->empty()) {
    errors.Add("unit", "is required for your own kinds (cm, bpm, ...)");
    return "";
  }
  return *in.unit;
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
    m.created_at = m.updated_at = platform::NowRfc3339();
    return measurements_.Upsert(s, principal.user_id, m);
  });
}

std::vector<Measurement> MeasurementService::List(const Principal& principal,
                                                  const MeasurementFilter& filter) {
  platform::FieldErrors errors;
  if (!IsMeasurementKind(filter.kind)) errors.Add("kind", "is not a measurement kind");
  if (filter.from && !IsCalendarDay(*filter.from))
    errors.Add("from", "must be a date as YYYY-MM-DD");
  if (filter.to && !IsCalendarDay(*filter.to)) errors.Add("to", "must be a date as YYYY-MM-DD");
  errors.ThrowIfAny();
  return database_.ReadResult(
      [&](Session& s) { return measurements_.List(s, principal.user_id, filter); });
}

void MeasurementService::Delete(const Principal& principal, const std::string& id) {
  bool deleted = database_.WriteResult([&](Session& s) {
    return measurements_.Tombstone(s, principal.user_id, id, platform::NowRfc3339());
  });
  if (!deleted) throw Error(ErrorKind::kNotFound, "There is no such measurement.");
}

}  // namespace vigor::features::workouts
