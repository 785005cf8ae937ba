#include "platform/crypto/key_rotation.hpp"

#include <stdexcept>
#include <thread>

#include "platform/crypto/secret_box.hpp"
#include "platform/id.hpp"
#include "platform/store/database.hpp"
#include "platform/time.hpp"

namespace vigor::platform::crypto {

namespace {

using store::Row;
using store::Session;
using store::Statement;
using store::Value;

const Statement kInsertRotation{
    "key_rotation_insert",
    "INSERT INTO key_rotations (id, target_key_id, started_at, heartbeat_at, resealed, "
    "unreadable) VALUES ($1, $2, $3, $3, 0, 0)"};
const Statement kHeartbeat{"key_rotation_heartbeat",
                           "UPDATE key_rotations SET heartbeat_at = $2, resealed = $3, "
                           "unreadable = $4 WHERE id = $1"};
const Statement kFinish{"key_rotation_finish",
                        "UPDATE key_rotations SET heartbeat_at = $2, finished_at = $2, "
                        "resealed = $3, unreadable = $4 WHERE id = $1"};
const Statement kLastRotation{
    "key_rotation_last",
    "SELECT id, target_key_id, started_at, heartbeat_at, finished_at, resealed, unreadable "
    "FROM key_rotations ORDER BY started_at DESC, id DESC LIMIT 1"};

KeyRotationRecord RecordOf(const Row& r) {
  return {.id = r.Text("id"),
          .target_key_id = r.Text("target_key_id"),
          .started_at = r.Text("started_at"),
          .heartbeat_at = r.Text("heartbeat_at"),
          .finished_at = r.OptText("finished_at"),
          .resealed = r.Int("resealed"),
          .unreadable = r.Int("unreadable")};
}

bool Running(const KeyRotationRecord& r) {
  return !r.finished_at &&
         r.heartbeat_at > Rfc3339FromNow(-std::chrono::seconds(KeyRotation::kStaleAfter));
}

// Table and column names come from the features' registrations, never from input; checked all
// the same, since they are pasted into SQL.
const std::string& Identifier(const std::string& name) {
  if (name.empty()) throw std::logic_error("sealed column: empty name");
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      throw std::logic_error("sealed column: bad name " + name);
    }
  }
  return name;
}

// The SQL walking one sealed column (values not sealed yet, such as measurement notes written
// before they were sealed, are not its business: their owner seals them). Prefixes are bound
// as parameters of the column's own type, so one text serves TEXT and BLOB / BYTEA columns on
// both databases ($1 the target key's prefix, $2 "v1.", $3 "v2.", $4 the batch size, $5.. the
// previous batch's last row key).
struct ColumnSql {
  std::string count_all;
  std::string count_prefixed;  // values starting with $1
  std::string first_batch;     // sealed values not under the target key, by row key
  std::string next_batch;      // the same after the row key $5..
  std::string swap;            // SET column = $1 WHERE keys = $2.. AND column = $n
  std::string name;

  explicit ColumnSql(const SealedColumn& c) {
    const std::string& table = Identifier(c.table);
    const std::string& column = Identifier(c.column);
    name = table + "." + column;
    std::string keys;
    std::string key_params;
    std::string key_match;
    int n = 0;
    for (const auto& key : c.key_columns) {
      if (!keys.empty()) {
        keys += ", ";
        key_params += ", ";
        key_match += " AND ";
      }
      keys += Identifier(key);
      key_params += "$" + std::to_string(5 + n);
      key_match += key + " = $" + std::to_string(2 + n);
      ++n;
    }
    count_all = "SELECT COUNT(*) AS n FROM " + table + " WHERE " + column + " IS NOT NULL";
    count_prefixed =
        "SELECT COUNT(*) AS n FROM " + table + " WHERE substr(" + column + ", 1, length($1)) = $1";
    std::string select = "SELECT " + keys + ", " + column + " AS sealed FROM " + table +
                         " WHERE substr(" + column + ", 1, 3) IN ($2, $3) AND substr(" + column +
                         ", 1, length($1)) <> $1";
    first_batch = select + " ORDER BY " + keys + " LIMIT $4";
    next_batch =
        select + " AND (" + keys + ") > (" + key_params + ") ORDER BY " + keys + " LIMIT $4";
    swap = "UPDATE " + table + " SET " + column + " = $1 WHERE " + key_match + " AND " + column +
           " = $" + std::to_string(2 + n);
  }
};

// A sealed value or prefix as the column stores it.
Value AsStored(const SealedColumn& column, std::string text) {
  if (column.binary) return store::Blob{std::move(text)};
  return text;
}

// A row key's value as stored, to bind back: text ids, or an integer id (mail_outbox). Rows are
// read by type, and the registrations do not say the type.
Value KeyValue(const Row& row, std::size_t i) {
  if (row.IsNull(i)) return nullptr;
  try {
    return row.Text(i);
  } catch (const std::logic_error&) {
    return row.Int(i);
  }
}

std::int64_t Count(Session& s, const std::string& sql, std::vector<Value> params) {
  auto rows = s.QueryParams(Statement{"key_status_count", sql}, params);
  return rows.empty() ? 0 : rows.front().Int("n");
}

}  // namespace

KeyRotation::KeyRotation(store::Database& database, const SecretBox& box,
                         const SealedColumns& columns)
    : database_(database), box_(box), columns_(columns) {}

KeyStatus KeyRotation::Status() const {
  KeyStatus status;
  status.ring = box_.KeyIds();
  database_.Read([&](Session& s) {
    for (const auto& column : columns_.all()) {
      ColumnSql sql(column);
      SealedColumnCount count{.column = column};
      count.total = Count(s, sql.count_all, {});
      std::int64_t known = 0;
      auto add = [&](const std::string& id, const std::string& prefix) {
        std::int64_t n = Count(s, sql.count_prefixed, {AsStored(column, prefix)});
        count.by_key.emplace_back(id, n);
        known += n;
      };
      for (const auto& id : status.ring) add(id, "v2." + id + ".");
      add("v1", "v1.");
      count.by_key.emplace_back("other", count.total - known);
      status.columns.push_back(std::move(count));
    }
    if (auto row = s.QueryOne(kLastRotation)) status.last_rotation = RecordOf(*row);
  });
  status.rotation_running = status.last_rotation && Running(*status.last_rotation);
  return status;
}

KeyRotationRecord KeyRotation::Run(int batch_rows, std::chrono::milliseconds settle,
                                   const std::function<void(const RotationProgress&)>& report) {
  std::string target = box_.CurrentKeyId();
  std::string prefix = "v2." + target + ".";
  KeyRotationRecord record{.id = NewId(), .target_key_id = target, .started_at = NowRfc3339()};
  record.heartbeat_at = record.started_at;
  database_.Write([&](Session& s) {
    if (auto row = s.QueryOne(kLastRotation)) {
      auto last = RecordOf(*row);
      if (Running(last)) {
        throw std::runtime_error("another rotation (to key " + last.target_key_id + ", started " +
                                 last.started_at +
                                 ") is running; wait for it, or for its heartbeat to be " +
                                 std::to_string(kStaleAfter.count()) + " s old");
      }
    }
    s.Execute(kInsertRotation, record.id, target, record.started_at);
  });
  const auto started = std::chrono::steady_clock::now();
  std::vector<ColumnSql> sql;
  for (const auto& column : columns_.all()) sql.emplace_back(column);

  RotationProgress progress;
  while (true) {
    ++progress.pass;
    progress.unreadable = 0;
    const auto pass_started = std::chrono::steady_clock::now();
    std::int64_t found = 0;  // values not under the target key, readable ones
    for (std::size_t c = 0; c < sql.size(); ++c) {
      const auto& column = columns_.all()[c];
      const std::size_t keys = column.key_columns.size();
      progress.column = sql[c].name;
      std::optional<std::vector<Value>> after;  // the last row key of the previous batch
      while (true) {
        // Filled by the transaction and applied once it committed: Write may run it again.
        std::size_t batch_size = 0;
        std::optional<std::vector<Value>> last_key;
        std::int64_t resealed = 0;
        std::int64_t unreadable = 0;
        std::int64_t seen = 0;
        database_.Write([&](Session& s) {
          resealed = unreadable = seen = 0;
          last_key.reset();
          std::vector<Value> params{AsStored(column, prefix), AsStored(column, "v1."),
                                    AsStored(column, "v2."), std::int64_t{batch_rows}};
          if (after) params.insert(params.end(), after->begin(), after->end());
          auto rows = s.QueryParams(
              Statement{"key_rotation_batch", after ? sql[c].next_batch : sql[c].first_batch},
              params);
          batch_size = rows.size();
          for (const auto& row : rows) {
            std::vector<Value> key;
            for (std::size_t k = 0; k < keys; ++k) key.push_back(KeyValue(row, k));
            last_key = key;
            const std::string& old_value = row.Text("sealed");
            auto plain = box_.Open(old_value);
            if (!plain) {
              ++unreadable;  // under a key the ring lacks, or damaged: left as it is
              continue;
            }
            ++seen;
            std::vector<Value> swap{AsStored(column, box_.Seal(*plain))};
            swap.insert(swap.end(), key.begin(), key.end());
            swap.push_back(AsStored(column, old_value));
            // 0 when a server changed the value since it was read: the next pass sees it again.
            resealed += s.ExecuteParams(Statement{"key_rotation_swap", sql[c].swap}, swap);
          }
          record.heartbeat_at = NowRfc3339();
          s.Execute(kHeartbeat, record.id, record.heartbeat_at, record.resealed + resealed,
                    record.unreadable);
        });
        if (last_key) after = std::move(last_key);
        record.resealed += resealed;
        found += seen;
        progress.unreadable += unreadable;
        progress.resealed = record.resealed;
        if (report) report(progress);
        if (batch_size < static_cast<std::size_t>(batch_rows)) break;
      }
    }
    if (found == 0 && pass_started - started >= settle) break;
    if (found == 0) std::this_thread::sleep_until(started + settle);
  }
  record.unreadable = progress.unreadable;
  record.finished_at = NowRfc3339();
  record.heartbeat_at = *record.finished_at;
  database_.Write([&](Session& s) {
    s.Execute(kFinish, record.id, *record.finished_at, record.resealed, record.unreadable);
  });
  return record;
}

}  // namespace vigor::platform::crypto
