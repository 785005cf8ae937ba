#include "features/exercises/custom_exercise_repository.hpp"

#include <array>

#include "core/text_fold.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::exercises {

namespace {
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_EXERCISE_COLUMNS                                                              \
  "id, user_id, name, category, primary_muscles, secondary_muscles, equipment, mechanics, " \
  "force, log_type, description, created_at, updated_at, rev, deleted_at"

// rev ($14): the user's next change number (store/revisions.hpp), so a sync client can ask for
// the changes since a number.
constexpr Statement kInsert{
    "custom_exercises.insert",
    "INSERT INTO custom_exercises (id, user_id, name, name_folded, category, primary_muscles, "
    "secondary_muscles, equipment, mechanics, force, log_type, description, created_at, "
    "updated_at, rev) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, "
    "$14)"};
constexpr Statement kUpdate{
    "custom_exercises.update",
    "UPDATE custom_exercises SET name = $3, name_folded = $4, category = $5, "
    "primary_muscles = $6, secondary_muscles = $7, equipment = $8, mechanics = $9, force = $10, "
    "log_type = $11, description = $12, updated_at = $13, "
    "rev = $14 WHERE user_id = $2 AND id = $1 AND deleted_at IS NULL"};
constexpr Statement kMarkDeleted{"custom_exercises.mark_deleted",
                                 "UPDATE custom_exercises SET deleted_at = $3, updated_at = $3, "
                                 "rev = $4 WHERE user_id = $1 AND id = $2 AND deleted_at IS NULL"};
constexpr Statement kFindLive{"custom_exercises.find_live",
                              "SELECT " VIGOR_EXERCISE_COLUMNS
                              " FROM custom_exercises WHERE user_id = $1 AND id = $2 AND "
                              "deleted_at IS NULL"};
constexpr Statement kLiveIdByKey{"custom_exercises.live_id_by_key",
                                 "SELECT id FROM custom_exercises WHERE user_id = $1 AND "
                                 "name_folded = $2 AND deleted_at IS NULL"};
constexpr Statement kKeyOf{"custom_exercises.key_of",
                           "SELECT name_folded FROM custom_exercises WHERE user_id = $1 AND "
                           "id = $2"};
// $2 is the ids separated by spaces (ids hold no space, % or _: UUIDs), so any number of them
// takes one statement; the scan stays within the user's rows.
constexpr Statement kFindMany{"custom_exercises.find_many",
                              "SELECT " VIGOR_EXERCISE_COLUMNS
                              " FROM custom_exercises WHERE user_id = $1 AND "
                              "(' ' || $2 || ' ') LIKE ('% ' || id || ' %')",
                              // ILIKE on a COLLATE "C" column: A-Z case-insensitive, as SQLite.
                              "SELECT " VIGOR_EXERCISE_COLUMNS
                              " FROM custom_exercises WHERE user_id = $1 AND "
                              "(' ' || $2::text || ' ') ILIKE ('% ' || id || ' %')"};
// Optional filters are NULL when unused. $5..$10: LIKE patterns, one per query word, on the name
// without its spaces: a coarse filter; Search keeps the rows core::MatchesIgnoringSpaces keeps.
constexpr Statement kSearch{
    "custom_exercises.search",
    "SELECT " VIGOR_EXERCISE_COLUMNS
    ", name_folded FROM custom_exercises WHERE user_id = $1 AND deleted_at IS NULL "
    "AND ($2 IS NULL OR (' ' || primary_muscles || ' ') LIKE $2 ESCAPE '\\') "
    "AND ($3 IS NULL OR (' ' || equipment || ' ') LIKE $3 ESCAPE '\\') "
    "AND ($4 IS NULL OR category = $4) "
    "AND ($5 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $5 ESCAPE '\\') "
    "AND ($6 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $6 ESCAPE '\\') "
    "AND ($7 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $7 ESCAPE '\\') "
    "AND ($8 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $8 ESCAPE '\\') "
    "AND ($9 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $9 ESCAPE '\\') "
    "AND ($10 IS NULL OR REPLACE(name_folded, ' ', '') LIKE $10 ESCAPE '\\') "
    "AND (name_folded > $11 OR (name_folded = $11 AND id > $12)) "
    "ORDER BY name_folded, id LIMIT $13",
    // SQLite's LIKE ignores the case of A-Z; ILIKE on COLLATE "C" columns does exactly that. The
    // order is byte order on both (the catalogue is merged with it in C++).
    "SELECT " VIGOR_EXERCISE_COLUMNS
    ", name_folded FROM custom_exercises WHERE user_id = $1 AND deleted_at IS NULL "
    "AND ($2::text IS NULL OR (' ' || primary_muscles || ' ') ILIKE $2 ESCAPE '\\') "
    "AND ($3::text IS NULL OR (' ' || equipment || ' ') ILIKE $3 ESCAPE '\\') "
    "AND ($4::text IS NULL OR category = $4) "
    "AND ($5::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $5 ESCAPE '\\') "
    "AND ($6::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $6 ESCAPE '\\') "
    "AND ($7::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $7 ESCAPE '\\') "
    "AND ($8::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $8 ESCAPE '\\') "
    "AND ($9::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $9 ESCAPE '\\') "
    "AND ($10::text IS NULL OR REPLACE(name_folded, ' ', '') ILIKE $10 ESCAPE '\\') "
    "AND (name_folded > $11 OR (name_folded = $11 AND id > $12)) "
    "ORDER BY name_folded, id LIMIT $13"};

#undef VIGOR_EXERCISE_COLUMNS

static_assert(CustomSearch::kMaxWords == 6, "kSearch has one LIKE per word");

template <class E>
std::string JoinNames(const std::vector<E>& values) {
  std::string out;
  for (auto v : values) {
    if (!out.empty()) out.push_back(' ');
    out += Name(v);
  }
  return out;
}

template <class E>
std::vector<E> SplitNames(const std::string& text) {
  std::vector<E> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (auto v = Parse<E>(std::string_view(text).substr(start, end - start))) out.push_back(*v);
    start = end + 1;
  }
  return out;
}

template <class E>
std::optional<std::string> OptName(const std::optional<E>& v) {
  if (!v) return std::nullopt;
  return std::string(Name(*v));
}

template <class E>
std::optional<E> OptParse(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  return Parse<E>(*text);
}

// A LIKE pattern that matches `text` literally (backslash escapes).
std::string LikeLiteral(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out;
}

Exercise ExerciseFromRow(const Row& r) {
  Exercise e;
  e.id = r.Text("id");
  e.user_id = r.Text("user_id");
  e.name = r.Text("name");
  e.slug = core::Slugify(e.name);
  e.category = Parse<Category>(r.Text("category")).value_or(Category::kStrength);
  e.primary_muscles = SplitNames<Muscle>(r.Text("primary_muscles"));
  e.secondary_muscles = SplitNames<Muscle>(r.Text("secondary_muscles"));
  e.equipment = SplitNames<Equipment>(r.Text("equipment"));
  e.mechanics = OptParse<Mechanics>(r.OptText("mechanics"));
  e.force = OptParse<Force>(r.OptText("force"));
  e.log_type = Parse<LogType>(r.Text("log_type")).value_or(LogType::kWeightReps);
  e.description = r.Text("description");
  e.created_at = r.Text("created_at");
  e.updated_at = r.Text("updated_at");
  e.rev = r.Int("rev");
  e.deleted_at = r.OptText("deleted_at");
  e.custom = true;
  return e;
}

std::vector<Exercise> FromRows(const std::vector<Row>& rows) {
  std::vector<Exercise> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ExerciseFromRow(r));
  return out;
}
}  // namespace

void CustomExerciseRepository::Insert(Session& s, const Exercise& e) {
  s.Execute(kInsert, e.id, e.user_id, e.name, core::SearchKey(e.name),
            std::string(Name(e.category)), JoinNames(e.primary_muscles),
            JoinNames(e.secondary_muscles), JoinNames(e.equipment), OptName(e.mechanics),
            OptName(e.force), std::string(Name(e.log_type)), e.description, e.created_at,
            platform::store::NextRevision(s, e.user_id));
}

bool CustomExerciseRepository::Update(Session& s, const Exercise& e) {
  return s.Execute(kUpdate, e.id, e.user_id, e.name, core::SearchKey(e.name),
                   std::string(Name(e.category)), JoinNames(e.primary_muscles),
                   JoinNames(e.secondary_muscles), JoinNames(e.equipment), OptName(e.mechanics),
                   OptName(e.force), std::string(Name(e.log_type)), e.description, e.updated_at,
                   platform::store::NextRevision(s, e.user_id)) > 0;
}

bool CustomExerciseRepository::MarkDeleted(Session& s, const std::string& user_id,
                                           const std::string& id, const std::string& now) {
  return s.Execute(kMarkDeleted, user_id, id, now, platform::store::NextRevision(s, user_id)) > 0;
}

std::optional<Exercise> CustomExerciseRepository::FindLive(Session& s, const std::string& user_id,
                                                           const std::string& id) {
  auto row = s.QueryOne(kFindLive, user_id, id);
  if (!row) return std::nullopt;
  return ExerciseFromRow(*row);
}

std::optional<std::string> CustomExerciseRepository::LiveIdByKey(Session& s,
                                                                 const std::string& user_id,
                                                                 const std::string& key) {
  auto row = s.QueryOne(kLiveIdByKey, user_id, key);
  if (!row) return std::nullopt;
  return row->Text("id");
}

std::optional<std::string> CustomExerciseRepository::KeyOf(Session& s, const std::string& user_id,
                                                           const std::string& id) {
  auto row = s.QueryOne(kKeyOf, user_id, id);
  if (!row) return std::nullopt;
  return row->Text("name_folded");
}

std::vector<Exercise> CustomExerciseRepository::FindMany(Session& s, const std::string& user_id,
                                                         const std::vector<std::string>& ids) {
  std::string list;
  for (const auto& id : ids) {
    // Only UUID-shaped ids can be custom ones; anything else could not match safely.
    bool plain = !id.empty();
    for (char c : id)
      plain = plain && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-');
    if (!plain) continue;
    if (!list.empty()) list.push_back(' ');
    list += id;
  }
  if (list.empty()) return {};
  return FromRows(s.Query(kFindMany, user_id, list));
}

std::vector<KeyedExercise> CustomExerciseRepository::Search(Session& s, const std::string& user_id,
                                                            const CustomSearch& search) {
  std::array<std::optional<std::string>, CustomSearch::kMaxWords> words;
  for (std::size_t i = 0; i < search.words.size() && i < words.size(); ++i) {
    words[i] = "%" + LikeLiteral(search.words[i]) + "%";
  }
  auto member = [](const auto& v) -> std::optional<std::string> {
    if (!v) return std::nullopt;
    return "% " + LikeLiteral(Name(*v)) + " %";
  };
  // The LIKE patterns let through names that only contain a query word ("ullup"); those are
  // dropped here, and the next rows read until the page is full or the rows run out.
  std::vector<KeyedExercise> out;
  if (search.limit <= 0) return out;
  SortPosition after = search.after;
  while (true) {
    auto rows = s.Query(kSearch, user_id, member(search.muscle), member(search.equipment),
                        OptName(search.category), words[0], words[1], words[2], words[3], words[4],
                        words[5], after.key, after.id, search.limit);
    for (const auto& r : rows) {
      KeyedExercise keyed{r.Text("name_folded"), ExerciseFromRow(r)};
      after = {keyed.key, keyed.exercise.id};
      if (!core::MatchesIgnoringSpaces(core::SearchWords(keyed.key), search.words)) continue;
      out.push_back(std::move(keyed));
      if (out.size() == static_cast<std::size_t>(search.limit)) return out;
    }
    if (rows.size() < static_cast<std::size_t>(search.limit)) return out;
  }
}

}  // namespace vigor::features::exercises
