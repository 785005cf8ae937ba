#include "platform/crypto/password_policy.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

namespace vigor::platform::crypto {

namespace {

// ASCII-only folding: enough for the blocklist and for usernames (which are ASCII), and it never
// changes a string's length, so "contains" stays exact.
std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// UTF-8 sequences, one per code point: every byte that is not a continuation byte starts one.
std::vector<std::string_view> CodePoints(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 1; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      out.push_back(text.substr(start, i - start));
      start = i;
    }
  }
  return out;
}

bool ContainsFolded(const std::string& folded_password, std::string_view part) {
  if (part.size() < PasswordPolicy::kMinPersonalPart) return false;
  return folded_password.find(Lower(part)) != std::string::npos;
}

}  // namespace

std::shared_ptr<const PasswordPolicy::Set> PasswordPolicy::Parse(std::string_view text) {
  auto set = std::make_shared<Set>();
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty() && line.front() != '#') set->insert(Lower(line));
    pos = end + 1;
  }
  return set;
}

PasswordPolicy PasswordPolicy::FromFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read password list " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return PasswordPolicy(Parse(text.str()));
}

PasswordPolicy PasswordPolicy::Embedded() {
  // Parsed once; every copy shares the same immutable set.
  static const std::shared_ptr<const Set> kCommon = Parse(EmbeddedCommonPasswords());
  return PasswordPolicy(kCommon);
}

std::optional<i18n::Message> PasswordPolicy::Check(std::string_view password,
                                                   std::string_view username,
                                                   std::string_view email) const {
  auto points = CodePoints(password);
  if (points.size() < kMinCodePoints) {
    return Msg("password_too_short", {{"min", kMinCodePoints}});
  }
  if (points.size() > kMaxCodePoints) {
    return Msg("password_too_long", {{"max", kMaxCodePoints}});
  }
  if (std::all_of(points.begin(), points.end(), [&](auto p) { return p == points.front(); })) {
    return Msg("password_one_character");
  }
  std::string folded = Lower(password);
  if (common_->contains(folded)) {
    return Msg("password_common");
  }
  if (ContainsFolded(folded, username)) {
    return Msg("password_contains_username");
  }
  std::string_view local = email.substr(0, std::min(email.find('@'), email.size()));
  if (ContainsFolded(folded, local)) {
    return Msg("password_contains_email");
  }
  return std::nullopt;
}

}  // namespace vigor::platform::crypto
