#include "features/moderation/moderation_service.hpp"

#include <chrono>

#include "core/limits.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/ratelimit/rate_limiter.hpp"
#include "platform/time.hpp"

namespace vigor::features::moderation {

namespace {

using platform::Error;
using platform::ErrorKind;
using platform::store::Session;

const core::BucketRule kReportRule{core::limits::kReportsBurst,
                                   core::limits::kReportsPerHour / 3600};

template <class T, class Id>
Page<T> PageOf(std::vector<T> items, int limit, Id id_of) {
  Page<T> page;
  page.items = std::move(items);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = id_of(page.items.back());
  }
  return page;
}

// What the owner reads in the notification: the action, for the client to word.
notifications::Notification NotificationOf(const Decision& d, const std::string& what) {
  return {.recipient_id = d.owner_id,
          .kind = "moderation",
          .actor_id = std::nullopt,  // the moderator stays anonymous to the user
          .subject_kind = "report",
          .subject_owner_id = d.owner_id,
          .subject_id = d.id,
          .excerpt = what};
}

}  // namespace

std::string HiddenKindOf(const std::string& report_kind) {
  return report_kind == "user" ? "profile" : report_kind;
}

ModerationService::ModerationService(platform::store::Database& database,
                                     platform::ratelimit::RateLimiter& limiter,
                                     const ReportableKinds& kinds,
                                     notifications::Notifier& notifier,
                                     social::SocialLookup& people, platform::mail::MailQueue& mail,
                                     ModerationMails mails)
    : database_(database),
      limiter_(limiter),
      kinds_(kinds),
      notifier_(notifier),
      people_(people),
      mail_(mail),
      mails_(std::move(mails)) {}

ReportOutcome ModerationService::Report(const Principal& reporter, const ReportInput& input,
                                        const std::string& ip) {
  const auto* resolve = kinds_.Find(input.kind);
  if (resolve == nullptr) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"kind", Msg("report_kind_invalid")}});
  }
  limiter_.Take("report:" + reporter.user_id, kReportRule);
  return database_.WriteResult([&](Session& s) {
    auto content = (*resolve)(s, reporter.user_id, input.owner, input.id);
    if (!content) throw Error(ErrorKind::kNotFound, Msg("no_such_reportable_item"));
    if (content->owner_id == reporter.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("cannot_report_yourself"));
    }
    // A user is named by their id, whatever the client called them by.
    std::string item_id = input.kind == "user" ? content->owner_id : input.id;
    if (auto open =
            repo_.FindOpenReport(s, reporter.user_id, input.kind, content->owner_id, item_id)) {
      return ReportOutcome{std::move(*open), false};
    }
    moderation::Report report{.id = platform::NewId(),
                              .reporter_id = reporter.user_id,
                              .kind = input.kind,
                              .owner_id = content->owner_id,
                              .item_id = item_id,
                              .reason = input.reason,
                              .details = input.details,
                              .excerpt = content->excerpt,
                              .state = "open",
                              .created_at = platform::NowRfc3339()};
    repo_.InsertReport(s, report);
    audit_.Record(
        s, "moderation_report", content->owner_id, reporter.user_id, ip,
        "report " + report.id + " on " + input.kind + " " + item_id + ": " + input.reason);
    report.reports_on_item = repo_.FindReport(s, report.id)->reports_on_item;
    return ReportOutcome{std::move(report), true};
  });
}

Page<Report> ModerationService::Reports(bool open, const std::string& cursor, int limit) {
  auto rows = database_.ReadResult(
      [&](Session& s) { return repo_.ListReports(s, open, cursor, limit + 1); });
  return PageOf(std::move(rows), limit, [](const moderation::Report& r) { return r.id; });
}

Decision ModerationService::Decide(const Principal& moderator, const std::string& report_id,
                                   const DecisionInput& input, const std::string& ip) {
  bool mailed = false;
  auto decided = database_.WriteResult([&](Session& s) {
    auto report = repo_.FindReport(s, report_id);
    if (!report) throw Error(ErrorKind::kNotFound, Msg("no_such_report"));
    if (report->owner_id == moderator.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("report_about_yourself"));
    }
    if (report->state != "open") throw Error(ErrorKind::kConflict, Msg("report_already_decided"));
    std::string now = platform::NowRfc3339();
    Decision decision{.id = platform::NewId(),
                      .owner_id = report->owner_id,
                      .kind = report->kind,
                      .item_id = report->item_id,
                      .action = input.action,
                      .note = input.note,
                      .excerpt = report->excerpt,
                      .reason = report->reason,
                      .moderator_id = moderator.user_id,
                      .created_at = now};
    if (input.action == "suspend") {
      decision.days = input.days;
      decision.suspended_until = platform::Rfc3339FromNow(std::chrono::hours(24 * *input.days));
    }
    repo_.InsertDecision(s, decision);
    repo_.DecideOpenReports(s, report->kind, report->owner_id, report->item_id, decision.id);
    if (input.action == "hide") {
      repo_.Hide(s, HiddenKindOf(report->kind), report->owner_id, report->item_id, now, report->id);
    } else if (input.action == "suspend") {
      repo_.Suspend(s, report->owner_id, *decision.suspended_until, decision.id);
    }
    audit_.Record(s, "moderation_" + input.action, report->owner_id, moderator.user_id, ip,
                  "decision " + decision.id + " on " + report->kind + " " + report->item_id +
                      (input.note.empty() ? "" : ": " + input.note));
    // A dismissal changes nothing for the owner: they are not told they were reported.
    if (input.action != "dismiss") notifier_.Notify(s, NotificationOf(decision, input.action));
    if (input.action == "suspend" && recipients_) {
      if (auto to = recipients_(s, decision.owner_id); to && to->mailable) {
        mail_.Enqueue(s, mails_.Suspended(*to, decision));
        mailed = true;
      }
    }
    return decision;
  });
  if (mailed) mail_.Notify();
  return decided;
}

Page<AppealWithDecision> ModerationService::Appeals(bool pending, const std::string& cursor,
                                                    int limit) {
  auto rows = database_.ReadResult(
      [&](Session& s) { return repo_.ListAppeals(s, pending, cursor, limit + 1); });
  return PageOf(std::move(rows), limit, [](const AppealWithDecision& a) { return a.appeal.id; });
}

AppealWithDecision ModerationService::DecideAppeal(const Principal& moderator,
                                                   const std::string& appeal_id,
                                                   const AppealOutcomeInput& input,
                                                   const std::string& ip) {
  return database_.WriteResult([&](Session& s) {
    auto found = repo_.FindAppeal(s, appeal_id);
    if (!found) throw Error(ErrorKind::kNotFound, Msg("no_such_appeal"));
    auto& [appeal, decision] = *found;
    if (decision.owner_id == moderator.user_id) {
      throw Error(ErrorKind::kForbidden, Msg("report_about_yourself"));
    }
    if (appeal.state != "pending") throw Error(ErrorKind::kConflict, Msg("appeal_already_decided"));
    std::string now = platform::NowRfc3339();
    repo_.DecideAppeal(s, appeal.id, input.outcome, input.note, moderator.user_id, now);
    if (input.outcome == "reversed") {
      if (decision.action == "hide") {
        repo_.Unhide(s, HiddenKindOf(decision.kind), decision.owner_id, decision.item_id);
      } else if (decision.action == "suspend") {
        repo_.LiftSuspension(s, decision.owner_id, decision.id);
      }
      repo_.MarkDecisionReversed(s, decision.id, now);
      decision.reversed_at = now;
    }
    appeal.state = input.outcome;
    appeal.outcome_note = input.note;
    appeal.decided_at = now;
    audit_.Record(s, "moderation_appeal_" + input.outcome, decision.owner_id, moderator.user_id, ip,
                  "appeal " + appeal.id + " of decision " + decision.id +
                      (input.note.empty() ? "" : ": " + input.note));
    notifier_.Notify(s, NotificationOf(decision, "appeal_" + input.outcome));
    return *found;
  });
}

Page<Decision> ModerationService::DecisionsAbout(const Principal& user, const std::string& cursor,
                                                 int limit) {
  auto rows = database_.ReadResult(
      [&](Session& s) { return repo_.ListDecisionsOf(s, user.user_id, cursor, limit + 1); });
  return PageOf(std::move(rows), limit, [](const Decision& d) { return d.id; });
}

Appeal ModerationService::MakeAppeal(const Principal& user, const std::string& decision_id,
                                     const std::string& text, const std::string& ip) {
  return database_.WriteResult([&](Session& s) {
    auto decision = repo_.FindDecisionOf(s, user.user_id, decision_id);
    if (!decision) throw Error(ErrorKind::kNotFound, Msg("no_such_decision"));
    if (decision->appeal) throw Error(ErrorKind::kConflict, Msg("decision_already_appealed"));
    Appeal appeal{.id = platform::NewId(),
                  .decision_id = decision->id,
                  .user_id = user.user_id,
                  .text = text,
                  .state = "pending",
                  .created_at = platform::NowRfc3339()};
    repo_.InsertAppeal(s, appeal);
    audit_.Record(s, "moderation_appeal", user.user_id, user.user_id, ip,
                  "appeal " + appeal.id + " of decision " + decision->id);
    return appeal;
  });
}

std::optional<std::string> ModerationService::SuspendedUntil(Session& s,
                                                             const std::string& user_id) {
  return repo_.SuspendedUntil(s, user_id, platform::NowRfc3339());
}

std::map<std::string, social::UserCard> ModerationService::CardsOf(
    const std::vector<std::string>& user_ids) {
  return database_.ReadResult([&](Session& s) { return people_.CardsOf(s, user_ids); });
}

}  // namespace vigor::features::moderation
