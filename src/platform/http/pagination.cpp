#include "platform/http/pagination.hpp"

#include <charconv>

#include "platform/error.hpp"

namespace vigor::platform::http {

PageRequest ParsePage(const Request& request, int default_limit, int max_limit) {
  PageRequest page{default_limit, request.QueryParam("cursor").value_or("")};
  FieldErrors errors;
  if (auto text = request.QueryParam("limit")) {
    int value = 0;
    auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || ptr != text->data() + text->size() || value < 1 || value > max_limit) {
      errors.Add("limit", Msg("limit_invalid", {{"max", max_limit}}));
    } else {
      page.limit = value;
    }
  }
  if (page.cursor.size() > 200) errors.Add("cursor", Msg("cursor_invalid"));
  errors.ThrowIfAny();
  return page;
}

}  // namespace vigor::platform::http
