// The times stage: finds every time expression of an article and resolves it against the dateline.
//
// Adds Document::times: one TimeMention per expression that names a day, month, year, weekday or a span
// relative to the publication date ("this Thursday", "November 24", "in the last week", "late last year",
// "since 2014"), in text order, non-overlapping, each with its value as a DayInterval. The rules are those of
// shared/spec/ANNOTATION.md, "Times"; the algorithm and its limits are described in time_tagger.cc.
#pragma once

#include <cstdint>

#include "annalist/document.h"
#include "times/time_lexicon.h"

namespace annalist {

struct TimeTaggerOptions {
  // A numeric date whose first two fields could each be the day or the month ("3/4/2019") is read day first
  // (3 April), as in British and most non-US news; false reads it month first (4 March).
  bool day_first_numeric_dates = true;
  // Bare four-digit numbers with no temporal word before them are years only inside this range, so counts
  // ("1500 fighters") and codes mostly are not.
  int32_t min_bare_year = 1900;
  int32_t max_bare_year = 2100;
  // No document gets more time mentions than this (a budget against hostile input); the rest are dropped.
  uint32_t max_times_per_document = 10000;
};

class TimeTagger {
 public:
  explicit TimeTagger(const TimeTaggerOptions& options = {});

  // Replaces doc.times with the time expressions of doc.text, in text order. Expressions relative to the
  // publication date are resolved against doc.date; when it is unset only absolute ones ("24 November
  // 2023", "in 2014") are kept. Leaves an error document alone. Thread-safe: the tagger is immutable.
  // REQUIRES: doc.tokens and doc.sentences filled by the text stage (Segmenter).
  void Process(Document& doc) const;

  // The stage's vocabulary, for callers of times::ClauseDirection (clause.h). Lives as long as the tagger.
  const times::TimeLexicon& lexicon() const { return lexicon_; }

 private:
  TimeTaggerOptions options_;
  times::TimeLexicon lexicon_;
};

}  // namespace annalist
