#include "features/imports/training_log_csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/track.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::imports {

using workouts::SetType;
using workouts::WorkoutSet;

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// A decimal number; ',' as the decimal mark is accepted too (files written in some locales).
// nullopt for anything else; an empty field is std::nullopt as well, so callers check emptiness.
std::optional<double> Number(std::string_view text) {
  text = Trim(text);
  if (text.empty()) return std::nullopt;
  std::string s(text);
  std::replace(s.begin(), s.end(), ',', '.');
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
    return std::nullopt;
  }
  return value;
}

// The header's columns by lower-case name.
struct Columns {
  std::map<std::string, std::size_t> index;
  std::vector<std::string> unknown;

  std::optional<std::size_t> Find(std::string_view name) const {
    auto it = index.find(std::string(name));
    if (it == index.end()) return std::nullopt;
    return it->second;
  }
};

Columns ReadHeader(const core::CsvRecord& header, std::initializer_list<std::string_view> known,
                   std::initializer_list<std::string_view> required, std::string_view app) {
  Columns columns;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string name = Lower(Trim(header.fields[i]));
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      if (!name.empty()) columns.unknown.emplace_back(Trim(header.fields[i]));
      continue;
    }
    columns.index.emplace(name, i);
  }
  std::vector<std::string> missing;
  for (auto r : required) {
    if (!columns.Find(r)) missing.emplace_back(r);
  }
  if (!missing.empty()) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "" : ", ") + m;
    throw LogFormatError(Msg(missing.size() > 1 ? "csv_columns_missing" : "csv_column_missing",
                             {{"app", std::string(app)}, {"columns", list}}));
  }
  return columns;
}

// The file's records one at a time (a large export is never held as fields all at once); a CSV
// syntax error is the file's format error.
class Records {
 public:
  explicit Records(std::string_view text) : reader_(text, core::GuessCsvDelimiter(text)) {}
  bool Next(core::CsvRecord& record) {
    try {
      return reader_.Next(record);
    } catch (const core::CsvError& e) {
      throw LogFormatError(Msg("csv_invalid", {{"reason", e.what()}}));
    }
  }

 private:
  core::CsvReader reader_;
};

// A row's field, or empty when the row is short. Vigor's own export guards text against formula
// injection ('=1+2): the guard comes off, so its export imports as what was typed.
std::string_view Field(const core::CsvRecord& row, std::optional<std::size_t> column) {
  if (!column || *column >= row.fields.size()) return {};
  return core::UndoCsvFormulaGuard(Trim(row.fields[*column]));
}

// Thrown while reading one row: the row is left out with this message.
struct RowProblem {
  std::string message;
  std::string column;
};

RowProblem NotANumber(std::string_view column, std::string_view what = "a number") {
  return RowProblem{std::string(column) + " must be " + std::string(what), std::string(column)};
}

// An amount, 0 and empty meaning "not recorded". Its range is not checked here: the workout is
// checked as a whole against the API's own rules (CheckParsedLog), so every way in has the same
// limits.
std::optional<double> Amount(std::string_view text, std::string_view column) {
  if (text.empty()) return std::nullopt;
  auto v = Number(text);
  if (!v) throw NotANumber(column);
  if (*v == 0) return std::nullopt;
  return v;
}

// A distance converted to metres. A value so large that the conversion overflows (1e308 km) is
// kept as the largest double, which the range check then refuses like any other too-large one.
double Metres(double converted) {
  if (std::isinf(converted)) return std::copysign(std::numeric_limits<double>::max(), converted);
  return converted;
}

std::optional<std::int64_t> Reps(std::string_view text, std::string_view column) {
  auto v = Amount(text, column);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) throw NotANumber(column, "a whole number");
  // Beyond what an int64 holds: kept as the largest one, which the range check then refuses.
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  if (std::abs(*v) >= static_cast<double>(kMax)) return *v < 0 ? -kMax : kMax;
  return static_cast<std::int64_t>(*v);
}

// RPE; 0 and empty mean "not recorded", as for the amounts.
std::optional<double> Rpe(std::string_view text, std::string_view column) {
  return Amount(text, column);
}

std::optional<std::string> Text(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// An ISO 8601 date-time ("2023-01-02T18:03:11", fractions allowed). With a zone ("Z",
// "+01:00"), that instant; without one (what Strong and Hevy write: the phone's wall clock), the
// wall-clock time in `zone`, a daylight-saving gap or overlap resolved as
// platform::ResolveLocalTime does (the clocks' offset before the jump; the earlier of two).
std::optional<std::int64_t> Instant(const std::string& iso, std::string_view zone) {
  auto ms = core::ParseIsoTimeMs(iso);
  if (!ms) return std::nullopt;
  bool has_zone = iso.size() > 10 && iso.find_first_of("Zz+-", 10) != std::string::npos;
  if (has_zone) return ms;
  auto resolved = platform::ResolveLocalTime(*ms, zone);
  if (!resolved) throw LogFormatError(Msg("time_zone_unknown", {{"zone", std::string(zone)}}));
  return resolved->utc_ms;
}

// "2023-01-02 18:03:11" or an ISO 8601 date-time, read as Instant does.
std::optional<std::int64_t> StrongDate(std::string_view text, std::string_view zone) {
  std::string s(text);
  if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
  if (s.size() == 16) s += ":00";  // no seconds
  return Instant(s, zone);
}

// "12 Jan 2024, 18:05" (Hevy, the phone's wall clock), or what StrongDate reads.
std::optional<std::int64_t> HevyDate(std::string_view text, std::string_view zone) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  int day = 0, year = 0, hour = 0, minute = 0;
  char month_text[4] = {};
  std::string s(text);
  if (std::sscanf(s.c_str(), "%d %3s %d, %d:%d", &day, month_text, &year, &hour, &minute) == 5) {
    std::string month = Lower(month_text);
    for (int m = 0; m < 12; ++m) {
      if (kMonths[m] != month) continue;
      char iso[32];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:00", year, m + 1, day, hour, minute);
      return Instant(iso, zone);
    }
    return std::nullopt;
  }
  return StrongDate(text, zone);
}

// "1h 2m", "45m", "30s", "1h 2m 3s"; a bare number is seconds. nullopt for anything else, and for
// what no workout lasts (core::limits::kWorkoutDurationS): such a workout gets no end.
std::optional<double> StrongDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double total = 0;
  if (auto plain = Number(text)) {
    total = *plain;
  } else {
    std::size_t i = 0;
    bool any = false;
    while (i < text.size()) {
      if (text[i] == ' ') {
        ++i;
        continue;
      }
      std::size_t start = i;
      while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
      if (start == i || i >= text.size()) return std::nullopt;
      double value = 0;
      // Not std::stod: it throws for more digits than a double holds.
      if (std::from_chars(text.data() + start, text.data() + i, value).ec != std::errc()) {
        return std::nullopt;
      }
      char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++])));
      if (unit == 'h') {
        total += value * 3600;
      } else if (unit == 'm') {
        total += value * 60;
      } else if (unit == 's') {
        total += value;
      } else {
        return std::nullopt;
      }
      any = true;
    }
    if (!any) return std::nullopt;
  }
  if (!core::limits::kWorkoutDurationS.Contains(total)) return std::nullopt;
  return total;
}

// Adds a set to the log: a new workout when the key changes, a new block when the exercise (or
// its superset) changes.
class LogBuilder {
 public:
  explicit LogBuilder(ParsedLog& log) : log_(log) {}

  ParsedWorkout& Workout(const std::string& key, std::size_t row) {
    if (key != key_ || log_.workouts.empty()) {
      key_ = key;
      log_.workouts.push_back(ParsedWorkout{.first_row = row});
      supersets_.clear();
    }
    return log_.workouts.back();
  }
  // `superset_id` is the file's own number (Hevy counts from 0); the workout's supersets become
  // 1, 2, ... in order of first appearance, the API's superset_group.
  void AddSet(ParsedWorkout& w, const std::string& exercise, std::optional<double> superset_id,
              const std::optional<std::string>& notes, const WorkoutSet& set, std::size_t row) {
    std::optional<std::int64_t> group;
    if (superset_id) {
      auto next = static_cast<std::int64_t>(supersets_.size()) + 1;
      group = supersets_.emplace(*superset_id, next).first->second;
    }
    if (w.blocks.empty() || w.blocks.back().exercise_name != exercise ||
        w.blocks.back().superset_group != group) {
      w.blocks.push_back(ParsedBlock{exercise, group, notes, {}, {}});
    }
    auto& block = w.blocks.back();
    if (!block.notes && notes) block.notes = notes;
    block.sets.push_back(set);
    block.set_rows.push_back(row);
  }

 private:
  ParsedLog& log_;
  std::string key_;
  std::map<double, std::int64_t> supersets_;  // the file's superset id -> superset_group
};

}  // namespace

std::size_t ParsedLog::sets() const {
  std::size_t n = 0;
  for (const auto& w : workouts) {
    for (const auto& b : w.blocks) n += b.sets.size();
  }
  return n;
}

ParsedLog ParseStrongCsv(std::string_view text, core::WeightUnit weight_unit,
                         core::DistanceUnit distance_unit, std::string_view time_zone) {
  Records records(text);
  core::CsvRecord row;
  if (!records.Next(row)) throw LogFormatError(Msg("file_empty"));
  auto columns =
      ReadHeader(row,
                 {"date", "workout name", "duration", "exercise name", "set order", "weight",
                  "reps", "distance", "seconds", "notes", "workout notes", "rpe", "exercise notes"},
                 {"date", "workout name", "exercise name"}, "Strong");
  auto c_date = columns.Find("date"), c_name = columns.Find("workout name"),
       c_duration = columns.Find("duration"), c_exercise = columns.Find("exercise name"),
       c_order = columns.Find("set order"), c_weight = columns.Find("weight"),
       c_reps = columns.Find("reps"), c_distance = columns.Find("distance"),
       c_seconds = columns.Find("seconds"), c_notes = columns.Find("notes"),
       c_wnotes = columns.Find("workout notes"), c_rpe = columns.Find("rpe"),
       c_enotes = columns.Find("exercise notes");

  ParsedLog log;
  log.unknown_columns = columns.unknown;
  log.columns = {{"set_type", "Set Order"},
                 {"weight_kg", "Weight"},
                 {"reps", "Reps"},
                 {"distance_m", "Distance"},
                 {"duration_s", "Seconds"},
                 {"rpe", "RPE"},
                 {"notes", "Notes"},
                 {"exercise_id", "Exercise Name"},
                 {"workout.title", "Workout Name"},
                 {"workout.started_at", "Date"},
                 {"workout.ended_at", "Duration"},
                 {"workout.notes", "Workout Notes"}};
  LogBuilder builder(log);
  while (records.Next(row)) {
    ++log.rows;
    try {
      auto order = Lower(Field(row, c_order));
      if (order.starts_with("rest")) continue;  // rest-timer rows carry no set
      auto date_text = Field(row, c_date);
      auto started = StrongDate(date_text, time_zone);
      if (!started) {
        throw RowProblem{"Date must be a date and time like 2024-01-12 18:05:00", "Date"};
      }
      std::string exercise(Field(row, c_exercise));
      if (exercise.empty()) throw RowProblem{"Exercise Name is empty", "Exercise Name"};
      WorkoutSet set;
      if (order.empty() || std::all_of(order.begin(), order.end(), ::isdigit)) {
        set.set_type = SetType::kNormal;
      } else if (order == "w") {
        set.set_type = SetType::kWarmup;
      } else if (order == "d") {
        set.set_type = SetType::kDrop;
      } else if (order == "f") {
        set.set_type = SetType::kFailure;
      } else {
        throw RowProblem{"Set Order must be a number, W, D or F", "Set Order"};
      }
      if (auto kg = Amount(Field(row, c_weight), "Weight")) {
        set.weight_kg = core::FromDisplayWeight(*kg, weight_unit);
      }
      set.reps = Reps(Field(row, c_reps), "Reps");
      if (auto d = Amount(Field(row, c_distance), "Distance")) {
        set.distance_m = Metres(core::FromDisplayDistance(*d, distance_unit));
      }
      set.duration_s = Amount(Field(row, c_seconds), "Seconds");
      set.rpe = Rpe(Field(row, c_rpe), "RPE");
      set.notes = Text(Field(row, c_notes));  // Strong's Notes are the set's own
      std::string name(Field(row, c_name));
      auto& w = builder.Workout(std::string(date_text) + '\x1f' + name, row.line);
      if (w.blocks.empty()) {
        w.title = name.empty() ? "Workout" : name;
        w.started_ms = *started;
        if (auto d = StrongDuration(Field(row, c_duration)); d && *d > 0) {
          w.ended_ms = *started + static_cast<std::int64_t>(std::llround(*d * 1000));
        }
        w.notes = Text(Field(row, c_wnotes));
      }
      builder.AddSet(w, exercise, std::nullopt, Text(Field(row, c_enotes)), set, row.line);
    } catch (const RowProblem& p) {
      log.row_errors.push_back({row.line, p.message, p.column});
    }
  }
  std::erase_if(log.workouts, [](const ParsedWorkout& w) { return w.blocks.empty(); });
  return log;
}

ParsedLog ParseHevyCsv(std::string_view text, std::string_view time_zone) {
  Records records(text);
  core::CsvRecord row;
  if (!records.Next(row)) throw LogFormatError(Msg("file_empty"));
  auto columns =
      ReadHeader(row,
                 {"title", "start_time", "end_time", "description", "exercise_title", "superset_id",
                  "exercise_notes", "set_index", "set_type", "weight_kg", "weight_lbs", "reps",
                  "distance_km", "distance_miles", "duration_seconds", "rpe"},
                 {"title", "start_time", "exercise_title"}, "Hevy");
  auto c_title = columns.Find("title"), c_start = columns.Find("start_time"),
       c_end = columns.Find("end_time"), c_desc = columns.Find("description"),
       c_exercise = columns.Find("exercise_title"), c_superset = columns.Find("superset_id"),
       c_enotes = columns.Find("exercise_notes"), c_type = columns.Find("set_type"),
       c_kg = columns.Find("weight_kg"), c_lb = columns.Find("weight_lbs"),
       c_reps = columns.Find("reps"), c_km = columns.Find("distance_km"),
       c_mi = columns.Find("distance_miles"), c_seconds = columns.Find("duration_seconds"),
       c_rpe = columns.Find("rpe");

  ParsedLog log;
  log.unknown_columns = columns.unknown;
  log.columns = {{"set_type", "set_type"},
                 {"weight_kg", c_kg ? "weight_kg" : "weight_lbs"},
                 {"reps", "reps"},
                 {"distance_m", c_km ? "distance_km" : "distance_miles"},
                 {"duration_s", "duration_seconds"},
                 {"rpe", "rpe"},
                 {"notes", "exercise_notes"},
                 {"superset_group", "superset_id"},
                 {"exercise_id", "exercise_title"},
                 {"workout.title", "title"},
                 {"workout.started_at", "start_time"},
                 {"workout.ended_at", "end_time"},
                 {"workout.notes", "description"}};
  LogBuilder builder(log);
  while (records.Next(row)) {
    ++log.rows;
    try {
      auto start_text = Field(row, c_start);
      auto started = HevyDate(start_text, time_zone);
      if (!started) {
        throw RowProblem{"start_time must be a date like \"12 Jan 2024, 18:05\"", "start_time"};
      }
      std::string exercise(Field(row, c_exercise));
      if (exercise.empty()) throw RowProblem{"exercise_title is empty", "exercise_title"};
      WorkoutSet set;
      auto type = Lower(Field(row, c_type));
      if (type.empty() || type == "normal") {
        set.set_type = SetType::kNormal;
      } else if (type == "warmup") {
        set.set_type = SetType::kWarmup;
      } else if (type == "dropset") {
        set.set_type = SetType::kDrop;
      } else if (type == "failure") {
        set.set_type = SetType::kFailure;
      } else {
        throw RowProblem{"set_type must be normal, warmup, dropset or failure", "set_type"};
      }
      if (auto kg = Amount(Field(row, c_kg), "weight_kg")) {
        set.weight_kg = *kg;
      } else if (auto lb = Amount(Field(row, c_lb), "weight_lbs")) {
        set.weight_kg = core::PoundsToKilograms(*lb);
      }
      set.reps = Reps(Field(row, c_reps), "reps");
      if (auto km = Amount(Field(row, c_km), "distance_km")) {
        set.distance_m = Metres(core::KilometersToMeters(*km));
      } else if (auto mi = Amount(Field(row, c_mi), "distance_miles")) {
        set.distance_m = Metres(core::MilesToMeters(*mi));
      }
      set.duration_s = Amount(Field(row, c_seconds), "duration_seconds");
      set.rpe = Rpe(Field(row, c_rpe), "rpe");
      // Hevy numbers a workout's supersets from 0; any whole number is an id here.
      std::optional<double> superset;
      if (auto s = Field(row, c_superset); !s.empty()) {
        auto n = Number(s);
        if (!n || *n < 0 || *n != std::floor(*n)) {
          throw NotANumber("superset_id", "a whole number");
        }
        superset = *n;
      }
      std::string title(Field(row, c_title));
      auto& w = builder.Workout(std::string(start_text) + '\x1f' + title, row.line);
      if (w.blocks.empty()) {
        w.title = title.empty() ? "Workout" : title;
        w.started_ms = *started;
        if (auto ended = HevyDate(Field(row, c_end), time_zone); ended && *ended >= *started) {
          w.ended_ms = ended;
        }
        w.notes = Text(Field(row, c_desc));
      }
      builder.AddSet(w, exercise, superset, Text(Field(row, c_enotes)), set, row.line);
    } catch (const RowProblem& p) {
      log.row_errors.push_back({row.line, p.message, p.column});
    }
  }
  std::erase_if(log.workouts, [](const ParsedWorkout& w) { return w.blocks.empty(); });
  return log;
}

std::vector<std::string> StrongHeader() {
  return {"Date",          "Workout Name", "Duration",      "Exercise Name", "Set Order",
          "Weight",        "Reps",         "Distance",      "Seconds",       "Notes",
          "Workout Notes", "RPE",          "Exercise Notes"};
}

std::string StrongSetOrder(SetType type, int& numbered_so_far) {
  switch (type) {
    case SetType::kWarmup:
      return "W";
    case SetType::kDrop:
      return "D";
    case SetType::kFailure:
      return "F";
    default:
      return std::to_string(++numbered_so_far);
  }
}

std::string FormatStrongDuration(double seconds) {
  auto total = static_cast<std::int64_t>(std::llround(std::max(seconds, 0.0)));
  std::int64_t h = total / 3600, m = (total % 3600) / 60, s = total % 60;
  std::string out;
  if (h > 0) out += std::to_string(h) + "h ";
  out += std::to_string(m) + "m";
  if (s > 0) out += " " + std::to_string(s) + "s";
  return out;
}

std::string FormatDecimal(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.3f", value);
  std::string s(buffer);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

std::vector<core::CsvCell> StrongFields(const StrongRow& row) {
  using core::CsvCell;
  std::string date = core::FormatIsoTimeMs(row.started_ms);  // 2024-01-12T18:05:00Z
  date = date.substr(0, 10) + " " + date.substr(11, 8);
  auto amount = [](const std::optional<double>& v) {
    return CsvCell::Number(v ? FormatDecimal(*v) : "0");
  };
  const auto& set = row.set;
  return {date,
          row.workout_name,
          row.duration_s ? FormatStrongDuration(*row.duration_s) : "",
          row.exercise_name,
          row.set_order,
          amount(set.weight_kg),
          CsvCell::Number(set.reps ? std::to_string(*set.reps) : "0"),
          CsvCell::Number(set.distance_m ? FormatDecimal(core::MetersToKilometers(*set.distance_m))
                                         : "0"),
          amount(set.duration_s),
          set.notes.value_or(""),
          row.workout_notes.value_or(""),
          CsvCell::Number(set.rpe ? FormatDecimal(*set.rpe) : ""),
          row.exercise_notes.value_or("")};
}

}  // namespace vigor::features::imports
