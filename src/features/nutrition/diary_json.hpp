#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/nutrition/diary_model.hpp"
#include "platform/http/message.hpp"

// The JSON of the diary and recipes (api/openapi.yaml DiaryItemsInput, DiaryItem, DiaryDay,
// RecipeInput, Recipe...). Handlers' layer: services never see JSON.
namespace vigor::features::nutrition {

// Field errors name the place: items[3].grams, ingredients[0].portion.name.
std::vector<DiaryItemInput> DecodeDiaryItems(const boost::json::object& body);
DiaryItemPatch DecodeDiaryItemPatch(const boost::json::object& body);
DiaryCopyInput DecodeDiaryCopy(const boost::json::object& body);
double DecodeDiaryWater(const boost::json::object& body);
RecipeInput DecodeRecipeInput(const boost::json::object& body);

boost::json::object EncodeDiaryItem(const DiaryItem& item);
boost::json::object EncodeDiaryItems(const std::vector<DiaryItem>& items);
boost::json::object EncodeDiaryDay(const DiaryDayView& day);
boost::json::object EncodeRecipe(const Recipe& recipe);

// The path's {date}: a local day, else a field error on `date`.
core::Day DayOfPath(const std::string& text);
// The Idempotency-Key header: printable ASCII, 1 to 200 characters (400 otherwise).
std::optional<std::string> IdempotencyKeyOf(const platform::http::Request& request);

}  // namespace vigor::features::nutrition
