#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Decoding and encoding of the still images users upload (avatars), over libpng and
// libjpeg-turbo. Everything an upload carried besides its pixels (EXIF with GPS, ICC profiles,
// text chunks, comments) is dropped: what is stored is always a fresh encoding of the pixels.
// A corrupt or hostile file is an ImageError, never a crash (tests/fuzz/image_fuzzer.cpp).
namespace vigor::platform::image {

// Why an image was refused: the text is for logs and tests; callers map it to a 422.
struct ImageError {
  enum class Kind { kUnsupportedFormat, kTooLarge, kCorrupt };
  Kind kind;
  std::string detail;
};

// Pixels as 8-bit RGB, row by row.
struct RgbImage {
  int width = 0;
  int height = 0;
  std::string pixels;  // width * height * 3 bytes
};

struct DecodeLimits {
  int max_width = 6000;
  int max_height = 6000;
};

// Decodes a PNG or JPEG (told apart by its signature). An image wider or taller than the limits
// is refused from its header, before any pixel memory is allocated. Transparency is flattened on
// white.
std::optional<RgbImage> Decode(std::string_view bytes, const DecodeLimits& limits,
                               ImageError& error);

// The centre square of `image`, scaled (area average when shrinking) to `side` x `side`.
RgbImage SquareThumbnail(const RgbImage& image, int side);

// A baseline JPEG of the pixels (JFIF header only: no EXIF, no ICC, no comment).
std::string EncodeJpeg(const RgbImage& image, int quality = 85);

}  // namespace vigor::platform::image
