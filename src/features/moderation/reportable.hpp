#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "platform/store/database.hpp"

namespace vigor::features::moderation {

// What a report points at, as the feature that owns the content sees it.
struct ReportedContent {
  std::string owner_id;  // whose content it is (the user a decision is about)
  std::string excerpt;   // what the moderator reads in the queue: a copy made when reported
};

// Content users can report, by kind ("user", "workout", "comment", "club", "club_post"): each
// feature that owns a kind registers how to find one item as a given viewer sees it. A resolver
// returns nullopt when the item does not exist or the viewer may not see it (the privacy
// policy): nobody can report, and so learn of, what they cannot see. The moderation feature asks
// here when a report is made and stores the excerpt with the report.
class ReportableKinds {
 public:
  using Session = platform::store::Session;
  // `owner_hint`: for per-user ids (workouts), the owner's username as the client knows it;
  // empty for globally unique ids.
  using Resolver = std::function<std::optional<ReportedContent>(
      Session&, const std::string& viewer_id, std::string_view owner_hint, std::string_view id)>;

  // Installation only.
  void Add(std::string kind, Resolver resolver) { kinds_[std::move(kind)] = std::move(resolver); }
  const Resolver* Find(std::string_view kind) const {
    auto it = kinds_.find(std::string(kind));
    return it == kinds_.end() ? nullptr : &it->second;
  }
  const std::map<std::string, Resolver>& all() const { return kinds_; }

 private:
  std::map<std::string, Resolver> kinds_;
};

}  // namespace vigor::features::moderation
