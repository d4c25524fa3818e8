#include "io/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::ReadString;

std::vector<Document> ReadJsonl(std::string_view content, ReaderOptions options = {}) {
  return ReadString(content, InputFormat::kJsonLines, options);
}

TEST(JsonLinesReader, ReadsEveryField) {
  const auto docs = ReadJsonl(
      R"({"id":"g-1","date":"2023-12-21","text":"Hamas refused.","title":"T","source":"S","url":"U","x":[1,{"y":2}]})"
      "\n");
  ASSERT_EQ(docs.size(), 1u);
  const Document& doc = docs[0];
  EXPECT_FALSE(doc.is_error()) << doc.error;
  EXPECT_EQ(doc.id, "g-1");
  EXPECT_EQ(doc.date, (CivilDate{2023, 12, 21}));
  EXPECT_EQ(doc.text, "Hamas refused.");
  EXPECT_EQ(doc.title, "T");
  EXPECT_EQ(doc.source, "S");
  EXPECT_EQ(doc.url, "U");
  EXPECT_EQ(doc.input_number, 1u);
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(JsonLinesReader, NumericIdIsKeptAsWritten) {
  const auto docs = ReadJsonl("{\"id\": 12 ,\"text\":\"a\"}\n{\"id\":-1.50e3,\"text\":\"b\"}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "12");
  EXPECT_EQ(docs[1].id, "-1.50e3");
}

TEST(JsonLinesReader, MissingOrNullIdIsDocWithTheRecordNumber) {
  const auto docs =
      ReadJsonl("{\"text\":\"a\"}\n{\"id\":null,\"text\":\"b\"}\n{\"id\":\"\",\"text\":\"c\"}\n");
  ASSERT_EQ(docs.size(), 3u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_EQ(docs[1].id, "doc-2");
  EXPECT_EQ(docs[2].id, "doc-3");
}

TEST(JsonLinesReader, BlankLinesAreSkippedAndNotCounted) {
  const auto docs = ReadJsonl("\n{\"text\":\"a\"}\n   \n\t\r\n{\"text\":\"b\"}\n\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].id, "doc-1");
  EXPECT_EQ(docs[1].id, "doc-2");
  EXPECT_EQ(docs[1].input_number, 2u);
}

TEST(JsonLinesReader, ErrorMessagesCiteThePhysicalLine) {
  const auto docs = ReadJsonl("{\"text\":\"a\"}\n\n{\"id\":\"b\"}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_TRUE(docs[1].is_error());
  EXPECT_EQ(docs[1].error, "line 3: no \"text\" field");
  EXPECT_EQ(docs[1].id, "b");
  EXPECT_EQ(docs[1].input_number, 2u);
}

TEST(JsonLinesReader, LinesThatAreNotArticlesBecomeErrorRecords) {
  const struct {
    std::string_view line;
    std::string error;  // the expected message, or its start when it ends in "("
    std::string id;
  } cases[] = {
      {"{\"text\": \"a\"", "line 1: not valid JSON (", "doc-1"},
      {"{\"text\":\"a\",}", "line 1: not valid JSON (", "doc-1"},
      {"not json", "line 1: not valid JSON (", "doc-1"},
      {"{\"id\":\"k\",\"text\":\"a\"} {}", "line 1: not valid JSON (unexpected content after the object)",
       "k"},
      {"[{\"text\":\"a\"}]", "line 1: not a JSON object (the line holds an array)", "doc-1"},
      {"\"text\"", "line 1: not a JSON object (the line holds a string)", "doc-1"},
      {"42", "line 1: not a JSON object (the line holds a number)", "doc-1"},
      {"{\"id\":\"k\"}", "line 1: no \"text\" field", "k"},
      {"{\"text\":5,\"id\":\"k\"}", "line 1: \"text\" is a number, not a string", "k"},
      {"{\"text\":null}", "line 1: \"text\" is null, not a string", "doc-1"},
      {"{\"text\":[\"a\"]}", "line 1: \"text\" is an array, not a string", "doc-1"},
      {"{\"text\":\"\\ud800 lone surrogate\"}", "line 1: not valid JSON (", "doc-1"},
      {"{\"text\":\"bad escape \\q\"}", "line 1: not valid JSON (", "doc-1"},
  };
  for (const auto& c : cases) {
    const auto docs = ReadJsonl(c.line);
    ASSERT_EQ(docs.size(), 1u) << c.line;
    EXPECT_TRUE(docs[0].is_error()) << c.line;
    if (c.error.back() == '(') {
      EXPECT_EQ(docs[0].error.substr(0, c.error.size()), c.error) << c.line << " → " << docs[0].error;
      EXPECT_EQ(docs[0].error.back(), ')') << docs[0].error;
    } else {
      EXPECT_EQ(docs[0].error, c.error) << c.line;
    }
    EXPECT_EQ(docs[0].id, c.id) << c.line;
    EXPECT_TRUE(docs[0].text.empty());
  }
}

TEST(JsonLinesReader, EmptyTextIsAnArticle) {
  const auto docs = ReadJsonl("{\"text\":\"\"}");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_EQ(docs[0].text, "");
}

TEST(JsonLinesReader, EscapesAreDecoded) {
  const auto docs = ReadJsonl(R"({"date":"2023-12-21","text":"a\nb \u2013 \ud83d\ude00 \"q\" \\ \/"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "a\nb – 😀 \"q\" \\ /");
  EXPECT_TRUE(docs[0].warnings.empty());
}

TEST(JsonLinesReader, EscapedNulBecomesASpaceWithAWarning) {
  const auto docs = ReadJsonl(R"({"date":"2023-12-21","text":"a\u0000b"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "a b");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "text: 1 NUL bytes replaced with spaces");
}

TEST(JsonLinesReader, InvalidUtf8IsReplacedAndTheLineReadAgain) {
  const auto docs = ReadJsonl(
      "{\"id\":\"u\",\"date\":\"2023-12-21\",\"text\":\"caf\xE9 \xFF\xFE ok\"}\n"
      "{\"date\":\"2023-12-21\",\"text\":\"fine\"}\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_FALSE(docs[0].is_error()) << docs[0].error;
  EXPECT_EQ(docs[0].id, "u");
  EXPECT_EQ(docs[0].text, "caf\uFFFD \uFFFD\uFFFD ok");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "3 invalid UTF-8 sequences replaced with U+FFFD");
  EXPECT_EQ(docs[1].text, "fine");
  EXPECT_TRUE(docs[1].warnings.empty());
}

TEST(JsonLinesReader, CrlfLineEnds) {
  const auto docs = ReadJsonl("{\"text\":\"a\"}\r\n{\"text\":\"b\"}\r\n\r\n");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].text, "a");
  EXPECT_EQ(docs[1].text, "b");
  EXPECT_FALSE(docs[1].is_error());
}

TEST(JsonLinesReader, ByteOrderMarkIsSkipped) {
  const auto docs = ReadJsonl("\xEF\xBB\xBF{\"text\":\"a\"}\n");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error()) << docs[0].error;
}

TEST(JsonLinesReader, LastLineNeedsNoNewline) {
  const auto docs = ReadJsonl("{\"text\":\"a\"}\n{\"text\":\"b\"}");
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[1].text, "b");
}

TEST(JsonLinesReader, NullOptionalFieldsAreAbsent) {
  const auto docs = ReadJsonl(R"({"text":"a","title":null,"date":null,"url":null})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].title.has_value());
  EXPECT_FALSE(docs[0].url.has_value());
  EXPECT_FALSE(docs[0].date.has_value());
}

TEST(JsonLinesReader, NonStringOptionalFieldIsIgnoredWithAWarning) {
  const auto docs = ReadJsonl(R"({"text":"a","date":"2023-12-21","title":["x"]})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_FALSE(docs[0].title.has_value());
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0], "\"title\" is an array, not a string; ignored");
}

TEST(JsonLinesReader, NumericDateIsAnInvalidDate) {
  const auto docs = ReadJsonl(R"({"text":"a","date":20231221})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].date.has_value());
  EXPECT_EQ(docs[0].date_text, "20231221");
  ASSERT_EQ(docs[0].warnings.size(), 1u);
  EXPECT_EQ(docs[0].warnings[0],
            "date \"20231221\" is not a valid YYYY-MM-DD date; relative times are left unresolved");
}

TEST(JsonLinesReader, EscapedKeysAreMatched) {
  const auto docs = ReadJsonl(R"({"te\u0078t":"a"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "a");
}

TEST(JsonLinesReader, ALaterDuplicateKeyWins) {
  const auto docs = ReadJsonl(R"({"text":"first","text":"second"})");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "second");
}

TEST(JsonLinesReader, ErrorLinesDoNotDisturbTheNextLine) {
  const auto docs = ReadJsonl("{\"text\":\"a\n{\"text\":\"b\"}\n1\n{\"text\":\"c\"}");
  ASSERT_EQ(docs.size(), 4u);
  EXPECT_TRUE(docs[0].is_error());
  EXPECT_EQ(docs[1].text, "b");
  EXPECT_TRUE(docs[2].is_error());
  EXPECT_EQ(docs[3].text, "c");
}

}  // namespace
}  // namespace annalist
