#pragma once

#include <boost/json/object.hpp>

#include "features/body/model.hpp"

// How measurements look on the wire (api/openapi.yaml). The decoder checks every field against
// the spec's types and throws one kValidation error listing all problems.
namespace vigor::features::body {

MeasurementInput DecodeMeasurementInput(const boost::json::object& body);

boost::json::object EncodeMeasurement(const Measurement& measurement);
boost::json::object EncodeMeasurementKind(const MeasurementKindSummary& kind);

}  // namespace vigor::features::body
