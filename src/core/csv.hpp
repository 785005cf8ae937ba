#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Reading and writing CSV (RFC 4180) as the exports of other apps are: pure functions.
namespace vigor::core {

struct CsvRecord {
  std::size_t line = 0;  // 1-based line of the input where the record starts
  std::vector<std::string> fields;
};

// Reads every record of `text`: fields separated by `delimiter`; a field in double quotes may
// hold delimiters, line breaks and "" (one quote). Lines end with CRLF, LF or a lone CR; a
// UTF-8 byte order mark at the start is skipped; empty lines are skipped; a quote in the middle
// of an unquoted field is kept as a character (as spreadsheets do). Throws CsvError for a quoted
// field that never closes or is followed by something other than a delimiter or line end.
std::vector<CsvRecord> ReadCsv(std::string_view text, char delimiter = ',');

// The records of ReadCsv one at a time, into a record whose buffers are reused: a large file is
// read without holding every field of it at once.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text, char delimiter = ',');
  // Reads the next record into `record`; false at the end of the text.
  bool Next(CsvRecord& record);

 private:
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
};

// The delimiter of a file whose first line is a header: ';' when the header has more semicolons
// than commas outside quotes, ',' otherwise (apps in some locales write ';').
char GuessCsvDelimiter(std::string_view text);

class CsvError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// One field as RFC 4180 writes it: quoted when it holds a delimiter, a quote, a line break or
// leading/trailing spaces; quotes doubled.
std::string CsvField(std::string_view value, char delimiter = ',');
// A record: the fields joined by `delimiter`, ending with CRLF.
std::string CsvLine(const std::vector<std::string>& fields, char delimiter = ',');

}  // namespace vigor::core
