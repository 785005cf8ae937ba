#include "platform/http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace vigor::platform::http {

namespace {

using Problem = MultipartProblem;

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// RFC 9110 token characters.
bool IsTokenChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("!#$%&'*+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// RFC 2046 bchars: what a boundary may be made of.
bool IsBoundaryChar(unsigned char c) {
  return std::isalnum(c) ||
         std::string_view("'()+_,-./:=? ").find(static_cast<char>(c)) != std::string_view::npos;
}

// A value with its parameters: `type; a=1; b="x;y"`. Parameter names are lowercased; quoted
// values unquoted (backslash escapes undone). nullopt when it cannot be read.
struct Parameterised {
  std::string value;
  std::vector<std::pair<std::string, std::string>> parameters;
  const std::string* Get(std::string_view name) const {
    for (const auto& [key, value] : parameters) {
      if (key == name) return &value;
    }
    return nullptr;
  }
};

std::optional<Parameterised> ParseParameterised(std::string_view text) {
  Parameterised out;
  std::size_t i = 0;
  auto skip_spaces = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  skip_spaces();
  std::size_t start = i;
  while (i < text.size() && text[i] != ';') ++i;
  out.value = Lower(TrimSpaces(text.substr(start, i - start)));
  while (i < text.size()) {
    ++i;  // the ';'
    skip_spaces();
    if (i == text.size()) break;  // a trailing ';'
    std::size_t name_start = i;
    while (i < text.size() && IsTokenChar(static_cast<unsigned char>(text[i]))) ++i;
    if (i == name_start) return std::nullopt;
    std::string name = Lower(text.substr(name_start, i - name_start));
    skip_spaces();
    if (i == text.size() || text[i] != '=') return std::nullopt;
    ++i;
    skip_spaces();
    std::string value;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        char c = text[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\') {
          if (i == text.size()) return std::nullopt;
          c = text[i++];
        }
        if (c == '\r' || c == '\n') return std::nullopt;
        value.push_back(c);
      }
      if (!closed) return std::nullopt;
    } else {
      std::size_t value_start = i;
      while (i < text.size() && IsTokenChar(static_cast<unsigned char>(text[i]))) ++i;
      value = std::string(text.substr(value_start, i - value_start));
      if (value.empty()) return std::nullopt;
    }
    skip_spaces();
    if (i < text.size() && text[i] != ';') return std::nullopt;
    out.parameters.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

struct PartHeaders {
  std::optional<std::string> disposition;
  std::optional<std::string> content_type;
};

// The header block of a part (without its final empty line), line by line.
Problem ReadHeaders(std::string_view block, PartHeaders& out) {
  while (!block.empty()) {
    std::size_t end = block.find("\r\n");
    std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view() : block.substr(end + 2);
    if (line.empty() || line.front() == ' ' || line.front() == '\t') {
      return Problem::kHeaderMalformed;  // a folded line (RFC 9112 5.2: obsolete)
    }
    if (line.find_first_of("\r\n") != std::string_view::npos) return Problem::kHeaderMalformed;
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return Problem::kHeaderMalformed;
    std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(),
                     [](char c) { return IsTokenChar(static_cast<unsigned char>(c)); })) {
      return Problem::kHeaderMalformed;
    }
    std::string lower = Lower(name);
    std::string value(TrimSpaces(line.substr(colon + 1)));
    if (lower == "content-disposition") {
      if (out.disposition) return Problem::kDispositionInvalid;
      out.disposition = std::move(value);
    } else if (lower == "content-type") {
      if (out.content_type) return Problem::kHeaderMalformed;
      out.content_type = std::move(value);
    }
    // Other headers (Content-Transfer-Encoding, which RFC 7578 deprecates) are ignored.
  }
  return Problem::kNone;
}

MultipartForm Refused(Problem problem) { return MultipartForm{problem, {}}; }

}  // namespace

std::string_view MultipartProblemCode(MultipartProblem problem) {
  switch (problem) {
    case Problem::kNone:
      return "";
    case Problem::kNotFormData:
      return "multipart_not_form_data";
    case Problem::kBoundaryMissing:
      return "multipart_boundary_missing";
    case Problem::kBoundaryInvalid:
      return "multipart_boundary_invalid";
    case Problem::kNoFirstDelimiter:
      return "multipart_no_first_delimiter";
    case Problem::kDelimiterLine:
      return "multipart_delimiter_line";
    case Problem::kHeaderTooLong:
      return "multipart_header_too_long";
    case Problem::kHeaderMalformed:
      return "multipart_header_malformed";
    case Problem::kDispositionMissing:
      return "multipart_disposition_missing";
    case Problem::kDispositionInvalid:
      return "multipart_disposition_invalid";
    case Problem::kDuplicateName:
      return "multipart_duplicate_name";
    case Problem::kTooManyParts:
      return "multipart_too_many_parts";
    case Problem::kFieldTooLarge:
      return "multipart_field_too_large";
    case Problem::kFileTooLarge:
      return "multipart_file_too_large";
    case Problem::kUnterminated:
      return "multipart_unterminated";
    case Problem::kTrailingData:
      return "multipart_trailing_data";
  }
  return "multipart_header_malformed";
}

const MultipartPart* MultipartForm::Find(std::string_view name) const {
  for (const auto& part : parts) {
    if (part.name == name) return &part;
  }
  return nullptr;
}

bool IsMultipartFormData(std::string_view content_type) {
  auto parsed = ParseParameterised(content_type);
  if (parsed) return parsed->value == "multipart/form-data";
  return Lower(TrimSpaces(content_type.substr(0, content_type.find(';')))) == "multipart/form-data";
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  auto parsed = ParseParameterised(content_type);
  if (!parsed) return std::nullopt;
  const std::string* boundary = parsed->Get("boundary");
  if (!boundary) return std::nullopt;
  return *boundary;
}

std::optional<std::string> DispositionFilename(std::string_view content_disposition) {
  auto parsed = ParseParameterised(content_disposition);
  if (!parsed) return std::nullopt;
  const std::string* filename = parsed->Get("filename");
  if (!filename) return std::nullopt;
  return *filename;
}

MultipartForm ParseMultipartFormData(std::string_view content_type, std::string_view body,
                                     const MultipartLimits& limits) {
  if (!IsMultipartFormData(content_type)) return Refused(Problem::kNotFormData);
  auto parsed_type = ParseParameterised(content_type);
  if (!parsed_type) return Refused(Problem::kBoundaryInvalid);
  const std::string* boundary = parsed_type->Get("boundary");
  if (!boundary) return Refused(Problem::kBoundaryMissing);
  if (boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(),
                   [](char c) { return IsBoundaryChar(static_cast<unsigned char>(c)); })) {
    return Refused(Problem::kBoundaryInvalid);
  }
  const std::string delimiter = "--" + *boundary;
  const std::string inner_delimiter = "\r\n" + delimiter;
  if (!body.starts_with(delimiter)) return Refused(Problem::kNoFirstDelimiter);

  MultipartForm form;
  std::size_t pos = delimiter.size();
  while (true) {
    // Just after a delimiter: "--" closes the body, else (padding and) CRLF opens a part.
    if (body.substr(pos).starts_with("--")) {
      std::string_view epilogue = body.substr(pos + 2);
      if (epilogue.find_first_not_of(" \t\r\n") != std::string_view::npos) {
        return Refused(Problem::kTrailingData);
      }
      return form;
    }
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;
    if (pos == body.size()) return Refused(Problem::kUnterminated);
    if (!body.substr(pos).starts_with("\r\n")) return Refused(Problem::kDelimiterLine);
    pos += 2;
    if (form.parts.size() == limits.max_parts) return Refused(Problem::kTooManyParts);

    // The part's headers, up to the empty line.
    std::size_t content_start = 0;
    PartHeaders headers;
    if (body.substr(pos).starts_with("\r\n")) {
      content_start = pos + 2;  // no headers at all
    } else {
      std::size_t window = std::min(body.size() - pos, limits.max_header_bytes + 4);
      std::size_t end = body.substr(pos, window).find("\r\n\r\n");
      if (end == std::string_view::npos) {
        return Refused(body.size() - pos > limits.max_header_bytes ? Problem::kHeaderTooLong
                                                                   : Problem::kUnterminated);
      }
      if (end > limits.max_header_bytes) return Refused(Problem::kHeaderTooLong);
      if (auto problem = ReadHeaders(body.substr(pos, end), headers); problem != Problem::kNone) {
        return Refused(problem);
      }
      content_start = pos + end + 4;
    }
    if (!headers.disposition) return Refused(Problem::kDispositionMissing);
    auto disposition = ParseParameterised(*headers.disposition);
    if (!disposition || disposition->value != "form-data") {
      return Refused(Problem::kDispositionInvalid);
    }
    const std::string* name = disposition->Get("name");
    if (!name || name->empty()) return Refused(Problem::kDispositionInvalid);
    if (form.Find(*name)) return Refused(Problem::kDuplicateName);

    // The content, up to CRLF and the next delimiter.
    std::size_t content_end = body.find(inner_delimiter, content_start);
    if (content_end == std::string_view::npos) return Refused(Problem::kUnterminated);
    MultipartPart part;
    part.name = *name;
    if (const auto* filename = disposition->Get("filename")) part.filename = *filename;
    part.content_type = std::move(headers.content_type);
    part.body = body.substr(content_start, content_end - content_start);
    if (part.filename ? part.body.size() > limits.max_file_bytes
                      : part.body.size() > limits.max_field_bytes) {
      return Refused(part.filename ? Problem::kFileTooLarge : Problem::kFieldTooLarge);
    }
    form.parts.push_back(std::move(part));
    pos = content_end + inner_delimiter.size();
  }
}

}  // namespace vigor::platform::http
