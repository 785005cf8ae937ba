#pragma once

#include <string>

#include "platform/http/message.hpp"

namespace vigor::platform::http {

struct PageRequest {
  int limit;
  std::string cursor;
};

// `?limit=&cursor=` with the API's defaults (50, at most 100); a bad value is a 422.
PageRequest ParsePage(const Request& request, int default_limit = 50, int max_limit = 100);

}  // namespace vigor::platform::http
