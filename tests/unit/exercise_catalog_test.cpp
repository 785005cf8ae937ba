#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/text_fold.hpp"
#include "features/exercises/catalog.hpp"

namespace vigor::features::exercises {
namespace {

using Words = std::vector<std::string>;

// data/ lives in the source tree; tests may run from any build directory, so look upwards from
// the test binary and from the working directory.
std::filesystem::path FindSourceFile(const std::filesystem::path& relative) {
  std::vector<std::filesystem::path> starts;
  if (const char* dir = std::getenv("VIGOR_SOURCE_DIR")) starts.emplace_back(dir);
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) starts.push_back(exe.parent_path());
  starts.push_back(std::filesystem::current_path());
  for (auto dir : starts) {
    for (; !dir.empty(); dir = dir.parent_path()) {
      if (std::filesystem::exists(dir / relative)) return dir / relative;
      if (dir == dir.parent_path()) break;
    }
  }
  return {};
}

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const Catalog& Shipped() { return *Catalog::Embedded(); }

TEST(ExerciseCatalog, EmbeddedCopyEqualsDataFile) {
  auto path = FindSourceFile("data/exercises.json");
  ASSERT_FALSE(path.empty()) << "data/exercises.json not found (set VIGOR_SOURCE_DIR)";
  EXPECT_TRUE(ReadAll(path) == EmbeddedCatalogJson())
      << "the embedded catalogue is stale: run scripts/gen-exercise-catalog";
}

TEST(ExerciseCatalog, ParsesWithEveryEntryValid) {
  // Parse is strict (enums of the spec, kebab-case unique slugs, required fields, no unknown
  // members): that it loads at all checks most of the file.
  ASSERT_NO_THROW(Catalog::Parse(EmbeddedCatalogJson()));
  const auto& entries = Shipped().entries();
  EXPECT_GE(entries.size(), 200u);
  std::set<std::string> slugs;
  for (const auto& entry : entries) {
    const Exercise& e = entry.exercise;
    SCOPED_TRACE(e.slug);
    EXPECT_TRUE(slugs.insert(e.slug).second) << "slug used twice";
    EXPECT_EQ(e.id, e.slug) << "a catalogue entry's id is its slug";
    EXPECT_FALSE(e.custom);
    EXPECT_FALSE(e.name.empty());
    EXPECT_GE(e.description.size(), 30u) << "describe how to do it";
    EXPECT_LE(e.description.size(), 400u) << "one to three sentences";
    EXPECT_FALSE(e.primary_muscles.empty());
    EXPECT_FALSE(e.equipment.empty());
    for (auto m : e.secondary_muscles) {
      EXPECT_EQ(std::count(e.primary_muscles.begin(), e.primary_muscles.end(), m), 0);
    }
    EXPECT_EQ(Shipped().Find(e.slug), &entry);
  }
}

TEST(ExerciseCatalog, UsesEveryMuscleEquipmentCategoryAndLogType) {
  std::map<Muscle, int> primary, any;
  std::set<Equipment> equipment;
  std::set<Category> categories;
  std::set<LogType> log_types;
  for (const auto& entry : Shipped().entries()) {
    const Exercise& e = entry.exercise;
    for (auto m : e.primary_muscles) ++primary[m], ++any[m];
    for (auto m : e.secondary_muscles) ++any[m];
    equipment.insert(e.equipment.begin(), e.equipment.end());
    categories.insert(e.category);
    log_types.insert(e.log_type);
  }
  for (auto m : AllValues<Muscle>()) {
    EXPECT_GT(any[m], 0) << Name(m) << " is never used";
    // The muscle filter looks at primary muscles: each must find something.
    EXPECT_GT(primary[m], 0) << Name(m) << " is never a primary muscle";
  }
  for (auto e : AllValues<Equipment>()) EXPECT_TRUE(equipment.contains(e)) << Name(e);
  for (auto c : AllValues<Category>()) EXPECT_TRUE(categories.contains(c)) << Name(c);
  for (auto l : AllValues<LogType>()) EXPECT_TRUE(log_types.contains(l)) << Name(l);
}

TEST(ExerciseCatalog, LogTypesFitTheKindOfExercise) {
  for (const auto& entry : Shipped().entries()) {
    const Exercise& e = entry.exercise;
    SCOPED_TRACE(e.slug);
    if (e.category == Category::kStretching) {
      EXPECT_EQ(e.log_type, LogType::kDuration);
    }
    if (e.category == Category::kCardio) {
      EXPECT_NE(e.log_type, LogType::kWeightReps);
    }
    if (e.category == Category::kOlympic) {
      EXPECT_EQ(e.log_type, LogType::kWeightReps);
    }
    bool loaded = std::any_of(e.equipment.begin(), e.equipment.end(), [](Equipment q) {
      return q == Equipment::kBarbell || q == Equipment::kEzBar || q == Equipment::kTrapBar ||
             q == Equipment::kSmithMachine;
    });
    if (loaded && e.category != Category::kMobility && e.slug != "barbell-rollout") {
      EXPECT_EQ(e.log_type, LogType::kWeightReps) << "a loaded lift records weight x reps";
    }
    if (std::count(e.equipment.begin(), e.equipment.end(), Equipment::kCardioMachine) > 0) {
      EXPECT_EQ(e.category, Category::kCardio);
    }
  }
}

TEST(ExerciseCatalog, IsOrderedByFoldedNameWithUniqueNames) {
  const auto& entries = Shipped().entries();
  std::set<std::string> keys;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    EXPECT_EQ(entries[i].sort_key, core::SearchKey(entries[i].exercise.name));
    EXPECT_TRUE(keys.insert(entries[i].sort_key).second) << entries[i].sort_key;
    if (i > 0) {
      EXPECT_LT(entries[i - 1].sort_key, entries[i].sort_key);
    }
  }
}

TEST(ExerciseCatalog, HasAccentedNamesAndAliasesForAccentInsensitiveSearch) {
  int accented = 0;
  for (const auto& entry : Shipped().entries()) {
    std::vector<std::string> texts = entry.exercise.aliases;
    texts.push_back(entry.exercise.name);
    for (const auto& t : texts) {
      if (std::any_of(t.begin(), t.end(), [](unsigned char c) { return c >= 0x80; })) ++accented;
    }
  }
  EXPECT_GE(accented, 10);
  const auto* bench = Shipped().Find("barbell-bench-press");
  ASSERT_NE(bench, nullptr);
  EXPECT_NE(
      std::find(bench->exercise.aliases.begin(), bench->exercise.aliases.end(), "développé couché"),
      bench->exercise.aliases.end());
  // The name first, then each alias, then the German ones (with umlauts also written out).
  EXPECT_EQ(bench->texts.front(), core::SearchWords("Barbell Bench Press"));
  EXPECT_EQ(bench->texts[bench->exercise.aliases.size() + 1], Words({"bankdrucken"}));
  EXPECT_EQ(bench->texts[bench->exercise.aliases.size() + 2], Words({"bankdruecken"}));
}

// ---- German ----------------------------------------------------------------------------------

TEST(ExerciseCatalogGerman, EveryEntryHasAGermanNameAndDescription) {
  for (const auto& entry : Shipped().entries()) {
    SCOPED_TRACE(entry.exercise.slug);
    auto de = entry.translations.find("de");
    ASSERT_NE(de, entry.translations.end()) << "no German";
    EXPECT_FALSE(core::SearchKey(de->second.name).empty());
    EXPECT_GE(de->second.description.size(), 30u) << "describe how to do it";
    EXPECT_LE(de->second.description.size(), 500u) << "one to three sentences";
    EXPECT_NE(de->second.description, entry.exercise.description) << "not translated";
    for (const auto& alias : de->second.aliases) EXPECT_NE(alias, de->second.name);
  }
}

TEST(ExerciseCatalogGerman, NamesAsGermanGymsCallThem) {
  // Written out here, not read from the data: what a German lifter calls these.
  const std::map<std::string, std::string> expected{
      {"barbell-back-squat", "Kniebeuge mit der Langhantel"},
      {"barbell-bench-press", "Bankdrücken"},
      {"barbell-deadlift", "Kreuzheben"},
      {"pull-up", "Klimmzug"},
      {"push-up", "Liegestütz"},
      {"lat-pulldown", "Latziehen"},
      {"leg-press", "Beinpresse"},
      {"romanian-deadlift", "Rumänisches Kreuzheben"},
      {"plank", "Unterarmstütz"},
      {"running", "Laufen"},
  };
  for (const auto& [slug, name] : expected) {
    const auto* entry = Shipped().Find(slug);
    ASSERT_NE(entry, nullptr) << slug;
    Exercise de = entry->In("de");
    EXPECT_EQ(de.name, name) << slug;
    EXPECT_EQ(de.name_en, entry->exercise.name) << "the English name is kept";
    EXPECT_NE(de.description, entry->exercise.description);
    // A language the catalogue lacks, and English, answer in English.
    EXPECT_EQ(entry->In("fr").name, entry->exercise.name);
    EXPECT_EQ(entry->In("en").name, entry->exercise.name);
  }
  EXPECT_EQ(Shipped().Find("barbell-back-squat")->In("de").aliases.front(), "Kniebeuge");
}

TEST(ExerciseCatalogGerman, IsOrderedByFoldedGermanNameWithUniqueNames) {
  const auto& ordered = Shipped().Ordered("de");
  ASSERT_EQ(ordered.size(), Shipped().entries().size());
  std::set<std::string> keys;
  for (std::size_t i = 0; i < ordered.size(); ++i) {
    const auto& key = ordered[i]->SortKey("de");
    EXPECT_EQ(key, core::SearchKey(ordered[i]->In("de").name));
    EXPECT_TRUE(keys.insert(key).second) << key;
    if (i > 0) {
      EXPECT_LT(ordered[i - 1]->SortKey("de"), key);
    }
  }
  // Worked example: "Klimmzug" sorts before "Kreuzheben" in German, while "Barbell Deadlift"
  // sorts before "Pull-Up" in English.
  auto position = [](std::string_view language, std::string_view slug) {
    const auto& list = Shipped().Ordered(language);
    return std::find_if(list.begin(), list.end(),
                        [&](const Catalog::Entry* e) { return e->exercise.slug == slug; }) -
           list.begin();
  };
  EXPECT_LT(position("de", "pull-up"), position("de", "barbell-deadlift"));
  EXPECT_GT(position("en", "pull-up"), position("en", "barbell-deadlift"));
  EXPECT_EQ(&Shipped().Ordered("xx"), &Shipped().Ordered("en"));
}

TEST(ExerciseCatalogGerman, ExactNamesAndAliasesInEachLanguage) {
  const auto* squat = Shipped().Find("barbell-back-squat");
  ASSERT_NE(squat, nullptr);
  EXPECT_TRUE(squat->IsExactly("de", "kniebeuge"));
  EXPECT_TRUE(squat->IsExactly("de", "kniebeugemitderlanghantel"));
  EXPECT_FALSE(squat->IsExactly("en", "kniebeuge"));
  EXPECT_TRUE(squat->IsExactly("en", "barbellbacksquat"));
  const auto* bench = Shipped().Find("barbell-bench-press");
  EXPECT_TRUE(bench->IsExactly("de", "bankdrucken"));
  EXPECT_TRUE(bench->IsExactly("de", "bankdruecken"));
}

// ---- the parser refuses what the spec does not allow -----------------------------------------

std::string One(const std::string& members) { return R"({"exercises":[{)" + members + "}]}"; }

const std::string kGood =
    R"("slug":"test-lift","name":"Test Lift","category":"strength","primary_muscles":["quads"],)"
    R"("secondary_muscles":[],"equipment":["barbell"],"mechanics":null,"force":"push",)"
    R"("log_type":"weight_reps","description":"Lift it.",)"
    R"("i18n":{"de":{"name":"Testheben","description":"Heb es."}})";

void ExpectRefused(const std::string& json, const std::string& fragment) {
  try {
    Catalog::Parse(json);
    ADD_FAILURE() << "accepted: " << json;
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
  }
}

TEST(ExerciseCatalogParse, AcceptsAMinimalEntry) {
  auto catalog = Catalog::Parse(One(kGood));
  ASSERT_EQ(catalog->entries().size(), 1u);
  const auto& e = catalog->entries()[0].exercise;
  EXPECT_EQ(e.id, "test-lift");
  EXPECT_FALSE(e.mechanics.has_value());
  EXPECT_EQ(e.force, Force::kPush);
  EXPECT_TRUE(e.aliases.empty());
}

TEST(ExerciseCatalogParse, RefusesWhatTheSpecDoesNotAllow) {
  auto with = [](std::string from, const std::string& to) {
    std::string good = kGood;
    good.replace(good.find(from), from.size(), to);
    return One(good);
  };
  ExpectRefused(with(R"(["quads"])", R"(["quadz"])"), "test-lift");
  ExpectRefused(with(R"("strength")", R"("Strength")"), "category");
  ExpectRefused(with(R"("weight_reps")", R"("sets")"), "log_type");
  ExpectRefused(with(R"(["barbell"])", R"([])"), "equipment");
  ExpectRefused(with(R"("test-lift")", R"("Test_Lift")"), "kebab-case");
  ExpectRefused(with(R"("Lift it.")", R"("")"), "description");
  ExpectRefused(with(R"("secondary_muscles":[])", R"("secondary_muscles":["quads"])"),
                "repeats a primary muscle");
  ExpectRefused(with(R"("mechanics":null,)", ""), "mechanics is missing");
  ExpectRefused(One(kGood + R"(,"difficulty":"easy")"), "difficulty");
  ExpectRefused(R"({"exercises":[{)" + kGood + "},{" + kGood + "}]}", "used twice");
  ExpectRefused("[]", "expected");
}

TEST(ExerciseCatalogParse, RefusesAnEntryWithoutItsGerman) {
  auto with = [](std::string from, const std::string& to) {
    std::string good = kGood;
    good.replace(good.find(from), from.size(), to);
    return One(good);
  };
  ExpectRefused(with(R"(,"i18n":{"de":{"name":"Testheben","description":"Heb es."}})", ""),
                "i18n is missing");
  ExpectRefused(with(R"("de":{"name":"Testheben","description":"Heb es."})", ""),
                "i18n.de is missing");
  ExpectRefused(with(R"("name":"Testheben",)", ""), "i18n.de: name is missing");
  ExpectRefused(with(R"(,"description":"Heb es.")", ""), "i18n.de: description is missing");
  ExpectRefused(with(R"("Heb es.")", R"("")"), "i18n.de: description must be");
  ExpectRefused(with(R"("Testheben")", R"("--")"), "i18n.de.name must contain a letter");
  ExpectRefused(with(R"("Heb es.")", R"("Heb es.","level":"leicht")"), "level");
  ExpectRefused(with(R"("de":{)", R"("fr":{"name":"Soulevé","description":"Le lever."},"de":{)"),
                "i18n.fr");
  ExpectRefused(with(R"({"de":{"name":"Testheben","description":"Heb es."}})", R"(["de"])"),
                "i18n must be an object");
  // Two entries whose German names fold alike, although their English names differ.
  std::string other = kGood;
  other.replace(other.find("test-lift"), 9, "other-lift");
  other.replace(other.find("Test Lift"), 9, "Other Lift");
  other.replace(other.find("Testheben"), 9, "TESTHEBEN");
  ExpectRefused(R"({"exercises":[{)" + kGood + "},{" + other + "}]}", "de name of");
  ExpectRefused("{", "not valid JSON");
}

}  // namespace
}  // namespace vigor::features::exercises
