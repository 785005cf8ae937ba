#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Body measurements: one value per user, kind and local day. Values are SI (kg, m) or the
// user's own unit; timestamps RFC 3339 UTC with milliseconds.
namespace vigor::features::body {

// weight (kg), body_fat (%) or the user's own kind (lowercase, digits, underscores).
bool IsMeasurementKind(std::string_view kind);

// A kind the server knows: stored in one SI unit and checked against a sensible range
// (min < value <= max when min_exclusive, else min <= value <= max).
struct BuiltInMeasurementKind {
  std::string_view kind;
  std::string_view unit;
  double min;
  double max;
  bool min_exclusive = false;
};

// weight (kg), body_fat (%), the circumferences waist, chest, hips, neck, arm, thigh and calf (m)
// and resting_heart_rate (bpm); nullopt for the user's own kinds, whose unit is theirs.
std::optional<BuiltInMeasurementKind> FindBuiltInMeasurementKind(std::string_view kind);

struct MeasurementInput {
  std::string kind;
  std::string day;  // YYYY-MM-DD, the user's local day
  double value = 0;
  std::optional<std::string> unit;
  std::optional<std::string> notes;
  // Who may see it: when none is named, what is stored for the day stays, and a new entry takes
  // the owner's default for body entries (private unless they chose otherwise).
  std::optional<std::string> visibility;
};

struct Measurement {
  std::string id;
  std::string kind;
  std::string day;
  double value = 0;
  std::string unit;
  std::optional<std::string> notes;
  std::string created_at;
  std::string updated_at;
  std::int64_t rev = 1;
  std::string visibility = "private";  // core/privacy.hpp
};

// A page of one user's entries as another user sees them, newest first.
struct SharedMeasurementPage {
  std::vector<Measurement> items;
  std::optional<std::string> next_cursor;
};

// A kind the user has live entries of: its unit (the latest entry's), how many entries, and the
// latest day's value.
struct MeasurementKindSummary {
  std::string kind;
  std::string unit;
  std::int64_t entries = 0;
  std::string latest_day;
  double latest_value = 0;
};

struct MeasurementFilter {
  std::string kind;
  std::optional<std::string> from;  // day >= from
  std::optional<std::string> to;    // day <= to
};

}  // namespace vigor::features::body
