#include "features/imports/training_log_csv.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/csv.hpp"
#include "core/limits.hpp"
#include "core/track.hpp"

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
    throw LogFormatError("This is not a " + std::string(app) + " export: the column" +
                         (missing.size() > 1 ? "s " : " ") + list +
                         (missing.size() > 1 ? " are" : " is") + " missing.");
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
      throw LogFormatError(std::string("The file is not valid CSV: ") + e.what() + ".");
    }
  }

 private:
  core::CsvReader reader_;
};

// A row's field, or empty when the row is short.
std::string_view Field(const core::CsvRecord& row, std::optional<std::size_t> column) {
  if (!column || *column >= row.fields.size()) return {};
  return Trim(row.fields[*column]);
}

// Thrown while reading one row: the row is left out with this message.
struct RowProblem {
  std::string message;
};

// A non-negative amount, 0 and empty meaning "not recorded".
std::optional<double> Amount(std::string_view text, std::string_view column, double max) {
  if (text.empty()) return std::nullopt;
  auto v = Number(text);
  if (!v || *v < 0 || *v > max) {
    throw RowProblem{std::string(column) + " must be a number from 0 to " + FormatDecimal(max)};
  }
  if (*v == 0) return std::nullopt;
  return v;
}

std::optional<std::int64_t> Reps(std::string_view text, std::string_view column) {
  auto v = Amount(text, column, 100000);
  if (!v) return std::nullopt;
  if (*v != std::floor(*v)) throw RowProblem{std::string(column) + " must be a whole number"};
  return static_cast<std::int64_t>(*v);
}

std::optional<double> Rpe(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto v = Number(text);
  if (!v || *v < 0 || *v > 10) throw RowProblem{"RPE must be a number from 0 to 10"};
  return v;
}

std::optional<std::string> Text(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

// "2023-01-02 18:03:11" or an RFC 3339 date-time; no zone is UTC.
std::optional<std::int64_t> StrongDate(std::string_view text) {
  std::string s(text);
  if (s.size() > 10 && s[10] == ' ') s[10] = 'T';
  if (s.size() == 16) s += ":00";  // no seconds
  return core::ParseIsoTimeMs(s);
}

// "12 Jan 2024, 18:05" (Hevy), or what StrongDate reads.
std::optional<std::int64_t> HevyDate(std::string_view text) {
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
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:00Z", year, m + 1, day, hour,
                    minute);
      return core::ParseIsoTimeMs(iso);
    }
    return std::nullopt;
  }
  return StrongDate(text);
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
    }
    return log_.workouts.back();
  }
  void AddSet(ParsedWorkout& w, const std::string& exercise,
              std::optional<std::int64_t> superset_group, const std::optional<std::string>& notes,
              const WorkoutSet& set) {
    if (w.blocks.empty() || w.blocks.back().exercise_name != exercise ||
        w.blocks.back().superset_group != superset_group) {
      w.blocks.push_back(ParsedBlock{exercise, superset_group, notes, {}});
    }
    auto& block = w.blocks.back();
    if (!block.notes && notes) block.notes = notes;
    block.sets.push_back(set);
  }

 private:
  ParsedLog& log_;
  std::string key_;
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
                         core::DistanceUnit distance_unit) {
  Records records(text);
  core::CsvRecord row;
  if (!records.Next(row)) throw LogFormatError("The file is empty.");
  auto columns =
      ReadHeader(row,
                 {"date", "workout name", "duration", "exercise name", "set order", "weight",
                  "reps", "distance", "seconds", "notes", "workout notes", "rpe"},
                 {"date", "workout name", "exercise name"}, "Strong");
  auto c_date = columns.Find("date"), c_name = columns.Find("workout name"),
       c_duration = columns.Find("duration"), c_exercise = columns.Find("exercise name"),
       c_order = columns.Find("set order"), c_weight = columns.Find("weight"),
       c_reps = columns.Find("reps"), c_distance = columns.Find("distance"),
       c_seconds = columns.Find("seconds"), c_notes = columns.Find("notes"),
       c_wnotes = columns.Find("workout notes"), c_rpe = columns.Find("rpe");

  ParsedLog log;
  log.unknown_columns = columns.unknown;
  LogBuilder builder(log);
  while (records.Next(row)) {
    ++log.rows;
    try {
      auto order = Lower(Field(row, c_order));
      if (order.starts_with("rest")) continue;  // rest-timer rows carry no set
      auto date_text = Field(row, c_date);
      auto started = StrongDate(date_text);
      if (!started) throw RowProblem{"Date must be a date and time like 2024-01-12 18:05:00"};
      std::string exercise(Field(row, c_exercise));
      if (exercise.empty()) throw RowProblem{"Exercise Name is empty"};
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
        throw RowProblem{"Set Order must be a number, W, D or F"};
      }
      if (auto kg = Amount(Field(row, c_weight), "Weight", 10000)) {
        set.weight_kg = core::FromDisplayWeight(*kg, weight_unit);
      }
      set.reps = Reps(Field(row, c_reps), "Reps");
      if (auto d = Amount(Field(row, c_distance), "Distance", 100000)) {
        set.distance_m = core::FromDisplayDistance(*d, distance_unit);
      }
      set.duration_s = Amount(Field(row, c_seconds), "Seconds", 864000);
      set.rpe = Rpe(Field(row, c_rpe));
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
      builder.AddSet(w, exercise, std::nullopt, Text(Field(row, c_notes)), set);
    } catch (const RowProblem& p) {
      log.row_errors.push_back({row.line, p.message});
    }
  }
  std::erase_if(log.workouts, [](const ParsedWorkout& w) { return w.blocks.empty(); });
  return log;
}

ParsedLog ParseHevyCsv(std::string_view text) {
  Records records(text);
  core::CsvRecord row;
  if (!records.Next(row)) throw LogFormatError("The file is empty.");
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
  LogBuilder builder(log);
  while (records.Next(row)) {
    ++log.rows;
    try {
      auto start_text = Field(row, c_start);
      auto started = HevyDate(start_text);
      if (!started) throw RowProblem{"start_time must be a date like \"12 Jan 2024, 18:05\""};
      std::string exercise(Field(row, c_exercise));
      if (exercise.empty()) throw RowProblem{"exercise_title is empty"};
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
        throw RowProblem{"set_type must be normal, warmup, dropset or failure"};
      }
      if (auto kg = Amount(Field(row, c_kg), "weight_kg", 10000)) {
        set.weight_kg = *kg;
      } else if (auto lb = Amount(Field(row, c_lb), "weight_lbs", 22000)) {
        set.weight_kg = core::PoundsToKilograms(*lb);
      }
      set.reps = Reps(Field(row, c_reps), "reps");
      if (auto km = Amount(Field(row, c_km), "distance_km", 100000)) {
        set.distance_m = core::KilometersToMeters(*km);
      } else if (auto mi = Amount(Field(row, c_mi), "distance_miles", 100000)) {
        set.distance_m = core::MilesToMeters(*mi);
      }
      set.duration_s = Amount(Field(row, c_seconds), "duration_seconds", 864000);
      set.rpe = Rpe(Field(row, c_rpe));
      std::optional<std::int64_t> superset;
      if (auto s = Field(row, c_superset); !s.empty()) {
        auto n = Number(s);
        if (!n || *n < 0 || *n > 1000 || *n != std::floor(*n)) {
          throw RowProblem{"superset_id must be a whole number"};
        }
        superset = static_cast<std::int64_t>(*n);
      }
      std::string title(Field(row, c_title));
      auto& w = builder.Workout(std::string(start_text) + '\x1f' + title, row.line);
      if (w.blocks.empty()) {
        w.title = title.empty() ? "Workout" : title;
        w.started_ms = *started;
        if (auto ended = HevyDate(Field(row, c_end)); ended && *ended >= *started) {
          w.ended_ms = ended;
        }
        w.notes = Text(Field(row, c_desc));
      }
      builder.AddSet(w, exercise, superset, Text(Field(row, c_enotes)), set);
    } catch (const RowProblem& p) {
      log.row_errors.push_back({row.line, p.message});
    }
  }
  std::erase_if(log.workouts, [](const ParsedWorkout& w) { return w.blocks.empty(); });
  return log;
}

std::vector<std::string> StrongHeader() {
  return {"Date", "Workout Name", "Duration", "Exercise Name", "Set Order",     "Weight",
          "Reps", "Distance",     "Seconds",  "Notes",         "Workout Notes", "RPE"};
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

std::vector<std::string> StrongFields(const StrongRow& row) {
  std::string date = core::FormatIsoTimeMs(row.started_ms);  // 2024-01-12T18:05:00Z
  date = date.substr(0, 10) + " " + date.substr(11, 8);
  auto amount = [](const std::optional<double>& v) { return v ? FormatDecimal(*v) : "0"; };
  const auto& set = row.set;
  return {date,
          row.workout_name,
          row.duration_s ? FormatStrongDuration(*row.duration_s) : "",
          row.exercise_name,
          row.set_order,
          amount(set.weight_kg),
          set.reps ? std::to_string(*set.reps) : "0",
          set.distance_m ? FormatDecimal(core::MetersToKilometers(*set.distance_m)) : "0",
          amount(set.duration_s),
          row.notes.value_or(""),
          row.workout_notes.value_or(""),
          set.rpe ? FormatDecimal(*set.rpe) : ""};
}

}  // namespace vigor::features::imports
