#include "features/portability/catalogue.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

namespace vigor::features::portability {

namespace {

using platform::store::Statement;

constexpr Statement kTables{
    "portability.catalogue.tables",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE "
    "'\\' AND name <> 'schema_migrations' ORDER BY name",
    "SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = "
    "current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations' "
    "ORDER BY table_name"};

constexpr Statement kColumns{
    "portability.catalogue.columns",
    "SELECT name, type, pk FROM pragma_table_info($1) ORDER BY cid",
    "SELECT c.column_name::text AS name, c.data_type::text AS type,"
    " COALESCE((SELECT k.ordinal_position FROM information_schema.table_constraints t"
    "   JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema"
    "    AND k.constraint_name = t.constraint_name"
    "   WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name"
    "    AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name), 0)::bigint AS "
    "pk "
    "FROM information_schema.columns c "
    "WHERE c.table_schema = current_schema() AND c.table_name::text = $1::text "
    "ORDER BY c.ordinal_position"};

// One row per column of each foreign key; `fk` numbers the keys of the table, `seq` orders the
// columns inside one. SQLite leaves "to" NULL for a key naming the parent's primary key.
constexpr Statement kForeignKeys{
    "portability.catalogue.foreign_keys",
    "SELECT id AS fk, seq, \"table\" AS parent, \"from\" AS col, \"to\" AS parent_col "
    "FROM pragma_foreign_key_list($1) ORDER BY id, seq",
    "SELECT f.oid::bigint AS fk, k.n::bigint AS seq, p.relname::text AS parent,"
    " a.attname::text AS col, pa.attname::text AS parent_col "
    "FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = "
    "f.confrelid"
    " CROSS JOIN LATERAL unnest(f.conkey, f.confkey) WITH ORDINALITY AS k(child, par, n)"
    " JOIN pg_attribute a ON a.attrelid = f.conrelid AND a.attnum = k.child"
    " JOIN pg_attribute pa ON pa.attrelid = f.confrelid AND pa.attnum = k.par "
    "WHERE f.contype = 'f' AND c.relnamespace = current_schema()::regnamespace"
    " AND c.relname::text = $1::text ORDER BY f.oid, k.n"};

// SQLite's affinity rules over the declared type, plus PostgreSQL's names.
ColumnKind KindOf(const std::string& declared) {
  std::string type;
  for (char c : declared) type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto has = [&](std::string_view part) { return type.find(part) != std::string::npos; };
  if (type == "BYTEA") return ColumnKind::kBlob;
  if (has("INT")) return ColumnKind::kInteger;
  if (has("CHAR") || has("CLOB") || has("TEXT")) return ColumnKind::kText;
  if (type.empty() || has("BLOB")) return ColumnKind::kBlob;
  if (has("REAL") || has("FLOA") || has("DOUB")) return ColumnKind::kReal;
  throw std::runtime_error("columns of type " + declared + " cannot be exported exactly");
}

}  // namespace

std::string_view KindName(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::kInteger:
      return "integer";
    case ColumnKind::kReal:
      return "real";
    case ColumnKind::kText:
      return "text";
    case ColumnKind::kBlob:
      return "blob";
  }
  return "text";
}

const Column* Table::Find(std::string_view column) const {
  for (const auto& c : columns) {
    if (c.name == column) return &c;
  }
  return nullptr;
}

bool Table::InPrimaryKey(std::string_view column) const {
  return std::find(primary_key.begin(), primary_key.end(), column) != primary_key.end();
}

std::vector<Table> ReadCatalogue(platform::store::Session& session) {
  std::map<std::string, Table> by_name;
  for (const auto& row : session.Query(kTables)) {
    Table table;
    table.name = row.Text("name");
    std::vector<std::pair<std::int64_t, std::string>> key;
    for (const auto& c : session.Query(kColumns, table.name)) {
      Column column{.name = c.Text("name"), .kind = KindOf(c.Text("type")), .primary_key = false};
      if (c.Int("pk") > 0) {
        column.primary_key = true;
        key.emplace_back(c.Int("pk"), column.name);
      }
      table.columns.push_back(std::move(column));
    }
    std::sort(key.begin(), key.end());
    for (auto& [position, name] : key) table.primary_key.push_back(name);
    std::map<std::int64_t, ForeignKey> keys;
    for (const auto& f : session.Query(kForeignKeys, table.name)) {
      auto& fk = keys[f.Int("fk")];
      fk.parent = f.Text("parent");
      fk.columns.push_back(f.Text("col"));
      fk.parent_columns.push_back(f.OptText("parent_col").value_or(""));
    }
    for (auto& [id, fk] : keys) table.foreign_keys.push_back(std::move(fk));
    by_name.emplace(table.name, std::move(table));
  }
  // A key naming no parent column refers to the parent's primary key (SQLite).
  for (auto& [name, table] : by_name) {
    for (auto& fk : table.foreign_keys) {
      auto parent = by_name.find(fk.parent);
      for (std::size_t i = 0; i < fk.parent_columns.size(); ++i) {
        if (fk.parent_columns[i].empty() && parent != by_name.end() &&
            i < parent->second.primary_key.size()) {
          fk.parent_columns[i] = parent->second.primary_key[i];
        }
      }
    }
  }
  // Parents first (Kahn's algorithm; ties by name). A key to the table itself does not order.
  std::map<std::string, std::set<std::string>> waiting_on;
  for (const auto& [name, table] : by_name) {
    auto& parents = waiting_on[name];
    for (const auto& fk : table.foreign_keys) {
      if (fk.parent != name && by_name.contains(fk.parent)) parents.insert(fk.parent);
    }
  }
  std::vector<Table> ordered;
  while (!waiting_on.empty()) {
    auto ready = std::find_if(waiting_on.begin(), waiting_on.end(),
                              [](const auto& entry) { return entry.second.empty(); });
    if (ready == waiting_on.end()) throw std::runtime_error("foreign keys form a cycle");
    std::string name = ready->first;
    waiting_on.erase(ready);
    for (auto& [other, parents] : waiting_on) parents.erase(name);
    ordered.push_back(std::move(by_name.at(name)));
  }
  return ordered;
}

}  // namespace vigor::features::portability
