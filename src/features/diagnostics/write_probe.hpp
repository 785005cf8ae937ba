#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::diagnostics {

struct WriteProbe {
  std::string key;
  std::string value;
  std::string updated_at;
};

class WriteProbeRepository {
 public:
  WriteProbe Upsert(platform::store::Session& session, const std::string& key,
                    const std::string& value, const std::string& now);
  std::optional<WriteProbe> Find(platform::store::Session& session, const std::string& key);
};

// Stores small key/value writes durably so operators (and the crash test) can check that every
// acknowledged write survives a crash. Not user data: no owner, off unless enabled.
class WriteProbeService {
 public:
  explicit WriteProbeService(platform::store::Database& database) : database_(database) {}

  // Validates, waits `hold` (to exercise graceful shutdown), writes; returns once durable.
  WriteProbe Put(const std::string& key, const std::string& value, std::chrono::milliseconds hold);
  // Throws kNotFound when absent.
  WriteProbe Get(const std::string& key);

 private:
  platform::store::Database& database_;
  WriteProbeRepository repository_;
};

}  // namespace vigor::features::diagnostics
