#include "core/utf8.h"

#include <simdjson.h>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace annalist {
namespace {

// Length of the well-formed sequence at text[pos], or 0 when it is ill-formed (Unicode Table 3-7).
size_t WellFormedLength(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  size_t length;
  unsigned char low = 0x80, high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;  // no surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

}  // namespace

bool IsValidUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

size_t SanitizeUtf8(std::string& text) {
  if (IsValidUtf8(text) && text.find('\0') == std::string::npos) return 0;
  std::string clean;
  clean.reserve(text.size() + 16);
  size_t replacements = 0;
  for (size_t pos = 0; pos < text.size();) {
    const size_t length = WellFormedLength(text, pos);
    if (length == 0) {
      AppendUtf8(kReplacementCharacter, clean);
      ++replacements;
      ++pos;
      // Skip the continuation bytes of this maximal ill-formed subpart, so one broken character gives one U+FFFD.
      while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
    } else if (text[pos] == '\0') {
      clean.push_back(' ');
      ++replacements;
      ++pos;
    } else {
      clean.append(text, pos, length);
      pos += length;
    }
  }
  text.swap(clean);
  return replacements;
}

char32_t DecodeUtf8(std::string_view text, size_t pos, int* length) {
  const auto byte = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(text[i])); };
  const char32_t lead = byte(pos);
  if (lead < 0x80) {
    *length = 1;
    return lead;
  }
  // Truncated input breaks the precondition; answer U+FFFD rather than read past the end.
  const size_t needed = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
  if (pos + needed > text.size()) {
    *length = 1;
    return kReplacementCharacter;
  }
  if (lead < 0xE0) {
    *length = 2;
    return ((lead & 0x1F) << 6) | (byte(pos + 1) & 0x3F);
  }
  if (lead < 0xF0) {
    *length = 3;
    return ((lead & 0x0F) << 12) | ((byte(pos + 1) & 0x3F) << 6) | (byte(pos + 2) & 0x3F);
  }
  *length = 4;
  return ((lead & 0x07) << 18) | ((byte(pos + 1) & 0x3F) << 12) | ((byte(pos + 2) & 0x3F) << 6) |
         (byte(pos + 3) & 0x3F);
}

void AppendUtf8(char32_t code_point, std::string& out) {
  if (code_point < 0x80) {
    out.push_back(static_cast<char>(code_point));
  } else if (code_point < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else if (code_point < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
  }
}

namespace {

#if defined(__SSE2__)
// 0xFF for each continuation byte of the 16 at `p`: 10xxxxxx is, as a signed byte, below -64.
inline __m128i ContinuationMask16(const char* p) {
  return _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), _mm_set1_epi8(-64));
}

// The sum of the 16 byte lanes of `counts`.
inline uint32_t SumOfBytes(__m128i counts) {
  const __m128i sums = _mm_sad_epu8(counts, _mm_setzero_si128());  // two 64-bit sums of eight lanes
  return static_cast<uint32_t>(_mm_cvtsi128_si32(sums) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
}

// 16 bytes of 0xFF and then 16 of zero: loaded at kFirstBytes + 16 - n, a mask of the first n bytes.
alignas(32) constexpr char kFirstBytes[32] = {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1};
#else
// Code points that start in the 8 bytes at `p`: every byte that is not a continuation byte (10xxxxxx).
// Eight bytes at once without popcount, which the default flags cannot assume.
inline uint32_t CodePointStartsIn8(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  const uint64_t continuation = word & ~(word << 1) & 0x8080808080808080ull;
  return 8 - static_cast<uint32_t>(((continuation >> 7) * 0x0101010101010101ull) >> 56);
}
#endif

}  // namespace

void Utf8Index::Reset(std::string_view text) {
  text_ = text;
  block_start_.resize((text.size() + kBlock - 1) / kBlock);
  uint32_t code_points = 0;
  size_t pos = 0;
  for (size_t block = 0; pos + kBlock <= text.size(); pos += kBlock, ++block) {
    block_start_[block] = code_points;
#if defined(__SSE2__)
    // A block's bytes are counted in byte lanes (at most kBlock / 16 each) and summed once: this pass over
    // every byte of every document is most of what the index costs.
    static_assert(kBlock % 16 == 0 && kBlock / 16 < 256);
    __m128i continuation = _mm_setzero_si128();
    for (size_t i = 0; i < kBlock; i += 16) {
      continuation = _mm_sub_epi8(continuation, ContinuationMask16(text.data() + pos + i));
    }
    code_points += kBlock - SumOfBytes(continuation);
#else
    for (size_t i = 0; i < kBlock; i += 8) code_points += CodePointStartsIn8(text.data() + pos + i);
#endif
  }
  if (pos < text.size()) block_start_.back() = code_points;
}

uint32_t Utf8Index::CodePointOffset(uint32_t byte_offset) const {
  const uint32_t block = byte_offset / kBlock;
  if (block >= block_start_.size()) {
    // Only byte_offset == text.size() on a block boundary (or an empty text) lands here.
    if (block_start_.empty()) return 0;
    return block_start_.back() + CodePointsBetween((block_start_.size() - 1) * kBlock, byte_offset);
  }
  return block_start_[block] + CodePointsBetween(size_t{block} * kBlock, byte_offset);
}

uint32_t Utf8Index::CodePointOffsetFrom(uint32_t from_byte, uint32_t from_code_points,
                                        uint32_t byte_offset) const {
  // Farther than a block away, the index is the shorter count.
  if (byte_offset - from_byte > kBlock) return CodePointOffset(byte_offset);
  return from_code_points + CodePointsBetween(from_byte, byte_offset);
}

uint32_t Utf8Index::CodePointsBetween(size_t begin, size_t end) const {
  // The lookups of a document's spans are the writer's hot loop: a few dozen bytes each.
  const char* text = text_.data();
  size_t pos = begin;
  uint32_t code_points = 0;
#if defined(__SSE2__)
  __m128i continuation = _mm_setzero_si128();  // in byte lanes: at most kBlock / 16 + 1 each
  for (; pos + 16 <= end; pos += 16)
    continuation = _mm_sub_epi8(continuation, ContinuationMask16(text + pos));
  // The last few bytes in one load where 16 can be read, masked to those before `end`.
  if (pos < end && pos + 16 <= text_.size()) {
    const __m128i first = _mm_loadu_si128(reinterpret_cast<const __m128i*>(kFirstBytes + 16 - (end - pos)));
    continuation = _mm_sub_epi8(continuation, _mm_and_si128(ContinuationMask16(text + pos), first));
    pos = end;
  }
  code_points = static_cast<uint32_t>(pos - begin) - SumOfBytes(continuation);
#else
  for (; pos + 8 <= end; pos += 8) code_points += CodePointStartsIn8(text + pos);
#endif
  for (; pos < end; ++pos) code_points += (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
  return code_points;
}

}  // namespace annalist
