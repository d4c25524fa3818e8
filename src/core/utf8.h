// UTF-8 handling shared by the readers, the text layer and the writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace annalist {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// True when `text` is well-formed UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Replaces every ill-formed byte sequence of `text` with U+FFFD (one per maximal ill-formed subpart, as the
// Unicode standard recommends) and every NUL byte with a space, in place. Returns the number of replacements.
// Fast path: well-formed text without NUL is checked with SIMD and left untouched.
size_t SanitizeUtf8(std::string& text);

// Decodes the code point starting at text[pos] and sets *length to its byte length (1..4).
// REQUIRES: text is valid UTF-8 and pos < text.size().
char32_t DecodeUtf8(std::string_view text, size_t pos, int* length);

// Appends the UTF-8 encoding of `code_point` to `out`.
void AppendUtf8(char32_t code_point, std::string& out);

// Converts byte offsets of one valid UTF-8 text into code-point offsets, the unit RECORDS.md spans use.
// Built once per document in O(n); each lookup is O(kBlock). Lookups at a byte offset inside a multi-byte
// character count that character as started. Not thread-safe to build; const lookups are.
class Utf8Index {
 public:
  Utf8Index() = default;
  explicit Utf8Index(std::string_view text) { Reset(text); }

  // Rebuilds for `text`, reusing memory. `text` must outlive the lookups.
  void Reset(std::string_view text);

  // REQUIRES: byte_offset <= text.size().
  uint32_t CodePointOffset(uint32_t byte_offset) const;

  // The same, counted on from a known offset (`from_code_points` is CodePointOffset(from_byte)): for the end
  // of a span whose begin was just converted, the few bytes between them instead of a block.
  // REQUIRES: from_byte <= byte_offset <= text.size().
  uint32_t CodePointOffsetFrom(uint32_t from_byte, uint32_t from_code_points, uint32_t byte_offset) const;

 private:
  // The code points that start in text[begin, end). REQUIRES: end - begin <= kBlock (the lanes it counts in
  // hold at most 255).
  uint32_t CodePointsBetween(size_t begin, size_t end) const;

  static constexpr uint32_t kBlock = 64;
  std::string_view text_;
  std::vector<uint32_t> block_start_;  // code points before byte kBlock * i
};

}  // namespace annalist
