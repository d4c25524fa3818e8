// The event lexicon: the triggers (verbs, verb phrases and event nouns) with their PLOVER 2021 type, mode,
// context and CAMEO code; the closed-class cue words the coder dispatches on; and the governor combination
// table ("refused to" + a CONSULT event → REJECT meet 125). The source is data/events/*.tsv (format in
// data/events/README.md); the build compiles it (compile_lexicon.cc) into a blob linked into the binary.
//
// Immutable after construction; every string_view it hands out points into the blob or into the lexicon and
// lives as long as the lexicon. Thread-safe; lookups do not allocate.
#pragma once

#include <array>
#include <cstdint>
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
  struct WordInfo {
    uint32_t cue = 0;
    uint32_t forms_begin = 0, forms_count = 0;  // into forms()
    uint32_t multi_begin = 0, multi_count = 0;  // into multi_cues()
  };
  // The hash of a lower-case word for FindWord: start from kHashSeed, HashStep each byte.
  static constexpr uint32_t kHashSeed = 2166136261u;
  static uint32_t HashStep(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
  // The index of `lower_word` (whose hash is `hash`) into word_info(), or 0 when the lexicon does not know it.
  uint32_t FindWord(std::string_view lower_word, uint32_t hash) const {
    if (slots_.empty()) return 0;
    for (uint32_t s = hash & slot_mask_;; s = (s + 1) & slot_mask_) {
      const Slot slot = slots_[s];
      if (slot.id == 0 || (slot.hash == hash && words_[slot.id] == lower_word)) return slot.id;
    }
  }
  const WordInfo& word_info(uint32_t id) const { return infos_[id]; }
  const FormRef* forms() const { return flat_forms_.data(); }
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
  std::vector<FormRef> flat_forms_;
  std::vector<MultiCue> flat_multi_;
  struct Slot {
    uint32_t id = 0;  // 0 = empty
    uint32_t hash = 0;
  };
  std::vector<Slot> slots_;  // open addressing, at most half full
  uint32_t slot_mask_ = 0;
};

}  // namespace annalist::events
