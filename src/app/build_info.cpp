#include "app/build_info.hpp"

#ifndef VIGOR_VERSION
#define VIGOR_VERSION "0.0.0-dev"
#endif

namespace vigor::app {

std::string_view Version() { return VIGOR_VERSION; }

}  // namespace vigor::app
