// FoodsService's Open Food Facts imports: starting one, reading its progress, and the job that
// streams the operator's export file into the shared products (the rest of the service is in
// foods_service.cpp).
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <optional>
#include <string_view>

#include "features/nutrition/food_import.hpp"
#include "features/nutrition/foods_service.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/io/compressed_file.hpp"
#include "platform/time.hpp"

namespace vigor::features::nutrition {

using platform::Error;
using platform::ErrorKind;

namespace {

std::string ImportResultJson(const FoodImport& i) {
  return boost::json::serialize(boost::json::object{{"food_import_id", i.id},
                                                    {"rows_read", i.rows_read},
                                                    {"foods_added", i.foods_added},
                                                    {"foods_updated", i.foods_updated},
                                                    {"rows_rejected", i.rows_rejected}});
}

}  // namespace

FoodImport FoodsService::StartImport(const Principal& principal, const std::string& file) {
  bool plain_name = file.find('/') == std::string::npos && file.find('\\') == std::string::npos &&
                    file.find("..") == std::string::npos && file != "." && !file.empty();
  if (!plain_name) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"file", Msg("food_import_file_name")}});
  }
  std::error_code ec;
  auto path = import_dir_ / file;
  if (!std::filesystem::is_regular_file(path, ec)) {
    throw Error(ErrorKind::kValidation, Msg("invalid_fields"),
                {{"file", Msg("food_import_file_missing")}});
  }
  auto size = std::filesystem::file_size(path, ec);
  FoodImport import{.file = file,
                    .bytes_total = ec ? 0 : static_cast<std::int64_t>(size),
                    .created_at = platform::NowRfc3339()};
  database_.Write([&](Session& s) {
    import.id = jobs_.Enqueue(s, principal.user_id, kFoodImportJobKind,
                              boost::json::serialize(boost::json::object{
                                  { "file",
                                    file }}));
    foods_.InsertImport(s, principal.user_id, import);
  });
  jobs_.Notify();
  return import;
}

std::vector<FoodImport> FoodsService::ListImports() {
  return database_.ReadResult([&](Session& s) { return foods_.ListImports(s, 100); });
}

FoodImport FoodsService::GetImport(const std::string& id) {
  auto import = database_.ReadResult([&](Session& s) { return foods_.FindImport(s, id); });
  if (!import) throw Error(ErrorKind::kNotFound, Msg("no_such_food_import"));
  return std::move(*import);
}

std::string FoodsService::RunImportJob(platform::jobs::JobContext& context) {
  try {
    auto found =
        database_.ReadResult([&](Session& s) { return foods_.FindImport(s, context.job().id); });
    if (!found) throw platform::jobs::JobFailed("The food import is gone.");
    ImportSink sink{
        .progress = [&context](Session& s, std::int64_t done,
                               std::int64_t total) { return context.Progress(s, done, total); },
        .succeed = [&context](Session& s,
                              const std::string& result) { context.Succeed(s, result); },
        .batch_done = {}};
    return ImportResultJson(RunImport(std::move(*found), import_dir_ / found->file, sink));
  } catch (const platform::jobs::JobFailed&) {
    throw;
  } catch (const std::exception& e) {
    // The queue fails the job; the import says so too. (A runner that died instead leaves it
    // running: the queue claims it again and it goes on after its last committed batch.)
    std::string message = "The import stopped because of an error on the server.";
    database_.Write([&](Session& s) {
      if (auto import = foods_.FindImport(s, context.job().id)) {
        import->status = "failed";
        import->error = message;
        import->finished_at = platform::NowRfc3339();
        foods_.SaveImport(s, *import);
      }
    });
    throw platform::jobs::JobFailed(message);
  }
}

FoodImport FoodsService::ImportFile(const std::filesystem::path& path,
                                    const std::function<void(const FoodImport&)>& batch_done) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  FoodImport import{.id = platform::NewId(),
                    .file = path.filename().string(),
                    .bytes_total = ec ? 0 : static_cast<std::int64_t>(size),
                    .created_at = platform::NowRfc3339()};
  database_.Write([&](Session& s) { foods_.InsertImport(s, std::nullopt, import); });
  ImportSink sink{.progress = [](Session&, std::int64_t, std::int64_t) { return true; },
                  .succeed = [](Session&, const std::string&) {},
                  .batch_done = batch_done};
  return RunImport(std::move(import), path, sink);
}

FoodImport FoodsService::RunImport(FoodImport import, const std::filesystem::path& path,
                                   const ImportSink& sink) {
  const std::string id = import.id;

  auto fail = [&](const std::string& message) -> FoodImport {
    import.status = "failed";
    import.error = message;
    import.finished_at = platform::NowRfc3339();
    database_.Write([&](Session& s) { foods_.SaveImport(s, import); });
    throw platform::jobs::JobFailed(message);
  };

  // A plain export and its .gz both work.
  auto file = platform::io::CompressedFileReader::Open(path);
  if (!file) return fail("Cannot open " + import.file + ".");

  // A resumed job (its runner died) goes on after the lines its batches committed.
  const std::int64_t skip_lines = import.lines_read;
  std::int64_t line_no = 0;
  std::optional<OffColumns> columns;
  std::vector<StoredFood> batch;

  auto reject = [&](std::int64_t line, std::string reason) {
    ++import.rows_rejected;
    if (import.rejected_examples.size() < kRejectedExamples) {
      import.rejected_examples.push_back({line, std::move(reason)});
    }
  };
  auto flush = [&](bool last) {
    if (!last && batch.empty()) return;
    import.bytes_read = last ? import.bytes_total
                             : std::min<std::int64_t>(file->CompressedOffset(), import.bytes_total);
    import.lines_read = line_no;
    if (last) {
      import.status = "succeeded";
      import.finished_at = platform::NowRfc3339();
    }
    database_.Write([&](Session& s) {
      std::string now = platform::NowRfc3339();
      for (const auto& food : batch) {
        if (foods_.UpsertShared(s, food, id, now)) {
          ++import.foods_added;
        } else {
          ++import.foods_updated;
        }
      }
      if (!sink.progress(s, import.bytes_read, import.bytes_total)) {
        throw std::runtime_error("the food import's lease was lost");
      }
      foods_.SaveImport(s, import);
      if (last) sink.succeed(s, ImportResultJson(import));
    });
    batch.clear();
    if (sink.batch_done) sink.batch_done(import);
  };
  auto handle_line = [&](std::string_view line, bool terminated) {
    ++line_no;
    if (line_no == 1) {
      std::string error;
      columns = OffColumns::FromHeader(line, error);
      if (!columns) fail("The file cannot be imported: " + error + ".");
      return;
    }
    if (line_no <= skip_lines) return;
    ++import.rows_read;
    std::string reason;
    auto food = columns->Read(line, reason);
    if (!food) {
      if (!terminated) {
        reject(line_no, "cut off: the file ends inside this line");
        import.error = "The file ends inside line " + std::to_string(line_no) +
                       " (cut off?): that line was left out, everything before it was imported.";
      } else {
        reject(line_no, reason);
      }
      return;
    }
    batch.push_back(std::move(*food));
    if (batch.size() >= kImportBatchRows) flush(false);
  };

  if (import.status == "queued") {
    import.status = "running";
    database_.Write([&](Session& s) { foods_.SaveImport(s, import); });
  }

  // Lines longer than this are no product of the export: rejected without being kept whole.
  constexpr std::size_t kMaxLine = 1 << 20;
  std::string pending;
  bool overlong = false;
  std::vector<char> buffer(1 << 16);
  while (true) {
    auto read = file->Read(buffer.data(), buffer.size());
    using Status = platform::io::CompressedFileReader::Status;
    if (read.status == Status::kCutOff) {
      // A cut gzip stream: what was decompressed so far counts.
      import.error =
          "The compressed file ends early (cut off?): the lines read before that "
          "were imported.";
      break;
    }
    if (read.status == Status::kFailed) return fail("Reading the file failed: " + read.error);
    if (read.status == Status::kEnd) break;
    std::string_view chunk(buffer.data(), read.size);
    while (!chunk.empty()) {
      auto newline = chunk.find('\n');
      std::string_view part = chunk.substr(0, newline);
      if (!overlong) {
        if (pending.size() + part.size() > kMaxLine) {
          overlong = true;
          pending.clear();
        } else {
          pending.append(part);
        }
      }
      if (newline == std::string_view::npos) break;
      chunk.remove_prefix(newline + 1);
      if (overlong) {
        ++line_no;
        if (line_no > skip_lines) {
          ++import.rows_read;
          reject(line_no, "line too long");
        }
        overlong = false;
      } else {
        handle_line(pending, true);
      }
      pending.clear();
    }
  }
  if (!pending.empty()) handle_line(pending, false);
  if (!columns) fail("The file is empty.");
  flush(true);
  return import;
}

}  // namespace vigor::features::nutrition
