// Event coding: a cascade of left-to-right passes over a sentence's tokens, in the spirit of FASTUS (Hobbs et
// al.) and of TABARI's sparse parsing, with the roles PETRARCH2 took from a full parse approximated by the
// actors stage's mentions and a few closed word classes. No parser, no model: every pass is linear in the
// sentence and bounded by the windows of EventCoderOptions.
//
// 1. Lexical classes. Each token is lower-cased once and looked up once (LowerAndLookUp) in the cue table of
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
//    ("conducting car bombings", "held talks") or of any verb whose object it is ("are expanding
//    cooperation"). A compound subject of a reciprocal act ("Israel and Hamas reached a truce") gives actor A,
//    recipient B. A relative pronoun stands for its antecedent, a participial clause takes the main clause's
//    subject, a subordinate "as"/"although" clause has its own. Parties no dictionary names become mentions
//    with no country: a patient phrase ("massacred more than 200 people", a passive's subject), an unnamed
//    by-phrase ("a coup attempt by a group of fighters"), an unknown name before the verb.
// 4. Governors (design note P6). A trigger flagged governor= (refuse, decline, promise, threaten, call for,
//    agree, deny, announce, allege; verbs and nouns) absorbs the first trigger of its complement and takes
//    type, mode and CAMEO from data/events/combine.tsv: "refused to continue with negotiations" is REJECT
//    meet 125; "promises to continue war" is THREATEN violence 138. A noun in the complement that has an
//    actor of its own stays an event ("declined three offers put on the table by the mediators": the offers
//    are the mediators' AGREE). DENY keeps its complement with status denied; ANNOUNCE and ALLEGE are events
//    only through a listed complement (an announced retreat is CONCEDE; a claim of another party's violence
//    an ACCUSE of it, the violence kept with its claimant).
// 5. Status (ANNOTATION.md, "status"): refused for refusals; a negated future cooperative act is a REJECT
//    ("will not provide Syria with reconstruction aid"), a negated future conflictual one an AGREE to
//    de-escalate ("there would be no military operation"); a negated past act is not coded; will, shall and
//    planning words make it planned; a condition marker in the sentence (if, unless, only after) makes a
//    planned act conditional; a hedge ("possible", "fears of", "concerns that …") or a bare could/may/might
//    drops the event, and so does a noun that is only the subject of a prediction ("an assault … would lead
//    to").
// 6. Attribution: the figures stage's source finder ("according to X", "X said", "…, said X"); the claimant
//    is left out when it is the actor. In a quotation with no actor of its own, the speaker is the actor.
// 7. Date and place: the times API (GoverningTime of the trigger's clause; an act told in the present takes
//    the publication date) and the places API (PlaceOfClause).
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
// Known limits, left for the next iterations: the subject is the nearest suitable mention, so a long
// apposition or a fronted clause can still win over the grammatical subject; coreference is whatever the
// actors stage resolves; the noun/verb decision has no tagger behind it; modes are the lexicon entry's (no
// weapon-driven refinement). ANNALIST_TRACE_EVENTS=1 prints every candidate and the rule that dropped it.
#include "events/event_coder.h"

#include <algorithm>
#include <bit>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "events/sentence_coder.h"
#include "figures/source_finder.h"

namespace annalist {

using events::EventLexicon;
using events_detail::kMaxWord;
using events_detail::Scratch;
using events_detail::SentenceCoder;

namespace {

thread_local Scratch scratch;

// std::lower_bound of `begin` over the tokens' begins, over those from `hint` on when the answer lies there
// (mentions come mostly in text order), else over those before it. Without a branch on the comparisons: the
// turns of a binary search come in no order a predictor learns.
size_t FirstTokenAt(const std::vector<Token>& tokens, uint32_t begin, size_t hint) {
  hint = std::min(hint, tokens.size());
  const bool before = hint > 0 && tokens[hint - 1].begin >= begin;
  const Token* base = tokens.data() + (before ? 0 : hint);
  size_t len = before ? hint : tokens.size() - hint;
  if (len == 0) return static_cast<size_t>(base - tokens.data());
  // The answer lies in [base, base + len].
  while (len > 1) {
    const size_t half = len / 2;
    base = base[half].begin < begin ? base + half : base;
    len -= half;
  }
  return static_cast<size_t>(base - tokens.data()) + (base->begin < begin);
}

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHigh = 0x8080808080808080ull;

// The low `len` bytes (len <= 8) of a little-endian word.
constexpr uint64_t kLowBytes[9] = {0,
                                   0xFFull,
                                   0xFFFFull,
                                   0xFFFFFFull,
                                   0xFFFFFFFFull,
                                   0xFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFFFull,
                                   0xFFFFFFFFFFFFFFFFull};

// 0x80 in each byte of `v` (ASCII bytes, no high bit set) that is in 'A'..'Z': the high bit of v + 0x3F is
// set from 'A' (0x41) on, that of v + 0x25 from '[' (0x5B) on; no byte carries into the next.
inline uint64_t UpperBytes(uint64_t v) { return (v + 0x3F * kOnes) & ~(v + 0x25 * kOnes) & kHigh; }

// Token `p`, `len` lower-cased exactly as Lower() does it (ASCII letters; typographic apostrophes to '; empty
// when longer than kMaxWord - 1 bytes), for a token the eight-byte path of LowerAndLookUp does not take:
// longer than eight bytes, at the end of the text, or with a byte >= 0x80 ("’", "Erdoğan"). Writes into `out`
// (with eight bytes of slack) at `o`; `used` is how many bytes of it the lower-case form took (0 when it is
// the token itself). Out of line (GCC and clang spell it alike), and with no pointer to the caller's locals,
// so the per-token loop keeps them in registers.
struct LongLower {
  std::string_view lower;
  size_t used = 0;
  bool all_caps = false;
};
__attribute__((noinline)) LongLower LowerLong(const char* p, size_t len, bool at_end, char* out, size_t o) {
  bool ascii = true;
  if (len + 1 <= kMaxWord) {
    uint64_t upper_any = 0, not_upper = 0;
    for (size_t i = 0; i < len; i += 8) {
      const size_t k = std::min<size_t>(len - i, 8);
      uint64_t v = 0;
      if (!at_end || i + 8 <= len) {
        std::memcpy(&v, p + i, 8);
        v &= kLowBytes[k];
      } else {
        std::memcpy(&v, p + i, k);
      }
      if (v & kHigh) {
        ascii = false;
        break;
      }
      const uint64_t upper = UpperBytes(v);
      const uint64_t lowered = v | (upper >> 2);  // 0x80 >> 2 = 0x20, the case bit
      upper_any |= upper;
      not_upper |= upper ^ (kHigh & kLowBytes[k]);
      std::memcpy(out + o + i, &lowered, 8);
    }
    if (ascii) {
      const bool all_caps = len >= 2 && not_upper == 0;
      if (upper_any == 0) return {std::string_view(p, len), 0, all_caps};
      return {std::string_view(out + o, len), len, all_caps};
    }
  } else {
    // Too long for Lower when all ASCII; else the byte loop decides (an apostrophe shortens it).
    for (size_t i = 0; i < len && ascii; ++i) ascii = static_cast<unsigned char>(p[i]) < 0x80;
    if (ascii) return {};
  }
  // A byte >= 0x80 is no capital letter: not all capitals.
  size_t m = 0;
  char* const w = out + o;
  for (size_t i = 0; i < len; ++i) {
    unsigned char c = static_cast<unsigned char>(p[i]);
    if (c == 0xE2 && i + 2 < len && static_cast<unsigned char>(p[i + 1]) == 0x80 &&
        (static_cast<unsigned char>(p[i + 2]) == 0x99 || static_cast<unsigned char>(p[i + 2]) == 0x98)) {
      c = '\'';
      i += 2;
    } else if (c >= 'A' && c <= 'Z') {
      c = static_cast<unsigned char>(c - 'A' + 'a');
    }
    w[m++] = static_cast<char>(c);
  }
  if (m + 1 > kMaxWord) return {};  // Lower gives up on a word this long
  return {std::string_view(w, m), m, false};
}

// Fills s.lower_word, s.wid, s.cue (single-word classes, then multiword ones) and s.trigger: each token
// lower-cased once, as Lower() does it, and looked up once in the lexicon's word index.
//
// A token of at most eight bytes (most are) is read as one number: its bytes in 'A'..'Z' are found with two
// additions and lower-cased with one OR, and a token with none is its own lower-case form, copied nowhere.
// Out of line: inlined into Process, its loop kept half its locals on the stack.
__attribute__((noinline)) void LowerAndLookUp(const Document& doc, const EventLexicon& lexicon, Scratch& s) {
  const size_t n = doc.tokens.size();
  // Tokens do not overlap, so their bytes fit in the stretch they cover; eight bytes of slack for the last
  // eight-byte store.
  const size_t need = doc.tokens.back().end - doc.tokens.front().begin + 8;
  if (s.lower.size() < need) s.lower.resize(need);
  s.lower_word.resize(n);
  s.wid.resize(n);
  s.cue.resize(n);
  if (s.trigger.size() < n) s.trigger.resize(n);  // never shrunk, so never filled again
  if (s.multi.size() < n) s.multi.resize(n);
  // Raw pointers in locals: the stores through `out` (a char pointer) would otherwise make the compiler
  // reload every vector's data pointer after each one.
  const Token* const tokens = doc.tokens.data();
  const char* const text = doc.text.data();
  const size_t text_size = doc.text.size();
  char* const out = s.lower.data();
  std::string_view* const lower_word = s.lower_word.data();
  uint32_t* const wid = s.wid.data();
  uint32_t* const cue = s.cue.data();
  uint32_t* const trigger = s.trigger.data();
  uint32_t* const multi = s.multi.data();
  size_t triggers = 0, multis = 0;
  const EventLexicon::WordIndex index = lexicon.Index();
  constexpr bool kLittle = std::endian::native == std::endian::little;
  size_t o = 0;
  for (size_t t = 0; t < n; ++t) {
    const Token tok = tokens[t];
    const char* const p = text + tok.begin;
    const size_t len = tok.end - tok.begin;
    std::string_view lower;
    uint64_t head;
    bool all_caps;  // two or more bytes, all 'A'..'Z' (a capital abbreviation)
    uint64_t v = 0;
    const bool short_ascii = kLittle && len <= 8 && tok.begin + 8 <= text_size &&
                             ((std::memcpy(&v, p, 8), v &= kLowBytes[len]) & kHigh) == 0;
    if (short_ascii) {
      const uint64_t upper = UpperBytes(v);
      head = v | (upper >> 2);  // 0x80 >> 2 = 0x20, the case bit
      std::memcpy(out + o, &head, 8);
      // Without branches (capitals come in no pattern a predictor learns): all ones when there were any.
      const uintptr_t changed = uintptr_t{0} - static_cast<uintptr_t>(upper != 0);
      const uintptr_t from = reinterpret_cast<uintptr_t>(p);
      lower = std::string_view(
          reinterpret_cast<const char*>(from ^ ((from ^ reinterpret_cast<uintptr_t>(out + o)) & changed)), len);
      o += len & changed;
      all_caps = (len >= 2) & (upper == (kHigh & kLowBytes[len]));  // one-byte tokens are common: no branch
    } else {
      const LongLower l = LowerLong(p, len, tok.begin + len + 8 > text_size, out, o);
      o += l.used;
      lower = l.lower;
      head = EventLexicon::Head(lower);
      all_caps = l.all_caps;
    }
    lower_word[t] = lower;
    // Numbers and punctuation are in no lexicon entry; clitics ("'s", "'ll") are, whatever their kind.
    const EventLexicon::WordSlot& word = tok.kind == TokenKind::kWord || (!lower.empty() && lower[0] == '\'')
                                             ? index.Find(lower, head)
                                             : EventLexicon::kNoWord;
    wid[t] = word.id;
    // Without branches too (about half the words are in the lexicon, in no predictable order): kNoWord has
    // no cue, forms or multiword cues, and the lists take every token, keeping only those that count.
    trigger[triggers] = static_cast<uint32_t>(t);
    triggers += tok.kind == TokenKind::kWord && word.forms;
    // An abbreviation in capitals is a name, not the closed-class word it spells ("the US withdrawal").
    const bool cues = tok.kind != TokenKind::kNumber && !lower.empty() && !all_caps;
    cue[t] = cues ? word.cue : 0;
    multi[multis] = static_cast<uint32_t>(t);
    multis += cues && word.multi;
  }
  s.trigger_count = triggers;
  s.multi_count = multis;
  // The forms and entries the sentence pass will read for the trigger candidates are cold (the other stages
  // ran since the last document): ask for them all now, in a loop whose loads do not wait on each other,
  // rather than one at a time in the middle of FindTriggers.
  for (size_t k = 0; k < triggers; ++k) {
    const EventLexicon::WordInfo& info = lexicon.word_info(wid[trigger[k]]);
    for (uint32_t i = 0; i < info.forms_count; ++i) {
      const EventLexicon::FlatForm& form = lexicon.forms()[info.forms_begin + i];
      const char* entry = reinterpret_cast<const char*>(&lexicon.entry(form.entry));
      __builtin_prefetch(entry);
      __builtin_prefetch(entry + sizeof(events::Entry) - 1);
      if (form.extra_words != 0) __builtin_prefetch(lexicon.rest_words() + form.rest);
    }
  }
  for (size_t j = 0; j < s.multi_count; ++j) {
    const uint32_t t = s.multi[j];
    const EventLexicon::WordInfo& info = lexicon.word_info(s.wid[t]);
    for (uint32_t i = 0; i < info.multi_count; ++i) {
      const EventLexicon::MultiCue& m = lexicon.multi_cues()[info.multi_begin + i];
      bool match = true;
      for (uint8_t k = 0; k < m.extra_words && match; ++k) {
        const size_t u = t + 1 + k;
        match = u < n && s.lower_word[u] == m.rest[k];
      }
      if (match) s.cue[t] |= m.classes;
    }
  }
}

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
  const std::vector<Token>& tokens = doc.tokens;
  s.keys.clear();
  LowerAndLookUp(doc, lexicon_, s);
  // Per token: bit 1 inside a time mention, bit 2 inside a place mention ("Afrin", "Raqqa" are no unknown
  // names of parties).
  s.span_flags.assign(n, 0);
  const auto mark = [&](Span span, uint8_t bit, size_t& hint) {
    size_t t = FirstTokenAt(tokens, span.begin, hint);
    for (; t < n && tokens[t].end <= span.end; ++t) s.span_flags[t] |= bit;
    hint = t;
  };
  size_t hint = 0;
  for (const TimeMention& m : doc.times) mark(m.span, 1, hint);
  hint = 0;
  for (const PlaceMention& m : doc.places) mark(m.span, 2, hint);
  // Project actor mentions onto tokens; the recognised mentions come first, so they win over claimant
  // mentions the source finder appended.
  s.actor_at.assign(n, kNone);
  hint = 0;
  for (uint32_t a = 0; a < doc.actors.size(); ++a) {
    const Span span = doc.actors[a].span;
    size_t t = FirstTokenAt(tokens, span.begin, hint);
    for (; t < n && tokens[t].end <= span.end; ++t) {
      if (s.actor_at[t] == kNone) s.actor_at[t] = a;
    }
    hint = t;
  }
  // A mention that is also a place ("Iran", "Tehran") or that spells its canonical name ("Taliban") is a
  // proper noun, never a demonym.
  std::vector<Span>& place_spans = s.place_spans;
  place_spans.clear();
  for (const PlaceMention& p : doc.places) place_spans.push_back(p.span);
  const auto by_span = [](const Span& x, const Span& y) {
    return x.begin != y.begin ? x.begin < y.begin : x.end < y.end;
  };
  if (!std::is_sorted(place_spans.begin(), place_spans.end(), by_span)) {
    std::sort(place_spans.begin(), place_spans.end(), by_span);
  }
  s.is_name.assign(doc.actors.size(), 0);
  s.in_region.assign(doc.actors.size(), 0);
  s.territory.assign(doc.actors.size(), 0);
  // `after`: std::upper_bound of the mention's span in place_spans, found forward from the previous
  // mention's (mentions come mostly in text order).
  size_t after = 0;
  for (uint32_t a = 0; a < doc.actors.size(); ++a) {
    const ActorMention& m = doc.actors[a];
    if (after > 0 && by_span(m.span, place_spans[after - 1])) {
      after = static_cast<size_t>(
          std::upper_bound(place_spans.begin(), place_spans.begin() + after, m.span, by_span) - place_spans.begin());
    } else {
      while (after < place_spans.size() && !by_span(m.span, place_spans[after])) ++after;
    }
    // The last place span not after the mention's is the mention's span when any is.
    const bool place = after > 0 && place_spans[after - 1].begin == m.span.begin &&
                       place_spans[after - 1].end == m.span.end;
    s.is_name[a] = place || (!m.name.empty() && doc.slice(m.span) == m.name);
    s.territory[a] = place && m.sector == Sector::kNone;
    // A country inside a longer place name ("eastern Syria", "the Syrian town of Baghuz") is territory, not
    // its government: no recipient. Place spans seldom overlap, so the nearest one starting before is it.
    if (after > 0) {
      const Span p = place_spans[after - 1];
      s.in_region[a] = p.begin <= m.span.begin && p.end >= m.span.end && (p.begin < m.span.begin || p.end > m.span.end);
    }
  }
  if (options_.trace) {
    for (const ActorMention& m : doc.actors) {
      const std::string_view text = doc.slice(m.span);
      std::fprintf(stderr, "[actors] %.*s %.*s\n", static_cast<int>(text.size()), text.data(),
                   static_cast<int>(m.country.view().size()), m.country.view().data());
    }
  }
  // A sentence with no word that has forms in the lexicon has no candidate trigger, so no event. Sentences
  // come in text order, so one cursor walks the trigger list (a binary search per sentence cost more).
  size_t k = 0;
  for (const Sentence& sentence : doc.sentences) {
    if (k > 0 && s.trigger[k - 1] >= sentence.token_begin) {  // out of order: never from the text stage
      k = static_cast<size_t>(std::lower_bound(s.trigger.begin(), s.trigger.begin() + static_cast<ptrdiff_t>(k),
                                               sentence.token_begin) - s.trigger.begin());
    }
    while (k < s.trigger_count && s.trigger[k] < sentence.token_begin) ++k;
    s.trigger_begin = k;
    while (k < s.trigger_count && s.trigger[k] < sentence.token_end) ++k;
    s.trigger_end = k;
    if (s.trigger_begin == s.trigger_end) continue;
    SentenceCoder(doc, lexicon_, options_, s, sources, figure_lexicon_, sentence.token_begin, sentence.token_end)
        .Run();
  }
}

}  // namespace annalist
