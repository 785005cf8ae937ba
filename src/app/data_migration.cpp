#include "app/data_migration.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::app::data_migration {

namespace store = platform::store;

namespace {

// The catalogue, per dialect: the only SQL here that differs between the backends.
constexpr store::Statement kListTables{
    "migrate_data.list_tables",
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE "
    "'\\'",
    "SELECT table_name::text AS name FROM information_schema.tables "
    "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"};

constexpr store::Statement kListColumns{
    "migrate_data.list_columns",
    "SELECT name, type, pk, 0 AS from_sequence FROM pragma_table_info($1) ORDER BY cid",
    "SELECT c.column_name::text AS name, c.data_type::text AS type,"
    " COALESCE((SELECT k.ordinal_position FROM information_schema.table_constraints t"
    "   JOIN information_schema.key_column_usage k ON k.constraint_schema = t.constraint_schema"
    "    AND k.constraint_name = t.constraint_name"
    "   WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name"
    "    AND t.constraint_type = 'PRIMARY KEY' AND k.column_name = c.column_name), 0)::bigint AS "
    "pk,"
    " CASE WHEN c.is_identity = 'YES' OR COALESCE(c.column_default, '') LIKE 'nextval(%'"
    "  THEN 1 ELSE 0 END::bigint AS from_sequence "
    "FROM information_schema.columns c "
    "WHERE c.table_schema = current_schema() AND c.table_name::text = $1::text "
    "ORDER BY c.ordinal_position"};

constexpr store::Statement kListReferences{
    "migrate_data.list_references",
    "SELECT DISTINCT \"table\" AS parent FROM pragma_foreign_key_list($1)",
    "SELECT DISTINCT p.relname::text AS parent FROM pg_constraint f"
    " JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class p ON p.oid = f.confrelid "
    "WHERE f.contype = 'f' AND c.relnamespace = current_schema()::regnamespace"
    " AND c.relname::text = $1::text"};

// SQLite moves a table's next rowid past inserted values by itself; PostgreSQL's sequences are
// moved here. Only run for columns with from_sequence, which SQLite never reports.
constexpr std::string_view kResetSequencePostgresql =
    "SELECT setval(pg_get_serial_sequence($1, $2), (SELECT COALESCE(MAX({column}), 0) + 1 FROM "
    "{table}), false) AS next";

// A page of rows larger than this halves the next page: tables of uploads and GPS tracks hold
// rows of megabytes.
constexpr std::size_t kPageBytesTarget = 32 * 1024 * 1024;
// Parameters per INSERT statement, well inside SQLite's (32766) and PostgreSQL's (65535) limits.
constexpr std::size_t kParamsPerInsert = 2000;

// A Statement whose text is built at run time (store::Statement only views its strings).
struct OwnedStatement {
  std::string name;
  std::string sql;
  std::string postgresql;
  store::Statement view() const { return {name, sql, postgresql}; }
};

std::string Quote(std::string_view identifier) {
  std::string out = "\"";
  for (char c : identifier) {
    out += c;
    if (c == '"') out += '"';
  }
  out += '"';
  return out;
}

std::string ColumnList(const Table& table) {
  std::string out;
  for (const auto& c : table.columns) {
    if (!out.empty()) out += ", ";
    out += Quote(c.name);
  }
  return out;
}

// Reading a table page by page in primary-key order (keyset: each page starts after the last key
// of the previous one), in each database's own order of its primary key index.
struct PageQueries {
  OwnedStatement first;  // $1 = limit
  OwnedStatement next;   // $1..$k = last key, $k+1 = limit
  std::vector<std::size_t> key_indexes;

  explicit PageQueries(const Table& table) {
    std::string select = "SELECT " + ColumnList(table) + " FROM " + Quote(table.name);
    std::string key_list;
    std::string key_params;
    for (std::size_t i = 0; i < table.primary_key.size(); ++i) {
      if (i > 0) {
        key_list += ", ";
        key_params += ", ";
      }
      key_list += Quote(table.primary_key[i]);
      key_params += "$" + std::to_string(i + 1);
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (table.columns[c].name == table.primary_key[i]) key_indexes.push_back(c);
      }
    }
    std::string order = " ORDER BY " + key_list;
    first = {"migrate_data.first_page." + table.name, select + order + " LIMIT $1", {}};
    next = {"migrate_data.next_page." + table.name,
            select + " WHERE (" + key_list + ") > (" + key_params + ")" + order + " LIMIT $" +
                std::to_string(table.primary_key.size() + 1),
            {}};
  }
};

store::Value ValueOf(const store::Row& row, std::size_t i, ColumnKind kind) {
  if (row.IsNull(i)) return nullptr;
  switch (kind) {
    case ColumnKind::kInteger:
      return row.Int(i);
    case ColumnKind::kReal:
      return row.Real(i);
    case ColumnKind::kText:
      return row.Text(i);
    case ColumnKind::kBlob:
      return store::Blob{row.Text(i)};
  }
  return nullptr;
}

std::size_t ApproximateBytes(const std::vector<store::Value>& values) {
  std::size_t bytes = 0;
  for (const auto& v : values) {
    if (const auto* s = std::get_if<std::string>(&v)) {
      bytes += s->size();
    } else if (const auto* b = std::get_if<store::Blob>(&v)) {
      bytes += b->bytes.size();
    } else {
      bytes += 8;
    }
  }
  return bytes;
}

// Calls `page(rows)` with the table's rows, a page at a time, in primary-key order; each row is
// its values by column kind. Pages of large rows get smaller.
void ForEachPage(store::Session& session, const Table& table, int batch_rows,
                 const std::function<void(std::vector<std::vector<store::Value>>&)>& page) {
  PageQueries queries(table);
  std::int64_t limit = std::max(1, batch_rows);
  std::optional<std::vector<store::Value>> last_key;
  while (true) {
    std::vector<store::Row> rows;
    if (last_key) {
      std::vector<store::Value> params = *last_key;
      params.emplace_back(limit);
      rows = session.QueryParams(queries.next.view(), params);
    } else {
      std::array<store::Value, 1> params{limit};
      rows = session.QueryParams(queries.first.view(), params);
    }
    if (rows.empty()) return;
    std::vector<std::vector<store::Value>> values;
    values.reserve(rows.size());
    std::size_t bytes = 0;
    for (const auto& row : rows) {
      std::vector<store::Value> row_values;
      row_values.reserve(table.columns.size());
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        row_values.push_back(ValueOf(row, c, table.columns[c].kind));
      }
      bytes += ApproximateBytes(row_values);
      values.push_back(std::move(row_values));
    }
    std::vector<store::Value> key;
    for (std::size_t i : queries.key_indexes) key.push_back(values.back()[i]);
    bool last_page = static_cast<std::int64_t>(rows.size()) < limit;
    page(values);
    if (last_page) return;
    last_key = std::move(key);
    if (bytes > kPageBytesTarget && limit > 1) limit /= 2;
  }
}

// Inserting a table's rows: as many rows per statement as the parameter budget allows, and the
// rest one by one (two statements per table, however the pages fall).
struct InsertStatements {
  OwnedStatement many;
  OwnedStatement one;
  std::size_t rows_per_many = 1;

  explicit InsertStatements(const Table& table) {
    std::size_t columns = table.columns.size();
    rows_per_many = std::max<std::size_t>(1, kParamsPerInsert / columns);
    auto values = [&](std::size_t rows) {
      std::string out;
      std::size_t n = 0;
      for (std::size_t r = 0; r < rows; ++r) {
        out += r == 0 ? "(" : ", (";
        for (std::size_t c = 0; c < columns; ++c) {
          if (c > 0) out += ", ";
          out += "$" + std::to_string(++n);
        }
        out += ")";
      }
      return out;
    };
    std::string head = "INSERT INTO " + Quote(table.name) + " (" + ColumnList(table) + ")";
    // OVERRIDING SYSTEM VALUE: an identity column GENERATED ALWAYS takes the copied value.
    auto make = [&](std::string name, std::size_t rows) {
      return OwnedStatement{std::move(name), head + " VALUES " + values(rows),
                            head + " OVERRIDING SYSTEM VALUE VALUES " + values(rows)};
    };
    many = make("migrate_data.insert_many." + table.name, rows_per_many);
    one = make("migrate_data.insert_one." + table.name, 1);
  }

  // Rows are grouped by which of their values are NULL before they are put together: PostgreSQL
  // prepares a statement per shape (the SQL and its parameters' types, a NULL having none), so a
  // statement of rows in one shape is prepared once per shape, where mixed rows would prepare
  // almost every statement anew. Row order inside a table does not matter to its constraints.
  void Insert(store::Session& session, std::vector<std::vector<store::Value>>& rows) const {
    std::map<std::string, std::vector<std::size_t>> by_shape;
    for (std::size_t r = 0; r < rows.size(); ++r) {
      std::string shape;
      for (const auto& v : rows[r]) shape += static_cast<char>('a' + v.index());
      by_shape[shape].push_back(r);
    }
    std::vector<store::Value> params;
    for (const auto& [shape, indexes] : by_shape) {
      std::size_t i = 0;
      for (; rows_per_many > 1 && i + rows_per_many <= indexes.size(); i += rows_per_many) {
        params.clear();
        for (std::size_t k = i; k < i + rows_per_many; ++k) {
          for (auto& v : rows[indexes[k]]) params.push_back(std::move(v));
        }
        session.ExecuteParams(many.view(), params);
      }
      for (; i < indexes.size(); ++i) session.ExecuteParams(one.view(), rows[indexes[i]]);
    }
  }
};

void AppendBigEndian(std::string& out, std::uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xff);
}

// The 256-bit sum (mod 2^256) of the rows' SHA-256 digests: the same for the same rows in any
// order, so the two backends need not agree on how to sort text.
struct DigestSum {
  std::array<unsigned char, 32> sum{};
  void Add(const std::array<unsigned char, 32>& digest) {
    unsigned carry = 0;
    for (int i = 31; i >= 0; --i) {
      unsigned total = sum[i] + digest[i] + carry;
      sum[i] = static_cast<unsigned char>(total & 0xff);
      carry = total >> 8;
    }
  }
};

std::string Hex(const unsigned char* bytes, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[bytes[i] >> 4];
    out += kDigits[bytes[i] & 0xf];
  }
  return out;
}

}  // namespace

ColumnKind KindOfDeclaredType(std::string_view declared_type) {
  std::string type;
  for (char c : declared_type)
    type += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto has = [&](std::string_view part) { return type.find(part) != std::string::npos; };
  if (type == "BYTEA") return ColumnKind::kBlob;
  if (has("INT")) return ColumnKind::kInteger;
  if (has("CHAR") || has("CLOB") || has("TEXT")) return ColumnKind::kText;
  if (type.empty() || has("BLOB")) return ColumnKind::kBlob;
  if (has("REAL") || has("FLOA") || has("DOUB")) return ColumnKind::kReal;
  throw std::runtime_error("columns of type " + std::string(declared_type) +
                           " cannot be copied exactly");
}

std::vector<Table> ReadSchema(store::Database& database) {
  std::map<std::string, Table> by_name;
  database.Read([&](store::Session& session) {
    for (const auto& row : session.Query(kListTables)) {
      std::string name = row.Text("name");
      if (name == "schema_migrations") continue;
      Table table;
      table.name = name;
      std::vector<std::pair<int, std::string>> key;
      for (const auto& c : session.Query(kListColumns, name)) {
        Column column;
        column.name = c.Text("name");
        try {
          column.kind = KindOfDeclaredType(c.Text("type"));
        } catch (const std::runtime_error& e) {
          throw std::runtime_error("table " + name + ", column " + column.name + ": " + e.what());
        }
        column.primary_key_position = static_cast<int>(c.Int("pk"));
        column.from_sequence = c.Int("from_sequence") != 0;
        if (column.primary_key_position > 0)
          key.emplace_back(column.primary_key_position, column.name);
        table.columns.push_back(std::move(column));
      }
      if (key.empty()) {
        throw std::runtime_error("table " + name +
                                 " has no primary key: its rows cannot be copied in order");
      }
      std::sort(key.begin(), key.end());
      for (auto& [position, column] : key) table.primary_key.push_back(column);
      for (const auto& r : session.Query(kListReferences, name)) {
        std::string parent = r.Text("parent");
        if (parent != name) table.references.push_back(parent);  // a tree in one table: none yet
      }
      by_name.emplace(name, std::move(table));
    }
  });
  // Parents first (Kahn's algorithm; ties by name, so the order is the same on every run).
  std::vector<Table> ordered;
  std::set<std::string> placed;
  while (ordered.size() < by_name.size()) {
    bool progress = false;
    for (auto& [name, table] : by_name) {
      if (placed.contains(name)) continue;
      bool ready = std::all_of(table.references.begin(), table.references.end(),
                               [&](const std::string& p) { return placed.contains(p); });
      if (!ready) continue;
      placed.insert(name);
      ordered.push_back(table);
      progress = true;
    }
    if (!progress) {
      std::string left;
      for (auto& [name, table] : by_name) {
        if (!placed.contains(name)) left += (left.empty() ? "" : ", ") + name;
      }
      throw std::runtime_error("the foreign keys between these tables form a cycle: " + left);
    }
  }
  return ordered;
}

std::vector<std::string> CompareSchemas(const std::vector<Table>& source,
                                        const std::vector<Table>& target) {
  std::vector<std::string> problems;
  std::map<std::string, const Table*> targets;
  for (const auto& t : target) targets.emplace(t.name, &t);
  std::set<std::string> seen;
  for (const auto& s : source) {
    seen.insert(s.name);
    auto it = targets.find(s.name);
    if (it == targets.end()) {
      problems.push_back("table " + s.name + " is missing from the target");
      continue;
    }
    std::map<std::string, ColumnKind> target_columns;
    for (const auto& c : it->second->columns) target_columns.emplace(c.name, c.kind);
    for (const auto& c : s.columns) {
      auto tc = target_columns.find(c.name);
      if (tc == target_columns.end()) {
        problems.push_back("column " + s.name + "." + c.name + " is missing from the target");
      } else if (tc->second != c.kind) {
        problems.push_back("column " + s.name + "." + c.name + " has another type in the target");
      }
      if (tc != target_columns.end()) target_columns.erase(tc);
    }
    for (const auto& [name, kind] : target_columns) {
      problems.push_back("column " + s.name + "." + name + " is only in the target");
    }
    if (s.primary_key != it->second->primary_key) {
      problems.push_back("table " + s.name + " has another primary key in the target");
    }
  }
  for (const auto& t : target) {
    if (!seen.contains(t.name)) problems.push_back("table " + t.name + " is only in the target");
  }
  return problems;
}

bool SeededByMigrations(std::string_view table) { return table == "privacy_policies"; }

std::vector<std::string> NonEmptyTables(store::Database& database,
                                        const std::vector<Table>& tables) {
  std::vector<std::string> non_empty;
  database.Read([&](store::Session& session) {
    for (const auto& table : tables) {
      if (SeededByMigrations(table.name)) continue;
      OwnedStatement any{"migrate_data.any_row." + table.name,
                         "SELECT 1 AS one FROM " + Quote(table.name) + " LIMIT 1",
                         {}};
      if (!session.QueryParams(any.view(), {}).empty()) non_empty.push_back(table.name);
    }
  });
  return non_empty;
}

std::int64_t CopyTables(store::Database& source, store::Database& target,
                        const std::vector<Table>& tables, const CopyOptions& options) {
  std::int64_t total = 0;
  source.Read([&](store::Session& from) {
    for (const auto& table : tables) {
      auto started = std::chrono::steady_clock::now();
      InsertStatements inserts(table);
      std::int64_t rows = 0;
      if (SeededByMigrations(table.name)) {
        // The target's migrations wrote their own first rows; the source's take their place.
        // Nothing references them yet: the tables after this one are still empty.
        OwnedStatement clear{
            "migrate_data.clear_seeded." + table.name, "DELETE FROM " + Quote(table.name), {}};
        target.Write([&](store::Session& to) { to.ExecuteParams(clear.view(), {}); });
      }
      ForEachPage(from, table, options.batch_rows, [&](auto& page) {
        target.Write([&](store::Session& to) { inserts.Insert(to, page); });
        rows += static_cast<std::int64_t>(page.size());
      });
      for (const auto& column : table.columns) {
        if (!column.from_sequence) continue;
        std::string sql(kResetSequencePostgresql);
        sql.replace(sql.find("{column}"), 8, Quote(column.name));
        sql.replace(sql.find("{table}"), 7, Quote(table.name));
        OwnedStatement reset{"migrate_data.reset_sequence." + table.name + "." + column.name,
                             "SELECT 0 AS next", sql};
        target.Write(
            [&](store::Session& to) { to.Query(reset.view(), Quote(table.name), column.name); });
      }
      total += rows;
      if (options.on_table) {
        options.on_table(table, rows,
                         std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started));
      }
    }
  });
  return total;
}

void AppendCanonical(std::string& out, ColumnKind kind, const store::Value& value) {
  if (std::holds_alternative<std::nullptr_t>(value)) {
    out += 'N';
    return;
  }
  switch (kind) {
    case ColumnKind::kInteger:
      out += 'I';
      AppendBigEndian(out, static_cast<std::uint64_t>(std::get<std::int64_t>(value)));
      return;
    case ColumnKind::kReal: {
      const auto* d = std::get_if<double>(&value);
      double real = d ? *d : static_cast<double>(std::get<std::int64_t>(value));
      out += 'R';
      AppendBigEndian(out, std::bit_cast<std::uint64_t>(real));
      return;
    }
    case ColumnKind::kText:
    case ColumnKind::kBlob: {
      const auto* s = std::get_if<std::string>(&value);
      const std::string& bytes = s ? *s : std::get<store::Blob>(value).bytes;
      out += kind == ColumnKind::kText ? 'T' : 'B';
      AppendBigEndian(out, bytes.size());
      out += bytes;
      return;
    }
  }
}

std::vector<TableDigest> DigestTables(store::Database& database, const std::vector<Table>& tables,
                                      int batch_rows) {
  platform::crypto::EnsureSodium();
  std::vector<TableDigest> digests;
  database.Read([&](store::Session& session) {
    for (const auto& table : tables) {
      DigestSum sum;
      std::int64_t rows = 0;
      std::string encoded;
      ForEachPage(session, table, batch_rows, [&](auto& page) {
        for (const auto& row : page) {
          encoded.clear();
          for (std::size_t c = 0; c < row.size(); ++c) {
            AppendCanonical(encoded, table.columns[c].kind, row[c]);
          }
          sum.Add(platform::crypto::Sha256(encoded));
          ++rows;
        }
      });
      // The table's digest binds the sum to the row count and the columns it covers.
      std::string summary = "vigor table digest 1\n" + table.name + "\n" + ColumnList(table) + "\n";
      AppendBigEndian(summary, static_cast<std::uint64_t>(rows));
      summary.append(reinterpret_cast<const char*>(sum.sum.data()), sum.sum.size());
      auto digest = platform::crypto::Sha256(summary);
      digests.push_back({table.name, rows, Hex(digest.data(), digest.size())});
    }
  });
  return digests;
}

}  // namespace vigor::app::data_migration
