#include "features/portability/zip_archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <zip.h>

#include <memory>
#include <stdexcept>

namespace vigor::features::portability {

void WriteZip(const std::filesystem::path& path, const std::map<std::string, std::string>& files) {
  // Created empty with 0600 first, so the archive is never readable by others, not even briefly.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create " + path.string());
  ::close(fd);
  int error = 0;
  zip_t* zip = zip_open(path.c_str(), ZIP_TRUNCATE, &error);
  if (zip == nullptr) throw std::runtime_error("cannot open " + path.string() + " as a zip");
  for (const auto& [name, bytes] : files) {
    // libzip reads the buffer when the archive is closed: `files` outlives zip_close.
    zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
    if (source == nullptr || zip_file_add(zip, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      if (source != nullptr) zip_source_free(source);
      zip_discard(zip);
      throw std::runtime_error("cannot add " + name + " to the zip");
    }
  }
  if (zip_close(zip) != 0) {
    std::string message = zip_strerror(zip);
    zip_discard(zip);
    throw std::runtime_error("cannot write " + path.string() + ": " + message);
  }
  ::chmod(path.c_str(), 0600);
}

std::map<std::string, std::string> ReadZip(std::string_view bytes, std::uint64_t max_total_bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) throw std::invalid_argument("not a zip archive");
  zip_t* zip = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  zip_error_fini(&error);
  if (zip == nullptr) {
    zip_source_free(source);
    throw std::invalid_argument("not a zip archive");
  }
  std::unique_ptr<zip_t, decltype(&zip_discard)> guard(zip, &zip_discard);
  std::map<std::string, std::string> files;
  std::uint64_t total = 0;
  zip_int64_t count = zip_get_num_entries(zip, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    if (zip_stat_index(zip, i, 0, &stat) != 0) throw std::invalid_argument("a damaged zip entry");
    std::string name = stat.name;
    if (!name.empty() && name.back() == '/') continue;  // a folder
    total += stat.size;
    if (total > max_total_bytes) throw std::invalid_argument("the archive unpacks too large");
    zip_file_t* file = zip_fopen_index(zip, i, 0);
    if (file == nullptr) throw std::invalid_argument("a damaged zip entry: " + name);
    std::string content(stat.size, '\0');
    zip_int64_t read = zip_fread(file, content.data(), stat.size);
    zip_fclose(file);
    // A CRC mismatch shows as a short or failed read.
    if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size) {
      throw std::invalid_argument("a damaged zip entry: " + name);
    }
    files.emplace(std::move(name), std::move(content));
  }
  return files;
}

}  // namespace vigor::features::portability
