#include "core/text_fold.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace vigor::core {

namespace {

// U+00A0 to U+017F: Latin-1 Supplement (symbols, then letters) and Latin Extended-A.
// " " separates words, "" disappears (the soft hyphen), "'" is an apostrophe.
constexpr char32_t kTableFirst = 0xA0;
constexpr std::array<std::string_view, 0x180 - 0xA0> kLatin = {
    // A0: nbsp ¡ ¢ £ ¤ ¥ ¦ §   ¨ © ª « ¬ shy ® ¯
    " ",
    " ",
    " ",
    " ",
    " ",
    " ",
    " ",
    " ",
    " ",
    " ",
    "a",
    " ",
    " ",
    "",
    " ",
    " ",
    // B0: ° ± ² ³ ´ µ ¶ ·   ¸ ¹ º » ¼ ½ ¾ ¿
    " ",
    " ",
    "2",
    "3",
    "'",
    "u",
    " ",
    " ",
    " ",
    "1",
    "o",
    " ",
    " ",
    " ",
    " ",
    " ",
    // C0: À Á Â Ã Ä Å Æ Ç   È É Ê Ë Ì Í Î Ï
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // D0: Ð Ñ Ò Ó Ô Õ Ö ×   Ø Ù Ú Û Ü Ý Þ ß
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    " ",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "ss",
    // E0: à á â ã ä å æ ç   è é ê ë ì í î ï
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "ae",
    "c",
    "e",
    "e",
    "e",
    "e",
    "i",
    "i",
    "i",
    "i",
    // F0: ð ñ ò ó ô õ ö ÷   ø ù ú û ü ý þ ÿ
    "d",
    "n",
    "o",
    "o",
    "o",
    "o",
    "o",
    " ",
    "o",
    "u",
    "u",
    "u",
    "u",
    "y",
    "th",
    "y",
    // 100: Ā ā Ă ă Ą ą Ć ć   Ĉ ĉ Ċ ċ Č č Ď ď
    "a",
    "a",
    "a",
    "a",
    "a",
    "a",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "c",
    "d",
    "d",
    // 110: Đ đ Ē ē Ĕ ĕ Ė ė   Ę ę Ě ě Ĝ ĝ Ğ ğ
    "d",
    "d",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "e",
    "g",
    "g",
    "g",
    "g",
    // 120: Ġ ġ Ģ ģ Ĥ ĥ Ħ ħ   Ĩ ĩ Ī ī Ĭ ĭ Į į
    "g",
    "g",
    "g",
    "g",
    "h",
    "h",
    "h",
    "h",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    "i",
    // 130: İ ı Ĳ ĳ Ĵ ĵ Ķ ķ   ĸ Ĺ ĺ Ļ ļ Ľ ľ Ŀ
    "i",
    "i",
    "ij",
    "ij",
    "j",
    "j",
    "k",
    "k",
    "k",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    "l",
    // 140: ŀ Ł ł Ń ń Ņ ņ Ň   ň ŉ Ŋ ŋ Ō ō Ŏ ŏ
    "l",
    "l",
    "l",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "n",
    "o",
    "o",
    "o",
    "o",
    // 150: Ő ő Œ œ Ŕ ŕ Ŗ ŗ   Ř ř Ś ś Ŝ ŝ Ş ş
    "o",
    "o",
    "oe",
    "oe",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
    "s",
    "s",
    "s",
    "s",
    "s",
    "s",
    // 160: Š š Ţ ţ Ť ť Ŧ ŧ   Ũ ũ Ū ū Ŭ ŭ Ů ů
    "s",
    "s",
    "t",
    "t",
    "t",
    "t",
    "t",
    "t",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    "u",
    // 170: Ű ű Ų ų Ŵ ŵ Ŷ ŷ   Ÿ Ź ź Ż ż Ž ž ſ
    "u",
    "u",
    "u",
    "u",
    "w",
    "w",
    "y",
    "y",
    "y",
    "z",
    "z",
    "z",
    "z",
    "z",
    "z",
    "s",
};

// Decodes the UTF-8 sequence at `i`; returns its length, or 0 when it is not valid (overlong,
// surrogate, out of range, truncated).
std::size_t Decode(std::string_view s, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  unsigned char c = byte(0);
  std::size_t length;
  if (c < 0x80) {
    cp = c;
    return 1;
  } else if ((c >> 5) == 0x6) {
    length = 2;
    cp = c & 0x1F;
  } else if ((c >> 4) == 0xE) {
    length = 3;
    cp = c & 0x0F;
  } else if ((c >> 3) == 0x1E) {
    length = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (length > s.size() - i) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(k) >> 6) != 0x2) return 0;
    cp = (cp << 6) | (byte(k) & 0x3F);
  }
  constexpr std::array<char32_t, 5> kSmallest = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kSmallest[length] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return length;
}

bool IsWordByte(char c) {
  auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || u >= 0x80;
}

}  // namespace

std::string FoldText(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    std::size_t length = Decode(utf8, i, cp);
    if (length == 0) {  // not UTF-8: keep the byte
      out.push_back(utf8[i]);
      ++i;
      continue;
    }
    if (cp < 0x80) {
      char c = static_cast<char>(cp);
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    } else if (cp >= kTableFirst && cp < kTableFirst + kLatin.size()) {
      out.append(kLatin[cp - kTableFirst]);
    } else if (cp >= 0x300 && cp <= 0x36F) {
      // A combining accent: "e" followed by U+0301 folds like "é".
    } else if (cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032) {
      out.push_back('\'');
    } else if ((cp >= 0x2000 && cp <= 0x206F) || (cp >= 0x80 && cp < 0xA0)) {
      out.push_back(' ');  // dashes, quotes, special spaces; C1 controls
    } else {
      out.append(utf8.substr(i, length));
    }
    i += length;
  }
  return out;
}

std::vector<std::string> SearchWords(std::string_view utf8) {
  std::vector<std::string> words;
  std::string word;
  for (char c : FoldText(utf8)) {
    if (IsWordByte(c)) {
      word.push_back(c);
    } else if (c == '\'') {
      continue;  // "farmer's" is one word: farmers
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

namespace {
std::string Join(const std::vector<std::string>& words, char separator) {
  std::string out;
  for (const auto& w : words) {
    if (!out.empty()) out.push_back(separator);
    out += w;
  }
  return out;
}
}  // namespace

std::string SearchKey(std::string_view utf8) { return Join(SearchWords(utf8), ' '); }

std::string Slugify(std::string_view utf8) { return Join(SearchWords(utf8), '-'); }

bool MatchesWordPrefixes(const std::vector<std::string>& words,
                         const std::vector<std::string>& query) {
  for (const auto& q : query) {
    bool found = false;
    for (const auto& w : words) {
      if (w.starts_with(q)) {
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

namespace {

// True when `query` is the start of words[first], words[first + 1], ... run together.
bool StartsRunAt(const std::vector<std::string>& words, std::size_t first, std::string_view query) {
  for (std::size_t i = first; i < words.size() && !query.empty(); ++i) {
    const std::string& word = words[i];
    if (query.size() <= word.size()) return word.starts_with(query);
    if (!query.starts_with(word)) return false;
    query.remove_prefix(word.size());
  }
  return query.empty();
}

bool StartsSomeRun(const std::vector<std::string>& words, std::string_view query) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (StartsRunAt(words, i, query)) return true;
  }
  return false;
}

}  // namespace

bool MatchesIgnoringSpaces(const std::vector<std::string>& words,
                           const std::vector<std::string>& query) {
  bool each_word = std::all_of(query.begin(), query.end(),
                               [&](const std::string& q) { return StartsSomeRun(words, q); });
  if (each_word) return true;
  std::string run_together;
  for (const auto& q : query) run_together += q;
  return StartsSomeRun(words, run_together);
}

namespace {

// "ae", "oe" or "ue" for the second byte of a composed umlaut (C3 xx), or null.
const char* WrittenOutUmlaut(unsigned char second) {
  switch (second) {
    case 0xA4:  // ä
    case 0x84:  // Ä
      return "ae";
    case 0xB6:  // ö
    case 0x96:  // Ö
      return "oe";
    case 0xBC:  // ü
    case 0x9C:  // Ü
      return "ue";
    default:
      return nullptr;
  }
}

bool IsUmlautBase(char c) {
  return c == 'a' || c == 'o' || c == 'u' || c == 'A' || c == 'O' || c == 'U';
}

// U+0308 COMBINING DIAERESIS in UTF-8.
constexpr std::string_view kCombiningDiaeresis = "\xCC\x88";

}  // namespace

bool HasGermanUmlaut(std::string_view utf8) {
  for (std::size_t i = 0; i + 1 < utf8.size(); ++i) {
    if (static_cast<unsigned char>(utf8[i]) == 0xC3 &&
        WrittenOutUmlaut(static_cast<unsigned char>(utf8[i + 1]))) {
      return true;
    }
    if (i > 0 && IsUmlautBase(utf8[i - 1]) && utf8.substr(i).starts_with(kCombiningDiaeresis)) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> SearchWordsUmlautsWrittenOut(std::string_view utf8) {
  std::string written_out;
  written_out.reserve(utf8.size() + 8);
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const char* umlaut = nullptr;
    if (static_cast<unsigned char>(utf8[i]) == 0xC3 && i + 1 < utf8.size()) {
      umlaut = WrittenOutUmlaut(static_cast<unsigned char>(utf8[i + 1]));
    }
    if (umlaut) {
      written_out += umlaut;
      ++i;
    } else if (i > 0 && IsUmlautBase(utf8[i - 1]) &&
               utf8.substr(i).starts_with(kCombiningDiaeresis)) {
      written_out += 'e';  // the base letter is already there
      ++i;
    } else {
      written_out += utf8[i];
    }
  }
  return SearchWords(written_out);
}

}  // namespace vigor::core
