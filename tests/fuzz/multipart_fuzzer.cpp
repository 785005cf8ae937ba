// The multipart/form-data reader (http::ParseMultipartFormData) and the identification of an
// uploaded activity file (imports::IdentifyActivityFile) on any bytes. The input's first line is
// the Content-Type, the rest the body. Checks: a body read without a problem has parts whose
// bytes lie inside the body, whose names are distinct and non-empty, within the limits; written
// back with the same boundary (as a client would) it reads again to the same parts; a problem
// has a message code and no parts. IdentifyActivityFile runs on each part and on the body.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <string_view>

#include "features/imports/activity_file.hpp"
#include "platform/http/multipart.hpp"

namespace {

namespace http = vigor::platform::http;

void Fail(const char* what) {
  std::fprintf(stderr, "%s\n", what);
  std::abort();
}

// A quoted-string parameter value as RFC 9110 writes one.
std::string Quoted(std::string_view value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::size_t newline = input.find('\n');
  std::string_view content_type = input.substr(0, newline);
  std::string_view body = newline == std::string_view::npos ? "" : input.substr(newline + 1);

  http::MultipartLimits limits{
      .max_parts = 4, .max_header_bytes = 256, .max_field_bytes = 64, .max_file_bytes = 4096};
  auto form = http::ParseMultipartFormData(content_type, body, limits);
  (void)vigor::features::imports::IdentifyActivityFile(body);
  if (!form.ok()) {
    if (!form.parts.empty()) Fail("a refused body has parts");
    if (!http::MultipartProblemCode(form.problem).starts_with("multipart_")) {
      Fail("a problem without a message code");
    }
    return 0;
  }
  if (form.parts.size() > limits.max_parts) Fail("more parts than the limit");
  std::set<std::string> names;
  for (const auto& part : form.parts) {
    (void)vigor::features::imports::IdentifyActivityFile(part.body);
    if (part.name.empty() || !names.insert(part.name).second) Fail("an empty or repeated name");
    if (part.body.data() < body.data() ||
        part.body.data() + part.body.size() > body.data() + body.size()) {
      Fail("a part's bytes lie outside the body");
    }
    if (part.body.size() > (part.filename ? limits.max_file_bytes : limits.max_field_bytes)) {
      Fail("a part over its limit");
    }
  }

  // Written back as a client would, with the same boundary: the same parts. (Header values with
  // line breaks cannot have been read, so the rewrite is well formed.)
  auto boundary = http::MultipartBoundary(content_type);
  if (!boundary) Fail("a body read without a boundary");
  std::string written;
  for (const auto& part : form.parts) {
    written += "--" + *boundary + "\r\nContent-Disposition: form-data; name=" + Quoted(part.name);
    if (part.filename) written += "; filename=" + Quoted(*part.filename);
    written += "\r\n";
    if (part.content_type) written += "Content-Type: " + *part.content_type + "\r\n";
    written += "\r\n";
    written += part.body;
    written += "\r\n";
  }
  written += "--" + *boundary + "--\r\n";
  limits.max_header_bytes = 4 * limits.max_header_bytes + 64;  // quoting may lengthen them
  auto again = http::ParseMultipartFormData(content_type, written, limits);
  if (!again.ok()) {
    std::fprintf(stderr, "problem %s on:\n%s\n",
                 std::string(http::MultipartProblemCode(again.problem)).c_str(), written.c_str());
    Fail("the rewritten body is refused");
  }
  if (again.parts.size() != form.parts.size()) Fail("the rewritten body has other parts");
  for (std::size_t i = 0; i < form.parts.size(); ++i) {
    const auto& a = form.parts[i];
    const auto& b = again.parts[i];
    if (a.name != b.name || a.filename != b.filename || a.body != b.body ||
        a.content_type != b.content_type) {
      Fail("a rewritten part differs");
    }
  }
  return 0;
}
