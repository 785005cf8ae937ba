#include "support/json_schema.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <cmath>
#include <sstream>

namespace vigor::testing {

namespace json = boost::json;

namespace {

constexpr int kMaxDepth = 64;  // a $ref cycle the value keeps following ends here

std::string Unescape(std::string segment) {
  for (std::size_t at = 0; (at = segment.find('~', at)) != std::string::npos; ++at) {
    if (at + 1 < segment.size() && segment[at + 1] == '1')
      segment.replace(at, 2, "/");
    else if (at + 1 < segment.size() && segment[at + 1] == '0')
      segment.replace(at, 2, "~");
  }
  return segment;
}

std::string Short(const json::value& v) {
  std::string text = json::serialize(v);
  if (text.size() > 60) text = text.substr(0, 57) + "...";
  return text;
}

const char* TypeName(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "?";
}

bool IsIntegral(const json::value& v) {
  if (v.is_int64() || v.is_uint64()) return true;
  if (!v.is_double()) return false;
  double d = v.get_double();
  return std::isfinite(d) && std::trunc(d) == d;
}

bool TypeMatches(std::string_view type, const json::value& v) {
  if (type == "null") return v.is_null();
  if (type == "boolean") return v.is_bool();
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "number") return v.is_number();
  if (type == "integer") return IsIntegral(v);
  return false;
}

double Number(const json::value& v) { return v.to_number<double>(); }

// JSON equality with 1 == 1.0, as JSON Schema compares numbers by value.
bool JsonEqual(const json::value& a, const json::value& b) {
  if (a.is_number() && b.is_number()) return Number(a) == Number(b);
  if (a.kind() != b.kind()) return false;
  if (a.is_array()) {
    const auto &x = a.get_array(), &y = b.get_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!JsonEqual(x[i], y[i])) return false;
    }
    return true;
  }
  if (a.is_object()) {
    const auto &x = a.get_object(), &y = b.get_object();
    if (x.size() != y.size()) return false;
    for (const auto& [key, value] : x) {
      const auto* other = y.if_contains(key);
      if (!other || !JsonEqual(value, *other)) return false;
    }
    return true;
  }
  return a == b;
}

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool Digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

bool IsDate(std::string_view s) {
  int y, m, d;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!Digits(s, 0, 4, y) || !Digits(s, 5, 2, m) || !Digits(s, 8, 2, d)) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

// RFC 3339 date-time: 2026-03-02T18:04:12Z, with optional fraction and a numeric offset.
bool IsDateTime(std::string_view s) {
  if (s.size() < 20 || !IsDate(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't')) return false;
  int hh, mm, ss;
  if (!Digits(s, 11, 2, hh) || s[13] != ':' || !Digits(s, 14, 2, mm) || s[16] != ':' ||
      !Digits(s, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return false;
  }
  std::size_t at = 19;
  if (s[at] == '.') {
    std::size_t digits_start = ++at;
    while (at < s.size() && s[at] >= '0' && s[at] <= '9') ++at;
    if (at == digits_start) return false;
  }
  std::string_view zone = s.substr(at);
  if (zone == "Z" || zone == "z") return true;
  int oh, om;
  return zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2, oh) &&
         zone[3] == ':' && Digits(zone, 4, 2, om) && oh <= 23 && om <= 59;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

// As far as a contract check needs: one @, a non-empty local part, a dotted domain, no spaces.
bool IsEmail(std::string_view s) {
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || (c >= 0 && c < 0x20); }))
    return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

}  // namespace

std::string SchemaViolation::ToString() const {
  return (pointer.empty() ? std::string("(the whole body)") : pointer) + ": " + rule + ": " +
         message + " [schema " + schema_path + "]";
}

std::string EscapePointer(const std::string& segment) {
  std::string out;
  for (char c : segment) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

struct JsonSchemaValidator::Walk {
  std::vector<SchemaViolation> violations;
  int depth = 0;
  void Add(const std::string& pointer, const std::string& schema_path, std::string rule,
           std::string message) {
    violations.push_back({pointer, schema_path, std::move(rule), std::move(message)});
  }
};

JsonSchemaValidator::JsonSchemaValidator(json::value document) : document_(std::move(document)) {}

const json::value* JsonSchemaValidator::Find(const std::string& pointer) const {
  const json::value* at = &document_;
  if (pointer.empty()) return at;
  if (pointer[0] != '/') return nullptr;
  std::size_t start = 1;
  while (true) {
    auto end = pointer.find('/', start);
    std::string segment = Unescape(pointer.substr(start, end - start));
    if (at->is_object()) {
      at = at->get_object().if_contains(segment);
    } else if (at->is_array()) {
      char* rest = nullptr;
      unsigned long index = std::strtoul(segment.c_str(), &rest, 10);
      if (segment.empty() || *rest != '\0' || index >= at->get_array().size()) return nullptr;
      at = &at->get_array()[index];
    } else {
      return nullptr;
    }
    if (!at) return nullptr;
    if (end == std::string::npos) return at;
    start = end + 1;
  }
}

std::vector<SchemaViolation> JsonSchemaValidator::Validate(const std::string& schema_pointer,
                                                           const json::value& value) const {
  Walk walk;
  const json::value* schema = Find(schema_pointer);
  if (!schema) {
    walk.Add("", "#" + schema_pointer, "$ref", "no schema at #" + schema_pointer);
    return walk.violations;
  }
  Check(*schema, "#" + schema_pointer, value, "", walk);
  return walk.violations;
}

bool JsonSchemaValidator::Matches(const std::string& pattern, const std::string& text) const {
  std::shared_ptr<const std::regex> regex;
  {
    std::lock_guard lock(regex_mutex_);
    auto& slot = regexes_[pattern];
    if (!slot) slot = std::make_shared<const std::regex>(pattern, std::regex::ECMAScript);
    regex = slot;
  }
  return std::regex_search(text, *regex);
}

void JsonSchemaValidator::Check(const json::value& schema_value, const std::string& schema_path,
                                const json::value& value, const std::string& pointer,
                                Walk& walk) const {
  if (schema_value.is_bool()) {
    if (!schema_value.get_bool())
      walk.Add(pointer, schema_path, "false", "no value is allowed here");
    return;
  }
  if (!schema_value.is_object()) return;
  const json::object& schema = schema_value.get_object();
  if (++walk.depth > kMaxDepth) {
    walk.Add(pointer, schema_path, "$ref", "schema nesting deeper than 64 (a $ref cycle?)");
    --walk.depth;
    return;
  }
  struct DepthGuard {
    Walk& w;
    ~DepthGuard() { --w.depth; }
  } guard{walk};

  if (const auto* ref = schema.if_contains("$ref")) {
    std::string target(ref->as_string());
    const json::value* resolved = target.starts_with('#') ? Find(target.substr(1)) : nullptr;
    if (!resolved) {
      walk.Add(pointer, schema_path, "$ref", "cannot resolve " + target);
    } else {
      Check(*resolved, target, value, pointer, walk);
    }
    // OpenAPI 3.1 allows siblings of $ref; they apply as well (below).
  }

  // nullable (OpenAPI 3.0): null is allowed whatever the rest says.
  if (value.is_null()) {
    if (const auto* nullable = schema.if_contains("nullable");
        nullable && nullable->is_bool() && nullable->get_bool()) {
      return;
    }
  }

  if (const auto* type = schema.if_contains("type")) {
    bool ok = false;
    std::string wanted;
    if (type->is_string()) {
      ok = TypeMatches(type->get_string(), value);
      wanted = type->get_string();
    } else if (type->is_array()) {
      for (const auto& t : type->get_array()) {
        if (!t.is_string()) continue;
        ok = ok || TypeMatches(t.get_string(), value);
        wanted += (wanted.empty() ? "" : " or ") + std::string(t.get_string());
      }
    }
    if (!ok) {
      walk.Add(pointer, schema_path + "/type", "type",
               "expected " + wanted + ", got " + TypeName(value) + " " + Short(value));
      return;  // the other rules would only repeat that the value is of the wrong kind
    }
  }

  if (const auto* c = schema.if_contains("const"); c && !JsonEqual(*c, value)) {
    walk.Add(pointer, schema_path + "/const", "const",
             "expected " + Short(*c) + ", got " + Short(value));
  }
  if (const auto* e = schema.if_contains("enum"); e && e->is_array()) {
    const auto& options = e->get_array();
    if (std::none_of(options.begin(), options.end(),
                     [&](const json::value& o) { return JsonEqual(o, value); })) {
      walk.Add(pointer, schema_path + "/enum", "enum",
               Short(value) + " is not one of " + Short(*e));
    }
  }

  if (const auto* all = schema.if_contains("allOf"); all && all->is_array()) {
    for (std::size_t i = 0; i < all->get_array().size(); ++i) {
      Check(all->get_array()[i], schema_path + "/allOf/" + std::to_string(i), value, pointer, walk);
    }
  }
  for (const char* keyword : {"anyOf", "oneOf"}) {
    const auto* branches = schema.if_contains(keyword);
    if (!branches || !branches->is_array()) continue;
    std::vector<Walk> tries;
    int matched = 0;
    for (std::size_t i = 0; i < branches->get_array().size(); ++i) {
      Walk attempt;
      attempt.depth = walk.depth;
      Check(branches->get_array()[i], schema_path + "/" + keyword + "/" + std::to_string(i), value,
            pointer, attempt);
      if (attempt.violations.empty()) ++matched;
      tries.push_back(std::move(attempt));
    }
    bool one_of = std::string_view(keyword) == "oneOf";
    if (matched == 0) {
      walk.Add(pointer, schema_path + "/" + keyword, keyword,
               "matches none of the " + std::to_string(tries.size()) + " schemas");
      // Say why by the branch that came closest: one whose value had the right kind at least.
      const Walk* closest = nullptr;
      for (const auto& t : tries) {
        bool wrong_kind = std::all_of(
            t.violations.begin(), t.violations.end(),
            [&](const SchemaViolation& v) { return v.pointer == pointer && v.rule == "type"; });
        if (!wrong_kind && (!closest || t.violations.size() < closest->violations.size()))
          closest = &t;
      }
      if (closest) {
        walk.violations.insert(walk.violations.end(), closest->violations.begin(),
                               closest->violations.end());
      }
    } else if (one_of && matched > 1) {
      walk.Add(pointer, schema_path + "/oneOf", "oneOf",
               "matches " + std::to_string(matched) + " schemas, exactly one allowed");
    }
  }
  if (const auto* negated = schema.if_contains("not")) {
    Walk attempt;
    attempt.depth = walk.depth;
    Check(*negated, schema_path + "/not", value, pointer, attempt);
    if (attempt.violations.empty()) {
      walk.Add(pointer, schema_path + "/not", "not", "matches a schema it must not match");
    }
  }

  if (value.is_object()) {
    const auto& object = value.get_object();
    if (const auto* required = schema.if_contains("required"); required && required->is_array()) {
      for (const auto& name : required->get_array()) {
        if (name.is_string() && !object.contains(name.get_string())) {
          walk.Add(pointer, schema_path + "/required", "required",
                   "missing property \"" + std::string(name.get_string()) + "\"");
        }
      }
    }
    const json::object* properties = nullptr;
    if (const auto* p = schema.if_contains("properties"); p && p->is_object())
      properties = &p->get_object();
    const auto* additional = schema.if_contains("additionalProperties");
    for (const auto& [key, member] : object) {
      std::string name(key);
      std::string member_pointer = pointer + "/" + EscapePointer(name);
      if (properties) {
        if (const auto* property = properties->if_contains(key)) {
          Check(*property, schema_path + "/properties/" + EscapePointer(name), member,
                member_pointer, walk);
          continue;
        }
      }
      if (!additional) continue;
      if (additional->is_bool() && !additional->get_bool()) {
        walk.Add(member_pointer, schema_path + "/additionalProperties", "additionalProperties",
                 "property \"" + name + "\" is not in the schema");
      } else if (additional->is_object()) {
        Check(*additional, schema_path + "/additionalProperties", member, member_pointer, walk);
      }
    }
    if (const auto* n = schema.if_contains("minProperties");
        n && n->is_number() && object.size() < Number(*n)) {
      walk.Add(pointer, schema_path + "/minProperties", "minProperties",
               std::to_string(object.size()) + " properties, fewer than " + Short(*n));
    }
    if (const auto* n = schema.if_contains("maxProperties");
        n && n->is_number() && object.size() > Number(*n)) {
      walk.Add(pointer, schema_path + "/maxProperties", "maxProperties",
               std::to_string(object.size()) + " properties, more than " + Short(*n));
    }
  }

  if (value.is_array()) {
    const auto& array = value.get_array();
    if (const auto* items = schema.if_contains("items"); items && !items->is_array()) {
      for (std::size_t i = 0; i < array.size(); ++i) {
        Check(*items, schema_path + "/items", array[i], pointer + "/" + std::to_string(i), walk);
      }
    }
    if (const auto* n = schema.if_contains("minItems");
        n && n->is_number() && array.size() < Number(*n)) {
      walk.Add(pointer, schema_path + "/minItems", "minItems",
               std::to_string(array.size()) + " items, fewer than " + Short(*n));
    }
    if (const auto* n = schema.if_contains("maxItems");
        n && n->is_number() && array.size() > Number(*n)) {
      walk.Add(pointer, schema_path + "/maxItems", "maxItems",
               std::to_string(array.size()) + " items, more than " + Short(*n));
    }
    if (const auto* u = schema.if_contains("uniqueItems"); u && u->is_bool() && u->get_bool()) {
      for (std::size_t i = 0; i < array.size(); ++i) {
        for (std::size_t j = i + 1; j < array.size(); ++j) {
          if (JsonEqual(array[i], array[j])) {
            walk.Add(pointer + "/" + std::to_string(j), schema_path + "/uniqueItems", "uniqueItems",
                     "repeats item " + std::to_string(i));
          }
        }
      }
    }
  }

  if (value.is_string()) {
    std::string text(value.get_string());
    std::size_t length = CodePoints(text);
    if (const auto* n = schema.if_contains("minLength");
        n && n->is_number() && length < Number(*n)) {
      walk.Add(pointer, schema_path + "/minLength", "minLength",
               std::to_string(length) + " characters, fewer than " + Short(*n));
    }
    if (const auto* n = schema.if_contains("maxLength");
        n && n->is_number() && length > Number(*n)) {
      walk.Add(pointer, schema_path + "/maxLength", "maxLength",
               std::to_string(length) + " characters, more than " + Short(*n));
    }
    if (const auto* p = schema.if_contains("pattern"); p && p->is_string()) {
      std::string pattern(p->get_string());
      if (!Matches(pattern, text)) {
        walk.Add(pointer, schema_path + "/pattern", "pattern",
                 Short(value) + " does not match " + pattern);
      }
    }
    if (const auto* f = schema.if_contains("format"); f && f->is_string()) {
      std::string_view format = f->get_string();
      bool ok = true;
      if (format == "date-time")
        ok = IsDateTime(text);
      else if (format == "date")
        ok = IsDate(text);
      else if (format == "uuid")
        ok = IsUuid(text);
      else if (format == "email")
        ok = IsEmail(text);
      if (!ok) {
        walk.Add(pointer, schema_path + "/format", "format",
                 Short(value) + " is not a valid " + std::string(format));
      }
    }
  }

  if (value.is_number()) {
    double x = Number(value);
    auto bound = [&](const char* keyword, auto out_of_range, const char* words) {
      const auto* b = schema.if_contains(keyword);
      if (!b || !b->is_number()) return;
      if (out_of_range(x, Number(*b))) {
        walk.Add(pointer, schema_path + "/" + keyword, keyword,
                 Short(value) + " is " + words + " " + Short(*b));
      }
    };
    bound(
        "minimum", [](double v, double b) { return v < b; }, "below");
    bound(
        "maximum", [](double v, double b) { return v > b; }, "above");
    bound(
        "exclusiveMinimum", [](double v, double b) { return v <= b; }, "not above");
    bound(
        "exclusiveMaximum", [](double v, double b) { return v >= b; }, "not below");
    // OpenAPI 3.0's boolean forms make minimum / maximum exclusive.
    auto flag = [&](const char* keyword) {
      const auto* b = schema.if_contains(keyword);
      return b && b->is_bool() && b->get_bool();
    };
    if (flag("exclusiveMinimum"))
      bound(
          "minimum", [](double v, double b) { return v <= b; }, "not above");
    if (flag("exclusiveMaximum"))
      bound(
          "maximum", [](double v, double b) { return v >= b; }, "not below");
    if (const auto* m = schema.if_contains("multipleOf"); m && m->is_number() && Number(*m) > 0) {
      double quotient = x / Number(*m);
      if (std::abs(quotient - std::round(quotient)) > 1e-9) {
        walk.Add(pointer, schema_path + "/multipleOf", "multipleOf",
                 Short(value) + " is not a multiple of " + Short(*m));
      }
    }
  }
}

}  // namespace vigor::testing
