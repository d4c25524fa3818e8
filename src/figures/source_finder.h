// Who says so: the sources an article gives for what it reports, and which source covers a given token.
//
// A source is "according to X", "X said/says/told/reported/confirmed/estimated …" (also "X, speaking on
// Monday, said" and the inverted "…”, said X"), "a statement from X said" (X), or a pronoun ("he said") that
// stands for the last named source before it. A source covers its own sentence; a quotation is covered by the
// source that introduces or closes it ("He said: “…”"), across as many sentences as the quotation runs. The
// source is an index into Document::actors: the actors stage's mention inside the source's words (the first
// member of a coordination: "Turkey, the UN and aid groups have said" → Turkey), or, when no mention is there
// (actors not recognised or not wired), an ActorMention of the source's words with no name, no country and no
// sector, appended to Document::actors.
#pragma once

#include <cstdint>
#include <vector>

#include "annalist/document.h"
#include "figures/figure_lexicon.h"

namespace annalist::figures {

struct Source {
  uint32_t verb = 0;      // the token of the verb, or of "according"
  uint32_t sentence = 0;  // index into Document::sentences
  Span words;             // the source as written
  uint32_t actor = kNone; // index into Document::actors
};

class SourceMap {
 public:
  // Finds the sources of `doc` and appends an ActorMention for each source no actor mention covers.
  // REQUIRES: doc.tokens and doc.sentences filled; doc.actors as the actors stage left it (may be empty).
  SourceMap(Document& doc, const FigureLexicon& lexicon);
  // The same, reading the entries of doc's tokens from `ids` (TokenIds::Assign on doc and lexicon), which
  // must outlive the SourceMap.
  SourceMap(Document& doc, const FigureLexicon& lexicon, const TokenIds& ids);

  // The actor that claims what token `token` reports, or kNone: the nearest source of the token's sentence
  // (none when a non-assertive verb stands between the source's verb and the token: "Hunt said he wanted
  // the fate of two fighters settled"), else the source of the quotation holding the token.
  uint32_t ClaimantOf(uint32_t token) const;

  const std::vector<Source>& sources() const { return sources_; }

 private:
  struct Quote {
    uint32_t open = 0, close = 0;  // tokens of the opening and closing marks
    uint32_t actor = kNone;
  };
  void FindSources();
  void FindQuotes();
  bool SubjectBefore(uint32_t verb, uint32_t sentence_begin, Span& words) const;
  bool NounPhraseAfter(uint32_t from, uint32_t sentence_end, Span& words) const;
  uint32_t ActorFor(Span words);
  uint32_t SentenceOf(uint32_t token) const;
  bool InTime(uint32_t token) const;
  bool Nameable(Span words) const;

  void Build();

  Document& doc_;
  const FigureLexicon& lexicon_;
  TokenIds own_ids_;      // filled when no ids were given
  const TokenIds& ids_;   // own_ids_ or the caller's
  std::vector<Source> sources_;
  std::vector<Quote> quotes_;
};

}  // namespace annalist::figures
