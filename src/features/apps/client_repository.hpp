#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/apps/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::apps {

// The SQL of oauth_clients as their owners and admins manage them. Every owner's read and write
// takes the owner: another user's app is simply not found.
class ClientRepository {
 public:
  using Session = platform::store::Session;

  void Insert(Session& s, const ClientApp& app, const std::optional<std::string>& secret_hash);
  std::optional<ClientApp> Find(Session& s, const std::string& owner_id,
                                const std::string& client_id);
  // The owner's apps, newest first.
  std::vector<ClientApp> ListOfOwner(Session& s, const std::string& owner_id);
  // Name, URLs and redirect URIs; false when the owner has no such app.
  bool Update(Session& s, const std::string& owner_id, const ClientApp& app);
  bool SetSecret(Session& s, const std::string& owner_id, const std::string& id,
                 const std::string& secret_hash, const std::string& secret_hint,
                 const std::string& at);
  bool Delete(Session& s, const std::string& owner_id, const std::string& id);

  // For admins: every app with its owner's username, newest first, after `before_id`.
  std::vector<AdminApp> ListAll(Session& s, const std::string& before_id, int limit);
  std::optional<AdminApp> FindAny(Session& s, const std::string& client_id);
  void SetDisabled(Session& s, const std::string& id, const std::optional<std::string>& at);
};

}  // namespace vigor::features::apps
