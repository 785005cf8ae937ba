#include "features/exercises/catalog.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <map>
#include <span>
#include <stdexcept>
#include <tuple>
#include <unordered_set>

#include "core/text_fold.hpp"

namespace vigor::features::exercises {

namespace {

namespace json = boost::json;

constexpr std::size_t kMaxSlug = 64;
constexpr std::size_t kMaxName = 100;
constexpr std::size_t kMaxDescription = 2000;

bool IsKebabCase(std::string_view s) {
  if (s.empty() || s.size() > kMaxSlug || s.front() == '-' || s.back() == '-') return false;
  char previous = 0;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c == '-' && previous != '-');
    if (!ok) return false;
    previous = c;
  }
  return true;
}

// Reads one catalogue entry; every problem names the entry and the field.
class EntryReader {
 public:
  static constexpr std::array<std::string_view, 12> kEntryFields{
      "slug",      "name",      "aliases", "category", "primary_muscles", "secondary_muscles",
      "equipment", "mechanics", "force",   "log_type", "description",     "i18n"};
  static constexpr std::array<std::string_view, 3> kTranslationFields{"name", "aliases",
                                                                      "description"};

  EntryReader(const json::object& object, std::size_t index,
              std::span<const std::string_view> known = kEntryFields)
      : object_(object) {
    where_ = "entry " + std::to_string(index);
    for (const auto& member : object_) {
      if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
        Fail(member.key(), "is not a known field");
      }
    }
  }

  void Named(const std::string& slug) { where_ += " (" + slug + ")"; }
  void At(std::string where) { where_ = std::move(where); }

  [[noreturn]] void Fail(std::string_view field, const std::string& message) const {
    throw std::invalid_argument("exercise catalogue, " + where_ + ": " + std::string(field) + " " +
                                message);
  }

  const std::string& where() const { return where_; }

  const json::value& Required(std::string_view field) const {
    const auto* v = object_.if_contains(field);
    if (!v) Fail(field, "is missing");
    return *v;
  }

  std::string Text(std::string_view field, std::size_t max) const {
    const auto& v = Required(field);
    if (!v.is_string() || v.as_string().empty()) Fail(field, "must be a non-empty string");
    if (v.as_string().size() > max) Fail(field, "is too long");
    return std::string(v.as_string());
  }

  std::vector<std::string> Texts(std::string_view field) const {
    std::vector<std::string> out;
    const auto* v = object_.if_contains(field);
    if (!v) return out;
    if (!v->is_array()) Fail(field, "must be an array of strings");
    for (const auto& item : v->as_array()) {
      if (!item.is_string() || item.as_string().empty() || item.as_string().size() > kMaxName) {
        Fail(field, "must hold non-empty strings of at most 100 bytes");
      }
      out.emplace_back(item.as_string());
    }
    return out;
  }

  template <class E>
  E One(std::string_view field) const {
    const auto& v = Required(field);
    if (v.is_string()) {
      if (auto parsed = Parse<E>(std::string_view(v.as_string()))) return *parsed;
    }
    Fail(field, OneOf<E>());
  }

  template <class E>
  std::optional<E> OneOrNull(std::string_view field) const {
    if (Required(field).is_null()) return std::nullopt;
    return One<E>(field);
  }

  template <class E>
  std::vector<E> Many(std::string_view field, bool non_empty) const {
    const auto& v = Required(field);
    if (!v.is_array()) Fail(field, "must be an array");
    std::vector<E> out;
    for (const auto& item : v.as_array()) {
      std::optional<E> parsed;
      if (item.is_string()) parsed = Parse<E>(std::string_view(item.as_string()));
      if (!parsed) Fail(field, "has a value that is not in the spec: each " + OneOf<E>());
      if (std::find(out.begin(), out.end(), *parsed) != out.end()) Fail(field, "repeats a value");
      out.push_back(*parsed);
    }
    if (non_empty && out.empty()) Fail(field, "must not be empty");
    return out;
  }

 private:
  const json::object& object_;
  std::string where_;
};

// "i18n": {"de": {"name", "aliases", "description"}}: every language of kTranslations, no other.
std::map<std::string, Translation, std::less<>> ReadTranslations(const EntryReader& r,
                                                                 std::size_t index) {
  const auto& v = r.Required("i18n");
  if (!v.is_object()) r.Fail("i18n", "must be an object of languages");
  std::map<std::string, Translation, std::less<>> out;
  for (const auto& [language, text] : v.as_object()) {
    std::string field = "i18n." + std::string(language);
    if (std::find(kTranslations.begin(), kTranslations.end(), language) == kTranslations.end()) {
      r.Fail(field, "is not a language of the catalogue (kTranslations)");
    }
    if (!text.is_object()) r.Fail(field, "must be an object");
    EntryReader t(text.as_object(), index, EntryReader::kTranslationFields);
    t.At(r.where() + ", " + field);
    out.emplace(std::string(language),
                Translation{.name = t.Text("name", kMaxName),
                            .aliases = t.Texts("aliases"),
                            .description = t.Text("description", kMaxDescription)});
  }
  for (auto language : kTranslations) {
    if (!out.contains(language)) r.Fail("i18n." + std::string(language), "is missing");
  }
  return out;
}

std::string Unspaced(std::string_view text) {
  std::string key;
  for (const auto& word : core::SearchWords(text)) key += word;
  return key;
}

Catalog::Entry ReadEntry(const json::value& value, std::size_t index) {
  if (!value.is_object()) {
    throw std::invalid_argument("exercise catalogue, entry " + std::to_string(index) +
                                ": must be an object");
  }
  EntryReader r(value.as_object(), index);
  Exercise e;
  e.slug = r.Text("slug", kMaxSlug);
  r.Named(e.slug);
  if (!IsKebabCase(e.slug)) r.Fail("slug", "must be kebab-case: a-z, 0-9 and single dashes");
  e.id = e.slug;
  e.name = r.Text("name", kMaxName);
  e.aliases = r.Texts("aliases");
  e.category = r.One<Category>("category");
  e.primary_muscles = r.Many<Muscle>("primary_muscles", true);
  e.secondary_muscles = r.Many<Muscle>("secondary_muscles", false);
  for (auto m : e.secondary_muscles) {
    if (std::find(e.primary_muscles.begin(), e.primary_muscles.end(), m) !=
        e.primary_muscles.end()) {
      r.Fail("secondary_muscles", "repeats a primary muscle: " + std::string(Name(m)));
    }
  }
  e.equipment = r.Many<Equipment>("equipment", true);
  e.mechanics = r.OneOrNull<Mechanics>("mechanics");
  e.force = r.OneOrNull<Force>("force");
  e.log_type = r.One<LogType>("log_type");
  e.description = r.Text("description", kMaxDescription);
  e.custom = false;

  e.name_en = e.name;

  Catalog::Entry entry;
  entry.sort_key = core::SearchKey(e.name);
  if (entry.sort_key.empty()) r.Fail("name", "must contain a letter or digit");
  entry.translations = ReadTranslations(r, index);
  for (const auto& [language, t] : entry.translations) {
    if (core::SearchKey(t.name).empty()) {
      r.Fail("i18n." + language + ".name", "must contain a letter or digit");
    }
  }
  // Every name and alias of every language, each also in its umlauts-written-out spelling.
  auto add_texts = [&](const std::string& language, const std::string& name,
                       const std::vector<std::string>& aliases) {
    auto& exact = entry.exact_keys[language];
    std::vector<std::string_view> all{name};
    all.insert(all.end(), aliases.begin(), aliases.end());
    for (auto text : all) {
      entry.texts.push_back(core::SearchWords(text));
      if (core::HasGermanUmlaut(text)) {
        entry.texts.push_back(core::SearchWordsUmlautsWrittenOut(text));
      }
      exact.push_back(Unspaced(text));
      if (core::HasGermanUmlaut(text)) {
        std::string written_out;
        for (const auto& word : core::SearchWordsUmlautsWrittenOut(text)) written_out += word;
        exact.push_back(std::move(written_out));
      }
    }
  };
  add_texts(std::string(kCatalogueLanguage), e.name, e.aliases);
  for (const auto& [language, t] : entry.translations) add_texts(language, t.name, t.aliases);
  entry.exercise = std::move(e);
  return entry;
}

}  // namespace

const std::string& Catalog::Entry::SortKey(std::string_view language) const {
  if (auto it = translations.find(language); it != translations.end()) {
    return localized_sort_keys.at(it->first);
  }
  return sort_key;
}

Exercise Catalog::Entry::In(std::string_view language) const {
  Exercise e = exercise;
  if (auto it = translations.find(language); it != translations.end()) {
    e.name = it->second.name;
    e.aliases = it->second.aliases;
    e.description = it->second.description;
  }
  return e;
}

bool Catalog::Entry::IsExactly(std::string_view language, std::string_view query_key) const {
  auto it = exact_keys.find(Catalog::Supported(language));
  if (it == exact_keys.end()) return false;
  return std::find(it->second.begin(), it->second.end(), query_key) != it->second.end();
}

std::string_view Catalog::Supported(std::string_view language) {
  if (std::find(kTranslations.begin(), kTranslations.end(), language) != kTranslations.end()) {
    return language;
  }
  return kCatalogueLanguage;
}

const std::vector<const Catalog::Entry*>& Catalog::Ordered(std::string_view language) const {
  return ordered_.find(Supported(language))->second;
}

std::shared_ptr<const Catalog> Catalog::Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value doc = json::parse(text, ec);
  if (ec) throw std::invalid_argument("exercise catalogue: not valid JSON: " + ec.message());
  const auto* root = doc.if_object();
  const auto* list = root ? root->if_contains("exercises") : nullptr;
  if (!list || !list->is_array()) {
    throw std::invalid_argument("exercise catalogue: expected {\"exercises\": [...]}");
  }
  auto catalog = std::make_shared<Catalog>();
  std::map<std::string, std::unordered_set<std::string>> names;  // by language
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    Entry entry = ReadEntry(list->as_array()[i], i);
    if (catalog->by_slug_.contains(entry.exercise.slug)) {
      throw std::invalid_argument("exercise catalogue: slug " + entry.exercise.slug +
                                  " is used twice");
    }
    for (const auto& [language, t] : entry.translations) {
      entry.localized_sort_keys.emplace(language, core::SearchKey(t.name));
    }
    auto unique = [&](const std::string& language, const std::string& key) {
      if (!names[language].insert(key).second) {
        std::string message = "exercise catalogue: the " + language;
        message += " name of " + entry.exercise.slug;
        message += " folds like another's: " + key;
        throw std::invalid_argument(message);
      }
    };
    unique(std::string(kCatalogueLanguage), entry.sort_key);
    for (const auto& [language, key] : entry.localized_sort_keys) unique(language, key);
    catalog->by_slug_.emplace(entry.exercise.slug, 0);
    catalog->entries_.push_back(std::move(entry));
  }
  std::sort(catalog->entries_.begin(), catalog->entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.sort_key, a.exercise.id) < std::tie(b.sort_key, b.exercise.id);
  });
  for (std::size_t i = 0; i < catalog->entries_.size(); ++i) {
    catalog->by_slug_[catalog->entries_[i].exercise.slug] = i;
  }
  // The name order of each language; the search merges it with custom exercises by the same key.
  std::vector<std::string_view> languages{kCatalogueLanguage};
  languages.insert(languages.end(), kTranslations.begin(), kTranslations.end());
  for (auto language : languages) {
    auto& order = catalog->ordered_[std::string(language)];
    for (const auto& entry : catalog->entries_) order.push_back(&entry);
    std::stable_sort(order.begin(), order.end(), [language](const Entry* a, const Entry* b) {
      return std::tie(a->SortKey(language), a->exercise.id) <
             std::tie(b->SortKey(language), b->exercise.id);
    });
  }
  return catalog;
}

std::shared_ptr<const Catalog> Catalog::Embedded() {
  static const std::shared_ptr<const Catalog> kCatalog = Parse(EmbeddedCatalogJson());
  return kCatalog;
}

const Catalog::Entry* Catalog::Find(std::string_view slug) const {
  auto it = by_slug_.find(std::string(slug));
  return it == by_slug_.end() ? nullptr : &entries_[it->second];
}

}  // namespace vigor::features::exercises
