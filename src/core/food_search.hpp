#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// Search as you type over food names: the generic catalogue (about 8,000 foods) and a user's own
// foods. Pure: the index is built once from the entries and answers queries from memory.
//
// Ranking, highest score first. Each query word must match a word of the food (words in any
// order; accents and case folded by core::SearchWords). A match scores by kind: the same word 10,
// the same but for a plural ending ("apples" for "apple", "berries" for "berry") 9.5; the start of
// a longer word (as typed so far) 6 + 3 x its share of the word; one edit away (a letter missing,
// extra, changed or two swapped) 5, for query words of 4 letters or more only. Where the word is
// adds to it: in the name's head (before the first comma: "Egg" of "Egg, whole, raw"; after a class
// word such as "Fish" or "Nuts": "salmon" of "Fish, salmon, raw") +4, and +3 more as its first
// word; elsewhere +1.5; an extra word (a brand, a barcode) -2. Then the share of the head's words
// the query matched x 6 (so "milk" ranks "Milk, whole" over "Milk shakes, thick"), the entry's
// commonness (0-1) x 10, and the caller's boost. Ties: shorter name, then id.
//
// Scores depend only on the query and the entry, not on the other entries, so lists from two
// indexes (the catalogue and the user's own foods) merge by score.
namespace vigor::core {

struct FoodSearchEntry {
  std::string id;
  std::string name;
  // 0 (obscure preparation, branded) to 1 (an everyday food as bought): a tie-breaker between
  // matches of the same quality. The catalogue's commonness is its 0-100 hint / 100.
  double commonness = 0.5;
  // More words search finds, ranked below the name's words: a brand, a barcode, other names.
  std::vector<std::string> extra_words;
};

struct FoodSearchHit {
  std::string id;
  double score = 0;
};

// A bonus in score points per entry id, e.g. from how often and how recently the user logged
// the food. A boost of 10 weighs as much as the difference between an obscure and an everyday
// food; 20 lifts a food the user eats daily above better text matches.
using FoodSearchBoosts = std::unordered_map<std::string, double>;

class FoodSearchIndex {
 public:
  FoodSearchIndex() = default;
  explicit FoodSearchIndex(std::vector<FoodSearchEntry> entries);

  // The best `limit` matches of `query`, best first. An empty query (no words) finds nothing.
  // Only the first kMaxQueryWords words of the query count.
  std::vector<FoodSearchHit> Search(std::string_view query, std::size_t limit,
                                    const FoodSearchBoosts* boosts = nullptr) const;

  std::size_t size() const { return docs_.size(); }

  static constexpr std::size_t kMaxQueryWords = 8;

 private:
  struct Doc {
    std::string id;
    double commonness = 0;
    std::uint32_t name_length = 0;
    std::uint8_t head_words = 0;  // words before the first comma (at most 64 counted)
  };
  struct Posting {
    std::uint32_t doc = 0;
    std::uint8_t segment = 0;   // 0 = head, 1 = after a comma, kExtraSegment = an extra word
    std::uint8_t position = 0;  // word number in the name (capped at 255)
  };
  static constexpr std::uint8_t kExtraSegment = 255;

  // The vocabulary words (sorted, unique) that a query word matches, with the match's points.
  void Candidates(const std::string& word,
                  std::vector<std::pair<std::uint32_t, double>>& out) const;

  std::vector<Doc> docs_;
  std::unordered_map<std::string, std::uint32_t> doc_by_id_;
  std::vector<std::string> words_;             // the vocabulary, sorted
  std::vector<std::uint32_t> posting_starts_;  // words_.size() + 1 offsets into postings_
  std::vector<Posting> postings_;              // grouped by word
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_stem_;      // -> word ids
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_deletion_;  // one letter less
};

// The word with an English plural ending folded: "apples" -> "apple", "berries" -> "berry",
// "tomatoes" -> "tomato", "peaches" -> "peach"; words of 3 letters or fewer, "-ss", "-us" and
// "-is" endings unchanged.
std::string FoodWordStem(std::string_view word);

}  // namespace vigor::core
