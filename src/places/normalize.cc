// Key normalisation. The folding table for Latin letters is generated (fold_table.inc, make_fold_table.py);
// everything else is a short list of marks that news and GeoNames spell interchangeably.
#include "places/normalize.h"

namespace annalist::places {
namespace {

#include "places/fold_table.inc"

// Decodes one code point of valid-or-not UTF-8; an invalid lead byte decodes as itself with length 1.
char32_t Decode(std::string_view s, size_t i, size_t* len) {
  const auto b = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) { return i + k < s.size() ? (static_cast<unsigned char>(s[i + k]) & 0x3F) : 0u; };
  if (b < 0x80) { *len = 1; return b; }
  if ((b >> 5) == 6 && i + 1 < s.size()) { *len = 2; return ((b & 0x1Fu) << 6) | cont(1); }
  if ((b >> 4) == 14 && i + 2 < s.size()) { *len = 3; return ((b & 0x0Fu) << 12) | (cont(1) << 6) | cont(2); }
  if ((b >> 3) == 30 && i + 3 < s.size()) {
    *len = 4;
    return ((b & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  }
  *len = 1;
  return b;
}

bool IsDroppedMark(char32_t c) {
  switch (c) {
    case '\'': case '`': case '.':
    case 0x2018: case 0x2019: case 0x201B: case 0x02BC: case 0x02BB: case 0x02BE: case 0x02BF: case 0x00B4:
    case 0x02B9: case 0x0301:  // modifier prime, combining acute
      return true;
    default:
      return false;
  }
}

bool IsSeparator(char32_t c) {
  return c == ' ' || c == '-' || c == '_' || c == 0x2010 || c == 0x2011 || c == 0x00A0;
}

}  // namespace

bool AppendKey(std::string_view text, std::string& out) {
  const size_t start = out.size();
  bool pending_separator = false;
  auto emit = [&](std::string_view letters) {
    if (pending_separator && out.size() > start) out.push_back(kKeySeparator);
    pending_separator = false;
    out.append(letters);
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    const char32_t c = Decode(text, i, &len);
    i += len;
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        const char lower = static_cast<char>(c - 'A' + 'a');
        emit(std::string_view(&lower, 1));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
        const char same = static_cast<char>(c);
        emit(std::string_view(&same, 1));
      } else if (IsSeparator(c)) {
        pending_separator = true;
      } else if (!IsDroppedMark(c)) {
        return false;
      }
    } else if (c >= 0xC0 && c < 0x250) {
      const char* folded = kFoldLatin[c - 0xC0];
      if (*folded == 0) return false;
      emit(folded);
    } else if (c >= 0x1E00 && c < 0x1F00) {
      const char* folded = kFoldLatinAdditional[c - 0x1E00];
      if (*folded == 0) return false;
      emit(folded);
    } else if (IsSeparator(c)) {
      pending_separator = true;
    } else if (!IsDroppedMark(c)) {
      return false;
    }
  }
  return true;
}

}  // namespace annalist::places
