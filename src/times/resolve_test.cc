#include "times/resolve.h"

#include <gtest/gtest.h>

#include <string>

namespace annalist::times {
namespace {

CivilDate D(const char* iso) { return *ParseIsoDate(iso); }
std::string F(const DayInterval& value) { return FormatTimeValue(value); }
std::string F(const CivilDate& value) { return FormatIsoDate(value); }

constexpr Direction kPast = Direction::kPast;
constexpr Direction kFuture = Direction::kFuture;

TEST(Resolve, AddMonthsClampsTheDay) {
  struct Row {
    const char* date;
    int32_t months;
    const char* expected;
  };
  const Row rows[] = {
      {"2024-03-31", -1, "2024-02-29"}, {"2023-03-31", -1, "2023-02-28"}, {"2023-12-15", 1, "2024-01-15"},
      {"2024-01-15", -1, "2023-12-15"}, {"2024-02-29", 12, "2025-02-28"}, {"2024-05-31", -27, "2022-02-28"},
  };
  for (const Row& row : rows) EXPECT_EQ(F(AddMonths(D(row.date), row.months)), row.expected) << row.date;
}

TEST(Resolve, Weekdays) {
  struct Row {
    const char* anchor;
    int32_t weekday;
    const char* bare_past;
    const char* bare_future;
    const char* last;
    const char* next;
  };
  const Row rows[] = {
      // 2024-01-02 is a Tuesday: "last Friday" crosses the year.
      {"2024-01-02", 4, "2023-12-29", "2024-01-05", "2023-12-29", "2024-01-05"},
      {"2024-01-02", 1, "2024-01-02", "2024-01-02", "2023-12-26", "2024-01-09"},
      {"2023-12-21", 3, "2023-12-21", "2023-12-21", "2023-12-14", "2023-12-28"},
      {"2024-03-01", 3, "2024-02-29", "2024-03-07", "2024-02-29", "2024-03-07"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(F(ResolveWeekday(D(row.anchor), row.weekday, kPast)), row.bare_past) << row.anchor;
    EXPECT_EQ(F(ResolveWeekday(D(row.anchor), row.weekday, kFuture)), row.bare_future) << row.anchor;
    EXPECT_EQ(F(LastWeekday(D(row.anchor), row.weekday)), row.last) << row.anchor;
    EXPECT_EQ(F(NextWeekday(D(row.anchor), row.weekday)), row.next) << row.anchor;
  }
}

TEST(Resolve, ThisWeekdayIsInTheCalendarWeek) {
  EXPECT_EQ(F(ThisWeekday(D("2023-12-21"), 2, kPast)), "2023-12-20");    // this Wednesday, on a Thursday
  EXPECT_EQ(F(ThisWeekday(D("2023-12-21"), 5, kPast)), "2023-12-23");    // this Saturday
  EXPECT_EQ(F(ThisWeekday(D("2023-12-21"), 2, kFuture)), "2023-12-27");  // "will meet this Wednesday"
}

TEST(Resolve, MonthDayWithoutYear) {
  struct Row {
    const char* anchor;
    int32_t month, day;
    Direction direction;
    const char* expected;
  };
  const Row rows[] = {
      {"2024-01-02", 12, 30, kPast, "2023-12-30"}, {"2024-01-02", 1, 2, kPast, "2024-01-02"},
      {"2023-12-21", 11, 24, kPast, "2023-11-24"}, {"2018-09-17", 10, 15, kFuture, "2018-10-15"},
      {"2018-09-17", 9, 1, kFuture, "2019-09-01"}, {"2023-03-01", 2, 29, kPast, "2020-02-29"},
      {"2024-03-01", 2, 29, kPast, "2024-02-29"},  {"2023-03-01", 2, 29, kFuture, "2024-02-29"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(F(*ResolveMonthDay(D(row.anchor), row.month, row.day, row.direction)), row.expected)
        << row.anchor;
  }
  EXPECT_FALSE(ResolveMonthDay(D("2024-01-02"), 2, 30, kPast));
  EXPECT_FALSE(ResolveMonthDay(D("2024-01-02"), 4, 31, kPast));
}

TEST(Resolve, MonthWithoutYear) {
  EXPECT_EQ(ResolveMonthYear(D("2018-06-29"), 10, kPast), 2017);
  EXPECT_EQ(ResolveMonthYear(D("2019-03-26"), 1, kPast), 2019);
  EXPECT_EQ(ResolveMonthYear(D("2019-03-26"), 3, kPast), 2019);
  EXPECT_EQ(ResolveMonthYear(D("2018-12-19"), 2, kFuture), 2019);
  EXPECT_EQ(LastMonthYear(D("2019-03-26"), 7), 2018);
  EXPECT_EQ(LastMonthYear(D("2019-03-26"), 3), 2018);
  EXPECT_EQ(NextMonthYear(D("2019-03-26"), 3), 2020);
}

TEST(Resolve, CalendarUnits) {
  struct Row {
    const char* anchor;
    TimeUnit unit;
    int32_t offset;
    const char* expected;
  };
  const Row rows[] = {
      {"2019-01-15", TimeUnit::kWeek, 0, "2019-01-14/2019-01-20"},
      {"2024-01-02", TimeUnit::kWeek, 0, "2024-01-01/2024-01-07"},
      {"2024-01-02", TimeUnit::kWeek, 1, "2024-01-08/2024-01-14"},
      {"2024-01-02", TimeUnit::kMonth, -1, "2023-12"},
      {"2024-03-01", TimeUnit::kMonth, -1, "2024-02"},
      {"2024-01-02", TimeUnit::kYear, -1, "2023"},  // "late last year"
      {"2018-12-18", TimeUnit::kYear, 1, "2019"},
      {"2018-05-13", TimeUnit::kDecade, -1, "2000-01-01/2009-12-31"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(F(CalendarUnit(D(row.anchor), row.unit, row.offset)), row.expected) << row.anchor;
  }
}

TEST(Resolve, RollingPeriodsEndTheDayBefore) {
  struct Row {
    const char* anchor;
    TimeUnit unit;
    int32_t count;
    const char* back;
    const char* forward;
  };
  const Row rows[] = {
      {"2023-12-21", TimeUnit::kWeek, 1, "2023-12-14/2023-12-20", "2023-12-22/2023-12-28"},
      {"2019-01-15", TimeUnit::kMonth, 1, "2018-12-15/2019-01-14", "2019-01-16/2019-02-15"},
      {"2019-01-15", TimeUnit::kWeek, 3, "2018-12-25/2019-01-14", "2019-01-16/2019-02-05"},
      {"2019-03-12", TimeUnit::kMonth, 3, "2018-12-12/2019-03-11", "2019-03-13/2019-06-12"},
      {"2018-06-29", TimeUnit::kYear, 2, "2016-06-29/2018-06-28", "2018-06-30/2020-06-29"},
      {"2024-01-02", TimeUnit::kDay, 3, "2023-12-30/2024-01-01", "2024-01-03/2024-01-05"},
      {"2024-03-01", TimeUnit::kDay, 1, "2024-02-29", "2024-03-02"},
      {"2024-03-31", TimeUnit::kMonth, 1, "2024-02-29/2024-03-30", "2024-04"},  // a whole month prints short
  };
  for (const Row& row : rows) {
    EXPECT_EQ(F(RollingBack(D(row.anchor), row.unit, row.count)), row.back) << row.anchor;
    EXPECT_EQ(F(RollingForward(D(row.anchor), row.unit, row.count)), row.forward) << row.anchor;
  }
}

TEST(Resolve, AgoNamesADayMonthOrYear) {
  EXPECT_EQ(F(Shift(D("2018-09-17"), TimeUnit::kWeek, 2)), "2018-09-03");
  EXPECT_EQ(F(Shift(D("2024-03-01"), TimeUnit::kDay, 1)), "2024-02-29");
  EXPECT_EQ(F(Shift(D("2024-01-02"), TimeUnit::kMonth, 2)), "2023-11");
  EXPECT_EQ(F(Shift(D("2019-03-12"), TimeUnit::kYear, 5)), "2014");
  EXPECT_EQ(F(Shift(D("2023-11-24"), TimeUnit::kDay, -2)), "2023-11-26");  // "two days later"
}

TEST(Resolve, Weekend) {
  EXPECT_EQ(F(Weekend(D("2019-03-26"), kPast)), "2019-03-23/2019-03-24");
  EXPECT_EQ(F(Weekend(D("2018-12-18"), kPast)), "2018-12-15/2018-12-16");
  EXPECT_EQ(F(Weekend(D("2024-01-02"), kPast)), "2023-12-30/2023-12-31");
  EXPECT_EQ(F(Weekend(D("2024-01-02"), kFuture)), "2024-01-06/2024-01-07");
  EXPECT_EQ(F(Weekend(D("2024-01-07"), kPast)), "2024-01-06/2024-01-07");  // a Sunday: its own weekend
}

TEST(Resolve, Seasons) {
  EXPECT_EQ(F(SeasonOf(Season::kSummer, 2014)), "2014-06-01/2014-08-31");
  EXPECT_EQ(F(SeasonOf(Season::kWinter, 2023)), "2023-12-01/2024-02-29");
  EXPECT_EQ(F(ThisSeason(D("2019-01-15"), Season::kWinter, false)), "2018-12-01/2019-02-28");
  EXPECT_EQ(F(LastSeason(D("2019-01-15"), Season::kWinter)), "2017-12-01/2018-02-28");
  EXPECT_EQ(F(NextSeason(D("2019-01-15"), Season::kWinter)), "2019-12-01/2020-02-29");
  EXPECT_EQ(F(ResolveSeason(D("2019-01-15"), Season::kSummer, kPast)), "2018-06-01/2018-08-31");
  EXPECT_EQ(F(ResolveSeason(D("2019-01-15"), Season::kSummer, kFuture)), "2019-06-01/2019-08-31");
  EXPECT_EQ(F(ThisSeason(D("2019-10-15"), Season::kSummer, false)), "2019-06-01/2019-08-31");
  EXPECT_EQ(F(ThisSeason(D("2019-02-15"), Season::kSummer, false)), "2019-06-01/2019-08-31");
}

TEST(Resolve, Holidays) {
  EXPECT_EQ(F(HolidayDate(Holiday::kEaster, 2024)), "2024-03-31");
  EXPECT_EQ(F(HolidayDate(Holiday::kEaster, 2019)), "2019-04-21");
  EXPECT_EQ(F(HolidayDate(Holiday::kGoodFriday, 2019)), "2019-04-19");
  EXPECT_EQ(F(HolidayDate(Holiday::kThanksgiving, 2023)), "2023-11-23");
  EXPECT_EQ(F(HolidayDate(Holiday::kMemorialDay, 2024)), "2024-05-27");
  EXPECT_EQ(F(HolidayDate(Holiday::kLaborDay, 2018)), "2018-09-03");
  EXPECT_EQ(F(ResolveHoliday(D("2019-01-03"), Holiday::kChristmas, kPast)), "2018-12-25");
  EXPECT_EQ(F(ResolveHoliday(D("2018-12-20"), Holiday::kChristmas, kFuture)), "2018-12-25");
  EXPECT_EQ(F(ResolveHoliday(D("2024-01-02"), Holiday::kNewYearsDay, kPast)), "2024-01-01");
}

}  // namespace
}  // namespace annalist::times
