#include "platform/id.hpp"

#include <openssl/rand.h>

#include <chrono>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <utility>

namespace vigor::platform {

namespace {

// Ids made by one process increase (RFC 9562, section 6.2, method 1): within one millisecond the
// 12 bits after the version count up from a random start, so lists ordered by id ("newest
// first") keep the order things were made in even when two are made in the same millisecond.
// Should the counter run out, the id borrows the next millisecond.
struct IdClock {
  std::mutex mutex;
  std::uint64_t last_ms = 0;
  unsigned counter = 0;
};

std::pair<std::uint64_t, unsigned> NextTick(std::uint64_t now_ms, unsigned random_start) {
  static IdClock clock;
  std::lock_guard lock(clock.mutex);
  if (now_ms > clock.last_ms) {
    clock.last_ms = now_ms;
    clock.counter = random_start & 0x7FF;  // the upper half left for the count
  } else if (++clock.counter > 0xFFF) {
    ++clock.last_ms;
    clock.counter = 0;
  }
  return {clock.last_ms, clock.counter};
}

}  // namespace

std::string NewId() {
  unsigned char b[16];
  RAND_bytes(b, sizeof b);
  auto now_ms = static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                               std::chrono::system_clock::now().time_since_epoch())
                                               .count());
  auto [ms, counter] = NextTick(now_ms, (static_cast<unsigned>(b[6]) << 8) | b[7]);
  for (int i = 0; i < 6; ++i) b[i] = static_cast<unsigned char>(ms >> (8 * (5 - i)));
  b[6] = static_cast<unsigned char>(0x70 | ((counter >> 8) & 0x0F));  // version 7, count
  b[7] = static_cast<unsigned char>(counter & 0xFF);
  b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);  // variant 10
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 0xF]);
  }
  return out;
}

bool IsUuid(std::string_view text) {
  if (text.size() != 36) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (c != '-') return false;
    } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      return false;
    }
  }
  return true;
}

}  // namespace vigor::platform
