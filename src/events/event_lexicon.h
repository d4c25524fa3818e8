// The event lexicon: the triggers (verbs, verb phrases and event nouns) with their PLOVER 2021 type, mode,
// context and CAMEO code; the closed-class cue words the coder dispatches on; and the governor combination
// table ("refused to" + a CONSULT event → REJECT meet 125). The source is data/events/*.tsv (format in
// data/events/README.md); the build compiles it (compile_lexicon.cc) into a blob linked into the binary.
//
// Immutable after construction; every string_view it hands out points into the blob or into the lexicon and
// lives as long as the lexicon. Thread-safe; lookups do not allocate.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist::events {

// Cue classes of a word (bit mask).
enum CueClass : uint32_t {
  kDet = 1u << 0,
  kPoss = 1u << 1,
  kPron = 1u << 2,
  kBe = 1u << 3,
  kHave = 1u << 4,
  kDo = 1u << 5,
  kModal = 1u << 6,
  kFuture = 1u << 7,
  kNeg = 1u << 8,
  kPrep = 1u << 9,
  kCond = 1u << 10,
  kRel = 1u << 11,
  kConj = 1u << 12,
  kLight = 1u << 13,
  kPlan = 1u << 14,
  kHedge = 1u << 15,
  kQuestion = 1u << 16,
  kAdv = 1u << 17,
  kIrrealis = 1u << 18,     // "right to", "failure to": the infinitive after it is no act
  kThemeCurfew = 1u << 19,  // a theme class, like those from bit 20
  // Theme classes (cues.tsv "&name").
  kThemeWeapon = 1u << 20,
  kThemeSanction = 1u << 21,
  kThemeDiplomat = 1u << 22,
  kThemeAid = 1u << 23,
  kThemeProposal = 1u << 24,
  kThemeProperty = 1u << 25,
  kThemeCivilian = 1u << 26,
  kThemePerson = 1u << 27,
  kThemeTarget = 1u << 28,
  kThemeClaim = 1u << 29,
  kThemeTroops = 1u << 30,
  kThemeRelations = 1u << 31,
  kThemeMask = 0xFFF80000u,
};

// ANNOUNCE and ALLEGE are events only through their complement ("announced that the troops would withdraw"
// is a CONCEDE, "claimed the army shelled the town" an ACCUSE); with a complement combine.tsv has no row for,
// the complement stands alone. ALLEGE leaves its complement coded too: the act is reported, with a claimant.
enum class Governor : uint8_t { kNone, kRefuse, kPromise, kThreat, kCall, kAgree, kDeny, kAnnounce, kAllege };

// Entry::flags bits.
enum EntryFlag : uint16_t {
  kRefusal = 1 << 0,      // a refusal: status refused
  kReciprocal = 1 << 1,   // "A and B met": A → B
  kBare = 1 << 2,         // coded even without an actor or recipient ("scores of executions", "protesters marched")
  kPassiveOnly = 1 << 3,  // "are being held by": only the passive reading is an event
  kNeedsRecipient = 1 << 4,  // a verb coded only with a recipient ("visited Iraq", not "visit our site")
};

// How the surface form was derived from the entry's trigger.
enum class Form : uint8_t { kBase, k3sg, kPast, kParticiple, kGerund, kNounSingular, kNounPlural };

struct Entry {
  bool verb = false;  // pos V (else N)
  EventType type = EventType::kAgree;
  std::string_view mode;     // empty = null
  std::string_view context;  // one PLOVER context, empty = none
  std::string_view cameo;    // empty = null
  std::string_view trigger;  // as written in the lexicon
  uint16_t flags = 0;
  Governor governor = Governor::kNone;
  std::string_view needs_prep;   // "to" or "against|on": one of the prepositions must follow the trigger
  std::string_view not_before;   // "to": the trigger followed by this word is another sense ("resigned to")
  uint32_t needs_theme = 0;      // a CueClass theme bit

  bool has(EntryFlag flag) const { return (flags & flag) != 0; }
};

// A surface form: the words after the first (the first is the lookup key), the entry, and the form.
struct FormRef {
  uint32_t entry = 0;
  Form form = Form::kBase;
  uint8_t extra_words = 0;
  std::array<std::string_view, 4> rest{};
};

struct Combination {
  Governor governor = Governor::kNone;
  bool any_embedded = false;
  EventType embedded = EventType::kAgree;
  bool keep_type = true;
  EventType type = EventType::kAgree;
  std::string_view mode, cameo;  // empty = keep the governor entry's
  EventStatus status = EventStatus::kOccurred;
};

class EventLexicon {
 public:
  // Parses a compiled blob (the output of events_compile_lexicon). `blob` must outlive the lexicon.
  static Result<EventLexicon> FromBlob(std::string_view blob);
  // The lexicon compiled from data/events/ at build time.
  static const EventLexicon& Builtin();

  // The forms whose first word is `lower_word` (lower case, ASCII apostrophes); null when none.
  const std::vector<FormRef>* FormsOf(std::string_view lower_word) const {
    auto it = forms_.find(lower_word);
    return it == forms_.end() ? nullptr : &it->second;
  }
  // The cue classes of a single lower-case word; 0 when none.
  uint32_t CueOf(std::string_view lower_word) const {
    auto it = cues_.find(lower_word);
    return it == cues_.end() ? 0 : it->second;
  }
  // Multiword cues by first word: {rest words, classes}.
  struct MultiCue {
    std::array<std::string_view, 3> rest{};
    uint8_t extra_words = 0;
    uint32_t classes = 0;
  };
  const std::vector<MultiCue>* MultiCuesOf(std::string_view lower_word) const {
    auto it = multi_cues_.find(lower_word);
    return it == multi_cues_.end() ? nullptr : &it->second;
  }
  // Everything the coder reads of one lower-case word, found with one probe per token: its single-word cue
  // classes, its forms (FormsOf, same order) and its multiword cues (MultiCuesOf, same order). Index 0 is the
  // word the lexicon does not know (no cue, no forms, no multiword cues).
  // A form as the coder reads it, in 12 bytes (a FormRef, with its rest words inline, takes 72), so the forms
  // of the words of a text stay in cache: its entry, whether that is a verb, and where its words after the
  // first start in rest_words().
  struct FlatForm {
    uint32_t entry = 0;
    uint32_t rest = 0;  // into rest_words(); extra_words of them
    Form form = Form::kBase;
    uint8_t extra_words = 0;
    bool verb = false;  // entry(entry).verb
  };
  struct WordInfo {
    uint32_t cue = 0;
    uint32_t forms_begin = 0, forms_count = 0;  // into forms()
    uint32_t multi_begin = 0, multi_count = 0;  // into multi_cues()
  };
  // FindWord's key of a lower-case word: its first eight bytes, zero-padded, read as one number (Head), its
  // last eight when it is longer (Tail), and its length; up to sixteen bytes, these are the whole word.
  static uint64_t Load8(const char* p, size_t n) {  // n <= 8 bytes, zero-padded
    uint64_t v = 0;
    std::memcpy(&v, p, n);
    return v;
  }
  static uint64_t Head(std::string_view word) {
    return word.empty() ? 0 : Load8(word.data(), std::min<size_t>(word.size(), 8));
  }
  // A slot of the word index: the word's key, its id and what the coder reads of it for every token (its
  // WordInfo's cue, and whether it has forms or multiword cues), so a word found costs one cache line.
  struct WordSlot {
    uint64_t head = 0;  // Head of the word
    uint64_t tail = 0;  // its last eight bytes when it is longer than eight bytes, else 0
    uint32_t len = 0;
    uint32_t id = 0;  // 0: the word the lexicon does not know
    uint32_t cue = 0;
    bool forms = false;
    bool multi = false;
  };
  static const WordSlot kNoWord;  // all zero

 private:
  using Slot = WordSlot;
  static uint64_t Tail(std::string_view word) { return word.size() > 8 ? Load8(word.data() + word.size() - 8, 8) : 0; }
  static uint64_t Hash(uint64_t head, uint64_t tail, size_t len) {
    return (head ^ len ^ (tail * 0xff51afd7ed558ccdull)) * 0x9e3779b97f4a7c15ull;
  }
  // Bytes 8 to len - 8 of two words of `len` bytes, len > 16 (head and tail cover the others), eight at a
  // time: no call in FindWord's loop, which would make the caller's loop save its registers around it.
  static bool MiddleEqual(const char* a, const char* b, size_t len) {
    for (size_t i = 8; i + 8 < len; i += 8) {
      if (Load8(a + i, 8) != Load8(b + i, 8)) return false;
    }
    return true;
  }
  // Seven bits of the hash below those of the group index (the top 64 - shift bits), and a high bit: never 0,
  // the tag of an empty slot.
  static uint8_t Tag(uint64_t hash, uint32_t shift) {
    return static_cast<uint8_t>(((hash >> (shift - 7)) & 0x7F) | 0x80);
  }
  static constexpr uint64_t kOnes = 0x0101010101010101ull;
  static constexpr uint64_t kHigh = 0x8080808080808080ull;
  // The eight tags of group g as one number, tag i of the group in byte i (bits 8i to 8i + 7).
  static uint64_t Group(const uint8_t* tags, uint32_t g) {
    uint64_t v;
    std::memcpy(&v, tags + 8 * size_t{g}, 8);
    if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap64(v);
    return v;
  }

 public:
  // The word index's arrays, copied out for a loop that looks up many words (its locals stay in registers
  // where the lexicon's members would be reloaded after every store through a char pointer).
  class WordIndex {
   public:
    // The slot of `lower_word` (whose Head is `head`), or kNoWord when the lexicon does not know it; its id
    // indexes word_info(). The slots come in groups of eight, each with its eight one-byte tags (0 = empty);
    // a word lives in the first group from its hash's that had room, so one eight-byte read of tags finds its
    // candidate slots, and a group with an empty slot ends the search. Most words of a text are in no entry: they read
    // only tags (a few kilobytes, which stay in the first-level cache), never a slot.
    const WordSlot& Find(std::string_view lower_word, uint64_t head) const {
      const size_t len = lower_word.size();
      const uint64_t tail = Tail(lower_word);
      const uint64_t x = Hash(head, tail, len);
      const uint64_t tags = Tag(x, shift_) * kOnes;
      for (uint32_t g = static_cast<uint32_t>(x >> shift_) & group_mask_;; g = (g + 1) & group_mask_) {
        const uint64_t group = Group(tags_, g);
        // 0x80 in the bytes equal to the tag (exactly where the lowest is; above it a borrow may add false
        // ones, which the slot comparison rejects).
        const uint64_t d = group ^ tags;
        for (uint64_t match = (d - kOnes) & ~d & kHigh; match != 0; match &= match - 1) {
          const Slot& slot = slots_[8 * size_t{g} + static_cast<size_t>(std::countr_zero(match) >> 3)];
          if (slot.head == head && slot.tail == tail && slot.len == len &&
              (len <= 16 || MiddleEqual(words_[slot.id].data(), lower_word.data(), len))) {
            return slot;
          }
        }
        if (~group & kHigh) return kNoWord;
      }
    }

   private:
    friend class EventLexicon;
    const uint8_t* tags_;
    const Slot* slots_;
    const std::string_view* words_;
    uint32_t group_mask_, shift_;
  };
  WordIndex Index() const {
    WordIndex index;
    index.tags_ = tags_.data();
    index.slots_ = slots_.data();
    index.words_ = words_.data();
    index.group_mask_ = group_mask_;
    index.shift_ = group_shift_;
    return index;
  }
  uint32_t FindWord(std::string_view lower_word, uint64_t head) const { return Index().Find(lower_word, head).id; }
  uint32_t FindWord(std::string_view lower_word) const { return FindWord(lower_word, Head(lower_word)); }
  const WordInfo& word_info(uint32_t id) const { return infos_[id]; }
  const FlatForm* forms() const { return flat_forms_.data(); }
  const std::string_view* rest_words() const { return rest_words_.data(); }
  const MultiCue* multi_cues() const { return flat_multi_.data(); }

  // The combination of a governor with an embedded event type: the specific row, else the "*" row, else null.
  const Combination* Combine(Governor governor, EventType embedded) const;

  const Entry& entry(uint32_t index) const { return entries_[index]; }
  size_t entry_count() const { return entries_.size(); }

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string_view, std::vector<FormRef>> forms_;
  std::unordered_map<std::string_view, uint32_t> cues_;
  std::unordered_map<std::string_view, std::vector<MultiCue>> multi_cues_;
  std::vector<Combination> combinations_;
  // The word index of FindWord (built by BuildWordIndex from the three maps above).
  void BuildWordIndex();
  std::vector<std::string_view> words_ = std::vector<std::string_view>(1);  // by id; words_[0] unused
  std::vector<WordInfo> infos_ = std::vector<WordInfo>(1);                  // by id
  std::vector<FlatForm> flat_forms_;
  std::vector<std::string_view> rest_words_;
  std::vector<MultiCue> flat_multi_;
  // Groups of eight slots (see WordIndex::Find), probed in turn from the top bits of the hash; at most half
  // full, so a probe ends at a group with an empty slot. tags_[s] is 0 when slot s is empty, else the Tag of
  // its word's hash.
  std::vector<uint8_t> tags_ = std::vector<uint8_t>(8);
  std::vector<Slot> slots_ = std::vector<Slot>(8);
  uint32_t group_mask_ = 0;
  uint32_t group_shift_ = 57;  // 64 - log2(group count), at most 57 (Tag); a table of one group masks the rest
};

}  // namespace annalist::events
