#include "platform/crypto/totp.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <stdexcept>

#include "platform/crypto/random.hpp"

namespace vigor::platform::crypto {

namespace {

constexpr int kMaxWindow = 10;
constexpr std::size_t kSecretBytes = 20;

std::string CodeForStep(std::string_view secret, std::int64_t step) {
  if (secret.empty()) throw std::invalid_argument("empty TOTP secret");
  // RFC 4226 section 5.3: HMAC over the 8-byte big-endian counter, dynamic truncation.
  auto counter = static_cast<std::uint64_t>(step);
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha1(), secret.data(), static_cast<int>(secret.size()), message.data(),
           message.size(), mac.data(), &mac_len) == nullptr ||
      mac_len != 20) {
    throw std::runtime_error("HMAC-SHA1 failed");
  }
  unsigned offset = mac[19] & 0x0F;
  std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                         (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                         (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                         static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t value = binary % 1'000'000;
  std::string code(kTotpDigits, '0');
  for (int i = kTotpDigits - 1; i >= 0; --i) {
    code[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string PercentEncode(std::string_view text) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

}  // namespace

std::string NewTotpSecret() { return RandomBytes(kSecretBytes); }

std::int64_t TotpStep(std::int64_t unix_seconds) {
  // Floor, not truncation, so a moment before 1970 does not share step 0.
  std::int64_t step = unix_seconds / kTotpPeriodSeconds;
  if (unix_seconds % kTotpPeriodSeconds < 0) --step;
  return step;
}

std::string TotpCode(std::string_view secret, std::int64_t unix_seconds) {
  return CodeForStep(secret, TotpStep(unix_seconds));
}

std::optional<std::int64_t> MatchTotp(std::string_view secret, std::string_view code,
                                      std::int64_t unix_seconds, int window) {
  if (window < 0 || window > kMaxWindow) throw std::invalid_argument("TOTP window out of range");
  std::string digits;
  for (char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || digits.size() == kTotpDigits) return std::nullopt;
    digits.push_back(c);
  }
  if (digits.size() != kTotpDigits) return std::nullopt;

  std::int64_t now = TotpStep(unix_seconds);
  std::optional<std::int64_t> matched;
  // Every step is computed and compared, whether or not an earlier one matched, so the time
  // taken does not tell which step (if any) was right. Nearest steps first: on the (1e-6) chance
  // two steps share a code, the current one wins.
  for (int distance = 0; distance <= window; ++distance) {
    for (int sign : {1, -1}) {
      if (distance == 0 && sign == -1) continue;
      std::int64_t step = now + sign * distance;
      bool equal = ConstantTimeEquals(CodeForStep(secret, step), digits);
      if (equal && !matched) matched = step;
    }
  }
  return matched;
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  std::string encoded_issuer = PercentEncode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + PercentEncode(account) +
         "?secret=" + Base32Encode(secret) + "&issuer=" + encoded_issuer +
         "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace vigor::platform::crypto
