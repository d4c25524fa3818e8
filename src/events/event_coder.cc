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
//    ("conducting car bombings", "held talks") or of any verb whose object it is ("are expanding
//    cooperation"). A compound subject of a reciprocal act ("Israel and Hamas reached a truce") gives actor A,
//    recipient B. A relative pronoun stands for its antecedent, a participial clause takes the main clause's
//    subject, a subordinate "as"/"although" clause has its own. Parties no dictionary names become mentions
//    with no country: a patient phrase ("massacred more than 200 people", a passive's subject), an unnamed
//    by-phrase ("a coup attempt by a group of fighters"), an unknown name before the verb.
// 4. Governors (design note P6). A trigger flagged governor= (refuse, decline, promise, threaten, call for,
//    agree, deny, announce, allege; verbs and nouns) absorbs the first trigger of its complement and takes type, mode and CAMEO from
//    data/events/combine.tsv: "refused to continue with negotiations" is REJECT meet 125; "promises to
//    continue war" is THREATEN violence 138. A noun in the complement that has an actor of its own stays an
//    event ("declined three offers put on the table by the mediators": the offers are the mediators' AGREE).
//    DENY keeps its complement with status denied; ANNOUNCE and ALLEGE are events only through a listed
//    complement (an announced retreat is CONCEDE; a claim of another party's violence an ACCUSE of it, the
//    violence kept with its claimant).
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
#include <cstdio>
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
      // Numbers and punctuation are in no lexicon entry; clitics ("'s", "'ll") are, whatever their kind.
      const bool lookup = doc.tokens[t].kind == TokenKind::kWord || (m > 0 && out[o] == '\'');
      s.wid[t] = lookup ? lexicon_.FindWord(std::string_view(out + o, m), h) : 0;
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
  // Per token: bit 1 inside a time mention, bit 2 inside a place mention ("Afrin", "Raqqa" are no unknown
  // names of parties).
  s.span_flags.assign(n, 0);
  const auto mark = [&](Span span, uint8_t bit) {
    auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), span.begin,
                               [](const Token& tok, uint32_t begin) { return tok.begin < begin; });
    for (size_t t = static_cast<size_t>(it - doc.tokens.begin()); t < n && doc.tokens[t].end <= span.end; ++t) {
      s.span_flags[t] |= bit;
    }
  };
  for (const TimeMention& m : doc.times) mark(m.span, 1);
  for (const PlaceMention& m : doc.places) mark(m.span, 2);
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
  s.in_region.assign(doc.actors.size(), 0);
  s.territory.assign(doc.actors.size(), 0);
  for (uint32_t a = 0; a < doc.actors.size(); ++a) {
    const ActorMention& m = doc.actors[a];
    const bool place = std::binary_search(place_spans.begin(), place_spans.end(), m.span, by_span);
    s.is_name[a] = place || (!m.name.empty() && doc.slice(m.span) == m.name);
    s.territory[a] = place && m.sector == Sector::kNone;
    // A country inside a longer place name ("eastern Syria", "the Syrian town of Baghuz") is territory, not
    // its government: no recipient. Place spans seldom overlap, so the nearest one starting before is it.
    auto it = std::upper_bound(place_spans.begin(), place_spans.end(), m.span, by_span);
    if (it != place_spans.begin()) {
      const Span p = *(it - 1);
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
  for (const Sentence& sentence : doc.sentences) {
    SentenceCoder(doc, lexicon_, options_, s, sources, figure_lexicon_, sentence.token_begin, sentence.token_end)
        .Run();
  }
}

}  // namespace annalist
