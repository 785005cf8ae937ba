#include "features/portability/exporter.hpp"

#include <boost/json.hpp>
#include <set>
#include <stdexcept>

#include "features/portability/catalogue.hpp"
#include "features/portability/export_scope.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/time.hpp"

namespace vigor::features::portability {

namespace json = boost::json;
using platform::store::Row;
using platform::store::Session;
using platform::store::Statement;

namespace {

// A Statement whose text is built from the catalogue (Statement only views its strings).
struct OwnedStatement {
  std::string name;
  std::string sql;
  Statement view() const { return {name, sql, {}}; }
};

constexpr Statement kUsername{"portability.export.username",
                              "SELECT username FROM users WHERE id = $1"};

json::value ValueOf(const Row& row, std::size_t i, ColumnKind kind) {
  if (row.IsNull(i)) return nullptr;
  switch (kind) {
    case ColumnKind::kInteger:
      return row.Int(i);
    case ColumnKind::kReal:
      return row.Real(i);
    case ColumnKind::kText:
      return json::string(row.Text(i));
    case ColumnKind::kBlob:
      return json::string(platform::crypto::Base64UrlEncode(row.Text(i)));
  }
  return nullptr;
}

std::set<std::string> SealedColumnsOf(const platform::crypto::SealedColumns& sealed,
                                      const std::string& table) {
  std::set<std::string> out;
  for (const auto& c : sealed.all()) {
    if (c.table == table) out.insert(c.column);
  }
  return out;
}

// One table's file: its columns with their kinds, then its rows by column name. Sealed values
// leave opened (a privacy zone's centre as its coordinates), so another instance can seal them
// with its own key.
json::object TableFile(Session& s, const Table& table, const std::string& where,
                       const std::string& user_id, const std::set<std::string>& sealed,
                       const platform::crypto::SecretBox& box, std::set<std::string>& people,
                       std::vector<std::string>* track_workouts,
                       std::map<std::string, std::string>& files) {
  json::object columns;
  std::string select;
  std::vector<const Column*> exported;
  for (const auto& c : table.columns) {
    if (table.name == "users" && IsSecretUserColumn(c.name)) continue;
    bool original = table.name == kOriginalsTable && c.name == kOriginalsContent;
    columns[c.name] = original ? std::string_view("file") : KindName(c.kind);
    select += (select.empty() ? "" : ", ") + Quote(c.name);
    exported.push_back(&c);
  }
  std::string order;
  for (const auto& k : table.primary_key) order += (order.empty() ? "" : ", ") + Quote(k);
  OwnedStatement statement{
      "portability.export.rows." + table.name,
      "SELECT " + select + " FROM " + Quote(table.name) + " WHERE " + where + " ORDER BY " + order};
  auto user_columns = UserColumns(table);
  json::array rows;
  for (const auto& row : s.Query(statement.view(), user_id)) {
    json::object out;
    for (std::size_t i = 0; i < exported.size(); ++i) {
      const Column& c = *exported[i];
      json::value v = ValueOf(row, i, c.kind);
      if (sealed.contains(c.name) && !row.IsNull(i)) {
        // Sealed values are text or bytes of the same "v1." text (a BLOB column).
        // A value that never was sealed (a measurement note written before notes were sealed,
        // until housekeeping seals it) leaves as it is; one that is sealed but opens under no key
        // of the ring stops the export rather than leave out the user's data.
        std::string stored = row.Text(i);
        auto opened = box.Open(stored);
        if (!opened && (stored.starts_with("v1.") || stored.starts_with("v2.")))
          throw std::runtime_error("a sealed value of " + table.name + " cannot be opened");
        v = json::string(opened ? *opened : stored);
      }
      if (table.name == kOriginalsTable && c.name == kOriginalsContent && !row.IsNull(i)) {
        // The file goes into the archive as itself; the row names it (the bytes once only).
        std::string path =
            OriginalPath(row.Text(row.IndexOf("workout_id")), row.Text(row.IndexOf("format")));
        files[path] = row.Text(i);
        v = json::string(path);
      }
      if (v.is_string() &&
          std::find(user_columns.begin(), user_columns.end(), c.name) != user_columns.end() &&
          v.as_string() != user_id) {
        people.insert(std::string(v.as_string()));
      }
      out[c.name] = std::move(v);
    }
    if (track_workouts != nullptr && out.contains("workout_id")) {
      track_workouts->push_back(std::string(out["workout_id"].as_string()));
    }
    rows.push_back(std::move(out));
  }
  json::object file;
  file["table"] = table.name;
  file["columns"] = std::move(columns);
  file["rows"] = std::move(rows);
  return file;
}

}  // namespace

std::map<std::string, std::string> BuildExport(
    platform::store::Database& database, const std::string& user_id,
    const platform::crypto::SealedColumns& sealed, const platform::crypto::SecretBox& box,
    const ExportSources& sources, const ExportOrigin& origin, const ExportProgress& progress) {
  std::map<std::string, std::string> files;
  json::object counts;
  json::array people_json;
  std::vector<std::string> track_workouts;
  std::string username;
  int schema_version = database.SchemaVersion();
  database.Read([&](Session& s) {
    auto catalogue = ReadCatalogue(s);
    auto plan = PlanExport(catalogue);
    std::set<std::string> people;
    auto total = static_cast<std::int64_t>(plan.tables.size() + 1);
    for (const auto& table : catalogue) {
      if (table.name != "users") continue;
      auto file = TableFile(s, table, "\"id\" = $1", user_id, {}, box, people, nullptr, files);
      if (file["rows"].as_array().empty()) throw std::runtime_error("no such user");
      username = std::string(file["rows"].as_array()[0].as_object()["username"].as_string());
      files["data/users.json"] = json::serialize(file);
      counts["users"] = 1;
    }
    std::int64_t done = 1;
    for (const auto& scope : plan.tables) {
      const Table& table = *scope.table;
      auto file =
          TableFile(s, table, scope.where, user_id, SealedColumnsOf(sealed, table.name), box,
                    people, table.name == "workout_tracks" ? &track_workouts : nullptr, files);
      counts[table.name] = file["rows"].as_array().size();
      files["data/" + table.name + ".json"] = json::serialize(file);
      if (progress) progress(++done, total + 1);
    }
    for (const auto& id : people) {
      if (auto row = s.QueryOne(kUsername, id)) {
        people_json.push_back(json::object{{"id", id}, {"username", row->Text("username")}});
      }
    }
  });
  // The other features' renderings, each in a read of its own (outside the snapshot above).
  if (sources.sets_csv) files["csv/sets.csv"] = sources.sets_csv(user_id);
  if (sources.gpx) {
    for (const auto& workout_id : track_workouts) {
      files["gpx/" + workout_id + ".gpx"] = sources.gpx(user_id, workout_id);
    }
  }
  json::object checksums;
  for (const auto& [path, bytes] : files) checksums[path] = platform::crypto::Sha256Hex(bytes);
  json::object manifest;
  manifest["format"] = kFormatName;
  manifest["version"] = kFormatVersion;
  manifest["created_at"] = platform::NowRfc3339();
  manifest["source"] = json::object{{"instance_name", origin.instance_name},
                                    {"public_url", origin.public_url},
                                    {"database", database.dialect()},
                                    {"schema_version", schema_version}};
  manifest["user"] = json::object{{"id", user_id}, {"username", username}};
  manifest["people"] = std::move(people_json);
  manifest["tables"] = std::move(counts);
  manifest["files"] = std::move(checksums);
  files["manifest.json"] = json::serialize(manifest);
  return files;
}

}  // namespace vigor::features::portability
