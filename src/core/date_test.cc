#include "annalist/date.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace annalist {
namespace {

TEST(Date, DayNumberRoundTripsOverFourCenturies) {
  for (int64_t day = -200000; day <= 200000; day += 7) {
    EXPECT_EQ(ToDayNumber(FromDayNumber(day)), day);
  }
  EXPECT_EQ(ToDayNumber(CivilDate{1970, 1, 1}), 0);
}

TEST(Date, AddDaysCrossesMonthYearAndLeapDay) {
  EXPECT_EQ(AddDays({2024, 1, 2}, -4), (CivilDate{2023, 12, 29}));
  EXPECT_EQ(AddDays({2024, 2, 28}, 1), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(AddDays({2023, 2, 28}, 1), (CivilDate{2023, 3, 1}));
  EXPECT_EQ(AddDays({2000, 2, 28}, 1), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(AddDays({1900, 2, 28}, 1), (CivilDate{1900, 3, 1}));
}

TEST(Date, DayOfWeekIsIsoMondayZero) {
  EXPECT_EQ(DayOfWeek({2023, 12, 21}), 3);  // Thursday
  EXPECT_EQ(DayOfWeek({2024, 1, 1}), 0);    // Monday
  EXPECT_EQ(DayOfWeek({2023, 12, 31}), 6);  // Sunday
}

TEST(Date, ParseIsoDateAcceptsOnlyRealDates) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), (CivilDate{2024, 2, 29}));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-13-01"));
  EXPECT_FALSE(ParseIsoDate("2023-12-1"));
  EXPECT_FALSE(ParseIsoDate("yesterday!"));
  EXPECT_FALSE(ParseIsoDate(""));
}

TEST(Date, FormatTimeValueUsesTheShortestExactForm) {
  EXPECT_EQ(FormatTimeValue(DayInterval::Day({2023, 12, 20})), "2023-12-20");
  EXPECT_EQ(FormatTimeValue(DayInterval::Month(2024, 2)), "2024-02");
  EXPECT_EQ(FormatTimeValue(DayInterval::Year(2023)), "2023");
  EXPECT_EQ(FormatTimeValue({{2023, 12, 14}, {2023, 12, 20}}), "2023-12-14/2023-12-20");
  EXPECT_EQ(FormatTimeValue({{2023, 1, 1}, {2024, 12, 31}}), "2023-01-01/2024-12-31");
  EXPECT_EQ(FormatTimeValue({{2024, 2, 1}, {2024, 2, 28}}), "2024-02-01/2024-02-28");  // not the whole month
}

// The writer's digits are written by hand for years 0..9999; outside them they must still match printf.
TEST(Date, AppendedDatesMatchPrintfForEveryYear) {
  for (const int32_t year : {0, 7, 999, 1000, 2024, 9999, 10000, 123456, -1, -2024}) {
    char expected[64];
    std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", year, 3, 9);
    std::string out = "x";
    AppendIsoDate({year, 3, 9}, out);
    EXPECT_EQ(out, std::string("x") + expected) << year;
    EXPECT_EQ(FormatIsoDate({year, 3, 9}), expected) << year;
    std::snprintf(expected, sizeof expected, "%04d", year);
    EXPECT_EQ(FormatTimeValue(DayInterval::Year(year)), expected) << year;
    std::snprintf(expected, sizeof expected, "%04d-%02d", year, 11);
    EXPECT_EQ(FormatTimeValue(DayInterval::Month(year, 11)), expected) << year;
  }
  std::string out;
  AppendTimeValue({{2023, 12, 14}, {2023, 12, 20}}, out);
  AppendTimeValue(DayInterval::Year(2023), out);
  EXPECT_EQ(out, "2023-12-14/2023-12-202023");
}

}  // namespace
}  // namespace annalist
