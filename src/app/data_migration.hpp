#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/store/database.hpp"

// Moving a whole instance from one database to another (SQLite -> PostgreSQL and back), written
// against store::Database only: the tables, their columns and foreign keys are read from the
// migrated schema through dialect-specific catalogue statements, and rows are copied as the values
// the store reads and binds, so nothing here knows a backend. `vigor migrate-data` drives it.
namespace vigor::app::data_migration {

// What a column holds, from its declared type (SQLite's affinity rules; PostgreSQL's names).
enum class ColumnKind { kInteger, kReal, kText, kBlob };

struct Column {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
  int primary_key_position = 0;  // 1-based place in the primary key; 0: not part of it
  // Filled by a sequence (a PostgreSQL identity or serial column), which must be moved past the
  // copied values.
  bool from_sequence = false;
};

struct Table {
  std::string name;
  std::vector<Column> columns;           // in the database's column order
  std::vector<std::string> primary_key;  // column names, in key order
  std::vector<std::string> references;   // tables its foreign keys point to
};

// The tables holding data (not schema_migrations, which each side's migrations fill), parents
// before the tables that reference them, so rows can be inserted with foreign keys enforced.
// Throws std::runtime_error for a table without a primary key or a column of an unknown type.
std::vector<Table> ReadSchema(platform::store::Database& database);

// Empty when both schemas have the same tables with the same columns of the same kinds and the
// same primary keys; otherwise one line per difference. When empty, either list describes both
// databases: copy and digest with the target's (its foreign-key order and its sequences).
std::vector<std::string> CompareSchemas(const std::vector<Table>& source,
                                        const std::vector<Table>& target);

// Tables whose first rows the migrations themselves write (the privacy policy's version 1): a
// new instance is not empty there, and a copy replaces those rows with the source's.
bool SeededByMigrations(std::string_view table);

// The tables that hold at least one row, apart from the rows the migrations wrote.
std::vector<std::string> NonEmptyTables(platform::store::Database& database,
                                        const std::vector<Table>& tables);

struct CopyOptions {
  // Rows read per page and written per target transaction (fewer for pages of large rows).
  int batch_rows = 500;
  // Called after each table with its row count and the time it took.
  std::function<void(const Table&, std::int64_t rows, std::chrono::milliseconds)> on_table;
};

// Copies every row of `tables` (in that order) from `source` to `target`. The source is read in
// one snapshot, so the copy is consistent even if something writes to it meanwhile; each page is
// written in a transaction of its own. Values are bound as they were read, by column kind: text
// stays text, integers and doubles keep every bit, blobs stay bytes. Sequences behind identity
// columns (PostgreSQL) are moved past the copied values. Returns the rows copied.
std::int64_t CopyTables(platform::store::Database& source, platform::store::Database& target,
                        const std::vector<Table>& tables, const CopyOptions& options);

// A table's row count and the SHA-256 of its rows in primary-key order (text compared byte by
// byte), each value encoded canonically by its column's kind: the same on both backends for the
// same content.
struct TableDigest {
  std::string table;
  std::int64_t rows = 0;
  std::string sha256_hex;
};

std::vector<TableDigest> DigestTables(platform::store::Database& database,
                                      const std::vector<Table>& tables, int batch_rows = 500);

// The canonical encoding of one value of a column of `kind`, appended to `out` (exposed for tests).
void AppendCanonical(std::string& out, ColumnKind kind, const platform::store::Value& value);

// SQLite's affinity rules over the declared type, plus PostgreSQL's "bytea"; throws for a type
// that maps to none of the four kinds (e.g. NUMERIC).
ColumnKind KindOfDeclaredType(std::string_view declared_type);

}  // namespace vigor::app::data_migration
