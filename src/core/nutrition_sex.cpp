#include "core/nutrition_sex.hpp"

namespace vigor::core {

std::string_view SexKey(Sex sex) {
  switch (sex) {
    case Sex::kMale:
      return "male";
    case Sex::kFemale:
      return "female";
    case Sex::kUnspecified:
      return "unspecified";
  }
  return "unspecified";
}

std::optional<Sex> SexFromKey(std::string_view key) {
  for (Sex sex : {Sex::kMale, Sex::kFemale, Sex::kUnspecified}) {
    if (SexKey(sex) == key) return sex;
  }
  return std::nullopt;
}

}  // namespace vigor::core
