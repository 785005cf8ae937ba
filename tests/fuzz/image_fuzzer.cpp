// The avatar codec (platform/image) on any bytes: Decode reads a PNG or JPEG or reports an
// ImageError, never crashes; what it reads has the size it claims, and thumbnailing and
// re-encoding it (what an avatar upload does) give a JPEG that decodes to the thumbnail's size.
// The pixel limit is lower than the server's so each run stays fast.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "platform/image/image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace image = vigor::platform::image;
  image::ImageError error;
  auto decoded = image::Decode(std::string_view(reinterpret_cast<const char*>(data), size),
                               {.max_width = 512, .max_height = 512}, error);
  if (!decoded) return 0;
  if (decoded->width < 1 || decoded->height < 1 || decoded->width > 512 || decoded->height > 512 ||
      decoded->pixels.size() != static_cast<std::size_t>(decoded->width) * decoded->height * 3) {
    std::abort();
  }
  auto jpeg = image::EncodeJpeg(image::SquareThumbnail(*decoded, 16));
  auto again = image::Decode(jpeg, {}, error);
  if (!again || again->width != 16 || again->height != 16) std::abort();
  return 0;
}
