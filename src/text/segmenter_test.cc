#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "core/utf8.h"
#include "text/char_class.h"

namespace annalist {
namespace {

bool OnCharBoundary(std::string_view text, uint32_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

bool OnlyWhitespace(std::string_view text, size_t begin, size_t end) {
  for (size_t pos = begin; pos < end;) {
    const text_internal::CharInfo c = text_internal::ClassifyAt(text, pos);
    if ((c.cls & (text_internal::kCharSpace | text_internal::kCharNewline)) == 0) return false;
    pos += c.length;
  }
  return true;
}

// The first broken invariant of doc's text layer, or "" when there is none: tokens in order, non-empty,
// within the text, on character boundaries, with only whitespace between them; sentences consecutive,
// non-empty, covering every token, spanning their tokens, and no longer than `max_tokens`.
std::string FirstViolation(const Document& doc, uint32_t max_tokens) {
  const std::string_view text = doc.text;
  uint32_t previous_end = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    const Token& token = doc.tokens[i];
    const std::string where = "token " + std::to_string(i) + " [" + std::to_string(token.begin) + ", " +
                              std::to_string(token.end) + ")";
    if (token.begin >= token.end || token.end > text.size()) return where + " is empty or out of the text";
    if (token.begin < previous_end) return where + " overlaps the previous token";
    if (!OnCharBoundary(text, token.begin) || !OnCharBoundary(text, token.end)) {
      return where + " splits a character";
    }
    if (!OnlyWhitespace(text, previous_end, token.begin)) return "text before " + where + " is in no token";
    for (uint32_t pos = token.begin; pos < token.end; ++pos) {
      if (text[pos] == ' ' || text[pos] == '\n' || text[pos] == '\t') return where + " holds whitespace";
    }
    previous_end = token.end;
  }
  if (!OnlyWhitespace(text, previous_end, text.size())) return "text after the last token is in no token";
  uint32_t next_token = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& sentence = doc.sentences[i];
    const std::string where = "sentence " + std::to_string(i);
    if (sentence.token_begin != next_token) return where + " does not start where the previous one ended";
    if (sentence.token_end <= sentence.token_begin || sentence.token_end > doc.tokens.size()) {
      return where + " has a bad token range";
    }
    if (max_tokens > 0 && sentence.token_end - sentence.token_begin > max_tokens)
      return where + " is too long";
    const Span expected{doc.tokens[sentence.token_begin].begin, doc.tokens[sentence.token_end - 1].end};
    if (sentence.span != expected) return where + " does not span its tokens";
    next_token = sentence.token_end;
  }
  if (next_token != doc.tokens.size()) return "the sentences leave tokens out";
  return "";
}

// Rows of an RFC 4180 CSV text: quoted fields may hold commas, newlines and doubled quotes.
std::vector<std::vector<std::string>> ParseCsv(std::string_view data) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < data.size() && data[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

TEST(SegmenterTest, ProcessReplacesPreviousLayers) {
  Segmenter segmenter;
  Document doc;
  doc.text = "First text. It has two sentences.";
  segmenter.Process(doc);
  EXPECT_EQ(doc.sentences.size(), 2u);
  doc.text = "Second";
  segmenter.Process(doc);
  ASSERT_EQ(doc.tokens.size(), 1u);
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.slice(doc.sentences[0].span), "Second");
}

TEST(SegmenterTest, CutsSentencesOverTheBudget) {
  Document doc;
  for (int i = 0; i < 1000; ++i) doc.text += "word ";
  Segmenter(SegmenterOptions{.max_sentence_tokens = 400}).Process(doc);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].token_end, 400u);
  EXPECT_EQ(doc.sentences[2].token_end, 1000u);
  EXPECT_EQ(FirstViolation(doc, 400), "");
}

TEST(SegmenterTest, CutsAtAClauseEdgeWhenThereIsOne) {
  Document doc;
  doc.text = "one two three four five six seven, eight nine ten";
  Segmenter(SegmenterOptions{.max_sentence_tokens = 10}).Process(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.slice(doc.sentences[0].span), "one two three four five six seven,");
  EXPECT_EQ(FirstViolation(doc, 10), "");
}

TEST(SegmenterTest, ZeroBudgetMeansNoLimit) {
  Document doc;
  for (int i = 0; i < 1000; ++i) doc.text += "word ";
  Segmenter(SegmenterOptions{.max_sentence_tokens = 0}).Process(doc);
  EXPECT_EQ(doc.sentences.size(), 1u);
}

TEST(SegmenterTest, SpansAreWellFormedOnGuardianArticles) {
  const std::string path = ANNALIST_SHARED_DIR "/data/guardian/guardian-sample.csv";
  std::ifstream in(path, std::ios::binary);
  if (!in) GTEST_SKIP() << "shared Guardian sample not found: " << path;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::vector<std::vector<std::string>> rows = ParseCsv(buffer.str());
  ASSERT_GT(rows.size(), 1u);
  size_t text_column = rows[0].size();
  for (size_t i = 0; i < rows[0].size(); ++i) {
    if (rows[0][i] == "text") text_column = i;
  }
  ASSERT_LT(text_column, rows[0].size()) << "no text column";

  Segmenter segmenter;
  Document doc;
  size_t articles = 0, sentences = 0;
  for (size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), rows[0].size()) << "CSV row " << r;
    doc.text = rows[r][text_column];
    segmenter.Process(doc);
    EXPECT_EQ(FirstViolation(doc, SegmenterOptions().max_sentence_tokens), "") << "CSV row " << r;
    ++articles;
    sentences += doc.sentences.size();
  }
  EXPECT_EQ(articles, 200u);
  // About 8,200 sentences of about 26 tokens (design/event-coding.md); far off means the splitter broke.
  EXPECT_GT(sentences, 6000u);
  EXPECT_LT(sentences, 11000u);
}

TEST(SegmenterTest, SpansAreWellFormedOnRandomText) {
  static constexpr std::string_view kPieces[] = {
      "a",    "Z",    "7",    ".",    ",",  "'",  "’",   "“",     "”", "-",   "–",        " ",
      "\n",   "\n\n", "(",    ")",    "U.", "S.", "Gen", "No",    "s", "é",   "\xC2\xA0", "…",
      "$",    ":",    "!",    "?",    "al", "\r", "\t",  "1,000", "ь", "قال", "\xE2\x80", "\xF0\x9F\x98\x80",
      "\xFF", "\xC3", "\x80", "\x01",
  };
  std::mt19937 random(20231221);
  std::uniform_int_distribution<size_t> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<size_t> length(0, 80);
  std::uniform_int_distribution<int> byte(0, 255);
  for (uint32_t budget : {0u, 3u, 400u}) {
    const Segmenter segmenter(SegmenterOptions{.max_sentence_tokens = budget});
    Document doc;
    for (int round = 0; round < 3000; ++round) {
      doc.text.clear();
      for (size_t n = length(random); n > 0; --n) {
        if (n % 7 == 0) {
          doc.text += static_cast<char>(byte(random));
        } else {
          doc.text += kPieces[piece(random)];
        }
      }
      SanitizeUtf8(doc.text);
      segmenter.Process(doc);
      const std::string violation = FirstViolation(doc, budget);
      ASSERT_EQ(violation, "") << "budget " << budget << ", text: " << testing::PrintToString(doc.text);
    }
  }
}

}  // namespace
}  // namespace annalist
