#pragma once

#include <string_view>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace vigor::platform::http {

int HttpStatus(ErrorKind kind);

// Renders an error as an RFC 9457 problem document in the reader's language: `detail` and each
// field error's `message` are the catalogued texts, `code` (on both) the message's stable code.
// For kInternal the detail is replaced by a generic sentence: internals never reach the client.
Response ProblemResponse(const Error& error, std::string_view request_id,
                         i18n::Language language = i18n::Language::kEnglish);

}  // namespace vigor::platform::http
