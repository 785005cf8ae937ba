#include "features/accounts/me_reader.hpp"

namespace vigor::features::accounts {

MeReader::MeReader(AccountService& account, platform::store::TableWatch* watch,
                   std::chrono::milliseconds lifetime)
    : account_(account) {
  if (watch != nullptr && lifetime.count() > 0) {
    cache_ = std::make_unique<platform::store::WatchedCache<Me>>(*watch, lifetime);
  }
}

MeReader::Me MeReader::Read(const platform::auth::Principal& principal) {
  if (!cache_) return Load(principal);
  return cache_->Find(principal.user_id, [&] { return Load(principal); });
}

MeReader::Me MeReader::Load(const platform::auth::Principal& principal) {
  return Me{.user = account_.Me(principal),
            .consent_required = account_.ConsentRequired(principal)};
}

}  // namespace vigor::features::accounts
