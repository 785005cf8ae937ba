#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace vigor::core {
namespace {

std::vector<std::vector<std::string>> Fields(const std::vector<CsvRecord>& records) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : records) out.push_back(r.fields);
  return out;
}

TEST(CsvTest, ReadsPlainRecords) {
  auto r = ReadCsv("a,b,c\n1,2,3\n");
  EXPECT_EQ(Fields(r), (std::vector<std::vector<std::string>>{{"a", "b", "c"}, {"1", "2", "3"}}));
  EXPECT_EQ(r[1].line, 2u);
}

TEST(CsvTest, QuotedFieldsHoldDelimitersQuotesAndLineBreaks) {
  auto r = ReadCsv("name,notes\r\n\"Squat, heavy\",\"said \"\"go\"\"\r\nnext line\"\r\nx,\"\"\r\n");
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[1].fields[0], "Squat, heavy");
  EXPECT_EQ(r[1].fields[1], "said \"go\"\r\nnext line");
  EXPECT_EQ(r[2].fields, (std::vector<std::string>{"x", ""}));
  EXPECT_EQ(r[2].line, 4u);  // the quoted line break counts
}

TEST(CsvTest, SkipsTheByteOrderMarkAndEmptyLinesAndReadsALastLineWithoutBreak) {
  auto r = ReadCsv(
      "\xEF\xBB\xBF"
      "a,b\n\n1,2");
  EXPECT_EQ(Fields(r), (std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvTest, AcceptsLoneCarriageReturnsAndEmptyTrailingFields) {
  auto r = ReadCsv("a,b,\r1,,\r");
  EXPECT_EQ(Fields(r), (std::vector<std::vector<std::string>>{{"a", "b", ""}, {"1", "", ""}}));
}

TEST(CsvTest, KeepsAQuoteInsideAnUnquotedField) {
  auto r = ReadCsv("5'10\",x\n");
  EXPECT_EQ(r[0].fields[0], "5'10\"");
}

TEST(CsvTest, RefusesAnUnterminatedQuoteAndTextAfterAClosingQuote) {
  EXPECT_THROW(ReadCsv("a,\"never ends\n1,2\n"), CsvError);
  EXPECT_THROW(ReadCsv("\"closed\"x,1\n"), CsvError);
}

TEST(CsvTest, SemicolonFilesAreRecognised) {
  EXPECT_EQ(GuessCsvDelimiter("Date;Workout Name;\"a,b\"\n1,2,3,4"), ';');
  EXPECT_EQ(GuessCsvDelimiter("\xEF\xBB\xBF"
                              "a,b;c,d\n"),
            ',');
  auto r = ReadCsv("a;\"b;c\"\n", ';');
  EXPECT_EQ(r[0].fields, (std::vector<std::string>{"a", "b;c"}));
}

TEST(CsvTest, WritingAndReadingRoundTrips) {
  std::vector<std::string> fields{"plain",      "with,comma", "with \"quote\"",
                                  "two\nlines", " pad ",      ""};
  EXPECT_EQ(CsvField("with,comma"), "\"with,comma\"");
  EXPECT_EQ(CsvField("plain"), "plain");
  auto r = ReadCsv(CsvLine(fields) + CsvLine({"x"}));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].fields, fields);
}

TEST(CsvTest, TextCellsThatAFormulaWouldStartAreGuardedNumbersAreNot) {
  // OWASP's triggers: = + - @ tab carriage return. Each guarded cell reads back with one leading
  // apostrophe; a cell with a CR in it is quoted too (RFC 4180).
  std::vector<std::string> texts{"=1+2", "+1",   "-x",  "@SUM(A1)", "\t=1", "\r=1",
                                 "'=1",  "''-2", "a=b", "'plain",   "",     "1-2"};
  auto line = CsvLine(texts);
  EXPECT_EQ(line, "'=1+2,'+1,'-x,'@SUM(A1),'\t=1,\"'\r=1\",''=1,'''-2,a=b,'plain,,1-2\r\n");
  auto read = ReadCsv(line);
  ASSERT_EQ(read.size(), 1u);
  ASSERT_EQ(read[0].fields.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(UndoCsvFormulaGuard(read[0].fields[i]), texts[i]) << i;
  }
  // Numbers the server formats stay numbers; a "number" that is not one whole is text.
  EXPECT_EQ(CsvLine(std::vector<CsvCell>{CsvCell::Number("-2.5"), CsvCell::Number("100"),
                                         CsvCell::Number("-1e3"), CsvCell::Number("-2+3"),
                                         CsvCell::Number("-"), CsvCell::Number("")}),
            "-2.5,100,-1e3,'-2+3,'-,\r\n");
  // Undoing leaves any other text as it is.
  EXPECT_EQ(UndoCsvFormulaGuard("'plain"), "'plain");
  EXPECT_EQ(UndoCsvFormulaGuard("'"), "'");
  EXPECT_EQ(UndoCsvFormulaGuard("-2.5"), "-2.5");
}

TEST(CsvTest, TheReaderReusesItsRecordWithoutLeftovers) {
  // A long field, then fewer fields, then an empty line and a quoted field: each record holds its
  // own fields only, whatever the record before it left in the reused buffers.
  CsvReader reader("a long first field of more than sixteen bytes,b,c\nx\n\n\"q,1\",,\nlast");
  CsvRecord record;
  std::vector<std::pair<std::size_t, std::vector<std::string>>> seen;
  while (reader.Next(record)) seen.emplace_back(record.line, record.fields);
  using Seen = std::vector<std::pair<std::size_t, std::vector<std::string>>>;
  EXPECT_EQ(seen, (Seen{{1, {"a long first field of more than sixteen bytes", "b", "c"}},
                        {2, {"x"}},
                        {4, {"q,1", "", ""}},
                        {5, {"last"}}}));
  EXPECT_FALSE(reader.Next(record));
}

}  // namespace
}  // namespace vigor::core
