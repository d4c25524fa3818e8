// The parser of the times stage (internal to src/times): a hand-written recursive descent over the tokens of
// one sentence, from a token that can start a time expression to the longest expression starting there,
// with what it denotes. time_tagger.cc explains the grammar and its limits; time_parser.cc holds the scan,
// the absolute forms (numbers, month names, weekdays) and the dispatch; time_parser_relative.cc the forms
// relative to the dateline or to the date named last ("the past three days", "two days later", seasons,
// holidays).
//
// A Parser lives for one Process() call: it holds references into the Document and the stage's immutable
// lexicon and options, plus the scan's state (sentence bounds, quotation, the date named last).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "core/ascii.h"
#include "times/resolve.h"
#include "times/time_lexicon.h"
#include "times/time_tagger.h"

namespace annalist::times {

// What a parsed expression denotes, before it is emitted.
struct Parsed {
  uint32_t begin = 0;  // token range [begin, end)
  uint32_t end = 0;
  DayInterval value;
  bool relative = false;  // depends on the dateline (dropped when the document has none)
  bool has_year = false;  // the text fixed the year ("April 2017", "2014")
  enum Shape : uint8_t { kDay, kMonth, kYear, kOther } shape = kOther;
};

// Digits only, at most `max_digits` of them; -1 otherwise.
inline int32_t ParseDigits(std::string_view text, size_t max_digits) {
  if (text.empty() || text.size() > max_digits) return -1;
  int32_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

// "24th", "1st", "2nd", "3rd": the day; -1 otherwise.
inline int32_t ParseOrdinalDay(std::string_view text) {
  if (text.size() < 3 || text.size() > 4) return -1;
  const std::string_view suffix = text.substr(text.size() - 2);
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  const int32_t day = ParseDigits(text.substr(0, text.size() - 2), 2);
  return day >= 1 && day <= 31 ? day : -1;
}

inline bool IsDash(std::string_view text) {
  return text == "-" || text == "\xE2\x80\x93" || text == "\xE2\x80\x94";
}

class Parser {
 public:
  // `words` is scratch for the tokens' vocabulary entries: any contents, replaced by Run; a caller that keeps
  // it across documents spares an allocation per document.
  Parser(Document& doc, const times::TimeLexicon& lexicon, const TimeTaggerOptions& options,
         std::vector<WordEntry>& words)
      : doc_(doc),
        tokens_(doc.tokens),
        lexicon_(lexicon),
        options_(options),
        has_date_(doc.date.has_value()),
        today_(doc.date.value_or(CivilDate{})),
        words_(words) {}

  void Run();

 private:
  // Whether token i opens or closes a direct quotation; a paragraph break closes any.
  void TrackQuotes(uint32_t i);

  // ------------------------------------------------------------------------------------------ token access

  bool Valid(uint32_t i) const { return i < limit_; }
  std::string_view Text(uint32_t i) const { return doc_.token_text(i); }
  TokenKind Kind(uint32_t i) const { return tokens_[i].kind; }
  bool Capitalized(uint32_t i) const { return tokens_[i].has(kTokenCapitalized); }
  bool Tight(uint32_t i) const { return !tokens_[i].has(kTokenSpaceBefore); }  // no space before token i

  WordEntry Word(uint32_t i) const { return Valid(i) ? words_[i] : WordEntry{}; }
  bool Is(uint32_t i, FunctionWord word) const { return Word(i).is(word); }
  bool IsPunct(uint32_t i, std::string_view text) const {
    return Valid(i) && Kind(i) == TokenKind::kPunct && Text(i) == text;
  }
  bool IsPossessive(uint32_t i) const { return Valid(i) && tokens_[i].has(kTokenPossessive); }
  // A capitalised word that is not the first of its sentence (a name, not a sentence opener).
  bool InnerCapitalizedWord(uint32_t i) const;

  // A plain day number 1..31 ("24") or an ordinal ("24th"); -1 otherwise.
  int32_t DayNumber(uint32_t i) const;
  // A four-digit year in [1000, 2100]; -1 otherwise.
  int32_t YearNumber(uint32_t i) const;
  // A month name at token i (capitalised; "Nov." too): 1..12, or 0.
  int32_t MonthAt(uint32_t i, bool* abbreviation = nullptr, bool* ambiguous = nullptr) const;

  Direction Dir(uint32_t begin, uint32_t end) const;

  // Whether the expression at [begin, end) is a deadline ("funded until February", "by 15 October") in a
  // clause with no tense cue: then the occurrence nearer the dateline, past or future, is meant.
  bool UntilWithoutCue(uint32_t begin, uint32_t end) const;

  // ------------------------------------------------------------------------------------------ results

  static Parsed Make(uint32_t begin, uint32_t end, DayInterval value, bool relative, Parsed::Shape shape,
                     bool has_year = false);

  // ------------------------------------------------------------------------------------------ top level

  // The longest expression starting at token i.
  std::optional<Parsed> ParseAt(uint32_t i);

  // A cheap test that ParseAt(i) would find nothing: punctuation, and words outside the vocabulary that
  // ParseUnlisted cannot take ("mid-…", decades). Most tokens of an article stop here.
  bool CannotStartTime(uint32_t i) const {
    const Token& token = tokens_[i];
    if (token.kind == TokenKind::kNumber) return false;
    if (token.kind != TokenKind::kWord) return true;
    if (words_[i].kind != WordKind::kNone) return false;
    const char first = doc_.text[token.begin];
    return !(first == 'm' || first == 'M' || first == '1' || first == '2');
  }

  // A core: the expressions that "in", "since", "between" and the qualifiers wrap.
  std::optional<Parsed> ParseCore(uint32_t i);

  // ------------------------------------------------------------------------------------------ contexts

  // The word before token i makes a following number a year ("in 2014", "until 2011", "of 2014 and 2015").
  bool StrongYearContext(uint32_t i) const;

  // The word before token i makes a month name alone a month ("in May", "by March", "between March and May").
  bool StrongMonthContext(uint32_t i) const;

  bool StrongSeasonContext(uint32_t i) const;

  // A bare four-digit number with no temporal word before it: a year unless a quantity word precedes it or a
  // noun follows it ("about 2000 people", "1500 fighters"), or a name precedes it ("Vision 2030").
  bool BareYearPlausible(uint32_t i, int32_t year, bool strong = false) const;

  // ------------------------------------------------------------------------------------------ numbers

  // Numbers that start an expression: ISO and numeric dates, years (and "2014-15"), "24 November [2023]",
  // "24-26 September", "24 to 26 September".
  std::optional<Parsed> ParseNumberLed(uint32_t i, bool strong);

  // The second year of "2014-15" / "2014-2015" at token i; -1 if none.
  int32_t YearEnd(int32_t from, uint32_t i) const;

  // "24-26" (one token) before a month: "24-26 September [2023]".
  std::optional<Parsed> ParseDayRangeToken(uint32_t i);

  // "21/12/2023" (tokens 21 / 12 / 2023 with no spaces), "21.12.2023" (one token).
  std::optional<Parsed> ParseNumericDate(uint32_t i);

  // A day (or day range) in `month`, from token `begin`; the month name stands at token j. Reads an optional
  // year after the month.
  std::optional<Parsed> FinishMonthDay(uint32_t begin, uint32_t j, int32_t month, int32_t day,
                                       int32_t last_day);

  std::optional<Parsed> ResolveDays(uint32_t begin, uint32_t end, int32_t month, int32_t day,
                                    int32_t last_day, int32_t year);

  // ------------------------------------------------------------------------------------------ months

  // "November 24[, 2023]", "Nov. 24", "September 24-26", "April 2017", "April of 2017", "January".
  std::optional<Parsed> ParseMonthLed(uint32_t i, bool strong);

  // "September 24-26": the range is one number token.
  std::optional<Parsed> ParseMonthDayRangeToken(uint32_t i, int32_t month);

  // ------------------------------------------------------------------------------------------ weekdays, days

  // Parts of the day after a day ("Thursday night", "yesterday morning"): the end of the expression.
  uint32_t SkipPartOfDay(uint32_t j) const;

  std::optional<Parsed> ParseWeekday(uint32_t i);

  // "Sunday Times", "Bloody Sunday": a weekday inside a name is no day.
  bool WeekdayIsADay(uint32_t i) const;

  std::optional<Parsed> ParseDeictic(uint32_t i);

  // ------------------------------------------------------------------------------------------ determiners

  // "this/last/next" + weekday, week, month, year, weekend, month name, season, part of day;
  // "last/past/next N units"; "this past week".
  std::optional<Parsed> ParseDeterminer(uint32_t i);

  static Parsed::Shape ShapeOf(TimeUnit unit);

  // "this weekend" (0), "last weekend" (-1), "next weekend" (+1), "the weekend" (kNone = by tense).
  DayInterval WeekendAt(int32_t offset, Direction direction) const;

  std::optional<Parsed> SeasonAfterDeterminer(uint32_t i, uint32_t j, FunctionWord which);

  // After "the past", "last", "next", "the coming" at token j: [N | few | a few | couple of] unit(s).
  // "the past year" → 1 unit; "the past weeks" (plural, no N) → 3.
  std::optional<Parsed> ParseRolling(uint32_t begin, uint32_t j, bool back);

  // The same, counted from `anchor` ("over the next three years" in a story of 2014 counts from 2014).
  std::optional<Parsed> ParseRollingFrom(uint32_t begin, uint32_t j, bool back, const CivilDate& anchor);

  // "recent weeks" (3 units back), "coming days" (3 units forward), starting at `begin`.
  std::optional<Parsed> ParseRecent(uint32_t begin, uint32_t i);

  // ------------------------------------------------------------------------------------------ "the …"

  std::optional<Parsed> ParseThe(uint32_t i);

  // "the 1990s" (token "1990s") starting at `begin`, the decade at token j.
  std::optional<Parsed> ParseDecade(uint32_t begin, uint32_t j);

  // "the next day", "the following week", "the previous day", "the same day": from the date named last.
  std::optional<Parsed> ParseAnchoredDay(uint32_t begin, uint32_t j);

  // The unit `offset` units from the date named last ("the next day", "later that month").
  std::optional<Parsed> AnchoredUnit(uint32_t begin, uint32_t end, TimeUnit unit, int32_t offset);

  // "that day", "that night", "that week", "later that day", "earlier that year", starting at `begin`.
  std::optional<Parsed> ParseThat(uint32_t begin, uint32_t i);

  // "the end of the year", "the start of 2019", "the end of last year", "the beginning of March": the whole
  // unit.
  std::optional<Parsed> ParseEndOf(uint32_t begin, uint32_t j);

  // ------------------------------------------------------------------------------------------ prefixes

  // "in 2014", "in October", "in the last month", "in recent weeks": "in" joins the mention.
  std::optional<Parsed> ParseIn(uint32_t i);

  // "since October 7", "since 2014", "since November": from the first day of X to the dateline.
  std::optional<Parsed> ParseSince(uint32_t i);

  // "between March and May", "from 2014 to 2016", "between 24 and 26 September" (the day-led parse reads the
  // last), "from Monday to Wednesday".
  std::optional<Parsed> ParseRange(uint32_t i);

  // "early next year", "late last year", "earlier this month", "mid-2014", "later that day", "late Thursday":
  // the whole unit the qualifier narrows.
  std::optional<Parsed> ParseQualified(uint32_t i);

  // "just before Christmas": the month of the holiday (the text names no day).
  std::optional<Parsed> ParseBeforeHoliday(uint32_t i);

  // ------------------------------------------------------------------------------------------ counts

  // "two weeks ago", "five years ago", "a week ago", "a few days ago", "two days later", "a year earlier".
  std::optional<Parsed> ParseCount(uint32_t i);

  // After a count at token j: unit(s) + "ago" | "later" | "earlier".
  std::optional<Parsed> ParseAgo(uint32_t begin, uint32_t j, int32_t count);

  // ------------------------------------------------------------------------------------------ seasons,
  // holidays

  // "summer", "the summer of 2014", "summer 2014", "in the winter", with the mention starting at `begin`.
  std::optional<Parsed> ParseSeasonLed(uint32_t i, bool strong, uint32_t begin = kNone);

  // "Christmas", "Christmas Day", "Christmas Eve", "New Year's Day", "New Year's Eve", "Easter", "Good
  // Friday", "Halloween", "Thanksgiving", "Boxing Day", "Valentine's Day", "Bastille Day", "Armistice Day",
  // "Memorial Day", "Labor Day".
  std::optional<Parsed> ParseHoliday(uint32_t i);

  // ------------------------------------------------------------------------------------------ other words

  // Words outside the lexicon that still start a time: "mid-January", "mid-2014", "1990s".
  std::optional<Parsed> ParseUnlisted(uint32_t i);

  Document& doc_;
  const std::vector<Token>& tokens_;
  const times::TimeLexicon& lexicon_;
  const TimeTaggerOptions& options_;
  const bool has_date_;
  const CivilDate today_;
  uint32_t limit_ = 0;                     // end of the current sentence (tokens)
  // Each token's vocabulary entry, looked up once: the parser asks about the same token many times.
  std::vector<WordEntry>& words_;  // the caller's, reused across documents
  uint32_t sentence_begin_ = 0;            // its first token
  bool in_quote_ = false;                  // inside a direct quotation
  std::optional<DayInterval> last_named_;  // the value of the last mention, for "two days later"
};

}  // namespace annalist::times
