#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "platform/auth/principal.hpp"

namespace vigor::platform::store {
class TableWatch;
}

namespace vigor::platform::auth {

// Credentials (session cookies, access tokens) resolved to their Principal, kept in memory for a
// short time so that a request with a known credential does not read the database (issue 16).
//
// Never stale in this process: a copy is made of reads recorded by the TableWatch, and any
// committed write to a table those reads name (a token revoked, a session ended, a password
// changed, a user suspended, disabled or deleted, a grant revoked, a locale changed) drops every
// copy before that write returns, so the writer's very next request, and everyone else's, reads
// the database again. A copy also ends at its credential's own expiry (`valid_until`) and after
// the lifetime given here, which bounds how long a write by another process (a second instance,
// the command line) goes unseen until the cluster's notifications reach Invalidate.
class CredentialCache {
 public:
  // A credential's principal and the instant (RFC 3339, as stored) at which it stops being
  // valid by itself (expiry, idle timeout, end of a suspension); "" when it has none.
  struct Loaded {
    Principal principal;
    std::string valid_until;
  };

  CredentialCache(store::TableWatch& watch, std::chrono::milliseconds lifetime,
                  std::size_t max_entries = 10'000);

  // The principal of `key` (a hash of the credential, never the credential itself): from
  // memory when a copy is current, else from `load`, whose reads are recorded and whose result
  // is kept unless a watched write committed meanwhile. `load` returns nullopt for an unknown
  // credential (not kept) and may throw (nothing kept).
  std::optional<Principal> Find(const std::string& key,
                                const std::function<std::optional<Loaded>()>& load);

  // Drops every copy: a watched table changed (here, or in another instance).
  void Invalidate();

  std::chrono::milliseconds lifetime() const { return lifetime_; }

 private:
  struct Entry {
    Loaded loaded;
    std::chrono::steady_clock::time_point until;
    std::uint64_t generation = 0;
  };

  store::TableWatch& watch_;
  std::chrono::milliseconds lifetime_;
  std::size_t max_entries_;
  std::atomic<std::uint64_t> generation_{0};
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace vigor::platform::auth
