#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>

// Zip files through libzip: written whole from memory, read whole into memory with limits (a
// small zip may unpack to gigabytes).
namespace vigor::features::portability {

// Writes `files` (path inside the zip -> bytes, deflated) to `path`, created with mode 0600.
// Throws std::runtime_error when it cannot.
void WriteZip(const std::filesystem::path& path, const std::map<std::string, std::string>& files);

// The entries of a zip given as bytes; nullopt-like failure as std::invalid_argument with a reason
// ("not a zip archive", "an entry is larger than ...").
std::map<std::string, std::string> ReadZip(std::string_view bytes, std::uint64_t max_total_bytes);

}  // namespace vigor::features::portability
