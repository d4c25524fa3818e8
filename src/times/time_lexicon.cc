// The time vocabulary as one static table, hashed (a multiply-shift over the lower-cased, zero-padded bytes)
// into an open-addressing array at construction. The stage looks up every word token, so this is the hot path
// of the whole stage: a (length, first letter, last letter) bitmap rejects most words before any hashing, and
// a lookup that passes lower-cases at most 15 bytes into two machine words, hashes and compares them.
#include "times/time_lexicon.h"

#include <bit>
#include <cstring>

#include "times/resolve.h"

namespace annalist::times {
namespace {

struct Row {
  const char* word;
  WordKind kind;
  uint8_t value;
  uint8_t flags;
};

constexpr uint8_t V(auto e) { return static_cast<uint8_t>(e); }

using K = WordKind;
using F = FunctionWord;
using H = HolidayWord;

constexpr Row kRows[] = {
    {"january", K::kMonth, 1, 0},
    {"february", K::kMonth, 2, 0},
    {"march", K::kMonth, 3, kAmbiguous},
    {"april", K::kMonth, 4, 0},
    {"may", K::kMonth, 5, kAmbiguous},
    {"june", K::kMonth, 6, 0},
    {"july", K::kMonth, 7, 0},
    {"august", K::kMonth, 8, 0},
    {"september", K::kMonth, 9, 0},
    {"october", K::kMonth, 10, 0},
    {"november", K::kMonth, 11, 0},
    {"december", K::kMonth, 12, 0},
    {"jan", K::kMonth, 1, kAbbreviation},
    {"feb", K::kMonth, 2, kAbbreviation},
    {"mar", K::kMonth, 3, kAbbreviation},
    {"apr", K::kMonth, 4, kAbbreviation},
    {"jun", K::kMonth, 6, kAbbreviation},
    {"jul", K::kMonth, 7, kAbbreviation},
    {"aug", K::kMonth, 8, kAbbreviation},
    {"sep", K::kMonth, 9, kAbbreviation},
    {"sept", K::kMonth, 9, kAbbreviation},
    {"oct", K::kMonth, 10, kAbbreviation},
    {"nov", K::kMonth, 11, kAbbreviation},
    {"dec", K::kMonth, 12, kAbbreviation},

    {"monday", K::kWeekday, 0, 0},
    {"tuesday", K::kWeekday, 1, 0},
    {"wednesday", K::kWeekday, 2, 0},
    {"thursday", K::kWeekday, 3, 0},
    {"friday", K::kWeekday, 4, 0},
    {"saturday", K::kWeekday, 5, 0},
    {"sunday", K::kWeekday, 6, 0},

    {"today", K::kDeictic, V(Deictic::kToday), 0},
    {"tonight", K::kDeictic, V(Deictic::kTonight), 0},
    {"yesterday", K::kDeictic, V(Deictic::kYesterday), 0},
    {"tomorrow", K::kDeictic, V(Deictic::kTomorrow), 0},

    {"day", K::kUnit, V(TimeUnit::kDay), 0},
    {"days", K::kUnit, V(TimeUnit::kDay), kPlural},
    {"week", K::kUnit, V(TimeUnit::kWeek), 0},
    {"weeks", K::kUnit, V(TimeUnit::kWeek), kPlural},
    {"month", K::kUnit, V(TimeUnit::kMonth), 0},
    {"months", K::kUnit, V(TimeUnit::kMonth), kPlural},
    {"year", K::kUnit, V(TimeUnit::kYear), 0},
    {"years", K::kUnit, V(TimeUnit::kYear), kPlural},
    {"decade", K::kUnit, V(TimeUnit::kDecade), 0},
    {"decades", K::kUnit, V(TimeUnit::kDecade), kPlural},
    {"weekend", K::kUnit, kUnitWeekend, 0},
    {"weekends", K::kUnit, kUnitWeekend, kPlural},
    {"fortnight", K::kUnit, kUnitFortnight, 0},

    {"a", K::kNumberWord, 1, 0},
    {"an", K::kNumberWord, 1, 0},
    {"one", K::kNumberWord, 1, 0},
    {"two", K::kNumberWord, 2, 0},
    {"three", K::kNumberWord, 3, 0},
    {"four", K::kNumberWord, 4, 0},
    {"five", K::kNumberWord, 5, 0},
    {"six", K::kNumberWord, 6, 0},
    {"seven", K::kNumberWord, 7, 0},
    {"eight", K::kNumberWord, 8, 0},
    {"nine", K::kNumberWord, 9, 0},
    {"ten", K::kNumberWord, 10, 0},
    {"eleven", K::kNumberWord, 11, 0},
    {"twelve", K::kNumberWord, 12, 0},
    {"thirteen", K::kNumberWord, 13, 0},
    {"fourteen", K::kNumberWord, 14, 0},
    {"fifteen", K::kNumberWord, 15, 0},
    {"sixteen", K::kNumberWord, 16, 0},
    {"seventeen", K::kNumberWord, 17, 0},
    {"eighteen", K::kNumberWord, 18, 0},
    {"nineteen", K::kNumberWord, 19, 0},
    {"twenty", K::kNumberWord, 20, 0},
    {"thirty", K::kNumberWord, 30, 0},
    {"forty", K::kNumberWord, 40, 0},
    {"fifty", K::kNumberWord, 50, 0},
    {"few", K::kNumberWord, 3, 0},
    {"couple", K::kNumberWord, 2, 0},
    {"several", K::kNumberWord, 3, 0},

    {"first", K::kOrdinalWord, 1, 0},
    {"second", K::kOrdinalWord, 2, 0},
    {"third", K::kOrdinalWord, 3, 0},
    {"fourth", K::kOrdinalWord, 4, 0},
    {"fifth", K::kOrdinalWord, 5, 0},
    {"sixth", K::kOrdinalWord, 6, 0},
    {"seventh", K::kOrdinalWord, 7, 0},
    {"eighth", K::kOrdinalWord, 8, 0},
    {"ninth", K::kOrdinalWord, 9, 0},
    {"tenth", K::kOrdinalWord, 10, 0},

    {"spring", K::kSeason, V(Season::kSpring), kAmbiguous},
    {"summer", K::kSeason, V(Season::kSummer), 0},
    {"autumn", K::kSeason, V(Season::kAutumn), 0},
    {"fall", K::kSeason, V(Season::kAutumn), kAmbiguous},
    {"winter", K::kSeason, V(Season::kWinter), 0},

    {"morning", K::kPartOfDay, V(PartOfDay::kMorning), 0},
    {"afternoon", K::kPartOfDay, V(PartOfDay::kAfternoon), 0},
    {"evening", K::kPartOfDay, V(PartOfDay::kEvening), 0},
    {"night", K::kPartOfDay, V(PartOfDay::kNight), 0},
    {"overnight", K::kPartOfDay, V(PartOfDay::kOvernight), 0},

    {"christmas", K::kHoliday, V(H::kChristmas), 0},
    {"xmas", K::kHoliday, V(H::kChristmas), 0},
    {"easter", K::kHoliday, V(H::kEaster), 0},
    {"halloween", K::kHoliday, V(H::kHalloween), 0},
    {"thanksgiving", K::kHoliday, V(H::kThanksgiving), 0},
    {"new", K::kHoliday, V(H::kNew), 0},
    {"eve", K::kHoliday, V(H::kEve), 0},
    {"boxing", K::kHoliday, V(H::kBoxing), 0},
    {"valentine", K::kHoliday, V(H::kValentine), 0},
    {"valentines", K::kHoliday, V(H::kValentine), 0},
    {"bastille", K::kHoliday, V(H::kBastille), 0},
    {"armistice", K::kHoliday, V(H::kArmistice), 0},
    {"remembrance", K::kHoliday, V(H::kRemembrance), 0},
    {"good", K::kHoliday, V(H::kGood), 0},
    {"memorial", K::kHoliday, V(H::kMemorial), 0},
    {"labor", K::kHoliday, V(H::kLabor), 0},
    {"labour", K::kHoliday, V(H::kLabor), 0},
    {"holiday", K::kHoliday, V(H::kHoliday), 0},
    {"holidays", K::kHoliday, V(H::kHolidays), 0},

    {"this", K::kFunction, V(F::kThis), 0},
    {"last", K::kFunction, V(F::kLast), 0},
    {"next", K::kFunction, V(F::kNext), 0},
    {"past", K::kFunction, V(F::kPast), 0},
    {"coming", K::kFunction, V(F::kComing), 0},
    {"recent", K::kFunction, V(F::kRecent), 0},
    {"previous", K::kFunction, V(F::kPrevious), 0},
    {"following", K::kFunction, V(F::kFollowing), 0},
    {"early", K::kFunction, V(F::kEarly), 0},
    {"earlier", K::kFunction, V(F::kEarlier), 0},
    {"late", K::kFunction, V(F::kLate), 0},
    {"later", K::kFunction, V(F::kLater), 0},
    {"mid", K::kFunction, V(F::kMid), 0},
    {"end", K::kFunction, V(F::kEnd), 0},
    {"beginning", K::kFunction, V(F::kBeginning), 0},
    {"start", K::kFunction, V(F::kStart), 0},
    {"middle", K::kFunction, V(F::kMiddle), 0},
    {"turn", K::kFunction, V(F::kTurn), 0},
    {"ago", K::kFunction, V(F::kAgo), 0},
    {"since", K::kFunction, V(F::kSince), 0},
    {"in", K::kFunction, V(F::kIn), 0},
    {"on", K::kFunction, V(F::kOn), 0},
    {"at", K::kFunction, V(F::kAt), 0},
    {"over", K::kFunction, V(F::kOver), 0},
    {"during", K::kFunction, V(F::kDuring), 0},
    {"between", K::kFunction, V(F::kBetween), 0},
    {"from", K::kFunction, V(F::kFrom), 0},
    {"to", K::kFunction, V(F::kTo), 0},
    {"and", K::kFunction, V(F::kAnd), 0},
    {"until", K::kFunction, V(F::kUntil), 0},
    {"till", K::kFunction, V(F::kUntil), 0},
    {"by", K::kFunction, V(F::kBy), 0},
    {"of", K::kFunction, V(F::kOf), 0},
    {"the", K::kFunction, V(F::kThe), 0},
    {"that", K::kFunction, V(F::kThat), 0},
    {"same", K::kFunction, V(F::kSame), 0},
    {"before", K::kFunction, V(F::kBefore), 0},
    {"after", K::kFunction, V(F::kAfter), 0},
    {"just", K::kFunction, V(F::kJust), 0},
    {"shortly", K::kFunction, V(F::kShortly), 0},
    {"through", K::kFunction, V(F::kThrough), 0},
    {"these", K::kFunction, V(F::kThese), 0},
    {"those", K::kFunction, V(F::kThose), 0},
    {"as", K::kFunction, V(F::kAs), 0},
    {"about", K::kFunction, V(F::kAbout), 0},
    {"around", K::kFunction, V(F::kAround), 0},
    {"some", K::kFunction, V(F::kSome), 0},
    {"nearly", K::kFunction, V(F::kNearly), 0},
    {"almost", K::kFunction, V(F::kAlmost), 0},
    {"than", K::kFunction, V(F::kThan), 0},
    {"least", K::kFunction, V(F::kLeast), 0},
    {"approximately", K::kFunction, V(F::kApproximately), 0},
    {"roughly", K::kFunction, V(F::kRoughly), 0},
    {"estimated", K::kFunction, V(F::kEstimated), 0},
    {"only", K::kFunction, V(F::kOnly), 0},
    {"every", K::kFunction, V(F::kEvery), 0},
    {"each", K::kFunction, V(F::kEach), 0},
    {"per", K::kFunction, V(F::kPer), 0},
    {"for", K::kFunction, V(F::kFor), 0},
    {"within", K::kFunction, V(F::kWithin), 0},
    {"old", K::kFunction, V(F::kOld), 0},
    {"half", K::kFunction, V(F::kHalf), 0},
    {"out", K::kFunction, V(F::kOut), 0},
    {"now", K::kFunction, V(F::kNow), 0},

    {"will", K::kCue, V(Cue::kFutureModal), 0},
    {"shall", K::kCue, V(Cue::kFutureModal), 0},
    {"ll", K::kCue, V(Cue::kFutureModal), 0},
    {"might", K::kCue, V(Cue::kFutureModal), 0},
    {"scheduled", K::kCue, V(Cue::kFutureWord), 0},
    {"due", K::kCue, V(Cue::kFutureWord), 0},
    {"expected", K::kCue, V(Cue::kFutureWord), 0},
    {"upcoming", K::kCue, V(Cue::kFutureWord), 0},
    {"planned", K::kCue, V(Cue::kFutureWord), 0},
    {"plans", K::kCue, V(Cue::kFutureWord), 0},
    {"intends", K::kCue, V(Cue::kFutureWord), 0},
    {"slated", K::kCue, V(Cue::kFutureWord), 0},
    {"consideration", K::kCue, V(Cue::kDeliberation), 0},
    {"approval", K::kCue, V(Cue::kDeliberation), 0},
    {"endorsement", K::kCue, V(Cue::kDeliberation), 0},
    {"discussion", K::kCue, V(Cue::kDeliberation), 0},
    {"debate", K::kCue, V(Cue::kDeliberation), 0},
    {"review", K::kCue, V(Cue::kDeliberation), 0},
    {"ratification", K::kCue, V(Cue::kDeliberation), 0},
    {"vote", K::kCue, V(Cue::kDeliberation), 0},
    {"signing", K::kCue, V(Cue::kDeliberation), 0},
    {"was", K::kCue, V(Cue::kPast), 0},
    {"were", K::kCue, V(Cue::kPast), 0},
    {"had", K::kCue, V(Cue::kPast), 0},
    {"did", K::kCue, V(Cue::kPast), 0},
    {"said", K::kCue, V(Cue::kPast), 0},
    {"told", K::kCue, V(Cue::kPast), 0},
    {"wasn't", K::kCue, V(Cue::kPast), 0},
    {"wasn\xE2\x80\x99t", K::kCue, V(Cue::kPast), 0},
    {"weren't", K::kCue, V(Cue::kPast), 0},
    {"weren\xE2\x80\x99t", K::kCue, V(Cue::kPast), 0},
    {"hadn't", K::kCue, V(Cue::kPast), 0},
    {"hadn\xE2\x80\x99t", K::kCue, V(Cue::kPast), 0},
    {"didn't", K::kCue, V(Cue::kPast), 0},
    {"didn\xE2\x80\x99t", K::kCue, V(Cue::kPast), 0},
};

inline char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// ASCII upper case to lower case in eight bytes at once (other bytes, UTF-8 included, unchanged): this runs
// for most word tokens of every article.
inline uint64_t AsciiLower8(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t seven_bits = x & (0x7F * kOnes);
  const uint64_t at_least_a = seven_bits + (0x80 - 'A') * kOnes;   // bit 7 set where byte >= 'A'
  const uint64_t above_z = seven_bits + (0x80 - 'Z' - 1) * kOnes;  // bit 7 set where byte > 'Z'
  const uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

// The key of `word` (REQUIRES: 1 <= size <= 15), lower-cased. When 16 bytes from word.data() on may be read
// (`readable`), the key is two whole loads with the bytes past the word masked off: building it byte by
// byte on the stack and reading it back as words stalls on store forwarding, for most word tokens of every
// article.
inline void MakeKey(std::string_view word, size_t readable, uint64_t* low, uint64_t* high) {
  if (readable >= 16 && std::endian::native == std::endian::little) {
    uint64_t words[2];
    std::memcpy(words, word.data(), 16);
    const size_t n = word.size();
    const uint64_t size_byte = static_cast<uint64_t>(n) << 56;  // byte 15 of the key
    if (n <= 8) {
      *low = AsciiLower8(n == 8 ? words[0] : words[0] & ((uint64_t{1} << (8 * n)) - 1));
      *high = size_byte;
    } else {
      *low = AsciiLower8(words[0]);
      *high = AsciiLower8(words[1] & ((uint64_t{1} << (8 * (n - 8))) - 1)) | size_byte;
    }
    return;
  }
  char bytes[16] = {};
  std::memcpy(bytes, word.data(), word.size());
  bytes[15] = static_cast<char>(word.size());
  uint64_t words[2];
  std::memcpy(words, bytes, 16);
  *low = AsciiLower8(words[0]);
  *high = AsciiLower8(words[1]);
}

}  // namespace

uint32_t TimeLexicon::SlotOf(const Key& key) {
  const uint64_t mixed = (key.low ^ (key.high * 0x9E3779B97F4A7C15ull)) * 0xBF58476D1CE4E5B9ull;
  return static_cast<uint32_t>(mixed >> 40) & (kSlots - 1);
}

TimeLexicon::TimeLexicon() {
  for (const Row& row : kRows) {
    const std::string_view word(row.word);
    Key key;
    MakeKey(word, word.size(), &key.low, &key.high);
    uint32_t index = SlotOf(key);
    while (!(slots_[index].key == Key{})) index = (index + 1) & (kSlots - 1);
    slots_[index] = Slot{key, WordEntry{row.kind, row.value, row.flags, false}};
    shapes_[word.size()][word.front() - 'a'] |= 1u << (word.back() - 'a');
  }
}

WordEntry TimeLexicon::Lookup(std::string_view word) const { return LookupIn(word, word.size()); }

WordEntry TimeLexicon::LookupIn(std::string_view word, size_t readable) const {
  bool period = false;
  if (!word.empty() && word.back() == '.') {
    word.remove_suffix(1);
    period = true;
  }
  if (word.empty() || word.size() > kMaxWord) return {};
  const char first = Lower(word.front()), last = Lower(word.back());
  if (first < 'a' || first > 'z' || last < 'a' || last > 'z') return {};
  if (((shapes_[word.size()][first - 'a'] >> (last - 'a')) & 1u) == 0) return {};
  Key key;
  MakeKey(word, readable, &key.low, &key.high);
  for (uint32_t index = SlotOf(key);; index = (index + 1) & (kSlots - 1)) {
    const Slot& slot = slots_[index];
    if (slot.key == key) {
      WordEntry entry = slot.entry;
      entry.abbreviated_period = period;
      return entry;
    }
    if (slot.key == Key{}) return {};
  }
}

}  // namespace annalist::times
