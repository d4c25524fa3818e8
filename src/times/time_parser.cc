// The scan and the absolute forms of the times stage's parser: numbers (years, ISO and numeric dates,
// day-month), month names, weekdays, deictic days, and the dispatch on the token that starts an expression.
// The algorithm is described in time_tagger.cc.
#include "times/time_parser.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "times/clause.h"
#include "times/resolve.h"

namespace annalist::times {

using FW = FunctionWord;

void Parser::Run() {
  const uint32_t count = static_cast<uint32_t>(tokens_.size());
  words_.resize(count);
  for (uint32_t i = 0; i < count; ++i) {
    words_[i] = tokens_[i].kind == TokenKind::kWord
                    ? lexicon_.LookupIn(Text(i), doc_.text.size() - tokens_[i].begin)
                    : WordEntry{};
  }
  uint32_t sentence = 0;
  for (uint32_t i = 0; i < count;) {
    while (sentence < doc_.sentences.size() && doc_.sentences[sentence].token_end <= i) ++sentence;
    if (sentence < doc_.sentences.size() && doc_.sentences[sentence].token_begin <= i) {
      limit_ = doc_.sentences[sentence].token_end;
      sentence_begin_ = doc_.sentences[sentence].token_begin;
    } else {
      limit_ = sentence < doc_.sentences.size() ? doc_.sentences[sentence].token_begin : count;
      sentence_begin_ = i;
    }
    TrackQuotes(i);
    if (CannotStartTime(i)) {
      ++i;
      continue;
    }
    std::optional<Parsed> parsed = ParseAt(i);
    if (parsed && (has_date_ || !parsed->relative)) {
      if (doc_.times.size() >= options_.max_times_per_document) return;
      doc_.times.push_back(
          TimeMention{Span{tokens_[parsed->begin].begin, tokens_[parsed->end - 1].end}, parsed->value});
      last_named_ = parsed->value;
      i = parsed->end;
    } else {
      ++i;
    }
  }
}

// Whether token i opens or closes a direct quotation; a paragraph break closes any.
void Parser::TrackQuotes(uint32_t i) {
  const Token& token = tokens_[i];
  if (token.has(kTokenParagraphBefore)) in_quote_ = false;
  if (token.kind != TokenKind::kPunct) return;
  const std::string_view text = Text(i);
  if (text == "\xE2\x80\x9C")
    in_quote_ = true;  // “
  else if (text == "\xE2\x80\x9D")
    in_quote_ = false;  // ”
  else if (text == "\"")
    in_quote_ = !in_quote_;
}

// A capitalised word that is not the first of its sentence (a name, not a sentence opener).
bool Parser::InnerCapitalizedWord(uint32_t i) const {
  return i > sentence_begin_ && Kind(i) == TokenKind::kWord && Capitalized(i) &&
         !(i > 0 && Kind(i - 1) == TokenKind::kPunct && Text(i - 1) != ",");
}

// A plain day number 1..31 ("24") or an ordinal ("24th"); -1 otherwise.
int32_t Parser::DayNumber(uint32_t i) const {
  if (!Valid(i)) return -1;
  if (Kind(i) == TokenKind::kNumber) {
    const int32_t day = ParseDigits(Text(i), 2);
    return day >= 1 && day <= 31 ? day : -1;
  }
  if (Kind(i) == TokenKind::kWord) return ParseOrdinalDay(Text(i));
  return -1;
}

// A four-digit year in [1000, 2100]; -1 otherwise.
int32_t Parser::YearNumber(uint32_t i) const {
  if (!Valid(i) || Kind(i) != TokenKind::kNumber) return -1;
  const int32_t year = ParseDigits(Text(i), 4);
  return Text(i).size() == 4 && year >= 1000 && year <= 2100 ? year : -1;
}

// A month name at token i (capitalised; "Nov." too): 1..12, or 0.
int32_t Parser::MonthAt(uint32_t i, bool* abbreviation, bool* ambiguous) const {
  if (!Valid(i) || Kind(i) != TokenKind::kWord || !Capitalized(i)) return 0;
  const WordEntry entry = Word(i);
  if (entry.kind != WordKind::kMonth) return 0;
  if (abbreviation) *abbreviation = entry.has(times::kAbbreviation);
  if (ambiguous) *ambiguous = entry.has(times::kAmbiguous);
  return entry.value;
}

Direction Parser::Dir(uint32_t begin, uint32_t end) const {
  return times::ClauseDirection(doc_, lexicon_, begin, end);
}

// Whether the expression at [begin, end) is a deadline ("funded until February", "by 15 October") in a
// clause with no tense cue: then the occurrence nearer the dateline, past or future, is meant.
bool Parser::UntilWithoutCue(uint32_t begin, uint32_t end) const {
  if (begin == 0 || begin <= sentence_begin_) return false;
  const WordEntry previous = Word(begin - 1);
  if (!(previous.is(FW::kUntil) || previous.is(FW::kBy))) return false;
  return !times::ClauseCue(doc_, lexicon_, begin, end).has_value();
}

Parsed Parser::Make(uint32_t begin, uint32_t end, DayInterval value, bool relative, Parsed::Shape shape,
                    bool has_year) {
  Parsed p;
  p.begin = begin;
  p.end = end;
  p.value = value;
  p.relative = relative;
  p.shape = shape;
  p.has_year = has_year;
  return p;
}

// The longest expression starting at token i.
std::optional<Parsed> Parser::ParseAt(uint32_t i) {
  const Token& token = tokens_[i];
  if (token.kind == TokenKind::kNumber) return ParseNumberLed(i, /*strong=*/StrongYearContext(i));
  if (token.kind != TokenKind::kWord) return std::nullopt;
  const WordEntry entry = Word(i);
  switch (entry.kind) {
    case WordKind::kNone:
      return ParseUnlisted(i);
    case WordKind::kMonth:
      return ParseMonthLed(i, StrongMonthContext(i));
    case WordKind::kWeekday:
      return ParseWeekday(i);
    case WordKind::kDeictic:
      return ParseDeictic(i);
    case WordKind::kNumberWord:
      return ParseCount(i);
    case WordKind::kSeason:
      return ParseSeasonLed(i, StrongSeasonContext(i));
    case WordKind::kHoliday:
      return ParseHoliday(i);
    case WordKind::kPartOfDay:
    case WordKind::kUnit:
    case WordKind::kOrdinalWord:
    case WordKind::kCue:
      return std::nullopt;
    case WordKind::kFunction:
      break;
  }
  switch (static_cast<FunctionWord>(entry.value)) {
    case FW::kIn:
      return ParseIn(i);
    case FW::kSince:
      return ParseSince(i);
    case FW::kBetween:
    case FW::kFrom:
      return ParseRange(i);
    case FW::kEarly:
    case FW::kLate:
    case FW::kMid:
    case FW::kEarlier:
    case FW::kLater:
      return ParseQualified(i);
    case FW::kJust:
    case FW::kShortly:
    case FW::kBefore:
      return ParseBeforeHoliday(i);
    case FW::kEnd:
    case FW::kBeginning:
    case FW::kStart:
    case FW::kMiddle:
    case FW::kTurn:
      return ParseEndOf(i, i);
    case FW::kThe:
      return ParseThe(i);
    case FW::kThis:
    case FW::kLast:
    case FW::kNext:
    case FW::kPast:
      return ParseDeterminer(i);
    case FW::kRecent:
    case FW::kComing:
      return ParseRecent(i, i);
    case FW::kThat:
      return ParseThat(i, i);
    default:
      return std::nullopt;
  }
}

// A core: the expressions that "in", "since", "between" and the qualifiers wrap.
std::optional<Parsed> Parser::ParseCore(uint32_t i) {
  if (!Valid(i)) return std::nullopt;
  if (Kind(i) == TokenKind::kNumber) return ParseNumberLed(i, /*strong=*/true);
  if (Kind(i) != TokenKind::kWord) return std::nullopt;
  const WordEntry entry = Word(i);
  switch (entry.kind) {
    case WordKind::kMonth:
      return ParseMonthLed(i, /*strong=*/true);
    case WordKind::kWeekday:
      return ParseWeekday(i);
    case WordKind::kSeason:
      return ParseSeasonLed(i, /*strong=*/true);
    case WordKind::kHoliday:
      return ParseHoliday(i);
    case WordKind::kDeictic:
      return ParseDeictic(i);
    case WordKind::kNone:
      return ParseUnlisted(i);
    case WordKind::kFunction:
      switch (static_cast<FunctionWord>(entry.value)) {
        case FW::kThe:
          return ParseThe(i);
        case FW::kThis:
        case FW::kLast:
        case FW::kNext:
        case FW::kPast:
          return ParseDeterminer(i);
        case FW::kRecent:
        case FW::kComing:
          return ParseRecent(i, i);
        case FW::kEarly:
        case FW::kLate:
        case FW::kMid:
        case FW::kEarlier:
        case FW::kLater:
          return ParseQualified(i);
        case FW::kEnd:
        case FW::kBeginning:
        case FW::kStart:
        case FW::kMiddle:
          return ParseEndOf(i, i);
        default:
          return std::nullopt;
      }
    default:
      return std::nullopt;
  }
}

// The word before token i makes a following number a year ("in 2014", "until 2011", "of 2014 and 2015").
bool Parser::StrongYearContext(uint32_t i) const {
  if (i == 0 || i <= sentence_begin_) return false;
  const WordEntry previous = Word(i - 1);
  if (previous.kind == WordKind::kMonth || previous.kind == WordKind::kSeason)
    return Capitalized(i - 1) || previous.kind == WordKind::kSeason;
  if (previous.kind == WordKind::kUnit && previous.value == static_cast<uint8_t>(TimeUnit::kYear) &&
      !previous.has(times::kPlural)) {
    return true;
  }
  if (previous.kind != WordKind::kFunction) return false;
  switch (static_cast<FunctionWord>(previous.value)) {
    case FW::kIn:
    case FW::kSince:
    case FW::kUntil:
    case FW::kBy:
    case FW::kOf:
    case FW::kFrom:
    case FW::kBetween:
    case FW::kDuring:
    case FW::kBefore:
    case FW::kAfter:
    case FW::kEarly:
    case FW::kLate:
    case FW::kMid:
    case FW::kThrough:
      return true;
    case FW::kAnd:
    case FW::kTo:
      return i >= 2 && (YearNumber(i - 2) > 0);
    default:
      return false;
  }
}

// The word before token i makes a month name alone a month ("in May", "by March", "between March and May").
bool Parser::StrongMonthContext(uint32_t i) const {
  if (i == 0 || i <= sentence_begin_) return false;
  const WordEntry previous = Word(i - 1);
  if (previous.kind != WordKind::kFunction) return false;
  switch (static_cast<FunctionWord>(previous.value)) {
    case FW::kIn:
    case FW::kSince:
    case FW::kUntil:
    case FW::kBy:
    case FW::kOf:
    case FW::kFrom:
    case FW::kBetween:
    case FW::kDuring:
    case FW::kBefore:
    case FW::kAfter:
    case FW::kEarly:
    case FW::kLate:
    case FW::kMid:
    case FW::kThrough:
    case FW::kLast:
    case FW::kNext:
    case FW::kThis:
    case FW::kEarlier:
    case FW::kLater:
      return true;
    case FW::kAnd:
    case FW::kTo:
      return i >= 2 && MonthAt(i - 2) > 0;
    default:
      return false;
  }
}

bool Parser::StrongSeasonContext(uint32_t i) const {
  if (i == 0 || i <= sentence_begin_) return false;
  const WordEntry previous = Word(i - 1);
  if (previous.kind != WordKind::kFunction) return false;
  switch (static_cast<FunctionWord>(previous.value)) {
    case FW::kIn:
    case FW::kSince:
    case FW::kUntil:
    case FW::kBy:
    case FW::kFrom:
    case FW::kDuring:
    case FW::kBefore:
    case FW::kAfter:
    case FW::kEarly:
    case FW::kLate:
    case FW::kMid:
    case FW::kThrough:
    case FW::kThis:
    case FW::kLast:
    case FW::kNext:
    case FW::kThe:
      return true;
    default:
      return false;
  }
}

// A bare four-digit number with no temporal word before it: a year unless a quantity word precedes it or a
// noun follows it ("about 2000 people", "1500 fighters"), or a name precedes it ("Vision 2030").
bool Parser::BareYearPlausible(uint32_t i, int32_t year, bool strong) const {
  if (!strong && (year < options_.min_bare_year || year > options_.max_bare_year)) return false;
  if (!strong && i > sentence_begin_) {
    const uint32_t p = i - 1;
    if (Kind(p) == TokenKind::kSymbol) return false;
    const WordEntry previous = Word(p);
    if (previous.kind == WordKind::kFunction) {
      switch (static_cast<FunctionWord>(previous.value)) {
        case FW::kAbout:
        case FW::kAround:
        case FW::kSome:
        case FW::kNearly:
        case FW::kAlmost:
        case FW::kThan:
        case FW::kLeast:
        case FW::kApproximately:
        case FW::kRoughly:
        case FW::kEstimated:
        case FW::kOnly:
        case FW::kOver:
        case FW::kPer:
        case FW::kEvery:
          return false;
        default:
          break;
      }
    }
    if (Kind(p) == TokenKind::kWord && previous.kind == WordKind::kNone && InnerCapitalizedWord(p))
      return false;
  }
  const uint32_t n = i + 1;
  if (!Valid(n)) return true;
  if (Kind(n) == TokenKind::kSymbol) return false;  // "2000%", "2000/01"
  if (Kind(n) == TokenKind::kWord && !Capitalized(n)) {
    const WordEntry next = Word(n);
    if (next.kind == WordKind::kUnit || next.kind == WordKind::kNumberWord) return false;
    const std::string_view text = Text(n);
    static constexpr std::string_view kCountNouns[] = {"people",    "men",   "women",  "children", "police",
                                                       "personnel", "staff", "troops", "dead"};
    for (std::string_view noun : kCountNouns) {
      if (text == noun) return false;
    }
    // A following plural noun makes it a count; a following verb ("was", "saw", "marked") does not.
    if (text.size() > 3 && text.back() == 's' && next.kind != WordKind::kCue && text != "was" &&
        text != "has" && !text.ends_with("ss")) {
      return false;
    }
    if (next.is(FW::kOf) && Valid(n + 1) && Kind(n + 1) == TokenKind::kWord && !Capitalized(n + 1) &&
        MonthAt(n + 1) == 0) {
      return false;  // "2000 of them"
    }
  }
  return true;
}

// Numbers that start an expression: ISO and numeric dates, years (and "2014-15"), "24 November [2023]",
// "24-26 September", "24 to 26 September".
std::optional<Parsed> Parser::ParseNumberLed(uint32_t i, bool strong) {
  const std::string_view text = Text(i);
  if (text.size() == 10) {
    if (auto iso = ParseIsoDate(text))
      return Make(i, i + 1, DayInterval::Day(*iso), false, Parsed::kDay, true);
  }
  if (auto numeric = ParseNumericDate(i)) return numeric;
  // Day-first: "24 November", "24-26 September", "24 to 26 September".
  if (const int32_t day = DayNumber(i); day > 0) {
    uint32_t j = i + 1;
    int32_t last_day = day;
    if (Valid(j + 1) &&
        (Is(j, FW::kTo) || Is(j, FW::kAnd) || (IsDash(Text(j)) && Kind(j) == TokenKind::kPunct)) &&
        DayNumber(j + 1) > day && MonthAt(j + 2) > 0) {
      last_day = DayNumber(j + 1);
      j += 2;
    }
    if (Is(j, FW::kOf) && MonthAt(j + 1) > 0) ++j;
    if (MonthAt(j) > 0 && !(Kind(i) == TokenKind::kNumber && Valid(i + 1) && Text(i + 1) == "%")) {
      return FinishMonthDay(i, j, MonthAt(j), day, last_day);
    }
  }
  if (auto range = ParseDayRangeToken(i)) return range;
  // "2 weeks ago", "10 days later".
  if (const int32_t count = ParseDigits(text, 3); count > 0 && Word(i + 1).kind == WordKind::kUnit) {
    return ParseAgo(i, i + 1, count);
  }
  // Years.
  const int32_t year = YearNumber(i);
  if (year > 0) {
    if (!BareYearPlausible(i, year, strong)) return std::nullopt;
    // "2014-15", "2014–2015".
    if (Valid(i + 2) && Kind(i + 1) == TokenKind::kPunct && IsDash(Text(i + 1)) && Tight(i + 1) &&
        Tight(i + 2)) {
      if (const int32_t to = YearEnd(year, i + 2); to > year) {
        return Make(i, i + 3, {CivilDate{year, 1, 1}, CivilDate{to, 12, 31}}, false, Parsed::kOther, true);
      }
    }
    return Make(i, i + 1, DayInterval::Year(year), false, Parsed::kYear, true);
  }
  // "2014-15" as one token.
  if (text.size() >= 7 && text[4] == '-') {
    const int32_t from = ParseDigits(text.substr(0, 4), 4);
    const std::string_view rest = text.substr(5);
    int32_t to = -1;
    if (rest.size() == 2) to = from / 100 * 100 + ParseDigits(rest, 2);
    if (rest.size() == 4) to = ParseDigits(rest, 4);
    if (from >= 1000 && from <= 2100 && to > from && to <= from + 20 && BareYearPlausible(i, from, strong)) {
      return Make(i, i + 1, {CivilDate{from, 1, 1}, CivilDate{to, 12, 31}}, false, Parsed::kOther, true);
    }
  }
  return std::nullopt;
}

// The second year of "2014-15" / "2014-2015" at token i; -1 if none.
int32_t Parser::YearEnd(int32_t from, uint32_t i) const {
  if (!Valid(i) || Kind(i) != TokenKind::kNumber) return -1;
  const std::string_view text = Text(i);
  if (text.size() == 4) {
    const int32_t to = ParseDigits(text, 4);
    return to > from && to <= from + 20 ? to : -1;
  }
  if (text.size() == 2) {
    const int32_t to = from / 100 * 100 + ParseDigits(text, 2);
    return to > from ? to : -1;
  }
  return -1;
}

// "24-26" (one token) before a month: "24-26 September [2023]".
std::optional<Parsed> Parser::ParseDayRangeToken(uint32_t i) {
  const std::string_view text = Text(i);
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 2) return std::nullopt;
  const int32_t from = ParseDigits(text.substr(0, dash), 2), to = ParseDigits(text.substr(dash + 1), 2);
  if (from < 1 || to > 31 || to <= from) return std::nullopt;
  const int32_t month = MonthAt(i + 1);
  if (month == 0) return std::nullopt;
  return FinishMonthDay(i, i + 1, month, from, to);
}

// "21/12/2023" (tokens 21 / 12 / 2023 with no spaces), "21.12.2023" (one token).
std::optional<Parsed> Parser::ParseNumericDate(uint32_t i) {
  int32_t a = -1, b = -1, c = -1;
  uint32_t end = i;
  const std::string_view text = Text(i);
  if (text.size() >= 8 && text.size() <= 10 && (text.find('.') != std::string_view::npos)) {
    const size_t first = text.find('.'), second = text.find('.', first + 1);
    if (second == std::string_view::npos) return std::nullopt;
    a = ParseDigits(text.substr(0, first), 2);
    b = ParseDigits(text.substr(first + 1, second - first - 1), 2);
    c = ParseDigits(text.substr(second + 1), 4);
    end = i + 1;
  } else if (Valid(i + 4) && Kind(i + 1) == TokenKind::kSymbol && Text(i + 1) == "/" &&
             Kind(i + 3) == TokenKind::kSymbol && Text(i + 3) == "/" && Tight(i + 1) && Tight(i + 2) &&
             Tight(i + 3) && Tight(i + 4)) {
    a = ParseDigits(text, 2);
    b = ParseDigits(Text(i + 2), 2);
    c = ParseDigits(Text(i + 4), 4);
    end = i + 5;
  } else {
    return std::nullopt;
  }
  if (a < 1 || b < 1 || c < 0) return std::nullopt;
  if (c < 100) c += c < 70 ? 2000 : 1900;
  int32_t day = a, month = b;
  if (!options_.day_first_numeric_dates) std::swap(day, month);
  if (month > 12 && day <= 12) std::swap(day, month);
  if (month > 12 || day > DaysInMonth(c, month)) return std::nullopt;
  return Make(i, end, DayInterval::Day({c, month, day}), false, Parsed::kDay, true);
}

// A day (or day range) in `month`, from token `begin`; the month name stands at token j. Reads an optional
// year after the month.
std::optional<Parsed> Parser::FinishMonthDay(uint32_t begin, uint32_t j, int32_t month, int32_t day,
                                             int32_t last_day) {
  uint32_t end = j + 1;
  int32_t year = YearNumber(end);
  if (year < 0 && IsPunct(end, ",") && YearNumber(end + 1) > 0) {
    year = YearNumber(end + 1);
    ++end;
  }
  if (year > 0) ++end;
  return ResolveDays(begin, end, month, day, last_day, year);
}

std::optional<Parsed> Parser::ResolveDays(uint32_t begin, uint32_t end, int32_t month, int32_t day,
                                          int32_t last_day, int32_t year) {
  if (year > 0) {
    if (last_day > DaysInMonth(year, month)) return std::nullopt;
    return Make(begin, end, {CivilDate{year, month, day}, CivilDate{year, month, last_day}}, false,
                day == last_day ? Parsed::kDay : Parsed::kOther, true);
  }
  std::optional<CivilDate> first = times::ResolveMonthDay(today_, month, day, Dir(begin, end));
  if (UntilWithoutCue(begin, end)) {
    const std::optional<CivilDate> past = times::ResolveMonthDay(today_, month, day, Direction::kPast);
    const std::optional<CivilDate> future = times::ResolveMonthDay(today_, month, day, Direction::kFuture);
    if (past && future) {
      first = ToDayNumber(today_) - ToDayNumber(*past) <= ToDayNumber(*future) - ToDayNumber(today_) ? past
                                                                                                     : future;
    }
  }
  if (!first || last_day > DaysInMonth(first->year, month)) return std::nullopt;
  return Make(begin, end, {*first, CivilDate{first->year, month, last_day}}, true,
              day == last_day ? Parsed::kDay : Parsed::kOther);
}

// "November 24[, 2023]", "Nov. 24", "September 24-26", "April 2017", "April of 2017", "January".
std::optional<Parsed> Parser::ParseMonthLed(uint32_t i, bool strong) {
  bool abbreviation = false, ambiguous = false;
  const int32_t month = MonthAt(i, &abbreviation, &ambiguous);
  if (month == 0) return std::nullopt;
  uint32_t j = i + 1;
  if (const int32_t day = DayNumber(j); day > 0 && !(Valid(j + 1) && Text(j + 1) == "%")) {
    int32_t last_day = day;
    uint32_t end = j + 1;
    if (Valid(end + 1) && (Is(end, FW::kTo) || (Kind(end) == TokenKind::kPunct && IsDash(Text(end)))) &&
        DayNumber(end + 1) > day) {
      last_day = DayNumber(end + 1);
      end += 2;
    }
    return FinishMonthDay(i, end - 1, month, day, last_day);
  }
  if (const std::optional<Parsed> range = ParseMonthDayRangeToken(i, month)) return range;
  uint32_t year_at = j;
  if ((IsPunct(j, ",") || Is(j, FW::kOf)) && YearNumber(j + 1) > 0) year_at = j + 1;
  if (const int32_t year = YearNumber(year_at); year > 0) {
    return Make(i, year_at + 1, DayInterval::Month(year, month), false, Parsed::kMonth, true);
  }
  // A month alone.
  if (abbreviation) return std::nullopt;
  if (ambiguous && !strong) return std::nullopt;
  if (!strong) {
    if (Valid(j) && Kind(j) == TokenKind::kWord && Capitalized(j)) return std::nullopt;  // "June Smith"
    if (IsPossessive(j)) return std::nullopt;
  }
  int32_t year = times::ResolveMonthYear(today_, month, Dir(i, j));
  if (UntilWithoutCue(i, j)) {
    const int32_t past = times::ResolveMonthYear(today_, month, Direction::kPast);
    const int32_t future = times::ResolveMonthYear(today_, month, Direction::kFuture);
    const int32_t months_back = (today_.year - past) * 12 + today_.month - month;
    const int32_t months_ahead = (future - today_.year) * 12 + month - today_.month;
    year = months_back <= months_ahead ? past : future;
  }
  return Make(i, j, DayInterval::Month(year, month), true, Parsed::kMonth);
}

// "September 24-26": the range is one number token.
std::optional<Parsed> Parser::ParseMonthDayRangeToken(uint32_t i, int32_t month) {
  const uint32_t j = i + 1;
  if (!Valid(j) || Kind(j) != TokenKind::kNumber) return std::nullopt;
  const std::string_view text = Text(j);
  const size_t dash = text.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 2) return std::nullopt;
  const int32_t from = ParseDigits(text.substr(0, dash), 2), to = ParseDigits(text.substr(dash + 1), 2);
  if (from < 1 || to > 31 || to <= from) return std::nullopt;
  return FinishMonthDay(i, j, month, from, to);
}

// Parts of the day after a day ("Thursday night", "yesterday morning"): the end of the expression.
uint32_t Parser::SkipPartOfDay(uint32_t j) const { return Word(j).kind == WordKind::kPartOfDay ? j + 1 : j; }

std::optional<Parsed> Parser::ParseWeekday(uint32_t i) {
  const WordEntry entry = Word(i);
  if (entry.kind != WordKind::kWeekday) return std::nullopt;
  if (!WeekdayIsADay(i)) return std::nullopt;
  const uint32_t end = SkipPartOfDay(i + 1);
  const CivilDate day = times::ResolveWeekday(today_, entry.value, Dir(i, end));
  return Make(i, end, DayInterval::Day(day), true, Parsed::kDay);
}

// "Sunday Times", "Bloody Sunday": a weekday inside a name is no day.
bool Parser::WeekdayIsADay(uint32_t i) const {
  if (i > sentence_begin_ && Kind(i - 1) == TokenKind::kWord && InnerCapitalizedWord(i - 1) &&
      !tokens_[i - 1].has(kTokenAllCaps)) {  // "On CNN Sunday" is a day
    const WordEntry previous = Word(i - 1);
    if (previous.kind == WordKind::kNone || previous.kind == WordKind::kHoliday) return false;
  }
  if (Valid(i + 1) && Kind(i + 1) == TokenKind::kWord && Capitalized(i + 1)) {
    static constexpr std::string_view kPapers[] = {
        "Times",       "Telegraph", "Mirror", "Express", "Post",  "Herald", "Mail",     "Tribune",
        "Independent", "Observer",  "Star",   "World",   "Sport", "People", "Business", "School"};
    for (std::string_view paper : kPapers) {
      if (Text(i + 1) == paper) return false;
    }
  }
  return true;
}

std::optional<Parsed> Parser::ParseDeictic(uint32_t i) {
  // Inside a quotation "tomorrow" counts from the day the words were spoken, which the text seldom gives
  // ("saying “tomorrow we will be in paradise”"), and "today" is often "nowadays": not a time.
  if (in_quote_) return std::nullopt;
  // "BBC Radio 4's Today programme": a capitalised "Today" inside a sentence is a name.
  if (InnerCapitalizedWord(i) && !(i > 0 && Kind(i - 1) == TokenKind::kPunct)) return std::nullopt;
  const WordEntry entry = Word(i);
  uint32_t end = i + 1;
  int32_t offset = 0;
  switch (static_cast<Deictic>(entry.value)) {
    case Deictic::kToday:
      offset = 0;
      end = SkipPartOfDay(end);
      break;
    case Deictic::kTonight:
      offset = 0;
      break;
    case Deictic::kYesterday:
      offset = -1;
      end = SkipPartOfDay(end);
      break;
    case Deictic::kTomorrow:
      offset = 1;
      end = SkipPartOfDay(end);
      break;
  }
  return Make(i, end, DayInterval::Day(AddDays(today_, offset)), true, Parsed::kDay);
}

}  // namespace annalist::times
