#include "features/imports/model.hpp"

#include <array>
#include <utility>

namespace vigor::features::imports {

namespace {
constexpr std::array<std::pair<ImportFormat, std::string_view>, 5> kFormats{{
    {ImportFormat::kGpx, "gpx"},
    {ImportFormat::kTcx, "tcx"},
    {ImportFormat::kFit, "fit"},
    {ImportFormat::kStrongCsv, "strong_csv"},
    {ImportFormat::kHevyCsv, "hevy_csv"},
}};
}  // namespace

std::string_view FormatName(ImportFormat format) {
  for (auto [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "gpx";
}

std::optional<ImportFormat> ParseFormat(std::string_view text) {
  for (auto [f, name] : kFormats) {
    if (name == text) return f;
  }
  return std::nullopt;
}

}  // namespace vigor::features::imports
