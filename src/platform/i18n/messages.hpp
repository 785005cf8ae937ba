#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace vigor::platform::i18n {

// The languages the server speaks. English is the fallback for everything else.
enum class Language { kEnglish, kGerman };

// "en" or "de": the tag a profile stores and Content-Language names.
std::string_view LanguageTag(Language language);
// A profile's locale ("de", "de-AT", "en") as a language; anything unknown is English.
Language LanguageFromLocale(std::string_view locale);
// The best language for an Accept-Language header (RFC 9110 12.5.4): ranges ordered by q,
// q=0 excluded, a region or script ignored ("de-AT" is German), "*" means any (English first).
// A missing or malformed header is English.
Language ParseAcceptLanguage(std::string_view header);

// A value for one named placeholder of a message template ({max} -> "100").
struct MessageArg {
  std::string name;
  std::string value;

  MessageArg(std::string n, std::string v) : name(std::move(n)), value(std::move(v)) {}
  MessageArg(std::string n, const char* v) : name(std::move(n)), value(v) {}
  template <typename Number>
  requires std::is_integral_v<Number> MessageArg(std::string n, Number v)
      : name(std::move(n)), value(std::to_string(v)) {}

  bool operator==(const MessageArg&) const = default;
};

// A catalogued message: a stable code clients may branch on, and the values of its placeholders.
// The text is chosen when the message is rendered for a reader, so services and validators that
// create messages know nothing of the request's language.
class Message {
 public:
  Message() = default;  // no message (an internal error's detail, which is never shown)

  const std::string& code() const { return code_; }
  const std::vector<MessageArg>& args() const { return args_; }
  bool empty() const { return code_.empty(); }

  // The message in a language; "" for an empty message.
  std::string Text(Language language) const;
  // English, for logs and the command line.
  std::string English() const { return Text(Language::kEnglish); }

  bool operator==(const Message&) const = default;

 private:
  friend Message Msg(std::string_view code, std::vector<MessageArg> args);
  Message(std::string code, std::vector<MessageArg> args)
      : code_(std::move(code)), args_(std::move(args)) {}

  std::string code_;
  std::vector<MessageArg> args_;
};

// The only way to make a message: a code of the catalogue (messages.cpp) and its arguments.
// A code that is not catalogued is a bug that tests/unit/messages_test.cpp and the source scan
// (tests/layering/check_messages.py) catch; at run time it renders as the code itself.
Message Msg(std::string_view code, std::vector<MessageArg> args = {});

// One entry of the catalogue: a code and its templates, with {name} placeholders.
struct CatalogueEntry {
  std::string_view code;
  std::string_view english;
  std::string_view german;
};

std::span<const CatalogueEntry> Catalogue();

// Replaces each {name} in a template with its argument's value; a placeholder without an
// argument stays as it is ("{name}"), so a missing value is visible rather than silent.
std::string Format(std::string_view text, const std::vector<MessageArg>& args);

// The placeholder names of a template, in order of appearance.
std::vector<std::string> Placeholders(std::string_view text);

}  // namespace vigor::platform::i18n

namespace vigor {
// Every layer builds its errors' messages with Msg("code", {{"name", value}}).
using platform::i18n::Msg;
}  // namespace vigor
