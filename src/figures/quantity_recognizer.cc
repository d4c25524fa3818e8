// The figures stage.
//
// The idea. A figure is a number plus what it counts plus what happened to what it counts. News writes the
// three in a handful of shapes — "[qualifier] NUMBER [of] [modifiers] NOUN [dead|injured|…]" as subject or
// object of a verb that tells the category ("At least 15 children have died", "handed over 105 captives",
// "massacre more than 200 people", "52,600 injured") — so the stage scans each sentence once, and wherever a
// number starts (number_parser.h) it reads:
//   1. exclusions: a number inside a time mention (years, dates), followed by a unit ("two weeks", "40%",
//      "300 dollars", "tons"), after a currency sign, an age ("aged 17", "ranging in age from five to 15"),
//      after a possessive ("her three children": a family, not a toll), a partitive ("many of the 3 million",
//      "three of the world's");
//   2. the counted noun phrase after the number (after "of" for "hundreds of"), whose head noun has a class
//      (figure_lexicon.h): captives, armed men, refugees, things of the conflict and projectiles are
//      figures by themselves; people in general ("people", "children", "Syrians") only with a category cue,
//      so "3 million civilians reside" and "200 children have been part of the choir" are not figures;
//   3. the category: a word of the toll right after the noun ("20,000 Palestinians dead", "240 kidnapped"),
//      else the nearer of the first cue after the noun phrase in its clause ("have died", "were launched",
//      "who have been displaced", past a relative or a short aside between commas) and the nearest cue
//      before the number ("the release of 240", "murdered tens of thousands of"); cues apply only to the noun
//      classes they fit ("remain" holds only captives, "return" displaces only civilians, "fired" launches
//      only projectiles); else the noun's default (hostages → held, rockets → launched, fighters → other);
//   4. the qualifier before the number ("more than", "the estimated", "as many as"), at_least for a vague
//      plural, and about when the clause says the figure is "estimated" ("7,500 bodies that are estimated to
//      be under the rubble").
// Then, over the document's figures: part_of for "N of them/of whom" (the figure just before in the
// sentence; "of whom" takes that figure's group as its own), "including N", "among them N", and for a
// breakdown whose parts add up exactly to a total stated in the sentences before ("At least 15 children …
// Eight babies … A further seven children"); a figure with no category of its own takes its whole's, and a
// bare number right after a coordination takes the category of the figure before it ("for the estimated
// 6 million Syrians who have been displaced …, and for the estimated 4 million living in Jordan"); a
// definite repeat ("The two men … are being held") merges into the figure it repeats, lending it its
// category; and repeats of the same claim are dropped. claimed_by comes from source_finder.h (a "further"
// figure continues the claim before it), the date from the times stage's GoverningTime, the place is the
// nearest place mention of the clause, else of the sentence.
//
// Limits. No parse: the cue is found by distance, so a clause with two counted groups and two verbs can lend
// the wrong verb; a counted noun the lexicon does not know gets a figure only with a cue right beside it;
// populations are told from tolls only by the lack of a cue, so "home to 50,000 people" is a figure only
// in a camp. Cumulative tolls are dated by their clause, not as "since the war began" spans.
#include "figures/quantity_recognizer.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <optional>
#include <string>

#include "figures/number_parser.h"
#include "figures/source_finder.h"
#include "times/governing_time.h"

namespace annalist {
namespace {

using figures::FigureLexicon;
using figures::NounClass;
using figures::NumberMatch;
using figures::QualifierMatch;
using figures::SourceMap;
using figures::TokenIs;
using figures::WordEntry;
using QC = QuantityCategory;

// Whether a cue of `category` (with the entry's flags) can tell what happened to a group of class `cls`.
bool Applies(QC category, const WordEntry& e, NounClass cls) {
  const bool thing = cls == NounClass::kThing || cls == NounClass::kProjectile;
  if (e.has(figures::kCaptiveOnly)) return cls == NounClass::kCaptive;
  switch (category) {
    case QC::kLaunched:
      return cls == NounClass::kProjectile;
    case QC::kDisplaced:
      return cls == NounClass::kPeople || cls == NounClass::kRefugee || cls == NounClass::kNone;
    case QC::kParticipants:
      return cls == NounClass::kPeople || cls == NounClass::kCrowd || cls == NounClass::kNone;
    case QC::kOther:
      return false;
    default:
      return !thing;
  }
}

struct Candidate {
  Quantity q;
  uint32_t first = 0;      // the number's first token
  uint32_t qual_first = 0; // the qualifier's first token (== first when none)
  uint32_t np_end = 0;     // the token after the counted noun phrase
  uint32_t sentence = 0;
  bool has_category = false;
  bool partitive = false;   // "N of them", "N of whom": part of the figure before
  bool of_whom = false;
  bool including = false;   // "including N", "among them N"
  bool definite = false;    // "the two men"
  bool continuation = false;// "a further seven"
  bool bare = false;        // no counted noun
  bool noun_default = false;// the category came from the noun alone
  bool dropped = false;
};

// The buffers of a Recognizer, kept by each thread across documents (with the capacity of the largest
// document the thread recognised), so that a document allocates none.
struct RecognizerScratch {
  figures::TokenIds ids;
  std::vector<Candidate> candidates;
};

class Recognizer {
 public:
  Recognizer(Document& doc, const FigureLexicon& lexicon, const QuantityRecognizerOptions& options,
             RecognizerScratch& scratch)
      : doc_(doc), lexicon_(lexicon), options_(options), ids_(scratch.ids), candidates_(scratch.candidates) {
    candidates_.clear();
  }

  void Run() {
    ids_.Assign(doc_, lexicon_);
    SourceMap sources(doc_, lexicon_, ids_);
    sources.SaveTo(doc_.claim_sources);  // for the events stage
    for (uint32_t s = 0; s < doc_.sentences.size(); ++s) {
      const Sentence& sentence = doc_.sentences[s];
      for (uint32_t i = sentence.token_begin; i < sentence.token_end; ++i) {
        if (!MayStartNumberAt(i)) continue;
        if (InTime(i)) continue;
        std::optional<NumberMatch> m = figures::ParseNumber(doc_, lexicon_, i, sentence.token_end);
        if (!m) continue;
        Consider(*m, s);
        i = m->end - 1;
        if (candidates_.size() >= options_.max_quantities_per_document) break;
      }
    }
    Relate(sources);
    Emit();
  }

 private:
  const WordEntry& Entry(uint32_t t) const { return lexicon_.entry(ids_[t]); }

  // Whether figures::ParseNumber could find a number at word token `t`: most words cannot, and this test
  // reads only the token's entry and bytes. A superset of ParseNumber's word forms: digits with a suffix
  // ("2.5m"), "a"/"an" before a scale word, a number word, a vague plural, a hyphenated number word.
  // Whether token `t` is a number token or a word at which MayStartNumber holds. Computed without a branch on
  // the token's bytes (every token is asked, and few can start a number: the caller's one branch is almost
  // never taken): a token of up to sixteen bytes is read in two eight-byte loads.
  bool MayStartNumberAt(uint32_t t) const {
    const Token& token = doc_.tokens[t];
    if (token.kind == TokenKind::kNumber) return true;
    const uint32_t size = token.end - token.begin;
    const char* const text = doc_.text.data() + token.begin;
    if (std::endian::native != std::endian::little || size > 16 || doc_.text.size() - token.begin < 16) {
      return token.kind == TokenKind::kWord && MayStartNumber(t);
    }
    uint64_t w0, w1;
    std::memcpy(&w0, text, 8);
    std::memcpy(&w1, text + 8, 8);
    // The bytes past the token are masked off (zero).
    w0 &= size >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * size)) - 1;
    w1 &= size >= 16 ? ~uint64_t{0} : size <= 8 ? 0 : (uint64_t{1} << (8 * (size - 8))) - 1;
    constexpr uint64_t kOnes = 0x0101010101010101ull;
    // A '-' among the token's bytes: a zero byte of w ^ "--------" (a masked-off byte is never zero after it).
    const uint64_t dashes0 = w0 ^ ('-' * kOnes), dashes1 = w1 ^ ('-' * kOnes);
    const bool hyphen = (((dashes0 - kOnes) & ~dashes0) | ((dashes1 - kOnes) & ~dashes1)) & (0x80 * kOnes);
    const auto first = static_cast<unsigned char>(w0);
    const bool digit = static_cast<unsigned>(first - '0') < 10;
    // "a" or "an", ASCII case-insensitive (b | 0x20 is 'a' only for 'A' and 'a', 'n' only for 'N' and 'n').
    const uint64_t folded = w0 | 0x2020;
    const bool article =
        ((size == 1) & ((folded & 0xFF) == 'a')) | ((size == 2) & ((folded & 0xFFFF) == ('a' | 'n' << 8)));
    const bool number_word = (Entry(t).flags & (figures::kNumberWord | figures::kVague)) != 0;
    return (token.kind == TokenKind::kWord) & (number_word | digit | article | hyphen);
  }

  bool MayStartNumber(uint32_t t) const {
    const WordEntry& e = Entry(t);
    if (e.has(figures::kNumberWord) || e.has(figures::kVague)) return true;
    const std::string_view text = doc_.token_text(t);
    if (text[0] >= '0' && text[0] <= '9') return true;
    if (TokenIs(doc_, t, "a") || TokenIs(doc_, t, "an")) return true;
    // (A loop in line: a word is a few bytes, and memchr's call cost more than the search.)
    for (const char c : text) {
      if (c == '-') return true;
    }
    return false;
  }

  bool InTime(uint32_t token) const {
    const Span span = doc_.tokens[token].span();
    auto it = std::upper_bound(doc_.times.begin(), doc_.times.end(), span.begin,
                               [](uint32_t b, const TimeMention& m) { return b < m.span.begin; });
    if (it == doc_.times.begin()) return false;
    --it;
    return it->span.begin <= span.begin && span.begin < it->span.end;
  }

  bool IsNumberToken(uint32_t t) const {
    if (doc_.tokens[t].kind == TokenKind::kNumber) return true;
    const WordEntry e = Entry(t);
    return e.has(figures::kNumberWord) || e.has(figures::kVague);
  }

  // Whether token `t` starts an object: a number or a qualifier word.
  bool HasObject(uint32_t t) const {
    return IsNumberToken(t) || TokenIs(doc_, t, "more") || TokenIs(doc_, t, "at") || TokenIs(doc_, t, "about") ||
           TokenIs(doc_, t, "some") || TokenIs(doc_, t, "up") || TokenIs(doc_, t, "over") ||
           TokenIs(doc_, t, "around") || TokenIs(doc_, t, "nearly");
  }

  bool Capitalized(uint32_t t) const { return doc_.tokens[t].has(kTokenCapitalized); }

  // A word that counts towards a cue window: not a function word or auxiliary.
  bool Content(uint32_t t) const {
    const WordEntry e = Entry(t);
    return doc_.tokens[t].kind == TokenKind::kWord && !e.has(figures::kStop) && !e.has(figures::kAux);
  }

  // The first applicable cue after the noun phrase, within the clause: its category and distance (in content
  // words, 1 for the first).
  std::optional<std::pair<QC, uint32_t>> CueAfter(uint32_t from, uint32_t end, NounClass cls,
                                                 bool& estimate) const {
    bool in_relative = false;
    uint32_t steps = 0;
    for (uint32_t k = from; k < end && steps < options_.cue_window_after; ++k) {
      const Token& tok = doc_.tokens[k];
      const std::string_view text = doc_.token_text(k);
      if (tok.kind == TokenKind::kPunct) {
        if (text != ",") break;
        if (in_relative) {  // the comma that closes ", who …,"
          in_relative = false;
          continue;
        }
        if (k + 1 < end && (TokenIs(doc_, k + 1, "who") || TokenIs(doc_, k + 1, "which"))) {
          in_relative = true;
          continue;
        }
        // A short aside between commas ("mostly under one year old"): skipped when it holds no digits.
        uint32_t c = k + 1;
        bool ok = true;
        while (c < end && c < k + 9 && doc_.token_text(c) != ",") {
          if (doc_.tokens[c].kind == TokenKind::kNumber || doc_.tokens[c].kind == TokenKind::kPunct) ok = false;
          ++c;
        }
        if (!ok || c >= end || doc_.token_text(c) != ",") break;
        k = c;
        continue;
      }
      if (IsNumberToken(k)) break;
      if ((TokenIs(doc_, k, "and") || TokenIs(doc_, k, "but") || TokenIs(doc_, k, "or") ||
           TokenIs(doc_, k, "while")) &&
          k + 1 < end &&
          (Capitalized(k + 1) || TokenIs(doc_, k + 1, "the") || TokenIs(doc_, k + 1, "a") ||
           IsNumberToken(k + 1) ||
           (Entry(k + 1).has(figures::kCue) && k + 2 < end && HasObject(k + 2)))) {
        break;  // another clause, or a verb with its own object ("killed 20 and wounded 30")
      }
      if (InTime(k)) continue;
      if (Content(k)) ++steps;
      const WordEntry e = Entry(k);
      if (e.has(figures::kEstimate)) estimate = true;
      if (TokenIs(doc_, k, "hostage") && k > 0 &&
          (TokenIs(doc_, k - 1, "taken") || TokenIs(doc_, k - 1, "took"))) {
        if (cls != NounClass::kThing && cls != NounClass::kProjectile) return std::make_pair(QC::kAbducted, steps);
      }
      if (e.has(figures::kCue) && Applies(e.cue_category, e, cls)) return std::make_pair(e.cue_category, steps);
    }
    return std::nullopt;
  }

  // The nearest applicable cue before token `from`, within the clause; distance in content words.
  std::optional<std::pair<QC, uint32_t>> CueBefore(uint32_t from, uint32_t begin, NounClass cls) const {
    uint32_t steps = 0;
    for (uint32_t k = from; k > begin && steps < options_.cue_window_before;) {
      --k;
      if (doc_.tokens[k].kind == TokenKind::kPunct || IsNumberToken(k)) break;
      if (InTime(k)) continue;
      // "killed in two separate airstrikes": a preposition puts the number outside the verb's object.
      const WordEntry stop = Entry(k);
      if (stop.has(figures::kStop) && !TokenIs(doc_, k, "of") && !TokenIs(doc_, k, "over") &&
          !TokenIs(doc_, k, "a") && !TokenIs(doc_, k, "an") && !TokenIs(doc_, k, "the") &&
          !TokenIs(doc_, k, "and") && !stop.has(figures::kAux) && !stop.has(figures::kAdverb) &&
          !stop.has(figures::kSpeech) && !stop.has(figures::kPossessive)) {
        break;
      }
      if (Content(k)) ++steps;
      const WordEntry e = Entry(k);
      if (e.has(figures::kCue) && Applies(e.cue_category, e, cls)) {
        return std::make_pair(e.cue_category, std::max<uint32_t>(steps, 1));
      }
    }
    return std::nullopt;
  }

  bool CampNearby(uint32_t sentence) const {
    const uint32_t from = doc_.sentences[sentence > 0 ? sentence - 1 : 0].token_begin;
    for (uint32_t k = from; k < doc_.sentences[sentence].token_end; ++k) {
      if (TokenIs(doc_, k, "camp") || TokenIs(doc_, k, "camps")) return true;
    }
    return false;
  }

  void Consider(const NumberMatch& m, uint32_t s) {
    const uint32_t sb = doc_.sentences[s].token_begin, se = doc_.sentences[s].token_end;
    if (m.value <= 0 || InTime(m.end - 1)) return;
    const QualifierMatch qual = figures::ParseQualifierBefore(doc_, lexicon_, m.first, sb);
    const uint32_t qf = qual.first;
    auto before = [&](uint32_t back) -> std::optional<uint32_t> {
      if (qf < sb + back) return std::nullopt;
      return qf - back;
    };
    auto before_is = [&](uint32_t back, std::string_view w) {
      const auto t = before(back);
      return t && TokenIs(doc_, *t, w);
    };
    // 1. Exclusions.
    if (m.first > sb && Entry(m.first - 1).has(figures::kCurrency)) return;
    if (auto p = before(1); p && Entry(*p).has(figures::kCurrency)) return;
    if (m.end < se && Entry(m.end).has(figures::kUnit)) return;
    if (m.next < se && m.next != m.end && Entry(m.next).has(figures::kUnit)) return;
    if (m.end < se && doc_.token_text(m.end) == "%") return;
    for (uint32_t back = 1; back <= 4; ++back) {
      if (auto p = before(back); p && Entry(*p).has(figures::kAgeWord)) return;
    }
    if (auto p = before(1); p && Entry(*p).has(figures::kPossessive)) return;
    if (before_is(2, "of") && (before_is(1, "the") || before_is(1, "these") || before_is(1, "those"))) return;
    if (auto p = before(1); p && doc_.tokens[*p].has(kTokenAbbreviation) && TokenIs(doc_, *p, "no.")) return;
    if (before_is(1, "number") || before_is(1, "no")) return;
    // "Dean Evans, 22, from Warminster": an age in apposition.
    if (doc_.tokens[m.first].kind == TokenKind::kNumber && m.value < 120 && before_is(1, ",") && m.end < se &&
        doc_.token_text(m.end) == "," && qf == m.first) {
      return;
    }
    bool partitive = false, of_whom = false;
    if (!m.vague && m.end < se && TokenIs(doc_, m.end, "of")) {
      if (m.end + 1 < se && (TokenIs(doc_, m.end + 1, "them") || TokenIs(doc_, m.end + 1, "whom"))) {
        partitive = true;
        of_whom = TokenIs(doc_, m.end + 1, "whom");
      } else {
        return;  // "three of the world's", "one of many lulls"
      }
    }
    Candidate c;
    c.first = m.first;
    c.qual_first = qf;
    c.sentence = s;
    c.partitive = partitive;
    c.of_whom = of_whom;
    c.including = before_is(1, "including") || (before_is(2, "among") && (before_is(1, "them") ||
                                                                          before_is(1, "whom")));
    c.continuation = (before(1) && Entry(*before(1)).has(figures::kContinuation));
    c.definite = qf == m.first && before_is(1, "the");
    // 2. The counted noun phrase.
    uint32_t start = partitive ? m.end + 2 : m.next;
    while (start < se && (TokenIs(doc_, start, "more") || TokenIs(doc_, start, "other") ||
                          TokenIs(doc_, start, "additional") || TokenIs(doc_, start, "new"))) {
      ++start;
    }
    uint32_t head = kNone, unknown_last = kNone, k = start;
    NounClass cls = NounClass::kNone;
    WordEntry head_entry;
    for (; k < se && k < start + 5; ++k) {
      const Token& tok = doc_.tokens[k];
      if (tok.kind != TokenKind::kWord) break;
      const WordEntry e = Entry(k);
      if (e.has(figures::kTollAdjective)) break;
      if (e.noun != NounClass::kNone) {
        head = k;
        cls = e.noun;
        head_entry = e;
        if (e.noun == NounClass::kToll) {
          ++k;
          break;
        }
        continue;
      }
      if (e.has(figures::kStop) || e.has(figures::kAux) || e.has(figures::kCue) || e.has(figures::kSpeech) ||
          e.has(figures::kUnit) || e.has(figures::kNumberWord) || e.has(figures::kVague)) {
        break;
      }
      const std::string_view text = doc_.token_text(k);
      const bool lower = text[0] >= 'a' && text[0] <= 'z';
      if (lower && (text.ends_with("ed") || text.ends_with("ing"))) break;
      if (head != kNone) break;
      unknown_last = k;
    }
    const uint32_t np_end = k;
    bool unknown_noun = false;
    if (head == kNone && unknown_last != kNone && !partitive) {
      head = unknown_last;
      unknown_noun = true;
    }
    if (head != kNone && !(cls == NounClass::kToll && head_entry.has(figures::kTollAdjective))) {
      c.q.who = {doc_.tokens[start].begin, doc_.tokens[head].end};
    }
    c.bare = head == kNone;
    if (c.bare && m.word && m.value == 1 && !partitive) return;  // "one" alone is a pronoun
    // "Over 100,000 including YPD Kurdish forces": the class of the group named after "including".
    if (c.bare && start < se && TokenIs(doc_, start, "including")) {
      for (uint32_t j = start + 1; j < se && j < start + 5; ++j) {
        const WordEntry e = Entry(j);
        if (e.noun != NounClass::kNone && e.noun != NounClass::kToll) {
          cls = e.noun;
          break;
        }
      }
    }
    // 3. The category.
    std::optional<QC> category;
    uint32_t cue_distance = 0;
    if (cls == NounClass::kToll) category = head_entry.noun_category;
    if (np_end < se) {
      const WordEntry e = Entry(np_end);
      if (e.has(figures::kTollAdjective) && Applies(e.noun_category, e, cls)) category = e.noun_category;
    }
    bool estimate = false;
    if (!category) {
      const auto after = CueAfter(np_end, se, cls, estimate);
      const auto prior = CueBefore(qf, sb, cls);
      // A bare number takes a cue before it only when the cue governs it ("killed 20", "injuring 30").
      const bool prior_ok = prior && (!c.bare || prior->second <= 1);
      if (after && (!prior_ok || after->second < prior->second)) {
        category = after->first;
        cue_distance = after->second;
      } else if (prior_ok) {
        category = prior->first;
        cue_distance = prior->second;
      }
    } else {
      CueAfter(np_end, se, cls, estimate);
    }
    if (before_is(2, "home") && before_is(1, "to")) {
      if (!CampNearby(s)) return;
      category = QC::kDisplaced;
    }
    if (!category) {
      switch (cls) {
        case NounClass::kCaptive:
          category = QC::kHeld;
          break;
        case NounClass::kProjectile:
          category = QC::kLaunched;
          break;
        case NounClass::kCrowd:
          category = QC::kParticipants;
          break;
        case NounClass::kArmed:
        case NounClass::kRefugee:
        case NounClass::kThing:
          category = QC::kOther;
          break;
        default:
          break;
      }
      c.noun_default = category.has_value();
    }
    if (unknown_noun && category && cue_distance > 3) return;
    if (m.value == 1 && c.noun_default) return;  // "one rebel official said": a person, not a count
    c.has_category = category.has_value();
    if (category) c.q.category = *category;
    if (!category && !partitive && !c.including && !c.bare) return;
    // 4. The number and its qualifier.
    c.q.span = m.span;
    c.q.value = m.value;
    c.q.high = m.high;
    c.q.qualifier = qual.qualifier;
    if (m.vague && c.q.qualifier == Qualifier::kExact) c.q.qualifier = Qualifier::kAtLeast;
    if (estimate && c.q.qualifier == Qualifier::kExact) c.q.qualifier = Qualifier::kAbout;
    c.np_end = np_end;
    candidates_.push_back(c);
  }

  // part_of, inherited categories, claims, dates and places, repeats.
  void Relate(const SourceMap& sources) {
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      Candidate& c = candidates_[i];
      const Candidate* prev = i > 0 && candidates_[i - 1].sentence == c.sentence ? &candidates_[i - 1] : nullptr;
      if ((c.partitive || c.including) && prev) {
        c.q.part_of = i - 1;
        if (!c.has_category) {
          c.q.category = prev->q.category;
          c.has_category = true;
        }
        if (c.of_whom) c.q.who = prev->q.who;
      }
      if (prev && !c.partitive && !c.including && (!c.has_category || c.noun_default)) {
        bool joined = false;
        uint32_t gap = 0;
        bool only_links = true;
        for (uint32_t t = prev->np_end; t < c.qual_first; ++t, ++gap) {
          if (TokenIs(doc_, t, "and")) joined = true;
          if (!(TokenIs(doc_, t, "and") || TokenIs(doc_, t, "or") || doc_.token_text(t) == ",")) only_links = false;
        }
        if (joined && prev->has_category && ((c.bare && gap <= 30) || only_links)) {
          c.q.category = prev->q.category;
          c.has_category = true;
        }
      }
      if (!c.has_category) {
        c.dropped = true;
        continue;
      }
      c.q.claimed_by = sources.ClaimantOf(c.first);
      if (c.q.claimed_by == kNone && c.continuation) {
        for (uint32_t j = i; j-- > 0;) {
          const Candidate& p = candidates_[j];
          if (p.dropped) continue;
          if (p.sentence + 1 >= c.sentence && p.q.category == c.q.category) c.q.claimed_by = p.q.claimed_by;
          break;
        }
      }
      const Span clause = ClauseSpanOfToken(doc_, c.first);
      c.q.date = GoverningTime(doc_, clause, c.q.span.begin);
      c.q.place = PlaceNear(clause, c.sentence, c.q.span.begin);
    }
    // A definite repeat ("The two men") merges into the figure it repeats.
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      Candidate& c = candidates_[i];
      if (c.dropped || !c.definite) continue;
      for (uint32_t j = i; j-- > 0;) {
        Candidate& g = candidates_[j];
        if (g.sentence + 2 < c.sentence) break;
        if (g.dropped || g.q.value != c.q.value) continue;
        if (g.q.category == QC::kOther && c.q.category != QC::kOther) g.q.category = c.q.category;
        c.dropped = true;
        break;
      }
    }
    Breakdowns();
  }

  // "At least 15 children have died … Eight babies … had died … A further seven children had died": parts
  // that add up exactly to a total stated just before are parts of it.
  void Breakdowns() {
    for (uint32_t a = 0; a < candidates_.size(); ++a) {
      const Candidate& total = candidates_[a];
      if (total.dropped || total.q.part_of != kNone || total.q.value < 2 || total.q.high) continue;
      double sum = 0;
      std::vector<uint32_t> parts;
      for (uint32_t b = a + 1; b < candidates_.size(); ++b) {
        const Candidate& p = candidates_[b];
        if (p.sentence > total.sentence + options_.breakdown_sentences) break;
        if (p.dropped || p.q.category != total.q.category || p.sentence == total.sentence) continue;
        if (p.q.part_of != kNone || p.q.value >= total.q.value || p.q.high) break;
        sum += p.q.value;
        parts.push_back(b);
        if (sum >= total.q.value) break;
      }
      if (parts.size() >= 2 && sum == total.q.value) {
        for (uint32_t b : parts) candidates_[b].q.part_of = a;
      }
    }
  }

  uint32_t PlaceNear(Span clause, uint32_t sentence, uint32_t at) const {
    const Span sent = doc_.sentences[sentence].span;
    uint32_t best = kNone, best_distance = kNone;
    for (int pass = 0; pass < 2 && best == kNone; ++pass) {
      const Span scope = pass == 0 ? clause : sent;
      for (uint32_t p = 0; p < doc_.places.size(); ++p) {
        const Span s = doc_.places[p].span;
        if (s.begin < scope.begin || s.end > scope.end) continue;
        const uint32_t d = s.begin > at ? s.begin - at : at - s.begin;
        if (d < best_distance) {
          best = p;
          best_distance = d;
        }
      }
    }
    return best;
  }

  // Who claims a figure, as a comparable key: the actor's name, else its words lower-cased.
  std::string ClaimKey(uint32_t actor) const {
    if (actor == kNone) return {};
    const ActorMention& a = doc_.actors[actor];
    std::string key(a.name.empty() ? doc_.slice(a.span) : a.name);
    for (char& ch : key) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return key;
  }

  void Emit() {
    std::vector<uint32_t> index(candidates_.size(), kNone);
    doc_.quantities.clear();
    for (uint32_t i = 0; i < candidates_.size(); ++i) {
      Candidate& c = candidates_[i];
      if (c.dropped) continue;
      bool repeat = false;
      for (uint32_t j = 0; j < i && !repeat; ++j) {
        const Candidate& o = candidates_[j];
        if (index[j] == kNone) continue;
        if (o.q.category == c.q.category && o.q.value == c.q.value && o.q.high == c.q.high &&
            o.q.qualifier == c.q.qualifier && ClaimKey(o.q.claimed_by) == ClaimKey(c.q.claimed_by)) {
          index[i] = index[j];
          repeat = true;
        }
      }
      if (repeat) continue;
      index[i] = static_cast<uint32_t>(doc_.quantities.size());
      Quantity q = c.q;
      q.part_of = q.part_of == kNone ? kNone : index[q.part_of];
      doc_.quantities.push_back(q);
    }
  }

  Document& doc_;
  const FigureLexicon& lexicon_;
  const QuantityRecognizerOptions& options_;
  figures::TokenIds& ids_;  // the lexicon entry of every token
  std::vector<Candidate>& candidates_;
};

}  // namespace

QuantityRecognizer::QuantityRecognizer(const QuantityRecognizerOptions& options) : options_(options) {}

void QuantityRecognizer::Process(Document& doc) const {
  doc.quantities.clear();
  doc.claim_sources.clear();
  if (doc.is_error() || doc.sentences.empty()) return;
  thread_local RecognizerScratch scratch;
  Recognizer(doc, lexicon_, options_, scratch).Run();
}

}  // namespace annalist
