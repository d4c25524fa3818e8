// The event coder's sentence pass, shared by the files that implement its steps (event_coder.cc explains
// the algorithm): triggers.cc (1–2: trigger readings, passives), arguments.cc (3: actor and recipient),
// governors.cc (4–5: governors, status), emit.cc (6–8: attribution, date, place, members, restatements).
// Internal to the events stage; the stage's interface is event_coder.h.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/document.h"
#include "events/event_coder.h"
#include "events/event_lexicon.h"
#include "figures/figure_lexicon.h"
#include "figures/source_finder.h"

namespace annalist::events_detail {

using events::Combination;
using events::Entry;
using events::EventLexicon;
using events::Form;
using events::FormRef;
using events::Governor;

constexpr size_t kMaxWord = 48;

// Lower-cases a token into `buf` (ASCII letters; the typographic apostrophe becomes '); empty when too long.
inline std::string_view Lower(std::string_view word, char* buf) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    if (n + 1 >= kMaxWord) return {};
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(word[i + 2]) == 0x99 || static_cast<unsigned char>(word[i + 2]) == 0x98)) {
      buf[n++] = '\'';
      i += 2;
      continue;
    }
    buf[n++] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return std::string_view(buf, n);
}

// Speech acts: in a quotation without an actor of its own, the speaker performs them.
inline bool IsVerbal(EventType t) {
  switch (t) {
    case EventType::kAgree: case EventType::kSupport: case EventType::kConcede: case EventType::kRequest:
    case EventType::kAccuse: case EventType::kReject: case EventType::kThreaten:
      return true;
    default:
      return false;
  }
}

inline bool IsCooperative(EventType t) {
  switch (t) {
    case EventType::kAgree: case EventType::kConsult: case EventType::kSupport: case EventType::kConcede:
    case EventType::kCooperate: case EventType::kAid: case EventType::kRetreat:
      return true;
    default:
      return false;
  }
}

// A candidate event inside one sentence, before it is emitted.
struct Candidate {
  uint32_t entry = 0;
  uint32_t first = 0, last = 0;  // trigger tokens [first, last)
  bool verb = false;
  Form form = Form::kBase;  // the surface form the trigger matched
  bool gerund = false;  // a participial clause ("men killed fighting Isis"): its subject is the nearest noun
  bool passive = false;
  bool governed = false;   // absorbed by a governor
  bool combined = false;   // a governor that absorbed its complement
  bool orphan = false;     // a meeting noun with no party of its own yet
  bool speaker_acts = false;  // the actor is the speaker, through a pronoun ("Egypt said it would ban")
  bool dropped = false;
  const char* dropped_file = "";  // the rule that dropped it (printed by ANNALIST_TRACE_EVENTS)
  int dropped_line = 0;
  uint32_t actor = kNone, recipient = kNone;
  EventType type = EventType::kAgree;
  std::string_view mode, cameo, context;
  EventStatus status = EventStatus::kOccurred;
  bool status_fixed = false;  // set by a governor or refusal; cues do not override
};

struct EventKey {
  std::string kind, actor, recipient;
};

struct Scratch {
  std::vector<uint32_t> cue;       // per token: CueClass bits
  std::vector<uint32_t> actor_at;  // per token: covering actor mention, or kNone
  std::vector<uint8_t> span_flags;    // per token: bit 1 inside a time mention, bit 2 inside a place mention
  std::vector<uint8_t> is_name;    // per actor mention: a proper noun (a place, or its canonical name)
  std::vector<uint8_t> in_region;  // per actor mention: inside a longer place name ("eastern Syria")
  std::vector<uint8_t> territory;  // per actor mention: a place with no sector ("Idlib", "Nineveh"), never an agent
  std::vector<Span> place_spans;
  std::vector<Candidate> candidates;
  std::vector<EventKey> keys;      // per document: emitted event keys
  // Per token, computed once per document: the token lower-cased as Lower() does it (`lower_word`: into
  // doc.text when lower-casing changes nothing, else into `lower`) and its word in the event lexicon
  // (EventLexicon::FindWord; 0 = none).
  std::string lower;
  std::vector<std::string_view> lower_word;
  std::vector<uint32_t> wid;
  std::vector<uint32_t> multi;     // the tokens whose word opens multiword cues (the first multi_count)
  size_t multi_count = 0;
  // Per document, in text order: the word tokens whose word has forms in the event lexicon (the trigger
  // candidates; the first trigger_count); the sentence pass reads trigger[trigger_begin, trigger_end).
  std::vector<uint32_t> trigger;
  size_t trigger_count = 0, trigger_begin = 0, trigger_end = 0;
  figures::TokenIds figure_ids;    // the source finder's lexicon ids, capacity kept across documents
};

class SentenceCoder {
 public:
  SentenceCoder(Document& doc, const EventLexicon& lexicon, const EventCoderOptions& options, Scratch& s,
                const figures::SourceMap& sources, const figures::FigureLexicon& numbers, uint32_t begin,
                uint32_t end)
      : doc_(doc), lex_(lexicon), opt_(options), s_(s), sources_(sources), numbers_(numbers), b_(begin), e_(end) {}

  void Run();

 private:
  // Token t lower-cased (Lower), read from the per-document scratch.
  std::string_view W(uint32_t t) const { return s_.lower_word[t]; }
  std::string_view Word(uint32_t t, char* /*buf*/) const { return W(t); }
  bool Is(uint32_t t, std::string_view w) const { return t >= b_ && t < e_ && W(t) == w; }
  // The same for a literal ("to", ","): its length is a constant, so the comparison compiles to a few
  // loads and compares instead of a call to memcmp.
  template <size_t N>
  bool Is(uint32_t t, const char (&w)[N]) const {
    if (t < b_ || t >= e_) return false;
    const std::string_view x = W(t);
    return x.size() == N - 1 && std::memcmp(x.data(), w, N - 1) == 0;
  }
  uint32_t Cue(uint32_t t) const { return (t >= b_ && t < e_) ? s_.cue[t] : 0; }
  bool IsPunct(uint32_t t) const { return doc_.tokens[t].kind == TokenKind::kPunct; }
  bool IsBreak(uint32_t t) const {  // a token no argument search crosses
    if (!IsPunct(t)) return false;
    std::string_view w = doc_.token_text(t);
    return w == ";" || w == ":" || w == "(" || w == ")" || w == "." || w == "?" || w == "!";
  }
  bool InTime(uint32_t t) const { return (s_.span_flags[t] & 1) != 0; }
  bool InPlace(uint32_t t) const { return (s_.span_flags[t] & 2) != 0; }
  bool IsQuote(uint32_t t) const {
    std::string_view w = doc_.token_text(t);
    return w == "\"" || w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D";
  }
  // A possessive pronoun mention before a noun ("his decision", "its fighters") is a possessor, not a party.
  bool IsPossessor(uint32_t a) const {
    const uint32_t f = FirstTokenOfActor(a);
    if (f == kNone) return false;
    const uint32_t l = MentionLast(f);
    return l == f + 1 && s_.cue[f] & events::kPoss && l < e_ && !IsPunct(l) && !(s_.cue[l] & events::kPrep);
  }
  // A subordinating "as" before a clause ("… to remain steadfast as Kurdish forces edge towards"); "described
  // Assad as a monster" is a preposition.
  bool ClauseBoundary(uint32_t t) const { return Is(t, "as") && t + 1 < e_ && s_.actor_at[t + 1] != kNone; }
  // A compass or region word before a country makes it territory ("overran eastern Syria", "rural Damascus").
  bool IsRegionWord(uint32_t t) const {
    const std::string_view w = W(t);
    if (w.ends_with("-held") || w.ends_with("-controlled") || w == "occupied") return true;
    if (w.ends_with("ern") || w == "central" || w == "rural") {
      return w == "eastern" || w == "western" || w == "northern" || w == "southern" || w.ends_with("-eastern") ||
             w.ends_with("-western") || w.ends_with("eastern") || w.ends_with("western") || w == "central" ||
             w == "rural";
    }
    return w == "north-east" || w == "north-west" || w == "south-east" || w == "south-west";
  }
  bool IsPossessiveMark(uint32_t t) const { return t < e_ && doc_.tokens[t].has(kTokenPossessive); }

  // Whether actor mention `a` is a single demonym-like word ("Israeli", "Turkish"): an adjective, so a form
  // after it is a noun.
  // The suffix test alone would take "Iran", "Pakistan", "Mali", "Tehran" or "Taliban" for adjectives, so
  // a mention that is a place or its own canonical name is a noun.
  bool IsDemonym(uint32_t a) const {
    std::string_view text = doc_.slice(doc_.actors[a].span);
    if (text.find(' ') != std::string_view::npos || text.empty()) return false;
    if (s_.is_name[a]) return false;
    if (!(text[0] >= 'A' && text[0] <= 'Z')) return false;
    return text.ends_with("i") || text.ends_with("ian") || text.ends_with("ish") || text.ends_with("ese") ||
           text.ends_with("an") || text.ends_with("ch");
  }

  // First token of the mention covering token t.
  uint32_t MentionFirst(uint32_t t) const {
    const uint32_t a = s_.actor_at[t];
    while (t > b_ && s_.actor_at[t - 1] == a) --t;
    return t;
  }
  uint32_t MentionLast(uint32_t t) const {  // one past the last token
    const uint32_t a = s_.actor_at[t];
    while (t < e_ && s_.actor_at[t] == a) ++t;
    return t;
  }

  // ---- 2. Triggers ----

  bool RestMatches(const EventLexicon::FlatForm& ref, uint32_t t) const {
    const std::string_view* rest = lex_.rest_words() + ref.rest;
    for (uint8_t k = 0; k < ref.extra_words; ++k) {
      const uint32_t u = t + 1 + k;
      if (u >= e_ || W(u) != rest[k]) return false;
    }
    return true;
  }

  bool IsAdverb(uint32_t u) const {
    if (s_.cue[u] & events::kAdv) return true;
    std::string_view w = doc_.token_text(u);
    return s_.cue[u] == 0 && w.size() > 4 && w.ends_with("ly") && w[0] >= 'a' && w[0] <= 'z';
  }
  // A lower-case word of no closed class: the head or modifier of a noun group, or an unknown verb.
  bool IsContentWord(uint32_t u) const {
    if (u < b_ || u >= e_ || doc_.tokens[u].kind != TokenKind::kWord || s_.cue[u] & ~events::kThemeMask) {
      return false;
    }
    std::string_view w = doc_.token_text(u);
    return !w.empty() && w[0] >= 'a' && w[0] <= 'z';
  }

  bool VerbReading(uint32_t t, Form form) const;

  bool NounReading(uint32_t t) const {
    if (t == b_) return true;
    const uint32_t pc = s_.cue[t - 1];
    return !(pc & (events::kPron | events::kModal | events::kFuture)) && !Is(t - 1, "to");
  }

  void FindTriggers();

  bool Passive(uint32_t t) const;

  // ---- 3. Arguments ----

  // The nearest actor mention before token `t` that is a subject candidate (not inside a PP other than
  // "of"); kNone if none within the window or before a hard break.
  uint32_t ActorBefore(uint32_t t, bool allow_modifier = false, bool gerund = false,
                       bool* pronoun = nullptr) const;

  // Whether tokens [from, to) hold only auxiliaries, modals, negation and adverbs: the mention before them is
  // the subject of the verb at `to` ("refugees has turned down", "forces allegedly hurl").
  static constexpr uint32_t kAuxiliary =
      events::kBe | events::kHave | events::kDo | events::kModal | events::kFuture | events::kNeg;
  bool VerbGroupBetween(uint32_t from, uint32_t to) const {
    for (uint32_t u = from; u < to; ++u) {
      if (!(s_.cue[u] & kAuxiliary) && !IsAdverb(u)) return false;
    }
    return true;
  }
  // The first token of the auxiliaries and adverbs right before token t (with `times`, time words too: "who
  // last year cancelled"); t itself when there are none.
  uint32_t VerbGroupStart(uint32_t t, bool times) const {
    while (t > b_ && (s_.cue[t - 1] & kAuxiliary || IsAdverb(t - 1) || (times && InTime(t - 1)))) --t;
    return t;
  }

  // Whether mention `a` is a government, legislature or international body (not its forces).
  bool IsPolitical(uint32_t a) const {
    if (a == kNone) return false;
    const Sector s = doc_.actors[a].sector;
    return s == Sector::kGOV || s == Sector::kIGO || s == Sector::kLEG;
  }

  // The member after mention `a` in a coordination ("Israel and Hamas"), or kNone.
  uint32_t NextMember(uint32_t a) const {
    const uint32_t f = FirstTokenOfActor(a);
    if (f == kNone) return kNone;
    const uint32_t l = MentionLast(f);
    if (l + 1 >= e_ || !(Is(l, "and") || Is(l, ",")) || s_.actor_at[l + 1] == kNone) return kNone;
    uint32_t next = s_.actor_at[l + 1];
    // "Putin and his Turkish counterpart, Recep Tayyip Erdoğan": past the possessive, to the named apposition.
    if (IsPossessor(next)) {
      uint32_t u = MentionLast(l + 1);
      while (u < e_ && u < l + 5 && s_.actor_at[u] == kNone && IsContentWord(u)) ++u;
      if (u >= e_ || s_.actor_at[u] == kNone) return kNone;
      next = s_.actor_at[u];
      u = MentionLast(u);
      while (u < e_ && u < l + 8 && s_.actor_at[u] == kNone && IsContentWord(u)) ++u;
      if (u + 1 < e_ && Is(u, ",") && s_.actor_at[u + 1] != kNone) next = s_.actor_at[u + 1];
    }
    return next;
  }

  // The first actor mention after token `t` (exclusive of [.., t)) within the object window, with the
  // preposition directly before it (empty when none). Skips mentions introduced by a place/time preposition.
  uint32_t ActorAfter(uint32_t t, std::string_view* prep_out, bool allow_by) const;

  // The preposition as a string_view into static storage (the argument may point into a stack buffer).
  static std::string_view Canonical(std::string_view prep) {
    static constexpr std::string_view kPreps[] = {"of", "by",   "between", "to",   "on",  "against", "at",
                                                  "towards", "toward", "into", "with", "for", "alongside"};
    for (std::string_view p : kPreps) {
      if (p == prep) return p;
    }
    return {};
  }

  static bool IsPlacePrep(std::string_view prep) {
    return prep == "from" || prep == "in" || prep == "during" || prep == "since" || prep == "after" ||
           prep == "before" || prep == "until" || prep == "over" || prep == "near" || prep == "across" ||
           prep == "within" || prep == "amid" || prep == "through" || prep == "under" || prep == "about";
  }

  // The mention after "by" within `window` tokens (passive agent, noun agent).
  uint32_t ByAgent(uint32_t t, uint32_t window) const;
  // Unnamed patients of violence and coercion: a phrase headed by a person or group noun becomes a mention.
  bool PartyHead(uint32_t t) const;
  uint32_t AddMention(uint32_t b, uint32_t e);
  uint32_t PatientAfter(uint32_t t);
  uint32_t PatientBefore(uint32_t t);
  uint32_t AgentPhraseAfterBy(uint32_t t, uint32_t window);
  uint32_t UnknownNameSubject(uint32_t t);

  // Whether one of the prepositions `preps` ("to", or alternatives "against|on") follows within 3 words.
  bool HasPrepAfter(uint32_t t, std::string_view preps) const {
    while (!preps.empty()) {
      const size_t bar = preps.find('|');
      const std::string_view prep = preps.substr(0, bar);
      for (uint32_t u = t; u < std::min(e_, t + 3); ++u) {
        if (Is(u, prep)) return true;
      }
      if (bar == std::string_view::npos) break;
      preps.remove_prefix(bar + 1);
    }
    return false;
  }

  bool HasTheme(uint32_t from, uint32_t to, uint32_t theme) const {
    for (uint32_t u = from; u < to && u < e_; ++u) {
      if (s_.cue[u] & theme) return true;
    }
    return false;
  }

  uint32_t FirstTokenOfActor(uint32_t a) const {
    for (uint32_t u = b_; u < e_; ++u) {
      if (s_.actor_at[u] == a) return u;
    }
    return kNone;
  }

  void Arguments(Candidate& c);

  void VerbArguments(Candidate& c, const Entry& entry);

  void NounArguments(Candidate& c, const Entry& entry);

  // ---- 4. Governors ----

  void Governors();

  // A meeting noun without parties ("at a bilateral summit", "a summit … when Erdoğan and Putin clashed")
  // is held by the two parties of another event of its sentence; with none, it is dropped.
  void AdoptParties() {
    for (Candidate& c : s_.candidates) {
      if (!c.orphan || c.dropped) continue;
      for (const Candidate& d : s_.candidates) {
        if (&d == &c || d.dropped || d.orphan || d.actor == kNone || d.recipient == kNone) continue;
        c.actor = d.actor;
        c.recipient = d.recipient;
        break;
      }
      // In a quotation the speaker may hold it ("There will only be talks after …," a spokesperson said):
      // Status and Emit decide.
      if (c.actor == kNone && !(InsideQuote(c.first) && sources_.ClaimantOf(c.first) != kNone)) Drop(c);
    }
  }

  // ---- 5. Status ----

  // Whether noun trigger `c` heads the subject of a clause whose verb group is a bare prediction ("said a
  // generalised assault by Russian forces would lead to the displacement of 800,000"): the act is talked
  // about, not reported. "An offensive would begin on Monday" is a plan, and stays.
  bool HypotheticalSubject(const Candidate& c) const;
  bool Elaborates(const Candidate& c) const;
  bool PresentVerbGroup(const Candidate& c) const;

  void Status(Candidate& c);

  // The caller's file and line by compiler builtins (std::source_location needs a newer clang than CI's).
  static void Drop(Candidate& c, const char* file = __builtin_FILE(), int line = __builtin_LINE()) {
    c.dropped = true;
    c.dropped_file = file;
    c.dropped_line = line;
  }

  // One line per candidate on stderr: what the coder saw and why it dropped or absorbed it.
  void Trace() const;

  // ---- 6–7. Attribution, date, place; emit ----

  bool InsideQuote(uint32_t t) const {
    bool open = false;
    for (uint32_t u = b_; u < t; ++u) {
      std::string_view w = doc_.token_text(u);
      if (w == "\xE2\x80\x9C") open = true;
      else if (w == "\xE2\x80\x9D") open = false;
      else if (w == "\"") open = !open;
    }
    return open;
  }

  bool SameActor(uint32_t a, uint32_t b) const {
    if (a == kNone || b == kNone) return false;
    if (a == b) return true;
    const ActorMention& x = doc_.actors[a];
    const ActorMention& y = doc_.actors[b];
    return x.span.begin < y.span.end && y.span.begin < x.span.end;
  }

  void Emit(const Candidate& c);

  static constexpr size_t kMaxMembers = 8;

  // The members of the coordination that mention `a` opens ("Russia, Turkey and Iran"; a list needs its
  // "and": "Putin, the Russian president," is an apposition), into `out`; returns their number (1 when `a`
  // is alone, 0 when there is no actor).
  size_t Members(uint32_t a, std::array<uint32_t, kMaxMembers>& out) const;

  // Keeps `ev` unless it restates an event already kept for the article.
  void Store(Event ev, const Candidate& c);

  static char EventTypeKey(EventType t) { return static_cast<char>('A' + static_cast<int>(t)); }

  void AppendParty(std::string& key, uint32_t a) const;

  Document& doc_;
  const EventLexicon& lex_;
  const EventCoderOptions& opt_;
  Scratch& s_;
  const figures::SourceMap& sources_;
  const figures::FigureLexicon& numbers_;  // number words ("up to three offers" is no purpose clause)
  const uint32_t b_, e_;
};

}  // namespace annalist::events_detail
