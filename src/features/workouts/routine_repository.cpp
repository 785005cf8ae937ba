#include "features/workouts/routine_repository.hpp"

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>
#include <unordered_map>

#include "platform/store/revisions.hpp"

namespace vigor::features::workouts {

namespace {
using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;

#define VIGOR_ITEM_COLUMNS                                                    \
  "exercise_id, superset_group, target_sets, target_reps, target_weight_kg, " \
  "target_percent_1rm, rest_s"
#define VIGOR_ITEM_COLUMNS_I                                                            \
  "i.exercise_id, i.superset_group, i.target_sets, i.target_reps, i.target_weight_kg, " \
  "i.target_percent_1rm, i.rest_s"

constexpr Statement kInsert{
    "routines.insert",
    "INSERT INTO routines (id, user_id, name, notes, created_at, updated_at, rev, visibility) "
    "VALUES ($1, $2, $3, $4, $5, $5, $7, $6) RETURNING rev"};
// FOR NO KEY UPDATE, the lock an UPDATE of the row takes: it does not hold up the foreign key
// checks of rows that reference this one. SQLite's write transaction is exclusive already.
constexpr Statement kLockForChange{
    "routines.lock_for_change", "SELECT rev FROM routines WHERE id = $1 AND user_id = $2",
    "SELECT rev FROM routines WHERE id = $1 AND user_id = $2 FOR NO KEY UPDATE"};
constexpr Statement kUpdate{"routines.update",
                            "UPDATE routines SET name = $3, notes = $4, updated_at = $5, "
                            "visibility = $6, rev = $7 "
                            "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL RETURNING rev"};
constexpr Statement kTombstone{"routines.tombstone",
                               "UPDATE routines SET deleted_at = $3, updated_at = $3, "
                               "rev = $4 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kInsertItem{
    "routine_items.insert",
    "INSERT INTO routine_items (routine_id, position, user_id, " VIGOR_ITEM_COLUMNS
    ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"};
constexpr Statement kDeleteItems{
    "routine_items.delete_of_routine",
    "DELETE FROM routine_items WHERE routine_id = $1 AND user_id = $2"};
#define VIGOR_ROUTINE_COLUMNS "id, name, notes, created_at, updated_at, rev, visibility"

constexpr Statement kById{"routines.by_id",
                          "SELECT " VIGOR_ROUTINE_COLUMNS
                          " FROM routines "
                          "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kItems{"routine_items.of_routine",
                           "SELECT " VIGOR_ITEM_COLUMNS
                           " FROM routine_items WHERE routine_id = $1 AND user_id = $2 "
                           "ORDER BY position"};
constexpr Statement kList{
    "routines.list",
    "SELECT " VIGOR_ROUTINE_COLUMNS
    " FROM routines "
    "WHERE user_id = $1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
    // SQLite's NOCASE folds A-Z only, as lower() of a COLLATE "C" column does.
    "SELECT " VIGOR_ROUTINE_COLUMNS
    " FROM routines "
    "WHERE user_id = $1 AND deleted_at IS NULL ORDER BY lower(name), id"};
constexpr Statement kItemsOfUser{
    "routine_items.of_user",
    "SELECT i.routine_id, i.exercise_id, i.superset_group, i.target_sets, i.target_reps, "
    "i.target_weight_kg, i.target_percent_1rm, i.rest_s FROM routine_items i "
    "JOIN routines r ON r.id = i.routine_id "
    "WHERE i.user_id = $1 AND r.user_id = $1 AND r.deleted_at IS NULL "
    "ORDER BY i.routine_id, i.position"};
constexpr Statement kNameTaken{
    "routines.name_taken",
    "SELECT 1 FROM routines WHERE user_id = $1 AND name = $2 COLLATE NOCASE "
    "AND deleted_at IS NULL AND id <> $3",
    // The expression of the unique index routines_user_name; $2 folded by "C" too (A-Z only).
    "SELECT 1 FROM routines WHERE user_id = $1 AND lower(name) = lower($2::text COLLATE \"C\") "
    "AND deleted_at IS NULL AND id <> $3"};
constexpr Statement kOwns{"routines.owns", "SELECT 1 FROM routines WHERE id = $1 AND user_id = $2"};
constexpr Statement kIsLive{
    "routines.is_live",
    "SELECT 1 FROM routines WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};

// Templates: public routines of every user. These are the only statements not scoped to an owner;
// the visibility condition is their scope. The author comes from the users table in the same read.
#define VIGOR_TEMPLATE_COLUMNS                                                                     \
  "r.id, r.name, r.notes, r.created_at, r.updated_at, r.rev, r.visibility, u.username AS author, " \
  "r.user_id"
constexpr Statement kPublicById{
    "routines.public_by_id",
    "SELECT " VIGOR_TEMPLATE_COLUMNS
    " FROM routines r JOIN users u ON u.id = r.user_id "
    "WHERE r.id = $1 AND r.visibility = 'public' AND r.deleted_at IS NULL"};
constexpr Statement kPublicList{"routines.public_list",
                                "SELECT " VIGOR_TEMPLATE_COLUMNS
                                " FROM routines r JOIN users u ON u.id = r.user_id "
                                "WHERE r.visibility = 'public' AND r.deleted_at IS NULL "
                                "ORDER BY r.created_at DESC, r.id DESC LIMIT $1"};
constexpr Statement kPublicListAfter{"routines.public_list_after",
                                     "SELECT " VIGOR_TEMPLATE_COLUMNS
                                     " FROM routines r JOIN users u ON u.id = r.user_id "
                                     "WHERE r.visibility = 'public' AND r.deleted_at IS NULL "
                                     "AND (r.created_at < $2 OR (r.created_at = $2 AND r.id < $3)) "
                                     "ORDER BY r.created_at DESC, r.id DESC LIMIT $1"};
// The items of a page of templates, in one statement: ids as a JSON array.
constexpr Statement kItemsOfRoutines{
    "routine_items.of_routines",
    "SELECT i.routine_id, " VIGOR_ITEM_COLUMNS_I
    " FROM routine_items i WHERE i.routine_id IN (SELECT value FROM json_each($1)) "
    "ORDER BY i.routine_id, i.position",
    "SELECT i.routine_id, " VIGOR_ITEM_COLUMNS_I
    " FROM routine_items i WHERE i.routine_id IN (SELECT jsonb_array_elements_text($1::jsonb)) "
    "ORDER BY i.routine_id, i.position"};

#undef VIGOR_TEMPLATE_COLUMNS
#undef VIGOR_ROUTINE_COLUMNS

#undef VIGOR_ITEM_COLUMNS
#undef VIGOR_ITEM_COLUMNS_I

// The routine without its items (they are rows of their own).
Routine RoutineFromRow(const Row& r) {
  Routine routine;
  routine.id = r.Text("id");
  routine.name = r.Text("name");
  routine.notes = r.OptText("notes");
  routine.created_at = r.Text("created_at");
  routine.updated_at = r.Text("updated_at");
  routine.rev = r.Int("rev");
  routine.visibility = ParseVisibility(r.Text("visibility")).value_or(Visibility::kPrivate);
  return routine;
}

RoutineItem RoutineItemFromRow(const Row& r) {
  RoutineItem item;
  item.exercise_id = r.Text("exercise_id");
  item.superset_group = r.OptInt("superset_group");
  item.target_sets = r.Int("target_sets");
  item.target_reps = r.OptInt("target_reps");
  item.target_weight_kg = r.OptReal("target_weight_kg");
  item.target_percent_1rm = r.OptReal("target_percent_1rm");
  item.rest_s = r.OptInt("rest_s");
  return item;
}

RoutineTemplate RoutineTemplateFromRow(const Row& r) {
  return {.routine = RoutineFromRow(r), .author = r.Text("author")};
}
}  // namespace

std::int64_t RoutineRepository::Insert(Session& s, const std::string& user_id, const Routine& r) {
  auto rev = s.QueryOne(kInsert, r.id, user_id, r.name, r.notes, r.created_at,
                        std::string(VisibilityName(r.visibility)), NextRevision(s, user_id))
                 ->Int("rev");
  InsertItems(s, user_id, r);
  return rev;
}

std::optional<std::int64_t> RoutineRepository::Replace(Session& s, const std::string& user_id,
                                                       const Routine& r) {
  auto row = s.QueryOne(kUpdate, r.id, user_id, r.name, r.notes, r.updated_at,
                        std::string(VisibilityName(r.visibility)), NextRevision(s, user_id));
  if (!row) return std::nullopt;
  s.Execute(kDeleteItems, r.id, user_id);
  InsertItems(s, user_id, r);
  return row->Int("rev");
}

void RoutineRepository::InsertItems(Session& s, const std::string& user_id, const Routine& r) {
  for (std::size_t i = 0; i < r.items.size(); ++i) {
    const auto& item = r.items[i];
    s.Execute(kInsertItem, r.id, static_cast<std::int64_t>(i), user_id, item.exercise_id,
              item.superset_group, item.target_sets, item.target_reps, item.target_weight_kg,
              item.target_percent_1rm, item.rest_s);
  }
}

bool RoutineRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                  const std::string& now) {
  if (s.Execute(kTombstone, id, user_id, now, NextRevision(s, user_id)) != 1) return false;
  s.Execute(kDeleteItems, id, user_id);
  return true;
}

void RoutineRepository::LockForChange(Session& s, const std::string& user_id,
                                      const std::string& id) {
  s.Query(kLockForChange, id, user_id);
}

std::optional<Routine> RoutineRepository::Find(Session& s, const std::string& user_id,
                                               const std::string& id) {
  auto row = s.QueryOne(kById, id, user_id);
  if (!row) return std::nullopt;
  Routine routine = RoutineFromRow(*row);
  for (const auto& r : s.Query(kItems, id, user_id)) {
    routine.items.push_back(RoutineItemFromRow(r));
  }
  return routine;
}

std::vector<Routine> RoutineRepository::List(Session& s, const std::string& user_id) {
  std::vector<Routine> routines;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : s.Query(kList, user_id)) {
    index.emplace(r.Text("id"), routines.size());
    routines.push_back(RoutineFromRow(r));
  }
  for (const auto& r : s.Query(kItemsOfUser, user_id)) {
    auto it = index.find(r.Text("routine_id"));
    if (it != index.end()) routines[it->second].items.push_back(RoutineItemFromRow(r));
  }
  return routines;
}

bool RoutineRepository::NameTaken(Session& s, const std::string& user_id, const std::string& name,
                                  const std::string& except_id) {
  return s.QueryOne(kNameTaken, user_id, name, except_id).has_value();
}

bool RoutineRepository::IsLive(Session& s, const std::string& user_id, const std::string& id) {
  return s.QueryOne(kIsLive, id, user_id).has_value();
}

std::optional<RoutineTemplate> RoutineRepository::FindPublic(Session& s, const std::string& id) {
  auto row = s.QueryOne(kPublicById, id);
  if (!row) return std::nullopt;
  RoutineTemplate t = RoutineTemplateFromRow(*row);
  for (const auto& r : s.Query(kItems, id, row->Text("user_id"))) {
    t.routine.items.push_back(RoutineItemFromRow(r));
  }
  return t;
}

std::vector<RoutineTemplate> RoutineRepository::ListPublic(
    Session& s, const std::optional<TemplateCursor>& after, int limit) {
  auto rows = after ? s.Query(kPublicListAfter, static_cast<std::int64_t>(limit), after->created_at,
                              after->id)
                    : s.Query(kPublicList, static_cast<std::int64_t>(limit));
  std::vector<RoutineTemplate> templates;
  std::unordered_map<std::string, std::size_t> index;
  boost::json::array ids;
  for (const auto& r : rows) {
    index.emplace(r.Text("id"), templates.size());
    ids.emplace_back(r.Text("id"));
    templates.push_back(RoutineTemplateFromRow(r));
  }
  if (templates.empty()) return templates;
  for (const auto& r : s.Query(kItemsOfRoutines, boost::json::serialize(ids))) {
    auto it = index.find(r.Text("routine_id"));
    if (it != index.end()) templates[it->second].routine.items.push_back(RoutineItemFromRow(r));
  }
  return templates;
}

bool RoutineRepository::Owns(Session& s, const std::string& user_id, const std::string& id) {
  return s.QueryOne(kOwns, id, user_id).has_value();
}

}  // namespace vigor::features::workouts
