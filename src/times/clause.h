// Clauses and their tense, as far as the times stage needs them: which way a clause points from the
// dateline ("will meet on Monday" forward, "met on Monday" back), and which clause holds a token.
//
// A clause here is a cheap approximation: the tokens of one sentence between clause breaks — ";", ":",
// brackets, quotation marks, spaced dashes, and a comma before a conjunction or relative word ("…, and", "…,
// which"). Pure functions of the document; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "annalist/document.h"
#include "times/resolve.h"
#include "times/time_lexicon.h"

namespace annalist::times {

// A half-open range of indices into Document::tokens.
struct TokenRange {
  uint32_t begin = 0;
  uint32_t end = 0;
};

// The index of the sentence holding token `token`, or kNone when no sentence does (a document without
// sentences).
uint32_t SentenceOfToken(const Document& doc, uint32_t token);

// The tokens of the sentence holding `token`; the whole document when there are no sentences.
TokenRange SentenceTokens(const Document& doc, uint32_t token);

// The clause holding `token`. REQUIRES: token < doc.tokens.size().
TokenRange ClauseOf(const Document& doc, uint32_t token);

// Whether the clause around tokens [first, last) points forward: the nearest tense cue before the expression
// in its clause decides ("will", "shall", lower-case "may", "might", "scheduled", "due to", "expected",
// "for consideration" → forward; "was", "were", "had", "did", "said", "told" → back); when there is none
// before it, the nearest after it in the clause; with no cue at all, back (news reports the past).
Direction ClauseDirection(const Document& doc, const TimeLexicon& lexicon, uint32_t first, uint32_t last);
// The same, but nullopt when the clause holds no tense cue at all.
std::optional<Direction> ClauseCue(const Document& doc, const TimeLexicon& lexicon, uint32_t first,
                                   uint32_t last);

}  // namespace annalist::times
