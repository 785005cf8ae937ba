#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "features/goals/model.hpp"

namespace vigor::features::goals {

// GoalInput: shapes, enums and ranges (the service checks what depends on the metric).
GoalInput DecodeGoalInput(const boost::json::object& body);

// Goal, GoalProgress and GoalHistory of api/openapi.yaml. The dashboard encodes its goals with
// EncodeGoal too.
boost::json::object EncodeGoal(const Goal& goal);
boost::json::object EncodeGoalProgress(const GoalProgress& progress);
boost::json::object EncodeGoalHistory(const std::vector<HistoryEntry>& entries);

}  // namespace vigor::features::goals
