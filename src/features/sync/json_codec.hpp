#pragma once

#include <boost/json/object.hpp>

#include "features/sync/model.hpp"

namespace vigor::features::sync {

// {"items": [{"kind", "id", "rev", "deleted", "updated_at"}], "next_since", "has_more",
// "latest_rev"} (ChangePage in api/openapi.yaml).
boost::json::object EncodeChangePage(const ChangePage& page);

}  // namespace vigor::features::sync
