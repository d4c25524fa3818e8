// Finding sources. The idea: in news, a figure's source is named by a short list of frames — "according to
// X", "X said", "X told Y", "…, X said", "…”, said X", "a statement from X said" — and a source speaks for
// its sentence, or for the quotation it opens or closes. So the finder scans the tokens once for the verbs
// of saying (figure_lexicon.h, kSpeech), reads the subject to their left (or, inverted, the noun phrase to
// their right), and records the quotations and who opened or closed them.
//
// The subject to the left of a verb is read backwards: over auxiliaries and adverbs ("has also said"), over
// a participial or relative aside between commas (", speaking on Monday at the Atlantic Council," is
// skipped), then over the words of a noun phrase, which may hold "the", "of", "for", "from", a possessive
// and a coordination ("Turkey, the UN and aid groups"). A passive verb ("are estimated to be dead"), an
// adjective ("the estimated 6 million") and a verb with nothing nameable before it are not sources.
//
// Limits. No parse: a long subject with a verb inside it ("workers who fled the camp said") is cut at the
// verb-like word; "he"/"she"/"they" take the last named source, which is wrong when the article has just
// named someone who did not speak; a quotation is tracked by its marks, so an unbalanced straight quote
// flips the rest of its paragraph.
#include "figures/source_finder.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "figures/number_parser.h"

namespace annalist::figures {
namespace {

bool IsOpenQuote(std::string_view t) { return t == "\u201C" || t == "\u00AB"; }
bool IsCloseQuote(std::string_view t) { return t == "\u201D" || t == "\u00BB"; }
bool IsStraightQuote(std::string_view t) { return t == "\""; }

bool EndsWith(std::string_view text, std::string_view tail) {
  return text.size() > tail.size() + 1 && text.substr(text.size() - tail.size()) == tail;
}

bool IsLowerAscii(char c) { return c >= 'a' && c <= 'z'; }

}  // namespace

SourceMap::SourceMap(Document& doc, const FigureLexicon& lexicon)
    : doc_(doc), lexicon_(lexicon), ids_(own_ids_) {
  own_ids_.Assign(doc, lexicon);
  Build();
}

SourceMap::SourceMap(Document& doc, const FigureLexicon& lexicon, const TokenIds& ids)
    : doc_(doc), lexicon_(lexicon), ids_(ids) {
  Build();
}

SourceMap::SourceMap(Document& doc, const FigureLexicon& lexicon, const ClaimSources& found)
    : doc_(doc), lexicon_(lexicon), ids_(own_ids_), adopted_(true), sources_(&found.sources),
      quotes_(&found.quotes) {}

void SourceMap::SaveTo(ClaimSources& out) const {
  out.sources.assign(sources_->begin(), sources_->end());
  out.quotes.assign(quotes_->begin(), quotes_->end());
  out.filled = true;
}

void SourceMap::Build() {
  FindQuotes();
  FindSources();
  // A quotation's speaker: the source whose verb stands just before the opening mark ("He said: “") or just
  // after the closing one ("”, said X", "”, X said").
  for (Quote& q : own_quotes_) {
    for (const Source& s : own_sources_) {
      if ((s.verb < q.open && s.verb + 4 >= q.open) || (s.verb > q.close && s.verb <= q.close + 6)) {
        q.actor = s.actor;
        break;
      }
    }
  }
}

// Whether the words can name a source: some word that is not a function word, a number or an adverb.
bool SourceMap::Nameable(Span words) const {
  const auto first = std::lower_bound(doc_.tokens.begin(), doc_.tokens.end(), words.begin,
                                      [](const Token& t, uint32_t b) { return t.end <= b; });
  for (uint32_t t = static_cast<uint32_t>(first - doc_.tokens.begin()); t < doc_.tokens.size(); ++t) {
    const Token& tok = doc_.tokens[t];
    if (tok.begin >= words.end) break;
    if (tok.kind != TokenKind::kWord) continue;
    const std::string_view text = doc_.token_text(t);
    const WordEntry& e = lexicon_.entry(ids_[t]);
    if (e.has(kNumberWord) || e.has(kVague)) return false;  // "said hundreds of women had fled"
    if (e.has(kPronoun)) return true;
    if (e.has(kStop) || e.has(kAdverb) || text.ends_with("ly")) continue;
    return true;
  }
  return false;
}

bool SourceMap::InTime(uint32_t token) const {
  const uint32_t b = doc_.tokens[token].begin;
  auto it = std::upper_bound(doc_.times.begin(), doc_.times.end(), b,
                             [](uint32_t x, const TimeMention& m) { return x < m.span.begin; });
  return it != doc_.times.begin() && b < (it - 1)->span.end;
}

uint32_t SourceMap::SentenceOf(uint32_t token) const {
  const auto& sentences = doc_.sentences;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.token_begin; });
  if (it == sentences.begin()) return 0;
  return static_cast<uint32_t>(it - sentences.begin() - 1);
}

void SourceMap::FindQuotes() {
  uint32_t open = kNone;
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  for (uint32_t i = 0; i < n; ++i) {
    const Token& t = doc_.tokens[i];
    if (open != kNone && t.has(kTokenParagraphBefore)) {  // quotations do not run across paragraphs here
      own_quotes_.push_back({open, i - 1, kNone});
      open = kNone;
    }
    // Every quotation mark starts with '"', 0xE2 (U+201C, U+201D) or 0xC2 (U+00AB, U+00BB): one test rejects
    // the other tokens.
    const auto first = static_cast<unsigned char>(doc_.text[t.begin]);
    if ((first != '"') & (first != 0xE2) & (first != 0xC2)) continue;
    if (t.kind != TokenKind::kPunct) continue;
    const std::string_view text = doc_.token_text(i);
    if (IsOpenQuote(text) || (IsStraightQuote(text) && open == kNone)) {
      // An opening mark inside an open quotation: the writer dropped a closing one; the first ends here.
      if (open != kNone) own_quotes_.push_back({open, i - 1, kNone});
      open = i;
    } else if ((IsCloseQuote(text) || IsStraightQuote(text)) && open != kNone) {
      own_quotes_.push_back({open, i, kNone});
      open = kNone;
    }
  }
  if (open != kNone && n > 0) own_quotes_.push_back({open, n - 1, kNone});
}

// Reads the subject that ends right before `verb`.
bool SourceMap::SubjectBefore(uint32_t verb, uint32_t sentence_begin, Span& words) const {
  if (verb <= sentence_begin) return false;
  int64_t j = static_cast<int64_t>(verb) - 1;
  // Over auxiliaries and adverbs: "has said", "have also said".
  while (j >= sentence_begin) {
    const WordEntry& e = lexicon_.entry(ids_[static_cast<uint32_t>(j)]);
    if (doc_.tokens[j].has(kTokenPossessive)) break;
    if (!(e.has(kAux) || e.has(kAdverb))) break;
    // A passive or adjectival reading: "are estimated", "is said", "were reported".
    if (e.has(kAux) && static_cast<uint32_t>(j) + 1 == verb) {
      const std::string_view a = doc_.token_text(static_cast<uint32_t>(j));
      if (a == "is" || a == "are" || a == "was" || a == "were" || a == "be" || a == "been" || a == "being") {
        return false;
      }
    }
    --j;
  }
  if (j < static_cast<int64_t>(sentence_begin)) return false;
  // ", speaking on Monday at the Atlantic Council, said": skip a participial or relative aside.
  if (doc_.token_text(static_cast<uint32_t>(j)) == ",") {
    int64_t s = j - 1;
    while (s >= sentence_begin && doc_.token_text(static_cast<uint32_t>(s)) != ",") --s;
    const uint32_t first = static_cast<uint32_t>(s + 1);
    if (first >= static_cast<uint32_t>(j)) return false;
    const std::string_view w = doc_.token_text(first);
    const bool aside = (EndsWith(w, "ing") && IsLowerAscii(w[0])) || TokenIs(doc_, first, "who") ||
                       TokenIs(doc_, first, "which");
    if (!aside || s < static_cast<int64_t>(sentence_begin)) return false;
    j = s - 1;
  }
  // The noun phrase, read backwards.
  const int64_t last = j;
  int64_t first = -1;
  int count = 0;
  bool saw_and = false;
  while (j >= sentence_begin && count < 12) {
    const uint32_t t = static_cast<uint32_t>(j);
    const Token& tok = doc_.tokens[t];
    const std::string_view text = doc_.token_text(t);
    const WordEntry& e = lexicon_.entry(ids_[t]);
    bool take = false;
    if (InTime(t)) {
      take = false;  // "In December Donald Trump said": the date is not the source
    } else if (tok.has(kTokenPossessive)) {
      take = true;
    } else if (tok.kind == TokenKind::kWord) {
      if (TokenIs(doc_, t, "the") || TokenIs(doc_, t, "of") || TokenIs(doc_, t, "for") ||
          TokenIs(doc_, t, "from") || TokenIs(doc_, t, "a") || TokenIs(doc_, t, "an")) {
        take = true;
      } else if (TokenIs(doc_, t, "and")) {
        take = first >= 0;
        saw_and = true;
      } else if (e.has(kPronoun)) {
        take = first < 0;  // a pronoun is a whole subject
        if (take) {
          first = j;
          break;
        }
      } else if (e.has(kStop) || e.has(kCue) || e.has(kSpeech) || e.has(kNonAssertive)) {
        take = false;
      } else if (IsLowerAscii(text[0]) && (EndsWith(text, "ed") || EndsWith(text, "ing")) &&
                 !TokenIs(doc_, t, "armed") && !TokenIs(doc_, t, "united")) {
        take = false;  // a verb-like word: the subject ended after it
      } else {
        take = true;
      }
    } else if (text == "," && saw_and && first >= 0) {
      take = true;  // "Turkey, the UN and aid groups"
    }
    if (!take) break;
    if (tok.kind == TokenKind::kWord && !TokenIs(doc_, t, "and")) first = j;
    --j;
    ++count;
  }
  if (first < 0) return false;
  // Trim a leading "of"/"for"/"from" that the backwards reading may have taken.
  uint32_t b = static_cast<uint32_t>(first);
  while (b < static_cast<uint32_t>(last) &&
         (TokenIs(doc_, b, "of") || TokenIs(doc_, b, "for") || TokenIs(doc_, b, "from"))) {
    ++b;
  }
  words = {doc_.tokens[b].begin, doc_.tokens[static_cast<uint32_t>(last)].end};
  return true;
}

// Reads the noun phrase that starts at `from` ("according to [Gazan authorities]", "said [the spokesman]").
bool SourceMap::NounPhraseAfter(uint32_t from, uint32_t sentence_end, Span& words) const {
  uint32_t j = from, last = kNone;
  while (j < sentence_end && j < from + 10) {
    const Token& tok = doc_.tokens[j];
    const WordEntry& e = lexicon_.entry(ids_[j]);
    bool take = false;
    if (tok.has(kTokenPossessive)) {
      take = true;
    } else if (tok.kind == TokenKind::kWord) {
      take = TokenIs(doc_, j, "the") || TokenIs(doc_, j, "of") || TokenIs(doc_, j, "for") ||
             TokenIs(doc_, j, "from") || TokenIs(doc_, j, "a") || TokenIs(doc_, j, "an") ||
             TokenIs(doc_, j, "same") || !(e.has(kStop) || e.has(kCue) || e.has(kSpeech));
      if (take && last == kNone && (TokenIs(doc_, j, "of") || TokenIs(doc_, j, "for"))) take = false;
    }
    if (!take) break;
    if (!(TokenIs(doc_, j, "of") || TokenIs(doc_, j, "for") || TokenIs(doc_, j, "from"))) last = j;
    ++j;
  }
  if (last == kNone) return false;
  words = {doc_.tokens[from].begin, doc_.tokens[last].end};
  return true;
}

uint32_t SourceMap::ActorFor(Span words) {
  // "a statement from X", "a spokesman for X": X is the source.
  // Mentions of the actors stage inside the words: the last one, unless a coordination leads back to the first
  // member ("Turkey, the UN and aid groups"), or the words end in a head that is not an actor.
  uint32_t chosen = kNone, first = kNone;
  bool coordination = false;
  for (uint32_t a = 0; a < doc_.actors.size(); ++a) {
    const Span s = doc_.actors[a].span;
    if (s.end <= words.begin || s.begin >= words.end) continue;
    if (first == kNone) first = a;
    chosen = a;
  }
  if (chosen != kNone) {
    const std::string_view between =
        doc_.slice({doc_.actors[first].span.end, std::max(doc_.actors[first].span.end, words.end)});
    coordination = between.find(" and ") != std::string_view::npos || between.starts_with(",");
    return coordination ? first : chosen;
  }
  // No mention: the words themselves, less a "statement from" head; of a coordination "A, B and C", A.
  std::string_view text = doc_.slice(words);
  const size_t comma = text.find(", ");
  if (comma != std::string_view::npos && text.find(" and ", comma) != std::string_view::npos) {
    words.end = words.begin + static_cast<uint32_t>(comma);
    text = doc_.slice(words);
  }
  for (std::string_view marker : {" from ", " for ", " by ", " of "}) {
    const size_t at = text.find(marker);
    if (at == std::string_view::npos) continue;
    // Only after a source head ("statement", "spokesman", "report").
    const std::string_view head = text.substr(0, at);
    const size_t space = head.rfind(' ');
    const std::string_view head_word = space == std::string_view::npos ? head : head.substr(space + 1);
    if (lexicon_.Lookup(head_word).has(kSourceHead)) {
      words.begin += static_cast<uint32_t>(at + marker.size());
      break;
    }
  }
  for (uint32_t a = 0; a < doc_.actors.size(); ++a) {
    if (doc_.actors[a].span == words) return a;
  }
  ActorMention mention;
  mention.span = words;
  doc_.actors.push_back(mention);
  return static_cast<uint32_t>(doc_.actors.size() - 1);
}

void SourceMap::FindSources() {
  const uint32_t n = static_cast<uint32_t>(doc_.tokens.size());
  for (uint32_t v = 0; v < n; ++v) {
    // (The rare flag first: one branch the predictor learns, where the kind alone is a coin toss.)
    if (!lexicon_.entry(ids_[v]).has(kSpeech)) continue;
    if (doc_.tokens[v].kind != TokenKind::kWord) continue;
    const uint32_t sentence = SentenceOf(v);
    const uint32_t sb = doc_.sentences.empty() ? 0 : doc_.sentences[sentence].token_begin;
    const uint32_t se = doc_.sentences.empty() ? n : doc_.sentences[sentence].token_end;
    Span words;
    bool found = false;
    bool pronoun = false;
    if (TokenIs(doc_, v, "according")) {
      found = v + 1 < se && TokenIs(doc_, v + 1, "to") && NounPhraseAfter(v + 2, se, words);
    } else {
      // "the estimated 6 million", "an estimated 10,000": an adjective before a number.
      if (TokenIs(doc_, v, "estimated") && v > sb &&
          (TokenIs(doc_, v - 1, "an") || TokenIs(doc_, v - 1, "the"))) {
        continue;
      }
      found = SubjectBefore(v, sb, words);
      if (found) {
        const WordEntry first = lexicon_.Lookup(doc_.slice(words));
        pronoun = first.has(kPronoun);
      } else if (v > sb && (doc_.token_text(v - 1) == "," || IsCloseQuote(doc_.token_text(v - 1)) ||
                            IsStraightQuote(doc_.token_text(v - 1)))) {
        // "…”, said the spokesman." — the phrase ends the clause.
        found = NounPhraseAfter(v + 1, se, words);
        if (found) {
          uint32_t after = v + 1;
          while (after < se && doc_.tokens[after].begin < words.end) ++after;
          found = after >= se || doc_.tokens[after].kind == TokenKind::kPunct;
        }
      }
    }
    if (!found || !Nameable(words)) continue;
    Source source;
    source.verb = v;
    source.sentence = sentence;
    source.words = words;
    if (pronoun) {
      // "He said": the last named source before it.
      for (auto it = own_sources_.rbegin(); it != own_sources_.rend(); ++it) {
        source.actor = it->actor;
        break;
      }
      if (source.actor == kNone) continue;
    } else {
      source.actor = ActorFor(words);
    }
    own_sources_.push_back(source);
  }
}

uint32_t SourceMap::ClaimantOf(uint32_t token) const {
  const uint32_t sentence = SentenceOf(token);
  const Source* best = nullptr;
  uint32_t best_distance = kNone;
  for (const Source& s : *sources_) {
    if (s.sentence != sentence) continue;
    const uint32_t d = s.verb > token ? s.verb - token : token - s.verb;
    if (d < best_distance) {
      best = &s;
      best_distance = d;
    }
  }
  if (best && best->words.begin <= doc_.tokens[token].begin && doc_.tokens[token].begin < best->words.end) {
    return kNone;  // the figure is inside the source's own words ("according to two women who fled")
  }
  if (best) {
    if (best->verb < token) {
      for (uint32_t t = best->verb + 1; t < token; ++t) {
        const WordEntry& e = adopted_ ? lexicon_.Lookup(doc_.token_text(t)) : lexicon_.entry(ids_[t]);
        if (e.has(kNonAssertive)) return kNone;
      }
    }
    return best->actor;
  }
  for (const Quote& q : *quotes_) {
    if (q.open < token && token < q.close) return q.actor;
  }
  return kNone;
}

}  // namespace annalist::figures
