#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "platform/store/database.hpp"

namespace vigor::platform::store {

// The tables a statement names after FROM, JOIN, INTO or UPDATE (lower case, schema dropped), in
// order, each once. Generous on purpose: a name too many costs a needless invalidation, a name
// missed would keep a stale copy.
std::vector<std::string> TablesNamedIn(std::string_view sql);

// A Database that knows which tables an in-memory copy depends on and says when a committed
// write changed one of them. Copies of what the database holds (the credential cache) record
// the reads they are made of (Recording): every table those reads name becomes watched. After
// each Write that committed a statement naming a watched table, the listeners are called, before
// Write returns to its caller, so the writer's next request already misses the copy. The watched
// set only grows, and growing it calls the listeners too (a copy made while the set was
// incomplete is dropped).
//
// In one process this is complete: every write goes through here. Other processes on the same
// PostgreSQL (more instances, `vigor user ...` on the command line) hear of it too: a write that
// changes a watched table also sends `NOTIFY vigor_tables, '<table>'` inside its transaction
// (delivered at commit, never for a rollback), and each instance's listener
// (store/pg_listener.hpp, wired in app/build_app.cpp) hands it to ChangedElsewhere. After that
// listener lost its connection, ChangedEverywhere drops every copy (notifications were missed).
// A table is broadcast once the writing process watches it; the instances run the same code, so
// they watch the same tables, and copies keep a short lifetime (--credential-cache-seconds) for
// the rest. On SQLite (one process) nothing is sent.
class TableWatch final : public Database {
 public:
  explicit TableWatch(std::unique_ptr<Database> inner) : inner_(std::move(inner)) {}

  std::string_view dialect() const override { return inner_->dialect(); }
  void Read(const std::function<void(Session&)>& work) override;
  // Forwarded, or the backend's replica would never be used. Not recorded: in-memory copies are
  // made from Read (a copy must not come from a replica's snapshot).
  void ReadOnReplica(const std::function<void(Session&)>& work) override {
    inner_->ReadOnReplica(work);
  }
  void Write(const std::function<void(Session&)>& work) override;
  int SchemaVersion() override { return inner_->SchemaVersion(); }
  PoolStats Stats() const override { return inner_->Stats(); }

  // Installation only: called with the watched tables a committed write changed (or that just
  // became watched), on the writing thread. Must not call Write.
  using Listener = std::function<void(const std::vector<std::string>& tables)>;
  void OnChange(Listener listener) { listeners_.push_back(std::move(listener)); }

  // While alive, the reads this thread makes through Read add the tables they name to the
  // watched set.
  class Recording {
   public:
    explicit Recording(TableWatch& watch);
    ~Recording();
    Recording(const Recording&) = delete;
    Recording& operator=(const Recording&) = delete;

   private:
    TableWatch* previous_;
  };

  bool Watched(const std::string& table) const;

  // Another instance committed a write to `tables`: the listeners hear of those (they become
  // watched here too, so this instance broadcasts them from now on).
  void ChangedElsewhere(const std::vector<std::string>& tables);
  // Every watched table may have changed (notifications were missed).
  void ChangedEverywhere();

  // The channel of the table broadcasts.
  static constexpr std::string_view kChannel = "vigor_tables";

 private:
  void Notify(const std::vector<std::string>& tables) const;
  void AddWatched(const std::vector<std::string>& tables);

  std::unique_ptr<Database> inner_;
  std::vector<Listener> listeners_;
  mutable std::mutex mutex_;
  std::set<std::string, std::less<>> watched_;
};

}  // namespace vigor::platform::store
