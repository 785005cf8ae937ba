#pragma once

#include <functional>
#include <string>
#include <vector>

#include "platform/store/database.hpp"

namespace vigor::features::oauth {

// A user's authorisation of a client app that ended: the user revoked it in "connected apps",
// the app revoked its own refresh token, a reused refresh token or code revoked the grant, or an
// admin disabled the client. `client_id` is the client's row id (oauth_clients.id), not the
// public client_id apps send.
struct GrantRevoked {
  std::string user_id;
  std::string client_id;
  std::string grant_id;
  std::string
      reason;  // "user", "app", "reuse", "client_disabled", "client_deleted", "account_deleted"
};

// Who needs to know when a grant ends (webhooks send the app a deauthorisation event). The OAuth
// feature calls Notify inside the transaction that revokes, after the rows are written, so what
// an observer records (a delivery queued) commits with the revocation or not at all.
class GrantObservers {
 public:
  using Session = platform::store::Session;
  using Observer = std::function<void(Session&, const GrantRevoked&)>;

  // Installation only: observers are added before the server takes requests.
  void Add(Observer observer) { observers_.push_back(std::move(observer)); }

  void Notify(Session& s, const GrantRevoked& revoked) const {
    for (const auto& observer : observers_) observer(s, revoked);
  }

 private:
  std::vector<Observer> observers_;
};

}  // namespace vigor::features::oauth
