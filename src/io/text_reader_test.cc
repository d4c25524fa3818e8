#include "io/text_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "io/reader_test_util.h"

namespace annalist {
namespace {

using testing::ReadString;

TEST(ParseDatedTextHeader, RecognisesTheDateLine) {
  const struct {
    std::string_view content;
    bool header;
    std::string_view date;
    std::string_view text;  // content.substr(text_begin)
  } cases[] = {
      {"date 2023-12-21 The text", true, "2023-12-21", "The text"},
      {" date 2023-12-21 The Islamist group", true, "2023-12-21", "The Islamist group"},
      {"\n\tdate\t 2023-12-21\n\nBody\n", true, "2023-12-21", "Body\n"},
      {"date 2023-13-45 x", true, "2023-13-45", "x"},
      {"date 2023-12-21", true, "2023-12-21", ""},
      {"\xEF\xBB\xBF"
       "date 2023-12-21 x",
       true, "2023-12-21", "x"},
      {"date 2023-12-21T10:00 x", false, "", ""},
      {"date: 2023-12-21 x", false, "", ""},
      {"date2023-12-21 x", false, "", ""},
      {"Date 2023-12-21 x", false, "", ""},
      {"date palms", false, "", ""},
      {"date 2023-1-21 x", false, "", ""},
      {"", false, "", ""},
  };
  for (const auto& c : cases) {
    const auto header = ParseDatedTextHeader(c.content);
    ASSERT_EQ(header.has_value(), c.header) << c.content;
    if (!header) continue;
    EXPECT_EQ(header->date, c.date) << c.content;
    EXPECT_EQ(c.content.substr(header->text_begin), c.text) << c.content;
  }
}

TEST(TextReader, DatedTextGivesTheDateAndTheRestUnchanged) {
  const auto docs = ReadString(" date 2023-12-21 The group said:\n\n  \"No.\"\n\n", InputFormat::kDatedText,
                               {}, "seed/000_abc.txt");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_EQ(docs[0].id, "000_abc");
  EXPECT_EQ(docs[0].date, (CivilDate{2023, 12, 21}));
  EXPECT_EQ(docs[0].date_text, "2023-12-21");
  EXPECT_EQ(docs[0].text, "The group said:\n\n  \"No.\"\n\n");
  EXPECT_EQ(docs[0].input_number, 1u);
  EXPECT_TRUE(docs[0].warnings.empty());
}

TEST(TextReader, StandardInputIsDoc1) {
  const auto docs = ReadString("date 2023-12-21 x", InputFormat::kDatedText, {}, "<stdin>");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].id, "doc-1");
}

TEST(TextReader, TextWithoutADateLineIsOneUndatedArticle) {
  ReaderOptions options;
  options.default_date = CivilDate{2024, 2, 3};
  const auto docs = ReadString("  Plain article.\n", InputFormat::kDatedText, options, "a.txt");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].text, "  Plain article.\n");
  EXPECT_EQ(docs[0].date, (CivilDate{2024, 2, 3}));
  EXPECT_TRUE(docs[0].warnings.empty());
  const auto undated = ReadString("Plain article.", InputFormat::kDatedText, {}, "a.txt");
  ASSERT_EQ(undated.size(), 1u);
  EXPECT_FALSE(undated[0].date.has_value());
  EXPECT_EQ(undated[0].warnings, std::vector<std::string>{"no date; relative times are left unresolved"});
}

TEST(TextReader, InvalidHeaderDateIsAWarning) {
  const auto docs = ReadString("date 2023-13-45 Body", InputFormat::kDatedText);
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_FALSE(docs[0].is_error());
  EXPECT_FALSE(docs[0].date.has_value());
  EXPECT_EQ(docs[0].date_text, "2023-13-45");
  EXPECT_EQ(docs[0].text, "Body");
  EXPECT_EQ(
      docs[0].warnings,
      std::vector<std::string>{"date \"2023-13-45\" is not a valid YYYY-MM-DD date; relative times are left "
                               "unresolved"});
}

TEST(TextReader, EmptyOrBlankInputHasNoRecord) {
  EXPECT_TRUE(ReadString("", InputFormat::kDatedText).empty());
  EXPECT_TRUE(ReadString(" \n\t\r\n", InputFormat::kDatedText).empty());
}

TEST(TextReader, TextOverTheBudgetIsAnErrorRecord) {
  ReaderOptions options;
  options.max_article_bytes = 4;
  const auto docs = ReadString("date 2023-12-21 12345", InputFormat::kDatedText, options, "x.txt");
  ASSERT_EQ(docs.size(), 1u);
  EXPECT_EQ(docs[0].error, "text is 5 bytes; the limit is 4 (--max-article-bytes)");
  EXPECT_EQ(docs[0].id, "x");
}

}  // namespace
}  // namespace annalist
