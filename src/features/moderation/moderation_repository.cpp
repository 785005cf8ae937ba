#include "features/moderation/moderation_repository.hpp"

namespace vigor::features::moderation {

namespace {

using platform::store::Row;
using platform::store::Statement;

#define VIGOR_REPORT_COLUMNS                                                                \
  "r.id, r.reporter_id, r.kind, r.owner_id, r.item_id, r.reason, r.details, r.excerpt, "    \
  "r.state, r.decision_id, r.created_at, (SELECT COUNT(*) FROM reports c WHERE c.kind = "   \
  "r.kind AND c.owner_id = r.owner_id AND c.item_id = r.item_id AND c.state = r.state) AS " \
  "reports_on_item"

constexpr Statement kFindOpenReport{
    "reports.find_open",
    "SELECT " VIGOR_REPORT_COLUMNS
    " FROM reports r WHERE r.reporter_id = $1 AND r.kind = $2 AND r.owner_id = $3 AND "
    "r.item_id = $4 AND r.state = 'open'"};
constexpr Statement kInsertReport{
    "reports.insert",
    "INSERT INTO reports (id, reporter_id, kind, owner_id, item_id, reason, details, excerpt, "
    "state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)"};
constexpr Statement kFindReport{"reports.find",
                                "SELECT " VIGOR_REPORT_COLUMNS " FROM reports r WHERE r.id = $1"};
constexpr Statement kListOpenReports{"reports.list_open",
                                     "SELECT " VIGOR_REPORT_COLUMNS
                                     " FROM reports r WHERE r.state = 'open' AND r.id > $1 "
                                     "ORDER BY r.id LIMIT $2"};
constexpr Statement kListDecidedReports{
    "reports.list_decided", "SELECT " VIGOR_REPORT_COLUMNS
                            " FROM reports r WHERE r.state = 'decided' AND ($1 = '' OR r.id < $1) "
                            "ORDER BY r.id DESC LIMIT $2"};
constexpr Statement kDecideOpenReports{
    "reports.decide_open",
    "UPDATE reports SET state = 'decided', decision_id = $4 WHERE kind = $1 AND owner_id = $2 "
    "AND item_id = $3 AND state = 'open'"};

#define VIGOR_DECISION_COLUMNS                                                              \
  "d.id, d.owner_id, d.kind, d.item_id, d.action, d.days, d.suspended_until, d.note, "      \
  "d.excerpt, d.reason, d.moderator_id, d.created_at, d.reversed_at, a.id AS appeal_id, "   \
  "a.user_id AS appeal_user_id, a.text AS appeal_text, a.state AS appeal_state, "           \
  "a.outcome_note AS appeal_outcome_note, a.created_at AS appeal_created_at, a.decided_at " \
  "AS appeal_decided_at"

constexpr Statement kInsertDecision{
    "moderation_decisions.insert",
    "INSERT INTO moderation_decisions (id, owner_id, kind, item_id, action, days, "
    "suspended_until, note, excerpt, reason, moderator_id, created_at) VALUES ($1, $2, $3, $4, "
    "$5, $6, $7, $8, $9, $10, $11, $12)"};
constexpr Statement kFindDecisionOf{
    "moderation_decisions.find_of_owner",
    "SELECT " VIGOR_DECISION_COLUMNS
    " FROM moderation_decisions d LEFT JOIN moderation_appeals a ON a.decision_id = d.id "
    "WHERE d.owner_id = $1 AND d.id = $2 AND d.action <> 'dismiss'"};
constexpr Statement kListDecisionsOf{
    "moderation_decisions.list_of_owner",
    "SELECT " VIGOR_DECISION_COLUMNS
    " FROM moderation_decisions d LEFT JOIN moderation_appeals a ON a.decision_id = d.id "
    "WHERE d.owner_id = $1 AND d.action <> 'dismiss' AND ($2 = '' OR d.id < $2) "
    "ORDER BY d.id DESC LIMIT $3"};
constexpr Statement kMarkDecisionReversed{
    "moderation_decisions.mark_reversed",
    "UPDATE moderation_decisions SET reversed_at = $2 WHERE id = $1"};

constexpr Statement kInsertAppeal{
    "moderation_appeals.insert",
    "INSERT INTO moderation_appeals (id, decision_id, user_id, text, state, created_at) "
    "VALUES ($1, $2, $3, $4, 'pending', $5)"};
constexpr Statement kFindAppeal{
    "moderation_appeals.find",
    "SELECT " VIGOR_DECISION_COLUMNS
    " FROM moderation_appeals a JOIN moderation_decisions d ON d.id = a.decision_id "
    "WHERE a.id = $1"};
constexpr Statement kListPendingAppeals{
    "moderation_appeals.list_pending",
    "SELECT " VIGOR_DECISION_COLUMNS
    " FROM moderation_appeals a JOIN moderation_decisions d ON d.id = a.decision_id "
    "WHERE a.state = 'pending' AND a.id > $1 ORDER BY a.id LIMIT $2"};
constexpr Statement kListDecidedAppeals{
    "moderation_appeals.list_decided",
    "SELECT " VIGOR_DECISION_COLUMNS
    " FROM moderation_appeals a JOIN moderation_decisions d ON d.id = a.decision_id "
    "WHERE a.state <> 'pending' AND ($1 = '' OR a.id < $1) ORDER BY a.id DESC LIMIT $2"};
constexpr Statement kDecideAppeal{
    "moderation_appeals.decide",
    "UPDATE moderation_appeals SET state = $2, outcome_note = $3, decided_by = $4, "
    "decided_at = $5 WHERE id = $1 AND state = 'pending'"};

constexpr Statement kHide{
    "hidden_content.hide",
    "INSERT INTO hidden_content (kind, owner_id, item_id, hidden_at, report_id) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, owner_id, item_id) DO NOTHING"};
constexpr Statement kUnhide{
    "hidden_content.unhide",
    "DELETE FROM hidden_content WHERE kind = $1 AND owner_id = $2 AND item_id = $3"};
constexpr Statement kSuspend{
    "suspensions.upsert",
    "INSERT INTO suspensions (user_id, ends_at, decision_id) VALUES ($1, $2, $3) "
    "ON CONFLICT (user_id) DO UPDATE SET ends_at = excluded.ends_at, "
    "decision_id = excluded.decision_id"};
constexpr Statement kLiftSuspension{
    "suspensions.lift", "DELETE FROM suspensions WHERE user_id = $1 AND decision_id = $2"};
constexpr Statement kSuspendedUntil{
    "suspensions.until", "SELECT ends_at FROM suspensions WHERE user_id = $1 AND ends_at > $2"};

Report ReportFromRow(const Row& r) {
  return Report{.id = r.Text("id"),
                .reporter_id = r.Text("reporter_id"),
                .kind = r.Text("kind"),
                .owner_id = r.Text("owner_id"),
                .item_id = r.Text("item_id"),
                .reason = r.Text("reason"),
                .details = r.Text("details"),
                .excerpt = r.Text("excerpt"),
                .state = r.Text("state"),
                .decision_id = r.OptText("decision_id"),
                .created_at = r.Text("created_at"),
                .reports_on_item = r.Int("reports_on_item")};
}

Decision DecisionFromRow(const Row& r) {
  Decision d{.id = r.Text("id"),
             .owner_id = r.Text("owner_id"),
             .kind = r.Text("kind"),
             .item_id = r.Text("item_id"),
             .action = r.Text("action"),
             .days = r.OptInt("days"),
             .suspended_until = r.OptText("suspended_until"),
             .note = r.Text("note"),
             .excerpt = r.Text("excerpt"),
             .reason = r.Text("reason"),
             .moderator_id = r.OptText("moderator_id"),
             .created_at = r.Text("created_at"),
             .reversed_at = r.OptText("reversed_at")};
  if (auto appeal_id = r.OptText("appeal_id")) {
    d.appeal = Appeal{.id = *appeal_id,
                      .decision_id = d.id,
                      .user_id = r.Text("appeal_user_id"),
                      .text = r.Text("appeal_text"),
                      .state = r.Text("appeal_state"),
                      .outcome_note = r.Text("appeal_outcome_note"),
                      .created_at = r.Text("appeal_created_at"),
                      .decided_at = r.OptText("appeal_decided_at")};
  }
  return d;
}

AppealWithDecision AppealFromRow(const Row& r) {
  auto decision = DecisionFromRow(r);
  Appeal appeal = *decision.appeal;
  decision.appeal.reset();
  return {std::move(appeal), std::move(decision)};
}

template <class T, class F>
std::vector<T> MapRows(const std::vector<Row>& rows, F from_row) {
  std::vector<T> items;
  items.reserve(rows.size());
  for (const auto& row : rows) items.push_back(from_row(row));
  return items;
}

}  // namespace

std::optional<Report> ModerationRepository::FindOpenReport(Session& s,
                                                           const std::string& reporter_id,
                                                           const std::string& kind,
                                                           const std::string& owner_id,
                                                           const std::string& item_id) {
  auto row = s.QueryOne(kFindOpenReport, reporter_id, kind, owner_id, item_id);
  if (!row) return std::nullopt;
  return ReportFromRow(*row);
}

void ModerationRepository::InsertReport(Session& s, const Report& r) {
  s.Execute(kInsertReport, r.id, r.reporter_id, r.kind, r.owner_id, r.item_id, r.reason, r.details,
            r.excerpt, r.created_at);
}

std::optional<Report> ModerationRepository::FindReport(Session& s, const std::string& id) {
  auto row = s.QueryOne(kFindReport, id);
  if (!row) return std::nullopt;
  return ReportFromRow(*row);
}

std::vector<Report> ModerationRepository::ListReports(Session& s, bool open,
                                                      const std::string& cursor, int limit) {
  auto rows = open ? s.Query(kListOpenReports, cursor, std::int64_t{limit})
                   : s.Query(kListDecidedReports, cursor, std::int64_t{limit});
  return MapRows<Report>(rows, ReportFromRow);
}

void ModerationRepository::DecideOpenReports(Session& s, const std::string& kind,
                                             const std::string& owner_id,
                                             const std::string& item_id,
                                             const std::string& decision_id) {
  s.Execute(kDecideOpenReports, kind, owner_id, item_id, decision_id);
}

void ModerationRepository::InsertDecision(Session& s, const Decision& d) {
  s.Execute(kInsertDecision, d.id, d.owner_id, d.kind, d.item_id, d.action, d.days,
            d.suspended_until, d.note, d.excerpt, d.reason, d.moderator_id, d.created_at);
}

std::optional<Decision> ModerationRepository::FindDecisionOf(Session& s,
                                                             const std::string& owner_id,
                                                             const std::string& id) {
  auto row = s.QueryOne(kFindDecisionOf, owner_id, id);
  if (!row) return std::nullopt;
  return DecisionFromRow(*row);
}

std::vector<Decision> ModerationRepository::ListDecisionsOf(Session& s, const std::string& owner_id,
                                                            const std::string& cursor, int limit) {
  return MapRows<Decision>(s.Query(kListDecisionsOf, owner_id, cursor, std::int64_t{limit}),
                           DecisionFromRow);
}

void ModerationRepository::MarkDecisionReversed(Session& s, const std::string& id,
                                                const std::string& now) {
  s.Execute(kMarkDecisionReversed, id, now);
}

void ModerationRepository::InsertAppeal(Session& s, const Appeal& a) {
  s.Execute(kInsertAppeal, a.id, a.decision_id, a.user_id, a.text, a.created_at);
}

std::optional<AppealWithDecision> ModerationRepository::FindAppeal(Session& s,
                                                                   const std::string& id) {
  auto row = s.QueryOne(kFindAppeal, id);
  if (!row) return std::nullopt;
  return AppealFromRow(*row);
}

std::vector<AppealWithDecision> ModerationRepository::ListAppeals(Session& s, bool pending,
                                                                  const std::string& cursor,
                                                                  int limit) {
  auto rows = pending ? s.Query(kListPendingAppeals, cursor, std::int64_t{limit})
                      : s.Query(kListDecidedAppeals, cursor, std::int64_t{limit});
  return MapRows<AppealWithDecision>(rows, AppealFromRow);
}

void ModerationRepository::DecideAppeal(Session& s, const std::string& id, const std::string& state,
                                        const std::string& note, const std::string& moderator_id,
                                        const std::string& now) {
  s.Execute(kDecideAppeal, id, state, note, moderator_id, now);
}

void ModerationRepository::Hide(Session& s, const std::string& kind, const std::string& owner_id,
                                const std::string& item_id, const std::string& now,
                                const std::string& report_id) {
  s.Execute(kHide, kind, owner_id, item_id, now, report_id);
}

void ModerationRepository::Unhide(Session& s, const std::string& kind, const std::string& owner_id,
                                  const std::string& item_id) {
  s.Execute(kUnhide, kind, owner_id, item_id);
}

void ModerationRepository::Suspend(Session& s, const std::string& user_id, const std::string& until,
                                   const std::string& decision_id) {
  s.Execute(kSuspend, user_id, until, decision_id);
}

void ModerationRepository::LiftSuspension(Session& s, const std::string& user_id,
                                          const std::string& decision_id) {
  s.Execute(kLiftSuspension, user_id, decision_id);
}

std::optional<std::string> ModerationRepository::SuspendedUntil(Session& s,
                                                                const std::string& user_id,
                                                                const std::string& now) {
  auto row = s.QueryOne(kSuspendedUntil, user_id, now);
  if (!row) return std::nullopt;
  return row->Text("ends_at");
}

}  // namespace vigor::features::moderation
