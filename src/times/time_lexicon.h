// The closed vocabulary of time expressions: month and weekday names, units, number words, seasons, holidays
// and the few function words the recogniser dispatches on ("this", "last", "ago", "since" …).
//
// Built once (a static table of some 250 words hashed into an open-addressing array) and immutable after
// construction: one TimeLexicon serves every thread. Lookup is ASCII-case-insensitive, allocation-free, and
// ignores one trailing period ("Nov." finds "nov", with `abbreviated_period` set).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace annalist::times {

enum class WordKind : uint8_t {
  kNone,
  kMonth,        // value 1..12
  kWeekday,      // value 0 = Monday … 6 = Sunday
  kDeictic,      // value: Deictic
  kUnit,         // value: TimeUnit, or kUnitWeekend / kUnitFortnight; flag kPlural
  kNumberWord,   // value: the number ("a" = 1, "two" = 2, "few" = 3)
  kOrdinalWord,  // value: 1..31 ("first" … "thirty-first")
  kSeason,       // value: Season
  kPartOfDay,    // value: PartOfDay
  kHoliday,      // value: HolidayWord (several words build one holiday)
  kFunction,     // value: FunctionWord
  kCue,          // a tense cue; value: Cue
};

// Entry::flags bits.
enum WordFlag : uint8_t {
  kPlural = 1 << 0,        // "days", "weeks"
  kAbbreviation = 1 << 1,  // "Nov", "Sept": a month only beside a day or a year
  kAmbiguous = 1 << 2,     // "May", "March", "fall", "spring": a time only in a time context
};

inline constexpr uint8_t kUnitWeekend = 10;
inline constexpr uint8_t kUnitFortnight = 11;

enum class Deictic : uint8_t { kToday, kTonight, kYesterday, kTomorrow };
enum class PartOfDay : uint8_t { kMorning, kAfternoon, kEvening, kNight, kOvernight };

enum class HolidayWord : uint8_t {
  kChristmas,
  kEaster,
  kHalloween,
  kThanksgiving,
  kNew,
  kYear,
  kEve,
  kDay,
  kBoxing,
  kValentine,
  kBastille,
  kArmistice,
  kRemembrance,
  kGood,
  kMemorial,
  kLabor,
  kHoliday,
  kHolidays,
};

enum class FunctionWord : uint8_t {
  kThis,
  kLast,
  kNext,
  kPast,
  kComing,
  kRecent,
  kPrevious,
  kFollowing,
  kEarly,
  kEarlier,
  kLate,
  kLater,
  kMid,
  kEnd,
  kBeginning,
  kStart,
  kMiddle,
  kTurn,
  kAgo,
  kSince,
  kIn,
  kOn,
  kAt,
  kOver,
  kDuring,
  kBetween,
  kFrom,
  kTo,
  kAnd,
  kUntil,
  kBy,
  kOf,
  kThe,
  kThat,
  kSame,
  kBefore,
  kAfter,
  kJust,
  kShortly,
  kThrough,
  kCouple,
  kFew,
  kSeveral,
  kThese,
  kThose,
  kAs,
  kAbout,
  kAround,
  kSome,
  kNearly,
  kAlmost,
  kThan,
  kLeast,
  kApproximately,
  kRoughly,
  kEstimated,
  kOnly,
  kEvery,
  kEach,
  kPer,
  kFor,
  kWithin,
  kOld,
  kHalf,
  kOut,
  kNow,
};

// Words that tell whether a clause points forward from the dateline or back from it.
enum class Cue : uint8_t {
  kFutureModal,   // will, shall, 'll, might, may (lower case); not "would", as often past
  kFutureWord,    // scheduled, due, expected, upcoming, planned, plans, intends, set
  kDeliberation,  // consideration, approval, a vote …: forward after "for" ("for consideration on Thursday")
  kPast,          // was, were, had, did, said, told, and wasn't … didn't
};

struct WordEntry {
  WordKind kind = WordKind::kNone;
  uint8_t value = 0;
  uint8_t flags = 0;
  bool abbreviated_period = false;  // set by Lookup when the token ended in "."

  bool is(FunctionWord word) const {
    return kind == WordKind::kFunction && value == static_cast<uint8_t>(word);
  }
  bool is(HolidayWord word) const {
    return kind == WordKind::kHoliday && value == static_cast<uint8_t>(word);
  }
  bool has(WordFlag flag) const { return (flags & flag) != 0; }
};

class TimeLexicon {
 public:
  TimeLexicon();

  // The entry for `word` (kNone when it is not in the vocabulary).
  WordEntry Lookup(std::string_view word) const;
  // The same, for a word of which `readable` (>= word.size()) bytes from word.data() on may be read: with 16
  // or more, the word is loaded whole (the parser passes what is left of the article's text).
  WordEntry LookupIn(std::string_view word, size_t readable) const;

 private:
  static constexpr size_t kMaxWord = 15;
  static constexpr size_t kSlots = 1024;  // power of two, load < 0.3

  // A word of at most 15 bytes, lower-cased and zero-padded into two machine words, with its length in the
  // last byte: comparing keys is two integer compares.
  struct Key {
    uint64_t low = 0;
    uint64_t high = 0;
    friend bool operator==(const Key&, const Key&) = default;
  };

  struct Slot {
    Key key;  // all zero = empty
    WordEntry entry;
  };

  static uint32_t SlotOf(const Key& key);

  std::array<Slot, kSlots> slots_;
  // A prefilter that rejects most words before hashing: bit (l - 'a') of shapes_[n][f - 'a'] is set when some
  // entry has n letters, first letter f and last letter l.
  std::array<std::array<uint32_t, 26>, kMaxWord + 1> shapes_{};
};

}  // namespace annalist::times
