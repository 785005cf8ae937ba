#pragma once

#include <cstdint>
#include <functional>

#include "platform/store/database.hpp"

namespace vigor::testing {

// Forwards to a database and counts the statements its callers run (query-count tests against
// N+1: a service built over it costs the same for a page of 10 or of 50).
class CountingDatabase final : public platform::store::Database {
 public:
  explicit CountingDatabase(platform::store::Database& inner) : inner_(inner) {}
  std::string_view dialect() const override { return inner_.dialect(); }
  void Read(const std::function<void(platform::store::Session&)>& work) override {
    inner_.Read([&](platform::store::Session& s) { Counted(s, work); });
  }
  void Write(const std::function<void(platform::store::Session&)>& work) override {
    inner_.Write([&](platform::store::Session& s) { Counted(s, work); });
  }
  int SchemaVersion() override { return inner_.SchemaVersion(); }
  platform::store::PoolStats Stats() const override { return inner_.Stats(); }

  std::uint64_t statements = 0;

 private:
  void Counted(platform::store::Session& s,
               const std::function<void(platform::store::Session&)>& work) {
    auto before = s.statement_count();
    work(s);
    statements += s.statement_count() - before;
  }
  platform::store::Database& inner_;
};

}  // namespace vigor::testing
