#include "platform/http/message.hpp"

#include <algorithm>
#include <array>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_encoded_view.hpp>
#include <boost/url/parse_query.hpp>

namespace vigor::platform::http {

namespace {
constexpr std::array<std::pair<Method, std::string_view>, 7> kMethodNames{{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
}  // namespace

std::string_view MethodName(Method method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  for (const auto& [m, n] : kMethodNames) {
    if (n == name) return m;
  }
  return Method::kOther;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

void Headers::Set(std::string_view name, std::string value) {
  Remove(name);
  fields_.push_back({std::string(name), std::move(value)});
}

void Headers::Remove(std::string_view name) {
  std::erase_if(fields_, [&](const Field& f) { return EqualsIgnoreCase(f.name, name); });
}

void Headers::SetAll(const std::vector<Field>& fields) {
  std::erase_if(fields_, [&](const Field& f) {
    return std::any_of(fields.begin(), fields.end(),
                       [&](const Field& g) { return EqualsIgnoreCase(f.name, g.name); });
  });
  fields_.reserve(fields_.size() + fields.size() + 2);
  fields_.insert(fields_.end(), fields.begin(), fields.end());
}

std::optional<std::string_view> Headers::Get(std::string_view name) const {
  for (const auto& f : fields_) {
    if (EqualsIgnoreCase(f.name, name)) return std::string_view(f.value);
  }
  return std::nullopt;
}

std::string_view Request::Path() const {
  std::string_view t = target;
  return t.substr(0, t.find('?'));
}

std::string_view Request::RawQuery() const {
  std::string_view t = target;
  auto q = t.find('?');
  return q == std::string_view::npos ? std::string_view{} : t.substr(q + 1);
}

std::optional<std::string> Request::QueryParam(std::string_view name) const {
  std::string_view raw = RawQuery();
  if (raw.empty()) return std::nullopt;
  auto parsed = boost::urls::parse_query(boost::core::string_view(raw.data(), raw.size()));
  if (!parsed) return std::nullopt;
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  for (auto param : *parsed) {
    if (param.key.decode(form) == name) {
      return param.has_value ? param.value.decode(form) : std::string();
    }
  }
  return std::nullopt;
}

Response Response::Text(int status, std::string body, std::string content_type) {
  Response r;
  r.status = status;
  r.headers.Set("Content-Type", std::move(content_type));
  r.body = std::move(body);
  return r;
}

Response Response::JsonText(int status, std::string json, std::string content_type) {
  return Text(status, std::move(json), std::move(content_type));
}

Response Response::Empty(int status) {
  Response r;
  r.status = status;
  return r;
}

}  // namespace vigor::platform::http
