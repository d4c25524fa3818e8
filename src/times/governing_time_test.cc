#include "times/governing_time.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "text/segmenter.h"
#include "times/clause.h"
#include "times/time_tagger.h"

namespace annalist {
namespace {

// The value governing the clause holding the first occurrence of `word` in `text`, or "null".
std::string Governing(const std::string& text, const std::string& word, const char* dateline = "2024-01-02") {
  Document doc;
  doc.text = text;
  doc.date = ParseIsoDate(dateline);
  Segmenter().Process(doc);
  TimeTagger().Process(doc);
  const uint32_t offset = static_cast<uint32_t>(text.find(word));
  uint32_t token = 0;
  while (token < doc.tokens.size() && doc.tokens[token].end <= offset) ++token;
  const Span clause = ClauseSpanOfToken(doc, token);
  const std::optional<DayInterval> value = GoverningTime(doc, clause, offset);
  return value ? FormatTimeValue(*value) : "null";
}

TEST(GoverningTime, PrefersTheClauseThenTheSentenceThenThePresentTense) {
  struct Row {
    const char* text;
    const char* word;
    const char* expected;
  };
  const Row rows[] = {
      // The clause's own time.
      {"Rockets were fired on Monday, and the army struck back on Tuesday.", "struck", "2024-01-02"},
      {"Rockets were fired on Monday, and the army struck back on Tuesday.", "fired", "2024-01-01"},
      // The sentence's nearest time.
      {"On December 30, when the rockets landed, people fled.", "fled", "2023-12-30"},
      // A present-tense report: the dateline.
      {"Hamas says it holds 120 hostages.", "holds", "2024-01-02"},
      {"The army has killed 20,000 people.", "killed", "2024-01-02"},
      // Nothing tells.
      {"Hamas said it held 120 hostages.", "held", "null"},
      {"The army will strike.", "strike", "null"},
  };
  for (const Row& row : rows) EXPECT_EQ(Governing(row.text, row.word), row.expected) << row.text;
}

TEST(Clause, BreaksAtSemicolonsAndCommaConjunctions) {
  Document doc;
  doc.text = "They met on Monday; talks, which failed, resumed.";
  Segmenter().Process(doc);
  auto text_of = [&](uint32_t token) { return std::string(doc.slice(ClauseSpanOfToken(doc, token))); };
  EXPECT_EQ(text_of(0), "They met on Monday");
  EXPECT_EQ(text_of(7), "which failed");
}

TEST(Clause, DirectionFollowsTheNearestTenseCue) {
  struct Row {
    const char* text;
    bool forward;
  };
  const Row rows[] = {
      {"They will meet on Monday.", true},
      {"They met on Monday.", false},
      {"Talks are due to resume on Monday.", true},
      {"Deaths due to the storm on Monday.", false},
      {"On Monday, the council will vote.", true},
      {"On Monday, the council said it will vote.", false},
      {"In December Trump announced that troops would leave.", false},
      {"The vote is expected on Monday.", true},
  };
  const times::TimeLexicon lexicon;
  for (const Row& row : rows) {
    Document doc;
    doc.text = row.text;
    Segmenter().Process(doc);
    uint32_t token = 0;
    while (token < doc.tokens.size() && doc.token_text(token) != "Monday" &&
           doc.token_text(token) != "December") {
      ++token;
    }
    ASSERT_LT(token, doc.tokens.size());
    EXPECT_EQ(times::ClauseDirection(doc, lexicon, token, token + 1) == times::Direction::kFuture,
              row.forward)
        << row.text;
  }
}

}  // namespace
}  // namespace annalist
