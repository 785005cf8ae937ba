#include "features/workouts/model.hpp"

#include <array>
#include <charconv>
#include <type_traits>

#include "core/workout_totals.hpp"
#include "platform/crypto/random.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::workouts {

namespace {

constexpr std::array<std::pair<SetType, std::string_view>, 5> kSetTypes{{
    {SetType::kWarmup, "warmup"},
    {SetType::kNormal, "normal"},
    {SetType::kDrop, "drop"},
    {SetType::kFailure, "failure"},
    {SetType::kAmrap, "amrap"},
}};

constexpr std::array<std::string_view, 9> kSports{"run", "ride", "walk",       "hike", "swim",
                                                  "row", "ski",  "elliptical", "other"};

// Appends values unambiguously: strings length-prefixed, absent values as "~".
class Canonical {
 public:
  void Text(std::string_view s) {
    out_ += std::to_string(s.size());
    out_ += ':';
    out_ += s;
    out_ += ';';
  }
  void Int(std::int64_t v) { out_ += std::to_string(v) + ';'; }
  // The shortest text that reads back as the same double: distinct values stay distinct, and
  // std::to_chars costs a fraction of printf's "%.17g" (an import fingerprints every set).
  void Real(double v) {
    char buf[32];
    auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;
    out_.append(buf, end);
    out_ += ';';
  }
  template <class T>
  void Opt(const std::optional<T>& v) {
    // NOLINT below: clang-tidy 14 compares the discarded (empty) branches of the if constexpr
    // chain and calls them clones.
    if (!v) {
      out_ += "~;";
    } else if constexpr (std::is_same_v<T, std::string>) {  // NOLINT(bugprone-branch-clone)
      Text(*v);
    } else if constexpr (std::is_same_v<T, double>) {
      Real(*v);
    } else {
      Int(*v);
    }
  }
  const std::string& str() const { return out_; }

 private:
  std::string out_;
};

}  // namespace

std::string_view SetTypeName(SetType type) {
  for (const auto& [t, name] : kSetTypes) {
    if (t == type) return name;
  }
  return "normal";
}

std::optional<SetType> ParseSetType(std::string_view text) {
  for (const auto& [t, name] : kSetTypes) {
    if (name == text) return t;
  }
  return std::nullopt;
}

std::string_view KindName(WorkoutKind kind) {
  return kind == WorkoutKind::kCardio ? "cardio" : "strength";
}

std::optional<WorkoutKind> ParseKind(std::string_view text) {
  if (text == "strength") return WorkoutKind::kStrength;
  if (text == "cardio") return WorkoutKind::kCardio;
  return std::nullopt;
}

std::string_view VisibilityName(Visibility visibility) {
  return visibility == Visibility::kPublic ? "public" : "private";
}

std::optional<Visibility> ParseVisibility(std::string_view text) {
  if (text == "private") return Visibility::kPrivate;
  if (text == "public") return Visibility::kPublic;
  return std::nullopt;
}

bool IsCardioSport(std::string_view sport) {
  for (auto s : kSports) {
    if (s == sport) return true;
  }
  return false;
}

std::string Fingerprint(const WorkoutInput& in) {
  Canonical c;
  c.Text("workout/v1");
  c.Text(in.title);
  c.Text(in.started_at);
  c.Opt(in.ended_at);
  c.Opt(in.time_zone);
  c.Opt(in.notes);
  c.Opt(in.perceived_effort);
  c.Opt(in.routine_id);
  if (in.cardio) {
    const auto& k = *in.cardio;
    c.Text(k.sport);
    c.Opt(k.distance_m);
    c.Opt(k.duration_s);
    c.Opt(k.moving_time_s);
    c.Opt(k.elevation_gain_m);
    c.Opt(k.avg_heart_rate);
    c.Opt(k.max_heart_rate);
    c.Opt(k.calories_kcal);
  } else {
    c.Text("no cardio");
  }
  c.Int(static_cast<std::int64_t>(in.blocks.size()));
  for (const auto& b : in.blocks) {
    c.Text(b.exercise_id);
    c.Opt(b.superset_group);
    c.Opt(b.rest_s);
    c.Opt(b.notes);
    c.Int(static_cast<std::int64_t>(b.sets.size()));
    for (const auto& s : b.sets) {
      c.Text(SetTypeName(s.set_type));
      c.Opt(s.reps);
      c.Opt(s.weight_kg);
      c.Opt(s.duration_s);
      c.Opt(s.distance_m);
      c.Opt(s.rpe);
      c.Opt(s.rir);
      c.Int(s.done ? 1 : 0);
      c.Opt(s.target_reps);
      c.Opt(s.target_weight_kg);
      c.Opt(s.target_rir);
      // Only when present, so that the fingerprints stored before sets had notes still match.
      if (s.notes) {
        c.Text("set notes");
        c.Text(*s.notes);
      }
    }
  }
  // Who may see it and what they do not see, as the service resolved them (a default or what is
  // stored), so that a change of visibility alone is a change. Only when they differ from what
  // every workout stored before visibility existed has, so that those fingerprints still match.
  if (in.visibility && *in.visibility != "private") {
    c.Text("visibility");
    c.Text(*in.visibility);
  }
  if (in.hide && !in.hide->empty()) {
    c.Text("hide");
    for (const auto& name : NormalizedHiddenDetails(*in.hide)) c.Text(name);
  }
  return platform::crypto::Sha256Hex(c.str());
}

Workout MakeWorkout(std::string user_id, std::string id, WorkoutInput input,
                    std::string fingerprint, const std::string& now) {
  Workout w;
  w.id = std::move(id);
  w.user_id = std::move(user_id);
  w.kind = input.cardio ? WorkoutKind::kCardio : WorkoutKind::kStrength;

  std::vector<core::BlockFigures> figures;
  figures.reserve(input.blocks.size());
  for (const auto& block : input.blocks) {
    core::BlockFigures f{block.exercise_id, {}};
    f.sets.reserve(block.sets.size());
    for (const auto& set : block.sets) f.sets.push_back({set.done, set.reps, set.weight_kg});
    figures.push_back(std::move(f));
  }
  w.totals.sets = core::ComputeTotals(figures);
  std::optional<std::int64_t> ended;
  if (input.ended_at) ended = platform::ParseRfc3339Ms(*input.ended_at);
  w.totals.duration_s =
      core::WorkoutDurationSeconds(input.cardio ? input.cardio->duration_s : std::nullopt,
                                   platform::ParseRfc3339Ms(input.started_at).value_or(0), ended);

  w.title = std::move(input.title);
  w.started_at = std::move(input.started_at);
  w.ended_at = std::move(input.ended_at);
  w.time_zone = std::move(input.time_zone);
  w.notes = std::move(input.notes);
  w.perceived_effort = input.perceived_effort;
  w.routine_id = std::move(input.routine_id);
  w.cardio = std::move(input.cardio);
  w.blocks = std::move(input.blocks);
  w.visibility = input.visibility.value_or("private");
  if (input.hide) w.hidden_details = NormalizedHiddenDetails(*input.hide);
  w.input_hash = std::move(fingerprint);
  w.created_at = now;
  w.updated_at = now;
  return w;
}

bool IsHiddenDetailName(std::string_view name) {
  for (auto known : kHiddenDetailNames) {
    if (known == name) return true;
  }
  return false;
}

std::vector<std::string> NormalizedHiddenDetails(const std::vector<std::string>& names) {
  std::vector<std::string> normalized;
  for (auto known : kHiddenDetailNames) {
    for (const auto& name : names) {
      if (name == known) {
        normalized.emplace_back(known);
        break;
      }
    }
  }
  return normalized;
}

bool Hides(const std::vector<std::string>& hidden_details, std::string_view name) {
  for (const auto& hidden : hidden_details) {
    if (hidden == name) return true;
  }
  return false;
}

std::optional<std::string> NextRoutineId(const std::vector<ProgramEntry>& entries,
                                         const std::optional<std::string>& last_routine_id) {
  const std::size_t n = entries.size();
  std::size_t start = 0;  // where to look for a live entry from
  if (last_routine_id) {
    for (std::size_t i = 0; i < n; ++i) {
      if (entries[i].routine_id == *last_routine_id) {
        start = i + 1;
        break;
      }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    const auto& entry = entries[(start + k) % n];
    if (entry.routine_name) return entry.routine_id;
  }
  return std::nullopt;
}

}  // namespace vigor::features::workouts
