#pragma once

#include "features/social/social_lookup.hpp"
#include "platform/crypto/secret_box.hpp"

namespace vigor::features::social {

// SocialLookup over the social feature's tables (privacy_settings, privacy_zones) and the users
// table's public columns.
class SocialLookupImpl final : public SocialLookup {
 public:
  explicit SocialLookupImpl(const platform::crypto::SecretBox& secrets) : secrets_(secrets) {}

  Visibility DefaultVisibility(Session& s, std::string_view user_id, std::string_view kind,
                               const std::optional<std::string>& sport) override;
  std::vector<PrivacyZone> ZonesOf(Session& s, std::string_view user_id) override;
  std::optional<std::string> UserIdOf(Session& s, std::string_view username) override;
  std::map<std::string, UserCard> CardsOf(Session& s,
                                          std::span<const std::string> user_ids) override;

 private:
  const platform::crypto::SecretBox& secrets_;
};

}  // namespace vigor::features::social
