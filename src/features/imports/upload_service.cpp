#include "features/imports/upload_service.hpp"

#include <boost/json/parse.hpp>
#include <thread>

#include "core/limits.hpp"
#include "features/imports/activity_file.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/http/content_encoding.hpp"

namespace vigor::features::imports {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::jobs::Job;
using platform::jobs::JobStatus;

namespace {

Error TooLarge() {
  return Error(ErrorKind::kPayloadTooLarge,
               Msg("upload_file_too_large", {{"limit", core::limits::kImportFileBytes}}));
}

// The details a failed import keeps as its result ({"status": 409, "existing_workout_id": ..}).
json::object FailureDetails(const Job& job) {
  if (!job.result) return {};
  json::error_code ec;
  auto value = json::parse(*job.result, ec);
  if (ec || !value.is_object()) return {};
  return value.as_object();
}

std::string FormatLabel(ImportFormat format) {
  switch (format) {
    case ImportFormat::kGpx:
      return "GPX";
    case ImportFormat::kTcx:
      return "TCX";
    default:
      return "FIT";
  }
}

}  // namespace

UploadService::UploadService(ImportService& imports, platform::jobs::JobQueue& jobs)
    : imports_(imports), jobs_(jobs) {}

UploadOutcome UploadService::Upload(const platform::auth::Principal& principal,
                                    const UploadRequest& request, std::string file) {
  if (file.empty()) {
    throw Error(ErrorKind::kValidation, Msg("file_empty"), {{"file", Msg("empty")}});
  }
  if (LooksGzipped(file)) {
    auto inflated = platform::http::Gunzip(file, core::limits::kImportFileBytes);
    switch (inflated.status) {
      case platform::http::Gunzipped::Status::kTooLarge:
        throw TooLarge();
      case platform::http::Gunzipped::Status::kCorrupt:
        throw Error(ErrorKind::kValidation, Msg("upload_gzip_corrupt"),
                    {{"file", Msg("upload_gzip_corrupt")}});
      case platform::http::Gunzipped::Status::kOk:
        break;
    }
    file = std::move(inflated.data);
    if (file.empty()) {
      throw Error(ErrorKind::kValidation, Msg("file_empty"), {{"file", Msg("empty")}});
    }
  }
  if (file.size() > core::limits::kImportFileBytes) throw TooLarge();
  auto kind = IdentifyActivityFile(file);
  if (!kind.format)
    throw Error(ErrorKind::kValidation, kind.unrecognised, {{"file", kind.unrecognised}});

  std::string sha256 = platform::crypto::Sha256Hex(file);
  if (request.idempotency_key) {
    if (auto earlier = imports_.FindByIdempotencyKey(principal, *request.idempotency_key)) {
      if (DecodeRequest(earlier->payload).file_sha256 != sha256) {
        throw Error(ErrorKind::kConflict, Msg("idempotency_key_reused"));
      }
      return Settle(principal, std::move(*earlier), *kind.format);
    }
  }

  ImportRequest import;
  import.format = *kind.format;
  import.file_name = request.filename;
  import.allow_duplicate = request.allow_duplicate;
  import.title = request.title;
  import.visibility = request.visibility;
  import.sport = request.sport;
  import.idempotency_key = request.idempotency_key;
  import.file_sha256 = std::move(sha256);
  const bool now = file.size() <= kSynchronousBytes;
  Job job = imports_.Submit(principal, import, file, /*start_in_background=*/!now);
  file.clear();
  file.shrink_to_fit();
  if (!now) return UploadOutcome{std::move(job), std::nullopt, std::nullopt};

  if (auto ran = jobs_.RunNow(principal.user_id, job.id)) {
    job = std::move(*ran);
  } else {
    // Another runner claimed it between the submit and here: its outcome, if it comes soon.
    auto deadline = std::chrono::steady_clock::now() + kWaitForRunner;
    job = imports_.Get(principal, job.id);
    while ((job.status == JobStatus::kQueued || job.status == JobStatus::kRunning) &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      job = imports_.Get(principal, job.id);
    }
  }
  return Settle(principal, std::move(job), *kind.format);
}

UploadOutcome UploadService::Settle(const platform::auth::Principal& principal, Job job,
                                    ImportFormat format) {
  UploadOutcome outcome{std::move(job), std::nullopt, std::nullopt};
  if (outcome.job.status == JobStatus::kSucceeded) {
    auto result = json::parse(outcome.job.result.value_or("{}")).as_object();
    if (const auto* id = result.if_contains("workout_id"); id && id->is_string()) {
      outcome.workout = imports_.FindWorkout(principal, std::string(id->as_string()));
    }
  } else if (outcome.job.status == JobStatus::kFailed) {
    auto details = FailureDetails(outcome.job);
    const auto* status = details.if_contains("status");
    const auto* existing = details.if_contains("existing_workout_id");
    if (existing && existing->is_string()) {
      outcome.duplicate_of = std::string(existing->as_string());
    } else if (status && status->is_int64() && status->as_int64() == 422) {
      // The client hears why at once; the failed import is not kept (it created nothing).
      imports_.Undo(principal, outcome.job.id);
      auto message = Msg("upload_file_invalid", {{"format", FormatLabel(format)},
                                                 {"reason", outcome.job.error.value_or("")}});
      throw Error(ErrorKind::kValidation, message, {{"file", message}});
    } else {
      throw Error::Internal("upload " + outcome.job.id +
                            " failed: " + outcome.job.error.value_or(""));
    }
  }
  return outcome;
}

}  // namespace vigor::features::imports
