#include "core/nutrition_dri.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vigor::core {
namespace {

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

TEST(NutritionDriTest, GeneratedTableEqualsDataFile) {
  auto path = FindSourceFile("data/dri/dri.tsv");
  ASSERT_FALSE(path.empty()) << "data/dri/dri.tsv not found (set VIGOR_SOURCE_DIR)";
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  EXPECT_TRUE(text.str() == DriSourceTsv())
      << "src/core/nutrition_dri_data.cpp is stale: run scripts/gen-dri";
}

// One expected look-up, read off the published tables by hand (not from data/dri/dri.tsv).
struct Case {
  Nutrient nutrient;
  double age;
  Sex sex;
  IntakeKind kind;
  double amount;
  std::optional<double> upper;
  UpperLimitBasis basis;
};

constexpr auto kRda = IntakeKind::kRda;
constexpr auto kAi = IntakeKind::kAi;
constexpr auto kMale = Sex::kMale;
constexpr auto kFemale = Sex::kFemale;
constexpr auto kNone = UpperLimitBasis::kNone;
constexpr auto kTotal = UpperLimitBasis::kTotalIntake;
constexpr auto kSupplements = UpperLimitBasis::kSupplementsOnly;
constexpr auto kCdrr = UpperLimitBasis::kChronicDiseaseRisk;
constexpr std::nullopt_t kNoUpper = std::nullopt;

TEST(NutritionDriTest, WorkedLookUps) {
  const Case cases[] = {
      // Iron: women 19-50 18 mg, UL 45; men 19+ 8 mg; women 51+ 8 mg; children 4-8 10 mg, UL 40.
      {Nutrient::kIronMg, 25, kFemale, kRda, 18, 45, kTotal},
      {Nutrient::kIronMg, 40, kMale, kRda, 8, 45, kTotal},
      {Nutrient::kIronMg, 55, kFemale, kRda, 8, 45, kTotal},
      {Nutrient::kIronMg, 6, kMale, kRda, 10, 40, kTotal},
      {Nutrient::kIronMg, 16, kFemale, kRda, 15, 45, kTotal},
      // Vitamin D (2011): 15 ug to 70, 20 ug over 70; UL 100 ug from 9, 63 ug at 1-3.
      {Nutrient::kVitaminDUg, 30, kMale, kRda, 15, 100, kTotal},
      {Nutrient::kVitaminDUg, 75, kFemale, kRda, 20, 100, kTotal},
      {Nutrient::kVitaminDUg, 2, kFemale, kRda, 15, 63, kTotal},
      // Calcium (2011): women 51-70 1,200 mg, UL 2,000; men 51-70 1,000; teens 1,300, UL 3,000.
      {Nutrient::kCalciumMg, 60, kFemale, kRda, 1'200, 2'000, kTotal},
      {Nutrient::kCalciumMg, 60, kMale, kRda, 1'000, 2'000, kTotal},
      {Nutrient::kCalciumMg, 72, kMale, kRda, 1'200, 2'000, kTotal},
      {Nutrient::kCalciumMg, 15, kMale, kRda, 1'300, 3'000, kTotal},
      {Nutrient::kCalciumMg, 35, kFemale, kRda, 1'000, 2'500, kTotal},
      // Vitamin C: men 19+ 90 mg, women 75 mg, UL 2,000; smokers (+35 mg) not modelled.
      {Nutrient::kVitaminCMg, 45, kMale, kRda, 90, 2'000, kTotal},
      {Nutrient::kVitaminCMg, 45, kFemale, kRda, 75, 2'000, kTotal},
      // Fibre AI: men 19-50 38 g, men 51+ 30 g, women 19-50 25 g, women 51+ 21 g.
      {Nutrient::kFiberG, 30, kMale, kAi, 38, kNoUpper, kNone},
      {Nutrient::kFiberG, 65, kMale, kAi, 30, kNoUpper, kNone},
      {Nutrient::kFiberG, 30, kFemale, kAi, 25, kNoUpper, kNone},
      {Nutrient::kFiberG, 80, kFemale, kAi, 21, kNoUpper, kNone},
      // Potassium AI (2019): men 19+ 3,400 mg, women 19+ 2,600 mg; no UL.
      {Nutrient::kPotassiumMg, 40, kMale, kAi, 3'400, kNoUpper, kNone},
      {Nutrient::kPotassiumMg, 40, kFemale, kAi, 2'600, kNoUpper, kNone},
      // Sodium (2019): adults AI 1,500 mg, CDRR 2,300; 4-8 years AI 1,000, CDRR 1,500.
      {Nutrient::kSodiumMg, 40, kMale, kAi, 1'500, 2'300, kCdrr},
      {Nutrient::kSodiumMg, 5, kFemale, kAi, 1'000, 1'500, kCdrr},
      // Magnesium: men 31+ 420 mg, women 19-30 310 mg; UL 350 mg from supplements only.
      {Nutrient::kMagnesiumMg, 40, kMale, kRda, 420, 350, kSupplements},
      {Nutrient::kMagnesiumMg, 25, kFemale, kRda, 310, 350, kSupplements},
      // Niacin 16 / 14 mg NE, UL 35 (supplements); folate 400 ug DFE, UL 1,000 (folic acid);
      // vitamin E 15 mg, UL 1,000 (supplements).
      {Nutrient::kNiacinMg, 30, kMale, kRda, 16, 35, kSupplements},
      {Nutrient::kNiacinMg, 30, kFemale, kRda, 14, 35, kSupplements},
      {Nutrient::kFolateUg, 30, kFemale, kRda, 400, 1'000, kSupplements},
      {Nutrient::kVitaminEMg, 30, kFemale, kRda, 15, 1'000, kSupplements},
      // Vitamin B6 men 51+ 1.7 mg, women 51+ 1.5 mg, UL 100; B12 2.4 ug, no UL.
      {Nutrient::kVitaminB6Mg, 60, kMale, kRda, 1.7, 100, kTotal},
      {Nutrient::kVitaminB6Mg, 60, kFemale, kRda, 1.5, 100, kTotal},
      {Nutrient::kVitaminB12Ug, 60, kFemale, kRda, 2.4, kNoUpper, kNone},
      // Vitamin A 900 / 700 ug RAE, UL 3,000 ug on preformed vitamin A only.
      {Nutrient::kVitaminAUg, 30, kMale, kRda, 900, 3'000, UpperLimitBasis::kPreformedVitaminA},
      {Nutrient::kVitaminKUg, 30, kFemale, kAi, 90, kNoUpper, kNone},
      {Nutrient::kCholineMg, 30, kMale, kAi, 550, 3'500, kTotal},
      {Nutrient::kZincMg, 30, kMale, kRda, 11, 40, kTotal},
      {Nutrient::kCopperMg, 30, kFemale, kRda, 0.9, 10, kTotal},  // 900 ug, UL 10,000 ug
      {Nutrient::kSeleniumUg, 30, kFemale, kRda, 55, 400, kTotal},
      {Nutrient::kPhosphorusMg, 75, kMale, kRda, 700, 3'000, kTotal},
      {Nutrient::kManganeseMg, 30, kFemale, kAi, 1.8, 11, kTotal},
      // Protein RDA 56 g men, 46 g women; water AI 3.7 L / 2.7 L; carbohydrate RDA 130 g.
      {Nutrient::kProteinG, 30, kMale, kRda, 56, kNoUpper, kNone},
      {Nutrient::kProteinG, 30, kFemale, kRda, 46, kNoUpper, kNone},
      {Nutrient::kWaterG, 30, kMale, kAi, 3'700, kNoUpper, kNone},
      {Nutrient::kWaterG, 30, kFemale, kAi, 2'700, kNoUpper, kNone},
      {Nutrient::kCarbohydrateG, 10, kFemale, kRda, 130, kNoUpper, kNone},
      // n-3 (alpha-linolenic acid) 1.6 / 1.1 g, n-6 (linoleic acid) men 19-50 17 g.
      {Nutrient::kOmega3G, 30, kMale, kAi, 1.6, kNoUpper, kNone},
      {Nutrient::kOmega3G, 30, kFemale, kAi, 1.1, kNoUpper, kNone},
      {Nutrient::kOmega6G, 30, kMale, kAi, 17, kNoUpper, kNone},
  };
  for (const Case& c : cases) {
    std::string where = std::string(NutrientKey(c.nutrient)) + " age " + std::to_string(c.age) +
                        " " + std::string(SexKey(c.sex));
    auto value = Dri(c.nutrient, c.age, c.sex);
    ASSERT_TRUE(value) << where;
    EXPECT_EQ(value->kind, c.kind) << where;
    EXPECT_DOUBLE_EQ(value->amount, c.amount) << where;
    EXPECT_EQ(value->upper_limit, c.upper) << where;
    EXPECT_EQ(value->upper_basis, c.basis) << where;
    EXPECT_EQ(value->ul_supplements_only, c.basis == kSupplements) << where;
  }
}

TEST(NutritionDriTest, AgeGroupsByCompletedYears) {
  // 70.9 is still 51-70 (vitamin D 15), 71 is ">70" (20); 50.99 women iron 18, 51 gives 8.
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kVitaminDUg, 70.9, kMale)->amount, 15);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kVitaminDUg, 71, kMale)->amount, 20);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kIronMg, 50.99, kFemale)->amount, 18);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kIronMg, 51, kFemale)->amount, 8);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kIronMg, 1, kFemale)->amount, 7);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kIronMg, 110, kMale)->amount, 8);
  // Infants and nonsense ages are not covered.
  EXPECT_FALSE(Dri(Nutrient::kIronMg, 0.5, kFemale));
  EXPECT_FALSE(Dri(Nutrient::kIronMg, -1, kFemale));
  EXPECT_FALSE(Dri(Nutrient::kIronMg, 151, kFemale));
}

TEST(NutritionDriTest, UnspecifiedSexCoversBoth) {
  // Iron at 25: men 8, women 18 -> 18; UL 45 for both.
  auto iron = Dri(Nutrient::kIronMg, 25, Sex::kUnspecified);
  ASSERT_TRUE(iron);
  EXPECT_DOUBLE_EQ(iron->amount, 18);
  EXPECT_EQ(iron->upper_limit, 45);
  // Vitamin C at 40: 90 (men) over 75; fibre at 60: 30 (men) over 21.
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kVitaminCMg, 40, Sex::kUnspecified)->amount, 90);
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kFiberG, 60, Sex::kUnspecified)->amount, 30);
  // Children's rows are the same for both.
  EXPECT_DOUBLE_EQ(Dri(Nutrient::kZincMg, 3, Sex::kUnspecified)->amount, 3);
}

TEST(NutritionDriTest, NutrientsWithoutAReferenceIntake) {
  for (Nutrient n : {Nutrient::kEnergyKcal, Nutrient::kSugarsG, Nutrient::kFatG,
                     Nutrient::kSaturatedFatG, Nutrient::kTransFatG, Nutrient::kCholesterolMg,
                     Nutrient::kCaffeineMg, Nutrient::kAlcoholG}) {
    EXPECT_FALSE(Dri(n, 30, kMale)) << NutrientKey(n);
  }
  // Every other nutrient has one for every age and sex (the generator checks the coverage).
  auto person = DriForPerson(30, kFemale);
  int with_dri = 0;
  for (const auto& value : person) with_dri += value.has_value();
  EXPECT_EQ(with_dri, 29);
}

TEST(NutritionDriTest, ProteinPerKilogram) {
  EXPECT_EQ(ProteinRdaGPerKg(2), 1.05);
  EXPECT_EQ(ProteinRdaGPerKg(8.5), 0.95);
  EXPECT_EQ(ProteinRdaGPerKg(13), 0.95);
  EXPECT_EQ(ProteinRdaGPerKg(14), 0.85);
  EXPECT_EQ(ProteinRdaGPerKg(18.9), 0.85);
  EXPECT_EQ(ProteinRdaGPerKg(19), 0.8);
  EXPECT_EQ(ProteinRdaGPerKg(0.5), std::nullopt);
}

TEST(NutritionDriTest, FoodUpperLimitLeavesOutSupplementLimits) {
  // Iron's UL applies to food; sodium's CDRR too; magnesium's and vitamin A's do not.
  EXPECT_EQ(FoodUpperLimit(*Dri(Nutrient::kIronMg, 30, kMale)), 45);
  EXPECT_EQ(FoodUpperLimit(*Dri(Nutrient::kSodiumMg, 30, kMale)), 2'300);
  EXPECT_EQ(FoodUpperLimit(*Dri(Nutrient::kMagnesiumMg, 30, kMale)), std::nullopt);
  EXPECT_EQ(FoodUpperLimit(*Dri(Nutrient::kVitaminAUg, 30, kMale)), std::nullopt);
  EXPECT_EQ(FoodUpperLimit(*Dri(Nutrient::kFiberG, 30, kMale)), std::nullopt);
}

}  // namespace
}  // namespace vigor::core
