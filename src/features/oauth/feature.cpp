#include "features/oauth/feature.hpp"

#include "features/oauth/routes.hpp"
#include "platform/config/config.hpp"
#include "platform/error.hpp"
#include "platform/jobs/housekeeping.hpp"

namespace vigor::features::oauth {

namespace {

// The issuer (RFC 8414, RFC 9207): the instance's public origin, without a trailing slash.
std::string IssuerOf(const platform::config::Config& config) {
  std::string origin = config.effective_public_url();
  while (!origin.empty() && origin.back() == '/') origin.pop_back();
  return origin;
}

}  // namespace

OAuthFeature::OAuthFeature(platform::FeatureContext& context, accounts::AuthService& auth,
                           const GrantObservers& grant_events)
    : service_(context.database, grant_events, IssuerOf(context.config)) {
  RegisterRoutes(context.router, service_, context.rate_limiter);

  auth.SetOAuthTokenVerifier(
      [this](const std::string& token) -> std::optional<accounts::OAuthTokenHolder> {
        auto holder = service_.VerifyAccessToken(token);
        if (!holder) return std::nullopt;
        return accounts::OAuthTokenHolder{holder->user_id, holder->grant_id, holder->scopes,
                                          holder->expires_at};
      });
  auth.SetOAuthGrantsEnder([this](platform::store::Session& s, const std::string& user_id) {
    service_.RevokeAllOfUser(s, user_id, "account_deleted");
  });
  // Introspection reports a suspended user's access tokens inactive, as the API refuses them.
  service_.SetAccessTokenCheck([&auth](const std::string& token) {
    try {
      return auth.AuthenticateToken(token, accounts::ClientInfo{}).has_value();
    } catch (const platform::Error&) {
      return false;  // a suspended user's token
    }
  });

  using platform::store::Session;
  using TimePoint = std::chrono::system_clock::time_point;
  context.housekeeping.Add("oauth", [this](Session& s, TimePoint now, int limit) {
    return service_.Purge(s, now, limit);
  });
}

}  // namespace vigor::features::oauth
