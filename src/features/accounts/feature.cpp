#include "features/accounts/feature.hpp"

#include "features/accounts/auth_middleware.hpp"
#include "features/accounts/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/crypto/sealed_columns.hpp"
#include "platform/jobs/housekeeping.hpp"
#include "platform/store/table_watch.hpp"

namespace vigor::features::accounts {

namespace {

AuthOptions AuthOptionsOf(const platform::config::Config& config) {
  AuthOptions options;
  options.session_idle = std::chrono::hours(config.session_idle_hours);
  options.session_absolute = std::chrono::hours(config.session_absolute_hours);
  return options;
}

// Cookies are Secure (and __Host-) when browsers reach the instance over TLS, here or at a
// proxy in front.
bool SecureCookies(const platform::config::Config& config) {
  return config.tls() || config.effective_public_url().starts_with("https://");
}

}  // namespace

AccountsFeature::AccountsFeature(platform::FeatureContext& context)
    : settings_(context.database, context.config.registration, context.logger,
                context.config.webhooks_allow_private),
      mails_(context.config.effective_public_url(), context.config.instance_name),
      deps_{context.database, context.hasher, context.password_policy,
            context.secrets,  context.mail,   context.rate_limiter,
            settings_,        mails_,         AuthOptionsOf(context.config)},
      auth_(deps_),
      account_(deps_, auth_, context.config.instance_name) {
  auth_.SetCredentialCache(context.credential_cache);
  bool secure = SecureCookies(context.config);
  // The application's database is the table watch (app/build_app.cpp); without one (a test's
  // bare database) GET /me reads every time.
  auto* watch = dynamic_cast<platform::store::TableWatch*>(&context.database);
  auto me_reader = std::make_shared<MeReader>(
      account_, watch, std::chrono::seconds(context.config.credential_cache_seconds));
  RegisterRoutes(context.router, auth_, account_, {.secure = secure}, std::move(me_reader));
  context.middleware.push_back(MakeAuthMiddleware(
      auth_, {.secure_cookies = secure, .public_origin = context.config.effective_public_url()}));
  context.sealed_columns.Add({.table = "users",
                              .key_columns = {"id"},
                              .column = "totp_secret_sealed",
                              .what = "two-factor (TOTP) secrets"});
  context.sealed_columns.Add({.table = "users",
                              .key_columns = {"id"},
                              .column = "totp_pending_sealed",
                              .what = "two-factor secrets being set up"});

  using platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("sessions", [this](Session& s, TimePoint now, int limit) {
    return auth_.PurgeDeadSessions(s, now, limit);
  });
  context.housekeeping.Add("one_time_tokens", [this](Session& s, TimePoint now, int limit) {
    return auth_.PurgeExpiredOneTimeTokens(s, now, limit);
  });
  context.housekeeping.Add("account_erasures", [this](Session& s, TimePoint now, int limit) {
    return auth_.EraseDueAccounts(s, now, limit);
  });
}

}  // namespace vigor::features::accounts
