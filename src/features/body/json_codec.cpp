#include "features/body/json_codec.hpp"

#include "core/limits.hpp"
#include "core/privacy.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"

namespace vigor::features::body {

namespace http = platform::http;
using platform::FieldErrors;

namespace {

template <class T>
boost::json::value OrNull(const std::optional<T>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

}  // namespace

MeasurementInput DecodeMeasurementInput(const boost::json::object& body) {
  FieldErrors errors;
  http::JsonFields f(body, errors);
  MeasurementInput in;
  in.kind = f.String("kind", {.required = true, .min_length = 1, .max_length = 40}).value_or("");
  in.day = f.String("day", {.required = true, .min_length = 1, .max_length = 10}).value_or("");
  in.value = f.Number("value", true, core::limits::kMeasurementValue).value_or(0);
  in.unit = f.String("unit", {.max_length = 16});
  in.notes = f.String("notes", {.max_length = 500, .text = http::JsonFields::Text::kMultiLine});
  if (auto visibility = f.String("visibility", {.max_length = 16})) {
    if (core::privacy::ParseVisibility(*visibility)) {
      in.visibility = std::move(*visibility);
    } else {
      errors.Add("visibility", Msg("item_visibility_invalid"));
    }
  }
  f.RejectUnknown({"kind", "day", "value", "unit", "notes", "visibility"});
  errors.ThrowIfAny();
  return in;
}

boost::json::object EncodeMeasurement(const Measurement& m) {
  return {{"id", m.id},
          {"kind", m.kind},
          {"day", m.day},
          {"value", m.value},
          {"unit", m.unit},
          {"notes", OrNull(m.notes)},
          {"updated_at", m.updated_at},
          {"visibility", m.visibility}};
}

boost::json::object EncodeMeasurementKind(const MeasurementKindSummary& k) {
  return {{"kind", k.kind},
          {"unit", k.unit},
          {"entries", k.entries},
          {"latest", boost::json::object{{"day", k.latest_day}, {"value", k.latest_value}}}};
}

}  // namespace vigor::features::body
