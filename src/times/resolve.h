// Calendar arithmetic for the times stage: pure functions from a parsed time expression and an anchor date
// (the dateline, or the date the text last named) to the DayInterval it denotes.
//
// Every function here is total over valid dates, allocation-free and thread-safe. The rules are those of
// shared/spec/ANNOTATION.md, "Times"; the comment on each function says which phrase it serves.
#pragma once

#include <cstdint>
#include <optional>

#include "annalist/date.h"

namespace annalist::times {

// Which way a name without a year or week resolves: to the most recent occurrence on or before the anchor
// (past, the default of news prose), or to the first one on or after it (a clause that points forward:
// "will meet on Monday").
enum class Direction : uint8_t { kPast, kFuture };

enum class TimeUnit : uint8_t { kDay, kWeek, kMonth, kYear, kDecade };

enum class Season : uint8_t { kSpring, kSummer, kAutumn, kWinter };

enum class Holiday : uint8_t {
  kChristmas,      // 25 December
  kChristmasEve,   // 24 December
  kBoxingDay,      // 26 December
  kNewYearsDay,    // 1 January
  kNewYearsEve,    // 31 December
  kValentinesDay,  // 14 February
  kHalloween,      // 31 October
  kBastilleDay,    // 14 July
  kArmisticeDay,   // 11 November
  kMayDay,         // 1 May
  kEaster,         // Easter Sunday (Gregorian computus)
  kGoodFriday,     // two days before Easter
  kEasterMonday,   // the day after Easter
  kThanksgiving,   // US: fourth Thursday of November
  kMemorialDay,    // US: last Monday of May
  kLaborDay,       // US: first Monday of September
};

// `date` moved by `months` calendar months; the day is clamped to the target month (31 March - 1 month =
// 28 or 29 February).
CivilDate AddMonths(const CivilDate& date, int32_t months);

// The Monday-to-Sunday week holding `date`.
DayInterval WeekOf(const CivilDate& date);

// A bare weekday ("Saturday", "on Monday"): the most recent such day on or before `anchor`, or the first on
// or after it. `weekday` is 0 = Monday … 6 = Sunday.
CivilDate ResolveWeekday(const CivilDate& anchor, int32_t weekday, Direction direction);
// "this Wednesday": the day of that name in the Monday-to-Sunday week holding `anchor`; in a clause that
// points forward, a day already past moves to the next week.
CivilDate ThisWeekday(const CivilDate& anchor, int32_t weekday, Direction direction);
// "last Friday": the most recent such day strictly before `anchor`; "next Monday": the first strictly after.
CivilDate LastWeekday(const CivilDate& anchor, int32_t weekday);
CivilDate NextWeekday(const CivilDate& anchor, int32_t weekday);

// A month without a year ("in October", "January"): the year that puts the month on or before `anchor`'s
// month (the same month counts), or on or after it.
int32_t ResolveMonthYear(const CivilDate& anchor, int32_t month, Direction direction);
// "last July": the most recent July strictly before `anchor`'s month; "next July": the first strictly after.
int32_t LastMonthYear(const CivilDate& anchor, int32_t month);
int32_t NextMonthYear(const CivilDate& anchor, int32_t month);

// A month-day without a year ("November 24", "19 April"): the year that puts the day on or before `anchor`
// (or on or after). nullopt when no year has that day (30 February); 29 February finds a leap year.
std::optional<CivilDate> ResolveMonthDay(const CivilDate& anchor, int32_t month, int32_t day,
                                         Direction direction);

// "this/last/next week|month|year|decade" as calendar units: offset 0 is the unit holding `anchor`, -1 the
// one before, +1 the one after. A week is Monday to Sunday. (ANNOTATION.md makes "last week" a rolling
// period: callers use RollingBack for it.)
DayInterval CalendarUnit(const CivilDate& anchor, TimeUnit unit, int32_t offset);

// "the past three days", "in the last month", "over the past week", "in recent weeks" (count 3): `count`
// units back from `anchor`, ending the day before it.
DayInterval RollingBack(const CivilDate& anchor, TimeUnit unit, int32_t count);
// "the coming weeks", "the next two years": from the day after `anchor`, `count` units forward.
DayInterval RollingForward(const CivilDate& anchor, TimeUnit unit, int32_t count);

// "N days|weeks ago" → that day; "N months ago" → that month; "N years|decades ago" → that year. A negative
// count moves forward ("two days later" from a named day is Shift(day, kDay, 2)).
DayInterval Shift(const CivilDate& anchor, TimeUnit unit, int32_t count);

// "the weekend": the Saturday and Sunday before `anchor` (a Sunday anchor's own weekend), or, forward, the
// first weekend after it (a Saturday anchor's own weekend).
DayInterval Weekend(const CivilDate& anchor, Direction direction);

// The meteorological season that starts in `year`: spring = March–May, summer = June–August, autumn =
// September–November, winter = December of `year` to February of the next.
DayInterval SeasonOf(Season season, int32_t year);
// The season holding `anchor`, if it is of kind `season`.
std::optional<DayInterval> SeasonHolding(const CivilDate& anchor, Season season);
// "last winter": the most recent such season that ended before `anchor`; "next winter": the first that starts
// after it; a bare "summer" / "in the summer": the one holding `anchor`, else the previous (or, forward, the
// next); "this summer": the one holding `anchor`, else the nearer of the previous and the next (forward:
// next).
DayInterval LastSeason(const CivilDate& anchor, Season season);
DayInterval NextSeason(const CivilDate& anchor, Season season);
DayInterval ResolveSeason(const CivilDate& anchor, Season season, Direction direction);
DayInterval ThisSeason(const CivilDate& anchor, Season season, bool forward);

// The day of `holiday` in `year`.
CivilDate HolidayDate(Holiday holiday, int32_t year);
// A holiday without a year ("Christmas"): the most recent one on or before `anchor`, or the first on or
// after.
CivilDate ResolveHoliday(const CivilDate& anchor, Holiday holiday, Direction direction);

// Builds the interval [first, last] or nullopt when last < first.
std::optional<DayInterval> MakeInterval(const CivilDate& first, const CivilDate& last);

}  // namespace annalist::times
