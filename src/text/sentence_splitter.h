// The sentence splitter: groups the tokens of a text into sentences.
//
// A sentence ends
//   * before a line break (news text puts headlines, bylines, captions and "EFE" on lines of their own), so
//     a paragraph break always ends one;
//   * at "." "!" "?" — optionally followed by more of them and by closing quotes or brackets — when the next
//     token can open a sentence: a word or number that does not start with a lower-case letter, an opening
//     quote or bracket, or a symbol ("$", "£");
//   * at "…" or "..." when a capitalised word follows;
//   * at an abbreviation that may end a sentence (an initialism such as "U.S.", an initial, "Inc.", "Jan.")
//     only when a sentence-opening function word follows ("The", "He", "However"; see abbreviations.h),
//     possibly after an opening quote.
//     A title ("Mr.", "Gen.", "Dr.") never ends a sentence.
// A line that starts with "(" or "[" and ends with its closing bracket ("(Read also: …)") is one sentence.
// The known limits are in sentence_splitter.cc.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "annalist/document.h"

namespace annalist {

// Replaces the contents of `sentences` with the sentences of `tokens`: consecutive, non-empty token ranges
// that cover every token exactly once, in order, each with the byte span from its first token's begin to its
// last token's end. No sentences for no tokens. Imposes no length limit (Segmenter does). Linear in
// tokens.size(); reuses the capacity of `sentences`. Thread-safe (no shared state).
// REQUIRES: `tokens` are what Tokenize(text, …) produced for this `text`.
void SplitSentences(std::string_view text, std::span<const Token> tokens, std::vector<Sentence>& sentences);

}  // namespace annalist
