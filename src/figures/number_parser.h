// Numbers as news writes them, and the qualifier before them. Pure functions of the tokens; thread-safe.
//
//   digits with separators   "20,000" "52,600" "1.2"       decimals with a scale   "1.2 million" "2.5m" "5bn"
//   number words             "twenty" "thirty-five" "a dozen" "a hundred" "two hundred" "six million"
//   vague plurals            "hundreds" "thousands" "dozens of" "scores of" "tens of thousands"  → lower bound
//   ranges                   "between 30 and 40" "30 to 40" "30-40" "30–40" "two or three"      → value, high
//   qualifiers before        "more than" "over" "upwards of" "at least" "around" "some" "an estimated"
//                            "up to" "as many as" "a maximum of" "fewer than" "under" …
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "annalist/document.h"
#include "figures/figure_lexicon.h"

namespace annalist::figures {

struct NumberMatch {
  uint32_t first = 0;  // tokens of the number: [first, end)
  uint32_t end = 0;
  uint32_t next = 0;   // the first token after the number phrase, past the "of" of "hundreds of"
  double value = 0;
  std::optional<double> high;  // the upper end of a range
  bool vague = false;          // a vague plural: value is its lower bound, the qualifier is at_least
  bool word = false;           // written in words ("twenty", "a dozen"), not digits
  Span span;                   // the bytes of [first, end)
};

// The number that starts at token `i`, reading no further than token `limit` (exclusive; the sentence end);
// nullopt when no number starts there. "a"/"an" starts a number only before a scale word ("a dozen").
std::optional<NumberMatch> ParseNumber(const Document& doc, const FigureLexicon& lexicon, uint32_t i,
                                       uint32_t limit);

struct QualifierMatch {
  Qualifier qualifier = Qualifier::kExact;
  uint32_t first = 0;  // the first token of the qualifier phrase; the number's first token when none
};

// The qualifier phrase that ends right before token `first`, not reaching before token `floor`.
// "over" after a particle verb ("handed over 105") is not a qualifier.
QualifierMatch ParseQualifierBefore(const Document& doc, const FigureLexicon& lexicon, uint32_t first,
                                    uint32_t floor);

// ASCII case-insensitive equality of a token's text with a lower-case word. Inline: the recogniser asks it
// of many tokens, and most answers are a length mismatch.
inline bool TokenIs(const Document& doc, uint32_t token, std::string_view lower_word) {
  const Token& t = doc.tokens[token];
  if (t.end - t.begin != lower_word.size()) return false;
  const char* text = doc.text.data() + t.begin;
  for (size_t i = 0; i < lower_word.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // std::tolower of the "C" locale
    if (c != lower_word[i]) return false;
  }
  return true;
}

}  // namespace annalist::figures
