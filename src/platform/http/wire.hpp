#pragma once

#include <string>
#include <string_view>

#include "platform/http/message.hpp"

// A response's status line and header fields as the bytes sent on the wire (HTTP/1.1), written
// by Vigor rather than by Beast's serializer (issue 16): Beast walks every field as a sequence of
// small buffers on each write, which a profile of /healthz put at a tenth of the server's CPU.
// Here the head is one string, built with one allocation, and sent with the body in one write.
namespace vigor::platform::http {

// The reason phrase of a status code (RFC 9110, section 15); empty for a code it does not name,
// which HTTP allows ("HTTP/1.1 599 \r\n").
std::string_view ReasonPhrase(int status);

// Appends the head of `response` to `out`: the status line, every field of response.headers in
// order (several fields of one name stay several), then the framing the server owns:
// Content-Length (the body's size, also for a HEAD answer whose body is not sent; none for 1xx,
// 204 and 304, which have no body) and `Connection: close` when the connection will not be kept.
// Fields a handler set for framing (Content-Length, Transfer-Encoding, Connection) are not
// copied, and a field whose name or value holds CR, LF or NUL is dropped: nothing a handler puts
// in a header can split the response.
void AppendResponseHead(std::string& out, const Response& response, bool keep_alive);

// Whether a response of this status carries a body at all (not 1xx, 204 or 304).
bool StatusHasBody(int status);

}  // namespace vigor::platform::http
