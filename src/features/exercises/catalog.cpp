#include "features/exercises/catalog.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
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
  EntryReader(const json::object& object, std::size_t index) : object_(object) {
    where_ = "entry " + std::to_string(index);
    for (const auto& member : object_) {
      static constexpr std::string_view kKnown[] = {
          "slug",      "name",      "aliases", "category", "primary_muscles", "secondary_muscles",
          "equipment", "mechanics", "force",   "log_type", "description"};
      if (std::find(std::begin(kKnown), std::end(kKnown), member.key()) == std::end(kKnown)) {
        Fail(member.key(), "is not a known field");
      }
    }
  }

  void Named(const std::string& slug) { where_ += " (" + slug + ")"; }

  [[noreturn]] void Fail(std::string_view field, const std::string& message) const {
    throw std::invalid_argument("exercise catalogue, " + where_ + ": " + std::string(field) + " " +
                                message);
  }

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
    Fail(field, OneOf<E>().English());
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
      if (!parsed) Fail(field, "has a value that is not in the spec: " + OneOf<E>(true).English());
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

  Catalog::Entry entry;
  entry.sort_key = core::SearchKey(e.name);
  if (entry.sort_key.empty()) r.Fail("name", "must contain a letter or digit");
  entry.texts.push_back(core::SearchWords(e.name));
  for (const auto& alias : e.aliases) entry.texts.push_back(core::SearchWords(alias));
  entry.exercise = std::move(e);
  return entry;
}

}  // namespace

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
  std::unordered_set<std::string> names;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    Entry entry = ReadEntry(list->as_array()[i], i);
    if (catalog->by_slug_.contains(entry.exercise.slug)) {
      throw std::invalid_argument("exercise catalogue: slug " + entry.exercise.slug +
                                  " is used twice");
    }
    if (!names.insert(entry.sort_key).second) {
      throw std::invalid_argument("exercise catalogue: the name of " + entry.exercise.slug +
                                  " folds like another's: " + entry.sort_key);
    }
    catalog->by_slug_.emplace(entry.exercise.slug, 0);
    catalog->entries_.push_back(std::move(entry));
  }
  std::sort(catalog->entries_.begin(), catalog->entries_.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.sort_key, a.exercise.id) < std::tie(b.sort_key, b.exercise.id);
  });
  for (std::size_t i = 0; i < catalog->entries_.size(); ++i) {
    catalog->by_slug_[catalog->entries_[i].exercise.slug] = i;
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
