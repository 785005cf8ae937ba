// The zip files of account exports (features/portability/zip_archive.hpp): what is written reads
// back byte for byte, with mode 0600; damage and oversize are refused.
#include "features/portability/zip_archive.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <iterator>
#include <stdexcept>

#include "support/temp_dir.hpp"

namespace vigor::features::portability {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

TEST(ZipArchive, WhatIsWrittenReadsBackWithModeSixHundred) {
  testing::TempDir dir;
  std::string binary;
  for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
  std::map<std::string, std::string> files{{"manifest.json", R"({"format":"vigor-export"})"},
                                           {"data/empty.json", ""},
                                           {"gpx/a.gpx", std::string(100000, 'x')},
                                           {"bytes.bin", binary}};
  auto path = dir.path() / "out.zip";
  WriteZip(path, files);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  std::string zip = Slurp(path);
  EXPECT_LT(zip.size(), 100000u);  // deflated: the 100000 'x' shrink
  EXPECT_EQ(ReadZip(zip, 1 << 20), files);
}

TEST(ZipArchive, DamageAndOversizeAreRefused) {
  testing::TempDir dir;
  auto path = dir.path() / "out.zip";
  WriteZip(path, {{"a.txt", std::string(5000, 'a')}, {"b.txt", "bee"}});
  std::string zip = Slurp(path);
  EXPECT_THROW(ReadZip("not a zip", 1 << 20), std::invalid_argument);
  EXPECT_THROW(ReadZip(zip.substr(0, zip.size() / 2), 1 << 20), std::invalid_argument);
  // The compressed bytes of a.txt changed: its CRC no longer holds.
  std::string damaged = zip;
  damaged[40] = static_cast<char>(damaged[40] ^ 0x33);
  EXPECT_THROW(ReadZip(damaged, 1 << 20), std::invalid_argument);
  // 5003 bytes unpacked: refused under a 5000-byte limit, read at 5003.
  EXPECT_THROW(ReadZip(zip, 5000), std::invalid_argument);
  EXPECT_EQ(ReadZip(zip, 5003).size(), 2u);
}

}  // namespace
}  // namespace vigor::features::portability
