// Character classes for the text layer: what the tokenizer and the sentence splitter need to know about a
// character, and nothing more.
//
// ASCII bytes are classified by one 256-entry table; only a byte >= 0x80 pays for decoding, and its code
// point is classified by a short list of ranges (spaces, dashes, quotes, currency and a few symbol blocks).
// Every other non-ASCII code point is a letter, so Arabic, Cyrillic or accented words stay whole; letter case
// is known for Latin, Greek and Cyrillic only (other scripts are caseless letters).
//
// Internal to src/text. Everything here is constexpr or inline and thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"

namespace annalist::text_internal {

// Class bits; a character has exactly one of them.
enum CharClass : uint8_t {
  kCharUpper = 1 << 0,    // an upper-case letter
  kCharLower = 1 << 1,    // a lower-case letter
  kCharDigit = 1 << 2,    // ASCII 0-9
  kCharLetter = 1 << 3,   // a caseless letter (Arabic, CJK, marks, anything not listed below)
  kCharSpace = 1 << 4,    // horizontal whitespace, including U+00A0 and U+2000..U+200B
  kCharNewline = 1 << 5,  // \n, U+0085, U+2028, U+2029 (\r counts as a space, so \r\n is one line break)
  kCharPunct = 1 << 6,    // . , ; : ! ? ( ) [ ] { } quotes, dashes, ellipsis
  kCharSymbol = 1 << 7,   // % $ € £ & / # @ and other symbols
};

// The classes a word or number may be made of.
inline constexpr uint8_t kCharWord = kCharUpper | kCharLower | kCharDigit | kCharLetter;

// ASCII byte -> CharClass; 0 for bytes >= 0x80, which need ClassifyCodePoint.
inline constexpr std::array<uint8_t, 256> kAsciiClass = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 0x80; ++c) table[c] = kCharSymbol;  // control characters and the rest of ASCII
  for (int c = 'A'; c <= 'Z'; ++c) table[c] = kCharUpper;
  for (int c = 'a'; c <= 'z'; ++c) table[c] = kCharLower;
  for (int c = '0'; c <= '9'; ++c) table[c] = kCharDigit;
  for (char c : std::string_view(" \t\r\f\v")) table[static_cast<unsigned char>(c)] = kCharSpace;
  table['\n'] = kCharNewline;
  for (char c : std::string_view(".,;:!?()[]{}\"'`-")) table[static_cast<unsigned char>(c)] = kCharPunct;
  return table;
}();

// The class of a non-ASCII code point. REQUIRES: code_point >= 0x80.
constexpr uint8_t ClassifyCodePoint(char32_t cp) {
  if (cp < 0x100) {  // Latin-1 Supplement
    if (cp == 0x85) return kCharNewline;
    if (cp == 0xA0) return kCharSpace;
    if (cp == 0xA1 || cp == 0xAB || cp == 0xBB || cp == 0xBF) return kCharPunct;  // ¡ « » ¿
    if (cp == 0xAD) return kCharLetter;  // a soft hyphen stays inside its word
    if (cp < 0xC0) return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? kCharLower : kCharSymbol;
    if (cp == 0xD7 || cp == 0xF7) return kCharSymbol;  // × ÷
    return cp < 0xDF ? kCharUpper : kCharLower;
  }
  if (cp < 0x180) {  // Latin Extended-A: pairs of upper/lower, whose parity flips twice
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return kCharLower;
    if (cp == 0x178) return kCharUpper;
    const bool odd_is_upper = (cp >= 0x139 && cp <= 0x148) || cp >= 0x179;
    return ((cp & 1) == 1) == odd_is_upper ? kCharUpper : kCharLower;
  }
  if (cp >= 0x386 && cp < 0x3D0) return cp < 0x3AC ? kCharUpper : kCharLower;  // Greek
  if (cp >= 0x400 && cp < 0x460) return cp < 0x430 ? kCharUpper : kCharLower;  // Cyrillic
  if ((cp >= 0x460 && cp < 0x482) || (cp >= 0x48A && cp < 0x530) || (cp >= 0x1E00 && cp < 0x1F00)) {
    return (cp & 1) == 0 ? kCharUpper : kCharLower;  // Cyrillic and Latin extensions in upper/lower pairs
  }
  if (cp < 0x1680) {
    return (cp == 0x60C || cp == 0x61F || cp == 0x6D4) ? kCharPunct : kCharLetter;  // Arabic ، ؟ ۔
  }
  if (cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 ||
      cp == 0xFEFF) {
    return kCharSpace;
  }
  if (cp == 0x2028 || cp == 0x2029) return kCharNewline;
  if (cp >= 0x2010 && cp <= 0x205E) {  // General Punctuation
    if (cp <= 0x201F || (cp >= 0x2024 && cp <= 0x2027) || (cp >= 0x2032 && cp <= 0x203A)) return kCharPunct;
    return kCharSymbol;  // † • ‰ ※ …
  }
  if ((cp >= 0x20A0 && cp < 0x2150) || (cp >= 0x2190 && cp < 0x2C00)) return kCharSymbol;  // € ™ → ■ ★
  if (cp == 0x3001 || cp == 0x3002) return kCharPunct;                                     // 、 。
  if (cp == 0xFFFD || (cp >= 0x1F000 && cp < 0x1FB00)) return kCharSymbol;  // replacement, emoji
  return kCharLetter;
}

// One character of a text: its code point, byte length and class.
struct CharInfo {
  char32_t code_point;
  int length;
  uint8_t cls;
};

// REQUIRES: text is valid UTF-8 and pos < text.size().
inline CharInfo ClassifyAt(std::string_view text, size_t pos) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) return {byte, 1, kAsciiClass[byte]};
  CharInfo info{0, 1, 0};
  info.code_point = DecodeUtf8(text, pos, &info.length);
  info.cls = ClassifyCodePoint(info.code_point);
  return info;
}

// Like ClassifyAt, but 0 (no class) past the end of the text.
inline uint8_t ClassAt(std::string_view text, size_t pos) {
  return pos < text.size() ? ClassifyAt(text, pos).cls : 0;
}

}  // namespace annalist::text_internal
