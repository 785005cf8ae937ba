#include "platform/http/json.hpp"

#include <boost/json/parse.hpp>
#include <cmath>

#include "platform/http/json_writer.hpp"
#include "platform/obs/log.hpp"

namespace vigor::platform::http {

namespace {

bool IsJsonContentType(std::string_view type) {
  auto semi = type.find(';');
  std::string_view media = type.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  if (EqualsIgnoreCase(media, "application/json")) return true;
  // application/merge-patch+json and friends.
  return media.size() > 5 && EqualsIgnoreCase(media.substr(media.size() - 5), "+json") &&
         EqualsIgnoreCase(media.substr(0, 12), "application/");
}

// UTF-8 validity: Boost.JSON accepts invalid UTF-8 in strings by default.
bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra;
    if (c < 0x80) {
      extra = 0;
    } else if ((c >> 5) == 0x6) {
      extra = 1;
    } else if ((c >> 4) == 0xE) {
      extra = 2;
    } else if ((c >> 3) == 0x1E) {
      extra = 3;
    } else {
      return false;
    }
    if (extra > n - i - 1) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return false;
    }
    i += extra + 1;
  }
  return true;
}

// What is wrong with a control character in `s`, or nullptr: C0 controls and DEL (one byte
// each) and C1 controls (U+0080-U+009F, the bytes C2 80 to C2 9F in valid UTF-8). Line feed,
// carriage return and tab are allowed in multi-line text. The answer is a catalogued message
// code (platform/i18n/catalogue.cpp).
const char* ControlCharacterProblem(std::string_view s, bool multi_line) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    bool line_break_or_tab = c == '\n' || c == '\r' || c == '\t';
    if ((c < 0x20 && !(multi_line && line_break_or_tab)) || c == 0x7F) {
      return multi_line ? "control_characters_multi_line" : "control_characters_single_line";
    }
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return "control_characters";
    }
  }
  return nullptr;
}

// One escaping for API JSON and log lines (RFC 8259 section 7).
void AppendString(std::string& out, std::string_view s) { obs::AppendJsonString(out, s); }

void AppendValue(std::string& out, const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      break;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      break;
    case boost::json::kind::int64:
      AppendJsonInteger(out, v.get_int64());
      break;
    case boost::json::kind::uint64:
      AppendJsonInteger(out, v.get_uint64());
      break;
    case boost::json::kind::double_:
      AppendJsonNumber(out, v.get_double());
      break;
    case boost::json::kind::string:
      AppendString(out, v.get_string());
      break;
    case boost::json::kind::array: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out.push_back(',');
        first = false;
        AppendValue(out, item);
      }
      out.push_back(']');
      break;
    }
    case boost::json::kind::object: {
      out.push_back('{');
      bool first = true;
      for (const auto& member : v.get_object()) {
        if (!first) out.push_back(',');
        first = false;
        AppendString(out, member.key());
        out.push_back(':');
        AppendValue(out, member.value());
      }
      out.push_back('}');
      break;
    }
  }
}

}  // namespace

std::string SerializeJson(const boost::json::value& value) {
  std::string out;
  out.reserve(256);
  AppendValue(out, value);
  return out;
}

boost::json::object ParseJsonObject(const Request& request) {
  auto type = request.headers.Get("Content-Type");
  if (!type || !IsJsonContentType(*type)) {
    throw Error(ErrorKind::kUnsupportedMediaType, Msg("json_body_required"));
  }
  if (!IsValidUtf8(request.body)) {
    throw Error(ErrorKind::kBadRequest, Msg("body_not_utf8"));
  }
  boost::json::parse_options options;
  options.max_depth = 64;
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec, {}, options);
  if (ec) {
    throw Error(ErrorKind::kBadRequest, Msg("json_invalid", {{"reason", ec.message()}}));
  }
  if (!value.is_object()) throw Error(ErrorKind::kBadRequest, Msg("body_not_object"));
  return std::move(value.as_object());
}

Response Json(int status, const boost::json::value& body) {
  return Response::JsonText(status, SerializeJson(body));
}

const boost::json::value* JsonFields::Find(std::string_view name, bool required) {
  const auto* v = object_.if_contains(name);
  if (v == nullptr || v->is_null()) {
    if (required) errors_.Add(std::string(name), Msg("required"));
    return nullptr;
  }
  return v;
}

std::optional<std::string> JsonFields::String(std::string_view name, StringRule rule) {
  const auto* v = Find(name, rule.required);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    errors_.Add(std::string(name), Msg("not_string"));
    return std::nullopt;
  }
  std::string s(v->as_string());
  // PostgreSQL's text cannot hold U+0000 (libpq would cut the string there): refused on both
  // backends, so that what is stored is what was sent.
  if (s.find('\0') != std::string::npos) {
    errors_.Add(std::string(name), Msg("nul_character"));
    return std::nullopt;
  }
  // The body was checked as a whole, but an object may come from elsewhere (a stored payload).
  if (!IsValidUtf8(s)) {
    errors_.Add(std::string(name), Msg("not_utf8"));
    return std::nullopt;
  }
  if (rule.text != Text::kSecret) {
    if (auto problem = ControlCharacterProblem(s, rule.text == Text::kMultiLine)) {
      errors_.Add(std::string(name), Msg(problem));
      return std::nullopt;
    }
  }
  // Length in characters (code points), as users count them.
  std::size_t length = 0;
  for (unsigned char c : s) length += (c & 0xC0) != 0x80;
  if (length < rule.min_length) {
    errors_.Add(std::string(name),
                rule.min_length == 1 ? Msg("empty") : Msg("too_short", {{"min", rule.min_length}}));
    return std::nullopt;
  }
  if (length > rule.max_length) {
    errors_.Add(std::string(name), Msg("too_long", {{"max", rule.max_length}}));
    return std::nullopt;
  }
  return s;
}

std::optional<std::int64_t> JsonFields::Int(std::string_view name, bool required, std::int64_t min,
                                            std::int64_t max) {
  const auto* v = Find(name, required);
  if (!v) return std::nullopt;
  std::optional<std::int64_t> n;
  if (v->is_int64()) n = v->as_int64();
  if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->as_uint64());
  }
  if (v->is_double() && std::floor(v->as_double()) == v->as_double() &&
      std::fabs(v->as_double()) < 9e15) {
    n = static_cast<std::int64_t>(v->as_double());
  }
  if (!n) {
    errors_.Add(std::string(name), Msg("not_whole_number"));
    return std::nullopt;
  }
  if (*n < min || *n > max) {
    errors_.Add(std::string(name), Msg("not_between", {{"min", min}, {"max", max}}));
    return std::nullopt;
  }
  return n;
}

std::optional<double> JsonFields::Number(std::string_view name, bool required, double min,
                                         double max) {
  const auto* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    errors_.Add(std::string(name), Msg("not_number"));
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!std::isfinite(d) || d < min || d > max) {
    errors_.Add(std::string(name), Msg("out_of_range"));
    return std::nullopt;
  }
  return d;
}

std::optional<bool> JsonFields::Bool(std::string_view name, bool required) {
  const auto* v = Find(name, required);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    errors_.Add(std::string(name), Msg("not_boolean"));
    return std::nullopt;
  }
  return v->as_bool();
}

void JsonFields::RejectUnknown(std::initializer_list<std::string_view> known) {
  for (const auto& member : object_) {
    bool ok = false;
    for (auto k : known) ok = ok || member.key() == k;
    if (!ok) errors_.Add(std::string(member.key()), Msg("unknown_field"));
  }
}

}  // namespace vigor::platform::http
