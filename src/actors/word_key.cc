// Folding is table-free: the Latin-1 Supplement and Latin Extended-A blocks are small enough to describe by
// ranges, and everything else is copied byte for byte.
#include "actors/word_key.h"

#include <array>

namespace annalist::actors {
namespace {

// Decodes the code point at text[*i] (valid UTF-8 assumed) and advances *i.
uint32_t Decode(std::string_view text, size_t* i) {
  const auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
  const uint8_t b0 = byte(*i);
  if (b0 < 0x80) return text[(*i)++];
  int extra = b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
  uint32_t cp = b0 & (0x3F >> extra);
  size_t k = *i + 1;
  for (; extra > 0 && k < text.size(); --extra, ++k) cp = (cp << 6) | (byte(k) & 0x3F);
  *i = k;
  return cp;
}

// The lower-case ASCII base of a Latin letter in U+00C0..U+017F, or nullptr when it has none.
const char* LatinBase(uint32_t cp) {
  if (cp >= 0xC0 && cp <= 0xFF) {
    static constexpr std::array<const char*, 64> kLatin1 = {
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   //
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "ss",  //
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   //
        "d", "n", "o", "o", "o", "o", "o", nullptr, "o", "u", "u", "u", "u", "y", "th", "y"};
    return kLatin1[cp - 0xC0];
  }
  struct Range {
    uint32_t first, last;
    const char* base;
  };
  static constexpr Range kExtendedA[] = {
      {0x100, 0x105, "a"}, {0x106, 0x10D, "c"}, {0x10E, 0x111, "d"}, {0x112, 0x11B, "e"}, {0x11C, 0x123, "g"},
      {0x124, 0x127, "h"}, {0x128, 0x131, "i"}, {0x132, 0x133, "ij"}, {0x134, 0x135, "j"}, {0x136, 0x138, "k"},
      {0x139, 0x142, "l"}, {0x143, 0x14B, "n"}, {0x14C, 0x151, "o"}, {0x152, 0x153, "oe"}, {0x154, 0x159, "r"},
      {0x15A, 0x161, "s"}, {0x162, 0x167, "t"}, {0x168, 0x173, "u"}, {0x174, 0x175, "w"}, {0x176, 0x178, "y"},
      {0x179, 0x17E, "z"}, {0x17F, 0x17F, "s"}};
  for (const Range& range : kExtendedA) {
    if (cp >= range.first && cp <= range.last) return range.base;
  }
  return nullptr;
}

// Letter case for the letters this file folds; other code points count as neither.
bool IsUpper(uint32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130 || cp == 0x178) return true;
    if (cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return false;
    const bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    return odd_upper ? (cp & 1) == 1 : (cp & 1) == 0;
  }
  return false;
}

bool IsLower(uint32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF) return cp != 0xF7;
  if (cp >= 0x100 && cp <= 0x17F) return !IsUpper(cp);
  return false;
}

}  // namespace

void WordKey(std::string_view word, std::string* out) {
  out->clear();
  for (size_t i = 0; i < word.size();) {
    const size_t start = i;
    const uint32_t cp = Decode(word, &i);
    if (cp < 0x80) {
      out->push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp));
    } else if (cp == 0x2019 || cp == 0x2018 || cp == 0x02BC) {
      out->push_back('\'');
    } else if (const char* base = LatinBase(cp)) {
      out->append(base);
    } else {
      out->append(word.substr(start, i - start));
    }
  }
}

WordShape ShapeOf(std::string_view word) {
  int letters = 0;
  bool first_upper = false, any_lower = false;
  for (size_t i = 0; i < word.size();) {
    const uint32_t cp = Decode(word, &i);
    const bool upper = IsUpper(cp), lower = IsLower(cp);
    if (!upper && !lower) continue;
    if (letters == 0) first_upper = upper;
    any_lower |= lower;
    ++letters;
  }
  if (!first_upper) return WordShape::kLower;
  return letters >= 2 && !any_lower ? WordShape::kAllCaps : WordShape::kCapitalized;
}

bool IsParticle(std::string_view key) {
  static constexpr std::string_view kParticles[] = {
      "'s", "a", "ad", "al", "an", "and", "as", "ash", "at", "ath", "az", "bin", "bint", "da", "de", "del",
      "della", "der", "des", "di", "du", "el", "for", "ibn", "in", "la", "le", "of", "on", "the", "ud", "ul",
      "van", "von", "y", "ya", "z", "zu"};
  for (std::string_view particle : kParticles) {
    if (key == particle) return true;
  }
  return false;
}

CaseRule RuleOf(std::string_view word) {
  std::string key;
  WordKey(word, &key);
  if (IsParticle(key)) return CaseRule::kAnyCase;
  switch (ShapeOf(word)) {
    case WordShape::kLower: return CaseRule::kAnyCase;
    case WordShape::kCapitalized: return CaseRule::kCapitalized;
    case WordShape::kAllCaps: return CaseRule::kAllCaps;
  }
  return CaseRule::kAnyCase;
}

std::vector<std::string_view> SplitPhrase(std::string_view phrase) {
  std::vector<std::string_view> words;
  size_t start = 0;
  const auto flush = [&](size_t end) {
    if (end > start) words.push_back(phrase.substr(start, end - start));
  };
  for (size_t i = 0; i < phrase.size();) {
    const char c = phrase[i];
    if (c == ' ' || c == '_' || c == '-' || c == '\t') {
      flush(i);
      start = ++i;
      continue;
    }
    // A possessive clitic at the end of a word: "Children's", "children’s".
    const bool ascii_s = c == '\'' && i + 1 < phrase.size() && phrase[i + 1] == 's';
    const bool curly_s = phrase.substr(i, 4) == "\xE2\x80\x99s";
    if ((ascii_s || curly_s) && i > start) {
      const size_t clitic_end = i + (ascii_s ? 2 : 4);
      if (clitic_end == phrase.size() || phrase[clitic_end] == ' ' || phrase[clitic_end] == '_') {
        flush(i);
        words.push_back(phrase.substr(i, clitic_end - i));
        start = i = clitic_end;
        continue;
      }
    }
    ++i;
  }
  flush(phrase.size());
  return words;
}

}  // namespace annalist::actors
