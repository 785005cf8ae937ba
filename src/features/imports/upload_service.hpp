#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "features/imports/import_service.hpp"
#include "features/workouts/model.hpp"
#include "platform/auth/principal.hpp"
#include "platform/jobs/job_queue.hpp"

namespace vigor::features::imports {

// What a one-request upload asks for, besides the file.
struct UploadRequest {
  std::optional<std::string> filename;  // as the client names the file: kept, never decisive
  std::optional<std::string> title;
  std::optional<std::string> visibility;
  std::optional<std::string> sport;
  bool allow_duplicate = false;
  // A retry with the same key and the same file answers what the first request did, and
  // creates nothing more; the same key with another file is a conflict.
  std::optional<std::string> idempotency_key;
};

// How an upload ended, as far as the request could see it.
struct UploadOutcome {
  platform::jobs::Job job;
  // The workout the file became (the import succeeded before the answer).
  std::optional<workouts::Workout> workout;
  // The user's workout the file duplicates: nothing was created.
  std::optional<std::string> duplicate_of;
  // Whether the import still runs in the background (the job is queued or running).
  bool pending() const {
    return job.status == platform::jobs::JobStatus::kQueued ||
           job.status == platform::jobs::JobStatus::kRunning;
  }
};

// One activity file (GPX, TCX or FIT, each gzip-compressed or not) uploaded in one request, for
// phone trackers and HTTP shortcut apps: the import pipeline of ImportService, with its jobs,
// limits and duplicate detection, and nothing of its own but three things. The format is read
// from the content (IdentifyActivityFile), never from a name. A gzip-compressed file is inflated
// first, within the same limit as every other way in (core::limits::kImportFileBytes). A file of
// at most kSynchronousBytes is imported at once on the request's thread (JobQueue::RunNow), so
// the answer carries the workout or the duplicate; a larger one runs in the background.
class UploadService {
 public:
  // Files up to this size are imported before the answer: a FIT file of a day-long ride is
  // about 2 MB, its GPX about 8 MB, and either imports in well under a second.
  static constexpr std::size_t kSynchronousBytes = 8 * 1024 * 1024;
  // How long a request waits for its job when another runner claimed it first.
  static constexpr std::chrono::seconds kWaitForRunner{10};

  UploadService(ImportService& imports, platform::jobs::JobQueue& jobs);

  // Throws Error: kValidation (empty, not an activity file, not valid gzip, a file the importer
  // refuses: nothing is kept), kPayloadTooLarge (over the limit, after decompression too),
  // kConflict (an Idempotency-Key used before with another file).
  UploadOutcome Upload(const platform::auth::Principal& principal, const UploadRequest& request,
                       std::string file);

 private:
  // What a job's state means for the answer (run, or found again by its Idempotency-Key).
  UploadOutcome Settle(const platform::auth::Principal& principal, platform::jobs::Job job,
                       ImportFormat format);

  ImportService& imports_;
  platform::jobs::JobQueue& jobs_;
};

}  // namespace vigor::features::imports
