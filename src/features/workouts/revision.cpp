#include "features/workouts/revision.hpp"

#include <algorithm>
#include <charconv>

#include "platform/error.hpp"

namespace vigor::features::workouts {

bool IfMatch::Matches(std::int64_t rev) const {
  return any || std::find(revs.begin(), revs.end(), rev) != revs.end();
}

void RequireCurrent(const std::optional<IfMatch>& if_match, std::int64_t rev,
                    std::string_view what) {
  if (!if_match || if_match->Matches(rev)) return;
  // One message per kind of item, so that each language can say it in its own grammar.
  auto message = what == "program"   ? Msg("program_changed")
                 : what == "routine" ? Msg("routine_changed")
                                     : Msg("workout_changed");
  throw platform::Error(platform::ErrorKind::kPreconditionFailed, std::move(message));
}

std::string RevisionETag(std::string_view tag, std::int64_t rev) {
  return "\"" + std::string(tag) + "-" + std::to_string(rev) + "\"";
}

std::optional<IfMatch> ParseIfMatch(std::optional<std::string_view> header, std::string_view tag) {
  if (!header) return std::nullopt;
  IfMatch condition;
  std::string prefix = "\"" + std::string(tag) + "-";
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (item == "*") {
      condition.any = true;
      continue;
    }
    if (item.size() < prefix.size() + 2 || !item.starts_with(prefix) || !item.ends_with('"')) {
      continue;
    }
    std::string_view digits = item.substr(prefix.size(), item.size() - prefix.size() - 1);
    std::int64_t rev = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), rev);
    if (ec == std::errc() && ptr == digits.data() + digits.size()) condition.revs.push_back(rev);
  }
  return condition;
}

}  // namespace vigor::features::workouts
