// The closed vocabulary of the figures stage: number words, scale words and vague plurals, the words that
// qualify a number ("more than", "an estimated"), the nouns a figure counts (grouped into classes that decide
// whether a number about them is a figure at all), the words that give a figure its category ("killed",
// "fled", "released"), units that make a number not a figure ("weeks", "%", "dollars"), and the few function
// words the recogniser and the source finder dispatch on.
//
// Built once from a static table (some 600 words) at construction and immutable after that: one FigureLexicon
// serves every thread. Lookup is ASCII-case-insensitive and allocation-free (a word is copied into a zero-padded
// 32-byte stack buffer, lower-cased and hashed eight bytes at a time, and found in a small open-addressing
// table); words longer than 31 bytes are unknown. The hot paths look each token up once per document
// (TokenIds) and then read entries by id.
#pragma once

#include <array>
#include <bit>
#include <cstddef>
#include <cstring>
#include <cstdint>
#include <string_view>
#include <vector>

#include "annalist/document.h"

namespace annalist::figures {

// What a counted noun is, which decides whether a number about it is a figure and its default category.
enum class NounClass : uint8_t {
  kNone,        // not a counted noun the stage knows
  kPeople,      // people in general ("people", "children", "residents"): a figure only with a category cue
  kCaptive,     // "hostages", "captives", "prisoners", "detainees": held unless a cue says otherwise
  kArmed,       // "fighters", "troops", "militants": other unless a cue says otherwise
  kRefugee,     // "refugees", "migrants": other unless a cue of movement says displaced
  kThing,       // things of the conflict ("camps", "tanks", "airstrikes"): other
  kProjectile,  // "rockets", "missiles", "drones", "shells": launched
  kCrowd,       // "protesters", "demonstrators", "crowd": participants
  kToll,        // nouns that are themselves the category ("dead", "bodies", "injured", "arrests")
};

// WordEntry::flags bits.
enum WordFlag : uint32_t {
  kNumberWord = 1u << 0,     // "one" … "ninety"; value
  kScale = 1u << 1,          // "hundred", "thousand", "million", "billion", "dozen"; value = multiplier
  kVague = 1u << 2,          // "hundreds", "thousands", "dozens", "scores", "tens": value = lower bound
  kUnit = 1u << 3,           // after a number it is not a figure: "%", "weeks", "km", "dollars"
  kCue = 1u << 4,            // a word that gives a category (cue_category)
  kStop = 1u << 5,           // a function word that ends a noun phrase ("in", "who", "and", "to")
  kAux = 1u << 6,            // "has", "were", "been", "being": skipped between a subject and its verb
  kSpeech = 1u << 7,         // a verb of saying or estimating: "said", "told", "reported", "estimated"
  kPossessive = 1u << 8,     // "her", "his", "their": "her three children" is not a figure
  kPronoun = 1u << 9,        // "he", "she", "they", "it": a source to resolve to an earlier one
  kNonAssertive = 1u << 10,  // "wanted", "urged", "called": what follows is not a claim of the speaker
  kParticleVerb = 1u << 11,  // "handed", "took": "handed over 105" is not "more than 105"
  kCurrency = 1u << 12,      // "$", "£", "€", "US$" before a number
  kCaptiveOnly = 1u << 13,   // a cue that applies only to captives ("remain", "remaining")
  kAgeWord = 1u << 14,       // "aged", "age", "ages": the number after is an age
  kEstimate = 1u << 15,      // "estimated" after a figure ("bodies that are estimated to be …") → about
  kContinuation = 1u << 16,  // "further", "another": "a further seven" continues the previous claim
  kSourceHead = 1u << 17,    // "statement", "spokesman", "report": "a statement from X said" → X
  kAdverb = 1u << 18,        // "also", "reportedly", "still": skipped around verbs
  kTollAdjective = 1u << 19, // "dead", "injured", "kidnapped": a kToll word that counts no one ("240 kidnapped")
};

struct WordEntry {
  uint32_t flags = 0;
  double value = 0;  // number word, scale multiplier or vague lower bound
  NounClass noun = NounClass::kNone;
  QuantityCategory noun_category = QuantityCategory::kOther;  // the default category of a kToll noun
  QuantityCategory cue_category = QuantityCategory::kOther;   // when flags has kCue

  bool has(WordFlag flag) const { return (flags & flag) != 0; }
  bool known() const { return flags != 0 || noun != NounClass::kNone; }
};

namespace detail {
// Sets bit 5 of every byte of `w` that is an ASCII capital: std::tolower of the "C" locale, eight bytes at a
// time. (Adding to the low seven bits never carries into the next byte; bytes of 0x80 and above are left alone.)
inline uint64_t LowerAscii(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  const uint64_t low7 = w & (0x7F * kOnes);
  const uint64_t upper = ((low7 + (0x80 - 'A') * kOnes) ^ (low7 + (0x80 - 'Z' - 1) * kOnes)) & ~w & (0x80 * kOnes);
  return w | (upper >> 2);
}
}  // namespace detail

// The id of a word's entry: kUnknownWord for a word the lexicon does not know, kDemonymWord for a capitalised
// plural that looks like a demonym, else the word's row.
using WordId = uint16_t;
// A word of the lexicon (at most 31 bytes), zero-padded to 32 bytes and read as four 64-bit words.
using PaddedWord = std::array<uint64_t, 4>;
inline constexpr WordId kUnknownWord = 0;
inline constexpr WordId kDemonymWord = 1;

class FigureLexicon {
 public:
  FigureLexicon();

  // The entry of `word` (ASCII case-insensitive); an empty entry (known() false) for unknown words.
  // Capitalised plurals that look like demonyms ("Palestinians", "Israelis", "Kurds") are kPeople.
  // Thread-safe; allocation-free.
  WordEntry Lookup(std::string_view word) const { return entries_[Id(word)]; }

  // The id of `word`'s entry, as Lookup finds it; Lookup(word) == entry(Id(word)). Thread-safe;
  // allocation-free.
  WordId Id(std::string_view word) const;
  // The same for the `size` bytes at `word`, of which `readable` (>= size) may be read: when that reaches
  // past the word's last eight-byte block, the word is loaded eight bytes at a time. Thread-safe; allocation-free.
  WordId IdIn(const char* word, size_t size, size_t readable) const;
  // IdIn for a word of one to eight bytes with eight readable (most tokens), in line: one load, the bytes past
  // the word masked off, no array. REQUIRES: 1 <= size <= 8, kShortWordsInLine.
  WordId IdShort(const char* word, size_t size) const {
    uint64_t w;
    std::memcpy(&w, word, 8);
    if (size < 8) w &= (uint64_t{1} << (8 * size)) - 1;
    w = detail::LowerAscii(w);
    uint64_t h = (w ^ size) * 0x9E3779B97F4A7C15ull;  // the table's hash of a word of eight bytes or fewer
    h ^= h >> 31;
    uint32_t s = static_cast<uint32_t>(h) & mask_;
    WordId id = slots_[s];
    // Known or not is a coin toss to the branch predictor: the first slot decides without a branch on it,
    // but for a collision (rare: the table is sparse) and then the probe goes on.
    const bool hit = word0_[id] == w && size_[id] == size;  // never for id 0 (size 0)
    if (!hit && id != kUnknownWord) [[unlikely]] {
      while ((id = slots_[s = (s + 1) & mask_]) != kUnknownWord) {
        if (word0_[id] == w && size_[id] == size) return id;
      }
      return DemonymOrUnknown(word, size);
    }
    // A demonym (DemonymOrUnknown) is capitalised, five bytes or more, and ends in "ans", "ens", "is", "ese"
    // or "ons" in any case: its last three bytes are in w, lower-cased.
    const uint64_t tail = (w >> (8 * (size >= 3 ? size - 3 : 0))) & 0xFFFFFF;
    constexpr auto kTail = [](char a, char b, char c) {
      return uint64_t{static_cast<unsigned char>(a)} | uint64_t{static_cast<unsigned char>(b)} << 8 |
             uint64_t{static_cast<unsigned char>(c)} << 16;
    };
    // (Bitwise on purpose, as unsigned: every test is cheap, and a branch on each would be mispredicted.)
    const unsigned demonym_tail = unsigned{tail == kTail('a', 'n', 's')} | unsigned{tail == kTail('e', 'n', 's')} |
                                  unsigned{(tail >> 8) == (kTail('_', 'i', 's') >> 8)} |
                                  unsigned{tail == kTail('e', 's', 'e')} | unsigned{tail == kTail('o', 'n', 's')};
    const bool demonym = (unsigned{MaybeDemonym(word, size)} & demonym_tail) != 0;
    return hit ? id : demonym ? kDemonymWord : kUnknownWord;
  }
  // The same for a word of nine to sixteen bytes with sixteen readable: two loads. REQUIRES: 9 <= size <= 16,
  // kShortWordsInLine.
  WordId IdMedium(const char* word, size_t size) const {
    uint64_t w0, w1;
    std::memcpy(&w0, word, 8);
    std::memcpy(&w1, word + 8, 8);
    if (size < 16) w1 &= (uint64_t{1} << (8 * (size - 8))) - 1;
    w0 = detail::LowerAscii(w0);
    w1 = detail::LowerAscii(w1);
    uint64_t h = (w0 ^ size) * 0x9E3779B97F4A7C15ull;  // the table's hash; the padding words are zero
    h ^= w1 * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 31;
    for (uint32_t s = static_cast<uint32_t>(h) & mask_;; s = (s + 1) & mask_) {
      const WordId id = slots_[s];
      if (id == kUnknownWord) break;
      if (word0_[id] == w0 && size_[id] == size && padded_[id][1] == w1) return id;  // [2], [3] are zero
    }
    return MaybeDemonym(word, size) ? DemonymOrUnknown(word, size) : kUnknownWord;
  }
  // Whether IdShort may be used: a little-endian machine (the padded words are in its byte order).
  static constexpr bool kShortWordsInLine = std::endian::native == std::endian::little;
  // REQUIRES: `id` came from Id() of this lexicon.
  const WordEntry& entry(WordId id) const { return entries_[id]; }

 private:
  // IdIn's answer for a word no entry holds: kDemonymWord or kUnknownWord; always kUnknownWord when
  // MaybeDemonym is false (a demonym is capitalised and five bytes or more).
  static WordId DemonymOrUnknown(const char* word, size_t size);
  static bool MaybeDemonym(const char* word, size_t size) {
    return (size >= 5) & (static_cast<unsigned>(static_cast<unsigned char>(word[0]) - 'A') < 26);
  }

  // The probe reads only slots_ (eight slots a word: a first probe almost always decides) and word0_ and size_:
  // about 23 KB that stay in the L1 cache.
  std::vector<WordEntry> entries_;   // by id
  std::vector<uint64_t> word0_;      // by id: the word's first eight bytes, zero-padded (padded_[id][0])
  std::vector<uint8_t> size_;        // by id: the word's size in bytes
  std::vector<PaddedWord> padded_;   // by id: the word, zero-padded; all zeros for the two special ids
  std::vector<WordId> slots_;        // open addressing on the lower-case word; kUnknownWord = empty
  uint32_t mask_ = 0;                // slots_.size() - 1 (a power of two minus one)
};

// The entry ids of a document's tokens, looked up once, so that the recogniser and the source finder read a
// token's entry by index. Reuse one across documents to keep its capacity.
class TokenIds {
 public:
  // Looks up every token of `doc` (of any kind: "%" and "$" are words of the lexicon).
  void Assign(const Document& doc, const FigureLexicon& lexicon);
  // REQUIRES: token < doc.tokens.size() of the last Assign.
  WordId operator[](uint32_t token) const { return ids_[token]; }
  bool empty() const { return ids_.empty(); }

 private:
  std::vector<WordId> ids_;
};

}  // namespace annalist::figures
