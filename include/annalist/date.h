// Calendar dates and day intervals: the value type of every time, event date and figure date.
//
// A CivilDate is a proleptic Gregorian date. A DayInterval is a closed interval of days; RECORDS.md's time
// values are its printed form: a single day prints as YYYY-MM-DD, exactly one whole month as YYYY-MM, exactly
// one whole year as YYYY, anything else as FROM/TO.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace annalist {

struct CivilDate {
  int32_t year = 1970;
  int32_t month = 1;  // 1..12
  int32_t day = 1;    // 1..DaysInMonth(year, month)

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

bool IsLeapYear(int32_t year);
// REQUIRES: 1 <= month <= 12.
int32_t DaysInMonth(int32_t year, int32_t month);

// Days since 1970-01-01 (negative before), and back. Exact for every proleptic Gregorian date.
int64_t ToDayNumber(const CivilDate& date);
CivilDate FromDayNumber(int64_t days);

// The date `days` days after `date` (before, when negative).
CivilDate AddDays(const CivilDate& date, int64_t days);
// 0 = Monday … 6 = Sunday (ISO 8601).
int32_t DayOfWeek(const CivilDate& date);

// Parses exactly "YYYY-MM-DD" (a real date, year 1000..9999); nullopt for anything else.
std::optional<CivilDate> ParseIsoDate(std::string_view text);
// "YYYY-MM-DD".
std::string FormatIsoDate(const CivilDate& date);
// The same, appended to `out` (no allocation beyond out's growth).
void AppendIsoDate(const CivilDate& date, std::string& out);

// A closed interval of days, first <= last.
struct DayInterval {
  CivilDate first;
  CivilDate last;

  static DayInterval Day(const CivilDate& day) { return {day, day}; }
  static DayInterval Month(int32_t year, int32_t month);
  static DayInterval Year(int32_t year);

  friend bool operator==(const DayInterval&, const DayInterval&) = default;
};

// RECORDS.md's value form: "2023-12-21", "2023-12", "2023" or "2023-12-14/2023-12-20".
std::string FormatTimeValue(const DayInterval& interval);
// The same, appended to `out`.
void AppendTimeValue(const DayInterval& interval, std::string& out);

}  // namespace annalist
