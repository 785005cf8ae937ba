#include "core/barcode.hpp"

#include <algorithm>

namespace vigor::core {

namespace {

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::optional<int> GtinCheckDigit(std::string_view data) {
  if (data.empty() || !AllDigits(data)) return std::nullopt;
  int sum = 0;
  int weight = 3;  // the rightmost data digit weighs 3
  for (auto it = data.rbegin(); it != data.rend(); ++it) {
    sum += (*it - '0') * weight;
    weight = 4 - weight;
  }
  return (10 - sum % 10) % 10;
}

BarcodeCheck CheckBarcode(std::string_view digits) {
  if (!AllDigits(digits)) return {.barcode = std::nullopt, .problem = BarcodeProblem::kNotDigits};
  BarcodeFormat format;
  switch (digits.size()) {
    case 8:
      format = BarcodeFormat::kEan8;
      break;
    case 12:
      format = BarcodeFormat::kUpcA;
      break;
    case 13:
      format = BarcodeFormat::kEan13;
      break;
    default:
      return {.barcode = std::nullopt, .problem = BarcodeProblem::kWrongLength};
  }
  std::optional<int> check = GtinCheckDigit(digits.substr(0, digits.size() - 1));
  if (!check || *check != digits.back() - '0') {
    return {.barcode = std::nullopt, .problem = BarcodeProblem::kWrongCheckDigit};
  }
  std::string normalized(digits);
  if (format == BarcodeFormat::kUpcA) normalized.insert(normalized.begin(), '0');
  return {.barcode = Barcode{.format = format, .normalized = std::move(normalized)},
          .problem = std::nullopt};
}

std::string_view BarcodeProblemKey(BarcodeProblem problem) {
  switch (problem) {
    case BarcodeProblem::kNotDigits:
      return "not_digits";
    case BarcodeProblem::kWrongLength:
      return "wrong_length";
    case BarcodeProblem::kWrongCheckDigit:
      return "wrong_check_digit";
  }
  return "wrong_check_digit";
}

std::string_view BarcodeFormatKey(BarcodeFormat format) {
  switch (format) {
    case BarcodeFormat::kEan8:
      return "ean8";
    case BarcodeFormat::kEan13:
      return "ean13";
    case BarcodeFormat::kUpcA:
      return "upca";
  }
  return "ean13";
}

}  // namespace vigor::core
