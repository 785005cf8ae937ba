#pragma once

#include <functional>
#include <string>
#include <vector>

#include "features/accounts/audit_log.hpp"
#include "features/accounts/model.hpp"
#include "features/apps/client_repository.hpp"
#include "features/apps/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::apps {

// Ends every grant of one client (by its row id, oauth_clients.id) inside the caller's
// transaction, telling the grant observers why ("client_disabled", "client_deleted"). The oauth
// feature owns grants and supplies it (RevokeClientGrants of features/oauth/grant_revocation.hpp);
// without one, a disabled client's grants are left to the token checks, which refuse a disabled
// client, and a deleted client's grants go with its row (ON DELETE CASCADE).
using GrantRevoker = std::function<void(platform::store::Session&, const std::string& client_row_id,
                                        const std::string& reason)>;

// Client apps their owners register (/api/v1/me/apps) and admins oversee (/api/v1/admin/apps).
// A confidential app gets a secret ("vgr_cs_" + 43 base64url characters), shown once and kept
// only as its SHA-256; a public app (a native or browser app that cannot keep a secret) has none.
class AppService {
 public:
  AppService(platform::store::Database& database, accounts::AuditLog& audit)
      : database_(database), audit_(audit) {}

  void SetGrantRevoker(GrantRevoker revoker) { revoke_grants_ = std::move(revoker); }

  // Checks every field at once (kValidation with each problem).
  AppWithSecret Register(const platform::auth::Principal& owner, const AppInput& input);
  std::vector<ClientApp> List(const platform::auth::Principal& owner);
  // kNotFound for another user's app or none.
  ClientApp Get(const platform::auth::Principal& owner, const std::string& client_id);
  // Name, logo, homepage and redirect URIs (whether it is confidential stays as registered).
  ClientApp Update(const platform::auth::Principal& owner, const std::string& client_id,
                   const AppInput& input);
  // A new secret for a confidential app; the old one stops working at once. kConflict for a
  // public app, which has none.
  AppWithSecret RotateSecret(const platform::auth::Principal& owner, const std::string& client_id,
                             const accounts::ClientInfo& client);
  // Deletes the app and ends its grants.
  void Delete(const platform::auth::Principal& owner, const std::string& client_id,
              const accounts::ClientInfo& client);

  AdminAppPage AdminList(const platform::auth::Principal& admin, const std::string& cursor,
                         int limit);
  // Disabling ends the app's grants; enabling lets users authorise it again. Audited.
  AdminApp AdminSetDisabled(const platform::auth::Principal& admin, const std::string& client_id,
                            bool disabled, const accounts::ClientInfo& client);

 private:
  void RevokeGrants(platform::store::Session& s, const std::string& client_row_id,
                    const std::string& reason);

  platform::store::Database& database_;
  accounts::AuditLog& audit_;
  ClientRepository clients_;
  GrantRevoker revoke_grants_;
};

}  // namespace vigor::features::apps
