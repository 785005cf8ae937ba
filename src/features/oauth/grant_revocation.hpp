#pragma once

#include <string>

#include "platform/store/database.hpp"

namespace vigor::features::oauth {

class GrantObservers;

// Ends every live grant of one client (all its users) inside the caller's write transaction:
// the grants are marked revoked with `reason`, their tokens stop working at once, and
// GrantObservers::Notify runs once per grant inside the same transaction. For the apps lane:
// an admin disabling a client (reason "client_disabled") or its owner deleting it
// ("client_deleted"). `client_row_id` is oauth_clients.id, not the public client_id.
// Returns how many grants were revoked.
int RevokeClientGrants(platform::store::Session& s, const GrantObservers& observers,
                       const std::string& client_row_id, const std::string& reason);

}  // namespace vigor::features::oauth
