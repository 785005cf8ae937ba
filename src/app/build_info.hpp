#pragma once

#include <string_view>

namespace vigor::app {

// The version this binary was built as (CMake's project version).
std::string_view Version();

}  // namespace vigor::app
