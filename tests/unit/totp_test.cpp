#include "platform/crypto/totp.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {
namespace {

const std::string kRfcSecret = "12345678901234567890";

// RFC 6238 Appendix B, SHA1 column: the 8-digit values are 94287082, 07081804, 14050471,
// 89005924, 69279037, 65353130; a 6-digit code is their last six digits.
TEST(TotpRfc6238, MatchesAppendixBVectors) {
  EXPECT_EQ(TotpCode(kRfcSecret, 59), "287082");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111109), "081804");
  EXPECT_EQ(TotpCode(kRfcSecret, 1111111111), "050471");
  EXPECT_EQ(TotpCode(kRfcSecret, 1234567890), "005924");
  EXPECT_EQ(TotpCode(kRfcSecret, 2000000000), "279037");
  EXPECT_EQ(TotpCode(kRfcSecret, 20000000000), "353130");
}

std::string Oathtool(const std::string& base32, std::int64_t unix_seconds) {
  std::string command =
      "/usr/bin/oathtool --totp -b " + base32 + " -N @" + std::to_string(unix_seconds) + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return "popen failed";
  std::string out;
  char buf[128];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
  pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

TEST(TotpOathtool, AgreesOnRandomSecretsAndTimes) {
  std::mt19937_64 rng(std::random_device{}());
  std::uniform_int_distribution<std::int64_t> times(0, 4'000'000'000);
  for (int i = 0; i < 12; ++i) {
    std::string secret = NewTotpSecret();
    std::int64_t t = times(rng);
    EXPECT_EQ(TotpCode(secret, t), Oathtool(Base32Encode(secret), t))
        << "secret " << Base32Encode(secret) << " at " << t;
  }
}

TEST(TotpSecret, Is20RandomBytes) {
  EXPECT_EQ(NewTotpSecret().size(), 20u);
  EXPECT_NE(NewTotpSecret(), NewTotpSecret());
}

TEST(TotpStep, FloorsToThirtySecondSteps) {
  EXPECT_EQ(TotpStep(0), 0);
  EXPECT_EQ(TotpStep(29), 0);
  EXPECT_EQ(TotpStep(30), 1);
  EXPECT_EQ(TotpStep(59), 1);
  EXPECT_EQ(TotpStep(-1), -1);
}

TEST(TotpMatch, ReturnsTheStepOfTheCode) {
  // 1111111111 is in step 37037037 (37037037 * 30 = 1111111110).
  EXPECT_EQ(MatchTotp(kRfcSecret, "050471", 1111111111), 37037037);
  // 1111111109 is the step before: accepted within the default window of one step.
  EXPECT_EQ(MatchTotp(kRfcSecret, "081804", 1111111111), 37037036);
  // ... and from the step before, a code of the step after.
  EXPECT_EQ(MatchTotp(kRfcSecret, "050471", 1111111109), 37037037);
}

TEST(TotpMatch, RefusesCodesOutsideTheWindow) {
  EXPECT_EQ(MatchTotp(kRfcSecret, "081804", 1111111111, 0), std::nullopt);
  EXPECT_EQ(MatchTotp(kRfcSecret, "081804", 1111111111 + 30), std::nullopt);  // two steps on
  EXPECT_EQ(MatchTotp(kRfcSecret, "081804", 1111111111 + 30, 2), 37037036);
  EXPECT_EQ(MatchTotp(kRfcSecret, "123456", 1111111111), std::nullopt);
}

TEST(TotpMatch, AcceptsSpacesButOnlySixDigits) {
  EXPECT_EQ(MatchTotp(kRfcSecret, "050 471", 1111111111), 37037037);
  EXPECT_EQ(MatchTotp(kRfcSecret, " 050471 ", 1111111111), 37037037);
  EXPECT_EQ(MatchTotp(kRfcSecret, "50471", 1111111111), std::nullopt);
  EXPECT_EQ(MatchTotp(kRfcSecret, "0050471", 1111111111), std::nullopt);
  EXPECT_EQ(MatchTotp(kRfcSecret, "14050471", 1111111111), std::nullopt);  // the 8-digit value
  EXPECT_EQ(MatchTotp(kRfcSecret, "05047a", 1111111111), std::nullopt);
  EXPECT_EQ(MatchTotp(kRfcSecret, "", 1111111111), std::nullopt);
  EXPECT_EQ(MatchTotp(kRfcSecret, "050-471", 1111111111), std::nullopt);
}

TEST(TotpMatch, RefusesABadWindowOrSecret) {
  EXPECT_THROW(MatchTotp(kRfcSecret, "050471", 1111111111, -1), std::invalid_argument);
  EXPECT_THROW(MatchTotp(kRfcSecret, "050471", 1111111111, 11), std::invalid_argument);
  EXPECT_THROW(TotpCode("", 59), std::invalid_argument);
}

TEST(TotpUri, HasTheKeyUriFormat) {
  // GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ is the base32 of the RFC secret.
  EXPECT_EQ(TotpUri("Vigor", "alice", kRfcSecret),
            "otpauth://totp/Vigor:alice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Vigor"
            "&algorithm=SHA1&digits=6&period=30");
}

TEST(TotpUri, PercentEncodesIssuerAndAccount) {
  EXPECT_EQ(TotpUri("Vigor Gym", "alice@example.org", "\xFF"),
            "otpauth://totp/Vigor%20Gym:alice%40example.org?secret=74&issuer=Vigor%20Gym"
            "&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpUri("A&B", "x:y/z?\xC3\xA9", "f"),
            "otpauth://totp/A%26B:x%3Ay%2Fz%3F%C3%A9?secret=MY&issuer=A%26B"
            "&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace vigor::platform::crypto
