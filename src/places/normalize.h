// The one normalisation shared by the gazetteer compiler (build time) and the recogniser (run time), so a name
// spelled "Shuja’iyya", "Shuja'iyya" or "SHUJAIYYA" and a key compiled from "Shujaʿiyya" meet on the same bytes.
//
// A key is lower-case ASCII words separated by single spaces: Latin letters lose their diacritics ("Ḩamāh" →
// "hamah", "Erdoğan" → "erdogan"), apostrophes, ayn/hamza marks, backquotes and periods vanish ("Nu’man" →
// "numan", "U.S." → "us"), and spaces, hyphens and underscores separate words ("Deir ez-Zor" → "deir ez zor").
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace annalist::places {

// Appends the key form of `text` to `out`. Returns false, leaving `out` in an unspecified state, when `text`
// holds a character no key may hold: a non-Latin letter, a comma, a bracket or other punctuation. An empty
// result is possible (text of separators only).
bool AppendKey(std::string_view text, std::string& out);

// FNV-1a, 64 bits, continued from `hash`; keys are hashed word by word with kKeySeparator between words, so
// hashing a token sequence incrementally gives the hash of the whole key. constexpr, so that tables of fixed
// words can be hashed at compile time.
inline constexpr uint64_t kHashSeed = 0xcbf29ce484222325ull;
inline constexpr char kKeySeparator = ' ';
constexpr uint64_t HashContinue(uint64_t hash, std::string_view bytes) {
  for (unsigned char c : bytes) hash = (hash ^ c) * 0x100000001b3ull;
  return hash;
}
// The hash stored for a whole key; never 0 (0 marks an empty slot).
constexpr uint64_t FinishHash(uint64_t hash) { return hash == 0 ? 1 : hash; }
constexpr uint64_t HashKey(std::string_view key) { return FinishHash(HashContinue(kHashSeed, key)); }

}  // namespace annalist::places
