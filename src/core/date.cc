// Day-number arithmetic after Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html): exact for the whole proleptic Gregorian calendar,
// branch-light, and with no table, so the times stage can add and subtract days across month, year and leap
// boundaries without special cases.
#include "annalist/date.h"

#include <cstdio>

namespace annalist {

bool IsLeapYear(int32_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int32_t DaysInMonth(int32_t year, int32_t month) {
  static constexpr int32_t kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

int64_t ToDayNumber(const CivilDate& date) {
  const int64_t y = static_cast<int64_t>(date.year) - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t shifted_month = date.month > 2 ? date.month - 3 : date.month + 9;  // March = 0
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + date.day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

CivilDate FromDayNumber(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  CivilDate date;
  date.day = static_cast<int32_t>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  date.month = static_cast<int32_t>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  date.year = static_cast<int32_t>(year_of_era + era * 400 + (date.month <= 2 ? 1 : 0));
  return date;
}

CivilDate AddDays(const CivilDate& date, int64_t days) { return FromDayNumber(ToDayNumber(date) + days); }

int32_t DayOfWeek(const CivilDate& date) {
  // 1970-01-01 was a Thursday (ISO 3).
  const int64_t days = ToDayNumber(date);
  return static_cast<int32_t>(((days % 7) + 7 + 3) % 7);
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count) -> int32_t {
    int32_t value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  const int32_t year = digits(0, 4), month = digits(5, 2), day = digits(8, 2);
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return CivilDate{year, month, day};
}

std::string FormatIsoDate(const CivilDate& date) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  return buffer;
}

DayInterval DayInterval::Month(int32_t year, int32_t month) {
  return {CivilDate{year, month, 1}, CivilDate{year, month, DaysInMonth(year, month)}};
}

DayInterval DayInterval::Year(int32_t year) { return {CivilDate{year, 1, 1}, CivilDate{year, 12, 31}}; }

std::string FormatTimeValue(const DayInterval& interval) {
  const CivilDate& first = interval.first;
  const CivilDate& last = interval.last;
  if (first == last) return FormatIsoDate(first);
  char buffer[32];
  if (first.year == last.year && first.month == 1 && first.day == 1 && last.month == 12 && last.day == 31) {
    std::snprintf(buffer, sizeof buffer, "%04d", first.year);
    return buffer;
  }
  if (first.year == last.year && first.month == last.month && first.day == 1 &&
      last.day == DaysInMonth(last.year, last.month)) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", first.year, first.month);
    return buffer;
  }
  return FormatIsoDate(first) + "/" + FormatIsoDate(last);
}

}  // namespace annalist
