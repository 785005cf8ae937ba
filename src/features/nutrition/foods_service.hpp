#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "features/nutrition/food_lookup.hpp"
#include "features/nutrition/foods_model.hpp"
#include "features/nutrition/foods_repository.hpp"
#include "platform/auth/principal.hpp"
#include "platform/jobs/job_queue.hpp"
#include "platform/store/database.hpp"

namespace vigor::features::nutrition {

// The kind of the background jobs that import Open Food Facts exports.
inline constexpr std::string_view kFoodImportJobKind = "food_import";

// Foods: the shipped catalogue (read-only), the user's own foods (custom: theirs to change, with
// retry-safe creates), the shared products an admin imported (off: read-only, instance-wide), and
// the user's recipes as foods (through the diary part's RecipeFoodSearch). Search merges all four
// by score (core::FoodSearchIndex scores do not depend on the other entries) with the user's
// frequency and recency of use as a boost. Ids say the source: "usda-NNNNN", "off-BARCODE",
// "recipe-ID"; a custom food's id is a UUID. Someone else's food is "not found"; changing a
// catalogue food or a shared product is "forbidden" (their existence is no secret).
class FoodsService {
 public:
  using Principal = platform::auth::Principal;
  using Session = platform::store::Session;

  static constexpr std::size_t kImportBatchRows = 1000;
  static constexpr std::size_t kRejectedExamples = 20;
  // Shared products a search considers (read by one index range scan), before ranking.
  static constexpr std::size_t kSharedCandidates = 200;
  static constexpr std::size_t kRecentFoods = 20;
  static constexpr int kFrequentDays = 90;

  // Where the shipped catalogue comes from, asked at each use: FoodCatalog::Embedded parses and
  // indexes it on its first call (~90 ms, half of an app's start under the sanitizers), so an
  // instance, or a test, that never searches foods never pays for it.
  using CatalogSource = const FoodCatalog& (*)();

  FoodsService(platform::store::Database& database, platform::jobs::JobQueue& jobs,
               CatalogSource catalog, std::filesystem::path import_dir);

  void SetRecipeSearch(RecipeFoodSearch search) { recipe_search_ = std::move(search); }
  // The diary part's look-up of "recipe-" ids, so that GET /foods/{id} and the recent and
  // frequent lists show recipes too (connected like SetRecipeSearch).
  void SetRecipeLookup(FoodLookup lookup) { recipe_lookup_ = std::move(lookup); }

  std::vector<LoggableFood> Search(const Principal& principal, std::string_view query,
                                   std::size_t limit);
  struct CreateOutcome {
    LoggableFood food;
    bool created = false;
  };
  CreateOutcome Create(const Principal& principal, const FoodInput& input,
                       const std::optional<std::string>& idempotency_key);
  LoggableFood Get(const Principal& principal, const std::string& id);
  LoggableFood Replace(const Principal& principal, const std::string& id, const FoodInput& input);
  void Delete(const Principal& principal, const std::string& id);
  // `code` as typed: 422 with a field error on `code` when it is no valid barcode.
  LoggableFood FindByBarcode(const Principal& principal, const std::string& code);
  struct RecentFoods {
    std::vector<LoggableFood> recent;
    std::vector<LoggableFood> frequent;
  };
  RecentFoods Recent(const Principal& principal);

  // For the diary part (FoodLookup, FoodUseRecorder), in the caller's transaction.
  std::optional<LoggableFood> Lookup(Session& s, const std::string& user_id,
                                     const std::string& food_id);
  void RecordUse(Session& s, const std::string& user_id, const std::string& food_id,
                 std::int64_t at_ms);

  // Admin: Open Food Facts imports.
  FoodImport StartImport(const Principal& principal, const std::string& file);
  std::vector<FoodImport> ListImports();
  FoodImport GetImport(const std::string& id);
  // The job handler of kFoodImportJobKind.
  std::string RunImportJob(platform::jobs::JobContext& context);
  // The same import run here and now, of a file anywhere (vigor import-foods): recorded as an
  // import without an admin; `batch_done` hears of each committed batch. Throws JobFailed with
  // the reason when the file cannot be imported (the import is then recorded as failed).
  FoodImport ImportFile(const std::filesystem::path& path,
                        const std::function<void(const FoodImport&)>& batch_done);

 private:
  // The input checked against the rules that need more than its shape (the barcode, and that
  // no other food of the user has it); the food to store. Throws kValidation.
  StoredFood Check(Session& s, const std::string& user_id, const std::string& id,
                   const FoodInput& input);
  // Where an import reports to: the job queue's lease and outcome, or nothing (the CLI).
  struct ImportSink {
    std::function<bool(Session&, std::int64_t done, std::int64_t total)> progress;
    std::function<void(Session&, const std::string& result_json)> succeed;
    std::function<void(const FoodImport&)> batch_done;
  };
  FoodImport RunImport(FoodImport import, const std::filesystem::path& path,
                       const ImportSink& sink);
  std::vector<LoggableFood> SearchIn(Session& s, const std::string& user_id, std::string_view query,
                                     std::size_t limit);

  platform::store::Database& database_;
  platform::jobs::JobQueue& jobs_;
  CatalogSource catalog_;
  std::filesystem::path import_dir_;
  RecipeFoodSearch recipe_search_;
  FoodLookup recipe_lookup_;
  FoodsRepository foods_;
};

// A catalogue food, a custom food and a shared product as a LoggableFood.
LoggableFood LoggableOf(const Food& food);
LoggableFood LoggableOfCustom(const StoredFood& food);
LoggableFood LoggableOfShared(const StoredFood& food);

}  // namespace vigor::features::nutrition
