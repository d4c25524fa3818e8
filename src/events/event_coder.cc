// Event coding: a cascade of left-to-right passes over a sentence's tokens, in the spirit of FASTUS (Hobbs et
// al.) and of TABARI's sparse parsing, with the roles PETRARCH2 took from a full parse approximated by the
// actors stage's mentions and a few closed word classes. No parser, no model: every pass is linear in the
// sentence and bounded by the windows of EventCoderOptions.
//
// 1. Lexical classes. Each token is looked up once (lower-cased into a stack buffer) in the cue table of
//    data/events/cues.tsv: determiners, possessives, pronouns, be/have/do, modals, future, negation,
//    prepositions, condition markers, relative words, light verbs, planning words, hedges, theme classes.
//    Actor mentions are projected onto their tokens.
// 2. Triggers. The event lexicon (data/events/events.tsv, forms generated at build time) is probed on each
//    token; the longest multiword form wins ("declare war" before "war", "hand over" before "hand"). A form
//    that is both a verb and a noun ("attack", "offers", "talks", "release") is read as a noun after a
//    determiner, a possessive or a demonym, and as a verb after a subject (an actor mention, a pronoun), "to",
//    a modal or a negation; TABARI's rule, which its manual credits with about 80% of the noun/verb cases.
// 3. Arguments (PLOVER manual, "actor and recipient replace source and target"). Active verb: the actor is
//    the nearest actor mention before it in the sentence that is not inside a prepositional phrase (except
//    "of": "the head of Mossad"); the recipient the first mention after it within the object window that is
//    not introduced by a place/time preposition (from, in, during …: "launched from the Gaza Strip" is the
//    origin, never the actor). Passive (a be/get form before a participle, or "by" right after it): the
//    by-phrase is the actor and the subject the recipient; no by-phrase, no actor. Noun trigger: a demonym or
//    mention right before it ("an Israeli bombardment"), a possessor ("Rouhani's tour"), a by-phrase, "between
//    A and B"; the recipient from against/on/of/with; else the subject of the light verb that governs it
//    ("conducting car bombings", "held talks"). A compound subject of a reciprocal act ("Israel and Hamas
//    reached a truce") gives actor A, recipient B.
// 4. Governors (design note P6). A trigger flagged governor= (refuse, decline, promise, threaten, call for,
//    agree, deny) absorbs the first trigger of its complement and takes type, mode and CAMEO from
//    data/events/combine.tsv: "refused to continue with negotiations" is REJECT meet 125; "promises to
//    continue war" is THREATEN violence 138. A noun in the complement that has an actor of its own stays an
//    event ("declined three offers put on the table by the mediators": the offers are the mediators' AGREE).
//    DENY keeps its complement with status denied.
// 5. Status (ANNOTATION.md, "status"): refused for refusals; a negated future cooperative act is a REJECT
//    ("will not provide Syria with reconstruction aid"), a negated future conflictual one an AGREE to
//    de-escalate ("there would be no military operation"); a negated past act is not coded; will, shall and
//    planning words make it planned; a condition marker in the sentence (if, unless, only after) makes a
//    planned act conditional; a hedge ("possible", "fears of") or a bare could/may/might drops the event.
// 6. Attribution: the figures stage's source finder ("according to X", "X said", "…, said X"); the claimant
//    is left out when it is the actor. In a quotation with no actor of its own, the speaker is the actor.
// 7. Date and place: the times API (GoverningTime of the trigger's clause) and the places API (PlaceOfClause).
//    A CONSULT held in a country that is neither party's is third-party (044). A compound actor gives one
//    event per member ("Russia, Turkey and Iran rejected" → three REJECTs).
//    The source is never a party to the material act it reports ("Stewart said converts … fight for Isis").
// 8. Article pass: one event per (type, CAMEO, actor, recipient) per article, at its first mention; a later
//    mention with no recipient, or none where the first had one, restates it. ASSAULT and COERCE merge only
//    with the same lexicon row (a war and a bombardment by one actor are two events).
//
// Precision guards learnt from reading coded Guardian articles (each has a regression test): a common noun
// right before the verb group is the subject, so no mention further back is ("two British men killed"); a
// mention right after a content word is an object ("to enter Idlib province to support"); an unresolved subject
// pronoun blocks the search (in reported speech it falls back to the speaker: "the EU said it will not");
// speech acts need a speaker; a to-infinitive after "right", "failure", "decision" … is no act; a noun that is
// a verb's direct object is part of the verb's event ("negotiate any prisoner agreement").
//
// Known limits, left for the next iterations: the subject is the nearest mention, so a mention in an apposition or a fronted clause can win
// over the grammatical subject; relative clauses take the nearest mention rather than the noun they modify;
// coreference is whatever the actors stage resolves (pronouns without a mention give no actor); the
// noun/verb decision has no tagger behind it; modes are the lexicon entry's (no weapon-driven refinement).
#include "events/event_coder.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "figures/source_finder.h"
#include "places/place_recognizer.h"
#include "times/governing_time.h"

namespace annalist {

using events::Combination;
using events::Entry;
using events::EventLexicon;
using events::Form;
using events::FormRef;
using events::Governor;

namespace {

constexpr size_t kMaxWord = 48;

// Lower-cases a token into `buf` (ASCII letters; the typographic apostrophe becomes '); empty when too long.
std::string_view Lower(std::string_view word, char* buf) {
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
bool IsVerbal(EventType t) {
  switch (t) {
    case EventType::kAgree: case EventType::kSupport: case EventType::kConcede: case EventType::kRequest:
    case EventType::kAccuse: case EventType::kReject: case EventType::kThreaten:
      return true;
    default:
      return false;
  }
}

bool IsCooperative(EventType t) {
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
  bool gerund = false;  // a participial clause ("men killed fighting Isis"): its subject is the nearest noun
  bool passive = false;
  bool governed = false;   // absorbed by a governor
  bool combined = false;   // a governor that absorbed its complement
  bool orphan = false;     // a meeting noun with no party of its own yet
  bool dropped = false;
  int drop_line = 0;  // the coder's source line that dropped it (ANNALIST_TRACE_EVENTS)
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
  std::vector<uint8_t> in_time;    // per token: inside a time mention
  std::vector<uint8_t> is_name;    // per actor mention: a proper noun (a place, or its canonical name)
  std::vector<Span> place_spans;
  std::vector<Candidate> candidates;
  std::vector<EventKey> keys;      // per document: emitted event keys
  // Per token, computed once per document: the token lower-cased as Lower() does it (in `lower`, from
  // lower_off[t] to lower_off[t + 1]) and its word in the event lexicon (EventLexicon::FindWord; 0 = none).
  std::string lower;
  std::vector<uint32_t> lower_off;
  std::vector<uint32_t> wid;
  figures::TokenIds figure_ids;    // the source finder's lexicon ids, capacity kept across documents
};

thread_local Scratch scratch;

class SentenceCoder {
 public:
  SentenceCoder(Document& doc, const EventLexicon& lexicon, const EventCoderOptions& options, Scratch& s,
                const figures::SourceMap& sources, const figures::FigureLexicon& numbers, uint32_t begin,
                uint32_t end)
      : doc_(doc), lex_(lexicon), opt_(options), s_(s), sources_(sources), numbers_(numbers), b_(begin), e_(end) {}

  void Run() {
    s_.candidates.clear();
    if (e_ <= b_ || e_ - b_ > opt_.max_sentence_tokens) return;
    if (doc_.token_text(e_ - 1) == "?") return;  // questions report no act
    FindTriggers();
    for (Candidate& c : s_.candidates) Arguments(c);
    Governors();
    AdoptParties();
    for (Candidate& c : s_.candidates) {
      const Governor gov = lex_.entry(c.entry).governor;
      if (!c.combined && !c.dropped && (gov == Governor::kAnnounce || gov == Governor::kAllege)) Drop(c, __LINE__);
      if (c.dropped || c.governed) continue;
      Status(c);
      if (!c.dropped) Emit(c);
    }
    if (opt_.trace) Trace();
  }

 private:
  // Token t lower-cased (Lower), read from the per-document scratch.
  std::string_view W(uint32_t t) const {
    const uint32_t o = s_.lower_off[t];
    return std::string_view(s_.lower.data() + o, s_.lower_off[t + 1] - o);
  }
  std::string_view Word(uint32_t t, char* /*buf*/) const { return W(t); }
  bool Is(uint32_t t, std::string_view w) const { return t >= b_ && t < e_ && W(t) == w; }
  uint32_t Cue(uint32_t t) const { return (t >= b_ && t < e_) ? s_.cue[t] : 0; }
  bool IsPunct(uint32_t t) const { return doc_.tokens[t].kind == TokenKind::kPunct; }
  bool IsBreak(uint32_t t) const {  // a token no argument search crosses
    if (!IsPunct(t)) return false;
    std::string_view w = doc_.token_text(t);
    return w == ";" || w == ":" || w == "(" || w == ")" || w == "." || w == "?" || w == "!";
  }
  bool InTime(uint32_t t) const { return s_.in_time[t] != 0; }
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

  bool RestMatches(const FormRef& ref, uint32_t t) const {
    for (uint8_t k = 0; k < ref.extra_words; ++k) {
      const uint32_t u = t + 1 + k;
      if (u >= e_ || W(u) != ref.rest[k]) return false;
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

  bool VerbReading(uint32_t t, Form form) const {
    uint32_t prev = t > b_ ? t - 1 : kNone;
    while (prev != kNone && prev > b_ && IsAdverb(prev)) --prev;
    const uint32_t pc = prev != kNone ? s_.cue[prev] : 0;
    if (prev != kNone && (pc & (events::kDet | events::kPoss) || IsPossessiveMark(prev))) return false;
    // A participle between a number or determiner and a noun is an adjective ("25,000 promised refugees").
    if ((form == Form::kPast || form == Form::kParticiple) && prev != kNone &&
        doc_.tokens[prev].kind == TokenKind::kNumber && IsContentWord(t + 1)) {
      return false;
    }
    if (form == Form::kPast || form == Form::kParticiple) return true;
    if (form == Form::kGerund) {
      // A gerund is a verb after be, a comma, a coordinator, a subject or a clause preposition ("by trying
      // to persuade"); after an adjective or "of" it is a noun ("the mass killing", "this class of killing").
      if (prev == kNone) return false;  // "Fighting between rebel factions …": a sentence-initial noun
      if (pc & (events::kBe | events::kConj)) return true;
      std::string_view pw = doc_.token_text(prev);
      if (pw == "," || pw == "by" || pw == "after" || pw == "before" || pw == "while" || pw == "without" ||
          pw == "when" || pw == "since") {
        return true;
      }
      const uint32_t a = s_.actor_at[prev];
      if (a != kNone) return !IsDemonym(a);
      // After a verb ("consider sharing intelligence") a gerund with an object is a verb; after an adjective
      // with a PP it is a noun ("the mass killing of").
      return IsContentWord(prev) && t + 1 < e_ && !IsPunct(t + 1) && !(s_.cue[t + 1] & events::kPrep);
    }
    if (prev == kNone) return false;
    if (Is(prev, "to") ||
        pc & (events::kModal | events::kFuture | events::kDo | events::kNeg | events::kPron | events::kRel)) {
      return true;
    }
    const uint32_t a = s_.actor_at[prev];
    if (a != kNone) return !IsDemonym(a);
    if (form == Form::k3sg) {  // "Netanyahu promises", "the group demands"
      return doc_.tokens[prev].has(kTokenCapitalized) && !IsPunct(prev) && prev != b_;
    }
    // A plural noun subject ("Kurdish forces edge towards"): a lower-case word in -s before a base form.
    std::string_view pw = doc_.token_text(prev);
    return form == Form::kBase && pw.size() > 3 && pw.back() == 's' && pc == 0 && !IsPunct(prev);
  }

  bool NounReading(uint32_t t) const {
    if (t == b_) return true;
    const uint32_t pc = s_.cue[t - 1];
    return !(pc & (events::kPron | events::kModal | events::kFuture)) && !Is(t - 1, "to");
  }

  void FindTriggers() {
    for (uint32_t t = b_; t < e_;) {
      if (doc_.tokens[t].kind != TokenKind::kWord) {
        ++t;
        continue;
      }
      const EventLexicon::WordInfo& info = lex_.word_info(s_.wid[t]);
      const FormRef* refs = lex_.forms() + info.forms_begin;
      bool found = false;
      if (info.forms_count != 0) {
        // Longest match first; among equally long ones, the first reading that fits.
        for (size_t i = 0; i < info.forms_count && !found; ++i) {
          const FormRef& ref = refs[i];
          if (!RestMatches(ref, t)) continue;
          // A trigger inside a name is part of the name ("Syrian Negotiating Committee"), unless it runs past
          // the name's end ("a Turkish military operation" with the mention "Turkish military").
          if (s_.actor_at[t] != kNone && t + 1 + ref.extra_words <= MentionLast(t)) continue;
          const Entry& entry = lex_.entry(ref.entry);
          const bool fits = entry.verb ? VerbReading(t, ref.form) : NounReading(t);
          if (!fits) continue;
          Candidate c;
          c.entry = ref.entry;
          c.first = t;
          c.last = t + 1 + ref.extra_words;
          c.verb = entry.verb;
          c.gerund = entry.verb && ref.form == Form::kGerund;
          c.type = entry.type;
          c.mode = entry.mode;
          c.cameo = entry.cameo;
          c.context = entry.context;
          if (c.verb && (ref.form == Form::kPast || ref.form == Form::kParticiple)) c.passive = Passive(t);
          if (entry.has(events::kPassiveOnly) && !c.passive) continue;
          if (entry.needs_theme && !(c.passive ? HasTheme(c.first > b_ + 16 ? c.first - 16 : b_, c.first, entry.needs_theme)
                                                : HasTheme(c.last, c.last + 6, entry.needs_theme))) {
            continue;
          }
          if (s_.candidates.size() < 32) s_.candidates.push_back(c);
          found = true;
          t = c.last;
        }
      }
      if (!found) ++t;
    }
  }

  bool Passive(uint32_t t) const {
    char buf[kMaxWord];
    for (uint32_t k = 1; k <= 3 && t >= b_ + k; ++k) {
      const uint32_t u = t - k;
      const uint32_t c = s_.cue[u];
      std::string_view w = Word(u, buf);
      if (c & events::kBe || w == "got" || w == "get" || w == "gets" || w == "getting") return true;
      if (c & events::kNeg || (w.size() > 3 && w.ends_with("ly"))) continue;
      break;
    }
    if (Is(t + 1, "by")) return true;
    // A reduced relative: a transitive participle right after a noun with no object of its own ("four
    // Kurdish fighters killed on the battlefront", "a musical group detained at the border").
    if (t > b_ && t + 1 < e_ && (s_.actor_at[t - 1] != kNone || IsContentWord(t - 1) || Is(t - 1, ",")) &&
        (s_.cue[t + 1] & events::kPrep || Is(t + 1, ",") || IsBreak(t + 1) ||
         (IsContentWord(t + 1) && doc_.token_text(t + 1).ends_with("ing")))) {  // "men killed fighting Isis"
      const EventLexicon::WordInfo& info = lex_.word_info(s_.wid[t]);
      for (uint32_t i = 0; i < info.forms_count; ++i) {
        const Entry& entry = lex_.entry(lex_.forms()[info.forms_begin + i].entry);
        if (entry.has(events::kReciprocal)) continue;  // "Erdoğan and Putin clashed in public": intransitive
        const EventType type = entry.type;
        if (type == EventType::kAssault || type == EventType::kCoerce || type == EventType::kSanction) return true;
      }
    }
    return false;
  }

  // ---- 3. Arguments ----

  // The nearest actor mention before token `t` that is a subject candidate (not inside a PP other than
  // "of"); kNone if none within the window or before a hard break.
  uint32_t ActorBefore(uint32_t t, bool allow_modifier = false, bool gerund = false,
                       bool* pronoun = nullptr) const {
    const uint32_t stop = t > b_ + opt_.subject_window ? t - opt_.subject_window : b_;
    // A common noun right before the verb group is its subject ("two British men killed", "rockets were
    // launched"): a non-party, so no mention further back stands in for it.
    {
      uint32_t v = t;
      const uint32_t aux = events::kBe | events::kHave | events::kDo | events::kModal | events::kFuture | events::kNeg;
      while (v > b_ && (s_.cue[v - 1] & aux || IsAdverb(v - 1) || InTime(v - 1))) --v;  // "who last year cancelled"
      // A capitalised word the actors stage did not know ("that Jones was killed") is a name: a subject too.
      const bool unknown_name = v > b_ && v - 1 > b_ && doc_.tokens[v - 1].kind == TokenKind::kWord &&
                                doc_.tokens[v - 1].has(kTokenCapitalized) && s_.cue[v - 1] == 0;
      if (v > b_ && s_.actor_at[v - 1] == kNone && (IsContentWord(v - 1) || unknown_name) && !Is(v - 1, "to")) {
        // "Suspected Israeli missiles were fired": the demonym on the noun, for the passive's agent; and on
        // a force or weapon that acts ("Russian jets pounded the town", "Turkish troops entered").
        if ((allow_modifier || s_.cue[v - 1] & (events::kThemeTroops | events::kThemeWeapon)) && v >= b_ + 2 &&
            s_.actor_at[v - 2] != kNone && IsDemonym(s_.actor_at[v - 2])) {
          return s_.actor_at[v - 2];
        }
        // Unless the noun sits in a PP of the subject ("workers at the camp have denied").
        uint32_t w = v - 1;
        while (w > b_ && (IsContentWord(w - 1) || s_.cue[w - 1] & events::kDet)) --w;
        const bool in_pp = w > b_ && s_.cue[w - 1] & events::kPrep && !Is(w - 1, "of");
        if (!in_pp) return kNone;
      }
    }
    for (uint32_t u = t; u > stop;) {
      --u;
      if (IsBreak(u) && doc_.token_text(u) == ";") return kNone;
      if (IsQuote(u)) {
        // Going back past a closing quote skips the quotation; an opening quote means the trigger is quoted.
        if (doc_.token_text(u) != "\xE2\x80\x9D") return kNone;
        while (u > stop && doc_.token_text(u - 1) != "\xE2\x80\x9C") --u;
        if (u > stop) --u;
        continue;
      }
      const uint32_t a = s_.actor_at[u];
      // A subject pronoun the actors stage did not resolve ("the first fighter I met", "when he sent forces"):
      // the subject is unknown, not the mention before it.
      if (a == kNone && s_.cue[u] & events::kPron && !(s_.cue[u] & events::kPoss) && VerbGroupBetween(u + 1, t)) {
        if (pronoun) *pronoun = true;
        return kNone;
      }
      if (a == kNone) continue;
      const uint32_t f = MentionFirst(u);
      const uint32_t l = MentionLast(f);
      u = f;
      // Right after a lower-case content word the mention is an object or a modified noun ("to enter Idlib
      // province to support", "in rural Damascus"), not the subject.
      if (!gerund && f > b_ && IsContentWord(f - 1) && !IsAdverb(f - 1) && !VerbGroupBetween(l, t)) continue;
      if (IsPossessiveMark(l) || IsPossessor(a)) continue;  // "Trump's decision", "his decision"
      // A demonym before a common noun ("Kurdish villages") modifies a non-party.
      if (!allow_modifier && IsDemonym(a) && IsContentWord(l)) continue;
      // "Russia, Turkey and Iran": the first member; Emit gives one event per member.
      uint32_t g = f, member = a;
      if (g >= b_ + 2 && (Is(g - 1, "and") || Is(g - 1, "or")) && s_.actor_at[g - 2] != kNone) {
        do {
          const uint32_t h = MentionFirst(g - 2);
          // "releases 17 hostages and Israel releases": the earlier mention is an object, not a member.
          if (h > b_ && (IsContentWord(h - 1) || doc_.tokens[h - 1].kind == TokenKind::kNumber)) break;
          g = h;
          member = s_.actor_at[g];
        } while (g >= b_ + 2 && (Is(g - 1, ",") || Is(g - 1, "and")) && s_.actor_at[g - 2] != kNone);
      }
      const uint32_t before = g > b_ ? g - 1 : kNone;
      if (before != kNone && (s_.cue[before] & events::kPrep) && !Is(before, "of")) {
        u = g;
        continue;
      }
      return member;
    }
    return kNone;
  }

  // Whether tokens [from, to) hold only auxiliaries, modals, negation and adverbs: the mention before them is
  // the subject of the verb at `to` ("refugees has turned down", "forces allegedly hurl").
  bool VerbGroupBetween(uint32_t from, uint32_t to) const {
    for (uint32_t u = from; u < to; ++u) {
      const uint32_t aux = events::kBe | events::kHave | events::kDo | events::kModal | events::kFuture | events::kNeg;
      if (!(s_.cue[u] & aux) && !IsAdverb(u)) return false;
    }
    return true;
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
    if (l + 1 < e_ && (Is(l, "and") || Is(l, ",")) && s_.actor_at[l + 1] != kNone) return s_.actor_at[l + 1];
    return kNone;
  }

  // The first actor mention after token `t` (exclusive of [.., t)) within the object window, with the
  // preposition directly before it (empty when none). Skips mentions introduced by a place/time preposition.
  uint32_t ActorAfter(uint32_t t, std::string_view* prep_out, bool allow_by) const {
    char buf[kMaxWord];
    const uint32_t stop = std::min(e_, t + opt_.object_window);
    bool skipped_pp = false;
    std::string_view prep;  // the last preposition since the trigger: "in northern Iraq" is in a PP
    for (uint32_t u = t; u < stop; ++u) {
      if (IsBreak(u) || IsQuote(u) || Is(u, ",") || Is(u, "but") || Is(u, "according")) return kNone;
      if (s_.cue[u] & (events::kRel | events::kCond)) return kNone;
      const uint32_t a = s_.actor_at[u];
      if (a == kNone) {
        if (s_.cue[u] & events::kPrep) {
          if (!Is(u, "of")) skipped_pp = IsPlacePrep(Word(u, buf));
          prep = Canonical(Word(u, buf));
          if (prep.empty()) prep = "-";  // a place or time preposition
        }
        continue;
      }
      const uint32_t l = MentionLast(u);
      if (IsPossessor(a)) {
        u = l - 1;
        continue;
      }
      if (u > b_ && (s_.cue[u - 1] & events::kPrep)) {
        prep = Canonical(Word(u - 1, buf));
        if (prep.empty()) prep = "-";
      }
      if (prep == "-" || (prep == "of" && skipped_pp) || prep == "from" || prep == "in" || prep == "during" || prep == "since" || prep == "after" ||
          prep == "before" || prep == "until" || prep == "over" || prep == "near" || prep == "across" ||
          prep == "within" || prep == "amid" || prep == "through" || prep == "under" || prep == "about" ||
          (prep == "by" && !allow_by)) {
        u = l - 1;
        continue;
      }
      if (prep_out) *prep_out = prep;
      return a;
    }
    return kNone;
  }

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

  // The mention after "by" within the window (passive agent, noun agent).
  uint32_t ByAgent(uint32_t t) const {
    const uint32_t stop = std::min(e_, t + opt_.object_window + 4);
    for (uint32_t u = t; u + 1 < stop; ++u) {
      if (IsBreak(u) || IsQuote(u) || Is(u, ",")) return kNone;
      if (Is(u, "by")) {
        for (uint32_t v = u + 1; v < std::min(e_, u + 6); ++v) {
          if (s_.actor_at[v] != kNone) return s_.actor_at[v];
          if (IsBreak(v)) break;
        }
      }
    }
    return kNone;
  }

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

  void Arguments(Candidate& c) {
    const Entry& entry = lex_.entry(c.entry);
    if ((!entry.needs_prep.empty() && !HasPrepAfter(c.last, entry.needs_prep)) ||
        (!entry.not_before.empty() && Is(c.last, entry.not_before))) {
      Drop(c, __LINE__);
      return;
    }
    if (c.verb) {
      VerbArguments(c, entry);
    } else {
      NounArguments(c, entry);
    }
  }

  void VerbArguments(Candidate& c, const Entry& entry) {
    std::string_view prep;
    if (c.passive) {
      c.actor = ByAgent(c.last);
      c.recipient = ActorBefore(c.first, /*allow_modifier=*/true);
      // "Suspected Israeli missiles were fired": the demonym on the subject's head is the agent.
      if (c.recipient != kNone && IsDemonym(c.recipient) && IsContentWord(MentionLast(FirstTokenOfActor(c.recipient)))) {
        if (c.actor == kNone) c.actor = c.recipient;
        c.recipient = kNone;
      }
      // Withdrawn weapons or mobilised troops are the theme, not a recipient.
      if ((c.type == EventType::kRetreat && c.mode != "release") || c.type == EventType::kMobilize) {
        c.recipient = kNone;
      }
      if (c.recipient == kNone) {
        c.recipient = ActorAfter(c.last, &prep, false);
        if (c.recipient != kNone && prep != "towards" && prep != "toward" && prep != "at" && prep != "against" &&
            prep != "on" && prep != "into") {
          c.recipient = kNone;
        }
      }
    } else {
      bool pronoun = false;
      c.actor = ActorBefore(c.first, false, c.gerund, &pronoun);
      // "The EU has said it will not provide …": an unresolved pronoun subject in reported speech is the
      // speaker (the actors stage resolves most pronouns; this is the fallback for the rest).
      if (c.actor == kNone && pronoun) {
        char buf[kMaxWord];
        uint32_t p = c.first;
        while (p > b_ && !(s_.cue[p - 1] & events::kPron)) --p;
        const std::string_view w = p > b_ ? Word(p - 1, buf) : std::string_view();
        if (w == "he" || w == "she" || w == "it" || w == "they") c.actor = sources_.ClaimantOf(c.first);
      }
      c.recipient = ActorAfter(c.last, &prep, false);
      if (c.recipient == c.actor) c.recipient = kNone;
      if (c.type == EventType::kMobilize && prep.empty()) c.recipient = kNone;  // "sent forces": the theme
      if ((prep == "with" || prep == "alongside") && c.type == EventType::kAssault &&
          !entry.has(events::kReciprocal)) {
        c.recipient = kNone;  // "fought with the US against Isis": an ally
      }
    }
    // "Israel and Hamas met", "agreed by Putin and his Turkish counterpart, Erdoğan": the second member.
    if (entry.has(events::kReciprocal) && c.actor != kNone && c.recipient == kNone) {
      c.recipient = NextMember(c.actor);
    }
    // Leaders or governments who clash do so in words ("Erdoğan and Putin clashed in public over"): an ACCUSE.
    if (c.type == EventType::kAssault && entry.has(events::kReciprocal) && IsPolitical(c.actor) &&
        IsPolitical(c.recipient)) {
      c.type = EventType::kAccuse;
      c.mode = "disapprove";
      c.cameo = "111";
      c.context = {};
    }
    // A trip whose purpose is a meeting codes the meeting, not the trip ("traveled to Oslo to meet with").
    if (c.type == EventType::kConsult && c.mode == "visit") {
      if (c.recipient == kNone || prep != "to") {
        if (entry.needs_prep == "to" || entry.needs_prep == "in") Drop(c, __LINE__);
      }
      for (uint32_t u = c.last; u + 1 < std::min(e_, c.last + 14); ++u) {
        char buf[kMaxWord];
        if (Is(u, "to") && (Word(u + 1, buf) == "meet" || Word(u + 1, buf) == "hold")) Drop(c, __LINE__);
      }
    }
    if (entry.has(events::kNeedsRecipient) && c.recipient == kNone) Drop(c, __LINE__);
    if (!c.passive && c.actor == kNone && IsVerbal(c.type)) Drop(c, __LINE__);  // a speech act needs its speaker
    // A visit is diplomatic: a traveller with no political role ("children who travelled to join Isis") is none.
    if (c.mode == "visit" && c.actor != kNone) {
      const Sector sector = doc_.actors[c.actor].sector;
      if (sector == Sector::kNone || sector == Sector::kCVL || sector == Sector::kREF || sector == Sector::kMED ||
          sector == Sector::kBUS) {
        Drop(c, __LINE__);
      }
    }
    // "refugees admitted to the US": a speech act or concession needs its speaker.
    if (c.passive && c.actor == kNone &&
        (c.type == EventType::kConcede || c.type == EventType::kSupport || c.type == EventType::kAgree)) {
      Drop(c, __LINE__);
    }
    if (c.actor == kNone && c.recipient == kNone) {
      // An agentless passive is an event when its theme says what happened ("rockets were launched",
      // "heavy weapons will be withdrawn"); otherwise a verb needs a party.
      const bool themed = c.passive && (entry.needs_theme != 0 || c.type == EventType::kRetreat ||
                                        c.type == EventType::kAssault || c.type == EventType::kMobilize);
      if (!themed && !entry.has(events::kBare)) Drop(c, __LINE__);
    }
    // "held accountable", "held responsible" are not detentions.
    if (Is(c.last, "accountable") || Is(c.last, "responsible")) Drop(c, __LINE__);
  }

  void NounArguments(Candidate& c, const Entry& entry) {
    // A noun in a to-infinitive purpose clause ("to reopen indirect talks", "in an attempt to revive truce
    // talks") reports no act.
    for (uint32_t k = 2; k <= 4 && c.first >= b_ + k; ++k) {
      const uint32_t u = c.first - k;
      const bool number = doc_.tokens[u + 1].kind == TokenKind::kNumber ||
                          numbers_.Lookup(doc_.token_text(u + 1)).known();
      if (Is(u, "to") && !(s_.cue[u + 1] & (events::kDet | events::kPoss)) && s_.actor_at[u + 1] == kNone &&
          !(s_.cue[u + 1] & events::kLight) && !number && !Is(u - 1, "up")) {
        bool content = true;
        for (uint32_t v = u + 2; v < c.first; ++v) {
          if (IsPunct(v) || s_.actor_at[v] != kNone) content = false;
        }
        if (content) {
          Drop(c, __LINE__);
          return;
        }
      }
      if (IsPunct(u)) break;
    }
    // A noun modifying another noun is no event ("aid groups", "attack helicopters").
    if (IsContentWord(c.last)) {
      std::string_view next = doc_.token_text(c.last);
      if (next.size() > 3 && next.ends_with("s") && !next.ends_with("ss") && !entry.has(events::kBare)) {
        Drop(c, __LINE__);
        return;
      }
    }
    // Premodifier or possessor: "an Israeli bombardment", "Rouhani's tour", "US drawdown".
    for (uint32_t k = 1; k <= 3 && c.first >= b_ + k; ++k) {
      const uint32_t u = c.first - k;
      if (s_.actor_at[u] != kNone) {
        // "joint US, French and British airstrikes": the first member stands for the compound.
        uint32_t g = MentionFirst(u);
        c.actor = s_.actor_at[u];
        while (g >= b_ + 2 && (Is(g - 1, ",") || Is(g - 1, "and")) && s_.actor_at[g - 2] != kNone) {
          g = MentionFirst(g - 2);
          c.actor = s_.actor_at[g];
        }
        break;
      }
      if (IsPossessiveMark(u)) continue;
      if (!IsContentWord(u)) break;  // adjectives only
    }
    // The noun's own prepositional phrases, left to right: by → actor, between A and B, of → patient or
    // agent (directly after the noun only), against/on/at/to/with/for → recipient; place and time PPs are
    // skipped ("negotiations in Egypt for a new exchange of Israeli hostages").
    const bool of_is_patient = c.type == EventType::kAssault || c.type == EventType::kCoerce ||
                               c.type == EventType::kSanction || c.mode == "release";
    char buf[kMaxWord];
    uint32_t u = c.last;
    for (int k = 0; k < 3 && u < e_; ++k) {
      if (!(s_.cue[u] & events::kPrep)) break;
      const std::string_view prep = Word(u, buf);
      uint32_t m = kNone, v = u + 1;
      for (; v < std::min(e_, u + 6); ++v) {
        if (IsBreak(v) || IsQuote(v) || Is(v, ",") || s_.cue[v] & (events::kPrep | events::kRel)) break;
        if (s_.actor_at[v] != kNone) {
          m = s_.actor_at[v];
          break;
        }
      }
      if (m == kNone) {
        if (v < e_ && s_.cue[v] & events::kPrep) {
          u = v;
          continue;
        }
        break;
      }
      if (prep == "by") {
        if (c.actor == kNone) c.actor = m;
      } else if (prep == "between") {
        if (c.actor == kNone) c.actor = m;
        if (c.recipient == kNone) c.recipient = NextMember(m);
      } else if (prep == "of") {
        if (k == 0) {
          if (c.mode == "visit") c.recipient = m;
          else if (of_is_patient) c.recipient = m;
          else if (c.actor == kNone && c.type != EventType::kConsult) c.actor = m;  // not "talks of X"
        }
      } else if (prep == "for" && (c.type == EventType::kAssault || c.type == EventType::kConsult)) {
        // "the battle for Raqqa", "fled the war for Jordan": a goal, not a party.
      } else if (!IsPlacePrep(prep)) {
        if (c.recipient == kNone && m != c.actor) c.recipient = m;
      }
      u = MentionLast(v);
    }
    if (c.actor == kNone) {
      const uint32_t by = ByAgent(c.last);
      if (by != c.recipient) c.actor = by;
    }
    // Light verb ("conducting car bombings", "held talks", "launched an attack"): the verb's subject.
    if (c.actor == kNone) {
      for (uint32_t k = 1; k <= 4 && c.first >= b_ + k; ++k) {
        const uint32_t u = c.first - k;
        if (IsPunct(u)) break;
        if (s_.cue[u] & events::kLight) {
          c.actor = ActorBefore(u);
          break;
        }
      }
    }
    if (c.recipient == c.actor) c.recipient = kNone;
    if (!entry.has(events::kBare) && c.actor == kNone && c.recipient == kNone) {
      // "agreed by Putin and Erdoğan at a bilateral summit": a meeting takes its parties from the sentence.
      if (c.type == EventType::kConsult && entry.has(events::kReciprocal)) c.orphan = true;
      else Drop(c, __LINE__);
    }
    if (c.actor == kNone && IsVerbal(c.type)) Drop(c, __LINE__);  // "the biggest threat for Syria": whose?
  }

  // ---- 4. Governors ----

  void Governors() {
    for (size_t i = 0; i < s_.candidates.size(); ++i) {
      Candidate& g = s_.candidates[i];
      // A noun in another noun's for/on/over/about PP is its theme ("talks for a prisoner exchange agreement",
      // "negotiations in Egypt for a new exchange of hostages"), also when a governor absorbed that noun.
      if (!g.verb && !g.dropped) {
        uint32_t p = g.last;
        while (p < e_ && p < g.last + 4 && !IsPunct(p) &&
               !(Is(p, "for") || Is(p, "on") || Is(p, "over") || Is(p, "about"))) {
          ++p;
        }
        if (p < e_ && p < g.last + 4 && !IsPunct(p)) {
          for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
            Candidate& c = s_.candidates[j];
            if (c.first <= p) continue;
            if (c.first >= p + 6) break;
            if (!c.verb) c.governed = true;
          }
        }
      }
      // A noun trigger right before another is its modifier ("a prisoner exchange agreement", "ceasefire
      // talks"): the head noun carries the event.
      if (!g.verb && i + 1 < s_.candidates.size() && !s_.candidates[i + 1].verb &&
          s_.candidates[i + 1].first == g.last) {
        g.governed = true;
      }
      // A verb absorbed by a governor still absorbs its own object ("refused to sign a draft agreement": the
      // agreement is what was not signed, no AGREE of its own), but combines no further.
      if (g.dropped) continue;
      const Entry& entry = lex_.entry(g.entry);
      if (!g.governed && entry.has(events::kRefusal)) {
        g.status = EventStatus::kRefused;
        g.status_fixed = true;
      }
      // A noun that is the required theme of a verb is part of that event ("will not provide aid to Syria");
      // so is a noun that is a verb's direct object ("negotiate any prisoner agreement", "launched missile
      // strikes"), unless it is another party's speech act ("declined three offers … by the mediators").
      if (g.verb) {
        for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
          Candidate& c = s_.candidates[j];
          if (c.first >= g.last + 6) break;
          if (c.verb) continue;
          bool object = c.first <= g.last + 3;
          for (uint32_t u = g.last; u < c.first && object; ++u) {
            object = !IsPunct(u) && !(s_.cue[u] & (events::kPrep | events::kRel | events::kConj));
          }
          const bool own_act = IsVerbal(c.type) && c.actor != kNone && c.actor != g.actor;
          if ((entry.needs_theme || object) && !own_act) c.governed = true;
        }
      }
      if (g.governed || entry.governor == Governor::kNone) continue;
      // The complement: the next candidate within the window, before a hard break.
      for (size_t j = i + 1; j < s_.candidates.size(); ++j) {
        Candidate& c = s_.candidates[j];
        if (c.first > g.last + opt_.object_window + 4) break;
        bool broken = false;
        for (uint32_t u = g.last; u < c.first; ++u) broken |= IsBreak(u);
        if (broken) break;
        if (entry.governor == Governor::kDeny) {
          c.status = EventStatus::kDenied;
          c.status_fixed = true;
          break;
        }
        // A noun with an agent of its own is another party's act ("offers … by the mediators").
        if (!c.verb && !c.dropped && IsVerbal(c.type) && c.actor != kNone && c.actor != g.actor) {
          if (g.recipient == kNone || g.recipient == c.actor) g.recipient = c.actor;
          if (c.recipient == kNone) c.recipient = g.actor;
          break;
        }
        const Combination* comb = lex_.Combine(entry.governor, c.type);
        if (!comb && (entry.governor == Governor::kAnnounce || entry.governor == Governor::kAllege)) {
          if (!c.verb) c.governed = false;  // "announced new strikes": the strikes, not an announcement
          break;
        }
        if (entry.governor == Governor::kAllege) {
          // The accused is the act's agent; a source that reports its own side's act accuses nobody ("the
          // state agency claimed Syrian air defences downed the missiles").
          if (c.actor != kNone && g.actor != kNone && doc_.actors[c.actor].country == doc_.actors[g.actor].country) {
            break;
          }
          g.combined = true;
          g.type = comb->type;
          g.mode = comb->mode;
          g.cameo = comb->cameo;
          g.recipient = c.actor;
          break;
        }
        g.combined = comb != nullptr;
        if (comb) {
          if (!comb->keep_type) g.type = comb->type;
          if (!comb->mode.empty()) g.mode = comb->mode;
          if (!comb->cameo.empty()) g.cameo = comb->cameo;
          if (entry.governor == Governor::kRefuse) {
            g.status = EventStatus::kRefused;
            g.status_fixed = true;
          }
        }
        if (g.recipient == kNone && c.recipient != g.actor) g.recipient = c.recipient;
        c.governed = true;
        // A coordinated noun shares the complement ("demands a cessation of hostilities and the withdrawal
        // of Israeli troops").
        for (size_t k = j + 1; k < s_.candidates.size(); ++k) {
          Candidate& d = s_.candidates[k];
          if (d.verb || d.first > s_.candidates[k - 1].last + 6) break;
          bool coordinated = false, clean = true;
          for (uint32_t u = s_.candidates[k - 1].last; u < d.first && clean; ++u) {
            if (Is(u, "and") || Is(u, "or")) coordinated = true;
            else clean = !IsBreak(u) && !IsQuote(u) && !(s_.cue[u] & (events::kRel | events::kCond | events::kPron));
          }
          if (!coordinated || !clean) break;
          d.governed = true;
        }
        break;
      }
    }
  }

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
      if (c.actor == kNone) Drop(c, __LINE__);
    }
  }

  // ---- 5. Status ----

  // Whether noun trigger `c` heads the subject of a clause whose verb group is a bare prediction ("said a
  // generalised assault by Russian forces would lead to the displacement of 800,000"): the act is talked
  // about, not reported. "An offensive would begin on Monday" is a plan, and stays.
  bool HypotheticalSubject(const Candidate& c) const {
    uint32_t p = c.first;
    while (p > b_ && (IsContentWord(p - 1) || s_.cue[p - 1] & events::kDet || s_.actor_at[p - 1] != kNone)) --p;
    if (p > b_ && !Is(p - 1, "that") && !Is(p - 1, "said") && !Is(p - 1, "says") && !Is(p - 1, "warned")) {
      return false;
    }
    for (uint32_t u = c.last; u < std::min(e_, c.last + 16); ++u) {
      if (IsBreak(u) || s_.cue[u] & events::kCond || Is(u, ",")) return false;
      if (!(s_.cue[u] & (events::kModal | events::kFuture | events::kBe | events::kHave | events::kDo))) continue;
      if (!(Is(u, "would") || Is(u, "could") || Is(u, "might") || Is(u, "may"))) return false;
      const uint32_t v = u + 1;
      return !(Is(v, "begin") || Is(v, "start") || Is(v, "take") || Is(v, "go") || Is(v, "resume") ||
               Is(v, "continue") || Is(v, "happen") || Is(v, "come") || Is(v, "be"));
    }
    return false;
  }

  void Status(Candidate& c) {
    char buf[kMaxWord];
    const uint32_t from = c.first > b_ + opt_.cue_window ? c.first - opt_.cue_window : b_;
    bool neg = false, future = false, modal = false, plan = false, hedge = false;
    bool have = false, only = false;
    for (uint32_t u = from; u < c.first; ++u) {
      if (IsBreak(u)) neg = future = modal = plan = hedge = have = only = false;
      const uint32_t cue = s_.cue[u];
      std::string_view w = Word(u, buf);
      if (cue & events::kNeg || w.ends_with("n't")) neg = true;
      if (cue & events::kFuture || w.ends_with("'ll")) future = true;
      if (cue & events::kModal) {
        if (w == "would") future = true;
        else modal = true;
      }
      // A planning word counts before "to"/"of" or right before the trigger ("preparing to reopen", "the
      // prospect of a military operation", "the upcoming talks"), not as a noun elsewhere ("the plan was").
      if (cue & events::kPlan && (Is(u + 1, "to") || Is(u + 1, "of") || u + 1 == c.first)) plan = true;
      if (cue & events::kHedge) hedge = true;
      if (neg && cue & events::kHave) have = true;
      if (w == "only") only = true;
    }
    // "a legitimate right to demonstrate", "its failure to offer", "the aim is to reinforce": no act.
    if (c.verb && c.first >= b_ + 2 && Is(c.first - 1, "to") && s_.cue[c.first - 2] & events::kIrrealis) {
      Drop(c, __LINE__);
      return;
    }
    // "There are concerns that the Kurds … will release Isis fighters": a fear or concern with a that-clause
    // makes the whole clause hypothetical, however far the trigger stands from it.
    for (uint32_t u = b_; u + 1 < c.first; ++u) {
      if (IsBreak(u)) hedge = false;
      if (Is(u + 1, "that") && (s_.cue[u] & events::kHedge || Is(u, "concerns") || Is(u, "concern") ||
                                Is(u, "worries") || Is(u, "worry"))) {
        hedge = true;
      }
    }
    if (!c.verb && HypotheticalSubject(c)) {
      Drop(c, __LINE__);
      return;
    }
    if (!c.verb && c.first > b_ && Is(c.first - 1, "no")) neg = true;
    if (!c.verb && c.first > b_ + 1 && Is(c.first - 2, "no")) neg = true;
    // A condition marker before the trigger puts it inside the condition ("unless elections are agreed"),
    // unless a comma closes the condition first ("If talks fail, Israel will attack": the main clause is
    // conditional); one after it, or "only … after", makes the main clause conditional.
    bool condition = false;
    for (uint32_t u = b_; u < e_; ++u) {
      if (!(s_.cue[u] & events::kCond)) continue;
      if (u < c.first) {
        bool closed = false;
        for (uint32_t v = u + 1; v < c.first; ++v) closed |= Is(v, ",");
        if (!closed) {
          Drop(c, __LINE__);
          return;
        }
      }
      condition = true;
    }
    if (only) {
      for (uint32_t u = c.last; u < e_; ++u) {
        if (Is(u, "after") || Is(u, "once") || Is(u, "when")) condition = true;
      }
    }
    if (c.status_fixed) return;
    if (hedge) {
      Drop(c, __LINE__);
      return;
    }
    if (neg) {
      if (!(future || modal) || have) {  // "did not attack", "could not have brokered"
        Drop(c, __LINE__);  // a negated past or present act did not happen
        return;
      }
      if (IsCooperative(c.type)) {
        const Combination* comb = lex_.Combine(Governor::kRefuse, c.type);
        c.type = EventType::kReject;
        if (comb && !comb->mode.empty()) c.mode = comb->mode;
        c.cameo = comb && !comb->cameo.empty() ? comb->cameo : std::string_view("120");
        c.status = EventStatus::kRefused;
      } else {
        c.type = EventType::kAgree;
        c.mode = {};
        c.cameo = "0356";
        c.context = "military";
      }
      return;
    }
    if (modal && !future && !condition) {
      Drop(c, __LINE__);  // could, may, might, should: not an act
      return;
    }
    if (future || plan || modal) c.status = condition ? EventStatus::kConditional : EventStatus::kPlanned;
    // A party's conditional offer of future talks is an AGREE (ANNOTATION.md; PLOVER manual, AGREE: "references
    // to future meetings … should be coded as AGREE"); a scheduled meeting keeps CONSULT with status planned.
    if (c.type == EventType::kConsult && c.status == EventStatus::kConditional) {
      c.type = EventType::kAgree;
      c.mode = {};
      c.cameo = "036";
    }
  }

  static void Drop(Candidate& c, int line) {
    c.dropped = true;
    c.drop_line = line;
  }

  // One line per candidate on stderr: what the coder saw and why it dropped or absorbed it.
  void Trace() const {
    const auto party = [this](uint32_t a) {
      return a == kNone ? std::string("-") : std::string(doc_.slice(doc_.actors[a].span));
    };
    for (const Candidate& c : s_.candidates) {
      const std::string_view trigger(doc_.text.data() + doc_.tokens[c.first].begin,
                                     doc_.tokens[c.last - 1].end - doc_.tokens[c.first].begin);
      std::fprintf(stderr, "[events] %.*s %s%s%s type=%d %s -> %s%s", static_cast<int>(trigger.size()),
                   trigger.data(), c.verb ? "V" : "N", c.passive ? " passive" : "", c.gerund ? " gerund" : "",
                   static_cast<int>(c.type), party(c.actor).c_str(), party(c.recipient).c_str(),
                   c.governed ? " governed" : "");
      if (c.dropped) std::fprintf(stderr, " dropped@%d", c.drop_line);
      std::fputc('\n', stderr);
    }
  }

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

  void Emit(const Candidate& c) {
    Event ev;
    ev.trigger = {doc_.tokens[c.first].begin, doc_.tokens[c.last - 1].end};
    ev.type = c.type;
    ev.mode = c.mode;
    ev.cameo = c.cameo;
    if (!c.context.empty()) ev.contexts.push_back(c.context);
    ev.actor = c.actor;
    ev.recipient = c.recipient;
    ev.status = c.status;
    uint32_t claimant = sources_.ClaimantOf(c.first);
    // "Stewart said converts … fight for Isis", "the Times reported the two men were captured": the source is
    // no party to what it reports, unless the event is its own speech act.
    if (claimant != kNone && !IsVerbal(ev.type)) {
      if (SameActor(claimant, ev.actor)) ev.actor = kNone;
      if (SameActor(claimant, ev.recipient)) ev.recipient = kNone;
      if (ev.actor == kNone && ev.recipient == kNone && !lex_.entry(c.entry).has(events::kBare) && !c.passive) {
        return;
      }
    }
    if (claimant != kNone && ev.actor == kNone && IsVerbal(ev.type) && InsideQuote(c.first)) {
      ev.actor = claimant;
      claimant = kNone;
    }
    if (SameActor(claimant, ev.actor) || SameActor(claimant, ev.recipient)) claimant = kNone;
    ev.claimed_by = claimant;
    const Span clause = ClauseSpanOfToken(doc_, c.first);
    ev.date = GoverningTime(doc_, clause, ev.trigger.begin);
    ev.place = PlaceOfClause(doc_, clause);
    if (ev.type == EventType::kConsult && ev.mode.empty() && ev.place != kNone) {
      const CountryCode where = doc_.places[ev.place].country;
      const CountryCode a = ev.actor != kNone ? doc_.actors[ev.actor].country : CountryCode();
      const CountryCode r = ev.recipient != kNone ? doc_.actors[ev.recipient].country : CountryCode();
      if (!where.empty() && !a.empty() && where != a && where != r) {
        ev.mode = "third-party";
        if (ev.cameo == "040") ev.cameo = "044";
      }
    }
    // A compound actor ("US, British and French forces", "Amnesty and the NRC called for") gives one event
    // per member (ANNOTATION.md), unless the recipient is itself a member ("Israel and Hamas met").
    std::array<uint32_t, kMaxMembers> members;
    const size_t n = Members(ev.actor, members);
    if (n > 1 && std::find(members.begin(), members.begin() + n, ev.recipient) == members.begin() + n) {
      for (size_t k = 0; k < n; ++k) {
        Event one = ev;
        one.actor = members[k];
        Store(std::move(one), c);
      }
      return;
    }
    Store(std::move(ev), c);
  }

  static constexpr size_t kMaxMembers = 8;

  // The members of the coordination that mention `a` opens ("Russia, Turkey and Iran"; a list needs its
  // "and": "Putin, the Russian president," is an apposition), into `out`; returns their number (1 when `a`
  // is alone, 0 when there is no actor).
  size_t Members(uint32_t a, std::array<uint32_t, kMaxMembers>& out) const {
    if (a == kNone) return 0;
    out[0] = a;
    const uint32_t f = FirstTokenOfActor(a);
    if (f == kNone) return 1;
    size_t n = 1;
    uint32_t l = MentionLast(f);
    while (n < kMaxMembers && l + 1 < e_) {
      uint32_t next = l + 1;
      const bool comma = Is(l, ",");
      if (comma && Is(next, "and")) ++next;  // the serial comma
      else if (!comma && !Is(l, "and")) break;
      if (next >= e_ || s_.actor_at[next] == kNone || s_.actor_at[next] == out[n - 1]) break;
      out[n++] = s_.actor_at[next];
      l = MentionLast(next);
      if (!comma || Is(next - 1, "and")) return n;  // the list ended with its "and"
    }
    return 1;
  }

  // Keeps `ev` unless it restates an event already kept for the article.
  void Store(Event ev, const Candidate& c) {
    // One event per real-world event: a later mention with the same type, CAMEO and actor, and the same
    // recipient or none on either side, is a restatement of the first.
    EventKey key;
    key.kind = std::string(1, EventTypeKey(ev.type)) + "|" + std::string(ev.cameo);
    // Material conflict is told in many distinct incidents by one actor: only the same wording restates one
    // ("the war" twice), not another ("the war", then "a bombardment").
    if (ev.type == EventType::kAssault || ev.type == EventType::kCoerce) key.kind += "|" + std::to_string(c.entry);
    AppendParty(key.actor, ev.actor);
    AppendParty(key.recipient, ev.recipient);
    for (const EventKey& k : s_.keys) {
      if (k.kind != key.kind || k.actor != key.actor) continue;
      // Without an actor on either side only an equal, named recipient makes it the same event.
      const bool same = key.actor.empty()
                            ? !key.recipient.empty() && k.recipient == key.recipient
                            : k.recipient == key.recipient || k.recipient.empty() || key.recipient.empty();
      if (same) return;
    }
    if (doc_.events.size() >= opt_.max_events_per_document) return;
    s_.keys.push_back(std::move(key));
    doc_.events.push_back(std::move(ev));
  }

  static char EventTypeKey(EventType t) { return static_cast<char>('A' + static_cast<int>(t)); }

  void AppendParty(std::string& key, uint32_t a) const {
    if (a == kNone) return;
    const ActorMention& m = doc_.actors[a];
    if (!m.name.empty()) {
      key += m.name;
      return;
    }
    // No canonical name: the head word ("the hostages" and "hostages" are one party).
    char buf[kMaxWord];
    std::string_view text = doc_.slice(m.span);
    const size_t space = text.rfind(' ');
    if (space != std::string_view::npos) text.remove_prefix(space + 1);
    key += Lower(text.substr(0, std::min<size_t>(text.size(), kMaxWord - 2)), buf);
  }

  Document& doc_;
  const EventLexicon& lex_;
  const EventCoderOptions& opt_;
  Scratch& s_;
  const figures::SourceMap& sources_;
  const figures::FigureLexicon& numbers_;  // number words ("up to three offers" is no purpose clause)
  const uint32_t b_, e_;
};

}  // namespace

EventCoder::EventCoder(const EventLexicon& lexicon, const EventCoderOptions& options)
    : lexicon_(lexicon), options_(options) {
  // A developer's aid: ANNALIST_TRACE_EVENTS=1 prints every candidate trigger and its fate on stderr.
  if (std::getenv("ANNALIST_TRACE_EVENTS") != nullptr) options_.trace = true;
}

void EventCoder::Process(Document& doc) const {
  if (doc.is_error()) return;
  doc.events.clear();
  if (doc.tokens.empty()) return;
  Scratch& s = scratch;
  // The figures stage's sources when it ran; else found here, which may append claimant mentions to
  // doc.actors.
  std::optional<figures::SourceMap> found;
  if (doc.claim_sources.filled) {
    found.emplace(doc, figure_lexicon_, doc.claim_sources);
  } else {
    s.figure_ids.Assign(doc, figure_lexicon_);
    found.emplace(doc, figure_lexicon_, s.figure_ids);
  }
  const figures::SourceMap& sources = *found;
  const size_t n = doc.tokens.size();
  s.cue.assign(n, 0);
  s.actor_at.assign(n, kNone);
  s.keys.clear();
  // Each token lower-cased once (exactly as Lower() does it: ASCII letters, typographic apostrophes to ',
  // empty when longer than kMaxWord - 1 bytes) and looked up once in the lexicon's word index.
  size_t total = 1;  // Lower never lengthens a token
  for (size_t t = 0; t < n; ++t) total += doc.token_text(static_cast<uint32_t>(t)).size();
  if (s.lower.size() < total) s.lower.resize(total);
  s.lower_off.resize(n + 1);
  s.wid.resize(n);
  {
    char* out = s.lower.data();
    uint32_t o = 0;
    for (size_t t = 0; t < n; ++t) {
      const std::string_view word = doc.token_text(static_cast<uint32_t>(t));
      s.lower_off[t] = o;
      const unsigned char* p = reinterpret_cast<const unsigned char*>(word.data());
      const size_t len = word.size();
      uint32_t m = 0;
      uint32_t h = EventLexicon::kHashSeed;
      for (size_t i = 0; i < len; ++i) {
        unsigned char c = p[i];
        if (c == 0xE2 && i + 2 < len && p[i + 1] == 0x80 && (p[i + 2] == 0x99 || p[i + 2] == 0x98)) {
          c = '\'';
          i += 2;
        } else if (c >= 'A' && c <= 'Z') {
          c = static_cast<unsigned char>(c - 'A' + 'a');
        }
        out[o + m++] = static_cast<char>(c);
        h = EventLexicon::HashStep(h, c);
      }
      if (m + 1 > kMaxWord) {  // Lower gives up on a word this long
        m = 0;
        h = EventLexicon::kHashSeed;
      }
      s.wid[t] = lexicon_.FindWord(std::string_view(out + o, m), h);
      o += m;
    }
    s.lower_off[n] = o;
  }
  const auto lower_of = [&s](size_t t) {
    return std::string_view(s.lower.data() + s.lower_off[t], s.lower_off[t + 1] - s.lower_off[t]);
  };
  for (size_t t = 0; t < n; ++t) {
    if (doc.tokens[t].kind == TokenKind::kNumber || s.wid[t] == 0) continue;
    if (s.lower_off[t + 1] == s.lower_off[t]) continue;
    // An abbreviation in capitals is a name, not the closed-class word it spells ("the US withdrawal").
    const std::string_view raw = doc.token_text(static_cast<uint32_t>(t));
    if (raw.size() >= 2 && std::all_of(raw.begin(), raw.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; })) {
      continue;
    }
    const EventLexicon::WordInfo& info = lexicon_.word_info(s.wid[t]);
    s.cue[t] |= info.cue;
    for (uint32_t i = 0; i < info.multi_count; ++i) {
      const EventLexicon::MultiCue& cue = lexicon_.multi_cues()[info.multi_begin + i];
      bool match = true;
      for (uint8_t k = 0; k < cue.extra_words && match; ++k) {
        const size_t u = t + 1 + k;
        match = u < n && lower_of(u) == cue.rest[k];
      }
      if (match) s.cue[t] |= cue.classes;
    }
  }
  s.in_time.assign(n, 0);
  for (const TimeMention& m : doc.times) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), m.span.begin,
                               [](const Token& tok, uint32_t begin) { return tok.begin < begin; });
    for (size_t t = static_cast<size_t>(it - doc.tokens.begin()); t < n && doc.tokens[t].end <= m.span.end; ++t) {
      s.in_time[t] = 1;
    }
  }
  // Project actor mentions onto tokens; the recognised mentions come first, so they win over claimant
  // mentions the source finder appended.
  for (uint32_t a = 0; a < doc.actors.size(); ++a) {
    const Span span = doc.actors[a].span;
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.begin,
                               [](const Token& tok, uint32_t begin) { return tok.begin < begin; });
    for (size_t t = static_cast<size_t>(it - doc.tokens.begin()); t < n && doc.tokens[t].end <= span.end; ++t) {
      if (s.actor_at[t] == kNone) s.actor_at[t] = a;
    }
  }
  // A mention that is also a place ("Iran", "Tehran") or that spells its canonical name ("Taliban") is a
  // proper noun, never a demonym.
  std::vector<Span>& place_spans = s.place_spans;
  place_spans.clear();
  for (const PlaceMention& p : doc.places) place_spans.push_back(p.span);
  const auto by_span = [](const Span& x, const Span& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  };
  std::sort(place_spans.begin(), place_spans.end(), by_span);
  s.is_name.assign(doc.actors.size(), 0);
  for (uint32_t a = 0; a < doc.actors.size(); ++a) {
    const ActorMention& m = doc.actors[a];
    const bool place = std::binary_search(place_spans.begin(), place_spans.end(), m.span, by_span);
    s.is_name[a] = place || (!m.name.empty() && doc.slice(m.span) == m.name);
  }
  for (const Sentence& sentence : doc.sentences) {
    SentenceCoder(doc, lexicon_, options_, s, sources, figure_lexicon_, sentence.token_begin, sentence.token_end)
        .Run();
  }
}

}  // namespace annalist
