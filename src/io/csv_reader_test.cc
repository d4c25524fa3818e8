#include "io/csv_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::ReadString;

std::vector<Document> ReadCsv(std::string_view content, ReaderOptions options = {}) {
  return ReadString(content, InputFormat::kCsv, options);
}

TEST(CsvReader, ReadsTheNamedColumnsInAnyOrder) {
  const auto docs = ReadCsv("source,text,extra,date,id,title,url\nS,Body,zzz,2023-12-21,a1,T,U\n");
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_FALSE(doc.is_error()) << doc.error;
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(doc.text, "Body");
  EXPECT_EQ(doc.date, (CivilDate{2023, 12, 21}));
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.source, "S");
  EXPECT_EQ(doc.url, "U");
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndNewlines) {
  const auto docs = ReadCsv("id,text\n1,\"a, b \"\"quoted\"\"\nsecond line\"\n2,\"\"\n3,\"\"\"\"\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "a, b \"quoted\"\nsecond line");
  EXPECT_EQ(docs[1].text, "");
  EXPECT_FALSE(docs[1].is_error());
  EXPECT_EQ(docs[2].text, "\"");
}

TEST(CsvReader, CrlfRowsAndAFinalRowWithoutNewline) {
  const auto docs = ReadCsv("id,text\r\n1,a\r\n2,\"b\"\r\n3,c\r");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].text, "a");
  EXPECT_EQ(docs[1].text, "b");
  EXPECT_EQ(docs[2].text, "c");
}

TEST(CsvReader, HeaderNamesIgnoreCaseSpacesQuotesAndBom) {
  const auto docs = ReadCsv("\xEF\xBB\xBF\"ID\", Text ,DATE\nk,body,2023-12-21\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "k");
  EXPECT_EQ(docs[0].text, "body");
  EXPECT_TRUE(docs[0].date.has_value());
}

TEST(CsvReader, RecordsWithoutIdAreNumberedAfterTheHeader) {
  const auto docs = ReadCsv("text\na\nb\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_EQ(docs[1].id, "doc-2");
}

TEST(CsvReader, EmptyFieldsAreAbsentValues) {
  const auto docs = ReadCsv("id,date,text,title\n,,body,\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_FALSE(docs[0].date.has_value());
  EXPECT_FALSE(docs[0].title.has_value());
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "no date; relative times are left unresolved");
}

TEST(CsvReader, BlankLinesAreSkippedAndNotCounted) {
  const auto docs = ReadCsv("\n\ntext\n\na\n  \r\nb\n\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "a");
  EXPECT_EQ(docs[1].id, "doc-2");
}

TEST(CsvReader, WrongFieldCountIsAnErrorAndReadingGoesOn) {
  const auto docs =
      ReadCsv("id,date,text\nr1,2023-12-21,a\nr2,2023-12-21\nr3,2023-12-21,c,extra\nr4,2023-12-21,d\n");
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_EQ(docs[1].error, "line 3: 2 fields, but the header has 3");
  EXPECT_EQ(docs[1].id, "r2");
  EXPECT_EQ(docs[2].error, "line 4: 4 fields, but the header has 3");
  EXPECT_EQ(docs[3].text, "d");
  EXPECT_FALSE(docs[3].is_error());
}

TEST(CsvReader, LineNumbersCountNewlinesInsideQuotes) {
  const auto docs = ReadCsv("id,text\n1,\"two\nlines\"\n\n2\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].error, "line 5: 1 fields, but the header has 2");
}

TEST(CsvReader, UnclosedQuoteIsAnErrorAndReadingResumesOnTheNextLine) {
  const auto docs = ReadCsv("id,text\n1,\"never closed\n2,fine\n3,also fine\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_TRUE(docs[0].is_error());
  EXPECT_EQ(docs[0].error, "line 2: a quoted field is never closed (its quote runs to the end of the input)");
  EXPECT_EQ(docs[0].id, "1");
  EXPECT_EQ(docs[1].text, "fine");
  EXPECT_EQ(docs[2].text, "also fine");
  EXPECT_EQ(docs[2].input_number, 3u);
}

TEST(CsvReader, ASecondUnclosedQuoteEndsTheInput) {
  // Resuming on line 3, the row `y","never…` opens the same unclosed quote again.
  const auto docs = ReadCsv("id,text\n1,\"x\ny\",\"never\nmore\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[0].is_error());
  EXPECT_TRUE(docs[1].is_error());
  EXPECT_EQ(docs[1].error.substr(0, 7), "line 3:");
  EXPECT_NE(docs.back().error.find("reading of this input stops here"), std::string::npos)
      << docs.back().error;
}

TEST(CsvReader, TextAfterAClosingQuoteIsAnError) {
  const auto docs = ReadCsv("id,text\n1,\"a\"b\n2,c\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].error, "line 2: unexpected character 'b' after the closing quote of field 2");
  EXPECT_EQ(docs[1].text, "c");
}

TEST(CsvReader, AQuoteInsideAnUnquotedFieldIsKept) {
  const auto docs = ReadCsv("id,text\n1,5\" guns\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "5\" guns");
}

TEST(CsvReader, HeaderWithoutTextIsOneErrorRecordAndNothingMore) {
  const auto docs = ReadCsv("id,date,body\n1,2023-12-21,a\n2,2023-12-21,b\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "line 1: the CSV header has no \"text\" column (columns: id, date, body)");
  EXPECT_EQ(docs[0].id, "doc-1");
}

TEST(CsvReader, EmptyInputOrHeaderOnlyHasNoRecords) {
  EXPECT_TRUE(ReadCsv("").empty());
  EXPECT_TRUE(ReadCsv("\n\r\n").empty());
  EXPECT_TRUE(ReadCsv("id,text\n").empty());
  EXPECT_TRUE(ReadCsv("id,text").empty());
}

TEST(CsvReader, InvalidUtf8InAFieldIsReplacedWithAWarning) {
  const auto docs = ReadCsv("id,text\n1,caf\xE9\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "caf\uFFFD");
  EXPECT_EQ(docs[0].warnings.front(), "text: 1 invalid UTF-8 sequences replaced with U+FFFD");
}

TEST(CsvReader, TextOverTheBudgetIsAnErrorRecordWithItsLine) {
  ReaderOptions options;
  options.max_article_bytes = 3;
  const auto docs = ReadCsv("id,text\nk,abcd\n", options);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "line 2: text is 4 bytes; the limit is 3 (--max-article-bytes)");
  EXPECT_EQ(docs[0].id, "k");
}

}  // namespace
}  // namespace annalist
