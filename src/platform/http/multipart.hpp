#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigor::platform::http {

// A strict reader of multipart/form-data bodies (RFC 7578 on RFC 2046), for the few routes that
// take a file the way HTML forms and HTTP shortcut apps send one. Strict on purpose: a body that
// is not exactly well formed is refused with the reason, never guessed at.
//   - The boundary comes from the Content-Type (1 to 70 characters of RFC 2046's bchars, quoted
//     or not, not ending in a space).
//   - The body starts with the first delimiter (no preamble); every line break of the framing is
//     CRLF (a bare LF is refused); a delimiter line may carry trailing spaces or tabs (RFC 2046
//     transport padding); after the close delimiter only CR, LF, space or tab may follow.
//   - Each part has a header block of at most `max_header_bytes`, with a Content-Disposition of
//     type form-data and a name; folded (obsolete multi-line) headers are refused; a name twice
//     is refused; at most `max_parts` parts; a part without a filename (a text field) is at most
//     `max_field_bytes`, a part with one (a file) at most `max_file_bytes`.
// Parts' bodies are views into the body given: it must outlive the result.
struct MultipartLimits {
  std::size_t max_parts = 16;
  std::size_t max_header_bytes = 8 * 1024;
  std::size_t max_field_bytes = 4 * 1024;
  std::size_t max_file_bytes = 64 * 1024 * 1024;
};

struct MultipartPart {
  std::string name;
  std::optional<std::string> filename;      // present for a file part (may be empty)
  std::optional<std::string> content_type;  // the part's Content-Type, as sent
  std::string_view body;
};

// Why a body was refused. Each has a stable code (MultipartProblemCode) for problem+json.
enum class MultipartProblem {
  kNone,
  kNotFormData,         // the Content-Type is not multipart/form-data
  kBoundaryMissing,     // no boundary parameter
  kBoundaryInvalid,     // empty, over 70 characters, or characters outside bchars
  kNoFirstDelimiter,    // the body does not start with --boundary
  kDelimiterLine,       // a delimiter not followed by CRLF (or "--" for the last)
  kHeaderTooLong,       // a part's headers over max_header_bytes, or never ending
  kHeaderMalformed,     // a header line without a colon, a folded line, a bare LF
  kDispositionMissing,  // a part without Content-Disposition
  kDispositionInvalid,  // not form-data, or no name, or a parameter that cannot be read
  kDuplicateName,       // two parts of the same name
  kTooManyParts,        // more than max_parts
  kFieldTooLarge,       // a text field over max_field_bytes
  kFileTooLarge,        // a file part over max_file_bytes
  kUnterminated,        // the body ends before the close delimiter
  kTrailingData,        // something other than line breaks or spaces after the close delimiter
};

// "multipart_boundary_missing" and so on: the message code of a problem (the i18n catalogue has
// them all).
std::string_view MultipartProblemCode(MultipartProblem problem);

struct MultipartForm {
  MultipartProblem problem = MultipartProblem::kNone;
  std::vector<MultipartPart> parts;  // in the body's order; empty when there is a problem

  bool ok() const { return problem == MultipartProblem::kNone; }
  // The part of that name, or null.
  const MultipartPart* Find(std::string_view name) const;
};

// Whether `content_type` says multipart/form-data (any parameters), case-insensitively.
bool IsMultipartFormData(std::string_view content_type);

// The boundary parameter of a multipart Content-Type (unquoted), or nullopt when there is none.
// Does not check it (ParseMultipartFormData does).
std::optional<std::string> MultipartBoundary(std::string_view content_type);

// The filename parameter of a Content-Disposition header ("attachment; filename=\"a.fit\""),
// unquoted; nullopt when there is none or the header cannot be read.
std::optional<std::string> DispositionFilename(std::string_view content_disposition);

MultipartForm ParseMultipartFormData(std::string_view content_type, std::string_view body,
                                     const MultipartLimits& limits = {});

}  // namespace vigor::platform::http
