#include "core/csv.hpp"

#include <charconv>
#include <cmath>

namespace vigor::core {

namespace {

void SkipBom(std::string_view& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
}

}  // namespace

CsvReader::CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {
  SkipBom(text_);
}

bool CsvReader::Next(CsvRecord& record) {
  const std::string_view text = text_;
  const std::size_t n = text.size();
  std::size_t& i = pos_;
  std::size_t fields = 0;
  // Field strings are reused from record to record: their buffers stay allocated.
  auto start_field = [&]() -> std::string& {
    if (fields == record.fields.size()) record.fields.emplace_back();
    std::string& f = record.fields[fields];
    f.clear();
    return f;
  };
  // Consumes a line break at i (CRLF, LF or CR); true when there was one.
  auto line_break = [&]() -> bool {
    if (text[i] == '\r') {
      i += (i + 1 < n && text[i + 1] == '\n') ? 2 : 1;
    } else if (text[i] == '\n') {
      ++i;
    } else {
      return false;
    }
    ++line_;
    return true;
  };

  while (i < n) {
    record.line = line_;
    fields = 0;
    std::string* current = &start_field();
    // One record: fields up to a line break or the end of the text.
    while (true) {
      if (i < n && text[i] == '"') {
        // A quoted field, up to the closing quote.
        std::size_t quoted_line = line_;
        ++i;
        while (true) {
          if (i >= n) {
            throw CsvError("line " + std::to_string(quoted_line) + ": a quoted field never ends");
          }
          char c = text[i];
          if (c == '"') {
            if (i + 1 < n && text[i + 1] == '"') {
              current->push_back('"');
              i += 2;
              continue;
            }
            ++i;
            break;
          }
          if (c == '\n' || (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++line_;
          current->push_back(c);
          ++i;
        }
      } else {
        // An unquoted stretch, copied at once (a quote inside it is a character).
        std::size_t start = i;
        while (i < n && text[i] != delimiter_ && text[i] != '\r' && text[i] != '\n') ++i;
        current->append(text.data() + start, i - start);
      }
      if (i >= n) break;
      if (text[i] == delimiter_) {
        ++fields;
        current = &start_field();
        ++i;
        continue;
      }
      std::size_t at = line_;
      if (line_break()) break;
      // Only after a closing quote can anything else follow a field.
      throw CsvError("line " + std::to_string(at) + ": text after a closing quote");
    }
    ++fields;
    record.fields.resize(fields);
    // An empty line is no record (a lone empty field).
    if (fields == 1 && record.fields[0].empty()) continue;
    return true;
  }
  return false;
}

std::vector<CsvRecord> ReadCsv(std::string_view text, char delimiter) {
  std::vector<CsvRecord> records;
  CsvReader reader(text, delimiter);
  CsvRecord record;
  while (reader.Next(record)) records.push_back(record);
  return records;
}

char GuessCsvDelimiter(std::string_view text) {
  SkipBom(text);
  std::size_t commas = 0, semicolons = 0;
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') break;
    if (c == ',') ++commas;
    if (c == ';') ++semicolons;
  }
  return semicolons > commas ? ';' : ',';
}

std::string CsvField(std::string_view value, char delimiter) {
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (char c : value) {
    if (c == delimiter || c == '"' || c == '\n' || c == '\r') quote = true;
  }
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

namespace {

// What makes a spreadsheet read a cell as a formula (OWASP "CSV Injection").
bool IsFormulaTrigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// Apostrophes followed by a trigger: the shape the guard writes, so a text of that shape is
// guarded too (one more apostrophe), and undoing takes exactly one off.
bool StartsGuarded(std::string_view text) {
  auto quotes = text.find_first_not_of('\'');
  return quotes != 0 && quotes != std::string_view::npos && IsFormulaTrigger(text[quotes]);
}

bool NeedsGuard(std::string_view text) {
  return (!text.empty() && IsFormulaTrigger(text[0])) || StartsGuarded(text);
}

// The whole text reads as one finite decimal number (-2.5, 100, 1e3), nothing more.
bool IsNumberText(std::string_view text) {
  if (text.empty()) return false;
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && std::isfinite(value);
}

}  // namespace

CsvCell CsvCell::Number(std::string formatted) {
  CsvCell cell(std::move(formatted));
  cell.number_ = true;
  return cell;
}

std::string CsvCell::Written() const {
  if ((number_ && IsNumberText(value_)) || !NeedsGuard(value_)) return value_;
  return "'" + value_;
}

std::string_view UndoCsvFormulaGuard(std::string_view cell) {
  if (StartsGuarded(cell)) cell.remove_prefix(1);
  return cell;
}

std::string CsvLine(const std::vector<std::string>& texts, char delimiter) {
  return CsvLine(std::vector<CsvCell>(texts.begin(), texts.end()), delimiter);
}

std::string CsvLine(const std::vector<CsvCell>& cells, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out.push_back(delimiter);
    out += CsvField(cells[i].Written(), delimiter);
  }
  out += "\r\n";
  return out;
}

}  // namespace vigor::core
