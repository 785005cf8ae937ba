#include "platform/i18n/messages.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace vigor::platform::i18n {

namespace {

const CatalogueEntry* Find(std::string_view code) {
  static const auto* index = [] {
    auto* map = new std::unordered_map<std::string_view, const CatalogueEntry*>();
    for (const auto& entry : Catalogue()) map->emplace(entry.code, &entry);
    return map;
  }();
  auto it = index->find(code);
  return it == index->end() ? nullptr : it->second;
}

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// A q-value as RFC 9110 writes it: 0, 1, 0.x (up to three digits) or 1.0 (zeros only); in
// thousandths, or -1 when it is not one.
int ParseQuality(std::string_view text) {
  if (text.empty() || text.size() > 5) return -1;
  if (text[0] != '0' && text[0] != '1') return -1;
  int value = (text[0] - '0') * 1000;
  if (text.size() == 1) return value;
  if (text[1] != '.') return -1;
  int scale = 100;
  for (std::size_t i = 2; i < text.size(); ++i) {
    char c = text[i];
    if (c < '0' || c > '9') return -1;
    if (value == 1000 && c != '0') return -1;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value;
}

bool IsLanguageRange(std::string_view range) {
  if (range == "*") return true;
  if (range.empty() || range.size() > 35) return false;
  bool segment_start = true;
  for (char c : range) {
    if (c == '-') {
      if (segment_start) return false;
      segment_start = true;
    } else if (std::isalnum(static_cast<unsigned char>(c))) {
      segment_start = false;
    } else {
      return false;
    }
  }
  return !segment_start;
}

// "-12.5", "0.845": digits, one '.', digits.
bool IsDecimalNumber(std::string_view text) {
  if (!text.empty() && text.front() == '-') text.remove_prefix(1);
  auto dot = text.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 == text.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i != dot && (text[i] < '0' || text[i] > '9')) return false;
  }
  return true;
}

}  // namespace

std::string_view LanguageTag(Language language) {
  return language == Language::kGerman ? "de" : "en";
}

Language LanguageFromLocale(std::string_view locale) {
  std::string lower = Lower(locale);
  return lower == "de" || lower.starts_with("de-") || lower.starts_with("de_") ? Language::kGerman
                                                                               : Language::kEnglish;
}

Language ParseAcceptLanguage(std::string_view header) {
  struct Choice {
    std::string range;
    int quality;
  };
  std::vector<Choice> choices;
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t comma = header.find(',', start);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view item = Trim(header.substr(start, comma - start));
    start = comma + 1;
    if (item.empty()) continue;  // "a, ,b" is allowed by the list syntax
    std::string_view range = item;
    int quality = 1000;
    if (auto semicolon = item.find(';'); semicolon != std::string_view::npos) {
      range = Trim(item.substr(0, semicolon));
      std::string_view param = Trim(item.substr(semicolon + 1));
      if (param.size() < 2 || (param[0] != 'q' && param[0] != 'Q') || param[1] != '=') {
        return Language::kEnglish;
      }
      quality = ParseQuality(Trim(param.substr(2)));
      if (quality < 0) return Language::kEnglish;
    }
    if (!IsLanguageRange(range)) return Language::kEnglish;
    choices.push_back({Lower(range), quality});
  }
  // The first range of the highest quality wins; q=0 means "not this one".
  std::stable_sort(choices.begin(), choices.end(),
                   [](const Choice& a, const Choice& b) { return a.quality > b.quality; });
  for (const auto& choice : choices) {
    if (choice.quality == 0) break;
    if (choice.range == "*") return Language::kEnglish;
    std::string_view primary = std::string_view(choice.range).substr(0, choice.range.find('-'));
    if (primary == "de") return Language::kGerman;
    if (primary == "en") return Language::kEnglish;
  }
  return Language::kEnglish;
}

std::string Message::Text(Language language) const {
  if (code_.empty()) return {};
  const CatalogueEntry* entry = Find(code_);
  if (entry == nullptr) return code_;
  if (language != Language::kGerman) return Format(entry->english, args_);
  // German writes a decimal comma: "0,5 kg". Only a value that is nothing but a decimal number
  // changes; dates, zones and names stay as they are.
  std::vector<MessageArg> args = args_;
  for (auto& arg : args) {
    if (IsDecimalNumber(arg.value)) arg.value[arg.value.find('.')] = ',';
  }
  return Format(entry->german, args);
}

Message Msg(std::string_view code, std::vector<MessageArg> args) {
  return Message(std::string(code), std::move(args));
}

std::string Format(std::string_view text, const std::vector<MessageArg>& args) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '{') {
      auto close = text.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = text.substr(i + 1, close - i - 1);
        auto arg = std::find_if(args.begin(), args.end(),
                                [&](const MessageArg& a) { return a.name == name; });
        if (arg != args.end()) {
          out += arg->value;
          i = close + 1;
          continue;
        }
      }
    }
    out += text[i++];
  }
  return out;
}

std::vector<std::string> Placeholders(std::string_view text) {
  std::vector<std::string> names;
  std::size_t i = 0;
  while ((i = text.find('{', i)) != std::string_view::npos) {
    auto close = text.find('}', i);
    if (close == std::string_view::npos) break;
    names.emplace_back(text.substr(i + 1, close - i - 1));
    i = close + 1;
  }
  return names;
}

}  // namespace vigor::platform::i18n
