#include "actors/phrase_matcher.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annalist::actors {

namespace {

uint64_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return key;
}

// The hash of a word key of up to 16 bytes, from its bytes zero-padded into two little-endian words: two
// multiplications side by side, whatever the length (Tokenize gets `lo` and `hi` from one vector load). Only
// the high bits of a product depend on every byte, so the top 24 are folded onto the low ones, which index the
// table; the word filter reads bits 42 to 63 (FilterBlock, FilterBits). A mixing step after the sum, as
// LongHash has, cost a twentieth of Tokenize's time, and without it the built-in dictionary's words lie in runs
// of occupied slots as short as before (1.7 slots on average) and fill as few bits of the filter (21%).
inline uint64_t ShortHash(uint64_t lo, uint64_t hi, size_t length) {
  const uint64_t h = lo * 0x9E3779B97F4A7C15ull + (hi + length) * 0xC2B2AE3D27D4EB4Full;
  return (h ^ (h >> 40)) | 1;  // never 0
}

// The hash of a longer key: a cheap per-byte step and one mixing at the end.
uint64_t LongHash(std::string_view key) {
  uint64_t h = 5381;
  for (char c : key) h = ((h << 5) - h) ^ static_cast<uint8_t>(c);
  return Mix(h) | 1;
}

// The first 16 bytes of `key`, zero-padded, as two little-endian words.
inline void Pack(std::string_view key, uint64_t* lo, uint64_t* hi) {
  unsigned char bytes[16] = {};
  std::memcpy(bytes, key.data(), std::min<size_t>(key.size(), 16));
  uint64_t words[2];
  std::memcpy(words, bytes, 16);
  *lo = words[0];
  *hi = words[1];
}

uint64_t KeyHash(std::string_view key) {
  if (key.size() > 16) return LongHash(key);
  uint64_t lo, hi;
  Pack(key, &lo, &hi);
  return ShortHash(lo, hi, key.size());
}

inline bool FilterHas(const std::vector<uint64_t>& filter, size_t bit) {
  return (filter[bit >> 6] >> (bit & 63)) & 1;
}
inline bool FilterHas(const uint64_t* filter, size_t bit) { return (filter[bit >> 6] >> (bit & 63)) & 1; }

// The bit of lower_start_filter_ for a word of `length` bytes from the first three bytes of its key, or of the
// word itself, little-endian, zero past the word, and its last byte: `& 31` on each byte ignores case. Without
// the last byte, over a third of the longer lower-case words let through were in no dictionary, only with the
// first bytes and length of a start ("formed" for "forces"), and were looked up for nothing.
inline size_t LowerStartBitOfBytes(uint32_t first_three, uint8_t last, size_t length) {
  const uint64_t v = (first_three & 0x1F1F1Fu) | static_cast<uint64_t>(length & 15) << 24 |
                     static_cast<uint64_t>(last & 31) << 28;
  return (v * 0x9E3779B97F4A7C15ull) >> 48;  // 65,536 bits
}

// The same for a key of 1 to 16 bytes, whose bytes are `lo` and `hi` (zero-padded).
inline size_t LowerStartBit(uint64_t lo, uint64_t hi, size_t length) {
  const uint8_t last = static_cast<uint8_t>(length <= 8 ? lo >> (8 * (length - 1)) : hi >> (8 * (length - 9)));
  return LowerStartBitOfBytes(static_cast<uint32_t>(lo & 0xFFFFFF), last, length);
}


// The word filter's block (of 1024) and two bits in it, from the high bits of a key's hash.
inline size_t FilterBlock(uint64_t hash) { return hash >> 54; }
inline uint64_t FilterBits(uint64_t hash) {
  return uint64_t{1} << ((hash >> 42) & 63) | uint64_t{1} << ((hash >> 48) & 63);
}

}  // namespace

inline const PhraseMatcher::WordSlot* PhraseMatcher::FindShort(uint64_t lo, uint64_t hi, size_t length,
                                                        uint64_t hash) const {
  const uint64_t bits = FilterBits(hash);
  if ((word_filter_[FilterBlock(hash)] & bits) != bits) return nullptr;
  const size_t mask = word_slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const WordSlot& slot = word_slots_[i];
    if (slot.id == kUnknownWord) return nullptr;
    if (slot.lo == lo && slot.length == length && (length <= 8 || word_hi_[slot.id] == hi)) return &slot;
  }
}

const PhraseMatcher::WordSlot* PhraseMatcher::FindLong(std::string_view key, uint64_t hash) const {
  const uint64_t bits = FilterBits(hash);
  if ((word_filter_[FilterBlock(hash)] & bits) != bits) return nullptr;
  const size_t mask = word_slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const WordSlot& slot = word_slots_[i];
    if (slot.id == kUnknownWord) return nullptr;
    if (slot.length <= 16) continue;
    const WordKeyRef& ref = word_keys_[slot.id];
    if (std::string_view(words_).substr(ref.offset, ref.length) == key) return &slot;
  }
}

const PhraseMatcher::WordSlot* PhraseMatcher::FindKey(std::string_view key) const {
  if (key.size() > 16) return FindLong(key, LongHash(key));
  uint64_t lo, hi;
  Pack(key, &lo, &hi);
  return FindShort(lo, hi, key.size(), ShortHash(lo, hi, key.size()));
}

void PhraseMatcher::Mark(std::string_view key) {
  Intern(key)->flags |= kMarked;
  LetLowerCaseStart(key);
}

void PhraseMatcher::LetLowerCaseStart(std::string_view key) {
  // A word over 16 bytes takes Tokenize's slow path, which keys every word; an empty key has no last byte.
  if (key.empty() || key.size() > 16) return;
  uint64_t lo, hi;
  Pack(key, &lo, &hi);
  const size_t bit = LowerStartBit(lo, hi, key.size());
  lower_start_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
}

// The top 17 bits of one multiplication, which depend on every bit of both words: Tokenize asks this for every
// start that waits for its next word, and a mixing step after it cost 2% of Tokenize's time.
size_t PhraseMatcher::PairBit(uint32_t first, uint32_t second) {
  return ((static_cast<uint64_t>(first) << 32 | second) * 0x9E3779B97F4A7C15ull) >> (64 - 17);
}

void PhraseMatcher::GrowWords() {
  std::vector<WordSlot> old(word_slots_.size() * 2);
  old.swap(word_slots_);
  const size_t mask = word_slots_.size() - 1;
  for (const WordSlot& slot : old) {
    if (slot.id == kUnknownWord) continue;
    const WordKeyRef& ref = word_keys_[slot.id];
    size_t i = KeyHash(std::string_view(words_).substr(ref.offset, ref.length)) & mask;
    while (word_slots_[i].id != kUnknownWord) i = (i + 1) & mask;
    word_slots_[i] = slot;
  }
  short_words_.assign(kShortWords, ShortWord{});
  for (size_t i = 0; i < word_slots_.size(); ++i) {
    if (word_slots_[i].id == kUnknownWord) continue;
    const WordKeyRef& ref = word_keys_[word_slots_[i].id];
    NoteShortWord(std::string_view(words_).substr(ref.offset, ref.length), static_cast<uint32_t>(i));
  }
}

void PhraseMatcher::NoteShortWord(std::string_view key, uint32_t slot) {
  if (key.empty() || key.size() > 3) return;
  uint32_t bytes = 0;
  std::memcpy(&bytes, key.data(), key.size());
  ShortWord& entry =
      short_words_[LowerStartBitOfBytes(bytes, static_cast<uint8_t>(key.back()), key.size()) & (kShortWords - 1)];
  if (entry.key == 0) entry = {bytes | static_cast<uint32_t>(key.size()) << 24, slot};
}

PhraseMatcher::WordSlot* PhraseMatcher::Intern(std::string_view key) {
  if (const WordSlot* found = FindKey(key)) return const_cast<WordSlot*>(found);
  // At most 5/8 full: the table stays small enough for the L2 cache (16,384 slots for the built-in
  // dictionary's ~9,000 words), and the filter keeps most probes of absent words away.
  if (8 * (word_count_ + 1) > 5 * word_slots_.size()) GrowWords();
  const uint64_t hash = KeyHash(key);
  const size_t mask = word_slots_.size() - 1;
  size_t i = hash & mask;
  while (word_slots_[i].id != kUnknownWord) i = (i + 1) & mask;
  WordSlot& slot = word_slots_[i];
  uint64_t hi;
  Pack(key, &slot.lo, &hi);
  word_hi_.push_back(hi);
  slot.length = static_cast<uint16_t>(std::min<size_t>(key.size(), 0xFFFF));
  slot.id = word_count_;
  word_filter_[FilterBlock(hash)] |= FilterBits(hash);
  word_keys_.push_back({static_cast<uint32_t>(words_.size()), static_cast<uint32_t>(key.size())});
  words_.append(key);
  root_child_.push_back(0);
  NoteShortWord(key, static_cast<uint32_t>(i));
  ++word_count_;
  return &slot;
}

uint32_t PhraseMatcher::Child(uint32_t node, uint32_t word) const {
  if (node == 0) return root_child_[word];
  const Node& n = nodes_[node];
  if (n.children <= 1) return n.children == 1 && n.only_word == word ? n.only_child : 0;
  if (finished_) {
    const ChildEdge* const first = multi_children_.data() + n.only_child;
    const ChildEdge* const last = first + n.only_word;
    const ChildEdge* const found =
        std::lower_bound(first, last, word, [](const ChildEdge& edge, uint32_t w) { return edge.word < w; });
    return found != last && found->word == word ? found->child : 0;
  }
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
  const size_t mask = edge_slots_.size() - 1;
  for (size_t i = Mix(key) & mask;; i = (i + 1) & mask) {
    const EdgeSlot& slot = edge_slots_[i];
    if (slot.child == 0) return 0;
    if (slot.key == key) return slot.child;
  }
}

void PhraseMatcher::GrowEdges() {
  std::vector<EdgeSlot> old(edge_slots_.size() * 2);
  old.swap(edge_slots_);
  const size_t mask = edge_slots_.size() - 1;
  for (const EdgeSlot& slot : old) {
    if (slot.child == 0) continue;
    size_t i = Mix(slot.key) & mask;
    while (edge_slots_[i].child != 0) i = (i + 1) & mask;
    edge_slots_[i] = slot;
  }
}

void PhraseMatcher::SetChild(uint32_t node, uint32_t word, uint32_t child) {
  if (node == 0) {
    root_child_[word] = child;
    return;
  }
  Node& n = nodes_[node];
  if (n.children == 0) {
    n.only_word = word;
    n.only_child = child;
  }
  n.children = static_cast<uint8_t>(std::min(n.children + 1, 2));
  if (2 * (edge_count_ + 1) > edge_slots_.size()) GrowEdges();
  const uint64_t key = (static_cast<uint64_t>(node) << 32) | word;
  const size_t mask = edge_slots_.size() - 1;
  size_t i = Mix(key) & mask;
  while (edge_slots_[i].child != 0) i = (i + 1) & mask;
  edge_slots_[i] = {key, child};
  ++edge_count_;
}

void PhraseMatcher::Finish() {
  // The edges of the nodes with two or more children, (node << 32 | word, child), in node and word order.
  std::vector<std::pair<uint64_t, uint32_t>> edges;
  for (const EdgeSlot& slot : edge_slots_) {
    if (slot.child != 0 && nodes_[slot.key >> 32].children == 2) edges.emplace_back(slot.key, slot.child);
  }
  std::sort(edges.begin(), edges.end());
  multi_children_.clear();
  for (size_t i = 0; i < edges.size();) {
    const uint64_t node = edges[i].first >> 32;
    Node& n = nodes_[node];
    n.only_child = static_cast<uint32_t>(multi_children_.size());
    for (; i < edges.size() && edges[i].first >> 32 == node; ++i) {
      multi_children_.push_back({static_cast<uint32_t>(edges[i].first), edges[i].second});
    }
    n.only_word = static_cast<uint32_t>(multi_children_.size() - n.only_child);
  }
  finished_ = true;
}

bool PhraseMatcher::Add(std::string_view phrase, uint32_t value, bool case_sensitive) {
  const std::vector<std::string_view> words = SplitPhrase(phrase);
  if (words.empty() || words.size() > kMaxPhraseWords) return false;
  finished_ = false;  // Child goes back to the edge table, which has every edge, until the next Finish
  std::string key;
  uint32_t node = 0;
  uint32_t rules = 0;
  bool named = false;  // a word before this one kept its capital
  uint32_t first_word = 0;
  std::string first_key;
  bool first_any_case = false;
  for (size_t i = 0; i < words.size(); ++i) {
    WordKey(words[i], &key);
    CaseRule rule = case_sensitive ? RuleOf(words[i]) : CaseRule::kAnyCase;
    // Only the first word that is not a particle, and acronyms, constrain case (see the header): "The Times"
    // needs its capital T in "Times", "al-Qaida" its Q.
    if (named && rule == CaseRule::kCapitalized) rule = CaseRule::kAnyCase;
    if (rule == CaseRule::kCapitalized || !IsParticle(key)) named = true;
    rules |= static_cast<uint32_t>(rule) << (2 * i);
    WordSlot* slot = Intern(key);  // valid until the next Intern
    const uint32_t word = slot->id;
    if (i == 0) {
      slot->start_rule = std::min(slot->start_rule, static_cast<uint8_t>(rule));
      // A lower-case start of longer phrases only ("the" of "The Times", "a" of "A Just Russia") is not let
      // through Tokenize's filter: the phrase's second word looks back for it (kAfterLowerStart, LookBack).
      if (rule == CaseRule::kAnyCase && words.size() == 1) LetLowerCaseStart(key);
      if (rule == CaseRule::kAnyCase && words.size() > 1) slot->flags |= kLowerLongStart;
      if (words.size() == 1) slot->flags |= kSingle;
      first_word = word;
      first_key = key;
      first_any_case = rule == CaseRule::kAnyCase;
    } else if (i == 1) {
      if (first_any_case) {
        slot->flags |= kAfterLowerStart;
        // A second word written in lower case must be looked up to look back ("the former Yugoslav Republic of
        // Macedonia"), unless it is a particle ("chief of staff"): "of", "and" and "in" would cost more than the
        // first word itself, which then is let through the filter and waits for its next word instead.
        if (rule == CaseRule::kAnyCase) LetLowerCaseStart(IsParticle(key) ? std::string_view(first_key) : key);
      }
      const size_t bit = PairBit(first_word, word);
      pair_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
      if (rule == CaseRule::kAnyCase && !key.empty() && key.size() <= 16) {  // a second word lower case may fit
        uint64_t lo, hi;
        Pack(key, &lo, &hi);
        const size_t lower_bit = PairBit(first_word, static_cast<uint32_t>(LowerStartBit(lo, hi, key.size())));
        lower_pair_filter_[lower_bit >> 6] |= uint64_t{1} << (lower_bit & 63);
      }
    }
    uint32_t child = Child(node, word);
    if (child == 0) {
      nodes_.emplace_back();
      child = static_cast<uint32_t>(nodes_.size() - 1);
      SetChild(node, word, child);
    }
    node = child;
  }
  Node& n = nodes_[node];
  if (n.has_payload && n.value == value && n.rules == rules) return true;  // a repeated alias
  uint32_t last = kNone;
  for (uint32_t index = n.second_payload; index != kNone; index = payloads_[index].next) {
    if (payloads_[index].value == value && payloads_[index].rules == rules) return true;
    last = index;
  }
  const auto index = static_cast<uint32_t>(payloads_.size());
  payloads_.push_back({value, rules, kNone});  // every payload, the first too (phrase_count)
  if (!n.has_payload) {
    n.has_payload = 1;
    n.value = value;
    n.rules = rules;
  } else if (last == kNone) {
    n.second_payload = index;
  } else {
    payloads_[last].next = index;
  }
  return true;
}

namespace {

// Where a hyphen (ASCII, U+2010 or U+2011) starts at text[i], its length in bytes; else 0.
inline size_t HyphenAt(std::string_view text, size_t i) {
  if (text[i] == '-') return 1;
  if (text[i] != '\xE2' || i + 2 >= text.size() || text[i + 1] != '\x80') return 0;
  return text[i + 2] == '\x90' || text[i + 2] == '\x91' ? 3 : 0;
}

// A token's bytes, classified and folded: what the fast path of Tokenize needs.
struct AsciiWord {
  uint64_t lo = 0, hi = 0;  // the key: the bytes with A-Z folded, zero-padded
  uint32_t upper = 0;       // bit i: byte i is A-Z
  uint32_t lower = 0;       // bit i: byte i is a-z
  uint32_t hyphens = 0;     // bit i: byte i is '-'
  bool non_ascii = false;   // a byte >= 0x80: the slow path
};

// Classifies the `n` <= 16 bytes at p; `readable` bytes from p on may be read (at least n).
inline AsciiWord ClassifyShort(const char* p, size_t n, size_t readable) {
  AsciiWord w;
#if defined(__SSE2__)
  __m128i bytes;
  if (readable >= 16) {
    bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  } else {
    alignas(16) char buffer[16] = {};
    std::memcpy(buffer, p, n);
    bytes = _mm_load_si128(reinterpret_cast<const __m128i*>(buffer));
  }
  const uint32_t in_token = (1u << n) - 1;
  const auto in_range = [&bytes](char lo, char hi) {
    const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(-128 - lo)));
    return _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + hi - lo + 1)));
  };
  const __m128i upper = in_range('A', 'Z');
  w.upper = static_cast<uint32_t>(_mm_movemask_epi8(upper)) & in_token;
  w.lower = static_cast<uint32_t>(_mm_movemask_epi8(in_range('a', 'z'))) & in_token;
  w.non_ascii = (static_cast<uint32_t>(_mm_movemask_epi8(bytes)) & in_token) != 0;
  w.hyphens = static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('-')))) & in_token;
  const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i keep = _mm_cmplt_epi8(index, _mm_set1_epi8(static_cast<char>(n)));
  const __m128i folded = _mm_and_si128(_mm_add_epi8(bytes, _mm_and_si128(upper, _mm_set1_epi8(0x20))), keep);
  w.lo = static_cast<uint64_t>(_mm_cvtsi128_si64(folded));
  w.hi = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(folded, folded)));
#else
  (void)readable;
  unsigned char key[16] = {};
  for (size_t i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(p[i]);
    if (c >= 0x80) w.non_ascii = true;
    if (c == '-') w.hyphens |= 1u << i;
    if (c >= 'A' && c <= 'Z') w.upper |= 1u << i;
    if (c >= 'a' && c <= 'z') w.lower |= 1u << i;
    key[i] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
  }
  uint64_t words[2];
  std::memcpy(words, key, 16);
  w.lo = words[0];
  w.hi = words[1];
#endif
  return w;
}

// The n <= 16 bytes at p (16 readable), zero-padded, as two little-endian words: the key of a word whose bytes
// need no folding.
inline void PackRaw(const char* p, size_t n, uint64_t* lo, uint64_t* hi) {
#if defined(__SSE2__)
  const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i index = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i kept = _mm_and_si128(bytes, _mm_cmplt_epi8(index, _mm_set1_epi8(static_cast<char>(n))));
  *lo = static_cast<uint64_t>(_mm_cvtsi128_si64(kept));
  *hi = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(kept, kept)));
#else
  unsigned char bytes[16] = {};
  std::memcpy(bytes, p, n);
  std::memcpy(lo, bytes, 8);
  std::memcpy(hi, bytes + 8, 8);
#endif
}

// The first three of the n >= 1 bytes at p (at least 4 readable), little-endian, zero past the n.
inline uint32_t FirstThree(const char* p, size_t n) {
  static constexpr uint32_t kMasks[4] = {0, 0xFFu, 0xFFFFu, 0xFFFFFFu};  // a load, not a branch on the length
  uint32_t bytes;
  std::memcpy(&bytes, p, 4);
  return bytes & kMasks[std::min<size_t>(n, 3)];
}

// The shape of an ASCII word from its letter masks, as ShapeOf would give it.
inline WordShape ShapeOfMasks(uint32_t upper, uint32_t lower) {
  const uint32_t letters = upper | lower;
  const uint32_t first = letters & (~letters + 1);  // the first letter's bit (0: no letter)
  if ((first & upper) == 0) return WordShape::kLower;
  return (letters & (letters - 1)) != 0 && lower == 0 ? WordShape::kAllCaps : WordShape::kCapitalized;
}

}  // namespace

inline bool PhraseMatcher::Emit(const WordSlot* slot, uint32_t token, WordShape shape, bool first, bool last,
                                TextWord* words, WordSequence* seq, uint32_t* later) const {
  // Built here and stored whole: field by field through `words`, every byte store would make the compiler
  // reload what it had read through `seq`.
  TextWord word{kUnknownWord, token, shape, first, last, false};
  bool waits = false;
  if (slot) {
    if ((slot->flags & kAfterLowerStart) && first && token > 0) LookBack(*slot, token, words, seq);
    word.id = slot->id;
    word.may_start = slot->start_rule != kNoStart && Satisfies(static_cast<CaseRule>(slot->start_rule), shape);
    if (word.may_start && first) {
      // A word that starts only longer phrases is kept when the next word may be its second, which is decided
      // once that word is coded (the high bit says so).
      waits = (slot->flags & kSingle) == 0;
      seq->starts.push_back(token | (waits ? 0x80000000u : 0));
      // MatchAt's first step reads this node; the trie is larger than the L2 cache, so fetch it now, a whole
      // document ahead, instead of waiting for it there.
      __builtin_prefetch(&nodes_[root_child_[slot->id]]);
    }
    if ((slot->flags & kMarked) && first) seq->marked.push_back(token);
  }
  words[first ? token : (*later)++] = word;
  return waits;
}

// Rare: a word that may be the second of a phrase whose first may be written in lower case ("Times" of "The
// Times").
__attribute__((noinline)) void PhraseMatcher::LookBack(const WordSlot& second, uint32_t token, TextWord* words,
                                                      WordSequence* seq) const {
  // Only a word Tokenize left unkeyed can be such a start not yet listed (any other was coded as a start if it
  // is one); such a word is a token of one piece, in lower case.
  TextWord& before = words[token - 1];
  if (before.id != kNotLookedUp) return;
  const Token& t = seq->tokens[token - 1];
  const size_t length = t.end - t.begin;
  const AsciiWord w = ClassifyShort(seq->text.data() + t.begin, length, seq->text.size() - t.begin);
  const WordSlot* const first = FindShort(w.lo, w.hi, length, ShortHash(w.lo, w.hi, length));
  before.id = first ? first->id : kUnknownWord;  // looked up now, for MatchAt too
  if (!first || (first->flags & kLowerLongStart) == 0) return;
  if (!FilterHas(pair_filter_, PairBit(first->id, second.id))) return;
  before.may_start = true;
  seq->starts.push_back(token - 1);  // its next word is known: decided, no high bit
  __builtin_prefetch(&nodes_[root_child_[first->id]]);
}

uint32_t PhraseMatcher::LookUpLate(const WordSequence& seq, uint32_t token) const {
  // Only a fast-path word is left unkeyed: its token is one word of at most 16 ASCII bytes, no hyphen.
  const Token& t = seq.tokens[token];
  const size_t length = t.end - t.begin;
  const AsciiWord w = ClassifyShort(seq.text.data() + t.begin, length, seq.text.size() - t.begin);
  const WordSlot* slot = FindShort(w.lo, w.hi, length, ShortHash(w.lo, w.hi, length));
  return slot ? slot->id : kUnknownWord;
}

uint32_t PhraseMatcher::NextWord(const WordSequence& seq, uint32_t word) const {
  const TextWord& w = seq.words[word];
  if (w.token_end) return w.token + 1 < seq.token_count ? w.token + 1 : kNoWord;
  if (word >= seq.token_count) return word + 1;  // a later piece, not the last: the next one follows it
  // A token's first piece, not its last: its later pieces are among those of every token cut at hyphens, which
  // Tokenize wrote in token order after the tokens' first words.
  const TextWord* const later = seq.words.data() + seq.token_count;
  const TextWord* const found = std::lower_bound(later, seq.words.data() + seq.word_count, w.token,
                                                 [](const TextWord& piece, uint32_t t) { return piece.token < t; });
  return static_cast<uint32_t>(found - seq.words.data());
}

// Rare (a token in 50), so kept out of Tokenize's loop.
__attribute__((noinline)) void PhraseMatcher::EmitAsciiPieces(const char* p, size_t length, uint32_t hyphens,
                                                             size_t readable, uint32_t token, WordSequence* seq,
                                                             uint32_t* later) const {
  bool first = true;
  uint32_t last = token;
  for (size_t start = 0; start < length;) {
    if ((hyphens >> start) & 1) {
      ++start;
      continue;
    }
    size_t end = start;
    while (end < length && !((hyphens >> end) & 1)) ++end;
    const AsciiWord w = ClassifyShort(p + start, end - start, readable - start);
    last = first ? token : *later;
    Emit(FindShort(w.lo, w.hi, end - start, ShortHash(w.lo, w.hi, end - start)), token,
         ShapeOfMasks(w.upper, w.lower), first, false, seq->words.data(), seq, later);
    first = false;
    start = end;
  }
  seq->words[last].token_end = true;
}

__attribute__((noinline)) void PhraseMatcher::EmitOtherToken(const Document& doc, uint32_t t, WordSequence* seq,
                                                            uint32_t* later) const {
  const Token& token = doc.tokens[t];
  const size_t length = token.end - token.begin;
  const size_t readable = doc.text.size() - token.begin;
  // Room for every later piece: a token has fewer pieces than bytes.
  if (seq->words.size() < *later + length + 1) seq->words.resize(*later + length + 1);
  const char* const p = doc.text.data() + token.begin;
  // A word of ASCII cut at hyphens ("al-Qaida", "north-east"): each piece classified alike. Pieces are always
  // keyed (LookUpLate keys whole tokens only). A token of hyphens only takes the slow path.
  if (length <= 16 && token.kind == TokenKind::kWord) {
    const AsciiWord w = ClassifyShort(p, length, readable);
    if (!w.non_ascii && w.hyphens != 0 && w.hyphens != (1u << length) - 1) {
      EmitAsciiPieces(p, length, w.hyphens, readable, t, seq, later);
      return;
    }
  }
  // A word of ASCII and typographic apostrophes (U+2018, U+2019), most of the tokens left here ("’s", "don’t",
  // "It’s"): its key has ' for each apostrophe (WordKey), so it is keyed like the fast path's words once they
  // are replaced. Without a hyphen, it is one piece whatever its kind, as on the slow path.
  char ascii[32] = {};
  size_t ascii_length = 0;
  for (size_t i = 0; i < length && ascii_length <= 16;) {
    if (static_cast<unsigned char>(p[i]) < 0x80) {
      ascii[ascii_length++] = p[i++];
    } else if (i + 2 < length && p[i] == '\xE2' && p[i + 1] == '\x80' && (p[i + 2] == '\x98' || p[i + 2] == '\x99')) {
      ascii[ascii_length++] = '\'';
      i += 3;
    } else {
      ascii_length = 17;  // another character: the slow path
    }
  }
  if (ascii_length <= 16) {
    const AsciiWord w = ClassifyShort(ascii, ascii_length, sizeof ascii);
    if (w.hyphens == 0) {
      Emit(FindShort(w.lo, w.hi, ascii_length, ShortHash(w.lo, w.hi, ascii_length)), t,
           ShapeOfMasks(w.upper, w.lower), true, true, seq->words.data(), seq, later);
      return;
    }
  }
  // Slow path: cut at hyphens (words only), fold with WordKey.
  const std::string_view text(p, length);
  uint32_t last = t;
  const auto emit = [&](std::string_view piece, bool first) {
    WordKey(piece, &seq->scratch);
    last = first ? t : *later;
    Emit(FindKey(seq->scratch), t, ShapeOf(piece), first, false, seq->words.data(), seq, later);
  };
  size_t start = 0;
  bool first = true;
  if (token.kind == TokenKind::kWord) {
    for (size_t i = 0; i < text.size();) {
      if (const size_t hyphen = HyphenAt(text, i); hyphen > 0) {
        if (i > start) {
          emit(text.substr(start, i - start), first);
          first = false;
        }
        start = i += hyphen;
      } else {
        ++i;
      }
    }
  }
  if (start < text.size() || first) emit(text.substr(start), first);
  seq->words[last].token_end = true;
}

void PhraseMatcher::Tokenize(const Document& doc, WordSequence* seq) const {
  const auto token_count = static_cast<uint32_t>(doc.tokens.size());
  seq->text = doc.text;
  seq->tokens = doc.tokens.data();
  seq->token_count = token_count;
  seq->starts.clear();
  seq->marked.clear();
  // Written by index, not pushed: a token's first word at its index, later pieces after them (EmitOtherToken
  // grows the vector for those).
  if (seq->words.size() < token_count) seq->words.resize(token_count);
  if (seq->to_look_up.size() < token_count) seq->to_look_up.resize(token_count);
  if (seq->lower_bits.size() < token_count) seq->lower_bits.resize(token_count);
  const char* const base = doc.text.data();
  const size_t text_size = doc.text.size();
  // Words are built in a local and stored whole through a local pointer: a byte-sized store through `seq`
  // would make the compiler reload the vectors' pointers after it (char stores alias everything).
  TextWord* words = seq->words.data();
  // Likewise the vectors read on every token, held in locals, which a byte store cannot change.
  const Token* const tokens = doc.tokens.data();
  uint32_t* const to_look_up = seq->to_look_up.data();
  uint16_t* const lower_bits = seq->lower_bits.data();
  const uint64_t* const lower_start_filter = lower_start_filter_.data();
  const ShortWord* const short_words = short_words_.data();
  const uint64_t* const pair_filter = pair_filter_.data();
  const uint64_t* const lower_pair_filter = lower_pair_filter_.data();
  // The tokens that start within 16 bytes of the text's end (a few at most) are read from a zero-padded copy of
  // its last bytes, so that the loops need no test of how many bytes are left.
  uint32_t near_end = token_count;
  while (near_end > 0 && tokens[near_end - 1].begin + 16 > text_size) --near_end;
  const size_t tail_begin = text_size > 32 ? text_size - 32 : 0;
  alignas(16) char tail[48] = {};
  std::memcpy(tail, base + tail_begin, text_size - tail_begin);

  // First pass, without a branch: every token's word as it is when no phrase starts there (punctuation, in no
  // phrase; a word, unkeyed), and the list of the tokens where one may (to_look_up): all but punctuation and the
  // words of a-z and digits that fail the filter of lower-case starts, two tokens in three. Decided by a branch,
  // token by token, it was often mispredicted, as the answer follows the text, and the next token's work waited.
  uint32_t look_up_count = 0;
  const auto classify = [&](uint32_t t, const char* text, size_t offset) __attribute__((always_inline)) {
    const Token token = tokens[t];
    const size_t length = token.end - token.begin;
    const bool punct = token.kind == TokenKind::kPunct;
    const char* const p = text + (token.begin - offset);
    const auto bit = static_cast<uint32_t>(LowerStartBitOfBytes(FirstThree(p, length), p[length - 1], length));
    const bool lower_short = token.has(kTokenLowerAscii) & (length <= 16);
    const bool skipped = punct | (lower_short & !FilterHas(lower_start_filter, bit));
    words[t] = TextWord{punct ? kUnknownWord : kNotLookedUp, t, WordShape::kLower, true, true, false};
    lower_bits[t] = static_cast<uint16_t>(bit);
    to_look_up[look_up_count] = t;
    look_up_count += !skipped;
  };
  for (uint32_t t = 0; t < near_end; ++t) classify(t, base, 0);
  for (uint32_t t = near_end; t < token_count; ++t) classify(t, tail, tail_begin);

  // Second pass, over the tokens to look up.
  uint32_t later = token_count;  // where the next later piece of a token cut at hyphens goes
  // The word id of the last start listed if it waits for its next word (Emit), a word of the fast paths, whose
  // next word is the first of token waiting_token + 1: decided when that word is coded or, when the first pass
  // left it as it was, from its class, instead of in a pass over the starts that would read its token and
  // bytes again. kUnknownWord when none waits.
  uint32_t waiting = kUnknownWord;
  uint32_t waiting_token = 0;
  // The next word is known (keyed, maybe absent: `slot`): the waiting start stays if the pair may begin a phrase.
  const auto settle_keyed = [&](const WordSlot* slot) __attribute__((always_inline)) {
    if (slot && FilterHas(pair_filter, PairBit(waiting, slot->id))) {
      seq->starts.back() &= 0x7FFFFFFFu;
    } else {
      seq->starts.pop_back();
    }
  };
  // The next word is lower case and unkeyed, with LowerStartBit `bit`: the waiting start goes if no phrase may go
  // on with such a word; otherwise it waits for the pass after the loop, which keys it.
  const auto settle_unkeyed = [&](size_t bit) __attribute__((always_inline)) {
    if (!FilterHas(lower_pair_filter, PairBit(waiting, static_cast<uint32_t>(bit)))) seq->starts.pop_back();
  };
  // The start waiting for token t, which the first pass left as it was.
  const auto settle_skipped = [&](uint32_t t) __attribute__((always_inline)) {
    if (words[t].id == kUnknownWord) {
      seq->starts.pop_back();  // punctuation
    } else {
      settle_unkeyed(lower_bits[t]);
    }
  };
  const auto emit = [&](const WordSlot* slot, uint32_t t, WordShape shape) __attribute__((always_inline)) {
    if (waiting != kUnknownWord) settle_keyed(slot);
    waiting = Emit(slot, t, shape, true, true, words, seq, &later) ? slot->id : kUnknownWord;
    waiting_token = t;
  };
  // Codes token t, whose bytes are read 16 at a time from `text` + (its begin - `offset`).
  const auto code_token = [&](uint32_t t, const char* text, size_t offset) __attribute__((always_inline)) {
    if (waiting != kUnknownWord && waiting_token + 1 != t) {
      settle_skipped(waiting_token + 1);
      waiting = kUnknownWord;
    }
    const Token token = tokens[t];
    const size_t length = token.end - token.begin;
    const char* const p = text + (token.begin - offset);
    // A word of a-z and digits (the tokenizer's kTokenLowerAscii: its shape is kLower, and its bytes are its
    // key: no folding, no cutting at hyphens) that the filter let through ("he", "troops"): keyed without
    // classifying its bytes. Without the flag, the paths below give the same result.
    if (token.has(kTokenLowerAscii) & (length <= 16)) {
      if (length <= 3) {
        const ShortWord entry = short_words[lower_bits[t] & (kShortWords - 1)];
        if (entry.key == (FirstThree(p, length) | static_cast<uint32_t>(length) << 24)) {
          emit(&word_slots_[entry.slot], t, WordShape::kLower);
          return;
        }
      }
      uint64_t lo, hi;
      PackRaw(p, length, &lo, &hi);
      emit(FindShort(lo, hi, length, ShortHash(lo, hi, length)), t, WordShape::kLower);
      return;
    }
    // Nearly every other token of English news: at most 16 bytes of ASCII with no hyphen, classified, folded and
    // keyed with a few vector instructions.
    if (length <= 16) {
      const AsciiWord w = ClassifyShort(p, length, 16);
      if (!w.non_ascii && w.hyphens == 0) {
        const WordShape shape = ShapeOfMasks(w.upper, w.lower);
        if (shape == WordShape::kLower) {
          const size_t bit = LowerStartBit(w.lo, w.hi, length);
          if (!FilterHas(lower_start_filter, bit)) {
            // No phrase starts with it in lower case and it is not marked: keyed only if a phrase reaches it.
            if (waiting != kUnknownWord) settle_unkeyed(bit);
            waiting = kUnknownWord;
            return;  // the first pass's word
          }
        }
        emit(FindShort(w.lo, w.hi, length, ShortHash(w.lo, w.hi, length)), t, shape);
        return;
      }
    }
    // Rare (a token in 40), and kept out of this loop so that its variables do not crowd the fast paths'.
    waiting = kUnknownWord;  // its start, if any, is decided after the loop
    EmitOtherToken(doc, t, seq, &later);
    words = seq->words.data();
  };
  uint32_t i = 0;
  for (; i < look_up_count && to_look_up[i] < near_end; ++i) code_token(to_look_up[i], base, 0);
  for (; i < look_up_count; ++i) code_token(to_look_up[i], tail, tail_begin);
  if (waiting != kUnknownWord && waiting_token + 1 < token_count) settle_skipped(waiting_token + 1);
  seq->word_count = later;
  // Drop the starts of longer phrases only whose next word cannot be their second: those the loops left waiting
  // (before a token cut at hyphens or not ASCII, a lower-case word the filter let through, or the text's end).
  size_t kept = 0;
  for (uint32_t start : seq->starts) {
    const uint32_t w = start & 0x7FFFFFFFu;
    if (start & 0x80000000u) {
      const uint32_t next_word = NextWord(*seq, w);
      if (next_word == kNoWord) continue;
      const TextWord& after = seq->words[next_word];
      // A lower-case word no phrase starts with: only a phrase whose second word may be lower case can go on with
      // it ("secretary said" after "secretary" of "secretary of state"). Told by its first bytes, unkeyed.
      const uint32_t first = seq->words[w].id;
      if (after.id == kNotLookedUp && !FilterHas(lower_pair_filter_, PairBit(first, lower_bits[after.token]))) continue;
      const uint32_t next = IdOf(*seq, next_word);
      if (next == kUnknownWord || !FilterHas(pair_filter_, PairBit(first, next))) continue;
    }
    seq->starts[kept++] = w;
  }
  seq->starts.resize(kept);
}

void PhraseMatcher::MatchAt(const WordSequence& seq, uint32_t begin, std::vector<PhraseMatch>* out) const {
  uint32_t node = 0;
  WordShape shapes[kMaxPhraseWords];
  uint32_t word_index = begin;
  for (uint32_t length = 0; length < kMaxPhraseWords; ++length) {
    const TextWord& word = seq.words[word_index];
    const uint32_t id = IdOf(seq, word_index);
    if (id == kUnknownWord) return;
    node = Child(node, id);
    if (node == 0) return;
    shapes[length] = word.shape;
    const Node& n = nodes_[node];
    if (word.token_end && n.has_payload) {
      const auto add_if_case_fits = [&](uint32_t value, uint32_t rules) {
        for (uint32_t i = 0; i <= length; ++i) {
          if (!Satisfies(static_cast<CaseRule>((rules >> (2 * i)) & 3), shapes[i])) return;
        }
        out->push_back({begin, word.token + 1, value});
      };
      add_if_case_fits(n.value, n.rules);
      for (uint32_t index = n.second_payload; index != kNone; index = payloads_[index].next) {
        add_if_case_fits(payloads_[index].value, payloads_[index].rules);
      }
    }
    // No longer phrase (most names: "Syria", "Isis"): stop before the next word, which IdOf might have to key.
    if (n.children == 0) return;
    // The node of a longer phrase is most often this one's only child: fetched while the next word is keyed.
    if (n.children == 1) __builtin_prefetch(&nodes_[n.only_child]);
    word_index = NextWord(seq, word_index);
    if (word_index == kNoWord) return;
  }
}

}  // namespace annalist::actors
