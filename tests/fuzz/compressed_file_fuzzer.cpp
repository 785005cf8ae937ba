// platform::io::CompressedFileReader (the admin's Open Food Facts import reads its file through it,
// plain or gzip-compressed) on any file, read in chunks of a size the input picks. What must hold:
// - every chunk fits the buffer, reading ends once (kEnd, kCutOff or kFailed) and the compressed
//   offset only grows, within the file;
// - a file that is not gzip (no 1f 8b at its start) reads back byte for byte and ends with kEnd;
// - the input gzip-compressed here reads back as the input and ends with kEnd; that compressed
//   file cut short reads back a prefix of the input and ends with kCutOff, never with kEnd (a cut
//   export must not pass for a whole one).
// The files are written to VIGOR_FUZZ_TMPDIR (scripts/fuzz makes one in /dev/shm), else /tmp.
#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "platform/io/compressed_file.hpp"

namespace {

using vigor::platform::io::CompressedFileReader;
using Status = CompressedFileReader::Status;

// What one input may decompress to before the target stops reading (a small gzip bomb reaches a
// thousand times its size; the reader streams, so only the time matters).
constexpr std::size_t kReadLimit = 64u << 20;

[[noreturn]] void Fail(const char* what) {
  std::fprintf(stderr, "%s\n", what);
  std::abort();
}

std::filesystem::path TempPath(const char* name) {
  const char* dir = std::getenv("VIGOR_FUZZ_TMPDIR");
  std::filesystem::path base = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  return base / ("compressed-file-" + std::to_string(::getpid()) + "-" + name);
}

void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) Fail("cannot write the temporary file");
}

struct ReadBack {
  std::string bytes;
  Status end = Status::kEnd;
  bool stopped = false;  // kReadLimit reached
};

ReadBack ReadAll(const std::filesystem::path& path, std::size_t file_size, std::size_t capacity) {
  auto reader = CompressedFileReader::Open(path);
  if (!reader) Fail("Open failed on a file that exists");
  ReadBack result;
  std::vector<char> buffer(capacity + 1, '\x5A');
  std::int64_t offset = reader->CompressedOffset();
  while (true) {
    auto chunk = reader->Read(buffer.data(), capacity);
    std::int64_t now = reader->CompressedOffset();
    if (now < offset || now < 0 || now > static_cast<std::int64_t>(file_size)) {
      std::fprintf(stderr, "offset %lld after %lld, file of %zu bytes\n",
                   static_cast<long long>(now), static_cast<long long>(offset), file_size);
      Fail("the compressed offset went back or past the file");
    }
    offset = now;
    if (buffer[capacity] != '\x5A') Fail("Read wrote past the capacity it was given");
    if (chunk.status != Status::kData) {
      if (chunk.size != 0) Fail("a chunk that is not data has a size");
      if (chunk.status == Status::kFailed && chunk.error.empty())
        Fail("a failure without a reason");
      result.end = chunk.status;
      return result;
    }
    if (chunk.size == 0 || chunk.size > capacity) Fail("a data chunk of 0 bytes or over capacity");
    result.bytes.append(buffer.data(), chunk.size);
    if (result.bytes.size() > kReadLimit) {
      result.stopped = true;
      return result;
    }
  }
}

std::string Gzip(std::string_view bytes, int level) {
  z_stream stream{};
  // 15 window bits + 16: a gzip wrapper, as gzip(1) writes.
  if (deflateInit2(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    Fail("deflateInit2 failed");
  }
  std::string out(deflateBound(&stream, bytes.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) Fail("deflate did not finish");
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  // The buffer size the import would not choose but a reader must cope with: 1 to 4096 bytes.
  std::size_t capacity = size > 0 ? 1 + (data[size - 1] * 16 + size) % 4096 : 1;

  // 1. The input as the file.
  auto path = TempPath("input");
  WriteFile(path, input);
  auto read = ReadAll(path, size, capacity);
  bool gzip = size >= 2 && data[0] == 0x1F && data[1] == 0x8B;
  if (!gzip && (read.end != Status::kEnd || read.bytes != input)) {
    Fail("a plain file did not read back as it is");
  }

  // 2. The input compressed: it reads back whole; cut short, a prefix and kCutOff.
  std::string compressed = Gzip(input, static_cast<int>(size % 10));
  auto gz_path = TempPath("input.gz");
  WriteFile(gz_path, compressed);
  auto whole = ReadAll(gz_path, compressed.size(), capacity);
  if (whole.end != Status::kEnd || whole.bytes != input) {
    Fail("the input gzip-compressed did not read back as the input");
  }
  // Cut anywhere after the 10-byte header and before the 8-byte trailer ends.
  std::size_t cut = 10 + (size * 7919) % (compressed.size() - 10);
  WriteFile(gz_path, std::string_view(compressed).substr(0, cut));
  auto cut_read = ReadAll(gz_path, cut, capacity);
  if (cut_read.end != Status::kCutOff) {
    std::fprintf(stderr, "cut at %zu of %zu compressed bytes: status %d\n", cut, compressed.size(),
                 static_cast<int>(cut_read.end));
    Fail("a cut gzip file did not end with kCutOff");
  }
  if (!input.starts_with(cut_read.bytes)) Fail("a cut gzip file read back more than the input");

  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  std::filesystem::remove(gz_path, ignored);
  return 0;
}
