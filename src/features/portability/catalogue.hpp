#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "platform/store/database.hpp"

// The schema as the database itself describes it (tables, columns, primary keys, foreign keys
// column by column), per dialect. The account export walks it, so a table a later feature adds is
// exported (or refused by the deny list, docs/export-format.md) without touching the exporter.
// app/data_migration reads the same catalogue for whole-instance moves; this one also needs each
// foreign key's columns, and features cannot reach into the app layer.
namespace vigor::features::portability {

enum class ColumnKind { kInteger, kReal, kText, kBlob };
std::string_view KindName(ColumnKind kind);

struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
  bool primary_key = false;
};

struct ForeignKey {
  std::vector<std::string> columns;         // in this table
  std::string parent;                       // the referenced table
  std::vector<std::string> parent_columns;  // in the parent, same order
};

struct Table {
  std::string name;
  std::vector<Column> columns;
  std::vector<std::string> primary_key;
  std::vector<ForeignKey> foreign_keys;

  const Column* Find(std::string_view column) const;
  bool InPrimaryKey(std::string_view column) const;
};

// Every table but schema_migrations, parents before the tables that reference them (ties by name).
std::vector<Table> ReadCatalogue(platform::store::Session& session);

}  // namespace vigor::features::portability
