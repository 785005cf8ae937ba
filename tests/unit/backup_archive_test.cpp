#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "platform/backup/archive.hpp"
#include "platform/crypto/random.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::backup {
namespace {

BackupKey KeyOf(unsigned char fill) {
  std::array<unsigned char, 32> bytes{};
  bytes.fill(fill);
  return BackupKey(bytes);
}

std::string SealText(const BackupKey& key, const std::string& label, const std::string& plain) {
  std::istringstream in(plain);
  std::ostringstream out;
  EXPECT_EQ(Seal(key, label, in, out), plain.size());
  return out.str();
}

std::string OpenText(const BackupKey& key, const std::string& label, const std::string& sealed) {
  std::istringstream in(sealed);
  std::ostringstream out;
  Open(key, label, in, out);
  return out.str();
}

// The message of the BackupError that opening `sealed` throws; "" when it opens.
std::string OpenError(const BackupKey& key, const std::string& label, const std::string& sealed) {
  try {
    OpenText(key, label, sealed);
    return "";
  } catch (const BackupError& e) {
    return e.what();
  }
}

// 3 MiB of random bytes (incompressible: more than one 1 MiB chunk) then 1 MiB of one letter.
std::string BigInput() { return crypto::RandomBytes(3 << 20) + std::string(1 << 20, 'a'); }

std::uint32_t FirstRecordLength(const std::string& sealed) {
  std::size_t at = 8 + 24;
  return (std::uint32_t(static_cast<unsigned char>(sealed[at])) << 24) |
         (std::uint32_t(static_cast<unsigned char>(sealed[at + 1])) << 16) |
         (std::uint32_t(static_cast<unsigned char>(sealed[at + 2])) << 8) |
         std::uint32_t(static_cast<unsigned char>(sealed[at + 3]));
}

TEST(BackupArchiveTest, SealedDataOpensToTheSameBytes) {
  auto key = KeyOf(7);
  for (const std::string& plain : {std::string(), std::string("x"), BigInput()}) {
    auto sealed = SealText(key, "b1/database", plain);
    EXPECT_EQ(OpenText(key, "b1/database", sealed), plain) << plain.size() << " bytes";
  }
}

TEST(BackupArchiveTest, RepetitiveDataIsCompressed) {
  auto sealed = SealText(KeyOf(7), "b1/database", std::string(4 << 20, 'a'));
  EXPECT_LT(sealed.size(), 4096u);
  // Encrypted: the plaintext is nowhere in it.
  EXPECT_EQ(sealed.find("aaaaaaaa"), std::string::npos);
}

TEST(BackupArchiveTest, AnyAlteredByteIsRefused) {
  auto key = KeyOf(7);
  auto sealed = SealText(key, "b1/database", BigInput());
  for (std::size_t at :
       {std::size_t{3}, std::size_t{20}, std::size_t{40}, sealed.size() / 2, sealed.size() - 1}) {
    auto altered = sealed;
    altered[at] = static_cast<char>(altered[at] ^ 0x01);
    EXPECT_NE(OpenError(key, "b1/database", altered), "") << "byte " << at;
  }
  auto middle = sealed;
  middle[sealed.size() / 2] ^= 0x40;
  EXPECT_NE(OpenError(key, "b1/database", middle).find("corrupted"), std::string::npos);
}

TEST(BackupArchiveTest, ACutCopyIsRefusedAsTruncated) {
  auto key = KeyOf(7);
  auto sealed = SealText(key, "b1/database", BigInput());
  std::size_t after_first_chunk = 8 + 24 + 4 + FirstRecordLength(sealed);
  ASSERT_LT(after_first_chunk, sealed.size());
  for (std::size_t size : {std::size_t{0}, std::size_t{8}, std::size_t{30}, after_first_chunk,
                           after_first_chunk + 2, sealed.size() - 1}) {
    auto message = OpenError(key, "b1/database", sealed.substr(0, size));
    EXPECT_NE(message.find("truncated"), std::string::npos) << size << ": " << message;
  }
}

TEST(BackupArchiveTest, BytesAfterTheEndAreRefused) {
  auto key = KeyOf(7);
  auto sealed = SealText(key, "b1/database", "some rows");
  EXPECT_NE(OpenError(key, "b1/database", sealed + "x").find("after its end"), std::string::npos);
}

TEST(BackupArchiveTest, AnotherKeyOrAnotherPartsLabelDoesNotOpen) {
  auto sealed = SealText(KeyOf(7), "b1/database", "some rows");
  EXPECT_NE(OpenError(KeyOf(8), "b1/database", sealed).find("authentication"), std::string::npos);
  // The same bytes presented as another backup's part, or as the key part.
  EXPECT_NE(OpenError(KeyOf(7), "b2/database", sealed), "");
  EXPECT_NE(OpenError(KeyOf(7), "b1/secret.key", sealed), "");
}

Manifest Example() {
  return Manifest{.id = "vigor-backup-20261207T012345Z",
                  .created_at = "2026-12-07T01:23:45Z",
                  .vigor_version = "0.9.0",
                  .database = "sqlite",
                  .schema_version = 36,
                  .key_id = KeyOf(7).id(),
                  .parts = {Part{.name = "database",
                                 .file = "database.zst.enc",
                                 .size = 1234,
                                 .sha256 = std::string(64, 'a'),
                                 .plain_size = 4096}}};
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string ManifestError(const std::string& json, const BackupKey& key) {
  try {
    ParseManifest(json, key);
    return "";
  } catch (const BackupError& e) {
    return e.what();
  }
}

TEST(BackupManifestTest, ReadsBackWhatWasWritten) {
  auto key = KeyOf(7);
  EXPECT_EQ(ParseManifest(ManifestJson(Example(), key), key), Example());
}

TEST(BackupManifestTest, TellsWhatIsWrong) {
  auto key = KeyOf(7);
  auto json = ManifestJson(Example(), key);
  EXPECT_NE(ManifestError(json, KeyOf(8)).find("wrong backup key"), std::string::npos);
  EXPECT_NE(ManifestError(Replace(json, "\"schema_version\":36", "\"schema_version\":35"), key)
                .find("altered"),
            std::string::npos);
  EXPECT_NE(
      ManifestError(Replace(json, std::string(64, 'a'), std::string(64, 'b')), key).find("altered"),
      std::string::npos);
  EXPECT_NE(ManifestError(Replace(json, "\"format_version\":1", "\"format_version\":2"), key)
                .find("unknown backup format version 2"),
            std::string::npos);
  EXPECT_NE(ManifestError(json.substr(0, json.size() / 2), key).find("damaged"), std::string::npos);
}

TEST(BackupKeyTest, CreatedOncePrivateAndReadBack) {
  testing::TempDir dir;
  auto file = dir.path() / "backup.key";
  auto created = BackupKey::LoadOrCreate(file);
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(BackupKey::LoadOrCreate(file).id(), created.id());
  EXPECT_EQ(BackupKey::Load(file).id(), created.id());
  EXPECT_EQ(created.id().size(), 16u);

  ::chmod(file.c_str(), 0644);
  EXPECT_THROW(BackupKey::Load(file), BackupError);
  EXPECT_THROW(BackupKey::Load(dir.path() / "none.key"), BackupError);
  std::ofstream(dir.path() / "bad.key") << "not a key\n";
  ::chmod((dir.path() / "bad.key").c_str(), 0600);
  EXPECT_THROW(BackupKey::Load(dir.path() / "bad.key"), BackupError);
}

TEST(BackupKeyTest, DifferentKeysHaveDifferentIds) { EXPECT_NE(KeyOf(7).id(), KeyOf(8).id()); }

}  // namespace
}  // namespace vigor::platform::backup
