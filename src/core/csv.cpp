#include "core/csv.hpp"

namespace vigor::core {

namespace {

void SkipBom(std::string_view& text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
}

}  // namespace

std::vector<CsvRecord> ReadCsv(std::string_view text, char delimiter) {
  SkipBom(text);
  std::vector<CsvRecord> records;
  CsvRecord record;
  std::string field;
  std::size_t line = 1;
  std::size_t i = 0;
  const std::size_t n = text.size();
  bool record_open = false;  // a field has started on this record

  auto end_field = [&] {
    record.fields.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    // An empty line is no record (a lone empty field).
    if (!(record.fields.size() == 1 && record.fields[0].empty()))
      records.push_back(std::move(record));
    record = CsvRecord{};
    record_open = false;
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
    ++line;
    return true;
  };

  while (i < n) {
    if (!record_open) {
      record.line = line;
      record_open = true;
    }
    if (text[i] == '"' && field.empty()) {
      // A quoted field, up to the closing quote.
      std::size_t quoted_line = line;
      ++i;
      while (true) {
        if (i >= n) {
          throw CsvError("line " + std::to_string(quoted_line) + ": a quoted field never ends");
        }
        char c = text[i];
        if (c == '"') {
          if (i + 1 < n && text[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (c == '\n' || (c == '\r' && !(i + 1 < n && text[i + 1] == '\n'))) ++line;
        field.push_back(c);
        ++i;
      }
      if (i >= n) break;
      if (text[i] == delimiter) {
        end_field();
        ++i;
        continue;
      }
      std::size_t at = line;
      if (line_break()) {
        end_record();
        continue;
      }
      throw CsvError("line " + std::to_string(at) + ": text after a closing quote");
    }
    char c = text[i];
    if (c == delimiter) {
      end_field();
      ++i;
    } else if (c == '\r' || c == '\n') {
      line_break();
      end_record();
    } else {
      field.push_back(c);
      ++i;
    }
  }
  if (record_open) end_record();
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

std::string CsvLine(const std::vector<std::string>& fields, char delimiter) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out.push_back(delimiter);
    out += CsvField(fields[i], delimiter);
  }
  out += "\r\n";
  return out;
}

}  // namespace vigor::core
