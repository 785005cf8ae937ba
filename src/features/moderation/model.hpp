#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigor::features::moderation {

// A user's report about one item. `item_id` names the item as its kind does (for a user: the
// user's id); `owner_id` is whose content it is; `excerpt` the copy made when it was reported.
struct Report {
  std::string id;
  std::string reporter_id;
  std::string kind;
  std::string owner_id;
  std::string item_id;
  std::string reason;
  std::string details;
  std::string excerpt;
  std::string state;  // "open", "decided"
  std::optional<std::string> decision_id;
  std::string created_at;
  std::int64_t reports_on_item = 1;  // reports in the same state about the same item
};

struct ReportInput {
  std::string kind;
  std::string id;
  std::string owner;  // username, for per-user ids (workouts); may be empty
  std::string reason;
  std::string details;
};

struct ReportOutcome {
  Report report;
  bool created = false;  // false: the reporter's open report about the item, made before
};

struct Appeal {
  std::string id;
  std::string decision_id;
  std::string user_id;
  std::string text;
  std::string state;  // "pending", "upheld", "reversed"
  std::string outcome_note;
  std::string created_at;
  std::optional<std::string> decided_at;
};

// What a moderator decided about one item (all its open reports at once).
struct Decision {
  std::string id;
  std::string owner_id;
  std::string kind;
  std::string item_id;
  std::string action;  // "dismiss", "hide", "warn", "suspend"
  std::optional<std::int64_t> days;
  std::optional<std::string> suspended_until;
  std::string note;
  std::string excerpt;
  std::string reason;
  std::optional<std::string> moderator_id;
  std::string created_at;
  std::optional<std::string> reversed_at;
  std::optional<Appeal> appeal;
};

struct DecisionInput {
  std::string action;
  std::optional<std::int64_t> days;
  std::string note;
};

struct AppealOutcomeInput {
  std::string outcome;  // "upheld", "reversed"
  std::string note;
};

// An appeal with the decision it is against, for the moderators' list.
struct AppealWithDecision {
  Appeal appeal;
  Decision decision;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<std::string> next_cursor;
};

}  // namespace vigor::features::moderation
