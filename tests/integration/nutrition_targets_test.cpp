// Nutrition targets, the nutrient day and the week through the real application: computed
// targets against a table of worked cases (Mifflin-St Jeor, activity factor, weekly goal, floor,
// macro split, all worked out by hand below), reference intakes by age and sex, overrides,
// shares and upper-limit flags, the week's counts with exercise energy, and bad input that
// writes nothing. The diary's totals are a test input here (the diary feature gives them in the
// application).
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <chrono>
#include <set>
#include <string>
#include <vector>

#include "features/nutrition/targets_feature.hpp"
#include "platform/store/revisions.hpp"
#include "support/app_harness.hpp"

namespace vigor {
namespace {

using features::nutrition::DayNutrition;
using features::nutrition::TargetsFeature;
using platform::http::Method;
using testing::AppHarness;
using testing::Browser;
using testing::FieldsOf;
using testing::Reply;

double Num(const boost::json::value& v) { return v.to_number<double>(); }

std::int64_t ThisYear() {
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return static_cast<int>(std::chrono::year_month_day(today).year());
}

core::Day D(const char* text) { return *core::ParseDay(text); }

class NutritionTargetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    owner_id_ = h_.CreateUser("owner");
    h_.CreateUser("other");
    h_.SignIn(owner_, "owner");
    h_.SignIn(other_, "other");
  }

  TargetsFeature& Targets() {
    for (auto& f : h_.app().features) {
      if (auto* t = dynamic_cast<TargetsFeature*>(f.get())) return *t;
    }
    throw std::logic_error("no TargetsFeature installed");
  }

  void Preferences(Browser& b, const std::string& json) {
    auto r = h_.Call(b, Method::kPatch, "/api/v1/me", R"({"preferences":)" + json + "}");
    ASSERT_EQ(r.status, 200) << r.body;
  }
  void Weight(Browser& b, double kg, const std::string& day = "2026-03-01") {
    auto r =
        h_.Call(b, Method::kPut, "/api/v1/measurements",
                R"({"kind":"weight","day":")" + day + R"(","value":)" + std::to_string(kg) + "}");
    ASSERT_EQ(r.status, 200) << r.body;
  }
  Reply Put(Browser& b, const std::string& body) {
    return h_.Call(b, Method::kPut, "/api/v1/nutrition/targets", body);
  }
  boost::json::object PutOk(Browser& b, const std::string& body) {
    auto r = Put(b, body);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.Json();
  }
  std::int64_t Rev() {
    return h_.app().database->ReadResult([&](platform::store::Session& s) {
      return platform::store::CurrentRevision(s, owner_id_);
    });
  }
  // The micronutrient target of `key` in a NutritionTargets body.
  static boost::json::object MicronutrientOf(const boost::json::object& targets,
                                             std::string_view key) {
    for (const auto& m : targets.at("micronutrients").as_array()) {
      if (m.at("nutrient").as_string() == key) return m.as_object();
    }
    return {};
  }
  static boost::json::object EntryOf(const boost::json::object& day, std::string_view key) {
    for (const auto& m : day.at("nutrients").as_array()) {
      if (m.at("nutrient").as_string() == key) return m.as_object();
    }
    ADD_FAILURE() << "no entry for " << key;
    return {};
  }

  AppHarness h_;
  Browser owner_, other_;
  std::string owner_id_;
};

TEST_F(NutritionTargetsTest, NoneUntilSetWithWhatComputedTargetsWouldNeed) {
  auto r = h_.Get(owner_, "/api/v1/nutrition/targets");
  ASSERT_EQ(r.status, 200) << r.body;
  auto t = r.Json();
  EXPECT_EQ(t["mode"], "none");
  EXPECT_EQ(t["daily"], nullptr);
  EXPECT_EQ(t["computed"], nullptr);
  EXPECT_EQ(t["include_exercise_energy"], false);
  EXPECT_EQ(t["profile"].at("sex"), "unspecified");
  EXPECT_EQ(t["profile"].at("height_cm"), nullptr);
  std::set<std::string> missing;
  for (const auto& m : t["missing"].as_array()) missing.insert(std::string(m.as_string()));
  EXPECT_EQ(missing, (std::set<std::string>{"birth_year", "height_cm", "weight", "sex"}));
  // Without age and sex: an adult of 19-30 whose sex is not known gets the value that covers
  // both (DRI tables: iron men 8, women 18 mg; magnesium men 400, women 310 mg).
  EXPECT_EQ(Num(MicronutrientOf(t, "iron_mg")["amount"]), 18);
  EXPECT_EQ(Num(MicronutrientOf(t, "magnesium_mg")["amount"]), 400);
  // Magnesium's UL is on supplements only: nothing to hold food against.
  EXPECT_EQ(MicronutrientOf(t, "magnesium_mg")["upper_limit"], nullptr);
}

// Worked by hand from Mifflin-St Jeor (men +5, women -161, unspecified -78), factors 1.2 / 1.375
// / 1.55 / 1.725 / 1.9, 7,700 kcal per kg spread over 7 days, floors 1,200 (women) / 1,500 (men
// and unspecified) and never above maintenance; protein 1.6 g/kg capped at 35 % of energy, fat
// 30 %, carbohydrate the rest; daily targets rounded to whole kcal and grams.
struct WorkedCase {
  const char* sex;
  int age;
  double kg;
  double cm;
  const char* activity;
  double weekly;
  double bmr, tdee, adjustment, target;
  bool floor_applied;
  double daily_kcal, protein, fat, carbohydrate;
};

TEST_F(NutritionTargetsTest, ComputedTargetsMatchTheWorkedCases) {
  const std::vector<WorkedCase> cases{
      // 10*80 + 6.25*180 - 5*30 + 5 = 1780; x1.55 = 2759; -0.5*7700/7 = -550 -> 2209.
      // Protein 128 g (512 kcal, 23 %); fat 662.7/9 = 73.6 g; carbs (2209-512-662.7)/4 = 258.6 g.
      {"male", 30, 80, 180, "moderate", -0.5, 1780, 2759, -550, 2209, false, 2209, 128, 74, 259},
      // 600 + 1031.25 - 125 - 161 = 1345.25; x1.2 = 1614.3; -1100 -> 514.3, floored at 1200.
      // Protein 96 g (384 kcal); fat 40 g; carbs (1200-384-360)/4 = 114 g.
      {"female", 25, 60, 165, "sedentary", -1, 1345.25, 1614.3, -1100, 1200, true, 1200, 96, 40,
       114},
      // 700 + 1062.5 - 200 - 78 = 1484.5; x1.375 = 2041.1875; no change.
      // Protein 112 g (448 kcal); fat 612.36/9 = 68.04 g; carbs (2041.19-448-612.36)/4 = 245.2 g.
      {"unspecified", 40, 70, 170, "light", 0, 1484.5, 2041.1875, 0, 2041.1875, false, 2041, 112,
       68, 245},
      // 1000 + 1156.25 - 250 + 5 = 1911.25; x1.9 = 3631.375; +550 = 4181.375 (a surplus: no
      // floor). Protein 160 g (640 kcal); fat 1254.41/9 = 139.4 g; carbs (4181.375-640-1254.41)/4
      // = 571.7 g.
      {"male", 50, 100, 185, "very_active", 0.5, 1911.25, 3631.375, 550, 4181.375, false, 4181, 160,
       139, 572},
      // 1000 + 937.5 - 150 - 161 = 1626.5; x1.2 = 1951.8; -1100 -> 851.8, floored at 1200.
      // 1.6 g/kg = 160 g = 640 kcal > 35 % of 1200: capped at 420 kcal = 105 g (1.05 g/kg);
      // fat 40 g; carbs (1200-420-360)/4 = 105 g.
      {"female", 30, 100, 150, "sedentary", -1, 1626.5, 1951.8, -1100, 1200, true, 1200, 105, 40,
       105},
      // 450 + 937.5 - 300 - 161 = 926.5; x1.2 = 1111.8, below the 1200 floor: a deficit leaves the
      // target at maintenance. Protein 72 g (288 kcal); fat 333.54/9 = 37.1 g; carbs
      // (1111.8-288-333.54)/4 = 122.6 g.
      {"female", 60, 45, 150, "sedentary", -0.5, 926.5, 1111.8, -550, 1111.8, true, 1112, 72, 37,
       123},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.sex) + " " + std::to_string(c.age));
    Preferences(owner_, R"({"birth_year":)" + std::to_string(ThisYear() - c.age) + "}");
    Weight(owner_, c.kg);
    auto t = PutOk(owner_, std::string(R"({"mode":"computed","profile":{"sex":")") + c.sex +
                               R"(","height_cm":)" + std::to_string(c.cm) +
                               R"(,"activity_level":")" + c.activity + R"(","weekly_change_kg":)" +
                               std::to_string(c.weekly) + "}}");
    EXPECT_EQ(t["mode"], "computed");
    EXPECT_TRUE(t["missing"].as_array().empty()) << boost::json::serialize(t["missing"]);
    ASSERT_TRUE(t["computed"].is_object()) << boost::json::serialize(t);
    const auto& e = t["computed"].as_object();
    EXPECT_EQ(Num(e.at("age_years")), c.age);
    EXPECT_EQ(Num(e.at("weight_kg")), c.kg);
    EXPECT_NEAR(Num(e.at("bmr_kcal")), c.bmr, 0.051);
    EXPECT_NEAR(Num(e.at("tdee_kcal")), c.tdee, 0.051);
    EXPECT_NEAR(Num(e.at("daily_adjustment_kcal")), c.adjustment, 0.051);
    EXPECT_NEAR(Num(e.at("target_kcal")), c.target, 0.051);
    EXPECT_EQ(e.at("floor_applied"), c.floor_applied);
    ASSERT_TRUE(t["daily"].is_object());
    const auto& d = t["daily"].as_object();
    EXPECT_EQ(Num(d.at("energy_kcal")), c.daily_kcal);
    EXPECT_EQ(Num(d.at("protein_g")), c.protein);
    EXPECT_EQ(Num(d.at("fat_g")), c.fat);
    EXPECT_EQ(Num(d.at("carbohydrate_g")), c.carbohydrate);
    // What the diary reads is what the API shows.
    auto daily = h_.app().database->ReadResult(
        [&](platform::store::Session& s) { return Targets().targets_lookup()(s, owner_id_); });
    ASSERT_TRUE(daily.has_value());
    EXPECT_EQ(daily->energy_kcal, c.daily_kcal);
    EXPECT_EQ(daily->protein_g, c.protein);
  }
  // The first case's explanation in full: the factor and the protein per kg.
  Preferences(owner_, R"({"birth_year":)" + std::to_string(ThisYear() - 30) + "}");
  Weight(owner_, 80);
  auto t = PutOk(owner_, R"({"mode":"computed","profile":{"sex":"male","height_cm":180,)"
                         R"("activity_level":"moderate","weekly_change_kg":-0.5}})");
  EXPECT_EQ(Num(t["computed"].at("activity_factor")), 1.55);
  EXPECT_EQ(Num(t["computed"].at("floor_kcal")), 1500);
  EXPECT_EQ(Num(t["computed"].at("protein_g_per_kg")), 1.6);
}

TEST_F(NutritionTargetsTest, ComputedWithoutWeightOrBirthYearListsWhatIsMissing) {
  auto t = PutOk(owner_, R"({"mode":"computed","profile":{"sex":"female","height_cm":null,)"
                         R"("activity_level":"light","weekly_change_kg":0}})");
  EXPECT_EQ(t["mode"], "computed");
  EXPECT_EQ(t["daily"], nullptr);
  EXPECT_EQ(t["computed"], nullptr);
  std::set<std::string> missing;
  for (const auto& m : t["missing"].as_array()) missing.insert(std::string(m.as_string()));
  EXPECT_EQ(missing, (std::set<std::string>{"birth_year", "height_cm", "weight"}));
  auto daily = h_.app().database->ReadResult(
      [&](platform::store::Session& s) { return Targets().targets_lookup()(s, owner_id_); });
  EXPECT_FALSE(daily.has_value());

  // Manual works without any of it; macros not given take the default split with the protein
  // RDA of an adult woman (46 g) when no weight is known: fat 30 % of 2000 = 66.7 g, carbs
  // (2000 - 184 - 600)/4 = 304 g.
  auto manual =
      PutOk(owner_, R"({"mode":"manual","energy_kcal":2000,"profile":{"sex":"female",)"
                    R"("height_cm":null,"activity_level":"light","weekly_change_kg":0}})");
  EXPECT_EQ(manual["mode"], "manual");
  ASSERT_TRUE(manual["daily"].is_object());
  EXPECT_EQ(Num(manual["daily"].at("energy_kcal")), 2000);
  EXPECT_EQ(Num(manual["daily"].at("protein_g")), 46);
  EXPECT_EQ(Num(manual["daily"].at("fat_g")), 67);
  EXPECT_EQ(Num(manual["daily"].at("carbohydrate_g")), 304);
  // Given macros are kept as given.
  auto own =
      PutOk(owner_, R"({"mode":"manual","energy_kcal":2500,"protein_g":150,"carbohydrate_g":280,)"
                    R"("fat_g":85,"include_exercise_energy":true})");
  EXPECT_EQ(Num(own["daily"].at("protein_g")), 150);
  EXPECT_EQ(Num(own["daily"].at("carbohydrate_g")), 280);
  EXPECT_EQ(Num(own["daily"].at("fat_g")), 85);
  EXPECT_EQ(own["include_exercise_energy"], true);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/nutrition/targets").Json(), own);
}

TEST_F(NutritionTargetsTest, ReferenceIntakesByAgeAndSexAndTheUsersOwn) {
  Preferences(owner_, R"({"birth_year":)" + std::to_string(ThisYear() - 25) + "}");
  auto t = PutOk(owner_, R"({"mode":"manual","energy_kcal":2000,"profile":{"sex":"female",)"
                         R"("height_cm":165,"activity_level":"light","weekly_change_kg":0}})");
  // DRI tables, women 19-30: iron RDA 18 mg (UL 45), vitamin C RDA 75 mg (UL 2000), fibre AI
  // 25 g (no UL), sodium AI 1500 mg with the chronic-disease risk reduction intake 2300 mg.
  auto iron = MicronutrientOf(t, "iron_mg");
  EXPECT_EQ(Num(iron["amount"]), 18);
  EXPECT_EQ(iron["basis"], "rda");
  EXPECT_EQ(Num(iron["upper_limit"]), 45);
  auto vitamin_c = MicronutrientOf(t, "vitamin_c_mg");
  EXPECT_EQ(Num(vitamin_c["amount"]), 75);
  EXPECT_EQ(Num(vitamin_c["upper_limit"]), 2000);
  auto fiber = MicronutrientOf(t, "fiber_g");
  EXPECT_EQ(Num(fiber["amount"]), 25);
  EXPECT_EQ(fiber["basis"], "ai");
  EXPECT_EQ(fiber["upper_limit"], nullptr);
  auto sodium = MicronutrientOf(t, "sodium_mg");
  EXPECT_EQ(Num(sodium["amount"]), 1500);
  EXPECT_EQ(Num(sodium["upper_limit"]), 2300);
  // A man of the same age: iron 8 mg.
  auto man = PutOk(owner_, R"({"mode":"manual","energy_kcal":2000,"profile":{"sex":"male",)"
                           R"("height_cm":180,"activity_level":"light","weekly_change_kg":0}})");
  EXPECT_EQ(Num(MicronutrientOf(man, "iron_mg")["amount"]), 8);

  // The user's own value replaces the reference; the upper limit stays.
  auto own =
      PutOk(owner_, R"({"mode":"manual","energy_kcal":2000,"profile":{"sex":"female",)"
                    R"("height_cm":165,"activity_level":"light","weekly_change_kg":0},)"
                    R"("micronutrients":{"iron_mg":15,"caffeine_mg":200,"vitamin_c_mg":null}})");
  auto own_iron = MicronutrientOf(own, "iron_mg");
  EXPECT_EQ(Num(own_iron["amount"]), 15);
  EXPECT_EQ(own_iron["basis"], "custom");
  EXPECT_EQ(Num(own_iron["upper_limit"]), 45);
  auto caffeine = MicronutrientOf(own, "caffeine_mg");  // no DRI: only the user's
  EXPECT_EQ(Num(caffeine["amount"]), 200);
  EXPECT_EQ(caffeine["upper_limit"], nullptr);
  EXPECT_EQ(MicronutrientOf(own, "vitamin_c_mg")["basis"], "rda");  // null: the reference
}

TEST_F(NutritionTargetsTest, NutrientDayHoldsEachNutrientAgainstItsTargetAndUpperLimit) {
  Preferences(owner_, R"({"birth_year":)" + std::to_string(ThisYear() - 25) + "}");
  PutOk(owner_,
        R"({"mode":"manual","energy_kcal":2000,"protein_g":90,"carbohydrate_g":250,"fat_g":70,)"
        R"("profile":{"sex":"female","height_cm":165,"activity_level":"light",)"
        R"("weekly_change_kg":0},"micronutrients":{"iron_mg":15}})");
  // Without the diary: every nutrient at 0, targets still shown.
  auto empty = h_.Get(owner_, "/api/v1/nutrition/days/2026-03-02");
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_EQ(Num(EntryOf(empty.Json(), "energy_kcal")["amount"]), 0);
  EXPECT_EQ(Num(EntryOf(empty.Json(), "energy_kcal")["share"]), 0);

  std::string seen_user;
  core::DayRange seen_days{};
  Targets().SetDiaryTotals(
      [&](platform::store::Session&, const std::string& user_id, core::DayRange days) {
        seen_user = user_id;
        seen_days = days;
        DayNutrition day{.day = D("2026-03-02"), .totals = {}, .water_ml = 0, .items = 3};
        core::NutrientAmounts food{};
        food[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)] = 1800;
        food[static_cast<std::size_t>(core::Nutrient::kProteinG)] = 99;
        food[static_cast<std::size_t>(core::Nutrient::kIronMg)] = 50;
        food[static_cast<std::size_t>(core::Nutrient::kSodiumMg)] = 2400;
        food[static_cast<std::size_t>(core::Nutrient::kMagnesiumMg)] = 400;
        day.totals.Add(food);
        day.totals.Add(core::NutrientAmounts{});  // a second item that says nothing
        return std::vector<DayNutrition>{day};
      });
  auto r = h_.Get(owner_, "/api/v1/nutrition/days/2026-03-02");
  ASSERT_EQ(r.status, 200) << r.body;
  auto day = r.Json();
  EXPECT_EQ(seen_user, owner_id_);
  EXPECT_EQ(seen_days, (core::DayRange{D("2026-03-02"), D("2026-03-02")}));
  EXPECT_EQ(day["date"], "2026-03-02");
  const auto& all = day["nutrients"].as_array();
  ASSERT_EQ(all.size(), core::kNutrientCount);
  EXPECT_EQ(all.front().at("nutrient"), "energy_kcal");
  EXPECT_EQ(all.back().at("nutrient"), "water_g");

  auto energy = EntryOf(day, "energy_kcal");  // 1800 of 2000
  EXPECT_EQ(Num(energy["amount"]), 1800);
  EXPECT_EQ(Num(energy["target"]), 2000);
  EXPECT_DOUBLE_EQ(Num(energy["share"]), 0.9);
  EXPECT_EQ(energy["upper_limit"], nullptr);
  auto protein = EntryOf(day, "protein_g");  // the daily target, not the RDA of 46
  EXPECT_EQ(Num(protein["target"]), 90);
  EXPECT_DOUBLE_EQ(Num(protein["share"]), 1.1);
  auto iron = EntryOf(day, "iron_mg");  // 50 of the user's 15, above the UL of 45
  EXPECT_EQ(Num(iron["target"]), 15);
  EXPECT_NEAR(Num(iron["share"]), 50.0 / 15, 1e-9);
  EXPECT_EQ(Num(iron["upper_limit"]), 45);
  EXPECT_EQ(iron["above_upper_limit"], true);
  auto sodium = EntryOf(day, "sodium_mg");  // 2400 of the AI 1500, above the CDRR 2300
  EXPECT_DOUBLE_EQ(Num(sodium["share"]), 1.6);
  EXPECT_EQ(sodium["above_upper_limit"], true);
  auto magnesium = EntryOf(day, "magnesium_mg");  // 400 of 310; its UL is for supplements only
  EXPECT_NEAR(Num(magnesium["share"]), 400.0 / 310, 1e-9);
  EXPECT_EQ(magnesium["upper_limit"], nullptr);
  EXPECT_EQ(magnesium["above_upper_limit"], false);
  auto vitamin_c = EntryOf(day, "vitamin_c_mg");  // no item said: 0, and flagged
  EXPECT_EQ(Num(vitamin_c["amount"]), 0);
  EXPECT_EQ(vitamin_c["incomplete"], true);
  EXPECT_EQ(iron["incomplete"], true);     // the second item did not say either
  auto sugars = EntryOf(day, "sugars_g");  // no target at all
  EXPECT_EQ(sugars["target"], nullptr);
  EXPECT_EQ(sugars["share"], nullptr);

  auto bad = h_.Get(owner_, "/api/v1/nutrition/days/2026-02-30");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(FieldsOf(bad), std::set<std::string>{"date"});
}

TEST_F(NutritionTargetsTest, WeekCountsDaysOnTargetWithExerciseEnergy) {
  // Berlin: a workout at 23:30Z on Thursday is on Friday there.
  Preferences(owner_, R"({"time_zone":"Europe/Berlin"})");
  Weight(owner_, 80);
  PutOk(owner_,
        R"({"mode":"manual","energy_kcal":2000,"protein_g":100,"carbohydrate_g":250,"fat_g":70,)"
        R"("include_exercise_energy":true})");
  auto workout = [&](const std::string& body) {
    auto r = h_.Post(owner_, "/api/v1/workouts", body);
    ASSERT_EQ(r.status, 201) << r.body;
  };
  // Wednesday: 5 km in 30 min = 10 km/h = 6.2 mph -> "running, 6 mph" 9.8 MET; net of the
  // resting MET: (9.8 - 1) x 80 kg x 0.5 h = 352 kcal.
  workout(R"({"title":"Run","started_at":"2026-03-04T07:00:00Z",)"
          R"("cardio":{"sport":"run","distance_m":5000,"duration_s":1800}})");
  // Friday in Berlin (00:30 local): strength 1 h, 3.5 MET: (3.5 - 1) x 80 x 1 = 200 kcal.
  workout(
      R"({"title":"Legs","started_at":"2026-03-05T23:30:00Z","ended_at":"2026-03-06T00:30:00Z",)"
      R"("blocks":[{"exercise_id":"barbell-back-squat","sets":[{"reps":5,"weight_kg":100}]}]})");
  // Saturday: the device measured 450 kcal; that counts, not the MET.
  workout(R"({"title":"Long run","started_at":"2026-03-07T08:00:00Z",)"
          R"("cardio":{"sport":"run","distance_m":10000,"duration_s":3600,"calories_kcal":450}})");
  // The next Monday: not this week.
  workout(R"({"title":"Run","started_at":"2026-03-09T07:00:00Z",)"
          R"("cardio":{"sport":"run","distance_m":5000,"duration_s":1800}})");

  auto eaten = [](const char* day, int items, double kcal, double protein, double carbs,
                  double fat) {
    core::NutrientAmounts a{};
    a[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)] = kcal;
    a[static_cast<std::size_t>(core::Nutrient::kProteinG)] = protein;
    a[static_cast<std::size_t>(core::Nutrient::kCarbohydrateG)] = carbs;
    a[static_cast<std::size_t>(core::Nutrient::kFatG)] = fat;
    DayNutrition d{.day = D(day), .totals = {}, .water_ml = 0, .items = items};
    d.totals.Add(a);
    return d;
  };
  core::DayRange asked{};
  Targets().SetDiaryTotals([&](platform::store::Session&, const std::string&, core::DayRange days) {
    asked = days;
    std::vector<DayNutrition> out{
        eaten("2026-03-02", 3, 2100, 120, 250, 70),   // |2100-2000| = 100 <= 200: on; 120 >= 100
        eaten("2026-03-03", 2, 1700, 99.5, 200, 60),  // 300 off; 99.5 < 100
        eaten("2026-03-04", 4, 2500, 100, 300, 90),   // target 2000 + 352: 148 <= 235.2; 100
        eaten("2026-03-07", 1, 1500, 30, 150, 40),    // target 2450: 950 off; 30
    };
    DayNutrition water{.day = D("2026-03-05"), .totals = {}, .water_ml = 500, .items = 0};
    out.push_back(water);  // water only: not a logged day
    return out;
  });

  auto r = h_.Get(owner_, "/api/v1/nutrition/week?date=2026-03-04");
  ASSERT_EQ(r.status, 200) << r.body;
  auto week = r.Json();
  EXPECT_EQ(asked, (core::DayRange{D("2026-03-02"), D("2026-03-08")}));
  EXPECT_EQ(week["start"], "2026-03-02");
  EXPECT_EQ(week["end"], "2026-03-08");
  const auto& days = week["days"].as_array();
  ASSERT_EQ(days.size(), 7u);
  std::vector<double> exercise;
  std::vector<boost::json::value> on_target, protein_hit;
  for (const auto& d : days) {
    exercise.push_back(Num(d.at("exercise_kcal")));
    on_target.push_back(d.at("energy_on_target"));
    protein_hit.push_back(d.at("protein_hit"));
  }
  ASSERT_EQ(exercise.size(), 7u);
  EXPECT_NEAR(exercise[2], 352, 1e-6);
  EXPECT_NEAR(exercise[4], 200, 1e-6);
  EXPECT_NEAR(exercise[5], 450, 1e-6);
  EXPECT_EQ(exercise[0] + exercise[1] + exercise[3] + exercise[6], 0);
  EXPECT_EQ(on_target,
            (std::vector<boost::json::value>{true, false, true, nullptr, nullptr, false, nullptr}));
  EXPECT_EQ(protein_hit,
            (std::vector<boost::json::value>{true, false, true, nullptr, nullptr, false, nullptr}));
  EXPECT_EQ(days[3].at("items"), 0);
  EXPECT_EQ(Num(week["days_logged"]), 4);
  EXPECT_EQ(Num(week["energy_days_on_target"]), 2);
  EXPECT_EQ(Num(week["protein_days_hit"]), 2);
  // Means over the 4 logged days: 7800/4, 349.5/4, 900/4, 260/4.
  EXPECT_DOUBLE_EQ(Num(week["average"].at("energy_kcal")), 1950);
  EXPECT_DOUBLE_EQ(Num(week["average"].at("protein_g")), 87.375);
  EXPECT_DOUBLE_EQ(Num(week["average"].at("carbohydrate_g")), 225);
  EXPECT_DOUBLE_EQ(Num(week["average"].at("fat_g")), 65);
  EXPECT_EQ(Num(week["targets"].at("energy_kcal")), 2000);

  // Not counting exercise: Wednesday's 2500 is 500 over 2000.
  PutOk(owner_,
        R"({"mode":"manual","energy_kcal":2000,"protein_g":100,"carbohydrate_g":250,"fat_g":70})");
  auto plain = h_.Get(owner_, "/api/v1/nutrition/week?date=2026-03-04").Json();
  EXPECT_EQ(Num(plain["energy_days_on_target"]), 1);
  EXPECT_EQ(plain["days"].as_array()[2].at("energy_on_target"), false);

  // Weeks from Sunday.
  Preferences(owner_, R"({"week_start":"sunday"})");
  auto sunday = h_.Get(owner_, "/api/v1/nutrition/week?date=2026-03-04").Json();
  EXPECT_EQ(sunday["start"], "2026-03-01");
  EXPECT_EQ(sunday["end"], "2026-03-07");

  // Without targets: nothing is on or off target.
  auto other = h_.Get(other_, "/api/v1/nutrition/week?date=2026-03-04").Json();
  EXPECT_EQ(other["targets"], nullptr);
  EXPECT_EQ(Num(other["energy_days_on_target"]), 0);
  EXPECT_EQ(other["days"].as_array()[0].at("energy_on_target"), nullptr);
  EXPECT_EQ(Num(other["days"].as_array()[2].at("exercise_kcal")), 0) << "not the owner's runs";

  auto bad = h_.Get(owner_, "/api/v1/nutrition/week?date=March");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(FieldsOf(bad), std::set<std::string>{"date"});
}

TEST_F(NutritionTargetsTest, BadInputGetsFieldErrorsAndWritesNothing) {
  auto rev = Rev();
  const std::vector<std::pair<std::string, std::set<std::string>>> cases{
      {R"({"mode":"manual","energy_kcal":400})", {"energy_kcal"}},
      {R"({"mode":"manual","energy_kcal":10001})", {"energy_kcal"}},
      {R"({"mode":"manual"})", {"energy_kcal"}},
      {R"({"mode":"computed"})", {"profile"}},
      {R"({"mode":"auto","energy_kcal":2000})", {"mode"}},
      {R"({"energy_kcal":2000})", {"mode"}},
      {R"({"mode":"manual","energy_kcal":"2000"})", {"energy_kcal"}},
      {R"({"mode":"manual","energy_kcal":2000,"protein_g":-1,"fat_g":1001})",
       {"protein_g", "fat_g"}},
      {R"({"mode":"computed","profile":{"sex":"x","height_cm":30,"activity_level":"lazy",)"
       R"("weekly_change_kg":2}})",
       {"profile.sex", "profile.height_cm", "profile.activity_level", "profile.weekly_change_kg"}},
      {R"({"mode":"computed","profile":{"sex":"male","height_cm":300,"activity_level":"light",)"
       R"("weekly_change_kg":0}})",
       {"profile.height_cm"}},
      {R"({"mode":"manual","energy_kcal":2000,"micronutrients":{"unobtainium_mg":5}})",
       {"micronutrients.unobtainium_mg"}},
      {R"({"mode":"manual","energy_kcal":2000,"micronutrients":{"iron_mg":-1}})",
       {"micronutrients.iron_mg"}},
      {R"({"mode":"manual","energy_kcal":2000,"include_exercise_energy":"yes"})",
       {"include_exercise_energy"}},
      {R"({"mode":"manual","energy_kcal":2000,"colour":"red"})", {"colour"}},
  };
  for (const auto& [body, fields] : cases) {
    auto r = Put(owner_, body);
    EXPECT_EQ(r.status, 422) << body << ": " << r.body;
    EXPECT_EQ(FieldsOf(r), fields) << body;
    auto preview = h_.Post(owner_, "/api/v1/nutrition/targets/preview", body);
    EXPECT_EQ(preview.status, 422) << body;
  }
  EXPECT_EQ(Rev(), rev) << "nothing written";
  EXPECT_EQ(h_.Get(owner_, "/api/v1/nutrition/targets").Json()["mode"], "none");

  // A good write moves the rev.
  PutOk(owner_, R"({"mode":"manual","energy_kcal":2000})");
  EXPECT_GT(Rev(), rev);
}

TEST_F(NutritionTargetsTest, PreviewComputesWithoutSaving) {
  Preferences(owner_, R"({"birth_year":)" + std::to_string(ThisYear() - 30) + "}");
  Weight(owner_, 80);
  auto rev = Rev();
  auto r = h_.Post(owner_, "/api/v1/nutrition/targets/preview",
                   R"({"mode":"computed","profile":{"sex":"male","height_cm":180,)"
                   R"("activity_level":"moderate","weekly_change_kg":-0.5}})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Num(r.Json()["daily"].at("energy_kcal")), 2209);
  EXPECT_EQ(Num(r.Json()["computed"].at("bmr_kcal")), 1780);
  EXPECT_EQ(Rev(), rev);
  EXPECT_EQ(h_.Get(owner_, "/api/v1/nutrition/targets").Json()["mode"], "none");
}

TEST_F(NutritionTargetsTest, EachUserHasTheirOwnAndTokensNeedTheNutritionScopes) {
  PutOk(owner_, R"({"mode":"manual","energy_kcal":1800})");
  EXPECT_EQ(h_.Get(other_, "/api/v1/nutrition/targets").Json()["mode"], "none");

  auto read = h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"r","scopes":["nutrition:read"]})");
  ASSERT_EQ(read.status, 201) << read.body;
  Browser reader;
  reader.bearer = std::string(read.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(reader, "/api/v1/nutrition/targets").status, 200);
  EXPECT_EQ(h_.Get(reader, "/api/v1/nutrition/week").status, 200);
  EXPECT_EQ(Put(reader, R"({"mode":"manual","energy_kcal":2000})").status, 403);

  auto body = h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"b","scopes":["body:read"]})");
  Browser other_scope;
  other_scope.bearer = std::string(body.Json()["token"].as_string());
  EXPECT_EQ(h_.Get(other_scope, "/api/v1/nutrition/targets").status, 403);
  EXPECT_EQ(Num(h_.Get(owner_, "/api/v1/nutrition/targets").Json()["daily"].at("energy_kcal")),
            1800);
}

TEST_F(NutritionTargetsTest, GoalsCountDaysOnTarget) {
  PutOk(owner_,
        R"({"mode":"manual","energy_kcal":2000,"protein_g":100,"carbohydrate_g":250,"fat_g":70})");
  // Every day of whatever is asked: protein 120 g (a hit), energy 5000 kcal (off target).
  Targets().SetDiaryTotals([](platform::store::Session&, const std::string&, core::DayRange days) {
    std::vector<DayNutrition> out;
    for (auto day = days.first; day <= days.last; day += std::chrono::days(1)) {
      core::NutrientAmounts a{};
      a[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)] = 5000;
      a[static_cast<std::size_t>(core::Nutrient::kProteinG)] = 120;
      DayNutrition d{.day = day, .totals = {}, .water_ml = 0, .items = 1};
      d.totals.Add(a);
      out.push_back(d);
    }
    return out;
  });
  auto protein = h_.Post(owner_, "/api/v1/goals",
                         R"({"metric":"nutrition_protein_days","target":5,"period":"week"})");
  ASSERT_EQ(protein.status, 201) << protein.body;
  auto energy = h_.Post(owner_, "/api/v1/goals",
                        R"({"metric":"nutrition_energy_days","target":5,"period":"week"})");
  ASSERT_EQ(energy.status, 201) << energy.body;
  // Weeks from Monday in UTC (the defaults): the days so far this week, today included, are
  // today's ISO weekday number.
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  double days_so_far = std::chrono::weekday(today).iso_encoding();
  auto p = h_.Get(owner_, "/api/v1/goals/" + std::string(protein.Json()["id"].as_string())).Json();
  EXPECT_EQ(Num(p["progress"].at("value")), days_so_far);
  EXPECT_EQ(p["progress"].at("unit"), "count");
  EXPECT_EQ(p["progress"].at("reached"), days_so_far >= 5);
  EXPECT_EQ(p["title"], "Days with enough protein per week");
  auto e = h_.Get(owner_, "/api/v1/goals/" + std::string(energy.Json()["id"].as_string())).Json();
  EXPECT_EQ(Num(e["progress"].at("value")), 0);

  // A token without nutrition:read sees no days counted.
  auto token = h_.Post(owner_, "/api/v1/me/tokens", R"({"name":"w","scopes":["workouts:read"]})");
  ASSERT_EQ(token.status, 201) << token.body;
  Browser reader;
  reader.bearer = std::string(token.Json()["token"].as_string());
  auto hidden = h_.Get(reader, "/api/v1/goals/" + std::string(protein.Json()["id"].as_string()));
  ASSERT_EQ(hidden.status, 200) << hidden.body;  // goals need workouts:read
  EXPECT_EQ(Num(hidden.Json()["progress"].at("value")), 0);

  auto filtered =
      h_.Post(owner_, "/api/v1/goals",
              R"({"metric":"nutrition_protein_days","target":5,"period":"week","sport":"run"})");
  EXPECT_EQ(filtered.status, 422);
  EXPECT_EQ(FieldsOf(filtered), std::set<std::string>{"sport"});
}

}  // namespace
}  // namespace vigor
