#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "platform/i18n/messages.hpp"

namespace vigor::platform::crypto {

// What makes a new password acceptable, after OWASP ASVS 2.1 and NIST SP 800-63B: length and a
// blocklist, no composition rules (they push people to "Password1!" and add nothing).
// Immutable after construction, so one instance can be shared by every thread.
class PasswordPolicy {
 public:
  static constexpr std::size_t kMinCodePoints = 12;
  static constexpr std::size_t kMaxCodePoints = 128;
  // Names shorter than this are too likely to occur by chance in a good password.
  static constexpr std::size_t kMinPersonalPart = 4;

  // One password per line; blank lines and lines starting with '#' are ignored. Throws
  // std::runtime_error when the file cannot be read.
  static PasswordPolicy FromFile(const std::filesystem::path& path);
  // The list shipped in data/common-passwords.txt, compiled into the binary.
  static PasswordPolicy Embedded();

  // nullopt when `password` is acceptable, otherwise one message to show the user. `username`
  // and `email` may be empty (e.g. when not yet known).
  std::optional<i18n::Message> Check(std::string_view password, std::string_view username,
                                     std::string_view email) const;

  // How many distinct entries the blocklist holds.
  std::size_t common_count() const { return common_->size(); }

 private:
  using Set = std::unordered_set<std::string>;
  explicit PasswordPolicy(std::shared_ptr<const Set> common) : common_(std::move(common)) {}
  static std::shared_ptr<const Set> Parse(std::string_view text);

  std::shared_ptr<const Set> common_;  // lower-cased
};

// The text of data/common-passwords.txt as compiled in. Generated into
// common_passwords_data.cpp by scripts/gen-common-passwords; a unit test checks it still equals
// the file.
std::string_view EmbeddedCommonPasswords();

}  // namespace vigor::platform::crypto
