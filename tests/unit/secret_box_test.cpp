#include "platform/crypto/secret_box.hpp"

#include <gtest/gtest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "platform/crypto/random.hpp"
#include "support/temp_dir.hpp"

namespace vigor::platform::crypto {
namespace {

std::string Key(char fill) { return std::string(32, fill); }

mode_t ModeOf(const std::filesystem::path& path) {
  struct stat st {};
  EXPECT_EQ(::stat(path.c_str(), &st), 0);
  return st.st_mode & 07777;
}

TEST(SecretBox, SealsAndOpens) {
  SecretBox box(Key('k'));
  for (std::string plain : {std::string(), std::string("JBSWY3DPEHPK3PXP"), std::string(5000, 'x'),
                            std::string("with\0nul", 8)}) {
    std::string sealed = box.Seal(plain);
    EXPECT_TRUE(sealed.starts_with("v1."));
    EXPECT_EQ(sealed.find(plain.empty() ? "\x01" : plain), std::string::npos);
    EXPECT_EQ(box.Open(sealed), plain);
  }
}

TEST(SecretBox, FormatIsNonceThenSecretboxCiphertext) {
  // Opened here with libsodium directly, so the stored format is pinned independently of Open.
  std::string key = RandomBytes(32);
  std::string sealed = SecretBox(key).Seal("totp secret");
  auto raw = Base64UrlDecode(sealed.substr(3));
  ASSERT_TRUE(raw.has_value());
  ASSERT_EQ(raw->size(), crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + 11);
  std::string plain(11, '\0');
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  ASSERT_EQ(crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                       bytes + crypto_secretbox_NONCEBYTES,
                                       raw->size() - crypto_secretbox_NONCEBYTES, bytes,
                                       reinterpret_cast<const unsigned char*>(key.data())),
            0);
  EXPECT_EQ(plain, "totp secret");
}

TEST(SecretBox, UsesAFreshNonceEachTime) {
  SecretBox box(Key('k'));
  EXPECT_NE(box.Seal("same"), box.Seal("same"));
}

TEST(SecretBox, RefusesTamperedOrForeignData) {
  SecretBox box(Key('k'));
  std::string sealed = box.Seal("secret value");
  for (std::size_t i = 3; i < sealed.size(); ++i) {
    std::string tampered = sealed;
    tampered[i] = tampered[i] == 'A' ? 'B' : 'A';
    EXPECT_EQ(box.Open(tampered), std::nullopt) << i;
  }
  EXPECT_EQ(SecretBox(Key('o')).Open(sealed), std::nullopt);
  EXPECT_EQ(box.Open(sealed.substr(0, sealed.size() - 2)), std::nullopt);
  EXPECT_EQ(box.Open("v2." + sealed.substr(3)), std::nullopt);
  EXPECT_EQ(box.Open(sealed.substr(3)), std::nullopt);
  EXPECT_EQ(box.Open("v1."), std::nullopt);
  EXPECT_EQ(box.Open("v1.!!!"), std::nullopt);
  EXPECT_EQ(box.Open(""), std::nullopt);
}

TEST(SecretBox, RefusesAKeyOfTheWrongSize) {
  EXPECT_THROW(SecretBox(std::string(31, 'k')), std::invalid_argument);
  EXPECT_THROW(SecretBox(std::string(33, 'k')), std::invalid_argument);
  EXPECT_THROW(SecretBox(std::string{}), std::invalid_argument);
}

TEST(SecretBoxKeyFile, CreatesAPrivateKeyFileAndReadsItBack) {
  testing::TempDir dir;
  auto path = dir.path() / "secret.key";
  std::string sealed = SecretBox::LoadOrCreate(path).Seal("remember me");
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(ModeOf(path), 0600u);
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line.size(), 43u);  // base64url of 32 bytes
  EXPECT_EQ(Base64UrlDecode(line)->size(), 32u);
  // A second start reads the same key.
  EXPECT_EQ(SecretBox::LoadOrCreate(path).Open(sealed), "remember me");
  EXPECT_EQ(SecretBox(*Base64UrlDecode(line)).Open(sealed), "remember me");
  // No temporary files are left behind.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

// Known answer, computed outside Vigor (Python's hmac module):
//   sub = HMAC-SHA256(b"k" * 32, b"vigor mac csrf"); HMAC-SHA256(sub, b"session!nonce")
TEST(SecretBox, MacIsHmacSha256UnderAKeyDerivedForItsPurpose) {
  SecretBox box(Key('k'));
  EXPECT_EQ(box.Mac("csrf", "session!nonce"), "ghIItGPx4LK-Jtwn6pnHyKsIpGT8sByoo2RqAJtpIjA");
  EXPECT_EQ(box.Mac("csrf", "session!nonce"), box.Mac("csrf", "session!nonce"));
  EXPECT_NE(box.Mac("device", "session!nonce"), box.Mac("csrf", "session!nonce"));
  EXPECT_NE(box.Mac("csrf", "session!nonce2"), box.Mac("csrf", "session!nonce"));
  EXPECT_NE(SecretBox(Key('j')).Mac("csrf", "session!nonce"), box.Mac("csrf", "session!nonce"));
}

TEST(SecretBoxKeyFile, RefusesAFileOthersCanRead) {
  testing::TempDir dir;
  auto path = dir.path() / "secret.key";
  SecretBox::LoadOrCreate(path);
  ASSERT_EQ(::chmod(path.c_str(), 0644), 0);
  try {
    SecretBox::LoadOrCreate(path);
    FAIL() << "a world-readable key file was accepted";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("0644"), std::string::npos) << what;
    EXPECT_NE(what.find("chmod 600"), std::string::npos) << what;
  }
  ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
  EXPECT_THROW(SecretBox::LoadOrCreate(path), std::runtime_error);
  ASSERT_EQ(::chmod(path.c_str(), 0400), 0);  // stricter than 0600 is fine
  EXPECT_NO_THROW(SecretBox::LoadOrCreate(path));
}

TEST(SecretBoxKeyFile, RefusesAKeyOfTheWrongSize) {
  testing::TempDir dir;
  auto path = dir.path() / "secret.key";
  {
    std::ofstream out(path);
    out << Base64UrlEncode(std::string(16, 'k')) << "\n";
  }
  ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
  EXPECT_THROW(SecretBox::LoadOrCreate(path), std::runtime_error);
  {
    std::ofstream out(path);
    out << "not base64!\n";
  }
  EXPECT_THROW(SecretBox::LoadOrCreate(path), std::runtime_error);
}

TEST(SecretBoxKeyFile, RefusesADirectoryOrAMissingParent) {
  testing::TempDir dir;
  std::filesystem::create_directory(dir.path() / "key");
  ::chmod((dir.path() / "key").c_str(), 0700);
  EXPECT_THROW(SecretBox::LoadOrCreate(dir.path() / "key"), std::runtime_error);
  EXPECT_THROW(SecretBox::LoadOrCreate(dir.path() / "missing" / "secret.key"), std::runtime_error);
}

}  // namespace
}  // namespace vigor::platform::crypto
