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
    EXPECT_TRUE(sealed.starts_with("v2.k1."));
    EXPECT_EQ(sealed.find(plain.empty() ? "\x01" : plain), std::string::npos);
    EXPECT_EQ(box.Open(sealed), plain);
  }
}

// Opened here with libsodium directly, so the stored format is pinned independently of Open.
TEST(SecretBox, FormatIsNonceThenXChaCha20Poly1305WithTheHeaderAsAssociatedData) {
  std::string key = RandomBytes(32);
  std::string sealed = SecretBox(key).Seal("totp secret");
  ASSERT_TRUE(sealed.starts_with("v2.k1."));
  auto raw = Base64UrlDecode(sealed.substr(6));
  ASSERT_TRUE(raw.has_value());
  constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  ASSERT_EQ(raw->size(), kNonce + crypto_aead_xchacha20poly1305_ietf_ABYTES + 11);
  std::string plain(11, '\0');
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw->data());
  const std::string ad = "v2.k1.";
  unsigned long long length = 0;
  ASSERT_EQ(crypto_aead_xchacha20poly1305_ietf_decrypt(
                reinterpret_cast<unsigned char*>(plain.data()), &length, nullptr, bytes + kNonce,
                raw->size() - kNonce, reinterpret_cast<const unsigned char*>(ad.data()), ad.size(),
                bytes, reinterpret_cast<const unsigned char*>(key.data())),
            0);
  EXPECT_EQ(plain, "totp secret");
}

// A "v1." value as versions before keyrings stored it: nonce || crypto_secretbox, made here
// with libsodium directly.
std::string SealV1(const std::string& key, std::string_view plain) {
  std::string out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* bytes = reinterpret_cast<unsigned char*>(out.data());
  randombytes_buf(bytes, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(bytes + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), bytes,
                        reinterpret_cast<const unsigned char*>(key.data()));
  return "v1." + Base64UrlEncode(out);
}

TEST(SecretBox, OpensValuesSealedBeforeKeyrings) {
  std::string v1 = SealV1(Key('k'), "old secret");
  EXPECT_EQ(SecretBox(Key('k')).Open(v1), "old secret");
  // Whichever position the first key holds in the ring.
  EXPECT_EQ(SecretBox({{"k1", Key('k')}, {"k2", Key('n')}}).Open(v1), "old secret");
  EXPECT_EQ(SecretBox({{"k2", Key('n')}, {"k1", Key('k')}}).Open(v1), "old secret");
  EXPECT_EQ(SecretBox(Key('n')).Open(v1), std::nullopt);
  EXPECT_EQ(SecretBox::KeyIdOf(v1), "v1");
}

TEST(SecretBoxKeyring, SealsUnderTheNewestKeyAndOpensUnderEach) {
  SecretBox old_ring({{"k1", Key('a')}});
  std::string under_k1 = old_ring.Seal("zone centre");
  SecretBox ring({{"k1", Key('a')}, {"k2", Key('b')}});
  EXPECT_EQ(ring.CurrentKeyId(), "k2");
  EXPECT_EQ(ring.KeyIds(), (std::vector<std::string>{"k1", "k2"}));
  std::string under_k2 = ring.Seal("zone centre");
  EXPECT_TRUE(under_k2.starts_with("v2.k2."));
  EXPECT_EQ(SecretBox::KeyIdOf(under_k1), "k1");
  EXPECT_EQ(SecretBox::KeyIdOf(under_k2), "k2");
  EXPECT_EQ(ring.Open(under_k1), "zone centre");
  EXPECT_EQ(ring.Open(under_k2), "zone centre");
  // The old ring does not hold k2; a ring without k1 no longer opens what k1 sealed.
  EXPECT_EQ(old_ring.Open(under_k2), std::nullopt);
  EXPECT_EQ(SecretBox({{"k2", Key('b')}}).Open(under_k1), std::nullopt);
}

TEST(SecretBoxKeyring, RefusesAValueWhoseKeyIdWasChanged) {
  // Two keys with the same bytes: only the key id bound as associated data tells them apart.
  SecretBox ring({{"k1", Key('a')}, {"k2", Key('a')}});
  std::string sealed = ring.Seal("webhook secret");
  ASSERT_TRUE(sealed.starts_with("v2.k2."));
  EXPECT_EQ(ring.Open(sealed), "webhook secret");
  EXPECT_EQ(ring.Open("v2.k1." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(ring.Open("v2.k9." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(ring.Open("v2.K2." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(ring.Open("v2.." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(SecretBox::KeyIdOf("v2.." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(SecretBox::KeyIdOf("plain text"), std::nullopt);
}

TEST(SecretBoxKeyring, RefusesABadRing) {
  EXPECT_THROW(SecretBox(std::vector<SecretKey>{}), std::invalid_argument);
  EXPECT_THROW(SecretBox({{"k1", Key('a')}, {"k1", Key('b')}}), std::invalid_argument);
  EXPECT_THROW(SecretBox({{"K1", Key('a')}}), std::invalid_argument);
  EXPECT_THROW(SecretBox({{"k.1", Key('a')}}), std::invalid_argument);
  EXPECT_THROW(SecretBox({{"k1", std::string(31, 'a')}}), std::invalid_argument);
}

TEST(SecretBoxKeyring, MacIsMadeUnderTheNewestKeyAndAcceptedUnderAny) {
  SecretBox old_ring(Key('k'));
  SecretBox ring({{"k1", Key('k')}, {"k2", Key('j')}});
  std::string before = old_ring.Mac("csrf", "session!nonce");
  EXPECT_EQ(ring.Mac("csrf", "session!nonce"), SecretBox(Key('j')).Mac("csrf", "session!nonce"));
  EXPECT_TRUE(ring.MacMatches("csrf", "session!nonce", before));
  EXPECT_TRUE(ring.MacMatches("csrf", "session!nonce", ring.Mac("csrf", "session!nonce")));
  EXPECT_FALSE(ring.MacMatches("device", "session!nonce", before));
  EXPECT_FALSE(ring.MacMatches("csrf", "session!nonce2", before));
  EXPECT_FALSE(SecretBox(Key('j')).MacMatches("csrf", "session!nonce", before));
  EXPECT_FALSE(ring.MacMatches("csrf", "session!nonce", ""));
}

TEST(SecretBoxKeyring, ReadsTheEnvironmentForm) {
  std::string a = Base64UrlEncode(Key('a'));
  std::string b = Base64UrlEncode(Key('b'));
  auto ring = SecretBox::FromText("k1:" + a + ", k2:" + b + "\n", "VIGOR_SECRET_KEYS");
  EXPECT_EQ(ring.KeyIds(), (std::vector<std::string>{"k1", "k2"}));
  EXPECT_EQ(SecretBox({{"k1", Key('a')}}).Open(ring.Seal("x")), std::nullopt);
  EXPECT_EQ(SecretBox({{"k2", Key('b')}}).Open(ring.Seal("x")), "x");
  for (std::string bad :
       {std::string(), "k1=" + a, "k1:" + a.substr(1), "k1:" + a + ",k1:" + b, "K1:" + a}) {
    try {
      SecretBox::FromText(bad, "VIGOR_SECRET_KEYS");
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const std::runtime_error& e) {
      EXPECT_NE(std::string(e.what()).find("VIGOR_SECRET_KEYS"), std::string::npos) << e.what();
      EXPECT_EQ(std::string(e.what()).find(a), std::string::npos) << "the key leaks";
    }
  }
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
  EXPECT_EQ(box.Open("v1." + sealed.substr(6)), std::nullopt);
  EXPECT_EQ(box.Open(sealed.substr(3)), std::nullopt);
  EXPECT_EQ(box.Open(sealed.substr(6)), std::nullopt);
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

TEST(SecretBoxKeyFile, AppendsAKeyThatRunningRingsPickUp) {
  testing::TempDir dir;
  auto path = dir.path() / "secret.key";
  auto server = SecretBox::LoadOrCreate(path);  // a one-line file, as earlier versions wrote
  std::string under_k1 = server.Seal("health note");
  std::string v1 = SealV1(*Base64UrlDecode([&] {
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
  }()),
                          "old");
  EXPECT_EQ(SecretBox::AppendKey(path), "k2");
  EXPECT_EQ(ModeOf(path), 0600u);
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
  // A value sealed under k2 elsewhere (the rotation) makes the running ring re-read the file at
  // once; from then on it seals under k2 too.
  auto rotation = SecretBox::LoadOrCreate(path);
  EXPECT_EQ(rotation.CurrentKeyId(), "k2");
  std::string under_k2 = rotation.Seal("health note");
  EXPECT_TRUE(under_k2.starts_with("v2.k2."));
  EXPECT_EQ(server.Open(under_k2), "health note");
  EXPECT_TRUE(server.Seal("x").starts_with("v2.k2."));
  EXPECT_EQ(server.Open(under_k1), "health note");
  EXPECT_EQ(server.Open(v1), "old");
  EXPECT_EQ(SecretBox::AppendKey(path), "k3");
  EXPECT_EQ(server.KeyIds(), (std::vector<std::string>{"k1", "k2", "k3"}));
  // Dropping k1 and k2 by hand leaves a file whose first line names its key.
  {
    std::ifstream in(path);
    std::string line;
    std::string last;
    while (std::getline(in, line)) last = line;
    std::ofstream out(path, std::ios::trunc);
    out << "# kept after the rotation to k3\n" << last << "\n";
  }
  auto after = SecretBox::LoadOrCreate(path);
  EXPECT_EQ(after.KeyIds(), (std::vector<std::string>{"k3"}));
  EXPECT_EQ(after.Open(under_k1), std::nullopt);
  EXPECT_EQ(SecretBox::AppendKey(path), "k4");
}

TEST(SecretBoxKeyFile, RefusesABadRing) {
  testing::TempDir dir;
  auto path = dir.path() / "secret.key";
  std::string a = Base64UrlEncode(Key('a'));
  for (std::string text : {"k1 " + a + "\nk1 " + a + "\n", a + "\n" + a + "\n", "K1 " + a + "\n",
                           std::string("# nothing\n")}) {
    {
      std::ofstream out(path, std::ios::trunc);
      out << text;
    }
    ASSERT_EQ(::chmod(path.c_str(), 0600), 0);
    EXPECT_THROW(SecretBox::LoadOrCreate(path), std::runtime_error) << text;
  }
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
