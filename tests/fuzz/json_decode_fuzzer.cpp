// JSON decoding of every resource: the body is read as the server reads a request body
// (http::ParseJsonObject: Content-Type, UTF-8, depth), then handed to the decoder of each resource
// (workout, routine, program, measurement, exercise, the profile's preferences, goal, food, recipe,
// the diary's items, item patch, copy and water, the nutrition targets). Each may refuse it only
// with a platform::Error (a 400 or 422 problem); anything else escaping is a finding.
// The body is also written back with http::SerializeJson (every response goes through it) and
// read again: the same values must come back.
// The same bytes are also read as an import job's parameters (imports::DecodeRequest). Those are
// written by the server itself (EncodeRequest), so a foreign text may fail with any exception (the
// job fails); what it does read must survive EncodeRequest and DecodeRequest unchanged.
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "features/accounts/json_codec.hpp"
#include "features/body/json_codec.hpp"
#include "features/exercises/json_codec.hpp"
#include "features/goals/json_codec.hpp"
#include "features/imports/import_service.hpp"
#include "features/nutrition/diary_json.hpp"
#include "features/nutrition/foods_routes.hpp"
#include "features/nutrition/targets_json.hpp"
#include "features/workouts/json_codec.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"

namespace {

namespace http = vigor::platform::http;
namespace json = boost::json;
using vigor::platform::Error;
using vigor::platform::ErrorKind;

template <class Decode>
void Refusable(Decode&& decode) {
  try {
    decode();
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kValidation && e.kind() != ErrorKind::kBadRequest) throw;
  }
}

bool AllFinite(const json::value& v) {
  switch (v.kind()) {
    case json::kind::double_:
      return std::isfinite(v.get_double());
    case json::kind::array:
      for (const auto& item : v.get_array()) {
        if (!AllFinite(item)) return false;
      }
      return true;
    case json::kind::object:
      for (const auto& member : v.get_object()) {
        if (!AllFinite(member.value())) return false;
      }
      return true;
    default:
      return true;
  }
}

// The same JSON values. Numbers compare by value whatever their kind (1.0 is written 1 and read
// back as an integer); doubles within a few units in the last place, since Boost.JSON 1.81 reads
// decimal text to the nearest double only approximately.
bool SameValue(const json::value& a, const json::value& b) {
  if (a.is_number() && b.is_number()) {
    if (!a.is_double() && !b.is_double()) {
      return a.is_int64() == b.is_int64() ? a == b : a.to_number<double>() == b.to_number<double>();
    }
    double x = a.to_number<double>(), y = b.to_number<double>();
    return x == y || std::fabs(x - y) <= 4e-16 * std::fmax(std::fabs(x), std::fabs(y));
  }
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const auto &x = a.get_array(), &y = b.get_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!SameValue(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    const auto &x = a.get_object(), &y = b.get_object();
    if (x.size() != y.size()) return false;
    auto i = x.begin();
    auto j = y.begin();
    for (; i != x.end(); ++i, ++j) {
      if (i->key() != j->key() || !SameValue(i->value(), j->value())) return false;
    }
    return true;
  }
  return a == b;
}

// Only the members EncodeRequest keeps (dry_run is a request's, never a job's).
bool SameImportRequest(const vigor::features::imports::ImportRequest& a,
                       const vigor::features::imports::ImportRequest& b) {
  return a.format == b.format && a.file_name == b.file_name &&
         a.allow_duplicate == b.allow_duplicate && a.weight_unit == b.weight_unit &&
         a.distance_unit == b.distance_unit && a.time_zone == b.time_zone && a.title == b.title &&
         a.visibility == b.visibility && a.sport == b.sport &&
         a.idempotency_key == b.idempotency_key && a.file_sha256 == b.file_sha256;
}

void CheckImportRequest(std::string_view text) {
  namespace imports = vigor::features::imports;
  imports::ImportRequest request;
  try {
    request = imports::DecodeRequest(text);
  } catch (const std::exception&) {
    return;  // not a job's parameters: the job fails
  }
  std::string encoded = imports::EncodeRequest(request);
  imports::ImportRequest again = imports::DecodeRequest(encoded);
  if (!SameImportRequest(request, again)) {
    std::fprintf(stderr, "an import request changed through EncodeRequest: %s\n", encoded.c_str());
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request request;
  request.method = http::Method::kPost;
  request.headers.Add("Content-Type", "application/json");
  request.body.assign(reinterpret_cast<const char*>(data), size);

  CheckImportRequest(request.body);

  json::object body;
  try {
    body = http::ParseJsonObject(request);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kBadRequest) throw;
    return 0;
  }

  using namespace vigor::features;
  Refusable([&] { workouts::DecodeWorkoutInput(body); });
  Refusable([&] { workouts::DecodeRoutineInput(body); });
  Refusable([&] { workouts::DecodeProgramInput(body); });
  Refusable([&] { body::DecodeMeasurementInput(body); });
  Refusable([&] { exercises::DecodeExerciseInput(body); });
  Refusable([&] { goals::DecodeGoalInput(body); });
  Refusable([&] { nutrition::DecodeFoodInput(body); });
  Refusable([&] { nutrition::DecodeRecipeInput(body); });
  Refusable([&] { nutrition::DecodeDiaryItems(body); });
  Refusable([&] { nutrition::DecodeDiaryItemPatch(body); });
  Refusable([&] { nutrition::DecodeDiaryCopy(body); });
  Refusable([&] { nutrition::DecodeDiaryWater(body); });
  Refusable([&] { nutrition::DecodeTargetsSettings(body); });
  Refusable([&] {
    http::JsonBody patch(request);
    accounts::DecodePreferencesPatch(patch);
    patch.Finish({"preferences"});
  });

  if (AllFinite(body)) {
    std::string written = http::SerializeJson(body);
    json::value again = json::parse(written);
    if (!SameValue(body, again)) {
      std::fprintf(stderr, "SerializeJson changed the value:\n  in:  %s\n  out: %s\n",
                   json::serialize(body).c_str(), written.c_str());
      std::abort();
    }
  }
  return 0;
}
