#include "features/portability/importer.hpp"

#include <boost/json.hpp>
#include <optional>
#include <set>
#include <stdexcept>

#include "features/portability/catalogue.hpp"
#include "features/portability/export_scope.hpp"
#include "features/portability/exporter.hpp"
#include "features/portability/zip_archive.hpp"
#include "platform/crypto/random.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/crypto/secret_box.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"

namespace vigor::features::portability {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::i18n::Msg;
using platform::store::Session;
using platform::store::Statement;
using platform::store::Value;

namespace {

// Unpacked, an export may be this large (the zip's entries are read into memory).
constexpr std::uint64_t kMaxUnpackedBytes = 1ULL << 30;

struct OwnedStatement {
  std::string name;
  std::string sql;
  Statement view() const { return {name, sql, {}}; }
};

constexpr Statement kSavepoint{"portability.import.savepoint", "SAVEPOINT portability_row"};
constexpr Statement kRollbackTo{"portability.import.rollback_to",
                                "ROLLBACK TO SAVEPOINT portability_row"};
constexpr Statement kRelease{"portability.import.release", "RELEASE SAVEPOINT portability_row"};
constexpr Statement kUserByName{"portability.import.user_by_name",
                                "SELECT id FROM users WHERE username = $1"};

Error NotVigor() { return Error(ErrorKind::kValidation, Msg("export_not_vigor")); }

std::string Join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "\x1f") + p;
  return out;
}

// A JSON value as the store binds it for a column of `kind`.
Value ToStore(const json::value& v, ColumnKind kind) {
  if (v.is_null()) return nullptr;
  switch (kind) {
    case ColumnKind::kInteger:
      if (v.is_int64()) return v.as_int64();
      if (v.is_uint64()) return static_cast<std::int64_t>(v.as_uint64());
      break;
    case ColumnKind::kReal:
      if (v.is_double()) return v.as_double();
      if (v.is_int64()) return static_cast<double>(v.as_int64());
      if (v.is_uint64()) return static_cast<double>(v.as_uint64());
      break;
    case ColumnKind::kText:
      if (v.is_string()) return std::string(v.as_string());
      break;
    case ColumnKind::kBlob:
      if (v.is_string()) {
        auto bytes = platform::crypto::Base64UrlDecode(v.as_string());
        if (bytes) return platform::store::Blob{std::move(*bytes)};
      }
      break;
  }
  throw NotVigor();
}

// An integer value as key text; nullopt for anything else.
std::optional<std::string> NumberOf(const json::object& row, const std::string& column) {
  const auto* v = row.if_contains(column);
  if (v == nullptr || !v->is_int64()) return std::nullopt;
  return std::to_string(v->as_int64());
}

std::string ReplaceAll(std::string text, const std::map<std::string, std::string>& changed) {
  for (const auto& [from, to] : changed) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      text.replace(at, from.size(), to);
    }
  }
  return text;
}

// The import of one export: the maps from the source's ids to this instance's.
class Import {
 public:
  Import(Session& s, const ParsedExport& parsed, std::string user_id,
         const platform::crypto::SealedColumns& sealed, const platform::crypto::SecretBox& box)
      : s_(s), parsed_(parsed), user_id_(std::move(user_id)), sealed_(sealed), box_(box) {
    const auto& manifest = parsed.manifest;
    source_user_ = std::string(manifest.at("user").at("id").as_string());
    if (const auto* people = manifest.if_contains("people"); people && people->is_array()) {
      for (const auto& p : people->as_array()) {
        const auto& person = p.as_object();
        auto row = s_.QueryOne(kUserByName, std::string(person.at("username").as_string()));
        if (row) people_[std::string(person.at("id").as_string())] = row->Text("id");
      }
    }
    // People's ids also appear outside foreign keys (an audit event's actor, a feed item's
    // snapshot): every text takes the ids of this instance.
    changed_[source_user_] = user_id_;
    for (const auto& [from, to] : people_) changed_[from] = to;
  }

  ImportReport Run(const ImportProgress& progress) {
    auto catalogue = ReadCatalogue(s_);
    ReserveTakenIds(catalogue);
    std::int64_t total = static_cast<std::int64_t>(catalogue.size());
    std::int64_t done = 0;
    for (const auto& table : catalogue) {
      ++done;
      auto file = parsed_.tables.find(table.name);
      if (file == parsed_.tables.end()) continue;
      if (table.name == "users") {
        ApplyProfile(table, file->second);
      } else if (!DeniedTables().contains(table.name)) {
        ImportTable(table, file->second);
      }
      if (progress) progress(done, total);
    }
    return std::move(report_);
  }

 private:
  std::optional<std::string> MapUser(const std::string& id) const {
    if (id == source_user_) return user_id_;
    auto it = people_.find(id);
    if (it == people_.end()) return std::nullopt;
    return it->second;
  }

  // Ids another account holds here get new ones before any row is written: a reference to them
  // may sit in a table that comes earlier (a program's routine ids have no foreign key).
  void ReserveTakenIds(const std::vector<Table>& catalogue) {
    for (const auto& table : catalogue) {
      auto file = parsed_.tables.find(table.name);
      if (file == parsed_.tables.end() || DeniedTables().contains(table.name)) continue;
      auto user_columns = UserColumns(table);
      if (table.primary_key != std::vector<std::string>{"id"} || user_columns.empty()) continue;
      std::string owners;
      for (const auto& u : user_columns) owners += (owners.empty() ? "" : ", ") + Quote(u);
      OwnedStatement find{"portability.import.owner." + table.name,
                          "SELECT " + owners + " FROM " + Quote(table.name) + " WHERE id = $1"};
      for (const auto& r : file->second.at("rows").as_array()) {
        const auto* id = r.as_object().if_contains("id");
        if (id == nullptr || !id->is_string()) continue;
        std::array<Value, 1> params{std::string(id->as_string())};
        auto existing = s_.QueryParams(find.view(), params);
        if (existing.empty()) continue;
        bool ours = false;
        for (const auto& u : user_columns) {
          ours = ours || existing.front().OptText(u) == std::optional<std::string>(user_id_);
        }
        if (!ours) changed_[std::string(id->as_string())] = platform::NewId();
      }
    }
  }

  // The profile and preferences; never the identity (username, email, password, role).
  void ApplyProfile(const Table& table, const json::object& file) {
    const auto& rows = file.at("rows").as_array();
    if (rows.empty()) return;
    const auto& row = rows[0].as_object();
    std::string sets;
    std::vector<Value> params;
    std::string names;
    for (const auto& c : table.columns) {
      if (!IsProfileColumn(c.name) || !row.contains(c.name)) continue;
      params.push_back(ToStore(row.at(c.name), c.kind));
      sets += (sets.empty() ? "" : ", ") + Quote(c.name) + " = $" + std::to_string(params.size());
      names += "." + c.name;
    }
    if (params.empty()) return;
    params.emplace_back(user_id_);
    OwnedStatement update{
        "portability.import.profile" + names,
        "UPDATE users SET " + sets + " WHERE id = $" + std::to_string(params.size())};
    report_.profile_applied = Guarded([&] { s_.ExecuteParams(update.view(), params); });
  }

  // Runs `write` so that a constraint it breaks leaves the transaction usable; false then.
  template <class F>
  bool Guarded(F&& write) {
    s_.Execute(kSavepoint);
    try {
      write();
    } catch (const platform::store::ConstraintViolation&) {
      s_.Execute(kRollbackTo);
      s_.Execute(kRelease);
      return false;
    }
    s_.Execute(kRelease);
    return true;
  }

  bool ParentExists(const std::string& parent, const std::string& column, const std::string& v) {
    OwnedStatement q{
        "portability.import.exists." + parent + "." + column,
        "SELECT 1 AS one FROM " + Quote(parent) + " WHERE " + Quote(column) + " = $1 LIMIT 1"};
    std::array<Value, 1> params{v};
    return !s_.QueryParams(q.view(), params).empty();
  }

  void Skip(const std::string& reason) { ++report_.skipped[reason]; }

  void ImportTable(const Table& table, const json::object& file) {
    auto user_columns = UserColumns(table);
    auto is_user = [&](const std::string& c) {
      return std::find(user_columns.begin(), user_columns.end(), c) != user_columns.end();
    };
    std::set<std::string> sealed;
    for (const auto& c : sealed_.all()) {
      if (c.table == table.name) sealed.insert(c.column);
    }
    // The columns both sides have; a column the source lacks takes its default here.
    std::vector<const Column*> columns;
    const auto& file_columns = file.at("columns").as_object();
    for (const auto& c : table.columns) {
      if (file_columns.contains(c.name)) columns.push_back(&c);
    }
    if (columns.empty()) return;
    bool own_id = table.InPrimaryKey("id") && !is_user("id");
    bool id_only_key = own_id && table.primary_key.size() == 1;
    bool has_rev = table.Find("rev") != nullptr && !user_columns.empty();
    std::string column_list, placeholders, updates, key_list;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      column_list += (i ? ", " : "") + Quote(columns[i]->name);
      placeholders += (i ? ", $" : "$") + std::to_string(i + 1);
      if (!columns[i]->primary_key) {
        updates += (updates.empty() ? "" : ", ") + Quote(columns[i]->name) + " = excluded." +
                   Quote(columns[i]->name);
      }
    }
    for (std::size_t i = 0; i < table.primary_key.size(); ++i) {
      key_list += (i ? ", " : "") + Quote(table.primary_key[i]);
    }
    OwnedStatement insert{
        "portability.import.insert." + table.name,
        "INSERT INTO " + Quote(table.name) + " (" + column_list + ") VALUES (" + placeholders +
            ") ON CONFLICT (" + key_list + ") DO " +
            (updates.empty() || own_id ? std::string("NOTHING") : "UPDATE SET " + updates)};
    std::string key_where;
    for (std::size_t i = 0; i < table.primary_key.size(); ++i) {
      key_where +=
          (i ? " AND " : "") + Quote(table.primary_key[i]) + " = $" + std::to_string(i + 1);
    }
    std::string owner_select = "1 AS one";
    for (const auto& u : user_columns) owner_select += ", " + Quote(u);
    OwnedStatement find{
        "portability.import.find." + table.name,
        "SELECT " + owner_select + " FROM " + Quote(table.name) + " WHERE " + key_where};
    for (const auto& r : file.at("rows").as_array()) {
      const auto& row = r.as_object();
      std::map<std::string, std::string> text;  // mapped text values of user and key columns
      std::optional<std::string> reason;
      for (const auto* c : columns) {
        const auto& v = row.contains(c->name) ? row.at(c->name) : json::value(nullptr);
        // Ids and references are text; a blob's base64url is bound as its bytes below.
        if (!v.is_string() || c->kind != ColumnKind::kText) continue;
        std::string value(v.as_string());
        if (is_user(c->name)) {
          auto mapped = MapUser(value);
          if (!mapped) reason = "absent_user";
          value = mapped.value_or(value);
        }
        text[c->name] = value;
      }
      // References to other rows: to a row of this import, or to one this instance has.
      bool parent_present = false;
      for (const auto& fk : table.foreign_keys) {
        if (reason || fk.parent == "users") continue;
        std::vector<std::string> tuple;
        bool complete = true;
        for (std::size_t i = 0; i < fk.columns.size(); ++i) {
          auto t = text.find(fk.columns[i]);
          if (t == text.end()) {
            // A number in the key (a block's position) identifies the parent as it is.
            auto number = NumberOf(row, fk.columns[i]);
            if (number) {
              tuple.push_back(*number);
            } else {
              complete = false;
            }
            continue;
          }
          if (is_user(fk.columns[i])) {
            tuple.push_back(t->second);
            continue;
          }
          auto& ids = ids_[fk.parent];
          if (auto m = ids.find(t->second); m != ids.end()) {
            t->second = m->second;
          } else if (!ParentExists(fk.parent, fk.parent_columns[i], t->second)) {
            reason = "absent_item";
          }
          tuple.push_back(t->second);
        }
        if (complete && present_[fk.parent].contains(Join(tuple))) parent_present = true;
      }
      if (reason) {
        Skip(*reason);
        continue;
      }
      std::vector<std::string> key;
      std::vector<Value> key_params;  // the same, bound as the columns' kinds
      for (const auto& k : table.primary_key) {
        auto t = text.find(k);
        key.push_back(t != text.end() ? t->second : NumberOf(row, k).value_or(""));
        const Column* column = table.Find(k);
        if (t != text.end() || column == nullptr || !row.contains(k)) {
          key_params.emplace_back(key.back());
        } else {
          key_params.push_back(ToStore(row.at(k), column->kind));
        }
      }
      std::string old_id = own_id ? text["id"] : "";
      if (parent_present && !own_id) {
        present_[table.name].insert(Join(key));
        Skip("already_present");
        continue;
      }
      bool exists = false;
      if (!own_id) exists = !s_.QueryParams(find.view(), key_params).empty();
      if (own_id) {
        auto existing = s_.QueryParams(find.view(), key_params);
        if (!existing.empty()) {
          bool ours = parent_present;
          for (const auto& u : user_columns) {
            ours = ours || existing.front().OptText(u) == std::optional<std::string>(user_id_);
          }
          if (ours || !id_only_key) {
            ids_[table.name][old_id] = old_id;
            present_[table.name].insert(Join(key));
            Skip("already_present");
            continue;
          }
          // Taken by someone else on this instance: a new id, and every reference follows.
          auto reserved = changed_.find(old_id);
          std::string fresh = reserved != changed_.end() ? reserved->second : platform::NewId();
          ids_[table.name][old_id] = fresh;
          changed_[old_id] = fresh;
          text["id"] = fresh;
        } else {
          ids_[table.name][old_id] = old_id;
        }
      }
      std::vector<Value> params;
      for (const auto* c : columns) {
        const auto& v = row.contains(c->name) ? row.at(c->name) : json::value(nullptr);
        if (c->name == "rev" && has_rev) {
          params.emplace_back(platform::store::NextRevision(s_, user_id_));
        } else if (sealed.contains(c->name) && v.is_string()) {
          // Opened in the archive: sealed again with this instance's key, in the column's kind.
          std::string sealed_value = box_.Seal(v.as_string());
          if (c->kind == ColumnKind::kBlob) {
            params.emplace_back(platform::store::Blob{std::move(sealed_value)});
          } else {
            params.emplace_back(std::move(sealed_value));
          }
        } else if (auto t = text.find(c->name); t != text.end()) {
          std::string value = t->second;
          if (!(own_id && c->name == "id")) value = ReplaceAll(value, changed_);
          params.emplace_back(std::move(value));
        } else {
          params.push_back(ToStore(v, c->kind));
        }
      }
      bool ok = Guarded([&] { s_.ExecuteParams(insert.view(), params); });
      if (ok) {
        ++(exists ? report_.updated : report_.inserted)[table.name];
      } else {
        if (own_id) ids_[table.name].erase(old_id);
        Skip("conflict");
      }
    }
  }

  Session& s_;
  const ParsedExport& parsed_;
  std::string user_id_;
  const platform::crypto::SealedColumns& sealed_;
  const platform::crypto::SecretBox& box_;
  std::string source_user_;
  std::map<std::string, std::string> people_;                      // source user id -> here
  std::map<std::string, std::map<std::string, std::string>> ids_;  // table -> old id -> id here
  std::map<std::string, std::string> changed_;                     // ids that had to change
  std::map<std::string, std::set<std::string>> present_;           // table -> keys already here
  ImportReport report_;
};

}  // namespace

ParsedExport ParseExport(std::string_view zip_bytes) {
  std::map<std::string, std::string> files;
  try {
    files = ReadZip(zip_bytes, kMaxUnpackedBytes);
  } catch (const std::invalid_argument&) {
    throw Error(ErrorKind::kValidation, Msg("export_not_zip"));
  }
  ParsedExport parsed;
  auto manifest_file = files.find("manifest.json");
  if (manifest_file == files.end()) throw NotVigor();
  try {
    auto manifest = json::parse(manifest_file->second);
    if (!manifest.is_object()) throw NotVigor();
    parsed.manifest = std::move(manifest.as_object());
    const auto& m = parsed.manifest;
    if (!m.contains("format") || m.at("format") != json::value(kFormatName)) throw NotVigor();
    if (!m.contains("version") || !m.at("version").is_int64()) throw NotVigor();
    if (m.at("version").as_int64() != kFormatVersion) {
      throw Error(ErrorKind::kValidation,
                  Msg("export_version_unsupported", {{"version", m.at("version").as_int64()}}));
    }
    if (!m.at("user").at("id").is_string()) throw NotVigor();
    for (const auto& [path, sum] : m.at("files").as_object()) {
      auto file = files.find(std::string(path));
      if (file == files.end() || platform::crypto::Sha256Hex(file->second) != sum.as_string()) {
        throw Error(ErrorKind::kValidation, Msg("export_damaged", {{"file", std::string(path)}}));
      }
      if (path.starts_with("data/") && path.ends_with(".json")) {
        auto data = json::parse(file->second);
        auto& table = data.as_object();
        if (!table.at("columns").is_object() || !table.at("rows").is_array()) throw NotVigor();
        for (const auto& row : table.at("rows").as_array()) {
          if (!row.is_object()) throw NotVigor();
        }
        if (table.at("table") == json::value(kOriginalsTable)) {
          // Each row names its file (exporter.hpp): the row takes the bytes as the generic import
          // reads a blob. A file the manifest does not vouch for is not taken.
          for (auto& row : table.at("rows").as_array()) {
            auto& content = row.as_object()[kOriginalsContent];
            if (content.is_null()) continue;
            std::string original_path(content.as_string());
            auto original = files.find(original_path);
            if (!m.at("files").as_object().contains(original_path) || original == files.end()) {
              throw Error(ErrorKind::kValidation, Msg("export_damaged", {{"file", original_path}}));
            }
            content = json::string(platform::crypto::Base64UrlEncode(original->second));
          }
        }
        parsed.tables[std::string(table.at("table").as_string())] = std::move(table);
      }
    }
  } catch (const Error&) {
    throw;
  } catch (const std::exception&) {
    // Malformed JSON or a field of the wrong type (boost's at() and as_*() throw).
    throw NotVigor();
  }
  return parsed;
}

json::object EncodeReport(const ImportReport& report) {
  json::object inserted, skipped;
  for (const auto& [table, n] : report.inserted) inserted[table] = n;
  for (const auto& [reason, n] : report.skipped) skipped[reason] = n;
  json::object updated;
  for (const auto& [table, n] : report.updated) updated[table] = n;
  return {{"inserted", std::move(inserted)},
          {"updated", std::move(updated)},
          {"skipped", std::move(skipped)},
          {"profile_applied", report.profile_applied}};
}

ImportReport ImportRows(Session& s, const ParsedExport& parsed, const std::string& user_id,
                        const platform::crypto::SealedColumns& sealed,
                        const platform::crypto::SecretBox& box, const ImportProgress& progress) {
  return Import(s, parsed, user_id, sealed, box).Run(progress);
}

}  // namespace vigor::features::portability
