// ASCII case helpers for the recognisers' word tests. News text is UTF-8; only A-Z fold, which is all the
// closed word lists need (and, unlike <cctype>, it does not depend on the locale).
#pragma once

#include <string_view>

namespace annalist {

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }

// Whether `word` equals `lower` (already lower case) when A-Z in `word` are folded.
inline bool EqualsAsciiLower(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (AsciiLower(word[i]) != lower[i]) return false;
  }
  return true;
}

}  // namespace annalist
