#include "features/exercises/exercise_service.hpp"

#include <algorithm>
#include <tuple>

#include "core/text_fold.hpp"
#include "platform/error.hpp"
#include "platform/id.hpp"
#include "platform/time.hpp"

namespace vigor::features::exercises {

using platform::Error;
using platform::ErrorKind;
using platform::auth::Principal;

namespace {

constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxDescription = 2000;
constexpr int kMaxPage = 1000;

std::size_t CodePoints(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

std::string_view Trim(std::string_view s) {
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

template <class E>
std::vector<E> Distinct(const std::vector<E>& values) {
  std::vector<E> out;
  for (auto v : values) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(v);
  }
  return out;
}

[[noreturn]] void ThrowNotFound() { throw Error(ErrorKind::kNotFound, Msg("no_such_exercise")); }

[[noreturn]] void ThrowCatalogueImmutable() {
  throw Error(ErrorKind::kForbidden, Msg("catalogue_exercise_read_only"));
}

[[noreturn]] void ThrowNameTaken() {
  throw Error(ErrorKind::kConflict, Msg("exercise_name_taken"),
              {{"name", Msg("exercise_name_in_use")}});
}

// A custom exercise's id is a UUID: anything else need not reach the database.
bool MayBeCustom(const std::string& id) { return platform::IsUuid(id); }

bool Contains(const auto& values, auto value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool CatalogueMatches(const Catalog::Entry& entry, const ExerciseQuery& query,
                      const std::vector<std::string>& words) {
  const Exercise& e = entry.exercise;
  if (query.category && e.category != *query.category) return false;
  if (query.muscle && !Contains(e.primary_muscles, *query.muscle)) return false;
  if (query.equipment && !Contains(e.equipment, *query.equipment)) return false;
  if (words.empty()) return true;
  // All words within one text: the name or one alias.
  return std::any_of(entry.texts.begin(), entry.texts.end(),
                     [&](const auto& text) { return core::MatchesIgnoringSpaces(text, words); });
}

}  // namespace

// ---- the API -------------------------------------------------------------------------------

ExercisePage ExerciseService::Search(const Principal& caller, const ExerciseQuery& query) {
  ExerciseQuery localized = query;
  localized.language = std::string(Catalog::Supported(caller.locale));
  return database_.ReadResult([&](Session& s) { return Search(s, caller.user_id, localized); });
}

Exercise ExerciseService::Get(const Principal& caller, const std::string& id) {
  auto found = database_.ReadResult(
      [&](Session& s) { return Find(s, caller.user_id, id, Catalog::Supported(caller.locale)); });
  if (!found) ThrowNotFound();
  return std::move(*found);
}

Exercise ExerciseService::Create(const Principal& caller, const ExerciseInput& input) {
  Exercise e = Validated(input, {});
  e.id = platform::NewId();
  e.user_id = caller.user_id;
  e.custom = true;
  return database_.WriteResult([&](Session& s) {
    if (custom_.LiveIdByKey(s, e.user_id, core::SearchKey(e.name))) ThrowNameTaken();
    e.created_at = e.updated_at = platform::NowRfc3339();
    try {
      custom_.Insert(s, e);
    } catch (const platform::store::ConstraintViolation&) {
      ThrowNameTaken();  // the unique index backs the check above
    }
    return *custom_.FindLive(s, e.user_id, e.id);
  });
}

Exercise ExerciseService::Update(const Principal& caller, const std::string& id,
                                 const ExerciseInput& input) {
  if (catalog_->Find(id)) ThrowCatalogueImmutable();
  if (!MayBeCustom(id)) ThrowNotFound();
  return database_.WriteResult([&](Session& s) {
    auto existing = custom_.FindLive(s, caller.user_id, id);
    if (!existing) ThrowNotFound();
    Exercise e = Validated(input, std::move(*existing));
    auto holder = custom_.LiveIdByKey(s, e.user_id, core::SearchKey(e.name));
    if (holder && *holder != e.id) ThrowNameTaken();
    e.updated_at = platform::NowRfc3339();
    try {
      custom_.Update(s, e);
    } catch (const platform::store::ConstraintViolation&) {
      ThrowNameTaken();
    }
    return *custom_.FindLive(s, e.user_id, e.id);
  });
}

void ExerciseService::Delete(const Principal& caller, const std::string& id) {
  if (catalog_->Find(id)) ThrowCatalogueImmutable();
  if (!MayBeCustom(id)) ThrowNotFound();
  database_.Write([&](Session& s) {
    // A tombstone: workouts that used it keep their sets and can still show its name.
    if (!custom_.MarkDeleted(s, caller.user_id, id, platform::NowRfc3339())) ThrowNotFound();
  });
}

Exercise ExerciseService::Validated(const ExerciseInput& input, Exercise into) const {
  platform::FieldErrors errors;
  std::string name(Trim(input.name));
  if (name.empty() || CodePoints(name) > kMaxName) {
    errors.Add("name", Msg("length_between", {{"min", 1}, {"max", kMaxName}}));
  } else if (std::any_of(name.begin(), name.end(),
                         [](unsigned char c) { return c < 0x20 || c == 0x7F; })) {
    errors.Add("name", Msg("control_characters"));
  } else if (core::SearchKey(name).empty()) {
    errors.Add("name", Msg("needs_letter_or_digit"));
  }
  if (CodePoints(input.description) > kMaxDescription) {
    errors.Add("description", Msg("too_long", {{"max", kMaxDescription}}));
  }
  errors.ThrowIfAny();

  into.name = std::move(name);
  into.slug = core::Slugify(into.name);
  into.category = input.category;
  into.primary_muscles = Distinct(input.primary_muscles);
  // A muscle is primary or secondary, not both: the primary role wins.
  into.secondary_muscles.clear();
  for (auto m : Distinct(input.secondary_muscles)) {
    if (!Contains(into.primary_muscles, m)) into.secondary_muscles.push_back(m);
  }
  into.equipment = Distinct(input.equipment);
  into.mechanics = input.mechanics;
  into.force = input.force;
  into.log_type = input.log_type;
  into.description = input.description;
  return into;
}

// ---- inside a transaction --------------------------------------------------------------------

ExercisePage ExerciseService::Search(Session& s, const std::string& user_id,
                                     const ExerciseQuery& query) {
  platform::FieldErrors errors;
  auto words = core::SearchWords(query.text);
  if (words.size() > CustomSearch::kMaxWords) {
    errors.Add("q", Msg("too_many_words", {{"max", CustomSearch::kMaxWords}}));
  }
  errors.ThrowIfAny();
  const std::string_view language = Catalog::Supported(query.language);
  const auto& entries = catalog_->Ordered(language);

  // The order of a page: first the exact matches (the query is the name or an alias in the
  // user's language, or a custom exercise's name), then every other match, each part by
  // (name's search key in the user's language, id). The exact ones are few; found in full here.
  std::vector<KeyedExercise> exact;
  std::string query_key;
  for (const auto& word : words) query_key += word;
  if (!words.empty()) {
    for (const auto* entry : entries) {
      if (entry->IsExactly(language, query_key) && CatalogueMatches(*entry, query, {})) {
        exact.push_back({entry->SortKey(language), entry->In(language)});
      }
    }
    if (auto id = custom_.LiveIdByKey(s, user_id, core::SearchKey(query.text))) {
      auto own = custom_.FindLive(s, user_id, *id);
      if (own && (!query.category || own->category == *query.category) &&
          (!query.muscle || Contains(own->primary_muscles, *query.muscle)) &&
          (!query.equipment || Contains(own->equipment, *query.equipment))) {
        exact.push_back({core::SearchKey(own->name), std::move(*own)});
        std::inplace_merge(exact.begin(), exact.end() - 1, exact.end(),
                           [](const KeyedExercise& a, const KeyedExercise& b) {
                             return std::tie(a.key, a.exercise.id) < std::tie(b.key, b.exercise.id);
                           });
      }
    }
  }
  auto is_exact = [&](const std::string& id) {
    return std::any_of(exact.begin(), exact.end(),
                       [&](const KeyedExercise& k) { return k.exercise.id == id; });
  };

  // A cursor is the id of the last item of the previous page; the page goes on after it, even if
  // that item has been deleted since.
  std::size_t exact_from = 0;  // the first exact match of this page
  SortPosition after;          // where the other matches go on
  if (!query.cursor.empty()) {
    auto in_exact = std::find_if(exact.begin(), exact.end(), [&](const KeyedExercise& k) {
      return k.exercise.id == query.cursor;
    });
    if (in_exact != exact.end()) {
      exact_from = static_cast<std::size_t>(in_exact - exact.begin()) + 1;
    } else {
      exact_from = exact.size();
      if (const auto* entry = catalog_->Find(query.cursor)) {
        after = {entry->SortKey(language), entry->exercise.id};
      } else if (auto key = MayBeCustom(query.cursor) ? custom_.KeyOf(s, user_id, query.cursor)
                                                      : std::nullopt) {
        after = {*key, query.cursor};
      } else {
        errors.Add("cursor", Msg("cursor_invalid"));
      }
    }
  }
  errors.ThrowIfAny();
  // The API asks for at most 100; other features get the same bound, a little wider.
  const int limit = std::clamp(query.limit, 1, kMaxPage);
  const std::size_t want = static_cast<std::size_t>(limit) + 1;

  ExercisePage page;
  for (std::size_t i = exact_from; i < exact.size() && page.items.size() < want; ++i) {
    page.items.push_back(exact[i].exercise);
  }

  // The catalogue's other matches after the cursor, in order.
  auto it = entries.begin();
  if (!after.key.empty()) {
    it = std::upper_bound(entries.begin(), entries.end(), after,
                          [language](const SortPosition& p, const Catalog::Entry* e) {
                            return std::tie(p.key, p.id) <
                                   std::tie(e->SortKey(language), e->exercise.id);
                          });
  }
  std::vector<const Catalog::Entry*> shipped;
  for (; it != entries.end() && shipped.size() < want; ++it) {
    if (CatalogueMatches(**it, query, words) && !is_exact((*it)->exercise.id)) {
      shipped.push_back(*it);
    }
  }

  // The user's own, in the same order, from one statement (one more: an exact match is skipped).
  auto own = custom_.Search(s, user_id,
                            {.words = words,
                             .muscle = query.muscle,
                             .equipment = query.equipment,
                             .category = query.category,
                             .after = after,
                             .limit = static_cast<int>(want) + 1});
  std::erase_if(own, [&](const KeyedExercise& k) { return is_exact(k.exercise.id); });

  // Merge the two ordered lists.
  std::size_t a = 0, b = 0;
  while (page.items.size() < want && (a < shipped.size() || b < own.size())) {
    bool take_shipped =
        b == own.size() ||
        (a < shipped.size() && std::tie(shipped[a]->SortKey(language), shipped[a]->exercise.id) <
                                   std::tie(own[b].key, own[b].exercise.id));
    if (take_shipped) {
      page.items.push_back(shipped[a++]->In(language));
    } else {
      page.items.push_back(std::move(own[b++].exercise));
    }
  }
  if (page.items.size() == want) {
    page.items.pop_back();
    page.next_cursor = page.items.back().id;
  }
  return page;
}

bool ExerciseService::Exists(Session& s, const std::string& user_id,
                             const std::string& exercise_id) {
  return Find(s, user_id, exercise_id).has_value();
}

std::optional<Exercise> ExerciseService::Find(Session& s, const std::string& user_id,
                                              const std::string& exercise_id,
                                              std::string_view language) {
  if (const auto* entry = catalog_->Find(exercise_id)) return entry->In(language);
  if (!MayBeCustom(exercise_id)) return std::nullopt;
  return custom_.FindLive(s, user_id, exercise_id);
}

std::unordered_map<std::string, Exercise> ExerciseService::FindForDisplay(
    Session& s, const std::string& user_id, const std::vector<std::string>& ids,
    std::string_view language) {
  std::unordered_map<std::string, Exercise> found;
  std::vector<std::string> custom_ids;
  const std::string_view shown_in = Catalog::Supported(language);
  for (const auto& id : ids) {
    if (const auto* entry = catalog_->Find(id)) {
      found.emplace(id, entry->In(shown_in));
    } else if (MayBeCustom(id)) {
      custom_ids.push_back(id);
    }
  }
  if (!custom_ids.empty()) {
    for (auto& e : custom_.FindMany(s, user_id, custom_ids)) {
      std::string id = e.id;
      found.emplace(std::move(id), std::move(e));
    }
  }
  return found;
}

std::optional<std::string> ExerciseService::NameOf(Session& s, const std::string& user_id,
                                                   const std::string& exercise_id) {
  auto found = FindForDisplay(s, user_id, {exercise_id});
  auto it = found.find(exercise_id);
  if (it == found.end()) return std::nullopt;
  return it->second.name;
}

}  // namespace vigor::features::exercises
