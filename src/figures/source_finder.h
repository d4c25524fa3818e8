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

using Source = ClaimSource;  // include/annalist/document.h

class SourceMap {
 public:
  // Finds the sources of `doc` and appends an ActorMention for each source no actor mention covers.
  // REQUIRES: doc.tokens and doc.sentences filled; doc.actors as the actors stage left it (may be empty).
  SourceMap(Document& doc, const FigureLexicon& lexicon);
  // The same, reading the entries of doc's tokens from `ids` (TokenIds::Assign on doc and lexicon), which
  // must outlive the SourceMap.
  SourceMap(Document& doc, const FigureLexicon& lexicon, const TokenIds& ids);
  // Adopts the sources the figures stage found and kept (`found`, normally doc.claim_sources; REQUIRES:
  // found.filled, and `found` outlives the SourceMap) instead of finding them again. Reads the token entries
  // with FigureLexicon::Lookup. The figures stage's claimant mentions are already in doc.actors.
  SourceMap(Document& doc, const FigureLexicon& lexicon, const ClaimSources& found);

  // Copies the sources and quotations into `out` and sets out.filled.
  void SaveTo(ClaimSources& out) const;

  // The actor that claims what token `token` reports, or kNone: the nearest source of the token's sentence
  // (none when a non-assertive verb stands between the source's verb and the token: "Hunt said he wanted
  // the fate of two fighters settled"), else the source of the quotation holding the token.
  uint32_t ClaimantOf(uint32_t token) const;

  const std::vector<Source>& sources() const { return *sources_; }
  const std::vector<Quotation>& quotes() const { return *quotes_; }

 private:
  using Quote = Quotation;
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
  const TokenIds& ids_;   // own_ids_ or the caller's; unused when adopted
  bool adopted_ = false;  // the sources came from ClaimSources; look entries up by text
  std::vector<Source> own_sources_;
  std::vector<Quote> own_quotes_;
  const std::vector<Source>* sources_ = &own_sources_;  // own_sources_ or the adopted ones
  const std::vector<Quote>* quotes_ = &own_quotes_;
};

}  // namespace annalist::figures
