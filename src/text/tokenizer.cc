// The tokenizer.
//
// One left-to-right pass over the bytes, no backtracking beyond a few bytes of lookahead. An ASCII byte is
// classified by a 256-entry table (char_class.h); only a byte >= 0x80 is decoded to a code point. Runs of
// ASCII letters and digits, the bulk of any news text, are measured sixteen bytes at a time with SSE2 where
// available (table loop elsewhere), which took the Guardian sample from about 240 to 400 MB/s by removing
// the mispredicted branch at each word end; everything else (hyphens, apostrophes, periods, separators in
// numbers) is decided at the first byte that ends such a run.
// Tokens go straight into the caller's vector: no allocation per token, no strings.
//
// The rules come from what later stages need out of news text:
//
// * Numbers. Digits take thousands separators (",000": a comma and exactly three digits), a decimal point
//   (only when a digit follows, so "2023." at a sentence end stays "2023" + "."), a clock colon ("10:30")
//   and hyphens between digits. Dates ("2023-12-21"), ranges ("24-26") and scores ("2-1") are therefore one
//   kNumber; the figures and times stages read the shape and split it. "24–26" with an en dash is three
//   tokens, because the dash is punctuation. A number running into letters ("17-year-old", "1990s", "5bn",
//   "3rd") is one kWord: the letters change what the digits mean, so the token should not look like a plain
//   number.
// * Words. Letters and digits with inner hyphens ("al-Thani", "F-16") and inner apostrophes ("don't",
//   "Shuja’iyya", "O'Brien"). The possessive clitic "'s" is split off ("Jihad" "'s"), as is a bare apostrophe
//   after a word in s ("militants" "’"), both flagged kTokenPossessive; the contractions "it's", "he's",
//   "that's", "let's" … stay whole because their "'s" is a verb. A closing single quote after a word in s
//   ("‘the militants’") is indistinguishable from that plural possessive and is read as one.
// * Periods. An initialism of single letters and periods ("U.S.", "a.m."), a single capital initial ("W.")
//   and a word on the list in abbreviations.cc ("Gen.", "Inc.") keep their period; whether that period also
//   ends a sentence is the splitter's question. "U.S.-led" stays one word. Runs of periods ("...") are one
//   punctuation token, like "…".
#include "text/tokenizer.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <bit>
#include <cstddef>
#include <cstdint>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace annalist {
namespace {

using text_internal::AbbreviationKind;
using text_internal::CharInfo;
using text_internal::kAsciiClass;
using text_internal::kCharDigit;
using text_internal::kCharLetter;
using text_internal::kCharLower;
using text_internal::kCharNewline;
using text_internal::kCharPunct;
using text_internal::kCharSpace;
using text_internal::kCharUpper;
using text_internal::kCharWord;

constexpr uint8_t kCharAnyLetter = kCharUpper | kCharLower | kCharLetter;

constexpr bool IsHyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }
constexpr bool IsApostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Words whose "'s" is "is" or "has" (or "us"), not a possessive.
bool IsContraction(std::string_view word) {
  static constexpr std::string_view kWords[] = {"it",   "he",  "she",   "that", "there", "here",
                                                "what", "who", "where", "let",  "how"};
  if (word.size() > 5) return false;
  char lower[5];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
  const std::string_view folded(lower, word.size());
  for (std::string_view candidate : kWords) {
    if (folded == candidate) return true;
  }
  return false;
}

class Scanner {
 public:
  Scanner(std::string_view text, std::vector<Token>& tokens) : text_(text), tokens_(tokens) {}

  void Run() {
    const size_t n = text_.size();
    size_t pos = 0;
    while (pos < n) {
      const auto byte = static_cast<unsigned char>(text_[pos]);
      // Plain spaces between words come first: they are as common as words.
      if (kAsciiClass[byte] == kCharSpace) {
        gap_ |= kTokenSpaceBefore;
        ++pos;
        continue;
      }
      const CharInfo c = At(pos);
      if (c.cls & (kCharSpace | kCharNewline)) {
        if (c.cls == kCharNewline) {
          // A second line break in the same gap means a blank line.
          if (gap_ & kTokenNewlineBefore) gap_ |= kTokenParagraphBefore;
          gap_ |= kTokenNewlineBefore;
        }
        gap_ |= kTokenSpaceBefore;
        pos += c.length;
      } else if (c.cls == kCharDigit) {
        pos = ScanNumber(pos);
      } else if (c.cls & kCharAnyLetter) {
        pos = ScanWord(pos, c);
      } else if (c.cls == kCharPunct) {
        pos = ScanPunct(pos, c);
      } else {
        Emit(pos, pos + c.length, TokenKind::kSymbol, 0);
        pos += c.length;
      }
    }
  }

 private:
  // Letter case seen so far in a word.
  struct Shape {
    uint32_t upper = 0;
    bool lower = false;
    bool not_ascii_alnum = false;  // a non-ASCII letter, inner hyphen or inner apostrophe (no kTokenLowerAscii)
  };

  CharInfo At(size_t pos) const { return text_internal::ClassifyAt(text_, pos); }
  uint8_t ClassAt(size_t pos) const { return text_internal::ClassAt(text_, pos); }
  bool DigitAt(size_t pos) const { return pos < text_.size() && kAsciiClass[Byte(pos)] == kCharDigit; }
  bool ByteIs(size_t pos, char c) const { return pos < text_.size() && text_[pos] == c; }
  unsigned char Byte(size_t pos) const { return static_cast<unsigned char>(text_[pos]); }

  void Emit(size_t begin, size_t end, TokenKind kind, uint8_t flags) {
    tokens_.push_back(Token{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), kind,
                            static_cast<uint8_t>(flags | gap_)});
    gap_ = 0;
  }

  static uint8_t CaseFlags(uint8_t first_class, const Shape& shape) {
    uint8_t flags = 0;
    if (first_class == kCharUpper) flags |= kTokenCapitalized;
    if (shape.upper >= 2 && !shape.lower) flags |= kTokenAllCaps;
    return flags;
  }

  // Skips the run of ASCII letters and digits at `pos`, counting its letter case into `shape`.
  size_t SkipAsciiWord(size_t pos, Shape& shape) const {
    const size_t n = text_.size();
#if defined(__SSE2__)
    // Sixteen bytes at a time: the end of the run comes from a bit mask instead of a branch per byte, which
    // the branch predictor cannot learn for words of varying length.
    while (pos + 16 <= n) {
      const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text_.data() + pos));
      // In [lo, hi]: shift the range to the bottom of the signed bytes, then one signed comparison.
      const auto in_range = [&bytes](char lo, char hi) {
        const __m128i shifted = _mm_add_epi8(bytes, _mm_set1_epi8(static_cast<char>(-128 - lo)));
        return static_cast<uint32_t>(
            _mm_movemask_epi8(_mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(-128 + hi - lo + 1)))));
      };
      const uint32_t upper = in_range('A', 'Z');
      const uint32_t lower = in_range('a', 'z');
      const uint32_t run = static_cast<uint32_t>(std::countr_one(upper | lower | in_range('0', '9')));
      const uint32_t in_run = (1u << run) - 1;  // run <= 16
      // Only "none, one, two or more" matters (kTokenAllCaps); std::popcount would be a libgcc call without
      // -mpopcnt, which the default flags do not assume.
      const uint32_t upper_in_run = upper & in_run;
      shape.upper += (upper_in_run != 0) + ((upper_in_run & (upper_in_run - 1)) != 0);
      shape.lower |= (lower & in_run) != 0;
      pos += run;
      if (run < 16) return pos;
    }
#endif
    while (pos < n) {
      const uint8_t cls = kAsciiClass[Byte(pos)];
      if ((cls & kCharWord) == 0) break;
      shape.upper += cls == kCharUpper;
      shape.lower |= cls == kCharLower;
      ++pos;
    }
    return pos;
  }

  // Extends a word from `pos` over letters, digits, inner hyphens and inner apostrophes; returns its end.
  size_t ContinueWord(size_t begin, size_t pos, Shape& shape) const {
    const size_t n = text_.size();
    for (;;) {
      pos = SkipAsciiWord(pos, shape);
      if (pos >= n) return pos;
      const CharInfo c = At(pos);
      if (c.cls & kCharWord) {  // only a non-ASCII letter gets here
        shape.upper += c.cls == kCharUpper;
        shape.lower |= c.cls == kCharLower;
        shape.not_ascii_alnum = true;
        pos += c.length;
      } else if (IsHyphen(c.code_point)) {
        if ((ClassAt(pos + c.length) & kCharWord) == 0) return pos;
        shape.not_ascii_alnum = true;
        pos += c.length;
      } else if (IsApostrophe(c.code_point)) {
        const size_t next = pos + c.length;
        if ((ClassAt(next) & kCharAnyLetter) == 0) return pos;
        const bool clitic_s = (text_[next] == 's' || text_[next] == 'S') && !(ClassAt(next + 1) & kCharWord);
        if (clitic_s && !IsContraction(text_.substr(begin, pos - begin))) return pos;
        shape.not_ascii_alnum = true;
        pos = next;
      } else {
        return pos;
      }
    }
  }

  // Splits off a possessive "'s" or bare "'" right after the word or number ending at `pos`.
  size_t ScanPossessive(size_t pos) {
    if (pos >= text_.size()) return pos;
    const CharInfo c = At(pos);
    if (!IsApostrophe(c.code_point)) return pos;
    const size_t next = pos + c.length;
    if ((ByteIs(next, 's') || ByteIs(next, 'S')) && !(ClassAt(next + 1) & kCharWord)) {
      Emit(pos, next + 1, TokenKind::kWord, kTokenPossessive);
      return next + 1;
    }
    const char last = text_[pos - 1];
    if ((last == 's' || last == 'S') && !(ClassAt(next) & kCharWord)) {
      Emit(pos, next, TokenKind::kWord, kTokenPossessive);
      return next;
    }
    return pos;
  }

  size_t ScanWord(size_t begin, const CharInfo& first) {
    Shape shape;
    size_t end;
    uint8_t flags = 0;
    const size_t initialism_end = ScanInitialism(begin, first, shape);
    if (initialism_end != begin) {
      // "U.S." or "W."; "U.S.-led" goes on as a word.
      end = initialism_end;
      const CharInfo next = end < text_.size() ? At(end) : CharInfo{0, 1, 0};
      if (IsHyphen(next.code_point) && (ClassAt(end + next.length) & kCharWord)) {
        end = ContinueWord(begin, end, shape);
      } else {
        flags |= kTokenAbbreviation;
      }
    } else {
      end = ContinueWord(begin, begin, shape);
      if (ByteIs(end, '.') && TakesPeriod(text_.substr(begin, end - begin), end + 1)) {
        ++end;
        flags |= kTokenAbbreviation;
      } else if (first.cls == kCharLower && shape.upper == 0 && !shape.not_ascii_alnum) {
        // Known here from the shape counted anyway; the slow branches of ContinueWord mark the rest.
        flags |= kTokenLowerAscii;
      }
    }
    Emit(begin, end, TokenKind::kWord, flags | CaseFlags(first.cls, shape));
    return ScanPossessive(end);
  }

  // The end of an initialism ("U.S.", "a.m.") or single capital initial ("W.") starting at `begin`, or
  // `begin` when there is none.
  size_t ScanInitialism(size_t begin, const CharInfo& first, Shape& shape) const {
    if (first.length != 1 || !ByteIs(begin + 1, '.')) return begin;
    size_t pos = begin;
    int groups = 0;
    Shape seen;
    while (pos + 1 < text_.size() && text_[pos + 1] == '.') {
      const uint8_t cls = kAsciiClass[Byte(pos)];
      if (cls != kCharUpper && cls != kCharLower) break;
      seen.upper += cls == kCharUpper;
      seen.lower |= cls == kCharLower;
      pos += 2;
      ++groups;
    }
    if (groups < 2 && first.cls != kCharUpper) return begin;
    shape = seen;
    return pos;
  }

  // Whether `word`, followed by a period, keeps it as an abbreviation. `after` is the position after the
  // period.
  bool TakesPeriod(std::string_view word, size_t after) const {
    switch (text_internal::ClassifyAbbreviation(word)) {
      case AbbreviationKind::kNone:
        return false;
      case AbbreviationKind::kTitle:
      case AbbreviationKind::kOther:
        return true;
      case AbbreviationKind::kNumberSign:
        while (ByteIs(after, ' ')) ++after;
        return DigitAt(after);
    }
    return false;
  }

  size_t ScanNumber(size_t begin) {
    const size_t n = text_.size();
    size_t pos = begin;
    for (;;) {
      while (pos < n && kAsciiClass[Byte(pos)] == kCharDigit) ++pos;
      if (pos >= n) break;
      const char c = text_[pos];
      if (c == ',' && DigitAt(pos + 1) && DigitAt(pos + 2) && DigitAt(pos + 3) && !DigitAt(pos + 4)) {
        pos += 4;
      } else if (c == '.' && DigitAt(pos + 1)) {
        pos += 1;
      } else if (c == ':' && DigitAt(pos + 1) && DigitAt(pos + 2) && !DigitAt(pos + 3)) {
        pos += 3;
      } else {
        const CharInfo info = At(pos);
        const uint8_t after = IsHyphen(info.code_point) ? ClassAt(pos + info.length) : 0;
        if (after == kCharDigit) {
          pos += info.length;
        } else if ((info.cls & kCharAnyLetter) || (after & kCharAnyLetter)) {
          Shape shape;
          const size_t end = ContinueWord(begin, pos, shape);
          Emit(begin, end, TokenKind::kWord, CaseFlags(kCharDigit, shape));
          return ScanPossessive(end);
        } else {
          break;
        }
      }
    }
    Emit(begin, pos, TokenKind::kNumber, 0);
    return ScanPossessive(pos);
  }

  size_t ScanPunct(size_t begin, const CharInfo& c) {
    size_t end = begin + c.length;
    if (c.code_point == '.' || c.code_point == '-') {
      while (ByteIs(end, static_cast<char>(c.code_point))) ++end;  // "...", "--"
    }
    Emit(begin, end, TokenKind::kPunct, 0);
    return end;
  }

  std::string_view text_;
  std::vector<Token>& tokens_;
  uint8_t gap_ = 0;  // whitespace flags for the next token
};

}  // namespace

void Tokenize(std::string_view text, std::vector<Token>& tokens) {
  tokens.clear();
  // News text averages about five bytes a token; reserving avoids most regrowth on the first document.
  tokens.reserve(text.size() / 5 + 16);
  Scanner(text, tokens).Run();
}

}  // namespace annalist
