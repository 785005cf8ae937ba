#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "platform/store/database.hpp"

namespace vigor::platform::crypto {
class SecretBox;
class SealedColumns;
}  // namespace vigor::platform::crypto

// Building the archive of everything a user owns (docs/export-format.md): the rows of every
// exported table (export_scope.hpp) as JSON by column name, the profile, the sets as CSV, a GPX
// per tracked workout, and a manifest with counts and the SHA-256 of every file.
namespace vigor::features::portability {

inline constexpr std::string_view kFormatName = "vigor-export";
inline constexpr int kFormatVersion = 1;

// The original activity files (features/imports keeps them with their workouts) travel as
// files of their own, `originals/<workout id>.<format>`; the table's rows name them in the
// content column (whose kind the data file gives as "file"), so the bytes are in the archive once.
inline constexpr std::string_view kOriginalsTable = "activity_originals";
inline constexpr std::string_view kOriginalsContent = "content";
inline std::string OriginalPath(std::string_view workout_id, std::string_view format) {
  return "originals/" + std::string(workout_id) + "." + std::string(format);
}

// What other features give the export: their own renderings of the user's data.
struct ExportSources {
  // The GPX of one of the user's tracked workouts.
  std::function<std::string(const std::string& user_id, const std::string& workout_id)> gpx;
  // The user's sets as CSV (the same file as GET /api/v1/exports/sets.csv).
  std::function<std::string(const std::string& user_id)> sets_csv;
};

struct ExportOrigin {
  std::string instance_name;
  std::string public_url;
};

// Called after each table (done, total) so the job can report progress.
using ExportProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// The files of the archive: path -> bytes. Reads the rows in one snapshot.
std::map<std::string, std::string> BuildExport(
    platform::store::Database& database, const std::string& user_id,
    const platform::crypto::SealedColumns& sealed, const platform::crypto::SecretBox& box,
    const ExportSources& sources, const ExportOrigin& origin, const ExportProgress& progress);

}  // namespace vigor::features::portability
