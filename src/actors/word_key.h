// Word keys: how the actors matcher compares a word of a dictionary phrase with a word of an article.
//
// A key is the word folded to lower-case ASCII where a Latin letter has an ASCII base ("Erdoğan" → "erdogan",
// "Çavuşoğlu" → "cavusoglu"), with typographic apostrophes made plain ("children’s" → "children's"). Hyphens
// separate words, so "al-Thani", "al Thani" and "Al-Thani" all become the keys "al" "thani". Letters outside
// Latin-1 and Latin Extended-A are kept as they are (no case folding), which is enough for English news.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annalist::actors {

// The case a word is written in, as far as matching cares.
enum class WordShape : uint8_t {
  kLower,        // first letter lower case, or no letter ("al", "troops", "'s")
  kCapitalized,  // first letter upper case, some later letter lower case ("Hamas")
  kAllCaps,      // two or more letters, none lower case ("UN", "U.S.", "HTS")
};

// What a dictionary word demands of the article's word.
enum class CaseRule : uint8_t {
  kAnyCase,      // dictionary word written in lower case, or a particle ("al", "bin", "de")
  kCapitalized,  // written capitalized: the article's word must start with a capital (all caps also do)
  kAllCaps,      // written in capitals (an acronym): the article's word must be all caps too
};

// Appends the key of `word` (one word: no spaces, no hyphens) to `out`, after clearing it.
void WordKey(std::string_view word, std::string* out);

// The shape of `word`.
WordShape ShapeOf(std::string_view word);

// The rule a dictionary word written as `word` imposes. Particles of Arabic, Dutch, French… names ("al", "bin",
// "de", "van") never constrain case, so "Al Thani" in a dictionary matches "al-Thani".
CaseRule RuleOf(std::string_view word);

// True when an article word of shape `shape` satisfies `rule`.
inline bool Satisfies(CaseRule rule, WordShape shape) {
  // Bit 3 * rule + shape of a table, not a switch: the matcher asks this for every word of every phrase it
  // finds, and the answer varies with the text. kAnyCase: any shape; kCapitalized: kCapitalized or kAllCaps;
  // kAllCaps: kAllCaps only.
  constexpr uint32_t kAllowed = 0b100'110'111;
  return (kAllowed >> (3 * static_cast<uint32_t>(rule) + static_cast<uint32_t>(shape))) & 1;
}

// Splits a dictionary phrase into its words the way the tokenizer and the matcher split an article: at spaces,
// underscores and hyphens, with a possessive "'s" / "’s" as a word of its own. Empty words are dropped.
std::vector<std::string_view> SplitPhrase(std::string_view phrase);

// True for a connecting word inside names ("of", "the", "and", "for", "al", "bin", "de", …): such words never
// constrain case.
bool IsParticle(std::string_view key);

}  // namespace annalist::actors
