#pragma once

#include <boost/json/object.hpp>

#include "features/stats/model.hpp"

// How analytics look on the wire (api/openapi.yaml: StatsTotals, StatsSummary, MuscleStats,
// TrainingCalendar, TrainingLoad, BodyWeightTrend).
namespace vigor::features::stats {

boost::json::object EncodeStatsTotals(const StatsTotals& totals);
boost::json::object EncodeStatsSummary(const StatsSummary& summary);
boost::json::object EncodeMuscleStats(const MuscleStats& muscles);
boost::json::object EncodeTrainingCalendar(const TrainingCalendar& calendar);
boost::json::object EncodeTrainingLoad(const TrainingLoad& load);
boost::json::object EncodeBodyWeightTrend(const BodyWeightTrend& trend);

}  // namespace vigor::features::stats
