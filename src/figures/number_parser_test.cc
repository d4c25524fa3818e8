#include "figures/number_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segmenter.h"

namespace annalist::figures {
namespace {

struct Parsed {
  double value = -1;
  double high = -1;  // -1: no range
  bool vague = false;
  std::string words;  // the number as written
  Qualifier qualifier = Qualifier::kExact;
};

// Parses the number that starts at the first occurrence of `start` in `text`.
Parsed Parse(const std::string& text, const std::string& start) {
  Document doc;
  doc.text = text;
  Segmenter().Process(doc);
  const FigureLexicon lexicon;
  const uint32_t offset = static_cast<uint32_t>(text.find(start));
  uint32_t token = 0;
  while (token < doc.tokens.size() && doc.tokens[token].begin < offset) ++token;
  Parsed out;
  const auto m = ParseNumber(doc, lexicon, token, static_cast<uint32_t>(doc.tokens.size()));
  if (!m) return out;
  out.value = m->value;
  out.high = m->high ? *m->high : -1;
  out.vague = m->vague;
  out.words = std::string(doc.slice(m->span));
  out.qualifier = ParseQualifierBefore(doc, lexicon, m->first, 0).qualifier;
  return out;
}

TEST(NumberParser, ReadsEveryNumberForm) {
  struct Row {
    const char* text;
    const char* start;
    double value;
    double high;
    bool vague;
    const char* words;
  };
  const Row rows[] = {
      // Digits with separators and decimals with scale words.
      {"20,000 dead", "20,000", 20000, -1, false, "20,000"},
      {"52,600 injured", "52,600", 52600, -1, false, "52,600"},
      {"1.2 million people", "1.2", 1.2e6, -1, false, "1.2 million"},
      {"2.5m people", "2.5m", 2.5e6, -1, false, "2.5m"},
      {"6 million Syrians", "6", 6e6, -1, false, "6 million"},
      // Number words.
      {"twenty of whom", "twenty", 20, -1, false, "twenty"},
      {"thirty-five soldiers", "thirty", 35, -1, false, "thirty-five"},
      {"a dozen hostages", "a dozen", 12, -1, false, "a dozen"},
      {"a hundred rockets", "a hundred", 100, -1, false, "a hundred"},
      {"two hundred prisoners", "two", 200, -1, false, "two hundred"},
      {"Eight babies", "Eight", 8, -1, false, "Eight"},
      // Vague plurals: the lower bound.
      {"hundreds of fighters", "hundreds", 100, -1, true, "hundreds"},
      {"thousands fled", "thousands", 1000, -1, true, "thousands"},
      {"tens of thousands of refugees", "tens", 10000, -1, true, "tens of thousands"},
      {"hundreds of thousands of people", "hundreds", 100000, -1, true, "hundreds of thousands"},
      {"scores of executions", "scores", 20, -1, true, "scores"},
      {"dozens of people", "dozens", 12, -1, true, "dozens"},
      {"millions of refugees", "millions", 1e6, -1, true, "millions"},
      // Ranges.
      {"between 30 and 40 people", "30", 30, 40, false, "30 and 40"},
      {"30 to 40 people", "30", 30, 40, false, "30 to 40"},
      {"30-40 people", "30", 30, 40, false, "30-40"},
      {"30 \u2013 40 people", "30", 30, 40, false, "30 \u2013 40"},
      {"two or three soldiers", "two", 2, 3, false, "two or three"},
      // A change is not a range.
      {"rose from 15 to 20", "15", 15, -1, false, "15"},
  };
  for (const Row& row : rows) {
    const Parsed p = Parse(row.text, row.start);
    EXPECT_EQ(p.value, row.value) << row.text;
    EXPECT_EQ(p.high, row.high) << row.text;
    EXPECT_EQ(p.vague, row.vague) << row.text;
    EXPECT_EQ(p.words, row.words) << row.text;
  }
}

TEST(NumberParser, RejectsWhatIsNotACount) {
  const char* const rows[][2] = {
      {"at 10:30 today", "10:30"}, {"on 2023-12-21", "2023-12-21"}, {"a 17-year-old boy", "17-year-old"},
      {"the 1990s", "1990s"},      {"scores a goal", "scores"},     {"a man", "a"},
      {"the 21st century", "21st"},
  };
  for (const auto& row : rows) EXPECT_EQ(Parse(row[0], row[1]).value, -1) << row[0];
}

TEST(NumberParser, ReadsEveryQualifier) {
  struct Row {
    const char* text;
    const char* start;
    Qualifier qualifier;
  };
  const Row rows[] = {
      {"more than 20,000 dead", "20,000", Qualifier::kMoreThan},
      {"over 100 people", "100", Qualifier::kMoreThan},
      {"Upwards of 30,000 people", "30,000", Qualifier::kMoreThan},
      {"at least 15 children", "15", Qualifier::kAtLeast},
      {"around twenty of whom", "twenty", Qualifier::kAbout},
      {"About thirty rockets", "thirty", Qualifier::kAbout},
      {"some 30 people", "30", Qualifier::kAbout},
      {"nearly 40 people", "40", Qualifier::kAbout},
      {"almost 40 people", "40", Qualifier::kAbout},
      {"an estimated 10,000 fighters", "10,000", Qualifier::kAbout},
      {"the estimated 6 million Syrians", "6", Qualifier::kAbout},
      {"approximately 50 people", "50", Qualifier::kAbout},
      {"up to 800 people", "800", Qualifier::kUpTo},
      {"a maximum of 40 prisoners", "40", Qualifier::kUpTo},
      {"as many as 800,000 refugees", "800,000", Qualifier::kUpTo},
      {"fewer than 30 people", "30", Qualifier::kLessThan},
      {"less than 30 people", "30", Qualifier::kLessThan},
      {"under 30 people", "30", Qualifier::kLessThan},
      {"no more than 30 people", "30", Qualifier::kUpTo},
      {"handed over 105 captives", "105", Qualifier::kExact},
      {"105 captives", "105", Qualifier::kExact},
  };
  for (const Row& row : rows) EXPECT_EQ(Parse(row.text, row.start).qualifier, row.qualifier) << row.text;
}

}  // namespace
}  // namespace annalist::figures
