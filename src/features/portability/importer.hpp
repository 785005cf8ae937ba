#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "platform/store/database.hpp"

namespace vigor::platform::crypto {
class SecretBox;
class SealedColumns;
}  // namespace vigor::platform::crypto

// Importing an account export (docs/export-format.md) for the signed-in user: into another
// instance, or into the same one after the account was deleted.
namespace vigor::features::portability {

// An export checked and unpacked: its manifest and its tables' files by table name.
struct ParsedExport {
  boost::json::object manifest;
  std::map<std::string, boost::json::object> tables;
};

// Checks the archive before anything is written: a zip, a manifest of the known format and a
// version this server reads, every listed file present with its SHA-256, every data file JSON.
// Throws platform::Error (kValidation) with a message saying what is wrong.
ParsedExport ParseExport(std::string_view zip_bytes);

// What an import did: rows inserted per table, rows left out by reason ("already_present",
// "absent_user": another person this instance does not know, "absent_item": something of
// another user's that is not here, "conflict": clashes with a row the account already has).
struct ImportReport {
  std::map<std::string, std::int64_t> inserted;
  // Rows of one-row-per-key tables (settings, statistics per day) that existed and took the
  // archive's values.
  std::map<std::string, std::int64_t> updated;
  std::map<std::string, std::int64_t> skipped;
  bool profile_applied = false;
};
boost::json::object EncodeReport(const ImportReport& report);

using ImportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// Inserts the rows for `user_id` inside the caller's transaction, parents first, in the target's
// foreign-key order: the exported user's id and every known person's id mapped (people by
// username), new ids where an id is taken by someone else (references rewritten), sealed columns
// sealed with this instance's key, every row a new change number. Importing the same export again
// inserts nothing new.
ImportReport ImportRows(platform::store::Session& s, const ParsedExport& parsed,
                        const std::string& user_id, const platform::crypto::SealedColumns& sealed,
                        const platform::crypto::SecretBox& box, const ImportProgress& progress);

}  // namespace vigor::features::portability
