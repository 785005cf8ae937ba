#pragma once

#include <optional>
#include <string>
#include <string_view>

// Retail barcodes (GS1 GTINs) as printed under the bars: EAN-8, EAN-13 and UPC-A, each ending in
// a check digit (GS1 General Specifications, "GS1 check digit calculation": from the rightmost
// data digit leftwards, weights 3, 1, 3, 1, ...; the check digit brings the sum to a multiple of
// 10).
namespace vigor::core {

enum class BarcodeFormat { kEan8, kEan13, kUpcA };

enum class BarcodeProblem {
  kNotDigits,        // anything but 0-9 (spaces and dashes included: callers trim first)
  kWrongLength,      // not 8, 12 or 13 digits (UPC-E and GTIN-14 are not accepted)
  kWrongCheckDigit,  // the last digit does not match the others
};

struct Barcode {
  BarcodeFormat format = BarcodeFormat::kEan13;
  // The key a product is stored and found under: a UPC-A is the EAN-13 with a leading 0 (the same
  // GTIN, so a can scanned as 036000291452 or typed as 0036000291452 is one product); EAN-13 and
  // EAN-8 are kept as they are (an EAN-8 is its own number space, never padded).
  std::string normalized;
};

// Exactly one of the two is set.
struct BarcodeCheck {
  std::optional<Barcode> barcode;
  std::optional<BarcodeProblem> problem;
};

// 8 digits are read as EAN-8, 12 as UPC-A, 13 as EAN-13.
BarcodeCheck CheckBarcode(std::string_view digits);

// The check digit (0-9) for `data` digits (everything but the check digit); nullopt when `data`
// is empty or holds a non-digit.
std::optional<int> GtinCheckDigit(std::string_view data);

// A stable code per problem ("not_digits", "wrong_length", "wrong_check_digit"): the server maps
// it to a message of its catalogue (messages to users are translated there, not in core).
std::string_view BarcodeProblemKey(BarcodeProblem problem);
std::string_view BarcodeFormatKey(BarcodeFormat format);  // "ean8", "ean13", "upca"

}  // namespace vigor::core
