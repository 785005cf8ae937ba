#include "features/workouts/visibility_changes.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/privacy.hpp"
#include "features/workouts/shared_workouts.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"
#include "platform/store/revisions.hpp"
#include "platform/time.hpp"
#include "platform/time_text.hpp"

namespace vigor::features::workouts {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::store::Session;

namespace {

constexpr std::int64_t kDayMs = 24 * 60 * 60 * 1000;

// A day's midnight in UTC shifted by `days`: local days lie within 14 hours of UTC's, so a range
// of local days is inside the UTC range one day wider on each side.
std::string UtcDayShifted(const std::string& day, int days) {
  auto ms = platform::ParseRfc3339Ms(day + "T00:00:00Z").value_or(0);
  return platform::FormatUtcMs(ms + days * kDayMs);
}

std::string EncodeRequest(const VisibilityChangeRequest& r) {
  json::object o{{"kind", r.kind}, {"visibility", r.visibility}};
  if (r.from) o["from"] = *r.from;
  if (r.to) o["to"] = *r.to;
  if (r.sport) o["sport"] = *r.sport;
  return json::serialize(o);
}

VisibilityChangeRequest DecodeRequest(const std::string& text) {
  auto o = json::parse(text).as_object();
  VisibilityChangeRequest r;
  r.kind = std::string(o.at("kind").as_string());
  r.visibility = std::string(o.at("visibility").as_string());
  if (auto* v = o.if_contains("from")) r.from = std::string(v->as_string());
  if (auto* v = o.if_contains("to")) r.to = std::string(v->as_string());
  if (auto* v = o.if_contains("sport")) r.sport = std::string(v->as_string());
  return r;
}

Error NotFound() { return Error(ErrorKind::kNotFound, Msg("no_such_visibility_change")); }

}  // namespace

VisibilityChangeRequest DecodeVisibilityChangeRequest(const json::object& body) {
  platform::FieldErrors errors;
  platform::http::JsonFields f(body, errors);
  VisibilityChangeRequest r;
  r.kind = f.String("kind", {.required = true, .max_length = 16}).value_or("");
  if (!r.kind.empty() && r.kind != "workouts" && r.kind != "measurements") {
    errors.Add("kind", Msg("visibility_change_kind_invalid"));
  }
  r.visibility = f.String("visibility", {.required = true, .max_length = 16}).value_or("");
  if (!r.visibility.empty() && !core::privacy::ParseVisibility(r.visibility)) {
    errors.Add("visibility", Msg("item_visibility_invalid"));
  }
  for (auto [name, target] : {std::pair{"from", &r.from}, std::pair{"to", &r.to}}) {
    *target = f.String(name, {.max_length = 10});
    if (*target && !platform::IsCalendarDay(**target)) errors.Add(name, Msg("not_date"));
  }
  r.sport = f.String("sport", {.max_length = 16});
  if (r.sport && !IsCardioSport(*r.sport)) errors.Add("sport", Msg("sport_invalid"));
  f.RejectUnknown({"kind", "visibility", "from", "to", "sport"});
  errors.ThrowIfAny();
  return r;
}

json::object EncodeVisibilityChange(const platform::jobs::Job& job) {
  auto request = DecodeRequest(job.payload);
  json::object o{{"id", job.id},
                 {"kind", request.kind},
                 {"visibility", request.visibility},
                 {"status", platform::jobs::JobStatusName(job.status)},
                 {"done", job.done},
                 {"created_at", job.created_at},
                 {"updated_at", job.updated_at}};
  o["from"] = request.from ? json::value(*request.from) : json::value(nullptr);
  o["to"] = request.to ? json::value(*request.to) : json::value(nullptr);
  o["sport"] = request.sport ? json::value(*request.sport) : json::value(nullptr);
  o["changed"] = nullptr;
  if (job.status == platform::jobs::JobStatus::kSucceeded && job.result) {
    o["changed"] = json::parse(*job.result).as_object().at("changed");
  }
  o["error"] = job.status == platform::jobs::JobStatus::kFailed
                   ? json::value(job.error.value_or("The change failed."))
                   : json::value(nullptr);
  return o;
}

platform::jobs::Job VisibilityChangeService::Submit(const platform::auth::Principal& principal,
                                                    const VisibilityChangeRequest& request) {
  auto job = database_.WriteResult([&](Session& s) {
    auto id = jobs_.Enqueue(s, principal.user_id, kVisibilityChangeJobKind, EncodeRequest(request));
    return *jobs_.Find(s, principal.user_id, id);
  });
  jobs_.Notify();
  return job;
}

platform::jobs::Job VisibilityChangeService::Get(const platform::auth::Principal& principal,
                                                 const std::string& id) {
  auto job = database_.ReadResult([&](Session& s) { return jobs_.Find(s, principal.user_id, id); });
  if (!job || job->kind != kVisibilityChangeJobKind) throw NotFound();
  return std::move(*job);
}

std::string VisibilityChangeService::RunJob(platform::jobs::JobContext& context) {
  const auto& job = context.job();
  auto request = DecodeRequest(job.payload);
  // What committed batches did (an earlier run's too); `pending` is what the batch being written
  // makes of it, taken over once its transaction committed (a retried transaction runs again).
  std::int64_t changed = job.done;
  std::int64_t pending = changed;
  auto finish = [&](Session& s) {
    std::string result = json::serialize(json::object{{"changed", pending}});
    context.Succeed(s, result);
    return result;
  };
  auto progress = [&](Session& s) {
    if (!context.Progress(s, pending, std::nullopt)) {
      throw std::runtime_error("the visibility change's lease was lost");
    }
  };

  if (request.kind == "measurements") {
    while (true) {
      auto result = database_.WriteResult([&](Session& s) -> std::optional<std::string> {
        platform::store::LockUserChanges(s, job.user_id);
        std::int64_t n = measurements_ ? measurements_(s, job.user_id, request.visibility,
                                                       request.from, request.to, kBatch)
                                       : 0;
        pending = changed + n;
        progress(s);
        if (n < kBatch) return finish(s);
        return std::nullopt;
      });
      changed = pending;
      if (result) return *result;
    }
  }

  const std::string started_from =
      request.from ? UtcDayShifted(*request.from, -1) : std::string("0000");
  const std::string started_before = request.to ? UtcDayShifted(*request.to, 2) : std::string("~");
  WorkoutCursor after{"", ""};
  WorkoutCursor pending_after = after;
  while (true) {
    auto result = database_.WriteResult([&](Session& s) -> std::optional<std::string> {
      platform::store::LockUserChanges(s, job.user_id);
      auto heads = workouts_.VisibilityCandidates(s, job.user_id, request.visibility, started_from,
                                                  started_before, request.sport, after, kBatch);
      std::string now = platform::NowRfc3339();
      std::vector<WorkoutChange> reported;
      for (const auto& head : heads) {
        // The local day it started on, in its own zone: what the user's dates mean.
        std::string day = LocalDateOf(head.started_at, head.time_zone);
        if ((request.from && day < *request.from) || (request.to && day > *request.to)) continue;
        if (!workouts_.SetVisibility(s, job.user_id, head.id, request.visibility, now)) continue;
        WorkoutFacts before = FactsOf(head);
        WorkoutFacts after_change = before;
        after_change.visibility = request.visibility;
        reported.push_back({job.user_id, head.id, std::move(before), std::move(after_change)});
      }
      // Observers (feed, challenges) hear of each as a replace whose visibility changed.
      changes_.Notify(s, reported);
      pending = changed + static_cast<std::int64_t>(reported.size());
      progress(s);
      pending_after =
          heads.empty() ? after : WorkoutCursor{heads.back().started_at, heads.back().id};
      if (static_cast<int>(heads.size()) < kBatch) return finish(s);
      return std::nullopt;
    });
    changed = pending;
    after = pending_after;
    if (result) return *result;
  }
}

}  // namespace vigor::features::workouts
