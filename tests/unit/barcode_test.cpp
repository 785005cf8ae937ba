#include "core/barcode.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

// Check digits worked by hand (weights 3, 1, 3, ... from the rightmost data digit):
//   EAN-13 400638133393|1: 4+0+0+18+3+24+1+9+3+9+9+9 = 89 -> 10 - 9 = 1.
//   EAN-8  7351353|7: 21+3+15+1+9+5+9 = 63 -> 7.
//   UPC-A  03600029145|2: 0+3+18+0+0+0+6+9+3+4+15 = 58 -> 2.
//   EAN-13 590123412345|7: 5+27+0+3+2+9+4+3+2+9+4+15 = 83 -> 7.

TEST(BarcodeTest, ValidCodes) {
  auto ean13 = CheckBarcode("4006381333931");
  ASSERT_TRUE(ean13.barcode);
  EXPECT_FALSE(ean13.problem);
  EXPECT_EQ(ean13.barcode->format, BarcodeFormat::kEan13);
  EXPECT_EQ(ean13.barcode->normalized, "4006381333931");

  auto ean8 = CheckBarcode("73513537");
  ASSERT_TRUE(ean8.barcode);
  EXPECT_EQ(ean8.barcode->format, BarcodeFormat::kEan8);
  EXPECT_EQ(ean8.barcode->normalized, "73513537");

  auto upc = CheckBarcode("036000291452");
  ASSERT_TRUE(upc.barcode);
  EXPECT_EQ(upc.barcode->format, BarcodeFormat::kUpcA);
  EXPECT_EQ(upc.barcode->normalized, "0036000291452");

  ASSERT_TRUE(CheckBarcode("5901234123457").barcode);
}

TEST(BarcodeTest, UpcAAndItsEan13AreOneProduct) {
  auto as_upc = CheckBarcode("036000291452");
  auto as_ean = CheckBarcode("0036000291452");
  ASSERT_TRUE(as_upc.barcode);
  ASSERT_TRUE(as_ean.barcode);
  EXPECT_EQ(as_ean.barcode->format, BarcodeFormat::kEan13);
  EXPECT_EQ(as_upc.barcode->normalized, as_ean.barcode->normalized);
}

TEST(BarcodeTest, OneDigitOffIsCaught) {
  for (const char* wrong : {"4006381333932", "4006381333831", "73513536", "73513637",
                            "036000291453", "036000291462", "5901234123458"}) {
    auto check = CheckBarcode(wrong);
    EXPECT_FALSE(check.barcode) << wrong;
    EXPECT_EQ(check.problem, BarcodeProblem::kWrongCheckDigit) << wrong;
  }
}

TEST(BarcodeTest, OtherLengthsAndCharactersAreRefused) {
  for (const char* length : {"", "1", "1234567", "123456789", "12345678901", "12345678901234"}) {
    EXPECT_EQ(CheckBarcode(length).problem, BarcodeProblem::kWrongLength) << length;
  }
  for (const char* text :
       {"400638133393a", "4006381-333931", " 4006381333931", "４００６", "0x123456"}) {
    EXPECT_EQ(CheckBarcode(text).problem, BarcodeProblem::kNotDigits) << text;
  }
  EXPECT_EQ(BarcodeProblemKey(BarcodeProblem::kWrongCheckDigit), "wrong_check_digit");
  EXPECT_EQ(BarcodeProblemKey(BarcodeProblem::kNotDigits), "not_digits");
  EXPECT_EQ(BarcodeFormatKey(BarcodeFormat::kUpcA), "upca");
}

TEST(BarcodeTest, CheckDigitOfData) {
  EXPECT_EQ(GtinCheckDigit("400638133393"), 1);
  EXPECT_EQ(GtinCheckDigit("7351353"), 7);
  EXPECT_EQ(GtinCheckDigit("03600029145"), 2);
  // A sum already a multiple of 10 gives 0, not 10. In 7 data digits the leftmost weighs 3:
  // 1000000 -> 3 -> 7.
  EXPECT_EQ(GtinCheckDigit("0000000"), 0);
  EXPECT_EQ(GtinCheckDigit("1000000"), 7);
  EXPECT_EQ(GtinCheckDigit(""), std::nullopt);
  EXPECT_EQ(GtinCheckDigit("12a"), std::nullopt);
}

}  // namespace
}  // namespace vigor::core
