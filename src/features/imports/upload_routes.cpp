#include "features/imports/upload_routes.hpp"

#include <algorithm>

#include "core/limits.hpp"
#include "core/privacy.hpp"
#include "features/imports/routes.hpp"
#include "features/workouts/json_codec.hpp"
#include "platform/http/context.hpp"
#include "platform/http/json.hpp"
#include "platform/http/multipart.hpp"

namespace vigor::features::imports {

namespace http = platform::http;
namespace json = boost::json;
using http::Access;
using http::Method;
using http::Request;
using http::RequestContext;
using platform::Error;
using platform::ErrorKind;

namespace {

constexpr std::size_t kTitleCharacters = 200;

std::size_t Utf8Characters(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

// One optional field of the upload, from the form or the query string (the form wins), checked.
void ReadField(UploadRequest& r, std::string_view name, std::string value,
               platform::FieldErrors& errors) {
  if (name == "title" || name == "name") {
    bool control = std::any_of(value.begin(), value.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    if (control) {
      errors.Add(std::string(name), Msg("control_characters_single_line"));
    } else if (Utf8Characters(value) > kTitleCharacters) {
      errors.Add(std::string(name), Msg("too_long", {{"max", kTitleCharacters}}));
    } else if (!value.empty()) {
      r.title = std::move(value);
    }
  } else if (name == "visibility") {
    if (core::privacy::ParseVisibility(value)) {
      r.visibility = std::move(value);
    } else {
      errors.Add("visibility", Msg("item_visibility_invalid"));
    }
  } else if (name == "sport") {
    if (workouts::IsCardioSport(value)) {
      r.sport = std::move(value);
    } else {
      errors.Add("sport", Msg("sport_invalid"));
    }
  } else if (name == "filename") {
    if (value.size() > 255) {
      errors.Add("filename", Msg("at_most_255_bytes"));
    } else {
      r.filename = std::move(value);
    }
  } else if (name == "allow_duplicate") {
    if (value == "true" || value == "false") {
      r.allow_duplicate = value == "true";
    } else {
      errors.Add("allow_duplicate", Msg("not_boolean"));
    }
  } else {
    errors.Add(std::string(name), Msg("upload_unknown_part"));
  }
}

constexpr std::string_view kFields[] = {"title", "name",     "visibility",
                                        "sport", "filename", "allow_duplicate"};

// The file and what the client says of it: a multipart form's part "file" and text fields, or
// the raw body with the query string (and a Content-Disposition filename).
std::pair<UploadRequest, std::string> ParseUpload(const Request& request) {
  UploadRequest r;
  platform::FieldErrors errors;
  for (auto name : kFields) {
    if (auto value = request.QueryParam(name)) ReadField(r, name, std::move(*value), errors);
  }
  std::string content_type(request.headers.Get("Content-Type").value_or(""));
  std::string file;
  if (http::IsMultipartFormData(content_type)) {
    http::MultipartLimits limits;
    limits.max_parts = 8;
    limits.max_file_bytes = core::limits::kImportFileBytes;
    auto form = http::ParseMultipartFormData(content_type, request.body, limits);
    switch (form.problem) {
      case http::MultipartProblem::kNone:
        break;
      case http::MultipartProblem::kFileTooLarge:
        throw Error(ErrorKind::kPayloadTooLarge,
                    Msg("upload_file_too_large", {{"limit", core::limits::kImportFileBytes}}));
      case http::MultipartProblem::kTooManyParts:
        throw Error(ErrorKind::kBadRequest,
                    Msg(http::MultipartProblemCode(form.problem), {{"max", limits.max_parts}}));
      case http::MultipartProblem::kFieldTooLarge:
        throw Error(ErrorKind::kBadRequest, Msg(http::MultipartProblemCode(form.problem),
                                                {{"max", limits.max_field_bytes}}));
      case http::MultipartProblem::kHeaderTooLong:
        throw Error(ErrorKind::kBadRequest, Msg(http::MultipartProblemCode(form.problem),
                                                {{"max", limits.max_header_bytes}}));
      default:
        throw Error(ErrorKind::kBadRequest, Msg(http::MultipartProblemCode(form.problem)));
    }
    const http::MultipartPart* file_part = nullptr;
    for (const auto& part : form.parts) {
      if (part.name == "file") {
        file_part = &part;
      } else {
        ReadField(r, part.name, std::string(part.body), errors);
      }
    }
    if (!file_part) {
      errors.Add("file", Msg("upload_file_part_missing"));
    } else {
      if (!r.filename && file_part->filename && !file_part->filename->empty() &&
          file_part->filename->size() <= 255) {
        r.filename = *file_part->filename;
      }
      file.assign(file_part->body);
    }
  } else {
    if (!r.filename) {
      if (auto disposition = request.headers.Get("Content-Disposition")) {
        if (auto name = http::DispositionFilename(*disposition); name && name->size() <= 255) {
          r.filename = std::move(*name);
        }
      }
    }
    file = request.body;
  }
  errors.ThrowIfAny();
  if (auto key = request.headers.Get("Idempotency-Key")) {
    bool printable =
        std::all_of(key->begin(), key->end(), [](char c) { return c > 0x20 && c < 0x7f; });
    if (key->empty() || key->size() > 200 || !printable) {
      throw Error(ErrorKind::kBadRequest, Msg("idempotency_key_invalid"));
    }
    r.idempotency_key = std::string(*key);
  }
  return {std::move(r), std::move(file)};
}

}  // namespace

void RegisterUploadRoutes(http::Router& router, UploadService& uploads) {
  router.Add(
      {.method = Method::kPost,
       .path = "/api/v1/uploads",
       .access = Access::kAuthenticated,
       .scope = "workouts:write",
       .max_body_bytes = core::limits::kImportFileBytes + kUploadFormOverheadBytes},
      [&uploads](const Request& request, RequestContext& ctx) {
        auto [parsed, file] = ParseUpload(request);
        auto outcome = uploads.Upload(ctx.User(), parsed, std::move(file));
        json::object body{{"job", EncodeImport(outcome.job)}};
        body["workout"] =
            outcome.workout ? json::value(workouts::EncodeWorkout(*outcome.workout)) : nullptr;
        body["duplicate_of"] = outcome.duplicate_of ? json::value(*outcome.duplicate_of) : nullptr;
        if (outcome.pending()) {
          auto response = http::Json(202, body);
          response.headers.Set("Location", "/api/v1/imports/" + outcome.job.id);
          return response;
        }
        if (outcome.duplicate_of) return http::Json(200, body);
        auto response = http::Json(201, body);
        if (outcome.workout) {
          response.headers.Set("Location", "/api/v1/workouts/" + outcome.workout->id);
        }
        return response;
      });
}

}  // namespace vigor::features::imports
