#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace vigor::platform::io {

// Reads a file that may be gzip-compressed, as a stream: a plain file reads as it is, a .gz one
// decompressed, a chunk at a time (a multi-gigabyte export never sits in memory). zlib stays
// behind this interface (the layering rule: only platform includes it).
class CompressedFileReader {
 public:
  // nullptr when the file cannot be opened.
  static std::unique_ptr<CompressedFileReader> Open(const std::filesystem::path& path);
  ~CompressedFileReader();
  CompressedFileReader(const CompressedFileReader&) = delete;
  CompressedFileReader& operator=(const CompressedFileReader&) = delete;

  enum class Status { kData, kEnd, kCutOff, kFailed };
  struct Chunk {
    Status status = Status::kEnd;
    std::size_t size = 0;  // bytes put in the buffer (kData)
    std::string error;     // kFailed: why
  };
  // Up to `capacity` decompressed bytes into `buffer`. kCutOff: a compressed stream that ends
  // early (what came before it was delivered).
  Chunk Read(char* buffer, std::size_t capacity);

  // How far into the file (compressed bytes) reading has come: progress against its size.
  std::int64_t CompressedOffset() const;

 private:
  struct Impl;
  explicit CompressedFileReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace vigor::platform::io
