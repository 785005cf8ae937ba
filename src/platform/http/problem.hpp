#pragma once

#include <string_view>

#include "platform/error.hpp"
#include "platform/http/message.hpp"

namespace vigor::platform::http {

int HttpStatus(ErrorKind kind);

// Renders an error as an RFC 9457 problem document. For kInternal the detail is replaced by a
// generic sentence: internals never reach the client.
Response ProblemResponse(const Error& error, std::string_view request_id);

}  // namespace vigor::platform::http
