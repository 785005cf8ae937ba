#include "features/exercises/json_codec.hpp"

#include <algorithm>
#include <boost/json/array.hpp>
#include <cctype>
#include <exception>

#include "features/exercises/catalog.hpp"
#include "platform/error.hpp"
#include "platform/http/json.hpp"
#include "platform/http/pagination.hpp"

namespace vigor::features::exercises {

namespace http = platform::http;

namespace {

template <class E>
boost::json::array Names(const std::vector<E>& values) {
  boost::json::array out;
  for (auto v : values) out.emplace_back(Name(v));
  return out;
}

template <class E>
boost::json::value NameOrNull(const std::optional<E>& v) {
  return v ? boost::json::value(Name(*v)) : boost::json::value(nullptr);
}

// A required or optional enum member.
template <class E>
std::optional<E> DecodeOne(const boost::json::object& body, std::string_view field,
                           platform::FieldErrors& errors, bool required) {
  const auto* v = body.if_contains(field);
  if (!v || v->is_null()) {
    if (required) errors.Add(std::string(field), Msg("required"));
    return std::nullopt;
  }
  if (v->is_string()) {
    if (auto parsed = Parse<E>(std::string_view(v->as_string()))) return parsed;
  }
  errors.Add(std::string(field), OneOf<E>());
  return std::nullopt;
}

// An optional array of enum values (absent or null: empty).
template <class E>
std::vector<E> DecodeMany(const boost::json::object& body, std::string_view field,
                          platform::FieldErrors& errors) {
  std::vector<E> out;
  const auto* v = body.if_contains(field);
  if (!v || v->is_null()) return out;
  if (!v->is_array()) {
    errors.Add(std::string(field), Msg("not_array"));
    return out;
  }
  for (const auto& item : v->as_array()) {
    std::optional<E> parsed;
    if (item.is_string()) parsed = Parse<E>(std::string_view(item.as_string()));
    if (!parsed) {
      errors.Add(std::string(field), OneOf<E>(/*each_item=*/true));
      return {};
    }
    out.push_back(*parsed);
  }
  return out;
}

template <class E>
std::optional<E> QueryEnum(const http::Request& request, std::string_view name,
                           platform::FieldErrors& errors) {
  auto text = request.QueryParam(name);
  if (!text || text->empty()) return std::nullopt;
  auto parsed = Parse<E>(*text);
  if (!parsed) errors.Add(std::string(name), OneOf<E>());
  return parsed;
}

}  // namespace

boost::json::object EncodeExercise(const Exercise& e) {
  boost::json::array aliases;
  for (const auto& a : e.aliases) aliases.emplace_back(a);
  return {{"id", e.id},
          {"slug", e.slug},
          {"name", e.name},
          {"name_en", e.name_en.empty() ? e.name : e.name_en},
          {"aliases", std::move(aliases)},
          {"category", Name(e.category)},
          {"primary_muscles", Names(e.primary_muscles)},
          {"secondary_muscles", Names(e.secondary_muscles)},
          {"equipment", Names(e.equipment)},
          {"mechanics", NameOrNull(e.mechanics)},
          {"force", NameOrNull(e.force)},
          {"log_type", Name(e.log_type)},
          {"description", e.description},
          {"custom", e.custom}};
}

boost::json::object EncodeExercisePage(const ExercisePage& page) {
  boost::json::array items;
  for (const auto& e : page.items) items.push_back(EncodeExercise(e));
  return {{"items", std::move(items)},
          {"next_cursor",
           page.next_cursor ? boost::json::value(*page.next_cursor) : boost::json::value(nullptr)}};
}

ExerciseInput DecodeExerciseInput(const boost::json::object& body) {
  platform::FieldErrors errors;
  http::JsonFields fields(body, errors);
  ExerciseInput input;
  input.name =
      fields.String("name", {.required = true, .min_length = 1, .max_length = 100}).value_or("");
  input.category = DecodeOne<Category>(body, "category", errors, true).value_or(Category{});
  input.primary_muscles = DecodeMany<Muscle>(body, "primary_muscles", errors);
  input.secondary_muscles = DecodeMany<Muscle>(body, "secondary_muscles", errors);
  input.equipment = DecodeMany<Equipment>(body, "equipment", errors);
  input.mechanics = DecodeOne<Mechanics>(body, "mechanics", errors, false);
  input.force = DecodeOne<Force>(body, "force", errors, false);
  input.log_type = DecodeOne<LogType>(body, "log_type", errors, true).value_or(LogType{});
  input.description =
      fields.String("description", {.max_length = 2000, .text = http::JsonFields::Text::kMultiLine})
          .value_or("");
  fields.RejectUnknown({"name", "category", "primary_muscles", "secondary_muscles", "equipment",
                        "mechanics", "force", "log_type", "description"});
  errors.ThrowIfAny();
  return input;
}

ExerciseQuery DecodeExerciseQuery(const http::Request& request) {
  auto page = http::ParsePage(request);
  platform::FieldErrors errors;
  ExerciseQuery query;
  query.text = request.QueryParam("q").value_or("");
  std::size_t length = 0;
  for (unsigned char c : query.text) length += (c & 0xC0) != 0x80;
  if (length > 100) errors.Add("q", Msg("at_most_100_characters"));
  query.muscle = QueryEnum<Muscle>(request, "muscle", errors);
  query.equipment = QueryEnum<Equipment>(request, "equipment", errors);
  query.category = QueryEnum<Category>(request, "category", errors);
  errors.ThrowIfAny();
  query.cursor = std::move(page.cursor);
  query.limit = page.limit;
  return query;
}

}  // namespace vigor::features::exercises
