#pragma once

#include <string>
#include <string_view>

namespace vigor::core {

// `text` with &, <, >, " and ' escaped, for HTML text and double-quoted attribute values (the
// markdown-lite renderer, the server's few HTML pages).
std::string EscapeHtml(std::string_view text);

}  // namespace vigor::core
