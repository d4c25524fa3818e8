// The closed word lists of the actors stage's noun-phrase grammar (locatives, determiners, stop words, the
// verbs that make "it" impersonal, …) and the case-insensitive tests on them. Lower-case ASCII lists; a word
// of the article is compared with its A-Z folded. Constants and pure functions: thread-safe.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <iterator>
#include <string_view>
#include <type_traits>

namespace annalist::actors {

// Whether `a` equals `b` (lower case) when A-Z in `a` are folded.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (x != y) return false;
  }
  return true;
}

inline constexpr std::string_view kLocatives[] = {
    "in", "at", "near", "inside", "into", "across", "throughout", "within", "outside", "around", "from", "via",
    "through"};
inline constexpr std::string_view kDirections[] = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-east",
    "north-west", "south-east", "south-west", "northeast", "northwest", "southeast", "southwest", "north-eastern",
    "north-western", "south-eastern", "south-western", "northeastern", "northwestern", "southeastern",
    "southwestern", "rural", "occupied", "neighbouring", "neighboring"};
inline constexpr std::string_view kDeterminers[] = {"the", "a", "an", "this", "that", "these", "those"};
// Words that end a noun phrase: never skipped between an adjectival form and its agent.
inline constexpr std::string_view kStopWords[] = {
    "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "which", "who", "whom",
    "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "said", "says", "say", "the",
    "a", "an", "as", "than", "not", "also", "it", "its", "their", "his", "her", "after", "before", "since", "over",
    "into", "against", "during", "while", "when", "where", "if", "about", "under", "between", "all", "past",
    "beyond", "across", "through", "towards", "toward", "around", "along", "behind", "inside", "outside",
    "without", "within", "via", "like", "amid", "among", "despite", "near"};

// Words that cannot follow a subject as its verb.
inline constexpr std::string_view kFunctionWords[] = {
    "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "which", "who", "the",
    "a", "an", "as", "than", "after", "before", "since", "over", "into", "against", "during", "while", "when",
    "where", "if", "about", "under", "between", "through", "across", "near", "via"};

// Verbs after "it" that mostly make it impersonal ("it is unclear", "it would be").
inline constexpr std::string_view kImpersonal[] = {
    "is", "was", "isn't", "wasn't", "seems", "seemed", "appears", "appeared", "would", "could", "might", "may",
    "must", "should", "remains", "remained", "means", "meant", "becomes", "looks", "looked", "took", "takes",
    "did", "does", "can", "cannot", "felt", "feels", "makes", "made", "happened", "happens", "comes", "came",
    "depends", "depended", "matters", "mattered", "worked", "works", "turned", "goes", "went", "began", "begins"};
// Nouns of places after an adjectival form ("the Syrian town of").
inline constexpr std::string_view kPlaceNouns[] = {
    "town", "city", "village", "villages", "province", "region", "border", "capital", "territory", "desert",
    "countryside", "coast", "enclave", "governorate", "district", "side"};
// Capitalized words that name no actor.
inline constexpr std::string_view kCapitalizedWords[] = {
    "i", "mr", "mrs", "ms", "dr", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december"};
// Words after "it has", "it will", "it became" that make it impersonal.
inline constexpr std::string_view kImpersonalAfter[] = {
    "been", "be", "become", "clear", "apparent", "known", "possible", "impossible", "unclear", "difficult", "hard",
    "easier", "harder", "necessary", "likely", "unlikely", "obvious", "evident", "important", "time", "not",
    "taken", "emerged", "also", "never", "always", "long", "a", "the"};

// Bit n set when some word of `list` has n bytes (n < 64): most words are turned away by their length alone.
template <size_t N>
constexpr uint64_t LengthMask(const std::string_view (&list)[N]) {
  uint64_t mask = 0;
  for (std::string_view w : list) mask |= w.size() < 64 ? uint64_t{1} << w.size() : 0;
  return mask;
}

// Bit i set when some word of `list` starts with the letter 'a' + i; all bits when a word starts with something
// else than a-z. Most words the grammar asks about are turned away by this and their length before any hashing.
template <size_t N>
constexpr uint32_t FirstLetterMask(const std::string_view (&list)[N]) {
  uint32_t mask = 0;
  for (std::string_view w : list) {
    if (w.empty() || w[0] < 'a' || w[0] > 'z') return 0xFFFFFFFFu;
    mask |= uint32_t{1} << (w[0] - 'a');
  }
  return mask;
}

// A word of at most 16 bytes with A-Z folded, packed little-endian into two integers: what In() compares, so
// that a list is searched with one hash and a probe or two instead of a comparison with each of its words.
struct PackedWord {
  uint64_t lo = 0, hi = 0;
  uint64_t length = 0;  // 0 marks an empty slot of a WordTable
};

// `x` with each byte A-Z folded to a-z, all eight at once (bytes of 0x80 and over are left alone).
constexpr uint64_t FoldAsciiUpper(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t low7 = x & (0x7F * kOnes);
  const uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;  // a byte's top bit set when low7 >= 'A'; no carry
  const uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // … when low7 > 'Z'
  const uint64_t upper = at_least_a & ~above_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);  // 0x80 >> 2 is 0x20, the case bit
}

// The `n` bytes at p, 0 < n <= 16, little-endian into lo and hi: with loads of 1, 4 or 8 bytes that stay inside
// them (overlapping when n is not a load's size), not a loop over the bytes.
inline void LoadWordBytes(const char* p, size_t n, uint64_t* lo, uint64_t* hi) {
  const auto load32 = [](const char* q) {
    uint32_t v;
    std::memcpy(&v, q, 4);
    return uint64_t{v};
  };
  const auto load64 = [](const char* q) {
    uint64_t v;
    std::memcpy(&v, q, 8);
    return v;
  };
  *hi = 0;
  if (n >= 8) {
    *lo = load64(p);
    if (n > 8) *hi = load64(p + n - 8) >> (8 * (16 - n));
  } else if (n >= 4) {
    *lo = load32(p) | load32(p + n - 4) << (8 * (n - 4));
  } else {
    const size_t mid = n / 2;
    *lo = uint64_t{static_cast<uint8_t>(p[0])} | uint64_t{static_cast<uint8_t>(p[mid])} << (8 * mid) |
          uint64_t{static_cast<uint8_t>(p[n - 1])} << (8 * (n - 1));
  }
}

constexpr PackedWord PackFolded(std::string_view word) {  // REQUIRES: word.size() <= 16
  PackedWord packed;
  packed.length = word.size();
  // At run time on a little-endian machine: whole loads and the folding of eight bytes at once (In() packs a
  // word of the article at nearly every test the grammar makes of it).
  if (!std::is_constant_evaluated() && std::endian::native == std::endian::little) {
    if (word.empty()) return packed;
    LoadWordBytes(word.data(), word.size(), &packed.lo, &packed.hi);
    packed.lo = FoldAsciiUpper(packed.lo);
    packed.hi = FoldAsciiUpper(packed.hi);
    return packed;
  }
  for (size_t i = 0; i < word.size(); ++i) {
    uint64_t c = static_cast<uint8_t>(word[i]);
    if (c >= 'A' && c <= 'Z') c |= 0x20;
    if (i < 8) {
      packed.lo |= c << (8 * i);
    } else {
      packed.hi |= c << (8 * (i - 8));
    }
  }
  return packed;
}

// An open-addressing set of a list's words, built at compile time, at most about a third full.
template <size_t N>
struct WordTable {
  static constexpr int kBits = N <= 10 ? 5 : N <= 21 ? 6 : N <= 42 ? 7 : 8;
  static_assert(N * 5 / 2 <= (size_t{1} << kBits), "list too long for its table");
  static constexpr size_t kMask = (size_t{1} << kBits) - 1;
  static constexpr size_t SlotOf(const PackedWord& w) {
    return static_cast<size_t>(((w.lo ^ (w.hi * 0xC2B2AE3D27D4EB4Full) ^ w.length) * 0x9E3779B97F4A7C15ull) >>
                               (64 - kBits));
  }
  PackedWord slots[size_t{1} << kBits] = {};
};

template <size_t N>
constexpr WordTable<N> BuildWordTable(const std::string_view (&list)[N]) {
  WordTable<N> table;
  for (std::string_view w : list) {
    if (w.empty() || w.size() > 16) throw "list words have 1 to 16 bytes";  // a compile-time error
    const PackedWord packed = PackFolded(w);
    size_t i = WordTable<N>::SlotOf(packed);
    while (table.slots[i].length != 0) i = (i + 1) & WordTable<N>::kMask;
    table.slots[i] = packed;
  }
  return table;
}

// Whether `word` is in `kList`, ignoring the case of `word` (the lists are lower case): EqualsIgnoreCase with
// some word of the list.
template <const auto& kList>
inline bool In(std::string_view word) {
  static constexpr uint64_t kLengths = LengthMask(kList);
  if (word.size() >= 64 || ((kLengths >> word.size()) & 1) == 0) return false;  // and so word.size() <= 16
  static constexpr uint32_t kFirstLetters = FirstLetterMask(kList);
  if constexpr (kFirstLetters != 0xFFFFFFFFu) {
    // `| 0x20` maps exactly A-Z and a-z onto a-z: any other first byte matches no word of the list.
    const uint32_t letter = static_cast<uint32_t>(static_cast<uint8_t>(word[0]) | 0x20) - 'a';
    if (letter >= 26 || ((kFirstLetters >> letter) & 1) == 0) return false;
  }
  static constexpr auto kTable = BuildWordTable(kList);
  using Table = std::remove_cvref_t<decltype(kTable)>;
  const PackedWord packed = PackFolded(word);
  for (size_t i = Table::SlotOf(packed);; i = (i + 1) & Table::kMask) {
    const PackedWord& slot = kTable.slots[i];
    if (slot.length == 0) return false;
    if (slot.lo == packed.lo && slot.hi == packed.hi && slot.length == packed.length) return true;
  }
}

// --- Word classes: every list above, and the single words the grammar names, in one table. ---
//
// The grammar asks several questions of the same few tokens (a determiner? a direction? "of"?), each an In()
// or a comparison: WordClassOf answers them all with one probe. (Keeping the answer per token was measured
// and cost more than it saved: most tokens are asked about once.)

// One bit per list.
enum WordClassBit : uint32_t {
  kLocativeClass = 1u << 0,
  kDirectionClass = 1u << 1,
  kDeterminerClass = 1u << 2,
  kStopWordClass = 1u << 3,
  kFunctionWordClass = 1u << 4,
  kImpersonalClass = 1u << 5,
  kPlaceNounClass = 1u << 6,
  kCapitalizedWordClass = 1u << 7,
  kImpersonalAfterClass = 1u << 8,
};
// Bits 16 to 23 of a class: the word's index in kGrammarWords plus one, 0 for none of them.
inline constexpr int kGrammarWordShift = 16;

// The words the grammar tests one by one ("of", "and", the pronouns, ","), lower case.
inline constexpr std::string_view kGrammarWords[] = {
    ",", "a", "after", "an", "and", "as", "became", "before", "but", "for", "from", "had", "has", "he", "him",
    "his", "if", "in", "it", "its", "men", "of", "or", "people", "she", "since", "that", "the", "they", "this",
    "two", "when", "which", "while", "whom", "will", "women"};
static_assert(std::size(kGrammarWords) < 255, "a word's id is one byte");

// A word of kGrammarWords, named by its text and checked at compile time: Run::Is(t, "of").
struct GrammarWord {
  uint32_t id;  // its index in kGrammarWords plus one
  consteval GrammarWord(const char* word) : id(0) {  // NOLINT(google-explicit-constructor): written as a literal
    const std::string_view w(word);
    for (size_t i = 0; i < std::size(kGrammarWords); ++i) {
      if (kGrammarWords[i] == w) id = static_cast<uint32_t>(i + 1);
    }
    if (id == 0) throw "not in kGrammarWords";  // a compile-time error
  }
};

// A few words of kGrammarWords, tested at once: set.Has(WordClassOf(word)).
struct GrammarWordSet {
  uint64_t bits = 0;  // bit id of each word (GrammarWord::id)
  consteval GrammarWordSet(std::initializer_list<GrammarWord> words) {
    for (const GrammarWord& word : words) bits |= uint64_t{1} << word.id;
  }
  constexpr bool Has(uint32_t classes) const { return (bits >> (classes >> kGrammarWordShift)) & 1; }
};
static_assert(std::size(kGrammarWords) < 64, "a GrammarWordSet holds ids below 64");

// Whether `classes` (WordClassOf) are those of `word`.
constexpr bool IsGrammarWord(uint32_t classes, GrammarWord word) { return classes >> kGrammarWordShift == word.id; }

struct WordClassSlot {  // 24 bytes: a PackedWord's fields with a 4-byte length
  uint64_t lo = 0, hi = 0;
  uint32_t length = 0;  // 0 marks an empty slot
  uint32_t value = 0;
};

// An open-addressing map of every word of the lists and of kGrammarWords to its class, at most half full.
struct WordClassTable {
  static constexpr int kBits = 9;
  static constexpr size_t kMask = (size_t{1} << kBits) - 1;
  static constexpr size_t SlotOf(const PackedWord& w) {
    return static_cast<size_t>(((w.lo ^ (w.hi * 0xC2B2AE3D27D4EB4Full) ^ w.length) * 0x9E3779B97F4A7C15ull) >>
                               (64 - kBits));
  }
  WordClassSlot slots[size_t{1} << kBits] = {};
  // Per length n (0 to 16): bit i set when some word of n bytes starts with the letter 'a' + i, bit 31 when one
  // starts with something else. Most words of an article are turned away by this before any hashing.
  uint32_t first_bytes[17] = {};
  static constexpr uint32_t FirstByteBit(char c) {
    const uint32_t letter = static_cast<uint32_t>(static_cast<uint8_t>(c) | 0x20) - 'a';  // A-Z and a-z alike
    return uint32_t{1} << (letter < 26 ? letter : 31);
  }

  constexpr void Add(std::string_view w, uint32_t value) {
    if (w.empty() || w.size() > 16) throw "list words have 1 to 16 bytes";  // a compile-time error
    const PackedWord packed = PackFolded(w);
    size_t i = SlotOf(packed);
    while (slots[i].length != 0 &&
           !(slots[i].lo == packed.lo && slots[i].hi == packed.hi && slots[i].length == packed.length)) {
      i = (i + 1) & kMask;
    }
    slots[i].lo = packed.lo;
    slots[i].hi = packed.hi;
    slots[i].length = static_cast<uint32_t>(packed.length);
    slots[i].value |= value;
    first_bytes[w.size()] |= FirstByteBit(w[0]);
  }
  template <size_t N>
  constexpr void AddList(const std::string_view (&list)[N], uint32_t bit) {
    for (std::string_view w : list) Add(w, bit);
  }
};

constexpr WordClassTable BuildWordClassTable() {
  WordClassTable table;
  table.AddList(kLocatives, kLocativeClass);
  table.AddList(kDirections, kDirectionClass);
  table.AddList(kDeterminers, kDeterminerClass);
  table.AddList(kStopWords, kStopWordClass);
  table.AddList(kFunctionWords, kFunctionWordClass);
  table.AddList(kImpersonal, kImpersonalClass);
  table.AddList(kPlaceNouns, kPlaceNounClass);
  table.AddList(kCapitalizedWords, kCapitalizedWordClass);
  table.AddList(kImpersonalAfter, kImpersonalAfterClass);
  for (size_t i = 0; i < std::size(kGrammarWords); ++i) {
    table.Add(kGrammarWords[i], static_cast<uint32_t>(i + 1) << kGrammarWordShift);
  }
  size_t used = 0;
  for (const WordClassSlot& slot : table.slots) used += slot.length != 0;
  if (used * 2 > std::size(table.slots)) throw "word class table too full";  // a compile-time error
  return table;
}

// The classes of `word` (A-Z folded): its WordClassBit lists and its kGrammarWords id; 0 when it is in none.
inline uint32_t WordClassOf(std::string_view word) {
  static constexpr WordClassTable kTable = BuildWordClassTable();
  if (word.empty() || word.size() > 16 || (kTable.first_bytes[word.size()] & kTable.FirstByteBit(word[0])) == 0) {
    return 0;
  }
  const PackedWord packed = PackFolded(word);
  for (size_t i = WordClassTable::SlotOf(packed);; i = (i + 1) & WordClassTable::kMask) {
    const WordClassSlot& slot = kTable.slots[i];
    if (slot.length == 0) return 0;
    if (slot.lo == packed.lo && slot.hi == packed.hi && slot.length == packed.length) {
      return slot.value;
    }
  }
}

}  // namespace annalist::actors
