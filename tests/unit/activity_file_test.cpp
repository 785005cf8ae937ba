// What an uploaded file is, from its first bytes: the answers worked out from the formats'
// definitions (GPX 1.1 and TCX v2 root elements, the FIT file header), not from the parsers.
#include "features/imports/activity_file.hpp"

#include <gtest/gtest.h>

namespace vigor::features::imports {
namespace {

std::optional<ImportFormat> FormatOf(std::string_view bytes) {
  return IdentifyActivityFile(bytes).format;
}

TEST(ActivityFile, GpxAndTcxByTheirRootElement) {
  EXPECT_EQ(FormatOf("<gpx version=\"1.1\"/>"), ImportFormat::kGpx);
  EXPECT_EQ(FormatOf("\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- a < comment -->\n"
                     "<!DOCTYPE gpx [<!ENTITY a \"b\">]>\n<gpx>"),
            ImportFormat::kGpx);
  EXPECT_EQ(FormatOf("<?xml version=\"1.0\"?><g:gpx xmlns:g=\"x\">"), ImportFormat::kGpx);
  EXPECT_EQ(FormatOf("  \r\n<TrainingCenterDatabase xmlns=\"x\">"), ImportFormat::kTcx);
  // Names are case-sensitive in XML.
  EXPECT_EQ(FormatOf("<GPX>"), std::nullopt);
}

TEST(ActivityFile, FitByItsHeader) {
  // A 14-byte header: size, protocol, profile (2), data size (4), ".FIT", CRC (2).
  std::string fit("\x0E\x20\x5C\x08\x00\x00\x00\x00.FIT\x00\x00", 14);
  EXPECT_EQ(FormatOf(fit), ImportFormat::kFit);
  std::string twelve("\x0C\x10\x5C\x08\x00\x00\x00\x00.FIT", 12);
  EXPECT_EQ(FormatOf(twelve), ImportFormat::kFit);
  std::string wrong_size = fit;
  wrong_size[0] = 13;
  EXPECT_EQ(FormatOf(wrong_size), std::nullopt);
  EXPECT_EQ(FormatOf(fit.substr(0, 11)), std::nullopt);
}

TEST(ActivityFile, SaysWhatAnUnknownFileIs) {
  auto kml = IdentifyActivityFile("<?xml version=\"1.0\"?><kml xmlns=\"x\">");
  EXPECT_FALSE(kml.format);
  EXPECT_EQ(kml.unrecognised.code(), "upload_format_unknown_xml");
  EXPECT_NE(kml.unrecognised.English().find("<kml>"), std::string::npos);
  EXPECT_EQ(IdentifyActivityFile("PK\x03\x04rest").unrecognised.code(),
            "upload_format_unknown_zip");
  EXPECT_EQ(IdentifyActivityFile("Date,Workout Name\n").unrecognised.code(),
            "upload_format_unknown_text");
  EXPECT_EQ(IdentifyActivityFile(std::string("\x89PNG\r\n\x1a\n\0\0", 10)).unrecognised.code(),
            "upload_format_unknown_binary");
  // An unfinished prolog is not XML.
  EXPECT_EQ(IdentifyActivityFile("<?xml version=\"1.0\"").unrecognised.code(),
            "upload_format_unknown_text");
}

TEST(ActivityFile, GzipMagic) {
  EXPECT_TRUE(LooksGzipped(std::string("\x1f\x8b\x08\x00", 4)));
  EXPECT_FALSE(LooksGzipped(std::string("\x1f\x8b", 2)));
  EXPECT_FALSE(LooksGzipped("<gpx>"));
}

}  // namespace
}  // namespace vigor::features::imports
