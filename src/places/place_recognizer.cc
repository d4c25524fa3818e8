// Place recognition: a gazetteer of 200,000 towns hit by every capitalised word, kept honest by context.
//
// The idea. Every word token is cut at its hyphens into pieces ("Aleppo-Hama" → Aleppo, Hama; "United
// States-backed" → United, States, backed), and each piece is normalised once (normalize.h): a token of
// ASCII letters and digits, most of them, in a few vector instructions; a lower-case one is its own key and
// is hashed only if a rule asks about it (only capitalised pieces are looked up). From every capitalised
// piece the matcher hashes one more piece at a time and probes the gazetteer, reading on only while the probe
// says some longer key continues that way (prefix marks), and keeps the longest whole key whose pieces are
// all capitalised, short connectors ("al", "ez", "of") or feature words ("camp", "river"). No string is built
// and nothing is allocated per token: one scratch buffer and one vector of pieces per document.
//
// Which raw matches are places. A name is taken when it is *strong*: a country, an entry of the project's
// supplement, a capital, a division named with several words or in a country the article names, or a town
// of at least PlaceOptions::strong_population people. A *weak* name (a smaller town) needs a country the
// article already names (its "anchors": countries, supplement places and demonyms, which are not places but
// say "this is about Syria") and, when it is one word, no capitalised neighbour (so "Jeremy Hunt" and
// "Victoria Beckham" are people). Everywhere, a name is refused after a title ("Mr", "President"), before an
// organisation head ("Post", "Party", "Forces") or after "Bank of" and the like; a blocked phrase of the
// supplement ("White House", "Gulf war", "Islamic State") swallows its words; demonyms are never places.
// A one-word name that is also a common word or given name (data/places/ambiguous.txt: Mark, Hope, Jordan)
// needs more: no capitalised neighbour, not seen elsewhere in the article as a surname ("Bashar al-Assad" →
// "Assad" is a person throughout), not written elsewhere in lower case ("hope") when it opens a sentence, and
// unless it is a country or capital, an anchored country. Names of two letters or three are taken only in
// capitals and only as countries ("US", "UK"): never "Of", "Us", "Hit".
//
// Persons, outlets and code names. A one-word town that is not a capital or curated is a person when the
// article makes it a speaker ("Ricardo said", "said Saratova, who") or it stands beside a capitalised word
// that is no place ("Elizabeth Hoff", "Shiraz Maher"), however big; nothing after an apposition noun ("her
// daughter, Sana", "the news agency Sana") or before ", the … agency", after "Operation", before "for" and a
// capitalised word ("Centre for Global Policy") or a lower-case "university"/"college" is a place; a compass
// word before a place ("North-East Syria") is not. An alternate name that is also a town's own name
// ("Franklin", "Salisbury", "Geneva") is not evidence by itself: it needs a locative like a small town.
//
// Disambiguation. Among the entries of a key the best score wins: countries first, then the supplement
// (whose spellings are the news ones: bare "Gaza" is the Strip), then towns by population with a bonus for
// capitals and division seats, divisions below big towns of the same name (bare "Idlib" is a city, "Idlib
// province" the division: a following "province", "governorate", "region", "oblast" or "district" joins the
// span and prefers the division), and a large bonus for an anchored country ("Tripoli" with Lebanon named
// is Lebanon's). Alternate names (other languages' exonyms) score below a name proper.
//
// Limits. Person names made of two place names ("Jordan Peterson" aside) and single-word towns that are
// surnames in an article that never gives the first name are the main residual errors; so are headlines in
// title case. Regional phrases keep the gold convention: "southern Israel" is the mention "Israel".
#include "places/place_recognizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "places/marked_hash_set.h"
#include "places/normalize.h"
#include "places/place_words.h"

namespace annalist {
namespace {

using places::EntryKind;
using places::EntryRecord;
using places::kAdminSuffixCount;
using places::kMaxConnectorSize;
using places::kSuffixWords;
using places::ListBit;
using places::ListsOf;
using places::MarkedHashSet;
using places::kListAppositionNoun;
using places::kListArticle;
using places::kListCompass;
using places::kListFeatureWord;
using places::kListFunctionWord;
using places::kListLocative;
using places::kListLowerCaseHead;
using places::kListNameConnector;
using places::kListOfHead;
using places::kListOfPlaceNoun;
using places::kListOrganisationHead;
using places::kListOutletNoun;
using places::kListSpeechVerb;
using places::kListSuffixWord;
using places::kListTitle;
using places::kListToMotion;

enum PieceFlag : uint8_t {
  kPieceCap = 1 << 0,            // first letter upper case
  kPieceAllCaps = 1 << 1,        // two or more letters, all upper case
  kPieceSentenceStart = 1 << 2,  // the first word of a sentence or line
  kPieceJoinPrev = 1 << 3,       // follows the previous piece with only a space or a hyphen between
  kPieceInTime = 1 << 4,         // inside a time expression
  kPieceAbbrev = 1 << 5,         // written with periods ("U.S.")
  kPieceKeyInText = 1 << 6,      // the key is the piece's own bytes (ASCII lower case and digits): key_begin
                                 // indexes doc.text, and the hash is made when asked for (hash 0)
};

struct Piece {
  uint64_t hash = 0;            // places::HashKey of the key (computed once, with the key); 0 when not made
  uint32_t begin = 0, end = 0;  // bytes of doc.text
  uint32_t key_begin = 0;       // bytes of the normalised scratch (of doc.text with kPieceKeyInText)
  uint32_t match = kNone;       // raw match covering the piece
  uint32_t token = 0;           // index into doc.tokens
  uint16_t key_size = 0;
  uint8_t flags = 0;
  bool has(PieceFlag f) const { return (flags & f) != 0; }
};
static_assert(sizeof(Piece) == 32);

struct RawMatch {
  uint32_t first = 0, last = 0;  // pieces, inclusive
  Gazetteer::Hit hit;
};


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

constexpr uint32_t kListsUnknown = 0xFFFFFFFFu;  // more bits than the lists have

struct PopulationScoreSlot {
  uint32_t entry = 0;  // entry index + 1; 0: empty
  double score = 0;
};
constexpr size_t kPopulationScoreSlots = 1024;

// The buffers of a DocumentMatcher, kept by each thread across documents so that matching a document
// allocates nothing once they have grown (they keep the capacity of the largest document the thread matched).
struct MatcherScratch {
  std::vector<Piece> pieces;
  std::vector<uint32_t> capitalised;  // the pieces with kPieceCap or kPieceAllCaps, in text order
  std::vector<uint64_t> lower_case;   // the other pieces with a key: Shape(key) << 32 | piece
  std::vector<uint32_t> lists;        // by piece: its ListBit bits, or kListsUnknown until asked
  std::string keys;
  std::string slow_key;
  std::vector<RawMatch> matches;
  std::vector<uint32_t> anchors;  // PackedCountry of each anchored country
  MarkedHashSet capitalised_keys;
  std::vector<uint64_t> surnames;
  std::vector<uint64_t> speakers;
  std::vector<bool> accepted;
  std::vector<uint64_t> accepted_keys;
  std::vector<std::pair<uint64_t, PlaceMention>> pending;
  std::array<PopulationScoreSlot, kPopulationScoreSlots> population_scores{};  // kept across documents
};

class DocumentMatcher {
 public:
  DocumentMatcher(const Gazetteer& gazetteer, const PlaceOptions& options, Document& doc, MatcherScratch& scratch)
      : gaz_(gazetteer),
        options_(options),
        doc_(doc),
        pieces_(scratch.pieces),
        capitalised_(scratch.capitalised),
        lower_case_(scratch.lower_case),
        lists_(scratch.lists),
        keys_(scratch.keys),
        slow_key_(scratch.slow_key),
        matches_(scratch.matches),
        anchors_(scratch.anchors),
        capitalised_keys_(scratch.capitalised_keys),
        surnames_(scratch.surnames),
        speakers_(scratch.speakers),
        accepted_(scratch.accepted),
        accepted_keys_(scratch.accepted_keys),
        pending_(scratch.pending),
        population_scores_(scratch.population_scores) {
    pieces_.clear();
    capitalised_.clear();
    lower_case_.clear();
    matches_.clear();
    anchors_.clear();
    surnames_.clear();
    speakers_.clear();
    accepted_.clear();
    accepted_keys_.clear();
    pending_.clear();
  }

  void Run() {
    BuildPieces();
    lists_.assign(pieces_.size(), kListsUnknown);
    FindRawMatches();
    CollectEvidence();
    Decide();
  }

 private:
  std::string_view Key(const Piece& p) const {
    const char* const base = p.has(kPieceKeyInText) ? doc_.text.data() : keys_.data();
    return std::string_view(base + p.key_begin, p.key_size);
  }
  static uint32_t Shape(std::string_view key) { return places::KeyShape(key); }
  // places::HashKey of the piece's key.
  uint64_t Hash(const Piece& p) const { return p.hash != 0 ? p.hash : places::HashKey(Key(p)); }
  uint64_t PieceHash(uint32_t i) const { return Hash(pieces_[i]); }
  // Whether the piece's key is in the word list `bit`.
  // (A key not yet hashed is first asked of a filter on its shape.)
  // (The lists of each piece asked about are remembered: the rules ask of the same neighbours many times.)
  bool In(ListBit bit, const Piece& p) const {
    uint32_t& lists = lists_[static_cast<size_t>(&p - pieces_.data())];
    if (lists == kListsUnknown) lists = p.hash == 0 && !places::MaybeListed(Key(p)) ? 0 : ListsOf(Hash(p), Key(p));
    return (lists & bit) != 0;
  }
  bool Joined(uint32_t i) const { return i < pieces_.size() && pieces_[i].has(kPieceJoinPrev); }

  // Room for `size` more key bytes after key_end_.
  void ReserveKeys(size_t size) {
    if (key_end_ + size > keys_.size()) keys_.resize(std::max(2 * keys_.size(), key_end_ + size));
  }

  // Cuts word token `t` at its hyphens into pieces: each part is a piece, joined to the one before (an empty
  // part, as in "--", makes no piece but still joins the next). One pass over the bytes makes each piece's
  // key, key hash and case counts: most pieces are ASCII letters and digits, whose key is the piece
  // lower-cased (what places::AppendKey gives); any other piece is made again by AppendKey.
  void AddPieces(uint32_t t, uint8_t flags) {
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

  // Appends piece p, marking it when it lies inside a time expression (pieces come in text order).
  void Push(Piece& p) {
    if (p.begin >= time_end_) NextTime(p.begin);
    if (time_begin_ < p.end) p.flags |= kPieceInTime;
    pieces_.push_back(p);
  }
  // Moves to the first time expression that ends after `begin` (none: an empty span at the end of all).
  void NextTime(uint32_t begin) {
    const std::vector<TimeMention>& times = doc_.times;
    while (time_ < times.size() && times[time_].span.end <= begin) ++time_;
    time_begin_ = time_ < times.size() ? times[time_].span.begin : UINT32_MAX;
    time_end_ = time_ < times.size() ? times[time_].span.end : UINT32_MAX;
  }

  // A lower-case word: key_size, begin, end and token set, key in the text, hashed only when asked.
  void AddLowerCasePiece(Piece& p, uint8_t flags) {
    p.key_begin = p.begin;
    p.flags = flags | kPieceKeyInText;
    lower_case_.push_back(uint64_t{Shape(Key(p))} << 32 | pieces_.size());
    Push(p);
  }

  // Most tokens are ASCII letters and digits, a piece each whose key is the token lower-cased; a token of
  // lower-case letters and digits is its own key, hashed only when asked. Adds such a token's piece (as
  // AddPieces would) and returns true; returns false, adding nothing, for any other token.
  // (`text` and `text_size` are doc.text's, in registers: the key bytes written here may alias anything.)
  bool AddSimplePiece(const Token& token, uint32_t t, uint8_t flags, const char* text, size_t text_size) {
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
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
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

  void BuildPieces() {
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

  // A piece may sit inside a multi-word name when capitalised, a short connector or a feature word.
  bool InnerPieceOk(const Piece& p) const {
    if (p.has(kPieceCap) || p.has(kPieceAllCaps)) return true;
    return p.key_size <= 3 || In(kListFeatureWord, p);
  }

  // A name starts at a capitalised piece, or at a lower-case article right before one ("al-Sham").
  void FindRawMatches() {
    uint32_t next = 0;  // the first piece not inside a match found
    for (const uint32_t c : capitalised_) {
      if (c > 0 && c - 1 >= next && pieces_[c].has(kPieceCap) && pieces_[c].has(kPieceJoinPrev)) {
        const Piece& start = pieces_[c - 1];
        if (!start.has(kPieceCap) && !start.has(kPieceAllCaps) && start.key_size <= 3 && In(kListArticle, start)) {
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

  // The longest name starting at piece i, if any, becomes a raw match; `next` moves past it.
  void MatchAt(uint32_t i, uint32_t& next) {
    const Piece& start = pieces_[i];
    if (start.has(kPieceInTime) || start.key_size == 0 || (!Joined(i + 1) && In(kListFunctionWord, start))) return;
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
    for (uint32_t k = best.first; k <= best.last; ++k) pieces_[k].match = static_cast<uint32_t>(matches_.size());
    // The postings and entries of a match are read by CollectEvidence and Decide, after every match is found:
    // start loading the postings now (FindRawMatches then prefetches the entries they name).
    __builtin_prefetch(best.hit.postings.data());
    matches_.push_back(best);
    next = best.last + 1;
  }

  bool HasKind(const RawMatch& m, EntryKind kind) const {
    for (uint32_t p : m.hit.postings) {
      if (static_cast<EntryKind>(gaz_.entry(p & places::kPostingEntryMask).kind) == kind) return true;
    }
    return false;
  }

  // An entry's country as one number, for fast compares (0 for none).
  static uint32_t PackedCountry(const EntryRecord& e) {
    return uint32_t{static_cast<unsigned char>(e.country[0])} |
           uint32_t{static_cast<unsigned char>(e.country[1])} << 8 |
           uint32_t{static_cast<unsigned char>(e.country[2])} << 16;
  }
  void AddAnchor(const EntryRecord& e) {
    if (e.country[0] == 0) return;
    const uint32_t c = PackedCountry(e);
    if (std::find(anchors_.begin(), anchors_.end(), c) == anchors_.end()) anchors_.push_back(c);
  }
  bool Anchored(const EntryRecord& e) const {
    return e.country[0] != 0 && std::find(anchors_.begin(), anchors_.end(), PackedCountry(e)) != anchors_.end();
  }

  // The capitalised piece before `i` that would be a given name or title: skips name connectors.
  uint32_t NameBefore(uint32_t i) const {
    uint32_t k = i;
    while (k > 0 && pieces_[k].has(kPieceJoinPrev)) {
      --k;
      // (The connectors are at most kMaxConnectorSize bytes long: a cheap test before the table.)
      if (pieces_[k].has(kPieceCap) || pieces_[k].key_size > kMaxConnectorSize ||
          !In(kListNameConnector, pieces_[k])) {
        return k;
      }
    }
    return kNone;
  }

  // Anchored countries, surnames and the words the article writes in lower case.
  void CollectEvidence() {
    for (const RawMatch& m : matches_) {
      const bool single = m.first == m.last;
      for (uint32_t p : m.hit.postings) {
        const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
        const auto kind = static_cast<EntryKind>(e.kind);
        const bool ambiguous = (m.hit.flags & places::kSlotAmbiguous) && single;
        if (kind == EntryKind::kDemonym || kind == EntryKind::kCountry ||
            ((e.flags & places::kEntrySupplement) && kind != EntryKind::kBlock && !ambiguous)) {
          AddAnchor(e);
          break;  // the first such posting speaks for the key
        }
      }
    }
    // The keys the article writes in lower case are asked about only for capitalised pieces (a lower-case
    // piece is trivially one of them), and only for those that open a sentence without being function words
    // (LikelyName) and those that are one-word matches (Decide): the set holds their keys, marked when a
    // lower-case piece has the same key hash. Most lower-case pieces share no key's length, first and last
    // byte with those: a 4096-bit filter of shapes answers them before their key is hashed.
    capitalised_keys_.Reset(capitalised_.size());
    std::array<uint64_t, 64> shapes{};
    for (const uint32_t i : capitalised_) {
      const Piece& p = pieces_[i];
      const bool one_word_match = p.match != kNone && matches_[p.match].first == i && matches_[p.match].last == i;
      if (!one_word_match && !(p.has(kPieceSentenceStart) && !In(kListFunctionWord, p))) continue;
      capitalised_keys_.Insert(p.hash);
      if (p.key_size > 0) {
        const uint32_t s = Shape(Key(p));
        shapes[s >> 6] |= uint64_t{1} << (s & 63);
      }
    }
    for (const uint64_t shape_piece : lower_case_) {
      const auto s = static_cast<uint32_t>(shape_piece >> 32);
      if (shapes[s >> 6] & (uint64_t{1} << (s & 63))) {
        capitalised_keys_.Mark(PieceHash(static_cast<uint32_t>(shape_piece)));
      }
    }
    for (const uint32_t i : capitalised_) {
      const Piece& p = pieces_[i];
      if (p.key_size == 0 || !p.has(kPieceCap) || p.has(kPieceSentenceStart) || p.has(kPieceInTime)) continue;
      const uint32_t before = NameBefore(i);
      if (before == kNone || !pieces_[before].has(kPieceCap)) continue;
      const bool title = In(kListTitle, pieces_[before]);
      const bool given = pieces_[before].match == kNone && !pieces_[before].has(kPieceAllCaps) &&
                         !pieces_[before].has(kPieceInTime) && LikelyName(before);
      if (title || given) surnames_.push_back(PieceHash(i));
    }
    std::sort(surnames_.begin(), surnames_.end());
    // Speakers: a one-word name right before a verb of speech ("Ricardo said") or right after one and ending
    // the clause ("said Saratova, who …").
    for (const RawMatch& m : matches_) {
      if (m.first != m.last) continue;
      const uint32_t i = m.first;
      // (Not the tail of a longer name: "Friends of Kurdistan Manchester said".)
      const bool before_verb = Joined(i + 1) && In(kListSpeechVerb, pieces_[i + 1]) &&
                               !(Joined(i) && (pieces_[i - 1].has(kPieceCap) || Key(pieces_[i - 1]) == "of"));
      const bool after_verb = i > 0 && Joined(i) && !pieces_[i - 1].has(kPieceCap) &&
                              In(kListSpeechVerb, pieces_[i - 1]) &&
                              (!Joined(i + 1) || Key(pieces_[i + 1]) == "who");
      if (before_verb || after_verb) speakers_.push_back(PieceHash(i));
    }
    std::sort(speakers_.begin(), speakers_.end());
  }

  // Whether some piece of the article with piece i's key hash is written in lower case. REQUIRES: a
  // capitalised piece i opens a sentence without being a function word, or is a one-word match (the set
  // holds only those keys: CollectEvidence).
  bool WrittenInLowerCase(uint32_t i) const {
    const Piece& p = pieces_[i];
    if (!p.has(kPieceCap) && !p.has(kPieceAllCaps)) return p.key_size > 0;  // piece i itself
    return capitalised_keys_.Marked(p.hash);
  }

  static bool Contains(const std::vector<uint64_t>& sorted, uint64_t h) {
    return std::binary_search(sorted.begin(), sorted.end(), h);
  }

  bool CapitalisedOutsider(uint32_t i) const {
    const Piece& p = pieces_[i];
    return (p.has(kPieceCap) || p.has(kPieceAllCaps)) && p.match == kNone && !p.has(kPieceInTime) &&
           p.key_size > 0;
  }

  // A capitalised word that may be a name: not a function word that opens a sentence ("In Washington").
  bool LikelyName(uint32_t i) const {
    const Piece& p = pieces_[i];
    if (!p.has(kPieceSentenceStart)) return true;
    return !In(kListFunctionWord, p) && !WrittenInLowerCase(i);
  }

  // Whether ", <a raw place match>" follows piece i.
  bool FollowedByCommaPlace(uint32_t i) const {
    const uint32_t t = pieces_[i].token + 1;
    if (t + 1 >= doc_.tokens.size() || doc_.text[doc_.tokens[t].begin] != ',') return false;
    if (i + 1 >= pieces_.size() || pieces_[i + 1].token != t + 1) return false;
    return pieces_[i + 1].match != kNone;
  }

  void Decide() {
    for (const RawMatch& m : matches_) {
      if (doc_.places.size() >= options_.max_places_per_document) break;
      accepted_.push_back(Decide(m));
    }
    // One sense per article: a town refused only for want of a locative is taken where the article names
    // it elsewhere as a place ("in Geneva" … "The Geneva agreement").
    std::sort(accepted_keys_.begin(), accepted_keys_.end());
    bool added = false;
    for (const auto& [hash, mention] : pending_) {
      if (doc_.places.size() >= options_.max_places_per_document) break;
      if (Contains(accepted_keys_, hash)) {
        doc_.places.push_back(mention);
        added = true;
      }
    }
    if (added) {
      std::sort(doc_.places.begin(), doc_.places.end(),
                [](const PlaceMention& a, const PlaceMention& b) { return a.span.begin < b.span.begin; });
    }
  }

  // Whether the match became a place mention.
  bool Decide(const RawMatch& m) {
    if (HasKind(m, EntryKind::kBlock)) return false;
    const Piece& first = pieces_[m.first];
    const bool single = m.first == m.last;
    const std::string_view key = Key(first);
    const uint64_t key_hash = single ? PieceHash(m.first) : 0;
    const bool ambiguous = single && (m.hit.flags & places::kSlotAmbiguous);

    // Context around the name.
    const bool joined_before = first.has(kPieceJoinPrev) && m.first > 0;
    const bool title_before = joined_before && In(kListTitle, pieces_[m.first - 1]) &&
                              pieces_[m.first - 1].has(kPieceCap);
    const bool org_before = joined_before && m.first >= 2 && Key(pieces_[m.first - 1]) == "of" &&
                            pieces_[m.first - 1].has(kPieceJoinPrev) && In(kListOfHead, pieces_[m.first - 2]);
    const Piece& prev = pieces_[m.first > 0 ? m.first - 1 : 0];
    const bool cap_before = joined_before && (prev.has(kPieceCap) || prev.has(kPieceAllCaps)) &&
                            !prev.has(kPieceInTime) && LikelyName(m.first - 1) &&
                            (prev.match == kNone || !accepted_[prev.match]);
    uint32_t after = m.last + 1;
    const bool joined_after = Joined(after);
    const bool cap_after = joined_after && CapitalisedOutsider(after);
    // "Iran-Iraq war": skip the other places of a compound before looking for the head.
    uint32_t head = after;
    bool block_after = false;  // the compound's other half opens a blocked phrase ("Iraq war")
    while (Joined(head) && pieces_[head].match != kNone && head - after < 3 &&
           doc_.text[pieces_[head - 1].end] == '-') {
      block_after |= HasKind(matches_[pieces_[head].match], EntryKind::kBlock);
      ++head;
    }
    const bool org_after =
        block_after || (Joined(head) && ((pieces_[head].has(kPieceCap) && In(kListOrganisationHead, pieces_[head])) ||
                                         In(kListLowerCaseHead, pieces_[head])));
    if (title_before || org_before || org_after) return false;
    // "Operation Olive Branch": a code name. "North-East Syria": a regional phrase on the place that follows.
    if (joined_before && prev.has(kPieceCap) && Key(prev) == "operation") return false;
    if (CompassBeforePlace(m)) return false;
    // "Hayat Tahrir al-Sham": a name opened by a lower-case article after a capitalised word is its tail.
    if (!first.has(kPieceCap) && joined_before && prev.has(kPieceCap)) return false;
    const bool any_cap_before = joined_before && (prev.has(kPieceCap) || prev.has(kPieceAllCaps)) &&
                                LikelyName(m.first - 1);
    const bool any_cap_after = joined_after && (pieces_[after].has(kPieceCap) || pieces_[after].has(kPieceAllCaps));
    const bool sentence_start = first.has(kPieceSentenceStart);
    const bool lower_elsewhere = single && WrittenInLowerCase(m.first);
    const bool surname = single && Contains(surnames_, key_hash);
    const bool short_name = single && key.size() <= 3;
    if (short_name && !first.has(kPieceAllCaps) && !first.has(kPieceAbbrev)) return false;

    // A following feature word joins the span; a division word prefers divisions.
    bool admin_hint = false;
    uint32_t span_last = m.last;
    if (joined_after && !pieces_[after].has(kPieceInTime) && In(kListSuffixWord, pieces_[after])) {
      const std::string_view next = Key(pieces_[after]);
      for (size_t s = 0; s < std::size(kSuffixWords); ++s) {
        if (next == kSuffixWords[s] && pieces_[after].match == kNone &&
            (s >= kAdminSuffixCount || HasKind(m, EntryKind::kAdmin))) {
          span_last = after;
          admin_hint = s < kAdminSuffixCount;
        }
      }
    }

    // A weak town gets its anchored country's bonus only when no well-known place shares its name (Geneva,
    // Illinois must not beat Geneva because the article also names the US).
    // And whether the key is some town's own name: an alternate name (an exonym, but also a former name:
    // "Salisbury" for Harare, "Franklin" for Columbus) of a big town is then no evidence by itself.
    bool any_strong = false;
    bool any_primary = false;
    for (uint32_t p : m.hit.postings) {
      const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
      const bool city = static_cast<EntryKind>(e.kind) == EntryKind::kCity;
      any_strong |= city && (e.population >= options_.strong_population || (e.flags & places::kEntryCapital));
      any_primary |= city && !(p & places::kPostingAltName);
    }
    // The best entry.
    const EntryRecord* best = nullptr;
    double best_score = -1e9;
    bool best_alt = false;
    bool demonym = false;
    for (uint32_t p : m.hit.postings) {
      const EntryRecord& e = gaz_.entry(p & places::kPostingEntryMask);
      const auto kind = static_cast<EntryKind>(e.kind);
      if (kind == EntryKind::kDemonym) demonym = true;
      if (kind == EntryKind::kBlock || kind == EntryKind::kDemonym) continue;
      if (short_name && kind != EntryKind::kCountry) continue;
      double score = 0;
      const bool supplement = (e.flags & places::kEntrySupplement) != 0;
      switch (kind) {
        case EntryKind::kCountry: score = 1000; break;
        case EntryKind::kArea: score = 900; break;
        case EntryKind::kAdmin: score = supplement ? 850 : 250; break;
        default:
          score = supplement ? 850
                             : PopulationScore(p & places::kPostingEntryMask, e) +
                                   ((e.flags & places::kEntryCapital) ? 150 : 0) +
                                   ((e.flags & places::kEntryAdminSeat) ? 100 : 0);
      }
      if (p & places::kPostingAltName) score -= 60;
      const bool weak_city = kind == EntryKind::kCity && !supplement && !(e.flags & places::kEntryCapital) &&
                             e.population < options_.strong_population;
      if (Anchored(e) && !(weak_city && any_strong)) score += 150;
      if (admin_hint && kind == EntryKind::kAdmin) score += 800;
      if (score > best_score) {
        best_score = score;
        best = &e;
        best_alt = (p & places::kPostingAltName) != 0;
      }
    }
    if (best == nullptr || (demonym && static_cast<EntryKind>(best->kind) != EntryKind::kCountry)) return false;

    const auto kind = static_cast<EntryKind>(best->kind);
    const bool supplement = (best->flags & places::kEntrySupplement) != 0;
    const bool capital = (best->flags & places::kEntryCapital) != 0;
    const bool anchored = Anchored(*best);
    const bool country_like = kind == EntryKind::kCountry || kind == EntryKind::kArea || capital;
    bool accept;
    if (ambiguous) {
      accept = !cap_before && !cap_after && !surname && !(lower_elsewhere && (sentence_start || !country_like)) &&
               (country_like || anchored);
    } else if (kind == EntryKind::kCountry || kind == EntryKind::kArea || supplement || capital ||
               (kind == EntryKind::kAdmin && (anchored || !single)) ||
               (kind == EntryKind::kCity && best->population >= options_.strong_population)) {
      accept = !(single && sentence_start && lower_elsewhere && kind != EntryKind::kCountry);
      // A town that is also the article's surname ("Peter Beaumont") is the person, unless it is big, a
      // capital, or followed by ", Country" (a letter's signature: "Zev Moses Vancouver, Canada").
      if (surname && kind == EntryKind::kCity && !capital && !supplement && best->population < 500000 &&
          !FollowedByCommaPlace(m.last)) {
        accept = false;
      }
    } else if (single) {
      accept = anchored && best->population >= options_.anchored_population && !any_cap_before &&
               !any_cap_after && !surname && !lower_elsewhere;
    } else {
      accept = anchored || best->population >= options_.multiword_population;
    }
    // "The Bank", "The Village": an article-led name must be a big or a curated one ("The Hague").
    if (key == "the" && !supplement && !country_like && best->population < options_.strong_population) return false;
    if (!accept) return false;
    // Person and organisation patterns, for every name but a country's: an apposition noun ("her daughter,
    // Sana", "the news agency Sana", "Sana, the state news agency") and "Centre for Global Policy".
    if (kind != EntryKind::kCountry) {
      if (AppositionBefore(m.first) || AppositionAfter(m.last)) return false;
      if (joined_after && Key(pieces_[after]) == "for" && !pieces_[after].has(kPieceCap) && Joined(after + 1) &&
          CapitalisedOutsider(after + 1)) {
        return false;
      }
    }
    // A one-word town (not a capital, not curated) is a person when the article makes it a speaker ("Ricardo
    // said") or when it stands beside another capitalised word that is no place ("Elizabeth Hoff", "Shiraz
    // Maher", "Kheda Saratova"), however big the town.
    if (single && kind == EntryKind::kCity && !supplement && !(capital && !best_alt)) {
      if (Contains(speakers_, key_hash)) return false;
      // (Not before ", Country": a letter's signature, "Zev Moses Vancouver, Canada".)
      if (span_last == m.last && (cap_before || cap_after) && !FollowedByCommaPlace(m.last)) return false;
    }
    // A town that is neither big nor in a named country, or a small one in a named country, must stand where
    // a place stands ("in Hajin", "…, Tartus and Hama"), or be a name the article already gave as a place.
    const bool free = kind != EntryKind::kCity || supplement || (capital && !best_alt) ||
                      ((best->population >= 1000000 || (anchored && best->population >= options_.strong_population)) &&
                       !(best_alt && any_primary));
    if (!free && single && (any_cap_before || any_cap_after || PossessiveAfter(m.last))) return false;
    if (!free && (PrecededByThe(m.first) || (single && !LocativeBefore(m.first)))) {
      if (single) pending_.push_back({key_hash, MakeMention(*best, first, span_last)});
      return false;
    }

    doc_.places.push_back(MakeMention(*best, first, span_last));
    if (single) accepted_keys_.push_back(key_hash);
    return true;
  }

  // 60 * log10(population + 10), remembered by entry (a name recurs within an article and across articles).
  double PopulationScore(uint32_t index, const EntryRecord& e) {
    PopulationScoreSlot& slot = population_scores_[index & (kPopulationScoreSlots - 1)];
    if (slot.entry != index + 1) slot = {index + 1, 60 * std::log10(double(e.population) + 10)};
    return slot.score;
  }

  PlaceMention MakeMention(const EntryRecord& entry, const Piece& first, uint32_t span_last) const {
    const EntryRecord* best = &entry;
    const auto kind = static_cast<EntryKind>(best->kind);
    PlaceMention mention;
    mention.span = {first.begin, pieces_[span_last].end};
    mention.name = gaz_.name(*best);
    mention.country = Gazetteer::Country(*best);
    switch (kind) {
      case EntryKind::kCountry: mention.kind = PlaceKind::kCountry; break;
      case EntryKind::kAdmin: mention.kind = PlaceKind::kAdmin; break;
      case EntryKind::kArea: mention.kind = PlaceKind::kArea; break;
      default: mention.kind = PlaceKind::kCity;
    }
    mention.lat = std::round(double(best->lat) * 100) / 100;
    mention.lon = std::round(double(best->lon) * 100) / 100;
    return mention;
  }

  // A lower-case apposition noun right before piece i, with or without a comma: "her daughter, Sana",
  // "the news agency Sana".
  bool AppositionBefore(uint32_t i) const {
    if (i == 0) return false;
    const Piece& prev = pieces_[i - 1];
    if (prev.has(kPieceCap) || prev.has(kPieceAllCaps) || !In(kListAppositionNoun, prev)) return false;
    if (Joined(i)) return true;
    const uint32_t t = pieces_[i].token;
    return prev.token + 2 == t && doc_.slice(doc_.tokens[t - 1].span()) == ",";
  }

  // ", the … agency" right after piece i: an apposition opened by an article and headed by an outlet noun,
  // at most six words after the comma, the noun ending the apposition.
  bool AppositionAfter(uint32_t i) const {
    const uint32_t t = pieces_[i].token + 1;
    if (t >= doc_.tokens.size() || doc_.slice(doc_.tokens[t].span()) != ",") return false;
    uint32_t k = i + 1;
    if (k >= pieces_.size() || pieces_[k].token != t + 1) return false;
    const std::string_view article = Key(pieces_[k]);
    if (article != "the" && article != "a" && article != "an") return false;
    for (++k; k < pieces_.size() && k - i < 8 && Joined(k); ++k) {
      if (!pieces_[k].has(kPieceCap) && In(kListOutletNoun, pieces_[k])) return !Joined(k + 1);
    }
    return false;
  }

  // Whether every piece of the match is a compass word and a place follows ("North-East Syria").
  bool CompassBeforePlace(const RawMatch& m) const {
    for (uint32_t k = m.first; k <= m.last; ++k) {
      if (!In(kListCompass, pieces_[k])) return false;
    }
    return Joined(m.last + 1) && pieces_[m.last + 1].match != kNone;
  }

  bool PossessiveAfter(uint32_t i) const {
    const uint32_t t = pieces_[i].token + 1;
    return t < doc_.tokens.size() && doc_.tokens[t].has(kTokenPossessive);
  }

  bool PrecededByThe(uint32_t i) const { return i > 0 && Joined(i) && Key(pieces_[i - 1]) == "the"; }

  // A locative word before piece i, or a list of places: ", Tartus", "and Hama" after an accepted place.
  bool LocativeBefore(uint32_t i) const {
    if (i > 0 && Joined(i) && In(kListLocative, pieces_[i - 1])) return true;
    if (i > 1 && Joined(i) && Joined(i - 1)) {
      const std::string_view prep = Key(pieces_[i - 1]);
      // (A capitalised motion word is a title's: "Road to Peace".)
      if ((prep == "of" && In(kListOfPlaceNoun, pieces_[i - 2])) ||
          (prep == "to" && !pieces_[i - 2].has(kPieceCap) && In(kListToMotion, pieces_[i - 2]))) {
        return true;
      }
    }
    const uint32_t t = pieces_[i].token;
    if (t == 0 || doc_.places.empty()) return false;
    const Token& before = doc_.tokens[t - 1];
    const std::string_view word = doc_.slice(before.span());
    if (word != "," && word != "and" && word != "or") return false;
    // The previous accepted place ends right before the connector (allowing a ", " before "and").
    const uint32_t gap_start = doc_.places.back().span.end;
    return gap_start <= before.begin && before.begin - gap_start <= 2;
  }

  const Gazetteer& gaz_;
  const PlaceOptions& options_;
  Document& doc_;
  // The per-document state, in the calling thread's MatcherScratch (emptied by the constructor).
  std::vector<Piece>& pieces_;
  std::vector<uint32_t>& capitalised_;
  std::vector<uint64_t>& lower_case_;
  std::vector<uint32_t>& lists_;
  // BuildPieces: the first time expression not wholly before the last piece, and its span.
  size_t time_ = 0;
  uint32_t time_begin_ = 0, time_end_ = 0;
  std::string& keys_;     // the pieces' keys, back to back: [0, key_end_) is used
  size_t key_end_ = 0;
  std::string& slow_key_;  // scratch for places::AppendKey
  std::vector<RawMatch>& matches_;
  std::vector<uint32_t>& anchors_;
  MarkedHashSet& capitalised_keys_;  // marked: also written in lower case
  std::vector<uint64_t>& surnames_;
  std::vector<uint64_t>& speakers_;  // one-word names the article uses as a speaker's
  std::vector<bool>& accepted_;  // per raw match, as decided in text order
  std::vector<uint64_t>& accepted_keys_;  // one-word names taken as places
  std::vector<std::pair<uint64_t, PlaceMention>>& pending_;  // refused for want of a locative only
  std::array<PopulationScoreSlot, kPopulationScoreSlots>& population_scores_;
};

}  // namespace

PlaceRecognizer::PlaceRecognizer(const Gazetteer& gazetteer, const PlaceOptions& options)
    : gazetteer_(gazetteer), options_(options) {}

void PlaceRecognizer::Process(Document& doc) const {
  doc.places.clear();
  if (doc.is_error()) return;
  thread_local MatcherScratch scratch;
  DocumentMatcher(gazetteer_, options_, doc, scratch).Run();
}

}  // namespace annalist
