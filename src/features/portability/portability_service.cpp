#include "features/portability/portability_service.hpp"

#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "features/portability/importer.hpp"
#include "features/portability/zip_archive.hpp"
#include "platform/crypto/random.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/mail/mail_queue.hpp"
#include "platform/time.hpp"

namespace vigor::features::portability {

namespace json = boost::json;
using platform::Error;
using platform::ErrorKind;
using platform::i18n::Msg;
using platform::jobs::JobContext;
using platform::jobs::JobStatus;
using platform::store::Session;

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void WritePrivateFile(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

std::string FieldOf(const std::string& payload, std::string_view field) {
  return std::string(json::parse(payload).as_object().at(field).as_string());
}

platform::mail::MailMessage ReadyMail(const std::string& to, const std::string& locale,
                                      const std::string& link, const std::string& expires_at) {
  if (locale == "de") {
    return {.to = to,
            .subject = "Dein Vigor-Export ist fertig",
            .text =
                "Hallo,\n\ndein Export aller deiner Daten ist fertig. Lade ihn hier herunter "
                "(angemeldet):\n\n" +
                link + "\n\nDer Link gilt bis " + expires_at +
                " (UTC). Danach wird die Datei gelöscht.\n"};
  }
  return {
      .to = to,
      .subject = "Your Vigor export is ready",
      .text = "Hello,\n\nthe export of all your data is ready. Download it here (signed in):\n\n" +
              link + "\n\nThe link works until " + expires_at +
              " (UTC); then the file is deleted.\n"};
}

}  // namespace

PortabilityService::PortabilityService(Parts parts, ExportSources sources)
    : parts_(std::move(parts)), sources_(std::move(sources)) {}

DataExport PortabilityService::Request(const platform::auth::Principal& principal) {
  DataExport created{.id = platform::NewId(),
                     .user_id = principal.user_id,
                     .status = "queued",
                     .created_at = platform::NowRfc3339(),
                     .expires_at = platform::Rfc3339FromNow(kLinkLifetime)};
  parts_.database.Write([&](Session& s) {
    if (exports_.AnyPending(s, principal.user_id)) {
      throw Error(ErrorKind::kConflict, Msg("export_in_progress"));
    }
    created.job_id = parts_.jobs.Enqueue(s, principal.user_id, kExportJobKind,
                                         json::serialize(json::object{{"export_id", created.id}}));
    exports_.Insert(s, created);
  });
  parts_.jobs.Notify();
  return created;
}

std::vector<DataExport> PortabilityService::List(const platform::auth::Principal& principal) {
  return parts_.database.ReadResult(
      [&](Session& s) { return exports_.List(s, principal.user_id, kListLimit); });
}

DataExport PortabilityService::Get(const platform::auth::Principal& principal,
                                   const std::string& id) {
  auto found = parts_.database.ReadResult(
      [&](Session& s) { return exports_.Find(s, principal.user_id, id); });
  if (!found) throw Error(ErrorKind::kNotFound, Msg("not_found"));
  return *found;
}

std::filesystem::path PortabilityService::FileOf(const platform::auth::Principal& principal,
                                                 const std::string& id) {
  auto found = Get(principal, id);
  if (found.expires_at <= platform::NowRfc3339()) {
    throw Error(ErrorKind::kGone, Msg("export_expired"));
  }
  if (found.status != "ready" || !found.file_name) {
    throw Error(ErrorKind::kConflict, Msg("export_not_ready"));
  }
  auto path = parts_.directory / *found.file_name;
  if (!std::filesystem::exists(path)) throw Error(ErrorKind::kGone, Msg("export_expired"));
  return path;
}

std::string PortabilityService::RunExport(JobContext& context) {
  const auto& job = context.job();
  std::string export_id = FieldOf(job.payload, "export_id");
  parts_.database.Write([&](Session& s) { exports_.MarkRunning(s, job.user_id, export_id); });
  try {
    auto files = BuildExport(
        parts_.database, job.user_id, parts_.sealed, parts_.box, sources_, parts_.origin,
        [&](std::int64_t done, std::int64_t total) { context.Progress(done, total); });
    std::filesystem::create_directories(parts_.directory);
    std::string file_name = export_id + ".zip";
    auto path = parts_.directory / file_name;
    WriteZip(path, files);
    std::string bytes = ReadFile(path);
    std::string result;
    parts_.database.Write([&](Session& s) {
      std::string ready_at = platform::NowRfc3339();
      std::string expires_at = platform::Rfc3339FromNow(kLinkLifetime);
      exports_.MarkReady(s, job.user_id, export_id, file_name,
                         static_cast<std::int64_t>(bytes.size()),
                         platform::crypto::Sha256Hex(bytes), ready_at, expires_at);
      if (auto recipient = exports_.Recipient(s, job.user_id)) {
        parts_.mail.Enqueue(
            s, ReadyMail(recipient->first, recipient->second,
                         parts_.origin.public_url + "/settings/security#export", expires_at));
      }
      result =
          json::serialize(json::object{{"export_id", export_id}, {"size_bytes", bytes.size()}});
      context.Succeed(s, result);
    });
    parts_.mail.Notify();
    return result;
  } catch (...) {
    parts_.database.Write([&](Session& s) { exports_.MarkFailed(s, job.user_id, export_id); });
    throw;
  }
}

ImportOutcome PortabilityService::Import(const platform::auth::Principal& principal,
                                         std::string_view zip_bytes) {
  ParseExport(zip_bytes);  // refuses a damaged or foreign file before anything is kept
  std::string file_name = platform::NewId() + ".zip";
  WritePrivateFile(IncomingDir() / file_name, zip_bytes);
  std::string job_id = parts_.database.WriteResult([&](Session& s) {
    return parts_.jobs.Enqueue(s, principal.user_id, kImportJobKind,
                               json::serialize(json::object{{"file", file_name}}));
  });
  ImportOutcome outcome{.id = job_id, .status = "queued"};
  auto ran = parts_.jobs.RunNow(principal.user_id, job_id);
  if (!ran) {
    parts_.jobs.Notify();
    return outcome;
  }
  outcome.status = platform::jobs::JobStatusName(ran->status);
  if (ran->status == JobStatus::kSucceeded && ran->result) {
    outcome.report = json::parse(*ran->result).as_object();
  }
  if (ran->status == JobStatus::kFailed) outcome.error = ran->error.value_or("failed");
  return outcome;
}

std::string PortabilityService::RunImport(JobContext& context) {
  const auto& job = context.job();
  auto path = IncomingDir() / FieldOf(job.payload, "file");
  std::string result;
  {
    std::string bytes = ReadFile(path);
    auto parsed = ParseExport(bytes);
    parts_.database.Write([&](Session& s) {
      auto report = ImportRows(
          s, parsed, job.user_id, parts_.sealed, parts_.box,
          [&](std::int64_t done, std::int64_t total) { context.Progress(s, done, total); });
      result = json::serialize(EncodeReport(report));
      context.Succeed(s, result);
    });
  }
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
  return result;
}

std::int64_t PortabilityService::PurgeExpired(Session& s, std::chrono::system_clock::time_point now,
                                              int limit) {
  std::int64_t purged = 0;
  for (const auto& e : exports_.Expired(s, platform::FormatRfc3339(now), limit)) {
    if (e.file_name) {
      std::error_code ignored;
      std::filesystem::remove(parts_.directory / *e.file_name, ignored);
    }
    exports_.Delete(s, e.id);
    ++purged;
  }
  // Archives whose row is gone: the account was erased (its rows cascade, its files stay until
  // here). Uploads for imports that never ran, after a day.
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(parts_.directory, ec)) {
    if (purged >= limit) break;
    if (!entry.is_regular_file() || entry.path().extension() != ".zip") continue;
    if (exports_.Exists(s, entry.path().stem().string())) continue;
    if (std::filesystem::remove(entry.path(), ec)) ++purged;
  }
  auto day_ago = std::filesystem::file_time_type::clock::now() - std::chrono::hours(24);
  for (const auto& entry : std::filesystem::directory_iterator(IncomingDir(), ec)) {
    if (purged >= limit) break;
    if (entry.is_regular_file() && entry.last_write_time() < day_ago) {
      if (std::filesystem::remove(entry.path(), ec)) ++purged;
    }
  }
  return purged;
}

}  // namespace vigor::features::portability
