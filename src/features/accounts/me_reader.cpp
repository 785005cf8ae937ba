#include "features/accounts/me_reader.hpp"

#include "features/accounts/json_codec.hpp"
#include "platform/http/conditional_get.hpp"
#include "platform/http/json.hpp"

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
  Me me{.user = account_.Me(principal), .consent_required = account_.ConsentRequired(principal)};
  me.json = platform::http::SerializeJson(EncodeMeAnswer(me.user, me.consent_required, nullptr));
  me.etag = platform::http::RepresentationETag(principal.user_id, me.json);
  return me;
}

boost::json::object EncodeMeAnswer(const User& user, bool consent_required,
                                   const std::string* suspended_until) {
  auto me = EncodeMe(user);
  if (suspended_until != nullptr) me["suspended_until"] = *suspended_until;
  me["consent_required"] = consent_required;
  return me;
}

}  // namespace vigor::features::accounts
