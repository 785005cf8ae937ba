// Reading lines of an Open Food Facts export (features/nutrition/food_import): tab-separated
// fields with optional quoting, columns found by the header's names, units converted, and the
// reasons a row is rejected. Expected values are worked out by hand in the comments.
#include <gtest/gtest.h>

#include "features/nutrition/food_import.hpp"

namespace vigor::features::nutrition {
namespace {

using Fields = std::vector<std::string>;

Fields Split(std::string_view line) {
  Fields fields;
  EXPECT_TRUE(SplitTabLine(line, fields)) << line;
  return fields;
}

TEST(SplitTabLine, SplitsOnTabsAndKeepsEmptyFields) {
  EXPECT_EQ(Split("a\tb\tc"), (Fields{"a", "b", "c"}));
  EXPECT_EQ(Split("a\t\t"), (Fields{"a", "", ""}));
  EXPECT_EQ(Split(""), (Fields{""}));
  EXPECT_EQ(Split("a\tb\r"), (Fields{"a", "b"})) << "a Windows line end is no content";
}

TEST(SplitTabLine, QuotedFieldsMayHoldTabsAndDoubledQuotes) {
  EXPECT_EQ(Split("\"a\tb\"\tc"), (Fields{"a\tb", "c"}));
  EXPECT_EQ(Split("\"say \"\"hi\"\"\"\tx"), (Fields{"say \"hi\"", "x"}));
  EXPECT_EQ(Split("5\" pizza\tx"), (Fields{"5\" pizza", "x"})) << "a quote inside stays";
}

TEST(SplitTabLine, AQuotedFieldThatNeverEndsIsBroken) {
  Fields fields;
  EXPECT_FALSE(SplitTabLine("\"open\tb\tc", fields));
  EXPECT_FALSE(SplitTabLine("a\t\"open", fields));
}

TEST(OffColumns, NeedsCodeNameAndEnergy) {
  std::string error;
  EXPECT_FALSE(OffColumns::FromHeader("code\tproduct_name\tfat_100g", error).has_value());
  EXPECT_NE(error.find("energy-kcal_100g"), std::string::npos) << error;
  EXPECT_TRUE(OffColumns::FromHeader("code\tproduct_name\tenergy_100g", error).has_value());
}

TEST(OffColumns, ConvertsUnitsAndPrefersTheBetterColumn) {
  std::string error;
  auto columns = OffColumns::FromHeader(
      "code\tproduct_name\tenergy_100g\tenergy-kcal_100g\tsalt_100g\tsodium_100g\t"
      "vitamin-c_100g\tcholesterol_100g",
      error);
  ASSERT_TRUE(columns.has_value()) << error;
  std::string reason;
  // kcal given: the kJ column is ignored. Sodium given (0.4 g = 400 mg): salt is ignored.
  // Vitamin C 0.012 g = 12 mg; cholesterol 0.05 g = 50 mg.
  auto food = columns->Read("96385074\tJuice\t1000\t45\t2\t0.4\t0.012\t0.05", reason);
  ASSERT_TRUE(food.has_value()) << reason;
  auto at = [&](core::Nutrient n) { return food->per_100g[static_cast<std::size_t>(n)]; };
  EXPECT_EQ(at(core::Nutrient::kEnergyKcal), 45);
  EXPECT_EQ(at(core::Nutrient::kSodiumMg), 400);
  EXPECT_EQ(at(core::Nutrient::kVitaminCMg), 12);
  EXPECT_EQ(at(core::Nutrient::kCholesterolMg), 50);
  EXPECT_EQ(food->id, "off-96385074");

  // Only kJ: 418.4 kJ / 4.184 = 100 kcal. Only salt: 1 g / 2.5 = 0.4 g = 400 mg sodium.
  auto kj = columns->Read("96385074\tJuice\t418.4\t\t1\t\t\t", reason);
  ASSERT_TRUE(kj.has_value()) << reason;
  EXPECT_EQ(kj->per_100g[static_cast<std::size_t>(core::Nutrient::kEnergyKcal)], 100);
  EXPECT_EQ(kj->per_100g[static_cast<std::size_t>(core::Nutrient::kSodiumMg)], 400);
}

TEST(OffColumns, SaysWhyARowIsRejected) {
  std::string error;
  auto columns = OffColumns::FromHeader("code\tproduct_name\tenergy-kcal_100g\tfat_100g", error);
  ASSERT_TRUE(columns.has_value());
  auto reason_of = [&](std::string_view line) {
    std::string reason;
    EXPECT_FALSE(columns->Read(line, reason).has_value()) << line;
    return reason;
  };
  EXPECT_EQ(reason_of("96385075\tX\t100\t1"), "bad barcode (wrong_check_digit)");
  EXPECT_EQ(reason_of("123\tX\t100\t1"), "bad barcode (wrong_length)");
  EXPECT_EQ(reason_of("96385074\t  \t100\t1"), "no name");
  EXPECT_EQ(reason_of("96385074\tX\t\t1"), "no energy");
  EXPECT_EQ(reason_of("96385074\tX\t100\t101"), "out-of-range value in fat_100g");
  EXPECT_EQ(reason_of("96385074\tX\t100\t-1"), "out-of-range value in fat_100g");
  EXPECT_EQ(reason_of("96385074\tX\t100\tlots"), "not a number in fat_100g");
  EXPECT_EQ(reason_of("96385074\tX\t100"), "wrong column count (3, expected 4)");
  EXPECT_EQ(reason_of("96385074\t\"X\t100\t1"), "broken quoting");
}

TEST(CleanText, CutsAtCharactersAndDropsControls) {
  EXPECT_EQ(CleanText("  Café\x01latte  ", 200), "Café latte");
  EXPECT_EQ(CleanText("äöü", 2), "äö") << "two characters, four bytes";
  EXPECT_EQ(CleanText("a\xFF"
                      "b",
                      10),
            "ab");
}

}  // namespace
}  // namespace vigor::features::nutrition
