#include "features/workouts/history_pages.hpp"

#include "features/workouts/json_codec.hpp"
#include "platform/http/conditional_get.hpp"
#include "platform/store/revisions.hpp"

namespace vigor::features::workouts {

namespace {

// Each part with its length first: no two different queries make the same key, whatever
// characters a search text holds.
void AppendPart(std::string& key, std::string_view part) {
  key += std::to_string(part.size());
  key += ':';
  key += part;
}

void AppendOptionalPart(std::string& key, const std::optional<std::string>& part) {
  if (part) {
    AppendPart(key, *part);
  } else {
    key += '-';
  }
}

// The exercises' names are in the reader's language.
std::string KeyOf(const platform::auth::Principal& reader, const WorkoutFilter& filter,
                  const std::string& cursor, int limit) {
  std::string key;
  AppendPart(key, reader.user_id);
  AppendPart(key, reader.locale);
  AppendPart(key, std::to_string(limit));
  AppendPart(key, cursor);
  AppendOptionalPart(key, filter.q);
  AppendOptionalPart(
      key, filter.kind ? std::optional<std::string>(KindName(*filter.kind)) : std::nullopt);
  AppendOptionalPart(key, filter.from);
  AppendOptionalPart(key, filter.to);
  return key;
}

}  // namespace

std::shared_ptr<const HistoryPages::Page> HistoryPages::Read(
    const platform::auth::Principal& principal, const WorkoutFilter& filter,
    const std::string& cursor, int limit) {
  auto after = WorkoutService::CursorOrError(cursor);
  std::string key = KeyOf(principal, filter, cursor, limit);
  return database_.ReadResult([&](platform::store::Session& s) {
    std::string version = std::to_string(platform::store::CurrentRevision(s, principal.user_id));
    auto now = platform::store::RevisionCache<Page>::Clock::now();
    if (auto kept = cache_.Find(key, version, now)) return kept;
    auto page = std::make_shared<Page>();
    page->body = EncodeWorkoutPage(workouts_.ListIn(s, principal, filter, after, limit));
    page->etag = platform::http::RepresentationETag(principal.user_id, page->body);
    std::shared_ptr<const Page> held = std::move(page);
    cache_.Put(key, version, held, now);
    return held;
  });
}

}  // namespace vigor::features::workouts
