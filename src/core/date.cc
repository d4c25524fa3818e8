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

namespace {

// Writes `value` as at least `width` decimal digits, as printf's "%0*d" does for 0 <= value < 10^width.
char* PutDigits(char* out, int32_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return out + width;
}

// The writer prints a date for every time mention and dated event: digits by hand for the years news has,
// printf for the rest (negative or five-digit years), whose output this matches byte for byte.
void AppendIsoDateTo(const CivilDate& date, std::string& out) {
  char buffer[32];
  if (date.year >= 0 && date.year <= 9999 && date.month >= 0 && date.month <= 99 && date.day >= 0 &&
      date.day <= 99) {
    char* p = PutDigits(buffer, date.year, 4);
    *p++ = '-';
    p = PutDigits(p, date.month, 2);
    *p++ = '-';
    p = PutDigits(p, date.day, 2);
    out.append(buffer, p);
    return;
  }
  const int n = std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
  out.append(buffer, static_cast<size_t>(n));
}

void AppendYearMonth(int32_t year, int32_t month, bool with_month, std::string& out) {
  char buffer[32];
  int n;
  if (year >= 0 && year <= 9999 && month >= 0 && month <= 99) {
    char* p = PutDigits(buffer, year, 4);
    if (with_month) {
      *p++ = '-';
      p = PutDigits(p, month, 2);
    }
    n = static_cast<int>(p - buffer);
  } else if (with_month) {
    n = std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  } else {
    n = std::snprintf(buffer, sizeof buffer, "%04d", year);
  }
  out.append(buffer, static_cast<size_t>(n));
}

}  // namespace

std::string FormatIsoDate(const CivilDate& date) {
  std::string out;
  AppendIsoDateTo(date, out);
  return out;
}

void AppendIsoDate(const CivilDate& date, std::string& out) { AppendIsoDateTo(date, out); }

DayInterval DayInterval::Month(int32_t year, int32_t month) {
  return {CivilDate{year, month, 1}, CivilDate{year, month, DaysInMonth(year, month)}};
}

DayInterval DayInterval::Year(int32_t year) { return {CivilDate{year, 1, 1}, CivilDate{year, 12, 31}}; }

void AppendTimeValue(const DayInterval& interval, std::string& out) {
  const CivilDate& first = interval.first;
  const CivilDate& last = interval.last;
  if (first == last) {
    AppendIsoDateTo(first, out);
  } else if (first.year == last.year && first.month == 1 && first.day == 1 && last.month == 12 &&
             last.day == 31) {
    AppendYearMonth(first.year, 0, false, out);
  } else if (first.year == last.year && first.month == last.month && first.day == 1 &&
             last.day == DaysInMonth(last.year, last.month)) {
    AppendYearMonth(first.year, first.month, true, out);
  } else {
    AppendIsoDateTo(first, out);
    out += '/';
    AppendIsoDateTo(last, out);
  }
}

std::string FormatTimeValue(const DayInterval& interval) {
  std::string out;
  AppendTimeValue(interval, out);
  return out;
}

}  // namespace annalist
