// The CSV reader (core::ReadCsv, core::GuessCsvDelimiter) on any bytes: it reads records or
// throws CsvError. What it reads, written back with core::CsvLine, read again and with the formula
// guard undone (as the importer does with Vigor's own export), gives the same fields: the round
// trip of the CSV exports, including cells a spreadsheet would take for a formula (issue 9: CSV
// formula injection), which the writer guards with an apostrophe. A byte order mark at the very
// start is skipped by a reader, so such inputs are left out.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  char delimiter = vigor::core::GuessCsvDelimiter(text);
  std::vector<vigor::core::CsvRecord> records;
  try {
    records = vigor::core::ReadCsv(text, delimiter);
  } catch (const vigor::core::CsvError&) {
    return 0;
  }

  std::size_t last_line = 0;
  for (const auto& record : records) {
    if (record.fields.empty() || record.line <= last_line) {
      std::fprintf(stderr, "record at line %zu: no fields or lines out of order\n", record.line);
      std::abort();
    }
    last_line = record.line;
  }
  if (!records.empty() && records[0].fields[0].starts_with("\xEF\xBB\xBF")) return 0;

  std::string written;
  for (const auto& record : records) written += vigor::core::CsvLine(record.fields, delimiter);
  auto again = vigor::core::ReadCsv(written, delimiter);
  bool same = again.size() == records.size();
  for (std::size_t i = 0; same && i < records.size(); ++i) {
    same = again[i].fields.size() == records[i].fields.size();
    for (std::size_t j = 0; same && j < records[i].fields.size(); ++j) {
      same = vigor::core::UndoCsvFormulaGuard(again[i].fields[j]) == records[i].fields[j];
    }
  }
  if (!same) {
    std::fprintf(stderr, "CSV round trip changed the records; written:\n%s\n", written.c_str());
    std::abort();
  }
  return 0;
}
