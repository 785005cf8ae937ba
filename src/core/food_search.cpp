#include "core/food_search.hpp"

#include <algorithm>
#include <bit>
#include <tuple>

#include "core/text_fold.hpp"

namespace vigor::core {

namespace {

constexpr double kSameWord = 10;
constexpr double kSameStem = 9.5;
constexpr double kPrefix = 6;
constexpr double kPrefixShare = 3;
constexpr double kOneEdit = 5;
constexpr std::size_t kMinTypoLength = 4;
constexpr double kInHead = 4;
constexpr double kFirstWord = 3;
constexpr double kAfterComma = 1.5;
constexpr double kExtraWord = -2;
constexpr double kHeadCoverage = 6;
constexpr double kCommonness = 10;

bool EndsWith(std::string_view s, std::string_view end) {
  return s.size() >= end.size() && s.substr(s.size() - end.size()) == end;
}

// The word without each one of its letters, in turn.
std::vector<std::string> Deletions(const std::string& word) {
  std::vector<std::string> out;
  out.reserve(word.size());
  for (std::size_t i = 0; i < word.size(); ++i) {
    std::string d = word.substr(0, i) + word.substr(i + 1);
    if (out.empty() || out.back() != d) out.push_back(std::move(d));
  }
  return out;
}

// True when a and b, which share a one-letter deletion, differ by one substitution or by two
// adjacent letters swapped (the deletion match also admits some pairs two edits apart).
bool OneSubstitutionOrSwap(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return true;  // one is the other with a letter more
  std::size_t first = a.size();
  std::size_t last = 0;
  std::size_t differences = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) {
      ++differences;
      first = std::min(first, i);
      last = i;
    }
  }
  if (differences <= 1) return true;
  return differences == 2 && last == first + 1 && a[first] == b[last] && a[last] == b[first];
}

// Heads that name a class rather than the food, as the USDA writes "Fish, salmon, Atlantic, raw",
// "Nuts, almonds", "Beverages, coffee, brewed": the part after them is the head that search
// ranks by (the class word counts as a qualifier).
constexpr std::string_view kClassHeads[] = {"alcoholic beverage",
                                            "beverages",
                                            "candies",
                                            "carbonated beverage",
                                            "cereals",
                                            "crustaceans",
                                            "fish",
                                            "game meat",
                                            "mollusks",
                                            "nuts",
                                            "oil",
                                            "seeds",
                                            "snacks",
                                            "spices"};

// The words of each comma-separated part of a name: part 0 is the head.
std::vector<std::vector<std::string>> NameParts(std::string_view name) {
  std::vector<std::vector<std::string>> parts;
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t comma = name.find(',', start);
    if (comma == std::string_view::npos) comma = name.size();
    auto words = SearchWords(name.substr(start, comma - start));
    if (!words.empty() || parts.empty()) parts.push_back(std::move(words));
    start = comma + 1;
  }
  if (parts.size() >= 2 && !parts[1].empty()) {
    std::string head;
    for (const auto& word : parts[0]) head += (head.empty() ? "" : " ") + word;
    if (std::find(std::begin(kClassHeads), std::end(kClassHeads), head) != std::end(kClassHeads)) {
      std::swap(parts[0], parts[1]);
    }
  }
  return parts;
}

}  // namespace

std::string FoodWordStem(std::string_view word) {
  std::string w(word);
  if (w.size() <= 3) return w;
  if (EndsWith(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (EndsWith(w, "oes") || EndsWith(w, "ches") || EndsWith(w, "shes") || EndsWith(w, "sses") ||
      EndsWith(w, "xes")) {
    return w.substr(0, w.size() - 2);
  }
  if (EndsWith(w, "s") && !EndsWith(w, "ss") && !EndsWith(w, "us") && !EndsWith(w, "is")) {
    return w.substr(0, w.size() - 1);
  }
  return w;
}

FoodSearchIndex::FoodSearchIndex(std::vector<FoodSearchEntry> entries) {
  // Every (word, posting) pair first; then the vocabulary sorted and the postings grouped by it.
  std::vector<std::pair<std::string, Posting>> pairs;
  docs_.reserve(entries.size());
  for (auto& entry : entries) {
    auto doc = static_cast<std::uint32_t>(docs_.size());
    if (!doc_by_id_.emplace(entry.id, doc).second) continue;  // a repeated id keeps the first
    auto parts = NameParts(entry.name);
    Doc d{.id = std::move(entry.id),
          .commonness = std::clamp(entry.commonness, 0.0, 1.0),
          .name_length = static_cast<std::uint32_t>(entry.name.size()),
          .head_words = static_cast<std::uint8_t>(std::min<std::size_t>(parts[0].size(), 64))};
    docs_.push_back(std::move(d));
    std::size_t position = 0;
    for (std::size_t segment = 0; segment < parts.size(); ++segment) {
      for (auto& word : parts[segment]) {
        pairs.emplace_back(
            std::move(word),
            Posting{doc, static_cast<std::uint8_t>(std::min<std::size_t>(segment, 1)),
                    static_cast<std::uint8_t>(std::min<std::size_t>(position, 255))});
        ++position;
      }
    }
    for (const auto& extra : entry.extra_words) {
      for (auto& word : SearchWords(extra)) {
        pairs.emplace_back(std::move(word), Posting{doc, kExtraSegment, 255});
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.doc, a.second.position) <
           std::tie(b.first, b.second.doc, b.second.position);
  });
  postings_.reserve(pairs.size());
  for (auto& [word, posting] : pairs) {
    if (words_.empty() || words_.back() != word) {
      words_.push_back(word);
      posting_starts_.push_back(static_cast<std::uint32_t>(postings_.size()));
    }
    postings_.push_back(posting);
  }
  posting_starts_.push_back(static_cast<std::uint32_t>(postings_.size()));
  for (std::uint32_t i = 0; i < words_.size(); ++i) {
    by_stem_[FoodWordStem(words_[i])].push_back(i);
    if (words_[i].size() >= kMinTypoLength - 1) {
      for (auto& d : Deletions(words_[i])) by_deletion_[std::move(d)].push_back(i);
    }
  }
}

void FoodSearchIndex::Candidates(const std::string& word,
                                 std::vector<std::pair<std::uint32_t, double>>& out) const {
  out.clear();
  auto add = [&](std::uint32_t id, double points) {
    for (auto& [existing, existing_points] : out) {
      if (existing == id) {
        existing_points = std::max(existing_points, points);
        return;
      }
    }
    out.emplace_back(id, points);
  };
  // Prefixes first: a short prefix matches many words, so these are appended without the
  // duplicate check, which the other kinds then do against a short list only when needed.
  auto begin = std::lower_bound(words_.begin(), words_.end(), word);
  for (auto it = begin; it != words_.end() && it->starts_with(word); ++it) {
    double share = static_cast<double>(word.size()) / static_cast<double>(it->size());
    auto id = static_cast<std::uint32_t>(it - words_.begin());
    out.emplace_back(id, *it == word ? kSameWord : kPrefix + kPrefixShare * share);
  }
  if (auto it = by_stem_.find(FoodWordStem(word)); it != by_stem_.end()) {
    for (auto id : it->second) add(id, words_[id] == word ? kSameWord : kSameStem);
  }
  // A query word that is a word of the vocabulary means that word: "beer" is not a typo of
  // "beef".
  if (word.size() < kMinTypoLength ||
      std::any_of(out.begin(), out.end(), [](const auto& c) { return c.second >= kSameStem; })) {
    return;
  }
  auto typo = [&](std::uint32_t id) {
    if (OneSubstitutionOrSwap(word, words_[id])) add(id, kOneEdit);
  };
  // A letter missing from the query: it is a deletion of a vocabulary word.
  if (auto it = by_deletion_.find(word); it != by_deletion_.end()) {
    for (auto id : it->second) typo(id);
  }
  for (const auto& d : Deletions(word)) {
    // A letter too many: a deletion of the query is a vocabulary word.
    auto exact = std::lower_bound(words_.begin(), words_.end(), d);
    if (exact != words_.end() && *exact == d) {
      add(static_cast<std::uint32_t>(exact - words_.begin()), kOneEdit);
    }
    // A letter changed or two swapped: both lose a letter to the same word.
    if (auto it = by_deletion_.find(d); it != by_deletion_.end()) {
      for (auto id : it->second) typo(id);
    }
  }
}

std::vector<FoodSearchHit> FoodSearchIndex::Search(std::string_view query, std::size_t limit,
                                                   const FoodSearchBoosts* boosts) const {
  std::vector<std::string> query_words = SearchWords(query);
  std::sort(query_words.begin(), query_words.end());
  query_words.erase(std::unique(query_words.begin(), query_words.end()), query_words.end());
  if (query_words.size() > kMaxQueryWords) query_words.resize(kMaxQueryWords);
  if (query_words.empty() || limit == 0 || docs_.empty()) return {};

  const std::size_t n = docs_.size();
  std::vector<double> total(n, 0);
  std::vector<double> best(n);
  std::vector<std::uint8_t> matched(n, 0);        // query words matched so far
  std::vector<std::uint8_t> seen(n, 0);           // q + 1: `best` holds query word q's points
  std::vector<std::uint64_t> head_covered(n, 0);  // head word positions any query word matched
  std::vector<std::uint32_t> touched;
  std::vector<std::pair<std::uint32_t, double>> candidates;

  for (std::size_t q = 0; q < query_words.size(); ++q) {
    Candidates(query_words[q], candidates);
    touched.clear();
    for (auto [word, points] : candidates) {
      for (auto i = posting_starts_[word]; i < posting_starts_[word + 1]; ++i) {
        const Posting& p = postings_[i];
        if (matched[p.doc] != q) continue;  // missed an earlier query word: out already
        double score = points;
        if (p.segment == 0) {
          score += kInHead + (p.position == 0 ? kFirstWord : 0);
          if (p.position < 64) head_covered[p.doc] |= std::uint64_t{1} << p.position;
        } else if (p.segment == kExtraSegment) {
          score += kExtraWord;
        } else {
          score += kAfterComma;
        }
        if (seen[p.doc] == q + 1) {
          best[p.doc] = std::max(best[p.doc], score);
        } else {
          seen[p.doc] = static_cast<std::uint8_t>(q + 1);
          best[p.doc] = score;
          touched.push_back(p.doc);
        }
      }
    }
    for (auto doc : touched) {
      total[doc] += best[doc];
      matched[doc] = static_cast<std::uint8_t>(q + 1);
    }
  }

  const auto all = static_cast<std::uint8_t>(query_words.size());
  std::vector<double> boost;
  if (boosts != nullptr && !boosts->empty()) {
    boost.assign(n, 0);
    for (const auto& [id, points] : *boosts) {
      if (auto it = doc_by_id_.find(id); it != doc_by_id_.end()) boost[it->second] = points;
    }
  }
  std::vector<std::pair<double, std::uint32_t>> ranked;
  for (std::uint32_t doc = 0; doc < n; ++doc) {
    if (matched[doc] != all) continue;
    const Doc& d = docs_[doc];
    double coverage = d.head_words == 0
                          ? 0
                          : static_cast<double>(std::popcount(head_covered[doc])) / d.head_words;
    ranked.emplace_back(total[doc] + kHeadCoverage * std::min(coverage, 1.0) +
                            kCommonness * d.commonness + (boost.empty() ? 0 : boost[doc]),
                        doc);
  }
  auto better = [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const Doc& x = docs_[a.second];
    const Doc& y = docs_[b.second];
    if (x.name_length != y.name_length) return x.name_length < y.name_length;
    return x.id < y.id;
  };
  std::size_t keep = std::min(limit, ranked.size());
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(keep),
                    ranked.end(), better);
  std::vector<FoodSearchHit> hits;
  hits.reserve(keep);
  for (std::size_t i = 0; i < keep; ++i) {
    hits.push_back({docs_[ranked[i].second].id, ranked[i].first});
  }
  return hits;
}

}  // namespace vigor::core
