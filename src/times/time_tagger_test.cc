#include "times/time_tagger.h"

#include <gtest/gtest.h>

#include <string>

#include "text/segmenter.h"

namespace annalist {
namespace {

// Runs the text stage and the tagger; returns "text=value" per mention, joined by " | ".
std::string Tag(const std::string& text, const char* dateline) {
  static const Segmenter* const segmenter = new Segmenter();
  static const TimeTagger* const tagger = new TimeTagger();
  Document doc;
  doc.text = text;
  if (dateline) doc.date = ParseIsoDate(dateline);
  segmenter->Process(doc);
  tagger->Process(doc);
  std::string out;
  for (const TimeMention& time : doc.times) {
    if (!out.empty()) out += " | ";
    out += std::string(doc.slice(time.span)) + "=" + FormatTimeValue(time.value);
  }
  return out;
}

struct Row {
  const char* text;
  const char* dateline;
  const char* expected;
};

void Check(const Row* rows, size_t count) {
  for (size_t i = 0; i < count; ++i) {
    EXPECT_EQ(Tag(rows[i].text, rows[i].dateline), rows[i].expected)
        << rows[i].text << " @ " << rows[i].dateline;
  }
}
#define CHECK_ROWS(rows) Check(rows, sizeof(rows) / sizeof(rows[0]))

TEST(TimeTagger, Weekdays) {
  const Row rows[] = {
      {"Hamas refused this Thursday to continue.", "2023-12-21", "this Thursday=2023-12-21"},
      {"Talks resumed this Wednesday in Cairo.", "2023-12-21", "this Wednesday=2023-12-20"},
      {"The cabinet is scheduled to meet Thursday night.", "2023-12-21", "Thursday night=2023-12-21"},
      {"Fighters surrendered on Saturday in Baghuz.", "2019-03-26", "Saturday=2019-03-23"},
      {"He spoke last Friday.", "2024-01-02", "last Friday=2023-12-29"},
      {"They will meet on Monday.", "2024-01-02", "Monday=2024-01-08"},
      {"They met on Monday.", "2024-01-02", "Monday=2024-01-01"},
      {"The council will vote next Monday.", "2024-01-02", "next Monday=2024-01-08"},
      {"It goes for consideration by the council on Thursday.", "2018-12-18", "Thursday=2018-12-20"},
      {"He may leave the decision to the council on Thursday.", "2018-12-18", "Thursday=2018-12-20"},
      {"Monday's attack killed four.", "2024-01-02", "Monday=2024-01-01"},
      {"She spoke on CNN Sunday.", "2024-01-02", "Sunday=2023-12-31"},
      {"The Sunday Times reported it.", "2024-01-02", ""},
      {"Marchers remembered Bloody Sunday.", "2024-01-02", ""},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, DaysOfTheMonth) {
  const Row rows[] = {
      {"A truce was reached on November 24 that lasted for a week.", "2023-12-21", "November 24=2023-11-24"},
      {"It began on 24 November 2023.", "2024-05-01", "24 November 2023=2023-11-24"},
      {"It began on Nov. 24, 2023, at dawn.", "2024-05-01", "Nov. 24, 2023=2023-11-24"},
      {"It began on Nov. 24.", "2023-12-21", "Nov. 24=2023-11-24"},
      {"They met on December 30.", "2024-01-02", "December 30=2023-12-30"},
      {"Weapons will be withdrawn by 10 October.", "2018-09-17", "10 October=2018-10-10"},
      {"(Letters, 19 April)", "2018-04-23", "19 April=2018-04-19"},
      {"Israel declared war on October 7.", "2023-12-21", "October 7=2023-10-07"},
      {"The talks ran September 24-26.", "2023-12-21", "September 24-26=2023-09-24/2023-09-26"},
      {"The talks ran 24-26 September 2019.", "2023-12-21", "24-26 September 2019=2019-09-24/2019-09-26"},
      {"The summit is on the 3rd of May.", "2023-04-21", "the 3rd of May=2022-05-03"},
      {"It happened on February 29.", "2024-03-01", "February 29=2024-02-29"},
      {"It happened on February 29.", "2023-03-01", "February 29=2020-02-29"},
      {"He was freed on July 4.", "2023-12-21", "July 4=2023-07-04"},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, MonthsAndYears) {
  const Row rows[] = {
      {"The plot failed as recently as January.", "2019-03-26", "January=2019-01"},
      {"When the invitation arrived in October, they hesitated.", "2018-06-29", "in October=2017-10"},
      {"In April 2017 he described Assad as a monster.", "2019-01-03", "In April 2017=2017-04"},
      {"Isis emerged in 2014 and grew.", "2019-03-26", "in 2014=2014"},
      {"They were drawn to it during the years of 2014 and 2015.", "2019-03-12", "2014=2014 | 2015=2015"},
      {"It was stable until 2011.", "2018-04-23", "2011=2011"},
      {"It switched tactics last July.", "2019-03-26", "last July=2018-07"},
      {"It happened in mid-January.", "2019-03-26", "in mid-January=2019-01"},
      {"It grew in the 1990s.", "2019-03-26", "in the 1990s=1990-01-01/1999-12-31"},
      {"Fighting raged in 2014-15.", "2019-03-26", "in 2014-15=2014-01-01/2015-12-31"},
      {"The deal was signed on 2023-12-21.", "2024-01-02", "2023-12-21=2023-12-21"},
      {"The deal was signed on 21/12/2023.", "2024-01-02", "21/12/2023=2023-12-21"},
      {"Rain fell between March and May.", "2019-06-26", "between March and May=2019-03-01/2019-05-31"},
      {"Prices rose from 2014 to 2016.", "2019-06-26", "from 2014 to 2016=2014-01-01/2016-12-31"},
      {"By the end of 2018 traffic resumes.", "2018-09-17", "the end of 2018=2018"},
      // A deadline without a tense cue: the nearer occurrence.
      {"A bill extends government funding until February.", "2018-12-19", "February=2019-02"},
      {"He stayed in Raqqa until February.", "2018-06-19", "February=2018-02"},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, DeicticDays) {
  const Row rows[] = {
      {"It rained yesterday.", "2024-03-01", "yesterday=2024-02-29"},
      {"It rains today and tomorrow.", "2024-02-28", "today=2024-02-28 | tomorrow=2024-02-29"},
      {"They will vote tonight.", "2024-01-02", "tonight=2024-01-02"},
      {"Shots were heard last night.", "2024-01-01", "last night=2023-12-31"},
      {"Yesterday morning the siege ended.", "2024-01-01", "Yesterday morning=2023-12-31"},
      {"They said “tomorrow we will be in paradise”.", "2019-03-12", ""},
      {"He told BBC Radio 4's Today programme.", "2019-03-12", ""},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, CalendarAndRollingPeriods) {
  const Row rows[] = {
      {"UN agencies denied reports this week.", "2019-01-15", "this week=2019-01-14/2019-01-20"},
      {"He visited last week.", "2024-01-02", "last week=2023-12-26/2024-01-01"},
      {"The tour of Iraq this month mattered.", "2019-03-26", "this month=2019-03"},
      {"Prices rose last month.", "2024-03-15", "last month=2024-02"},
      {"The committee starts work next year.", "2018-12-18", "next year=2019"},
      {"Many cancelled travel last year.", "2018-06-29", "last year=2017"},
      {"It happened earlier this month.", "2024-01-20", "earlier this month=2024-01"},
      {"It happened earlier this week.", "2024-01-04", "earlier this week=2024-01-01/2024-01-07"},
      {"It repeated itself earlier this year.", "2018-04-23", "earlier this year=2018"},
      {"It began late last year.", "2024-01-02", "late last year=2023"},
      {"They meet early next year.", "2018-12-18", "early next year=2019"},
      {"In the last week, the head of Mossad traveled.", "2023-12-21",
       "In the last week=2023-12-14/2023-12-20"},
      {"Eight children died in the last month.", "2019-01-15", "in the last month=2018-12-15/2019-01-14"},
      {"Others died in recent weeks.", "2019-01-15", "in recent weeks=2018-12-25/2019-01-14"},
      {"Many fled in recent months.", "2019-03-12", "in recent months=2018-12-12/2019-03-11"},
      {"They lived there for the past two years.", "2018-06-29", "the past two years=2016-06-29/2018-06-28"},
      {"Over the past year diplomats changed tack.", "2019-01-03", "the past year=2018-01-03/2019-01-02"},
      {"Over the last eight years of civil war.", "2019-01-15", "the last eight years=2011-01-15/2019-01-14"},
      {"It rained for the past three days.", "2024-01-02", "the past three days=2023-12-30/2024-01-01"},
      {"Talks follow in the coming weeks.", "2024-01-02", "in the coming weeks=2024-01-03/2024-01-23"},
      {"Militants emerged over the weekend.", "2019-03-26", "the weekend=2019-03-23/2019-03-24"},
      {"He said at the weekend: no.", "2018-12-18", "the weekend=2018-12-15/2018-12-16"},
      {"He stands down at the end of the year.", "2018-12-18", "the end of the year=2018"},
      {"His successor takes up the task in the new year.", "2018-12-18", "in the new year=2019"},
      {"Spring returned last week of March.", "2019-04-02",
       "last week=2019-03-26/2019-04-01 | March=2019-03"},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, AgoSinceAndAnchored) {
  const Row rows[] = {
      {"A summit held two weeks ago in Tehran.", "2018-09-17", "two weeks ago=2018-09-03"},
      {"It overran Syria five years ago.", "2019-03-12", "five years ago=2014"},
      {"It fell three months ago.", "2024-01-02", "three months ago=2023-10"},
      {"It began 10 days ago.", "2024-01-02", "10 days ago=2023-12-23"},
      {"No aid has reached Rukban since November.", "2019-01-15", "since November=2018-11-01/2019-01-15"},
      {"It has ruled since 2014.", "2019-01-15", "since 2014=2014-01-01/2019-01-15"},
      {"War has raged since October 7.", "2023-12-21", "since October 7=2023-10-07/2023-12-21"},
      {"A truce began on November 24. Two days later it held.", "2023-12-21",
       "November 24=2023-11-24 | Two days later=2023-11-26"},
      {"They met on 3 May 2015. Later that day they signed.", "2023-12-21",
       "3 May 2015=2015-05-03 | Later that day=2015-05-03"},
      {"It fell in 2014. The next year it rose.", "2023-12-21", "in 2014=2014 | The next year=2015"},
      {"He joined in 2014. Over the next three years he returned twice.", "2018-02-02",
       "in 2014=2014 | the next three years=2015-01-01/2017-12-31"},
      {"Talks are planned over the next two years.", "2018-02-02",
       "the next two years=2018-02-03/2020-02-02"},
      {"The strike came a day later.", "2018-02-02", ""},  // no date named before: nothing to count from
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, SeasonsAndHolidays) {
  const Row rows[] = {
      {"Especially in this cold winter we suffer.", "2019-01-15",
       "in this cold winter=2018-12-01/2019-02-28"},
      {"It happened in the summer of 2014.", "2019-01-15", "in the summer of 2014=2014-06-01/2014-08-31"},
      {"It happened last summer.", "2019-01-15", "last summer=2018-06-01/2018-08-31"},
      {"Just before Christmas the UN failed.", "2019-01-03", "Just before Christmas=2018-12"},
      {"They met on Christmas Day.", "2024-01-02", "Christmas Day=2023-12-25"},
      {"They met on New Year's Day.", "2024-01-02", "New Year's Day=2024-01-01"},
      {"He plans to come home for Christmas.", "2017-10-24", "Christmas=2017-12-25"},
      {"They visited Christmas Island.", "2017-10-24", ""},
      {"The Arab Spring changed everything.", "2017-10-24", ""},
      {"The fall of Mosul changed everything.", "2017-10-24", ""},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, NotTimes) {
  const Row rows[] = {
      {"The truce lasted for a week.", "2023-12-21", ""},
      {"Israel offered two weeks of truce.", "2023-12-21", ""},
      {"A 17-year-old was killed.", "2023-12-21", ""},
      {"Children under one year old died.", "2023-12-21", ""},
      {"24 of them were foreigners.", "2023-12-21", ""},
      {"The remaining 2,000 US troops will leave.", "2023-12-21", ""},
      {"About 2000 people fled.", "2023-12-21", ""},
      {"Some 1500 fighters surrendered.", "2023-12-21", ""},
      {"Theresa May spoke to Trump.", "2023-12-21", ""},
      {"Protesters march on the capital.", "2023-12-21", ""},
      {"Jan Egeland of the NRC spoke.", "2023-12-21", ""},
      {"It was a year-long war.", "2023-12-21", ""},
      {"They met at 10:30 in the morning.", "2023-12-21", ""},
      {"He served four years as envoy.", "2023-12-21", ""},
      {"It has been taboo for a century.", "2023-12-21", ""},
      {"These days it has 60 children.", "2023-12-21", ""},
      {"The seven-year civil war goes on.", "2023-12-21", ""},
  };
  CHECK_ROWS(rows);
}

TEST(TimeTagger, WithoutDatelineKeepsOnlyAbsoluteTimes) {
  EXPECT_EQ(Tag("On Monday, 24 November 2023, and in 2014, but not yesterday.", nullptr),
            "24 November 2023=2023-11-24 | in 2014=2014");
}

TEST(TimeTagger, MentionsAreInTextOrderAndDisjoint) {
  Document doc;
  doc.text = "On Monday and Tuesday, since 2014 and in the last week; November 24-26, 2023.";
  doc.date = CivilDate{2024, 1, 2};
  Segmenter().Process(doc);
  TimeTagger().Process(doc);
  ASSERT_EQ(doc.times.size(), 5u);
  for (size_t i = 1; i < doc.times.size(); ++i) EXPECT_LE(doc.times[i - 1].span.end, doc.times[i].span.begin);
}

TEST(TimeTagger, SurvivesEveryPrefixOfAnArticle) {
  // Expressions cut anywhere must neither crash nor read past the text (run under the sanitizers).
  const std::string text =
      "On Thursday night, 24-26 September 2023, and since October 7, the past three days; in the summer of "
      "2014, two days later, mid-January, 21/12/2023, between March and May, New Year's Eve, the 1990s, "
      "late last year, the end of the year, “tomorrow”.";
  const Segmenter segmenter;
  const TimeTagger tagger;
  for (size_t size = 0; size <= text.size(); ++size) {
    if (size < text.size() && (static_cast<uint8_t>(text[size]) & 0xC0) == 0x80)
      continue;  // keep UTF-8 valid
    for (const bool dated : {true, false}) {
      Document doc;
      doc.text = text.substr(0, size);
      if (dated) doc.date = CivilDate{2024, 1, 2};
      segmenter.Process(doc);
      tagger.Process(doc);
      for (const TimeMention& time : doc.times) EXPECT_LE(time.span.end, doc.text.size());
    }
  }
}

TEST(TimeTagger, ErrorDocumentIsLeftAlone) {
  Document doc;
  doc.text = "On Monday.";
  doc.error = "bad";
  TimeTagger().Process(doc);
  EXPECT_TRUE(doc.times.empty());
}

}  // namespace
}  // namespace annalist
