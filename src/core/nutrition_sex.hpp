#pragma once

#include <optional>
#include <string_view>

namespace vigor::core {

// The sex the reference equations and intake tables distinguish (they were fitted to, and
// published for, men and women). A user need not say: kUnspecified is a value, and each use
// documents what it does with it (energy: the mean of the two equations; intakes: the value that
// covers both, see nutrition_dri.hpp).
enum class Sex { kMale, kFemale, kUnspecified };

// "male", "female", "unspecified" (the API's words).
std::string_view SexKey(Sex sex);
std::optional<Sex> SexFromKey(std::string_view key);

}  // namespace vigor::core
