// Pieces and raw matches: the first half of a DocumentMatcher's work (document_matcher.h). Every word token
// is cut at its hyphens into pieces, each with its normalised key, and from every capitalised piece the
// gazetteer is probed one more piece at a time for the longest name (place_recognizer.cc tells the idea).
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "places/document_matcher.h"

namespace annalist::places {
namespace {

bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }

// 1 for every byte but an ASCII lower-case letter or digit: a token of only those is its own key.
constexpr std::array<uint8_t, 256> kNotLowerAlnum = [] {
  std::array<uint8_t, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
  return table;
}();
bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }

// A first letter outside ASCII: upper case when the code point is a Latin capital (Ś, Ş, Ż, Ḩ …). Latin-1
// capitals are U+00C0..U+00DE; in Latin Extended-A and Additional, capitals are the even code points.
bool IsNonAsciiUpper(std::string_view s) {
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (s.size() < 2) return false;
  const auto b1 = static_cast<unsigned char>(s[1]);
  if (b0 == 0xC3) return b1 >= 0x80 && b1 <= 0x9E && b1 != 0x97;
  if (b0 == 0xC4 || b0 == 0xC5) return (b1 & 1) == 0;
  if (b0 == 0xE1 && s.size() >= 3 && (b1 == 0xB8 || b1 == 0xB9 || b1 == 0xBA || b1 == 0xBB)) {
    return (static_cast<unsigned char>(s[2]) & 1) == 0;
  }
  return false;
}

}  // namespace

inline void DocumentMatcher::AddPieces(uint32_t t, uint8_t flags) {
  const Token& token = doc_.tokens[t];
  const char* const text = doc_.text.data();
  const uint32_t token_end = token.end;  // a local: the key bytes written below may alias anything
  ReserveKeys(token_end - token.begin);
  uint32_t start = token.begin;
  for (;;) {
    char* const out = keys_.data() + key_end_;
    uint64_t hash = places::kHashSeed;
    uint32_t upper = 0, lower = 0;
    bool other = false;
    uint32_t end = start;
    for (; end < token_end; ++end) {
      char c = text[end];
      if (c == '-') break;
      if (IsAsciiLower(c)) {
        ++lower;
      } else if (IsAsciiUpper(c)) {
        ++upper;
        c = static_cast<char>(c - 'A' + 'a');
      } else if (c < '0' || c > '9') {
        other = true;
      }
      out[end - start] = c;
      hash = (hash ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;  // places::HashContinue
    }
    if (end > start) {
      Piece p;
      p.begin = start;
      p.end = end;
      p.flags = flags;
      p.token = t;
      p.key_begin = static_cast<uint32_t>(key_end_);
      const std::string_view piece(text + start, end - start);
      if (!other && piece.size() <= 0xFFFF) {
        p.key_size = static_cast<uint16_t>(piece.size());
        p.hash = places::FinishHash(hash);
      } else {
        slow_key_.clear();
        // A foreign script or an overlong key: an empty key.
        if (places::AppendKey(piece, slow_key_) && slow_key_.size() <= 0xFFFF) {
          ReserveKeys(slow_key_.size() + (token_end - end));
          std::copy(slow_key_.begin(), slow_key_.end(), keys_.begin() + static_cast<ptrdiff_t>(key_end_));
          p.key_size = static_cast<uint16_t>(slow_key_.size());
        }
        p.hash = places::HashKey(Key(p));
        if (piece.find('.') != std::string_view::npos) p.flags |= kPieceAbbrev;
      }
      key_end_ += p.key_size;
      if (IsAsciiUpper(piece[0]) || IsNonAsciiUpper(piece)) p.flags |= kPieceCap;
      if (upper >= 2 && lower == 0) p.flags |= kPieceAllCaps;
      // A capitalised piece is looked up in the gazetteer later: start loading its slot now.
      if (p.flags & (kPieceCap | kPieceAllCaps)) {
        gaz_.Prefetch(p.hash);
        capitalised_.push_back(static_cast<uint32_t>(pieces_.size()));
      } else if (p.key_size > 0) {
        lower_case_.push_back(uint64_t{Shape(Key(p))} << 32 | pieces_.size());
      }
      Push(p);
    }
    if (end == token_end) break;
    flags = kPieceJoinPrev;
    start = end + 1;
  }
}

inline void DocumentMatcher::Push(Piece& p) {
  if (p.begin >= time_end_) NextTime(p.begin);
  if (time_begin_ < p.end) p.flags |= kPieceInTime;
  pieces_.push_back(p);
}

inline void DocumentMatcher::NextTime(uint32_t begin) {
  const std::vector<TimeMention>& times = doc_.times;
  while (time_ < times.size() && times[time_].span.end <= begin) ++time_;
  time_begin_ = time_ < times.size() ? times[time_].span.begin : UINT32_MAX;
  time_end_ = time_ < times.size() ? times[time_].span.end : UINT32_MAX;
}

inline void DocumentMatcher::AddLowerCasePiece(Piece& p, uint8_t flags) {
  p.key_begin = p.begin;
  p.flags = flags | kPieceKeyInText;
  lower_case_.push_back(uint64_t{Shape(Key(p))} << 32 | pieces_.size());
  Push(p);
}

inline bool DocumentMatcher::AddSimplePiece(const Token& token, uint32_t t, uint8_t flags, const char* text,
                                            size_t text_size) {
  const uint32_t size = token.end - token.begin;
  if (size == 0) return false;
  const char* const bytes = text + token.begin;
  Piece p;
  p.begin = token.begin;
  p.end = token.end;
  p.token = t;
  p.key_size = static_cast<uint16_t>(size);
#if defined(__SSE2__)
  if (size <= 16 && text_size - token.begin >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes));
    // A byte in 'a'..'z' (or 'A'..'Z', '0'..'9') shifted to the bottom of the signed range.
    auto in_range = [&v](char first, int count) {
      return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(128 - first))),
                            _mm_set1_epi8(static_cast<char>(-128 + count)));
    };
    const __m128i upper = in_range('A', 26);
    const uint32_t mask = (1u << size) - 1;
    const uint32_t lower_bits = static_cast<uint32_t>(_mm_movemask_epi8(in_range('a', 26))) & mask;
    const uint32_t upper_bits = static_cast<uint32_t>(_mm_movemask_epi8(upper)) & mask;
    const uint32_t digit_bits = static_cast<uint32_t>(_mm_movemask_epi8(in_range('0', 10))) & mask;
    if ((lower_bits | upper_bits | digit_bits) != mask) return false;
    if (upper_bits == 0) {
      AddLowerCasePiece(p, flags);
      return true;
    }
    ReserveKeys(16);
    char* const out = keys_.data() + key_end_;
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out),
                     _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    uint64_t hash = places::kHashSeed;
    for (uint32_t b = 0; b < size; ++b) hash = (hash ^ static_cast<unsigned char>(out[b])) * 0x100000001b3ull;
    p.hash = places::FinishHash(hash);  // places::HashKey(key)
    p.key_begin = static_cast<uint32_t>(key_end_);
    key_end_ += size;
    p.flags = flags;
    if (upper_bits & 1) p.flags |= kPieceCap;
    if (lower_bits == 0 && (upper_bits & (upper_bits - 1)) != 0) p.flags |= kPieceAllCaps;  // two or more
    if (p.flags & (kPieceCap | kPieceAllCaps)) {
      gaz_.Prefetch(p.hash);
      capitalised_.push_back(static_cast<uint32_t>(pieces_.size()));
    } else {
      lower_case_.push_back(uint64_t{Shape(Key(p))} << 32 | pieces_.size());
    }
    Push(p);
    return true;
  }
#endif
  if (size > 0xFFFF) return false;
  uint8_t not_lower = 0;
  for (uint32_t b = 0; b < size; ++b) not_lower |= kNotLowerAlnum[static_cast<unsigned char>(bytes[b])];
  if (not_lower != 0) return false;
  AddLowerCasePiece(p, flags);
  return true;
}

void DocumentMatcher::BuildPieces() {
  pieces_.reserve(doc_.tokens.size() + 16);
  keys_.resize(doc_.text.size() + 16);
  key_end_ = 0;
  time_ = 0;
  NextTime(0);
  const char* const text = doc_.text.data();
  const size_t text_size = doc_.text.size();
  const Token* const tokens = doc_.tokens.data();
  for (const Sentence& sentence : doc_.sentences) {
    bool sentence_start = true;
    bool previous_was_word = false;
    const uint32_t sentence_end = sentence.token_end;
    for (uint32_t t = sentence.token_begin; t < sentence_end; ++t) {
      const Token& token = tokens[t];
      if (token.kind != TokenKind::kWord || token.has(kTokenPossessive)) {
        // A hyphen written tight between two words ("Iran-Iraq") joins them like an inner hyphen.
        const bool tight_hyphen = token.end == token.begin + 1 && text[token.begin] == '-' &&
                                  !token.has(kTokenSpaceBefore) && t + 1 < sentence_end &&
                                  !tokens[t + 1].has(kTokenSpaceBefore);
        if (!tight_hyphen) previous_was_word = false;
        continue;
      }
      uint8_t flags = 0;
      if (sentence_start || token.has(kTokenNewlineBefore)) flags |= kPieceSentenceStart;
      if (previous_was_word && !token.has(kTokenNewlineBefore)) flags |= kPieceJoinPrev;
      sentence_start = false;
      previous_was_word = true;
      if (!AddSimplePiece(token, t, flags, text, text_size)) AddPieces(t, flags);
    }
  }
}

inline bool DocumentMatcher::InnerPieceOk(const Piece& p) const {
  if (p.has(kPieceCap) || p.has(kPieceAllCaps)) return true;
  return p.key_size <= 3 || In(kListFeatureWord, p);
}

void DocumentMatcher::FindRawMatches() {
  uint32_t next = 0;  // the first piece not inside a match found
  for (const uint32_t c : capitalised_) {
    if (c > 0 && c - 1 >= next && pieces_[c].has(kPieceCap) && pieces_[c].has(kPieceJoinPrev)) {
      const Piece& start = pieces_[c - 1];
      if (!start.has(kPieceCap) && !start.has(kPieceAllCaps) && start.key_size <= 3 &&
          In(kListArticle, start)) {
        MatchAt(c - 1, next);
      }
    }
    if (c >= next) MatchAt(c, next);
  }
  // The entries lie scattered over megabytes: start loading them before CollectEvidence reads them.
  for (const RawMatch& m : matches_) {
    for (uint32_t p : m.hit.postings) gaz_.PrefetchEntry(p & places::kPostingEntryMask);
  }
}

inline void DocumentMatcher::MatchAt(uint32_t i, uint32_t& next) {
  const Piece& start = pieces_[i];
  if (start.has(kPieceInTime) || start.key_size == 0 || (!Joined(i + 1) && In(kListFunctionWord, start)))
    return;
  // (The piece's hash is the key's FNV-1a state: FinishHash changes only a state of 0, never met.)
  uint64_t hash = Hash(start);
  if (hash == 1) hash = places::HashContinue(places::kHashSeed, Key(start));
  RawMatch best;
  bool found = false;
  for (uint32_t j = i; j < pieces_.size() && j - i < options_.max_name_words; ++j) {
    if (j > i) {
      if (!Joined(j) || pieces_[j].has(kPieceInTime) || !InnerPieceOk(pieces_[j])) break;
      hash = places::HashContinue(hash, std::string_view(&places::kKeySeparator, 1));
      hash = places::HashContinue(hash, Key(pieces_[j]));
    }
    const Gazetteer::Hit hit = gaz_.Find(places::FinishHash(hash));
    const bool last_ok = j == i || pieces_[j].has(kPieceCap) || pieces_[j].has(kPieceAllCaps) ||
                         In(kListFeatureWord, pieces_[j]);
    if ((hit.flags & places::kSlotKey) && !hit.postings.empty() && last_ok) {
      best = {i, j, hit};
      found = true;
    }
    if (!(hit.flags & places::kSlotPrefix)) break;
  }
  if (!found) return;
  for (uint32_t k = best.first; k <= best.last; ++k)
    pieces_[k].match = static_cast<uint32_t>(matches_.size());
  // The postings and entries of a match are read by CollectEvidence and Decide, after every match is found:
  // start loading the postings now (FindRawMatches then prefetches the entries they name).
  __builtin_prefetch(best.hit.postings.data());
  matches_.push_back(best);
  next = best.last + 1;
}

}  // namespace annalist::places
