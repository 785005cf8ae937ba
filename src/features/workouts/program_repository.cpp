#include "features/workouts/program_repository.hpp"

#include <unordered_map>

#include "platform/store/revisions.hpp"

namespace vigor::features::workouts {

namespace {
using platform::store::NextRevision;
using platform::store::Row;
using platform::store::Statement;

constexpr Statement kInsert{
    "programs.insert",
    "INSERT INTO programs (id, user_id, name, notes, created_at, updated_at, rev) "
    "VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING rev"};
// FOR NO KEY UPDATE, the lock an UPDATE of the row takes: it does not hold up the foreign key
// checks of rows that reference this one. SQLite's write transaction is exclusive already.
constexpr Statement kLockForChange{
    "programs.lock_for_change", "SELECT rev FROM programs WHERE id = $1 AND user_id = $2",
    "SELECT rev FROM programs WHERE id = $1 AND user_id = $2 FOR NO KEY UPDATE"};
constexpr Statement kUpdate{
    "programs.update",
    "UPDATE programs SET name = $3, notes = $4, updated_at = $5, "
    "rev = $6 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL RETURNING rev"};
constexpr Statement kTombstone{"programs.tombstone",
                               "UPDATE programs SET deleted_at = $3, updated_at = $3, "
                               "rev = $4 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kInsertEntry{
    "program_routines.insert",
    "INSERT INTO program_routines (program_id, position, user_id, routine_id, label) "
    "VALUES ($1, $2, $3, $4, $5)"};
constexpr Statement kDeleteEntries{
    "program_routines.delete_of_program",
    "DELETE FROM program_routines WHERE program_id = $1 AND user_id = $2"};
constexpr Statement kById{"programs.by_id",
                          "SELECT id, name, notes, created_at, updated_at, rev FROM programs "
                          "WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"};
constexpr Statement kList{
    "programs.list",
    "SELECT id, name, notes, created_at, updated_at, rev FROM programs "
    "WHERE user_id = $1 AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id",
    // SQLite's NOCASE folds A-Z only, as lower() of a COLLATE "C" column does.
    "SELECT id, name, notes, created_at, updated_at, rev FROM programs "
    "WHERE user_id = $1 AND deleted_at IS NULL ORDER BY lower(name), id"};
// The entries with their routine's name (null when the routine is deleted).
constexpr Statement kEntries{
    "program_routines.of_program",
    "SELECT e.program_id, e.routine_id, e.label, r.name AS routine_name FROM program_routines e "
    "LEFT JOIN routines r ON r.id = e.routine_id AND r.user_id = e.user_id "
    "AND r.deleted_at IS NULL "
    "WHERE e.program_id = $1 AND e.user_id = $2 ORDER BY e.position"};
constexpr Statement kEntriesOfUser{
    "program_routines.of_user",
    "SELECT e.program_id, e.routine_id, e.label, r.name AS routine_name FROM program_routines e "
    "JOIN programs p ON p.id = e.program_id "
    "LEFT JOIN routines r ON r.id = e.routine_id AND r.user_id = e.user_id "
    "AND r.deleted_at IS NULL "
    "WHERE e.user_id = $1 AND p.user_id = $1 AND p.deleted_at IS NULL "
    "ORDER BY e.program_id, e.position"};
// Per live program, the routine of the latest live workout among the program's routines ($2:
// one program id, or '' for all).
constexpr Statement kLastDone{
    "programs.last_done_routine",
    "SELECT p.id AS program_id, (SELECT w.routine_id FROM workouts w "
    "WHERE w.user_id = $1 AND w.deleted_at IS NULL AND w.routine_id IN "
    "(SELECT e.routine_id FROM program_routines e WHERE e.program_id = p.id AND e.user_id = $1) "
    "ORDER BY w.started_at DESC, w.id DESC LIMIT 1) AS routine_id "
    "FROM programs p WHERE p.user_id = $1 AND p.deleted_at IS NULL AND ($2 = '' OR p.id = $2)"};
constexpr Statement kNameTaken{
    "programs.name_taken",
    "SELECT 1 FROM programs WHERE user_id = $1 AND name = $2 COLLATE NOCASE "
    "AND deleted_at IS NULL AND id <> $3",
    // The expression of the unique index programs_user_name; $2 folded by "C" too (A-Z only).
    "SELECT 1 FROM programs WHERE user_id = $1 AND lower(name) = lower($2::text COLLATE \"C\") "
    "AND deleted_at IS NULL AND id <> $3"};

// The program without its entries (they are rows of their own).
Program ProgramFromRow(const Row& r) {
  Program program;
  program.id = r.Text("id");
  program.name = r.Text("name");
  program.notes = r.OptText("notes");
  program.created_at = r.Text("created_at");
  program.updated_at = r.Text("updated_at");
  program.rev = r.Int("rev");
  return program;
}

ProgramEntry ProgramEntryFromRow(const Row& r) {
  return {.routine_id = r.Text("routine_id"),
          .label = r.OptText("label"),
          .routine_name = r.OptText("routine_name")};
}
}  // namespace

std::int64_t ProgramRepository::Insert(Session& s, const std::string& user_id, const Program& p) {
  auto rev =
      s.QueryOne(kInsert, p.id, user_id, p.name, p.notes, p.created_at, NextRevision(s, user_id))
          ->Int("rev");
  InsertEntries(s, user_id, p);
  return rev;
}

std::optional<std::int64_t> ProgramRepository::Replace(Session& s, const std::string& user_id,
                                                       const Program& p) {
  auto row =
      s.QueryOne(kUpdate, p.id, user_id, p.name, p.notes, p.updated_at, NextRevision(s, user_id));
  if (!row) return std::nullopt;
  s.Execute(kDeleteEntries, p.id, user_id);
  InsertEntries(s, user_id, p);
  return row->Int("rev");
}

void ProgramRepository::InsertEntries(Session& s, const std::string& user_id, const Program& p) {
  for (std::size_t i = 0; i < p.routines.size(); ++i) {
    const auto& e = p.routines[i];
    s.Execute(kInsertEntry, p.id, static_cast<std::int64_t>(i), user_id, e.routine_id, e.label);
  }
}

bool ProgramRepository::Tombstone(Session& s, const std::string& user_id, const std::string& id,
                                  const std::string& now) {
  if (s.Execute(kTombstone, id, user_id, now, NextRevision(s, user_id)) != 1) return false;
  s.Execute(kDeleteEntries, id, user_id);
  return true;
}

void ProgramRepository::LockForChange(Session& s, const std::string& user_id,
                                      const std::string& id) {
  s.Query(kLockForChange, id, user_id);
}

std::optional<Program> ProgramRepository::Find(Session& s, const std::string& user_id,
                                               const std::string& id) {
  auto row = s.QueryOne(kById, id, user_id);
  if (!row) return std::nullopt;
  Program program = ProgramFromRow(*row);
  for (const auto& r : s.Query(kEntries, id, user_id)) {
    program.routines.push_back(ProgramEntryFromRow(r));
  }
  return program;
}

std::vector<Program> ProgramRepository::List(Session& s, const std::string& user_id) {
  std::vector<Program> programs;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& r : s.Query(kList, user_id)) {
    index.emplace(r.Text("id"), programs.size());
    programs.push_back(ProgramFromRow(r));
  }
  for (const auto& r : s.Query(kEntriesOfUser, user_id)) {
    auto it = index.find(r.Text("program_id"));
    if (it != index.end()) programs[it->second].routines.push_back(ProgramEntryFromRow(r));
  }
  return programs;
}

std::unordered_map<std::string, std::string> ProgramRepository::LastDoneRoutines(
    Session& s, const std::string& user_id, const std::string& program_id) {
  std::unordered_map<std::string, std::string> last;
  for (const auto& r : s.Query(kLastDone, user_id, program_id)) {
    if (auto routine = r.OptText("routine_id"))
      last.emplace(r.Text("program_id"), std::move(*routine));
  }
  return last;
}

bool ProgramRepository::NameTaken(Session& s, const std::string& user_id, const std::string& name,
                                  const std::string& except_id) {
  return s.QueryOne(kNameTaken, user_id, name, except_id).has_value();
}

}  // namespace vigor::features::workouts
