// The tokenizer: splits a text into word, number, punctuation and symbol tokens, as byte spans.
//
// The rules keep news text intact (the reasons are in tokenizer.cc):
//   * numbers keep their separators: "20,000", "52,600", "1.2", "2023-12-21", "24-26", "10:30" are one
//     kNumber each; a period joins only when a digit follows, so "in 2023." is "2023" + ".";
//   * a number that runs into letters is a word: "17-year-old", "1990s", "3rd", "5bn" are kWord;
//   * words keep inner hyphens and apostrophes: "al-Thani", "thirty-five", "don't", "Shuja’iyya", "it's";
//   * the possessive "'s" / "’s" is its own token, flagged kTokenPossessive ("Jihad's" -> "Jihad" "'s"), and
//     so is a bare apostrophe after a word ending in s ("militants’" -> "militants" "’");
//   * initialisms ("U.S.", "U.N.", "a.m."), single capital initials ("W.") and the abbreviations listed in
//     abbreviations.cc ("Gen.", "Mr.", "Inc.", "No." before a number) keep their period and are flagged
//     kTokenAbbreviation; any other period is a kPunct token;
//   * quotes, brackets, dashes and "…" / "..." are kPunct; "%", "$", "€", "£", "&", "/" are kSymbol;
//   * any non-ASCII code point that is not a listed space, punctuation mark or symbol is a letter.
//
// Flags: kTokenCapitalized (the first character is an upper-case letter), kTokenAllCaps (at least two
// upper-case letters and no lower-case one), kTokenAbbreviation, kTokenPossessive, and the whitespace before
// the token: kTokenSpaceBefore, kTokenNewlineBefore (a line break), kTokenParagraphBefore (a blank line).
// The first token carries the flags of any whitespace that opens the text.
#pragma once

#include <string_view>
#include <vector>

#include "annalist/document.h"

namespace annalist {

// Replaces the contents of `tokens` with the tokens of `text`, in order, non-overlapping, each a non-empty
// span on UTF-8 character boundaries that holds no whitespace. Whitespace belongs to no token. Reuses the
// capacity of `tokens`; does not allocate otherwise. Linear in text.size(). Thread-safe (no shared state).
// REQUIRES: text is valid UTF-8 and text.size() <= UINT32_MAX.
void Tokenize(std::string_view text, std::vector<Token>& tokens);

}  // namespace annalist
