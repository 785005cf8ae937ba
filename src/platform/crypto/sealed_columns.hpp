#pragma once

#include <string>
#include <utility>
#include <vector>

namespace vigor::platform::crypto {

// Where values sealed with the instance keys (SecretBox) are stored: each feature that seals a
// column names it here while it installs. Key rotation re-seals every value of these columns;
// the account export opens them (a privacy zone's centre leaves as coordinates) and the import
// seals them again under the target instance's key. A sealed column not named here would be
// left under a retired key, so the key-rotation test fails on any "v1."/"v2." value outside them.
struct SealedColumn {
  std::string table;
  std::vector<std::string> key_columns;  // identify one row: "id", or "user_id" and "id"
  std::string column;
  std::string what;     // one line for `vigor keys status` and the docs
  bool binary = false;  // stored as BLOB / BYTEA (bound as store::Blob), not TEXT
};

class SealedColumns {
 public:
  void Add(SealedColumn column) { columns_.push_back(std::move(column)); }
  const std::vector<SealedColumn>& all() const { return columns_; }

 private:
  std::vector<SealedColumn> columns_;
};

}  // namespace vigor::platform::crypto
