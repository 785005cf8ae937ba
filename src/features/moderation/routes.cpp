#include "features/moderation/routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "core/limits.hpp"
#include "features/accounts/json_codec.hpp"
#include "platform/error.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::moderation {

namespace http = platform::http;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using platform::Error;
using platform::ErrorKind;
namespace limits = core::limits;

namespace {

boost::json::value OrNull(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

bool OneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed) {
    if (value == a) return true;
  }
  return false;
}

boost::json::value CardJson(const std::map<std::string, social::UserCard>& cards,
                            const std::string& user_id) {
  auto it = cards.find(user_id);
  if (it == cards.end()) return boost::json::object{{"id", user_id}, {"username", nullptr}};
  return boost::json::object{{"id", user_id}, {"username", it->second.username}};
}

// What the reporter gets back: their own report, without the staff's view of it.
boost::json::object EncodeOwnReport(const Report& r) {
  return {
      {"id", r.id},           {"kind", r.kind},   {"item_id", r.item_id},      {"reason", r.reason},
      {"details", r.details}, {"state", r.state}, {"created_at", r.created_at}};
}

boost::json::object EncodeQueueReport(const Report& r,
                                      const std::map<std::string, social::UserCard>& cards) {
  auto json = EncodeOwnReport(r);
  json["owner"] = CardJson(cards, r.owner_id);
  json["reporter"] = CardJson(cards, r.reporter_id);
  json["excerpt"] = r.excerpt;
  json["reports_on_item"] = r.reports_on_item;
  json["decision_id"] = OrNull(r.decision_id);
  return json;
}

boost::json::object EncodeAppeal(const Appeal& a) {
  return {{"id", a.id},
          {"decision_id", a.decision_id},
          {"text", a.text},
          {"state", a.state},
          {"outcome_note", a.outcome_note},
          {"created_at", a.created_at},
          {"decided_at", OrNull(a.decided_at)}};
}

boost::json::object EncodeDecision(const Decision& d) {
  return {{"id", d.id},
          {"kind", d.kind},
          {"item_id", d.item_id},
          {"action", d.action},
          {"days", d.days ? boost::json::value(*d.days) : boost::json::value(nullptr)},
          {"suspended_until", OrNull(d.suspended_until)},
          {"note", d.note},
          {"excerpt", d.excerpt},
          {"reason", d.reason},
          {"created_at", d.created_at},
          {"reversed_at", OrNull(d.reversed_at)},
          {"appeal",
           d.appeal ? boost::json::value(EncodeAppeal(*d.appeal)) : boost::json::value(nullptr)}};
}

boost::json::object EncodeStaffAppeal(const AppealWithDecision& a,
                                      const std::map<std::string, social::UserCard>& cards) {
  auto json = EncodeAppeal(a.appeal);
  json["user"] = CardJson(cards, a.appeal.user_id);
  json["decision"] = EncodeDecision(a.decision);
  return json;
}

ReportInput DecodeReport(const Request& request) {
  http::JsonBody body(request);
  ReportInput input;
  input.kind = body.Required("kind", 40);
  input.id = body.Required("id", 200);
  input.owner = body.String("owner", {.max_length = 100}).value_or("");
  input.reason = body.Required("reason", 40);
  input.details = body.String("details", {.max_length = limits::kReportDetailsLength,
                                          .text = http::JsonFields::Text::kMultiLine})
                      .value_or("");
  if (!input.reason.empty() &&
      !OneOf(input.reason, {"spam", "harassment", "inappropriate", "other"})) {
    body.field_errors().Add("reason", Msg("report_reason_invalid"));
  }
  body.Finish({"kind", "id", "owner", "reason", "details"});
  return input;
}

DecisionInput DecodeDecision(const Request& request) {
  http::JsonBody body(request);
  DecisionInput input;
  input.action = body.Required("action", 20);
  input.days = body.Int("days", false, limits::kSuspensionDays);
  input.note = body.String("note", {.max_length = limits::kModerationNoteLength,
                                    .text = http::JsonFields::Text::kMultiLine})
                   .value_or("");
  if (!input.action.empty() && !OneOf(input.action, {"dismiss", "hide", "warn", "suspend"})) {
    body.field_errors().Add("action", Msg("decision_action_invalid"));
  }
  if (input.action == "suspend" && !input.days && !body.json().contains("days")) {
    body.field_errors().Add("days", Msg("suspension_days_required"));
  }
  body.Finish({"action", "days", "note"});
  if (input.action != "suspend") input.days.reset();
  return input;
}

AppealOutcomeInput DecodeAppealOutcome(const Request& request) {
  http::JsonBody body(request);
  AppealOutcomeInput input;
  input.outcome = body.Required("outcome", 20);
  input.note = body.String("note", {.max_length = limits::kModerationNoteLength,
                                    .text = http::JsonFields::Text::kMultiLine})
                   .value_or("");
  if (!input.outcome.empty() && !OneOf(input.outcome, {"upheld", "reversed"})) {
    body.field_errors().Add("outcome", Msg("appeal_outcome_invalid"));
  }
  body.Finish({"outcome", "note"});
  return input;
}

// ?state= of the staff's lists: the first value (open, pending) or the second (decided).
bool FirstStateOf(const Request& request, std::string_view first) {
  auto state = request.QueryParam("state");
  if (!state || *state == first) return true;
  if (*state == "decided") return false;
  throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
              {{"state", Msg("moderation_state_invalid")}});
}

std::string IpOf(const Request& request) { return accounts::ClientFrom(request).ip; }

}  // namespace

void RegisterModerationRoutes(http::Router& router, ModerationService& moderation) {
  router.Add({.method = Method::kPost,
              .path = "/api/v1/reports",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&moderation](const Request& request, RequestContext& ctx) {
               auto outcome = moderation.Report(ctx.User(), DecodeReport(request), IpOf(request));
               return http::Json(outcome.created ? 201 : 200, EncodeOwnReport(outcome.report));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/me/moderation-decisions",
              .access = Access::kAuthenticated,
              .scope = "social:read"},
             [&moderation](const Request& request, RequestContext& ctx) {
               auto page_request = http::ParsePage(request);
               auto page =
                   moderation.DecisionsAbout(ctx.User(), page_request.cursor, page_request.limit);
               boost::json::array items;
               for (const auto& d : page.items) items.push_back(EncodeDecision(d));
               return http::Json(
                   200, {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}});
             });
  router.Add({.method = Method::kPost,
              .path = "/api/v1/me/moderation-decisions/{id}/appeal",
              .access = Access::kAuthenticated,
              .scope = "social:write"},
             [&moderation](const Request& request, RequestContext& ctx) {
               http::JsonBody body(request);
               auto text = body.String("text", {.required = true,
                                                .min_length = 1,
                                                .max_length = limits::kAppealTextLength,
                                                .text = http::JsonFields::Text::kMultiLine})
                               .value_or("");
               body.Finish({"text"});
               auto appeal =
                   moderation.MakeAppeal(ctx.User(), ctx.Param("id"), text, IpOf(request));
               return http::Json(201, EncodeAppeal(appeal));
             });

  // The staff's: moderators and admins, from the web app only.
  auto staff = [](Method method, std::string path) {
    return http::RouteSpec{.method = method,
                           .path = std::move(path),
                           .access = Access::kModerator,
                           .session_only = true};
  };
  router.Add(staff(Method::kGet, "/api/v1/admin/moderation/reports"),
             [&moderation](const Request& request, RequestContext&) {
               bool open = FirstStateOf(request, "open");
               auto page_request = http::ParsePage(request);
               auto page = moderation.Reports(open, page_request.cursor, page_request.limit);
               std::vector<std::string> people;
               for (const auto& r : page.items) {
                 people.push_back(r.owner_id);
                 people.push_back(r.reporter_id);
               }
               auto cards = moderation.CardsOf(people);
               boost::json::array items;
               for (const auto& r : page.items) items.push_back(EncodeQueueReport(r, cards));
               return http::Json(
                   200, {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}});
             });
  router.Add(staff(Method::kPost, "/api/v1/admin/moderation/reports/{id}/decision"),
             [&moderation](const Request& request, RequestContext& ctx) {
               auto input = DecodeDecision(request);
               auto decision = moderation.Decide(ctx.User(), ctx.Param("id"), input, IpOf(request));
               return http::Json(201, EncodeDecision(decision));
             });
  router.Add(staff(Method::kGet, "/api/v1/admin/moderation/appeals"),
             [&moderation](const Request& request, RequestContext&) {
               bool pending = FirstStateOf(request, "pending");
               auto page_request = http::ParsePage(request);
               auto page = moderation.Appeals(pending, page_request.cursor, page_request.limit);
               std::vector<std::string> people;
               for (const auto& a : page.items) people.push_back(a.appeal.user_id);
               auto cards = moderation.CardsOf(people);
               boost::json::array items;
               for (const auto& a : page.items) items.push_back(EncodeStaffAppeal(a, cards));
               return http::Json(
                   200, {{"items", std::move(items)}, {"next_cursor", OrNull(page.next_cursor)}});
             });
  router.Add(staff(Method::kPost, "/api/v1/admin/moderation/appeals/{id}/decision"),
             [&moderation](const Request& request, RequestContext& ctx) {
               auto input = DecodeAppealOutcome(request);
               auto decided =
                   moderation.DecideAppeal(ctx.User(), ctx.Param("id"), input, IpOf(request));
               auto cards = moderation.CardsOf({decided.appeal.user_id});
               return http::Json(200, EncodeStaffAppeal(decided, cards));
             });
}

}  // namespace vigor::features::moderation
