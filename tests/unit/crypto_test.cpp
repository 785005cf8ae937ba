#include <gtest/gtest.h>

#include <set>
#include <thread>
#include <vector>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {
namespace {

struct Vector {
  std::string plain;
  std::string encoded;
};

// RFC 4648 section 10, with the padding removed.
const std::vector<Vector> kBase32Vectors = {
    {"", ""},
    {"f", "MY"},
    {"fo", "MZXQ"},
    {"foo", "MZXW6"},
    {"foob", "MZXW6YQ"},
    {"fooba", "MZXW6YTB"},
    {"foobar", "MZXW6YTBOI"},
};
const std::vector<Vector> kBase64Vectors = {
    {"", ""},           {"f", "Zg"},          {"fo", "Zm8"},          {"foo", "Zm9v"},
    {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"},
};

TEST(CryptoBase32, EncodesRfc4648Vectors) {
  for (const auto& v : kBase32Vectors) EXPECT_EQ(Base32Encode(v.plain), v.encoded) << v.plain;
}

TEST(CryptoBase32, DecodesRfc4648Vectors) {
  for (const auto& v : kBase32Vectors) EXPECT_EQ(Base32Decode(v.encoded), v.plain) << v.encoded;
}

TEST(CryptoBase32, DecodeAcceptsLowerCaseSpacesAndPadding) {
  EXPECT_EQ(Base32Decode("mzxw6ytboi"), "foobar");
  EXPECT_EQ(Base32Decode("MZXW 6YTB OI"), "foobar");
  EXPECT_EQ(Base32Decode("MY======"), "f");
  EXPECT_EQ(Base32Decode("MZXW6YQ="), "foob");
  // The RFC 6238 test secret "12345678901234567890", as authenticator apps show it.
  EXPECT_EQ(Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"), "12345678901234567890");
}

TEST(CryptoBase32, DecodeRefusesBadInput) {
  EXPECT_EQ(Base32Decode("M"), std::nullopt);       // 1 symbol cannot end a group
  EXPECT_EQ(Base32Decode("MZX"), std::nullopt);     // nor 3
  EXPECT_EQ(Base32Decode("MZXW6Y"), std::nullopt);  // nor 6
  EXPECT_EQ(Base32Decode("MZ1Q"), std::nullopt);    // '1' is not in the alphabet
  EXPECT_EQ(Base32Decode("MZ=XQ"), std::nullopt);   // padding in the middle
  EXPECT_EQ(Base32Decode("MZ"), std::nullopt);      // "MY" is 'f'; "MZ" leaves bits set
}

TEST(CryptoBase64Url, EncodesRfc4648VectorsWithoutPadding) {
  for (const auto& v : kBase64Vectors) EXPECT_EQ(Base64UrlEncode(v.plain), v.encoded) << v.plain;
}

TEST(CryptoBase64Url, UsesTheUrlSafeAlphabet) {
  // 0xFB 0xFF = 111110 111111 1111(00): 62, 63, 60 -> '-', '_', '8' (standard base64: "+/8=").
  EXPECT_EQ(Base64UrlEncode("\xFB\xFF"), "-_8");
  EXPECT_EQ(Base64UrlDecode("-_8"), "\xFB\xFF");
}

TEST(CryptoBase64Url, DecodesVectorsAndRefusesOtherForms) {
  for (const auto& v : kBase64Vectors) EXPECT_EQ(Base64UrlDecode(v.encoded), v.plain) << v.encoded;
  EXPECT_EQ(Base64UrlDecode("+/8"), std::nullopt);    // standard alphabet
  EXPECT_EQ(Base64UrlDecode("Zg=="), std::nullopt);   // padding
  EXPECT_EQ(Base64UrlDecode("Zm 9v"), std::nullopt);  // whitespace
  EXPECT_EQ(Base64UrlDecode("Zh"), std::nullopt);     // non-canonical trailing bits
  EXPECT_EQ(Base64UrlDecode("Z"), std::nullopt);      // impossible length
}

TEST(CryptoSha256, MatchesFips180Vectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(CryptoRandom, BytesHaveTheAskedSizeAndDiffer) {
  EXPECT_EQ(RandomBytes(0), "");
  EXPECT_EQ(RandomBytes(20).size(), 20u);
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) seen.insert(RandomBytes(16));
  EXPECT_EQ(seen.size(), 100u);
}

TEST(CryptoRandom, TokenIs43UrlSafeCharactersFor32Bytes) {
  std::string token = RandomToken();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_EQ(
      token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  ASSERT_TRUE(Base64UrlDecode(token).has_value());
  EXPECT_EQ(Base64UrlDecode(token)->size(), 32u);
  EXPECT_EQ(RandomToken(16).size(), 22u);
}

TEST(CryptoRandom, IsSafeFromManyThreadsAtOnce) {
  std::vector<std::thread> threads;
  std::vector<std::string> tokens(8);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    threads.emplace_back([&tokens, i] { tokens[i] = RandomToken(); });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(std::set<std::string>(tokens.begin(), tokens.end()).size(), tokens.size());
}

TEST(CryptoConstantTimeEquals, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("123456", "123456"));
  EXPECT_FALSE(ConstantTimeEquals("123456", "123457"));
  EXPECT_FALSE(ConstantTimeEquals("123456", "12345"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEquals(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace vigor::platform::crypto
