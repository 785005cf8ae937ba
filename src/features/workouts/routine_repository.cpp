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
#define VIGOR_TEMPLATE_COLUMNS                                                           \
  "r.id, r.name, r.notes, r.created_at, r.updated_at, r.rev, r.visibility, u.username, " \
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

Routine FromRow(const Row& r) {
  Routine routine;
  routine.id = r.Text(0);
  routine.name = r.Text(1);
  routine.notes = r.OptText(2);
  routine.created_at = r.Text(3);
  routine.updated_at = r.Text(4);
  routine.rev = r.Int(5);
  routine.visibility = ParseVisibility(r.Text(6)).value_or(Visibility::kPrivate);
  return routine;
}

RoutineItem ItemFromRow(const Row& r, std::size_t i) {
  RoutineItem item;
  item.exercise_id = r.Text(i);
  item.superset_group = r.OptInt(i + 1);
  item.target_sets = r.Int(i + 2);
  item.target_reps = r.OptInt(i + 3);
  item.target_weight_kg = r.OptReal(i + 4);
  item.target_percent_1rm = r.OptReal(i + 5);
  item.rest_s = r.OptInt(i + 6);
  return item;
}
}  // namespace

std::int64_t RoutineRepository::Insert(Session& s, const std::string& user_id, const Routine& r) {
  auto rev = s.QueryOne(kInsert, r.id, user_id, r.name, r.notes, r.created_at,
                        std::string(VisibilityName(r.visibility)), NextRevision(s, user_id))
                 ->Int(0);
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
  return row->Int(0);
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

std::optional<Routine> RoutineRepository::Find(Session& s, const std::string& user_id,
                                               const std::string& id) {
  auto row = s.QueryOne(kById, id, user_id);
  if (!row) return std::nullopt;
  Routine routine = FromRow(*row);
  for (const auto& r : s.Query(kItems, id, user_id)) routine.items.push_back(ItemFromRow(r, 0));
  return routine;
}

std::vector<Routine> RoutineRepository::List(Session& s, const std::string& user_id) {
  std::vector<Routine> routines;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : s.Query(kList, user_id)) {
    index.emplace(r.Text(0), routines.size());
    routines.push_back(FromRow(r));
  }
  for (const auto& r : s.Query(kItemsOfUser, user_id)) {
    auto it = index.find(r.Text(0));
    if (it != index.end()) routines[it->second].items.push_back(ItemFromRow(r, 1));
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

namespace {
RoutineTemplate TemplateFromRow(const Row& r) {
  return {.routine = FromRow(r), .author = r.Text(7)};
}
}  // namespace

std::optional<RoutineTemplate> RoutineRepository::FindPublic(Session& s, const std::string& id) {
  auto row = s.QueryOne(kPublicById, id);
  if (!row) return std::nullopt;
  RoutineTemplate t = TemplateFromRow(*row);
  for (const auto& r : s.Query(kItems, id, row->Text(8))) {
    t.routine.items.push_back(ItemFromRow(r, 0));
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
    index.emplace(r.Text(0), templates.size());
    ids.emplace_back(r.Text(0));
    templates.push_back(TemplateFromRow(r));
  }
  if (templates.empty()) return templates;
  for (const auto& r : s.Query(kItemsOfRoutines, boost::json::serialize(ids))) {
    auto it = index.find(r.Text(0));
    if (it != index.end()) templates[it->second].routine.items.push_back(ItemFromRow(r, 1));
  }
  return templates;
}

bool RoutineRepository::Owns(Session& s, const std::string& user_id, const std::string& id) {
  return s.QueryOne(kOwns, id, user_id).has_value();
}

}  // namespace vigor::features::workouts
