#include "features/webhooks/model.hpp"

#include <algorithm>
#include <array>

#include "platform/crypto/hmac.hpp"

namespace vigor::features::webhooks {

const std::vector<std::string>& KnownEvents() {
  static const std::vector<std::string> kEvents = {
      std::string(kWorkoutCreated), std::string(kWorkoutUpdated), std::string(kWorkoutDeleted),
      std::string(kAppDeauthorized)};
  return kEvents;
}

bool IsKnownEvent(std::string_view event) {
  const auto& known = KnownEvents();
  return std::find(known.begin(), known.end(), event) != known.end();
}

std::string SignatureHeader(std::string_view secret, std::int64_t unix_seconds,
                            std::string_view body) {
  std::string t = std::to_string(unix_seconds);
  std::string signed_text = t + "." + std::string(body);
  return "t=" + t + ",v1=" + platform::crypto::HmacSha256Hex(secret, signed_text);
}

std::optional<std::int64_t> RetryDelaySeconds(int attempt, std::int64_t base_seconds) {
  static constexpr std::array<std::int64_t, kMaxAttempts - 1> kFactors = {1, 4, 20, 120, 720};
  if (attempt < 1 || attempt >= kMaxAttempts) return std::nullopt;
  return base_seconds * kFactors[static_cast<std::size_t>(attempt - 1)];
}

}  // namespace vigor::features::webhooks
