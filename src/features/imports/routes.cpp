#include "features/imports/routes.hpp"

#include <boost/json/parse.hpp>

#include "core/track.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/time_zone.hpp"

namespace vigor::features::imports {

namespace http = platform::http;
namespace json = boost::json;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using http::Response;
using platform::Error;
using platform::ErrorKind;

namespace {

std::optional<bool> Flag(const Request& request, std::string_view name,
                         platform::FieldErrors& errors) {
  auto text = request.QueryParam(name);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  errors.Add(std::string(name), Msg("not_boolean"));
  return std::nullopt;
}

// ?format=&name=&allow_duplicate=&dry_run=&weight_unit=&distance_unit=&time_zone=
ImportRequest ParseImportRequest(const Request& request) {
  platform::FieldErrors errors;
  ImportRequest r;
  auto format = request.QueryParam("format");
  if (!format) {
    errors.Add("format", Msg("import_format_required"));
  } else if (auto f = ParseFormat(*format)) {
    r.format = *f;
  } else {
    errors.Add("format", Msg("import_format_invalid"));
  }
  if (auto name = request.QueryParam("name")) {
    if (name->size() > 255) {
      errors.Add("name", Msg("at_most_255_bytes"));
    } else {
      r.file_name = std::move(*name);
    }
  }
  r.allow_duplicate = Flag(request, "allow_duplicate", errors).value_or(false);
  r.dry_run = Flag(request, "dry_run", errors).value_or(false);
  if (auto unit = request.QueryParam("weight_unit")) {
    if (*unit == "lb") {
      r.weight_unit = core::WeightUnit::kPounds;
    } else if (*unit != "kg") {
      errors.Add("weight_unit", Msg("weight_unit_invalid"));
    }
  }
  if (auto unit = request.QueryParam("distance_unit")) {
    if (*unit == "mi") {
      r.distance_unit = core::DistanceUnit::kMiles;
    } else if (*unit != "km") {
      errors.Add("distance_unit", Msg("distance_unit_invalid"));
    }
  }
  if (auto zone = request.QueryParam("time_zone")) {
    if (zone->size() <= 64 && platform::IsKnownTimeZone(*zone)) {
      r.time_zone = std::move(*zone);
    } else {
      errors.Add("time_zone", Msg("import_time_zone_invalid"));
    }
  }
  errors.ThrowIfAny();
  if (r.dry_run && IsActivityFormat(r.format)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"dry_run", Msg("csv_only_option")}});
  }
  // The format parameter says how the body is read. A form upload is a client mistake: the
  // file must be the raw body.
  if (auto type = request.headers.Get("Content-Type")) {
    std::string lower(*type);
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.starts_with("multipart/") || lower.starts_with("application/x-www-form-urlencoded")) {
      throw Error(ErrorKind::kUnsupportedMediaType, Msg("file_body_required"));
    }
  }
  return r;
}

json::object EncodeSummary(const LogImportSummary& s) {
  json::array exercises, to_create, unknown, errors, sample;
  for (const auto& m : s.exercises) {
    json::object e{{"name", m.name}};
    e["exercise_id"] = m.exercise_id ? json::value(*m.exercise_id) : json::value(nullptr);
    exercises.push_back(std::move(e));
    if (!m.exercise_id) to_create.push_back(json::string(m.name));
  }
  for (const auto& c : s.unknown_columns) unknown.push_back(json::string(c));
  for (const auto& e : s.row_errors) {
    json::object error{{"row", e.row}, {"message", e.message}};
    error["column"] = e.column.empty() ? json::value(nullptr) : json::value(e.column);
    errors.push_back(std::move(error));
  }
  json::array skipped;
  for (const auto& w : s.skipped) {
    json::object o{{"row", w.row},
                   {"title", w.title},
                   {"started_at", core::FormatIsoTimeMs(w.started_ms)},
                   {"reason", w.reason}};
    o["existing_workout_id"] =
        w.existing_workout_id ? json::value(*w.existing_workout_id) : json::value(nullptr);
    skipped.push_back(std::move(o));
  }
  for (const auto& w : s.sample) {
    std::size_t sets = 0;
    json::array names;
    for (const auto& b : w.blocks) {
      sets += b.sets.size();
      names.push_back(json::string(b.exercise_name));
    }
    sample.push_back(json::object{{"row", w.first_row},
                                  {"title", w.title},
                                  {"started_at", core::FormatIsoTimeMs(w.started_ms)},
                                  {"sets", sets},
                                  {"exercises", std::move(names)}});
  }
  return json::object{{"dry_run", true},
                      {"rows", s.rows},
                      {"workouts", s.workouts},
                      {"sets", s.sets},
                      {"workouts_skipped", s.skipped_count},
                      {"skipped", std::move(skipped)},
                      {"time_zone", s.time_zone},
                      {"exercises", std::move(exercises)},
                      {"exercises_to_create", std::move(to_create)},
                      {"unknown_columns", std::move(unknown)},
                      {"row_errors", std::move(errors)},
                      {"preview", std::move(sample)}};
}

json::object EncodeTrack(const StoredTrack& track) {
  json::array points;
  points.reserve(track.points.size());
  for (const auto& p : track.points) {
    json::object o{{"t", p.time_s}};
    if (p.lat) o["lat"] = *p.lat;
    if (p.lon) o["lon"] = *p.lon;
    if (p.elevation_m) o["ele"] = *p.elevation_m;
    if (p.heart_rate) o["hr"] = *p.heart_rate;
    if (p.cadence) o["cad"] = *p.cadence;
    if (p.power_w) o["pwr"] = *p.power_w;
    if (p.distance_m) o["dist"] = *p.distance_m;
    points.push_back(std::move(o));
  }
  json::object o{{"sport", track.sport}, {"points", std::move(points)}};
  o["start_time"] =
      track.start_unix_ms ? json::value(core::FormatIsoTimeMs(*track.start_unix_ms)) : nullptr;
  o["splits"] = json::parse(track.splits_json);
  return o;
}

// A file name safe in a Content-Disposition header: letters, digits, '-', '_', ' ' and '.'.
std::string SafeFileName(std::string_view title, std::string_view fallback) {
  std::string out;
  for (char c : title) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ' ' ||
        c == '.') {
      out.push_back(c);
    }
  }
  if (out.size() > 80) out.resize(80);
  return out.empty() ? std::string(fallback) : out;
}

}  // namespace

json::object EncodeImport(const platform::jobs::Job& job) {
  json::object o{{"id", job.id},
                 {"status", platform::jobs::JobStatusName(job.status)},
                 {"progress", job.progress},
                 {"done", job.done},
                 {"created_at", job.created_at},
                 {"updated_at", job.updated_at}};
  o["total"] = job.total ? json::value(*job.total) : json::value(nullptr);
  auto request = DecodeRequest(job.payload);
  o["format"] = FormatName(request.format);
  o["result"] = nullptr;
  o["error"] = nullptr;
  if (job.status == platform::jobs::JobStatus::kSucceeded && job.result) {
    o["result"] = json::parse(*job.result);
  }
  if (job.status == platform::jobs::JobStatus::kFailed) {
    json::object error{{"detail", job.error.value_or("The import failed.")}};
    if (job.result) {
      auto details = json::parse(*job.result);
      if (details.is_object()) {
        for (const auto& [key, value] : details.as_object()) error[key] = value;
      }
    }
    if (!error.contains("status")) error["status"] = 500;
    o["error"] = std::move(error);
  }
  return o;
}

void RegisterRoutes(http::Router& router, ImportService& imports) {
  router.Add({.method = Method::kPost,
              .path = "/api/v1/imports",
              .access = Access::kAuthenticated,
              .scope = "workouts:write",
              .max_body_bytes = kMaxUploadBytes},
             [&imports](const Request& request, RequestContext& ctx) {
               auto parsed = ParseImportRequest(request);
               if (parsed.dry_run) {
                 return http::Json(200,
                                   EncodeSummary(imports.DryRun(ctx.User(), parsed, request.body)));
               }
               auto job = imports.Submit(ctx.User(), parsed, request.body);
               auto response = http::Json(202, EncodeImport(job));
               response.headers.Set("Location", "/api/v1/imports/" + job.id);
               return response;
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/imports/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&imports](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeImport(imports.Get(ctx.User(), ctx.Param("id"))));
             });

  router.Add({.method = Method::kDelete,
              .path = "/api/v1/imports/{id}",
              .access = Access::kAuthenticated,
              .scope = "workouts:write"},
             [&imports](const Request&, RequestContext& ctx) {
               imports.Undo(ctx.User(), ctx.Param("id"));
               return Response::Empty(204);
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts/{id}/track",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&imports](const Request&, RequestContext& ctx) {
               return http::Json(200, EncodeTrack(imports.Track(ctx.User(), ctx.Param("id"))));
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/workouts/{id}/gpx",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&imports](const Request&, RequestContext& ctx) {
               std::string title;
               auto gpx = imports.Gpx(ctx.User(), ctx.Param("id"), title);
               auto response = Response::Text(200, std::move(gpx), "application/gpx+xml");
               response.headers.Set(
                   "Content-Disposition",
                   "attachment; filename=\"" + SafeFileName(title, "workout") + ".gpx\"");
               return response;
             });

  router.Add({.method = Method::kGet,
              .path = "/api/v1/exports/sets.csv",
              .access = Access::kAuthenticated,
              .scope = "workouts:read"},
             [&imports](const Request&, RequestContext& ctx) {
               auto response = Response::Text(200, imports.ExportSetsCsv(ctx.User()),
                                              "text/csv; charset=utf-8");
               response.headers.Set("Content-Disposition", "attachment; filename=\"sets.csv\"");
               return response;
             });
}

}  // namespace vigor::features::imports
