// Calendar arithmetic for the times stage. Everything reduces to day numbers (date.h) plus two primitives,
// AddMonths (clamping the day, so "a month before 31 March" is the last day of February) and the
// Monday-to-Sunday week. Periods counted back from the dateline end the day before it (ANNOTATION.md: "the
// past two years" published 2018-06-29 is 2016-06-29/2018-06-28); "since X" and calendar units include it.
#include "times/resolve.h"

namespace annalist::times {
namespace {

int64_t Day(const CivilDate& date) { return ToDayNumber(date); }

CivilDate FirstWeekdayOfMonth(int32_t year, int32_t month, int32_t weekday) {
  const CivilDate first{year, month, 1};
  return AddDays(first, (weekday - DayOfWeek(first) + 7) % 7);
}

CivilDate EasterSunday(int32_t year) {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int32_t a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int32_t f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int32_t i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int32_t m = (a + 11 * h + 22 * l) / 451;
  const int32_t month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return {year, month, day};
}

}  // namespace

CivilDate AddMonths(const CivilDate& date, int32_t months) {
  const int32_t index = date.year * 12 + (date.month - 1) + months;
  const int32_t year = index >= 0 ? index / 12 : (index - 11) / 12;
  const int32_t month = index - year * 12 + 1;
  const int32_t day = date.day < DaysInMonth(year, month) ? date.day : DaysInMonth(year, month);
  return {year, month, day};
}

DayInterval WeekOf(const CivilDate& date) {
  const CivilDate monday = AddDays(date, -DayOfWeek(date));
  return {monday, AddDays(monday, 6)};
}

CivilDate ResolveWeekday(const CivilDate& anchor, int32_t weekday, Direction direction) {
  const int32_t today = DayOfWeek(anchor);
  if (direction == Direction::kFuture) return AddDays(anchor, (weekday - today + 7) % 7);
  return AddDays(anchor, -((today - weekday + 7) % 7));
}

CivilDate ThisWeekday(const CivilDate& anchor, int32_t weekday, Direction direction) {
  const CivilDate day = AddDays(anchor, weekday - DayOfWeek(anchor));
  if (direction == Direction::kFuture && Day(day) < Day(anchor)) return AddDays(day, 7);
  return day;
}

CivilDate LastWeekday(const CivilDate& anchor, int32_t weekday) {
  return ResolveWeekday(AddDays(anchor, -1), weekday, Direction::kPast);
}

CivilDate NextWeekday(const CivilDate& anchor, int32_t weekday) {
  return ResolveWeekday(AddDays(anchor, 1), weekday, Direction::kFuture);
}

int32_t ResolveMonthYear(const CivilDate& anchor, int32_t month, Direction direction) {
  if (direction == Direction::kFuture) return month >= anchor.month ? anchor.year : anchor.year + 1;
  return month <= anchor.month ? anchor.year : anchor.year - 1;
}

int32_t LastMonthYear(const CivilDate& anchor, int32_t month) {
  return month < anchor.month ? anchor.year : anchor.year - 1;
}

int32_t NextMonthYear(const CivilDate& anchor, int32_t month) {
  return month > anchor.month ? anchor.year : anchor.year + 1;
}

std::optional<CivilDate> ResolveMonthDay(const CivilDate& anchor, int32_t month, int32_t day,
                                         Direction direction) {
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  const int32_t step = direction == Direction::kFuture ? 1 : -1;
  // Eight years always reach a leap year; the candidate in the anchor's own year is tried first.
  for (int32_t k = 0; k <= 8; ++k) {
    const int32_t year = anchor.year + step * k;
    if (day > DaysInMonth(year, month)) continue;
    const CivilDate candidate{year, month, day};
    if (direction == Direction::kFuture ? Day(candidate) >= Day(anchor) : Day(candidate) <= Day(anchor)) {
      return candidate;
    }
  }
  return std::nullopt;
}

DayInterval CalendarUnit(const CivilDate& anchor, TimeUnit unit, int32_t offset) {
  switch (unit) {
    case TimeUnit::kDay:
      return DayInterval::Day(AddDays(anchor, offset));
    case TimeUnit::kWeek:
      return WeekOf(AddDays(anchor, 7 * static_cast<int64_t>(offset)));
    case TimeUnit::kMonth: {
      const CivilDate month = AddMonths({anchor.year, anchor.month, 1}, offset);
      return DayInterval::Month(month.year, month.month);
    }
    case TimeUnit::kYear:
      return DayInterval::Year(anchor.year + offset);
    case TimeUnit::kDecade: {
      const int32_t start = (anchor.year / 10 + offset) * 10;
      return {CivilDate{start, 1, 1}, CivilDate{start + 9, 12, 31}};
    }
  }
  return DayInterval::Day(anchor);
}

namespace {

// `anchor` moved by `count` units (a decade is ten years); months and years clamp the day.
CivilDate Move(const CivilDate& anchor, TimeUnit unit, int32_t count) {
  switch (unit) {
    case TimeUnit::kDay:
      return AddDays(anchor, count);
    case TimeUnit::kWeek:
      return AddDays(anchor, 7 * static_cast<int64_t>(count));
    case TimeUnit::kMonth:
      return AddMonths(anchor, count);
    case TimeUnit::kYear:
      return AddMonths(anchor, 12 * count);
    case TimeUnit::kDecade:
      return AddMonths(anchor, 120 * count);
  }
  return anchor;
}

}  // namespace

DayInterval RollingBack(const CivilDate& anchor, TimeUnit unit, int32_t count) {
  return {Move(anchor, unit, -count), AddDays(anchor, -1)};
}

DayInterval RollingForward(const CivilDate& anchor, TimeUnit unit, int32_t count) {
  return {AddDays(anchor, 1), Move(anchor, unit, count)};
}

DayInterval Shift(const CivilDate& anchor, TimeUnit unit, int32_t count) {
  const CivilDate moved = Move(anchor, unit, -count);
  switch (unit) {
    case TimeUnit::kDay:
    case TimeUnit::kWeek:
      return DayInterval::Day(moved);
    case TimeUnit::kMonth:
      return DayInterval::Month(moved.year, moved.month);
    case TimeUnit::kYear:
    case TimeUnit::kDecade:
      return DayInterval::Year(moved.year);
  }
  return DayInterval::Day(moved);
}

DayInterval Weekend(const CivilDate& anchor, Direction direction) {
  constexpr int32_t kSaturday = 5;
  const CivilDate saturday = direction == Direction::kFuture
                                 ? ResolveWeekday(anchor, kSaturday, Direction::kFuture)
                                 : ResolveWeekday(AddDays(anchor, -1), kSaturday, Direction::kPast);
  return {saturday, AddDays(saturday, 1)};
}

DayInterval SeasonOf(Season season, int32_t year) {
  static constexpr int32_t kFirstMonth[4] = {3, 6, 9, 12};
  const int32_t first = kFirstMonth[static_cast<int>(season)];
  const CivilDate last = AddMonths({year, first, 1}, 2);
  return {CivilDate{year, first, 1}, CivilDate{last.year, last.month, DaysInMonth(last.year, last.month)}};
}

namespace {

// The year in which the season of kind `season` holding or preceding `anchor` starts.
int32_t StartYearOnOrBefore(const CivilDate& anchor, Season season) {
  const DayInterval same_year = SeasonOf(season, anchor.year);
  return Day(same_year.first) <= Day(anchor) ? anchor.year : anchor.year - 1;
}

}  // namespace

std::optional<DayInterval> SeasonHolding(const CivilDate& anchor, Season season) {
  const DayInterval candidate = SeasonOf(season, StartYearOnOrBefore(anchor, season));
  if (Day(candidate.last) >= Day(anchor)) return candidate;
  return std::nullopt;
}

DayInterval LastSeason(const CivilDate& anchor, Season season) {
  const int32_t year = StartYearOnOrBefore(anchor, season);
  const DayInterval candidate = SeasonOf(season, year);
  return Day(candidate.last) < Day(anchor) ? candidate : SeasonOf(season, year - 1);
}

DayInterval NextSeason(const CivilDate& anchor, Season season) {
  return SeasonOf(season, StartYearOnOrBefore(anchor, season) + 1);
}

DayInterval ResolveSeason(const CivilDate& anchor, Season season, Direction direction) {
  if (auto holding = SeasonHolding(anchor, season)) return *holding;
  return direction == Direction::kFuture ? NextSeason(anchor, season) : LastSeason(anchor, season);
}

DayInterval ThisSeason(const CivilDate& anchor, Season season, bool forward) {
  if (auto holding = SeasonHolding(anchor, season)) return *holding;
  const DayInterval next = NextSeason(anchor, season);
  if (forward) return next;
  const DayInterval last = LastSeason(anchor, season);
  return Day(anchor) - Day(last.last) <= Day(next.first) - Day(anchor) ? last : next;
}

CivilDate HolidayDate(Holiday holiday, int32_t year) {
  switch (holiday) {
    case Holiday::kChristmas:
      return {year, 12, 25};
    case Holiday::kChristmasEve:
      return {year, 12, 24};
    case Holiday::kBoxingDay:
      return {year, 12, 26};
    case Holiday::kNewYearsDay:
      return {year, 1, 1};
    case Holiday::kNewYearsEve:
      return {year, 12, 31};
    case Holiday::kValentinesDay:
      return {year, 2, 14};
    case Holiday::kHalloween:
      return {year, 10, 31};
    case Holiday::kBastilleDay:
      return {year, 7, 14};
    case Holiday::kArmisticeDay:
      return {year, 11, 11};
    case Holiday::kMayDay:
      return {year, 5, 1};
    case Holiday::kEaster:
      return EasterSunday(year);
    case Holiday::kGoodFriday:
      return AddDays(EasterSunday(year), -2);
    case Holiday::kEasterMonday:
      return AddDays(EasterSunday(year), 1);
    case Holiday::kThanksgiving:
      return AddDays(FirstWeekdayOfMonth(year, 11, 3), 21);
    case Holiday::kMemorialDay:
      return AddDays(FirstWeekdayOfMonth(year, 6, 0), -7);
    case Holiday::kLaborDay:
      return FirstWeekdayOfMonth(year, 9, 0);
  }
  return {year, 1, 1};
}

CivilDate ResolveHoliday(const CivilDate& anchor, Holiday holiday, Direction direction) {
  const CivilDate same_year = HolidayDate(holiday, anchor.year);
  if (direction == Direction::kFuture) {
    return Day(same_year) >= Day(anchor) ? same_year : HolidayDate(holiday, anchor.year + 1);
  }
  return Day(same_year) <= Day(anchor) ? same_year : HolidayDate(holiday, anchor.year - 1);
}

std::optional<DayInterval> MakeInterval(const CivilDate& first, const CivilDate& last) {
  if (Day(last) < Day(first)) return std::nullopt;
  return DayInterval{first, last};
}

}  // namespace annalist::times
