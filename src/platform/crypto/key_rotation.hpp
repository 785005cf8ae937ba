#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "platform/crypto/sealed_columns.hpp"

namespace vigor::platform::store {
class Database;
}

namespace vigor::platform::crypto {

class SecretBox;

// How many values of one sealed column each key sealed. "v1" counts values in the format before
// keyrings; "other" those naming a key the ring does not hold, or not sealed (yet).
struct SealedColumnCount {
  SealedColumn column;
  std::vector<std::pair<std::string, std::int64_t>> by_key;  // ring order, then "v1", "other"
  std::int64_t total = 0;
};

// One `vigor keys rotate`, as recorded in key_rotations (any instance's `vigor keys status` reads
// it). A rotation whose heartbeat is older than kStaleAfter was interrupted.
struct KeyRotationRecord {
  std::string id;
  std::string target_key_id;
  std::string started_at;
  std::string heartbeat_at;
  std::optional<std::string> finished_at;
  std::int64_t resealed = 0;
  std::int64_t unreadable = 0;
};

struct KeyStatus {
  std::vector<std::string> ring;  // oldest first; the last one seals
  std::vector<SealedColumnCount> columns;
  std::optional<KeyRotationRecord> last_rotation;
  bool rotation_running = false;  // unfinished, with a recent heartbeat
};

struct RotationProgress {
  int pass = 0;
  std::int64_t resealed = 0;    // in this rotation so far
  std::int64_t unreadable = 0;  // seen in the current pass: left as they are
  std::string column;           // "table.column" being walked
};

// Re-seals every value of the sealed columns that is not under the ring's newest key, while the
// servers keep running: bounded batches, each its own short transaction, and each value replaced
// only if it is still the one read (UPDATE ... WHERE <key> = ? AND <column> = <value read>), so a
// concurrent write is never overwritten. Passes repeat until one finds nothing left to re-seal
// and started at least `settle` after the rotation (servers re-read the key file within a
// second, so a value a server sealed under the old key meanwhile is caught by a later pass).
class KeyRotation {
 public:
  static constexpr std::chrono::seconds kStaleAfter{60};

  KeyRotation(store::Database& database, const SecretBox& box, const SealedColumns& columns);

  KeyStatus Status() const;
  // Throws std::runtime_error when another rotation is running (its heartbeat is recent).
  KeyRotationRecord Run(int batch_rows, std::chrono::milliseconds settle,
                        const std::function<void(const RotationProgress&)>& report);

 private:
  store::Database& database_;
  const SecretBox& box_;
  const SealedColumns& columns_;
};

}  // namespace vigor::platform::crypto
