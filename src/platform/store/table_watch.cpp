#include "platform/store/table_watch.hpp"

#include <algorithm>
#include <cctype>

namespace vigor::platform::store {

namespace {

// Tells the other instances, delivered when the transaction commits. PostgreSQL folds repeats of
// one table in a transaction into one notification.
constexpr Statement kNotifyTable{"table_watch.notify",
                                 "SELECT pg_notify('vigor_tables', $1) AS sent"};

// The TableWatch whose Recording is alive on this thread.
thread_local TableWatch* recording = nullptr;

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '"';
}

bool StartsWithWord(std::string_view sql, std::size_t at, std::string_view word) {
  if (at + word.size() > sql.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(sql[at + i])) != word[i]) return false;
  }
  return at + word.size() == sql.size() || !IsWordChar(sql[at + word.size()]);
}

// Whether a statement may change rows: anything but a plain query.
bool MayWrite(std::string_view sql) {
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (i > 0 && IsWordChar(sql[i - 1])) continue;
    if (StartsWithWord(sql, i, "insert") || StartsWithWord(sql, i, "update") ||
        StartsWithWord(sql, i, "delete") || StartsWithWord(sql, i, "replace")) {
      return true;
    }
  }
  return false;
}

// Passes statements through, keeping the names of the tables they name.
class NamingSession final : public Session {
 public:
  NamingSession(Session& inner, bool writes_only) : inner_(inner), writes_only_(writes_only) {}

  std::vector<Row> QueryParams(const Statement& statement, std::span<const Value> params) override {
    Note(statement);
    return inner_.QueryParams(statement, params);
  }
  std::int64_t ExecuteParams(const Statement& statement, std::span<const Value> params) override {
    Note(statement);
    return inner_.ExecuteParams(statement, params);
  }
  std::uint64_t statement_count() const override { return inner_.statement_count(); }

  std::vector<std::string> tables;

 private:
  void Note(const Statement& statement) {
    // The text of both dialects: they name the same tables, and either is enough.
    std::string_view sql = statement.sql;
    if (writes_only_ && !MayWrite(sql)) return;
    for (auto& table : TablesNamedIn(sql)) {
      if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
        tables.push_back(std::move(table));
      }
    }
  }

  Session& inner_;
  bool writes_only_;
};

}  // namespace

std::vector<std::string> TablesNamedIn(std::string_view sql) {
  std::vector<std::string> tables;
  constexpr std::string_view kKeywords[] = {"from", "join", "into", "update"};
  for (std::size_t i = 0; i < sql.size(); ++i) {
    if (i > 0 && IsWordChar(sql[i - 1])) continue;
    for (auto keyword : kKeywords) {
      if (!StartsWithWord(sql, i, keyword)) continue;
      std::size_t at = i + keyword.size();
      while (at < sql.size() && std::isspace(static_cast<unsigned char>(sql[at])) != 0) ++at;
      std::size_t end = at;
      while (end < sql.size() && IsWordChar(sql[end])) ++end;
      std::string name;
      for (char c : sql.substr(at, end - at)) {
        if (c != '"') name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      if (auto dot = name.rfind('.'); dot != std::string::npos) name.erase(0, dot + 1);
      // "DELETE FROM (SELECT ...)", "UPDATE OR ...": no table here, or one named later.
      if (!name.empty() && name != "select" && name != "or" && name != "only" &&
          std::find(tables.begin(), tables.end(), name) == tables.end()) {
        tables.push_back(std::move(name));
      }
      break;
    }
  }
  return tables;
}

TableWatch::Recording::Recording(TableWatch& watch) : previous_(recording) { recording = &watch; }
TableWatch::Recording::~Recording() { recording = previous_; }

void TableWatch::Read(const std::function<void(Session&)>& work) {
  if (recording != this) {
    inner_->Read(work);
    return;
  }
  std::vector<std::string> tables;
  inner_->Read([&](Session& s) {
    NamingSession naming(s, false);
    work(naming);
    tables = std::move(naming.tables);
  });
  AddWatched(tables);
}

void TableWatch::Write(const std::function<void(Session&)>& work) {
  // Every write names its tables, even while nothing is watched yet: a write in flight when a
  // table becomes watched must still say so once it commits.
  std::vector<std::string> tables;
  bool broadcast = inner_->dialect() == "postgresql";
  inner_->Write([&](Session& s) {
    NamingSession naming(s, true);
    work(naming);
    tables = std::move(naming.tables);  // the last attempt's, when the backend retries
    if (!broadcast) return;
    for (const auto& table : tables) {
      if (Watched(table)) s.Query(kNotifyTable, table);
    }
  });
  // Committed: the watched set is read after the commit, so a copy whose reads began before the
  // commit is invalidated whenever its tables were watched by now.
  std::vector<std::string> changed;
  {
    std::lock_guard lock(mutex_);
    for (auto& table : tables) {
      if (watched_.contains(table)) changed.push_back(std::move(table));
    }
  }
  if (!changed.empty()) Notify(changed);
}

bool TableWatch::Watched(const std::string& table) const {
  std::lock_guard lock(mutex_);
  return watched_.contains(table);
}

void TableWatch::ChangedElsewhere(const std::vector<std::string>& tables) {
  {
    std::lock_guard lock(mutex_);
    for (const auto& table : tables) watched_.insert(table);
  }
  Notify(tables);
}

void TableWatch::ChangedEverywhere() {
  std::vector<std::string> all;
  {
    std::lock_guard lock(mutex_);
    all.assign(watched_.begin(), watched_.end());
  }
  if (!all.empty()) Notify(all);
}

void TableWatch::AddWatched(const std::vector<std::string>& tables) {
  std::vector<std::string> added;
  {
    std::lock_guard lock(mutex_);
    for (const auto& table : tables) {
      if (watched_.insert(table).second) added.push_back(table);
    }
  }
  if (!added.empty()) Notify(added);
}

void TableWatch::Notify(const std::vector<std::string>& tables) const {
  for (const auto& listener : listeners_) listener(tables);
}

}  // namespace vigor::platform::store
