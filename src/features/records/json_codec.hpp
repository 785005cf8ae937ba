#pragma once

#include <boost/json/object.hpp>
#include <vector>

#include "core/heart_rate_zones.hpp"
#include "features/records/model.hpp"

// How records, a lift's progress and heart-rate zones look on the wire (api/openapi.yaml:
// PersonalRecord, RecordList, RecordPage, ExerciseProgress, HeartRateZones).
namespace vigor::features::records {

// One PersonalRecord (the dashboard's recent_records use it too).
boost::json::object EncodePersonalRecord(const PersonalRecord& record);
boost::json::object EncodeRecordList(const std::vector<PersonalRecord>& records);
boost::json::object EncodeRecordPage(const RecordPage& page);
boost::json::object EncodeExerciseProgress(const ExerciseProgress& progress);
boost::json::object EncodeHeartRateZones(const core::HeartRateZones& zones);

}  // namespace vigor::features::records
