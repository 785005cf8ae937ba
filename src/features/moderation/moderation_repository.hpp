#pragma once

#include <optional>
#include <string>
#include <vector>

#include "features/moderation/model.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::moderation {

// The moderation tables of migration 0029 and the hidden_content rows of 0022 moderation writes.
// Reports and appeals are looked up by their owner (the reporter, the appellant) on the user's
// paths and by id only on the staff's, whose routes admit moderators alone.
class ModerationRepository {
 public:
  using Session = platform::store::Session;

  // Reports.
  std::optional<Report> FindOpenReport(Session& s, const std::string& reporter_id,
                                       const std::string& kind, const std::string& owner_id,
                                       const std::string& item_id);
  void InsertReport(Session& s, const Report& report);
  // Staff: any report by id.
  std::optional<Report> FindReport(Session& s, const std::string& id);
  // Staff: open reports oldest first (after `cursor`), decided ones newest first (before it).
  std::vector<Report> ListReports(Session& s, bool open, const std::string& cursor, int limit);
  // Marks every open report about the item decided by `decision_id`.
  void DecideOpenReports(Session& s, const std::string& kind, const std::string& owner_id,
                         const std::string& item_id, const std::string& decision_id);

  // Decisions.
  void InsertDecision(Session& s, const Decision& decision);
  // The user's own decision (not a dismissal), with its appeal.
  std::optional<Decision> FindDecisionOf(Session& s, const std::string& owner_id,
                                         const std::string& id);
  // The user's decisions (no dismissals), newest first, before `cursor`.
  std::vector<Decision> ListDecisionsOf(Session& s, const std::string& owner_id,
                                        const std::string& cursor, int limit);
  void MarkDecisionReversed(Session& s, const std::string& id, const std::string& now);

  // Appeals.
  void InsertAppeal(Session& s, const Appeal& appeal);
  // Staff: an appeal with its decision.
  std::optional<AppealWithDecision> FindAppeal(Session& s, const std::string& id);
  // Staff: pending appeals oldest first (after `cursor`), decided ones newest first.
  std::vector<AppealWithDecision> ListAppeals(Session& s, bool pending, const std::string& cursor,
                                              int limit);
  void DecideAppeal(Session& s, const std::string& id, const std::string& state,
                    const std::string& note, const std::string& moderator_id,
                    const std::string& now);

  // What decisions do.
  void Hide(Session& s, const std::string& kind, const std::string& owner_id,
            const std::string& item_id, const std::string& now, const std::string& report_id);
  void Unhide(Session& s, const std::string& kind, const std::string& owner_id,
              const std::string& item_id);
  void Suspend(Session& s, const std::string& user_id, const std::string& until,
               const std::string& decision_id);
  // Lifts the suspension `decision_id` set (a later one stays).
  void LiftSuspension(Session& s, const std::string& user_id, const std::string& decision_id);
  // The end of the user's suspension when it is later than `now`.
  std::optional<std::string> SuspendedUntil(Session& s, const std::string& user_id,
                                            const std::string& now);
};

}  // namespace vigor::features::moderation
