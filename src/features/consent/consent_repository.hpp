#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/consent/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::consent {

// privacy_policies and consents. Consent rows are always read and written for their owner.
class ConsentRepository {
 public:
  using Session = platform::store::Session;

  // The newest version (migration 0034 ships version 1, so there always is one).
  std::optional<Policy> CurrentPolicy(Session& s);
  // Newest first, at most `limit`.
  std::vector<Policy> Policies(Session& s, int limit);
  // Publishes the next version and returns its number.
  std::int64_t Publish(Session& s, const std::string& text, const std::string& now,
                       const std::string& admin_id);

  // The user's consents to `purpose`, newest first, at most `limit`.
  std::vector<Consent> Consents(Session& s, const std::string& user_id, int limit);
  // The newest policy version of the user's consents to `purpose` not withdrawn.
  std::optional<std::int64_t> ActiveVersion(Session& s, const std::string& user_id,
                                            std::string_view purpose);
  void Insert(Session& s, const std::string& user_id, std::string_view purpose,
              std::int64_t version, const std::string& now);
  // Marks every consent of the user to `purpose` not withdrawn yet; returns how many.
  std::int64_t Withdraw(Session& s, const std::string& user_id, std::string_view purpose,
                        const std::string& now);
};

}  // namespace vigor::features::consent
