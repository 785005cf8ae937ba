#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
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
// leading/trailing spaces; quotes doubled. No formula guard: CsvLine is what writers use.
std::string CsvField(std::string_view value, char delimiter = ',');

// A cell of a CSV that Vigor writes. Text is neutralised against formula injection (OWASP "CSV
// Injection"): a cell that starts with =, +, -, @, a tab or a carriage return, which a
// spreadsheet would run as a formula, is written behind an apostrophe ('=1+2), which spreadsheets
// show as text. So is a cell that starts with apostrophes and then one of those ('=1 becomes
// ''=1), so that UndoCsvFormulaGuard gives every text back unchanged. A number the server formatted
// itself (CsvCell::Number) is written as it is, so -2.5 stays a number; a "number" that does not
// read as one whole is treated as text.
class CsvCell {
 public:
  // Text, the default: a plain string is a text cell.
  CsvCell(std::string text) : value_(std::move(text)) {}  // NOLINT(google-explicit-constructor)
  static CsvCell Number(std::string formatted);

  // The cell's text as it goes into the file, before RFC 4180 quoting.
  std::string Written() const;

 private:
  std::string value_;
  bool number_ = false;
};

// The text of a cell that Vigor's own export wrote: the apostrophe the formula guard added is
// taken off ("'=1+2" -> "=1+2", "''=1" -> "'=1"); any other text is returned as it is. A file
// from another app with a text typed as '=1 reads as =1: the price of a lossless round trip.
std::string_view UndoCsvFormulaGuard(std::string_view cell);

// A record: the cells joined by `delimiter`, each guarded and quoted, ending with CRLF. Every
// CSV the server writes is written with it.
std::string CsvLine(const std::vector<CsvCell>& cells, char delimiter = ',');
// A record of text cells only.
std::string CsvLine(const std::vector<std::string>& texts, char delimiter = ',');

}  // namespace vigor::core
