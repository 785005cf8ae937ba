#include "platform/io/compressed_file.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>

namespace vigor::platform::io {

struct CompressedFileReader::Impl {
  gzFile file = nullptr;
  ~Impl() {
    if (file != nullptr) gzclose(file);
  }
};

CompressedFileReader::CompressedFileReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompressedFileReader::~CompressedFileReader() = default;

std::unique_ptr<CompressedFileReader> CompressedFileReader::Open(
    const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  // gzopen reads a plain file as it is, so both an export and its .gz work.
  impl->file = gzopen(path.c_str(), "rb");
  if (impl->file == nullptr) return nullptr;
  gzbuffer(impl->file, 1 << 17);
  return std::unique_ptr<CompressedFileReader>(new CompressedFileReader(std::move(impl)));
}

CompressedFileReader::Chunk CompressedFileReader::Read(char* buffer, std::size_t capacity) {
  auto want = static_cast<unsigned>(std::min<std::size_t>(capacity, INT_MAX));
  int n = gzread(impl_->file, buffer, want);
  if (n > 0) return {Status::kData, static_cast<std::size_t>(n), {}};
  int code = 0;
  const char* message = gzerror(impl_->file, &code);
  // A cut gzip stream: what was decompressed so far was delivered. gzread reports it with 0
  // bytes, not -1, like the end of a whole file: only gzerror tells them apart.
  if (code == Z_BUF_ERROR) return {Status::kCutOff, 0, {}};
  if (n == 0 && code == Z_OK) return {Status::kEnd, 0, {}};
  return {Status::kFailed, 0, message != nullptr && *message != '\0' ? message : "read error"};
}

std::int64_t CompressedFileReader::CompressedOffset() const { return gzoffset(impl_->file); }

}  // namespace vigor::platform::io
