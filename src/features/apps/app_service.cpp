#include "features/apps/app_service.hpp"

#include <algorithm>

#include "core/limits.hpp"
#include "features/apps/client_urls.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::apps {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;
using platform::store::Session;
namespace crypto = platform::crypto;
namespace limits = core::limits;

namespace {

constexpr std::string_view kClientIdPrefix = "vgr_client_";
constexpr std::string_view kSecretPrefix = "vgr_cs_";
// The secret's first characters after its prefix: enough to tell two secrets apart, far too few
// to guess the rest (43 characters, 256 bits).
constexpr std::size_t kHintRandomCharacters = 4;

std::string NewClientId() {
  // 22 base64url characters: 16 random bytes give 22 characters (RandomToken drops padding).
  return std::string(kClientIdPrefix) + crypto::RandomToken(16);
}

std::string NewSecret() { return std::string(kSecretPrefix) + crypto::RandomToken(32); }

std::string HintOf(const std::string& secret) {
  return secret.substr(0, kSecretPrefix.size() + kHintRandomCharacters) + "...";
}

// Characters, not bytes: every byte but a UTF-8 continuation byte starts one.
std::size_t CharactersIn(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void CheckUrl(platform::FieldErrors& errors, const std::string& field,
              const std::optional<std::string>& url) {
  if (!url) return;
  if (url->size() > limits::kAppUrlLength) {
    errors.Add(field, Msg("too_long", {{"max", limits::kAppUrlLength}}));
  } else if (auto problem = WebUrlProblem(*url)) {
    errors.Add(field, Msg(*problem));
  }
}

void Validate(const AppInput& input) {
  platform::FieldErrors errors;
  if (input.name.empty() || CharactersIn(input.name) > limits::kAppNameLength) {
    errors.Add("name", Msg("length_between", {{"min", 1}, {"max", limits::kAppNameLength}}));
  }
  CheckUrl(errors, "logo_url", input.logo_url);
  CheckUrl(errors, "homepage_url", input.homepage_url);
  if (input.redirect_uris.size() > limits::kAppRedirectUris) {
    errors.Add("redirect_uris", Msg("redirect_uris_too_many", {{"max", limits::kAppRedirectUris}}));
  }
  for (std::size_t i = 0; i < input.redirect_uris.size(); ++i) {
    const auto& uri = input.redirect_uris[i];
    auto field = "redirect_uris[" + std::to_string(i) + "]";
    if (uri.size() > limits::kAppUrlLength) {
      errors.Add(field, Msg("too_long", {{"max", limits::kAppUrlLength}}));
    } else if (auto problem = RedirectUriProblem(uri)) {
      errors.Add(field, Msg(*problem));
    } else if (std::find(input.redirect_uris.begin(),
                         input.redirect_uris.begin() + static_cast<std::ptrdiff_t>(i),
                         uri) != input.redirect_uris.begin() + static_cast<std::ptrdiff_t>(i)) {
      errors.Add(field, Msg("redirect_uri_duplicate"));
    }
  }
  errors.ThrowIfAny();
}

ClientApp Existing(std::optional<ClientApp> app) {
  if (!app) throw Error(ErrorKind::kNotFound, Msg("no_such_app"));
  return std::move(*app);
}

void RequireAdmin(const Principal& p) {
  if (!p.IsAdmin()) throw Error(ErrorKind::kForbidden, Msg("admin_only"));
}

}  // namespace

void AppService::RevokeGrants(Session& s, const std::string& client_row_id,
                              const std::string& reason) {
  if (revoke_grants_) revoke_grants_(s, client_row_id, reason);
}

AppWithSecret AppService::Register(const Principal& owner, const AppInput& input) {
  Validate(input);
  AppWithSecret created;
  auto& app = created.app;
  app.id = platform::NewId();
  app.client_id = NewClientId();
  app.owner_id = owner.user_id;
  app.name = input.name;
  app.logo_url = input.logo_url;
  app.homepage_url = input.homepage_url;
  app.redirect_uris = input.redirect_uris;
  app.confidential = input.confidential;
  app.created_at = platform::NowRfc3339();
  app.updated_at = app.created_at;
  std::optional<std::string> hash;
  if (input.confidential) {
    created.client_secret = NewSecret();
    hash = crypto::Sha256Hex(*created.client_secret);
    app.secret_hint = HintOf(*created.client_secret);
  }
  database_.Write([&](Session& s) { clients_.Insert(s, app, hash); });
  return created;
}

std::vector<ClientApp> AppService::List(const Principal& owner) {
  return database_.ReadResult([&](Session& s) { return clients_.ListOfOwner(s, owner.user_id); });
}

ClientApp AppService::Get(const Principal& owner, const std::string& client_id) {
  return Existing(
      database_.ReadResult([&](Session& s) { return clients_.Find(s, owner.user_id, client_id); }));
}

ClientApp AppService::Update(const Principal& owner, const std::string& client_id,
                             const AppInput& input) {
  Validate(input);
  return database_.WriteResult([&](Session& s) {
    ClientApp app = Existing(clients_.Find(s, owner.user_id, client_id));
    app.name = input.name;
    app.logo_url = input.logo_url;
    app.homepage_url = input.homepage_url;
    app.redirect_uris = input.redirect_uris;
    app.updated_at = platform::NowRfc3339();
    clients_.Update(s, owner.user_id, app);
    return app;
  });
}

AppWithSecret AppService::RotateSecret(const Principal& owner, const std::string& client_id,
                                       const accounts::ClientInfo& client) {
  return database_.WriteResult([&](Session& s) {
    AppWithSecret rotated{.app = Existing(clients_.Find(s, owner.user_id, client_id)),
                          .client_secret = std::nullopt};
    auto& app = rotated.app;
    if (!app.confidential) throw Error(ErrorKind::kConflict, Msg("app_public_has_no_secret"));
    rotated.client_secret = NewSecret();
    app.secret_hint = HintOf(*rotated.client_secret);
    app.secret_rotated_at = platform::NowRfc3339();
    app.updated_at = *app.secret_rotated_at;
    clients_.SetSecret(s, owner.user_id, app.id, crypto::Sha256Hex(*rotated.client_secret),
                       *app.secret_hint, *app.secret_rotated_at);
    audit_.Record(s, "app_secret_rotated", owner.user_id, owner.user_id, client.ip,
                  "client_id: " + app.client_id);
    return rotated;
  });
}

void AppService::Delete(const Principal& owner, const std::string& client_id,
                        const accounts::ClientInfo& client) {
  database_.Write([&](Session& s) {
    ClientApp app = Existing(clients_.Find(s, owner.user_id, client_id));
    // Before the row goes: the grants' observers (webhooks) still find the client.
    RevokeGrants(s, app.id, "client_deleted");
    clients_.Delete(s, owner.user_id, app.id);
    audit_.Record(s, "app_deleted", owner.user_id, owner.user_id, client.ip,
                  "client_id: " + app.client_id);
  });
}

AdminAppPage AppService::AdminList(const Principal& admin, const std::string& cursor, int limit) {
  RequireAdmin(admin);
  AdminAppPage page;
  page.items =
      database_.ReadResult([&](Session& s) { return clients_.ListAll(s, cursor, limit + 1); });
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = page.items.back().app.id;
  }
  return page;
}

AdminApp AppService::AdminSetDisabled(const Principal& admin, const std::string& client_id,
                                      bool disabled, const accounts::ClientInfo& client) {
  RequireAdmin(admin);
  return database_.WriteResult([&](Session& s) {
    auto found = clients_.FindAny(s, client_id);
    if (!found) throw Error(ErrorKind::kNotFound, Msg("no_such_app"));
    AdminApp app = std::move(*found);
    if (disabled == app.app.disabled_at.has_value()) return app;  // already so: nothing to do
    if (disabled) {
      app.app.disabled_at = platform::NowRfc3339();
      clients_.SetDisabled(s, app.app.id, app.app.disabled_at);
      RevokeGrants(s, app.app.id, "client_disabled");
    } else {
      app.app.disabled_at = std::nullopt;
      clients_.SetDisabled(s, app.app.id, std::nullopt);
    }
    audit_.Record(s, disabled ? "app_disabled" : "app_enabled", app.app.owner_id, admin.user_id,
                  client.ip, "client_id: " + app.app.client_id);
    return app;
  });
}

}  // namespace vigor::features::apps
