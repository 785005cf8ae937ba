#include "platform/image/image.hpp"

#include <jpeglib.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <vector>

namespace vigor::platform::image {

namespace {

bool IsPng(std::string_view bytes) {
  static constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  return bytes.size() >= 8 && std::memcmp(bytes.data(), kSignature, 8) == 0;
}

bool IsJpeg(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xff &&
         static_cast<unsigned char>(bytes[1]) == 0xd8 &&
         static_cast<unsigned char>(bytes[2]) == 0xff;
}

std::optional<RgbImage> DecodePng(std::string_view bytes, const DecodeLimits& limits,
                                  ImageError& error) {
  png_image png;
  std::memset(&png, 0, sizeof png);
  png.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&png, bytes.data(), bytes.size())) {
    error = {ImageError::Kind::kCorrupt, png.message};
    png_image_free(&png);
    return std::nullopt;
  }
  if (png.width == 0 || png.height == 0 || png.width > static_cast<unsigned>(limits.max_width) ||
      png.height > static_cast<unsigned>(limits.max_height)) {
    error = {ImageError::Kind::kTooLarge, "png dimensions out of range"};
    png_image_free(&png);
    return std::nullopt;
  }
  png.format = PNG_FORMAT_RGB;  // libpng composes alpha onto the background given below
  RgbImage image{.width = static_cast<int>(png.width),
                 .height = static_cast<int>(png.height),
                 .pixels = std::string(PNG_IMAGE_SIZE(png), '\0')};
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&png, &white, image.pixels.data(), 0, nullptr)) {
    error = {ImageError::Kind::kCorrupt, png.message};
    png_image_free(&png);
    return std::nullopt;
  }
  png_image_free(&png);
  return image;
}

// libjpeg reports fatal errors through error_exit, which must not return: jump back to the
// decoder with the message.
struct JpegErrorManager {
  jpeg_error_mgr manager;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void JpegErrorExit(j_common_ptr info) {
  auto* errors = reinterpret_cast<JpegErrorManager*>(info->err);
  (*info->err->format_message)(info, errors->message);
  std::longjmp(errors->jump, 1);
}

void JpegSilence(j_common_ptr, int) {}

// Kept free of objects with destructors between setjmp and longjmp (the jump skips them).
bool DecodeJpegInto(std::string_view bytes, const DecodeLimits& limits, RgbImage& image,
                    ImageError& error) {
  jpeg_decompress_struct info;
  JpegErrorManager errors;
  info.err = jpeg_std_error(&errors.manager);
  errors.manager.error_exit = JpegErrorExit;
  errors.manager.emit_message = JpegSilence;
  if (setjmp(errors.jump)) {
    jpeg_destroy_decompress(&info);
    error = {ImageError::Kind::kCorrupt, errors.message};
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  jpeg_read_header(&info, TRUE);
  if (info.image_width == 0 || info.image_height == 0 ||
      info.image_width > static_cast<unsigned>(limits.max_width) ||
      info.image_height > static_cast<unsigned>(limits.max_height)) {
    jpeg_destroy_decompress(&info);
    error = {ImageError::Kind::kTooLarge, "jpeg dimensions out of range"};
    return false;
  }
  info.out_color_space = JCS_RGB;
  jpeg_start_decompress(&info);
  if (info.output_components != 3) {
    jpeg_destroy_decompress(&info);
    error = {ImageError::Kind::kUnsupportedFormat, "jpeg colour space"};
    return false;
  }
  image.width = static_cast<int>(info.output_width);
  image.height = static_cast<int>(info.output_height);
  image.pixels.assign(static_cast<std::size_t>(image.width) * image.height * 3, '\0');
  while (info.output_scanline < info.output_height) {
    auto* row = reinterpret_cast<JSAMPROW>(
        image.pixels.data() + static_cast<std::size_t>(info.output_scanline) * image.width * 3);
    jpeg_read_scanlines(&info, &row, 1);
  }
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

}  // namespace

std::optional<RgbImage> Decode(std::string_view bytes, const DecodeLimits& limits,
                               ImageError& error) {
  if (IsPng(bytes)) return DecodePng(bytes, limits, error);
  if (IsJpeg(bytes)) {
    RgbImage image;
    if (!DecodeJpegInto(bytes, limits, image, error)) return std::nullopt;
    return image;
  }
  error = {ImageError::Kind::kUnsupportedFormat, "neither PNG nor JPEG"};
  return std::nullopt;
}

RgbImage SquareThumbnail(const RgbImage& image, int side) {
  int square = std::min(image.width, image.height);
  int left = (image.width - square) / 2;
  int top = (image.height - square) / 2;
  RgbImage out{.width = side,
               .height = side,
               .pixels = std::string(static_cast<std::size_t>(side) * side * 3, '\0')};
  // Each output pixel averages the source pixels its square covers (at least one).
  for (int y = 0; y < side; ++y) {
    int y0 = top + static_cast<int>(static_cast<long long>(y) * square / side);
    int y1 =
        std::max(y0 + 1, top + static_cast<int>(static_cast<long long>(y + 1) * square / side));
    for (int x = 0; x < side; ++x) {
      int x0 = left + static_cast<int>(static_cast<long long>(x) * square / side);
      int x1 =
          std::max(x0 + 1, left + static_cast<int>(static_cast<long long>(x + 1) * square / side));
      unsigned long long sum[3] = {0, 0, 0};
      for (int sy = y0; sy < y1; ++sy) {
        const auto* row = reinterpret_cast<const unsigned char*>(image.pixels.data()) +
                          static_cast<std::size_t>(sy) * image.width * 3;
        for (int sx = x0; sx < x1; ++sx) {
          for (int c = 0; c < 3; ++c) sum[c] += row[sx * 3 + c];
        }
      }
      auto count = static_cast<unsigned long long>(y1 - y0) * (x1 - x0);
      for (int c = 0; c < 3; ++c) {
        out.pixels[(static_cast<std::size_t>(y) * side + x) * 3 + c] =
            static_cast<char>((sum[c] + count / 2) / count);
      }
    }
  }
  return out;
}

std::string EncodeJpeg(const RgbImage& image, int quality) {
  jpeg_compress_struct info;
  jpeg_error_mgr errors;
  info.err = jpeg_std_error(&errors);
  jpeg_create_compress(&info);
  unsigned char* buffer = nullptr;
  unsigned long size = 0;
  jpeg_mem_dest(&info, &buffer, &size);
  info.image_width = static_cast<JDIMENSION>(image.width);
  info.image_height = static_cast<JDIMENSION>(image.height);
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, quality, TRUE);
  jpeg_start_compress(&info, TRUE);
  while (info.next_scanline < info.image_height) {
    auto* row =
        reinterpret_cast<JSAMPROW>(const_cast<char*>(image.pixels.data()) +
                                   static_cast<std::size_t>(info.next_scanline) * image.width * 3);
    jpeg_write_scanlines(&info, &row, 1);
  }
  jpeg_finish_compress(&info);
  std::string out(reinterpret_cast<const char*>(buffer), size);
  jpeg_destroy_compress(&info);
  std::free(buffer);
  return out;
}

}  // namespace vigor::platform::image
