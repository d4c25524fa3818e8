// The figures stage: the counts an article states about people and things of the conflict it reports —
// dead, wounded, missing, hostages taken or still held, people released, arrested or displaced, projectiles
// launched, crowds — with the number as a value (and the upper end of a range), its qualifier, the counted
// group, the figure it is a part of, who claims it, and its date and place.
//
// Adds Document::quantities in text order (one per claim: a figure repeated with the same category, value,
// qualifier and claimant is kept once, at its first mention). Rules: shared/spec/ANNOTATION.md,
// "Quantities"; the algorithm and its limits are described in quantity_recognizer.cc.
#pragma once

#include <cstdint>

#include "annalist/document.h"
#include "figures/figure_lexicon.h"

namespace annalist {

struct QuantityRecognizerOptions {
  // How many content words (function words and auxiliaries do not count) after the counted noun, or before
  // the number, a category cue may stand: "Eight babies in the Rukban camp on the Jordanian border had died"
  // (5 after), "Hamas releases a second group of 17 hostages" (3 before).
  uint32_t cue_window_after = 8;
  uint32_t cue_window_before = 4;
  // A breakdown ("At least 15 children have died … Eight babies … A further seven children") is searched in
  // this many sentences after the total.
  uint32_t breakdown_sentences = 3;
  // No document gets more figures than this (a budget against hostile input); the rest are dropped.
  uint32_t max_quantities_per_document = 10000;
};

class QuantityRecognizer {
 public:
  explicit QuantityRecognizer(const QuantityRecognizerOptions& options = {});

  // Replaces doc.quantities with the figures of doc.text. May append to doc.actors an ActorMention (no name,
  // country or sector) for a source the actors stage did not recognise, so that claimed_by still names who
  // says so. Leaves an error document alone. Thread-safe: the recogniser is immutable.
  // REQUIRES: doc.tokens and doc.sentences (text stage) and doc.times (times stage) filled; doc.places and
  // doc.actors as their stages left them (either may be empty).
  void Process(Document& doc) const;

  const figures::FigureLexicon& lexicon() const { return lexicon_; }

 private:
  QuantityRecognizerOptions options_;
  figures::FigureLexicon lexicon_;
};

}  // namespace annalist
