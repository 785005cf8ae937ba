#pragma once

#include <cstddef>
#include <string>

#include "core/calendar.hpp"
#include "platform/store/revision_cache.hpp"

namespace vigor::features::dashboard {

// A composed home: the response body, the local day and time zone it was composed for, and the
// body's validator ("" when the service was given none).
struct ComposedHome {
  std::string body;
  std::string time_zone;
  core::Day today;
  std::string etag;

  std::size_t bytes() const { return body.size() + time_zone.size() + etag.size(); }
};

// The dashboards this instance composed last, each under the user and the version of everything
// it was composed from (see DashboardService::Body).
using DashboardCache = platform::store::RevisionCache<ComposedHome>;

}  // namespace vigor::features::dashboard
