// The relative forms of the times stage's parser: "this/last/next …", rolling periods ("the past three
// days", "in recent weeks"), "the … of", "in/since/between", qualifiers ("late last year"), counts ("two
// weeks ago", "two days later"), seasons and holidays. The algorithm is described in time_tagger.cc.
#include <algorithm>
#include <optional>
#include <string_view>

#include "times/clause.h"
#include "times/resolve.h"
#include "times/time_parser.h"

namespace annalist::times {

using FW = FunctionWord;

// "this/last/next" + weekday, week, month, year, weekend, month name, season, part of day;
// "last/past/next N units"; "this past week".
std::optional<Parsed> Parser::ParseDeterminer(uint32_t i) {
  // "their last decade in Syria", "his last year in office": a possessor's, not the calendar's.
  if (i > sentence_begin_ && Kind(i - 1) == TokenKind::kWord) {
    static constexpr std::string_view kPossessives[] = {"his", "her", "its", "their", "our", "my", "your"};
    for (std::string_view word : kPossessives) {
      if (EqualsAsciiLower(Text(i - 1), word)) return std::nullopt;
    }
  }
  const WordEntry det = Word(i);
  const FunctionWord which = static_cast<FunctionWord>(det.value);
  uint32_t j = i + 1;
  if (which == FW::kThis && Is(j, FW::kPast)) {  // "this past week"
    if (auto rolling = ParseRolling(i, j + 1, /*back=*/true)) return rolling;
    return std::nullopt;
  }
  if (which == FW::kPast) return ParseRolling(i, j, /*back=*/true);
  const WordEntry next = Word(j);
  switch (next.kind) {
    case WordKind::kWeekday: {
      if (!Capitalized(j)) return std::nullopt;
      const uint32_t end = SkipPartOfDay(j + 1);
      CivilDate day;
      if (which == FW::kThis)
        day = times::ThisWeekday(today_, next.value, Dir(i, end));
      else if (which == FW::kLast)
        day = times::LastWeekday(today_, next.value);
      else
        day = times::NextWeekday(today_, next.value);
      return Make(i, end, DayInterval::Day(day), true, Parsed::kDay);
    }
    case WordKind::kUnit: {
      if (next.has(times::kPlural)) return std::nullopt;
      if (Word(j + 1).is(FW::kOld)) return std::nullopt;
      const int32_t offset = which == FW::kThis ? 0 : which == FW::kLast ? -1 : 1;
      if (next.value == times::kUnitWeekend) {
        return Make(i, j + 1, WeekendAt(offset, Dir(i, j + 1)), true, Parsed::kOther);
      }
      if (next.value == times::kUnitFortnight) return std::nullopt;
      const TimeUnit unit = static_cast<TimeUnit>(next.value);
      if (unit == TimeUnit::kDay) return std::nullopt;
      if (unit == TimeUnit::kWeek && which == FW::kLast) {
        return Make(i, j + 1, times::RollingBack(today_, TimeUnit::kWeek, 1), true, Parsed::kOther);
      }
      return Make(i, j + 1, times::CalendarUnit(today_, unit, offset), true, ShapeOf(unit));
    }
    case WordKind::kMonth: {
      if (!Capitalized(j)) return std::nullopt;
      if (next.has(times::kAbbreviation)) return std::nullopt;
      int32_t year = today_.year;
      if (which == FW::kLast) year = times::LastMonthYear(today_, next.value);
      if (which == FW::kNext) year = times::NextMonthYear(today_, next.value);
      return Make(i, j + 1, DayInterval::Month(year, next.value), true, Parsed::kMonth);
    }
    case WordKind::kSeason:
      return SeasonAfterDeterminer(i, j, which);
    case WordKind::kPartOfDay: {
      if (which == FW::kNext) return std::nullopt;
      const int32_t offset = which == FW::kLast ? -1 : 0;
      return Make(i, j + 1, DayInterval::Day(AddDays(today_, offset)), true, Parsed::kDay);
    }
    case WordKind::kNumberWord:
      if (which == FW::kThis) return std::nullopt;
      return ParseRolling(i, j, which == FW::kLast);
    case WordKind::kNone:
      if (Valid(j) && Kind(j) == TokenKind::kNumber) return ParseRolling(i, j, which == FW::kLast);
      // "this cold winter": one adjective between the determiner and a season.
      if (Valid(j + 1) && Kind(j) == TokenKind::kWord && !Capitalized(j) &&
          Word(j + 1).kind == WordKind::kSeason) {
        return SeasonAfterDeterminer(i, j + 1, which);
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

Parsed::Shape Parser::ShapeOf(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::kDay:
      return Parsed::kDay;
    case TimeUnit::kMonth:
      return Parsed::kMonth;
    case TimeUnit::kYear:
      return Parsed::kYear;
    default:
      return Parsed::kOther;
  }
}

// "this weekend" (0), "last weekend" (-1), "next weekend" (+1), "the weekend" (kNone = by tense).
DayInterval Parser::WeekendAt(int32_t offset, Direction direction) const {
  const DayInterval week = times::WeekOf(today_);
  const CivilDate saturday = AddDays(week.first, 5);
  if (offset == 0) return {saturday, week.last};
  const bool in_weekend = DayOfWeek(today_) >= 5;
  if (offset < 0) {
    const CivilDate last =
        in_weekend ? AddDays(saturday, -7) : times::Weekend(today_, Direction::kPast).first;
    return {last, AddDays(last, 1)};
  }
  if (offset > 0) {
    const CivilDate next = in_weekend ? AddDays(saturday, 7) : saturday;
    return {next, AddDays(next, 1)};
  }
  return times::Weekend(today_, direction);
}

std::optional<Parsed> Parser::SeasonAfterDeterminer(uint32_t i, uint32_t j, FunctionWord which) {
  const Season season = static_cast<Season>(Word(j).value);
  DayInterval value;
  if (which == FW::kLast)
    value = times::LastSeason(today_, season);
  else if (which == FW::kNext)
    value = times::NextSeason(today_, season);
  else
    value = times::ThisSeason(today_, season, Dir(i, j + 1) == Direction::kFuture);
  return Make(i, j + 1, value, true, Parsed::kOther);
}

// After "the past", "last", "next", "the coming" at token j: [N | few | a few | couple of] unit(s).
// "the past year" → 1 unit; "the past weeks" (plural, no N) → 3.
std::optional<Parsed> Parser::ParseRolling(uint32_t begin, uint32_t j, bool back) {
  return ParseRollingFrom(begin, j, back, today_);
}

// The same, counted from `anchor` ("over the next three years" in a story of 2014 counts from 2014).
std::optional<Parsed> Parser::ParseRollingFrom(uint32_t begin, uint32_t j, bool back,
                                               const CivilDate& anchor) {
  int32_t count = -1;
  if (Word(j).kind == WordKind::kNumberWord) {
    const WordEntry number = Word(j);
    count = number.value;
    ++j;
    if (Word(j).kind == WordKind::kNumberWord && number.value == 1) {  // "a few", "a couple"
      count = Word(j).value;
      ++j;
    }
    if (Is(j, FW::kOf)) ++j;  // "couple of"
  } else if (Valid(j) && Kind(j) == TokenKind::kNumber) {
    count = ParseDigits(Text(j), 3);
    if (count <= 0) return std::nullopt;
    ++j;
  }
  const WordEntry unit = Word(j);
  if (unit.kind != WordKind::kUnit || unit.value == times::kUnitWeekend) return std::nullopt;
  // "the last week of March" is no rolling period; "the last eight years of civil war" is.
  if ((Is(j + 1, FW::kOf) && count < 0) || Word(j + 1).is(FW::kOld)) return std::nullopt;
  // "the last days (of the caliphate)", "the last day (of school)": final, not rolling.
  if (count < 0 && (unit.has(times::kPlural) || (unit.value == static_cast<uint8_t>(TimeUnit::kDay) &&
                                                 Is(begin, FW::kThe) && Is(begin + 1, FW::kLast)))) {
    return std::nullopt;
  }
  if (count < 0) count = 1;
  if (count > 1 && !unit.has(times::kPlural)) return std::nullopt;
  TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
  if (unit.value == times::kUnitFortnight) {
    time_unit = TimeUnit::kWeek;
    count *= 2;
  }
  const DayInterval value =
      back ? times::RollingBack(anchor, time_unit, count) : times::RollingForward(anchor, time_unit, count);
  return Make(begin, j + 1, value, true, Parsed::kOther);
}

// "recent weeks" (3 units back), "coming days" (3 units forward), starting at `begin`.
std::optional<Parsed> Parser::ParseRecent(uint32_t begin, uint32_t i) {
  const bool back = Is(i, FW::kRecent);
  const WordEntry unit = Word(i + 1);
  if (unit.kind != WordKind::kUnit || !unit.has(times::kPlural) || unit.value == times::kUnitWeekend) {
    return std::nullopt;
  }
  const TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
  const DayInterval value =
      back ? times::RollingBack(today_, time_unit, 3) : times::RollingForward(today_, time_unit, 3);
  return Make(begin, i + 2, value, true, Parsed::kOther);
}

std::optional<Parsed> Parser::ParseThe(uint32_t i) {
  const uint32_t j = i + 1;
  if (!Valid(j)) return std::nullopt;
  const WordEntry next = Word(j);
  if (next.is(FW::kPast) || next.is(FW::kLast)) return ParseRolling(i, j + 1, /*back=*/true);
  if (next.is(FW::kNext) || next.is(FW::kComing)) {
    if (Word(j + 1).kind == WordKind::kUnit && Word(j + 1).value == static_cast<uint8_t>(TimeUnit::kDay) &&
        !Word(j + 1).has(times::kPlural)) {
      return ParseAnchoredDay(i, j);
    }
    if (next.is(FW::kComing)) {
      if (auto recent = ParseRecent(i, j)) return recent;
    }
    // "The next year, it rose": the year after the date named last, unless the clause points forward; "in the
    // next year" (also within, over, during): the coming twelve months, unless the clause has a past cue.
    const WordEntry unit = Word(j + 1);
    if (next.is(FW::kNext) && unit.kind == WordKind::kUnit && !unit.has(times::kPlural) &&
        unit.value < times::kUnitWeekend && last_named_ && !Is(j + 2, FW::kOf)) {
      const bool inside = i > sentence_begin_ && (Is(i - 1, FW::kIn) || Is(i - 1, FW::kWithin) ||
                                                  Is(i - 1, FW::kOver) || Is(i - 1, FW::kDuring));
      const std::optional<Direction> cue = ClauseCue(doc_, lexicon_, i, j + 2);
      if (inside ? cue == Direction::kPast : cue != Direction::kFuture) {
        return AnchoredUnit(i, j + 2, static_cast<TimeUnit>(unit.value), 1);
      }
    }
    // "over the next three years he returned twice": in a clause with a past cue, from the date named last;
    // with no cue, from the dateline ("troops withdraw in the next few months").
    if (next.is(FW::kNext) && last_named_ && unit.kind != WordKind::kUnit) {
      std::optional<Parsed> rolling = ParseRolling(i, j + 1, /*back=*/false);
      if (rolling && ClauseCue(doc_, lexicon_, i, rolling->end) == Direction::kPast) {
        return ParseRollingFrom(i, j + 1, /*back=*/false, last_named_->last);
      }
      return rolling;
    }
    return ParseRolling(i, j + 1, /*back=*/false);
  }
  if (next.is(FW::kFollowing) && last_named_ && Word(j + 1).kind != WordKind::kUnit) {
    return ParseRollingFrom(i, j + 1, /*back=*/false, last_named_->last);  // "the following two weeks"
  }
  if (next.is(FW::kFollowing) || next.is(FW::kPrevious) || next.is(FW::kSame)) return ParseAnchoredDay(i, j);
  if (next.kind == WordKind::kUnit) {
    if (next.value == times::kUnitWeekend && !next.has(times::kPlural)) {
      return Make(i, j + 1, times::Weekend(today_, Dir(i, j + 1)), true, Parsed::kOther);
    }
    // "the day before", "the day after" at the end of a phrase.
    if (next.value == static_cast<uint8_t>(TimeUnit::kDay) && !next.has(times::kPlural) &&
        (Is(j + 1, FW::kBefore) || Is(j + 1, FW::kAfter)) &&
        (!Valid(j + 2) || Kind(j + 2) == TokenKind::kPunct) && last_named_ &&
        last_named_->first == last_named_->last) {
      const int32_t offset = Is(j + 1, FW::kBefore) ? -1 : 1;
      return Make(i, j + 2, DayInterval::Day(AddDays(last_named_->first, offset)), true, Parsed::kDay);
    }
    return std::nullopt;
  }
  if (next.is(HolidayWord::kNew)) {  // "the new year"
    if (Word(j + 1).kind == WordKind::kUnit && Word(j + 1).value == static_cast<uint8_t>(TimeUnit::kYear) &&
        !Word(j + 1).has(times::kPlural) && !IsPossessive(j + 2)) {
      const int32_t year = today_.month >= 10 ? today_.year + 1 : today_.year;
      return Make(i, j + 2, DayInterval::Year(year), true, Parsed::kYear);
    }
    return std::nullopt;
  }
  if (next.kind == WordKind::kSeason) return ParseSeasonLed(j, /*strong=*/true, i);
  if (next.is(FW::kEnd) || next.is(FW::kBeginning) || next.is(FW::kStart) || next.is(FW::kMiddle) ||
      next.is(FW::kTurn)) {
    return ParseEndOf(i, j);
  }
  if (next.is(FW::kEarly) || next.is(FW::kLate) || next.is(FW::kMid)) {  // "the early 1990s"
    if (auto decade = ParseDecade(i, j + 1)) return decade;
    return std::nullopt;
  }
  if (auto decade = ParseDecade(i, j)) return decade;
  // "the 24th of November".
  if (const int32_t day = DayNumber(j); day > 0 && Is(j + 1, FW::kOf) && MonthAt(j + 2) > 0) {
    return FinishMonthDay(i, j + 2, MonthAt(j + 2), day, day);
  }
  if (Word(j).kind == WordKind::kOrdinalWord && Is(j + 1, FW::kOf) && MonthAt(j + 2) > 0) {
    return FinishMonthDay(i, j + 2, MonthAt(j + 2), Word(j).value, Word(j).value);
  }
  return std::nullopt;
}

// "the 1990s" (token "1990s") starting at `begin`, the decade at token j.
std::optional<Parsed> Parser::ParseDecade(uint32_t begin, uint32_t j) {
  if (!Valid(j) || Kind(j) != TokenKind::kWord) return std::nullopt;
  const std::string_view text = Text(j);
  if (text.size() != 5 || text[4] != 's') return std::nullopt;
  const int32_t year = ParseDigits(text.substr(0, 4), 4);
  if (year < 1000 || year > 2100 || year % 10 != 0) return std::nullopt;
  return Make(begin, j + 1, {CivilDate{year, 1, 1}, CivilDate{year + 9, 12, 31}}, false, Parsed::kOther,
              true);
}

// "the next day", "the following week", "the previous day", "the same day": from the date named last.
std::optional<Parsed> Parser::ParseAnchoredDay(uint32_t begin, uint32_t j) {
  const WordEntry which = Word(j);
  const WordEntry unit = Word(j + 1);
  if (unit.kind != WordKind::kUnit || unit.has(times::kPlural) || unit.value >= times::kUnitWeekend) {
    return std::nullopt;
  }
  if (Is(j + 2, FW::kOf) || !last_named_) return std::nullopt;
  const TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
  int32_t offset = 0;
  if (which.is(FW::kNext) || which.is(FW::kFollowing))
    offset = 1;
  else if (which.is(FW::kPrevious))
    offset = -1;
  else if (!which.is(FW::kSame))
    return std::nullopt;
  return AnchoredUnit(begin, j + 2, time_unit, offset);
}

// The unit `offset` units from the date named last ("the next day", "later that month").
std::optional<Parsed> Parser::AnchoredUnit(uint32_t begin, uint32_t end, TimeUnit unit, int32_t offset) {
  if (!last_named_) return std::nullopt;
  const DayInterval& anchor = *last_named_;
  const bool single_day = anchor.first == anchor.last;
  if ((unit == TimeUnit::kDay || unit == TimeUnit::kWeek) && !single_day) return std::nullopt;
  if (unit == TimeUnit::kDay || unit == TimeUnit::kWeek) {
    return Make(begin, end, times::CalendarUnit(anchor.first, unit, offset), true, ShapeOf(unit));
  }
  return Make(begin, end, times::CalendarUnit(anchor.first, unit, offset), true, ShapeOf(unit));
}

// "that day", "that night", "that week", "later that day", "earlier that year", starting at `begin`.
std::optional<Parsed> Parser::ParseThat(uint32_t begin, uint32_t i) {
  const WordEntry next = Word(i + 1);
  if (next.kind == WordKind::kPartOfDay) return AnchoredUnit(begin, i + 2, TimeUnit::kDay, 0);
  if (next.kind != WordKind::kUnit || next.has(times::kPlural) || next.value >= times::kUnitWeekend) {
    return std::nullopt;
  }
  if (Is(i + 2, FW::kOf)) return std::nullopt;
  return AnchoredUnit(begin, i + 2, static_cast<TimeUnit>(next.value), 0);
}

// "the end of the year", "the start of 2019", "the end of last year", "the beginning of March": the whole
// unit.
std::optional<Parsed> Parser::ParseEndOf(uint32_t begin, uint32_t j) {
  if (!Is(j + 1, FW::kOf)) return std::nullopt;
  const uint32_t k = j + 2;
  if (Is(k, FW::kThe)) {
    const WordEntry unit = Word(k + 1);
    if (unit.kind == WordKind::kUnit && !unit.has(times::kPlural) && unit.value < times::kUnitWeekend &&
        unit.value != static_cast<uint8_t>(TimeUnit::kDay)) {
      if (Is(k + 2, FW::kOf) || IsPossessive(k + 2)) return std::nullopt;
      const TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
      return Make(begin, k + 2, times::CalendarUnit(today_, time_unit, 0), true, ShapeOf(time_unit));
    }
  }
  std::optional<Parsed> core = ParseCore(k);
  if (!core || core->shape == Parsed::kDay) return std::nullopt;
  core->begin = begin;
  return core;
}

// "in 2014", "in October", "in the last month", "in recent weeks": "in" joins the mention.
std::optional<Parsed> Parser::ParseIn(uint32_t i) {
  std::optional<Parsed> core = ParseCore(i + 1);
  if (!core) return std::nullopt;
  if (Word(i + 1).kind == WordKind::kWeekday || Word(i + 1).kind == WordKind::kDeictic) return core;
  core->begin = i;
  return core;
}

// "since October 7", "since 2014", "since November": from the first day of X to the dateline.
std::optional<Parsed> Parser::ParseSince(uint32_t i) {
  std::optional<Parsed> core = ParseCore(i + 1);
  if (!core) return std::nullopt;
  if (!has_date_) return core;
  const std::optional<DayInterval> value = times::MakeInterval(core->value.first, today_);
  if (!value) return core;
  core->begin = i;
  core->value = *value;
  core->relative = true;
  core->shape = Parsed::kOther;
  return core;
}

// "between March and May", "from 2014 to 2016", "between 24 and 26 September" (the day-led parse reads the
// last), "from Monday to Wednesday".
std::optional<Parsed> Parser::ParseRange(uint32_t i) {
  std::optional<Parsed> first = ParseCore(i + 1);
  if (!first) return std::nullopt;
  const uint32_t j = first->end;
  const bool between = Is(i, FW::kBetween);
  if (!(between ? Is(j, FW::kAnd)
                : (Is(j, FW::kTo) || Is(j, FW::kUntil) || Is(j, FW::kThrough) ||
                   (Valid(j) && Kind(j) == TokenKind::kPunct && IsDash(Text(j)))))) {
    return first;
  }
  std::optional<Parsed> second = ParseCore(j + 1);
  if (!second) return first;
  DayInterval from = first->value, to = second->value;
  if (first->shape == Parsed::kMonth && second->shape == Parsed::kMonth && !first->has_year) {
    // The first month takes its year from the second: "between March and May 2019", "from November to
    // February".
    const int32_t month = first->value.first.month;
    const int32_t year = month <= to.first.month ? to.first.year : to.first.year - 1;
    from = DayInterval::Month(year, month);
  } else if (first->shape == Parsed::kMonth && second->shape == Parsed::kMonth && !second->has_year) {
    const int32_t month = to.first.month;
    to = DayInterval::Month(month >= from.first.month ? from.first.year : from.first.year + 1, month);
  }
  const std::optional<DayInterval> value = times::MakeInterval(from.first, to.last);
  if (!value) return first;
  Parsed range = *second;
  range.begin = i;
  range.value = *value;
  range.relative = first->relative || second->relative;
  range.shape = Parsed::kOther;
  return range;
}

// "early next year", "late last year", "earlier this month", "mid-2014", "later that day", "late Thursday":
// the whole unit the qualifier narrows.
std::optional<Parsed> Parser::ParseQualified(uint32_t i) {
  const WordEntry qualifier = Word(i);
  const uint32_t j = i + 1;
  if (Is(j, FW::kThat)) return ParseThat(i, j);
  if (qualifier.is(FW::kEarlier) || qualifier.is(FW::kLater)) {
    // Only "earlier/later this|last|next …"; "two days later" is read from the number.
    if (!(Is(j, FW::kThis) || Is(j, FW::kLast) || Is(j, FW::kNext))) return std::nullopt;
  }
  if (Is(j, FW::kIn)) {  // "early in 2019", "late in the year"
    if (Is(j + 1, FW::kThe)) {
      const WordEntry unit = Word(j + 2);
      if (unit.kind == WordKind::kUnit && !unit.has(times::kPlural) && unit.value < times::kUnitWeekend &&
          unit.value != static_cast<uint8_t>(TimeUnit::kDay) && !Is(j + 3, FW::kOf)) {
        const TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
        return Make(i, j + 3, times::CalendarUnit(today_, time_unit, 0), true, ShapeOf(time_unit));
      }
    }
  }
  std::optional<Parsed> core = ParseCore(Is(j, FW::kIn) ? j + 1 : j);
  if (!core) return std::nullopt;
  core->begin = i;
  return core;
}

// "just before Christmas": the month of the holiday (the text names no day).
std::optional<Parsed> Parser::ParseBeforeHoliday(uint32_t i) {
  uint32_t j = i;
  if (Is(j, FW::kJust) || Is(j, FW::kShortly)) ++j;
  if (!Is(j, FW::kBefore)) return std::nullopt;
  std::optional<Parsed> holiday = ParseHoliday(j + 1);
  if (!holiday || holiday->shape != Parsed::kDay) return std::nullopt;
  const CivilDate day = holiday->value.first;
  holiday->begin = i;
  holiday->value = DayInterval::Month(day.year, day.month);
  holiday->shape = Parsed::kMonth;
  return holiday;
}

// "two weeks ago", "five years ago", "a week ago", "a few days ago", "two days later", "a year earlier".
std::optional<Parsed> Parser::ParseCount(uint32_t i) {
  int32_t count = Word(i).value;
  uint32_t j = i + 1;
  if (count == 1 && Word(j).kind == WordKind::kNumberWord) {  // "a few", "a couple"
    count = Word(j).value;
    ++j;
    if (Is(j, FW::kOf)) ++j;
  }
  return ParseAgo(i, j, count);
}

// After a count at token j: unit(s) + "ago" | "later" | "earlier".
std::optional<Parsed> Parser::ParseAgo(uint32_t begin, uint32_t j, int32_t count) {
  const WordEntry unit = Word(j);
  if (unit.kind != WordKind::kUnit || unit.value == times::kUnitWeekend) return std::nullopt;
  if ((count == 1) == unit.has(times::kPlural)) return std::nullopt;
  TimeUnit time_unit = static_cast<TimeUnit>(unit.value);
  if (unit.value == times::kUnitFortnight) {
    time_unit = TimeUnit::kWeek;
    count *= 2;
  }
  const WordEntry after = Word(j + 1);
  if (after.is(FW::kAgo)) {
    return Make(begin, j + 2, times::Shift(today_, time_unit, count), true, ShapeOf(time_unit));
  }
  if ((after.is(FW::kLater) || after.is(FW::kEarlier)) && last_named_) {
    const DayInterval& anchor = *last_named_;
    if ((time_unit == TimeUnit::kDay || time_unit == TimeUnit::kWeek) && anchor.first != anchor.last) {
      return std::nullopt;
    }
    const int32_t signed_count = after.is(FW::kLater) ? -count : count;
    return Make(begin, j + 2, times::Shift(anchor.first, time_unit, signed_count), true, ShapeOf(time_unit));
  }
  return std::nullopt;
}

// "summer", "the summer of 2014", "summer 2014", "in the winter", with the mention starting at `begin`.
std::optional<Parsed> Parser::ParseSeasonLed(uint32_t i, bool strong, uint32_t begin) {
  if (begin == kNone) begin = i;
  const WordEntry entry = Word(i);
  if (entry.kind != WordKind::kSeason) return std::nullopt;
  const Season season = static_cast<Season>(entry.value);
  uint32_t year_at = Is(i + 1, FW::kOf) ? i + 2 : i + 1;
  if (const int32_t year = YearNumber(year_at); year > 0) {
    return Make(begin, year_at + 1, times::SeasonOf(season, year), false, Parsed::kOther, true);
  }
  if (!strong) return std::nullopt;
  if (Is(i + 1, FW::kOf)) return std::nullopt;  // "the fall of Mosul", "the spring of discontent"
  if (Valid(i + 1) && Kind(i + 1) == TokenKind::kWord && !Capitalized(i + 1) &&
      Word(i + 1).kind == WordKind::kNone) {
    // "the winter sunlight", "the spring water", "the fall from grace": a modifier or another sense.
    static constexpr std::string_view kConjunctions[] = {"when", "while", "but", "or", "as", "if", "because"};
    bool conjunction = false;
    for (std::string_view word : kConjunctions) conjunction = conjunction || Text(i + 1) == word;
    if (!conjunction || entry.has(times::kAmbiguous)) return std::nullopt;
  }
  if (i > 0 && InnerCapitalizedWord(i)) return std::nullopt;  // "Arab Spring"
  return Make(begin, i + 1, times::ResolveSeason(today_, season, Dir(begin, i + 1)), true, Parsed::kOther);
}

// "Christmas", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve", "Easter", "Good Friday",
// "Halloween", "Thanksgiving", "Boxing Day", "Valentine's Day", "Bastille Day", "Armistice Day", "Memorial
// Day", "Labor Day".
std::optional<Parsed> Parser::ParseHoliday(uint32_t i) {
  const WordEntry entry = Word(i);
  if (entry.kind != WordKind::kHoliday || !Capitalized(i)) return std::nullopt;
  uint32_t end = i + 1;
  std::optional<times::Holiday> holiday;
  const auto next_is_day = [&](uint32_t k) {
    return Valid(k) && Capitalized(k) && Word(k).kind == WordKind::kUnit &&
           Word(k).value == static_cast<uint8_t>(TimeUnit::kDay) && !Word(k).has(times::kPlural);
  };
  switch (static_cast<HolidayWord>(entry.value)) {
    case HolidayWord::kChristmas:
      holiday = times::Holiday::kChristmas;
      if (next_is_day(end)) {
        ++end;
      } else if (Word(end).is(HolidayWord::kEve) && Capitalized(end)) {
        holiday = times::Holiday::kChristmasEve;
        ++end;
      }
      break;
    case HolidayWord::kEaster:
      holiday = times::Holiday::kEaster;
      if (Word(end).kind == WordKind::kWeekday && Capitalized(end)) {
        if (Word(end).value == 0) holiday = times::Holiday::kEasterMonday;
        if (Word(end).value == 0 || Word(end).value == 6) ++end;
      }
      break;
    case HolidayWord::kHalloween:
      holiday = times::Holiday::kHalloween;
      break;
    case HolidayWord::kThanksgiving:
      holiday = times::Holiday::kThanksgiving;
      if (next_is_day(end)) ++end;
      break;
    case HolidayWord::kNew: {
      const WordEntry year = Word(end);
      if (!(year.kind == WordKind::kUnit && year.value == static_cast<uint8_t>(TimeUnit::kYear) &&
            Capitalized(end))) {
        return std::nullopt;
      }
      ++end;
      if (IsPossessive(end)) ++end;
      holiday = times::Holiday::kNewYearsDay;
      if (next_is_day(end)) {
        ++end;
      } else if (Word(end).is(HolidayWord::kEve) && Capitalized(end)) {
        holiday = times::Holiday::kNewYearsEve;
        ++end;
      }
      break;
    }
    case HolidayWord::kGood:
      if (!(Word(end).kind == WordKind::kWeekday && Word(end).value == 4 && Capitalized(end)))
        return std::nullopt;
      holiday = times::Holiday::kGoodFriday;
      ++end;
      break;
    case HolidayWord::kBoxing:
    case HolidayWord::kValentine:
    case HolidayWord::kBastille:
    case HolidayWord::kArmistice:
    case HolidayWord::kRemembrance:
    case HolidayWord::kMemorial:
    case HolidayWord::kLabor: {
      if (IsPossessive(end)) ++end;
      if (!next_is_day(end)) return std::nullopt;
      ++end;
      switch (static_cast<HolidayWord>(entry.value)) {
        case HolidayWord::kBoxing:
          holiday = times::Holiday::kBoxingDay;
          break;
        case HolidayWord::kValentine:
          holiday = times::Holiday::kValentinesDay;
          break;
        case HolidayWord::kBastille:
          holiday = times::Holiday::kBastilleDay;
          break;
        case HolidayWord::kMemorial:
          holiday = times::Holiday::kMemorialDay;
          break;
        case HolidayWord::kLabor:
          holiday = times::Holiday::kLaborDay;
          break;
        default:
          holiday = times::Holiday::kArmisticeDay;
          break;
      }
      break;
    }
    default:
      return std::nullopt;
  }
  // "the Berlin Christmas market": a name, not a day.
  if (i > sentence_begin_ && Kind(i - 1) == TokenKind::kWord && Word(i - 1).kind == WordKind::kNone &&
      InnerCapitalizedWord(i - 1)) {
    return std::nullopt;
  }
  // "Christmas Island", "Good Friday Agreement": a name, not a day.
  if (Valid(end) && Word(end).kind == WordKind::kNone && InnerCapitalizedWord(end)) return std::nullopt;
  // "Christmas 2018".
  if (const int32_t year = YearNumber(end); year > 0) {
    return Make(i, end + 1, DayInterval::Day(times::HolidayDate(*holiday, year)), false, Parsed::kDay, true);
  }
  const CivilDate day = times::ResolveHoliday(today_, *holiday, Dir(i, end));
  return Make(i, end, DayInterval::Day(day), true, Parsed::kDay);
}

// Words outside the lexicon that still start a time: "mid-January", "mid-2014", "1990s".
std::optional<Parsed> Parser::ParseUnlisted(uint32_t i) {
  const std::string_view text = Text(i);
  if (text.size() < 5 || !(text[0] == 'm' || text[0] == 'M' || (text[0] >= '1' && text[0] <= '2'))) {
    return std::nullopt;
  }
  if (text.size() > 4 && (text[0] == 'm' || text[0] == 'M') && (text.substr(1, 3) == "id-")) {
    const std::string_view rest = text.substr(4);
    const WordEntry month = lexicon_.Lookup(rest);
    if (month.kind == WordKind::kMonth && !month.has(times::kAbbreviation) && rest[0] >= 'A' &&
        rest[0] <= 'Z') {
      const uint32_t end = i + 1;
      if (const int32_t year = YearNumber(end); year > 0) {
        return Make(i, end + 1, DayInterval::Month(year, month.value), false, Parsed::kMonth, true);
      }
      const int32_t year = times::ResolveMonthYear(today_, month.value, Dir(i, end));
      return Make(i, end, DayInterval::Month(year, month.value), true, Parsed::kMonth);
    }
    const int32_t year = ParseDigits(rest, 4);
    if (rest.size() == 4 && year >= 1000 && year <= 2100) {
      return Make(i, i + 1, DayInterval::Year(year), false, Parsed::kYear, true);
    }
    return std::nullopt;
  }
  return ParseDecade(i, i);
}

}  // namespace annalist::times
