#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/portability/catalogue.hpp"

// What of the schema an account export holds (docs/export-format.md). Every table is either
// exported or named in the deny list with the reason; ExportTablesTest fails on a table that is
// neither, so a feature adding a table decides. Which rows: those whose user columns (a foreign
// key to users, or a column named user_id) hold the user's id; and for tables without a user
// column, the rows whose foreign keys point at exported rows (the items of a routine).
namespace vigor::features::portability {

// Tables never exported, with the reason (secrets, machinery, derived fan-out, instance data).
const std::map<std::string, std::string, std::less<>>& DeniedTables();

// Columns of users never exported (secrets) and columns of users an import never applies to the
// importing account (identity and security state): everything else is the profile.
bool IsSecretUserColumn(std::string_view column);
bool IsProfileColumn(std::string_view column);

// The columns of `table` that hold a user's id.
std::vector<std::string> UserColumns(const Table& table);

// How an exported table's rows are chosen: a WHERE clause over the table with $1 = the user's
// id, built from the catalogue. nullopt when no row can belong to a user (then the table must be
// denied).
struct TableScope {
  const Table* table = nullptr;
  std::string where;
};

// The exported tables, parents first, with their conditions. Tables neither reachable nor
// denied are listed in `unclassified`.
struct ExportPlan {
  std::vector<TableScope> tables;
  std::vector<std::string> unclassified;
};
ExportPlan PlanExport(const std::vector<Table>& catalogue);

std::string Quote(std::string_view identifier);

}  // namespace vigor::features::portability
