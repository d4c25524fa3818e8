#include "io/input_record.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist {
namespace {

Document Build(const InputRecord& record, const ReaderOptions& options = {}, uint64_t number = 4) {
  Document doc;
  BuildArticle(record, number, "line 9", options, doc);
  return doc;
}

InputRecord WithText(std::string_view text) {
  InputRecord record;
  record.text = text;
  record.date = "2023-12-21";
  return record;
}

TEST(BuildArticle, CopiesTheFields) {
  InputRecord record = WithText("Body.");
  record.id = "a1";
  record.title = "Title";
  record.source = "guardian";
  record.url = "https://example.org/a";
  const Document doc = Build(record);
  EXPECT_FALSE(doc.is_error());
  EXPECT_EQ(doc.id, "a1");
  EXPECT_EQ(doc.text, "Body.");
  EXPECT_EQ(doc.date, (CivilDate{2023, 12, 21}));
  EXPECT_EQ(doc.date_text, "2023-12-21");
  EXPECT_EQ(doc.title, "Title");
  EXPECT_EQ(doc.source, "guardian");
  EXPECT_EQ(doc.url, "https://example.org/a");
  EXPECT_EQ(doc.input_number, 4u);
  EXPECT_TRUE(doc.warnings.empty());
}

TEST(BuildArticle, MissingOrEmptyIdBecomesDocN) {
  EXPECT_EQ(Build(WithText("x")).id, "doc-4");
  InputRecord record = WithText("x");
  record.id = "";
  EXPECT_EQ(Build(record, {}, 12).id, "doc-12");
}

TEST(BuildArticle, EmptyTextIsAnArticle) {
  const Document doc = Build(WithText(""));
  EXPECT_FALSE(doc.is_error());
  EXPECT_EQ(doc.text, "");
}

TEST(BuildArticle, DateRules) {
  const CivilDate fallback{2024, 1, 2};
  const struct {
    std::optional<std::string_view> written;
    bool with_default;
    std::optional<CivilDate> date;
    std::string warning;  // empty: none
  } cases[] = {
      {"2023-12-21", false, CivilDate{2023, 12, 21}, ""},
      {" 2023-12-21 ", false, CivilDate{2023, 12, 21}, ""},
      {"2023-12-21T08:30:00Z", false, CivilDate{2023, 12, 21}, ""},
      {"2023-13-45", false, std::nullopt,
       "date \"2023-13-45\" is not a valid YYYY-MM-DD date; relative times are left unresolved"},
      {"yesterday", true, fallback,
       "date \"yesterday\" is not a valid YYYY-MM-DD date; using --date 2024-01-02 instead"},
      {"2023-02-29", false, std::nullopt,
       "date \"2023-02-29\" is not a valid YYYY-MM-DD date; relative times are left unresolved"},
      {std::nullopt, false, std::nullopt, "no date; relative times are left unresolved"},
      {"", false, std::nullopt, "no date; relative times are left unresolved"},
      {std::nullopt, true, fallback, ""},
  };
  for (const auto& c : cases) {
    InputRecord record = WithText("x");
    record.date = c.written;
    ReaderOptions options;
    if (c.with_default) options.default_date = fallback;
    const Document doc = Build(record, options);
    const std::string label(c.written.value_or("<absent>"));
    EXPECT_EQ(doc.date, c.date) << label;
    EXPECT_EQ(doc.date_text, c.written.value_or("")) << label;
    if (c.warning.empty()) {
      EXPECT_TRUE(doc.warnings.empty()) << label << ": " << doc.warnings.front();
    } else {
      ASSERT_EQ(doc.warnings.size(), 1u) << label;
      EXPECT_EQ(doc.warnings[0], c.warning);
    }
  }
}

TEST(BuildArticle, InvalidUtf8InTheTextIsReplacedWithAWarning) {
  const Document doc =
      Build(WithText("a\xFF"
                     "b\xC3"));
  EXPECT_EQ(doc.text,
            "a\uFFFD"
            "b\uFFFD");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "text: 2 invalid UTF-8 sequences replaced with U+FFFD");
}

TEST(BuildArticle, NulBytesBecomeSpacesWithAWarning) {
  InputRecord record = WithText(std::string_view("a\0b\0c", 5));
  record.known_utf8 = true;
  const Document doc = Build(record);
  EXPECT_EQ(doc.text, "a b c");
  ASSERT_EQ(doc.warnings.size(), 1u);
  EXPECT_EQ(doc.warnings[0], "text: 2 NUL bytes replaced with spaces");
}

TEST(BuildArticle, OtherFieldsAreRepairedToo) {
  InputRecord record = WithText("x");
  record.id = "id\xFF";
  record.title = "t\xFE";
  const Document doc = Build(record);
  EXPECT_EQ(doc.id, "id\uFFFD");
  EXPECT_EQ(doc.title, "t\uFFFD");
  EXPECT_EQ(doc.warnings.size(), 2u);
}

TEST(BuildArticle, TextOverTheBudgetIsAnErrorRecord) {
  ReaderOptions options;
  options.max_article_bytes = 10;
  InputRecord record = WithText("12345678901");
  record.id = "big";
  const Document doc = Build(record, options);
  EXPECT_TRUE(doc.is_error());
  EXPECT_EQ(doc.id, "big");
  EXPECT_EQ(doc.error, "line 9: text is 11 bytes; the limit is 10 (--max-article-bytes)");
  EXPECT_TRUE(doc.text.empty());
  EXPECT_FALSE(Build(WithText("1234567890"), options).is_error());
}

TEST(BuildArticle, TextThatRepairGrowsOverTheBudgetIsAnErrorRecord) {
  ReaderOptions options;
  options.max_article_bytes = 10;
  const Document doc = Build(WithText("\xFF\xFF\xFF\xFF"), options);  // 4 bytes become 12
  EXPECT_TRUE(doc.is_error());
  EXPECT_EQ(doc.error, "line 9: text is 12 bytes; the limit is 10 (--max-article-bytes)");
}

TEST(BuildErrorRecord, KeepsTheIdOrMakesOne) {
  Document doc;
  BuildErrorRecord("a7", 3, "line 5", "no \"text\" field", doc);
  EXPECT_EQ(doc.id, "a7");
  EXPECT_EQ(doc.error, "line 5: no \"text\" field");
  EXPECT_EQ(doc.input_number, 3u);
  Document other;
  BuildErrorRecord(std::nullopt, 3, "", "broken", other);
  EXPECT_EQ(other.id, "doc-3");
  EXPECT_EQ(other.error, "broken");
}

}  // namespace
}  // namespace annalist
