// DocumentMatcher: the places stage's work on one document, as place_recognizer.cc describes it. Its first
// half (raw_matches.cc) cuts the tokens into pieces and finds every gazetteer name they spell; its second
// (place_decision.cc) weighs the article's evidence and decides which of those names are places. Internal to
// src/places: the stage's interface is place_recognizer.h.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "annalist/document.h"
#include "places/gazetteer.h"
#include "places/marked_hash_set.h"
#include "places/normalize.h"
#include "places/place_recognizer.h"
#include "places/place_words.h"

namespace annalist::places {

// A piece is a word token, or one of its hyphen-separated parts ("Aleppo-Hama" is two), with its normalised
// key: the unit the gazetteer's keys are made of.
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

// A gazetteer key spelt by pieces [first, last], before context decides whether it is a place.
struct RawMatch {
  uint32_t first = 0, last = 0;  // pieces, inclusive
  Gazetteer::Hit hit;
};

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
  DocumentMatcher(const Gazetteer& gazetteer, const PlaceOptions& options, Document& doc,
                  MatcherScratch& scratch)
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
    if (lists == kListsUnknown)
      lists = p.hash == 0 && !places::MaybeListed(Key(p)) ? 0 : ListsOf(Hash(p), Key(p));
    return (lists & bit) != 0;
  }
  bool Joined(uint32_t i) const { return i < pieces_.size() && pieces_[i].has(kPieceJoinPrev); }

  // Room for `size` more key bytes after key_end_.
  void ReserveKeys(size_t size) {
    if (key_end_ + size > keys_.size()) keys_.resize(std::max(2 * keys_.size(), key_end_ + size));
  }

  // An entry's country as one number, for fast compares (0 for none).
  static uint32_t PackedCountry(const EntryRecord& e) {
    return uint32_t{static_cast<unsigned char>(e.country[0])} |
           uint32_t{static_cast<unsigned char>(e.country[1])} << 8 |
           uint32_t{static_cast<unsigned char>(e.country[2])} << 16;
  }
  static bool Contains(const std::vector<uint64_t>& sorted, uint64_t h) {
    return std::binary_search(sorted.begin(), sorted.end(), h);
  }
  bool PrecededByThe(uint32_t i) const { return i > 0 && Joined(i) && Key(pieces_[i - 1]) == "the"; }

  // The helpers below are declared inline, each defined in the one .cc file that calls it: so GCC folds
  // them into their callers as it did when the class was internal to one file (out of line, the stage ran
  // 5% more instructions). Run's four steps are ordinary functions.

  // Pieces and raw matches (raw_matches.cc).
  // Cuts word token `t` at its hyphens into pieces: each part is a piece, joined to the one before (an empty
  // part, as in "--", makes no piece but still joins the next). One pass over the bytes makes each piece's
  // key, key hash and case counts: most pieces are ASCII letters and digits, whose key is the piece
  // lower-cased (what places::AppendKey gives); any other piece is made again by AppendKey.
  inline void AddPieces(uint32_t t, uint8_t flags);
  // Appends piece p, marking it when it lies inside a time expression (pieces come in text order).
  inline void Push(Piece& p);
  // Moves to the first time expression that ends after `begin` (none: an empty span at the end of all).
  inline void NextTime(uint32_t begin);
  // A lower-case word: key_size, begin, end and token set, key in the text, hashed only when asked.
  inline void AddLowerCasePiece(Piece& p, uint8_t flags);
  // Most tokens are ASCII letters and digits, a piece each whose key is the token lower-cased; a token of
  // lower-case letters and digits is its own key, hashed only when asked. Adds such a token's piece (as
  // AddPieces would) and returns true; returns false, adding nothing, for any other token.
  // (`text` and `text_size` are doc.text's, in registers: the key bytes written here may alias anything.)
  inline bool AddSimplePiece(const Token& token, uint32_t t, uint8_t flags, const char* text,
                             size_t text_size);
  void BuildPieces();
  // A piece may sit inside a multi-word name when capitalised, a short connector or a feature word.
  inline bool InnerPieceOk(const Piece& p) const;
  // A name starts at a capitalised piece, or at a lower-case article right before one ("al-Sham").
  void FindRawMatches();
  // The longest name starting at piece i, if any, becomes a raw match; `next` moves past it.
  inline void MatchAt(uint32_t i, uint32_t& next);

  // Evidence and decisions (place_decision.cc).
  inline bool HasKind(const RawMatch& m, EntryKind kind) const;
  inline void AddAnchor(const EntryRecord& e);
  inline bool Anchored(const EntryRecord& e) const;
  // The capitalised piece before `i` that would be a given name or title: skips name connectors.
  inline uint32_t NameBefore(uint32_t i) const;
  // Anchored countries, surnames and the words the article writes in lower case.
  void CollectEvidence();
  // Whether some piece of the article with piece i's key hash is written in lower case. REQUIRES: a
  // capitalised piece i opens a sentence without being a function word, or is a one-word match (the set
  // holds only those keys: CollectEvidence).
  inline bool WrittenInLowerCase(uint32_t i) const;
  inline bool CapitalisedOutsider(uint32_t i) const;
  // A capitalised word that may be a name: not a function word that opens a sentence ("In Washington").
  inline bool LikelyName(uint32_t i) const;
  // Whether ", <a raw place match>" follows piece i.
  inline bool FollowedByCommaPlace(uint32_t i) const;
  void Decide();
  // Whether the match became a place mention.
  inline bool Decide(const RawMatch& m);
  // 60 * log10(population + 10), remembered by entry (a name recurs within an article and across articles).
  inline double PopulationScore(uint32_t index, const EntryRecord& e);
  inline PlaceMention MakeMention(const EntryRecord& entry, const Piece& first, uint32_t span_last) const;
  // A lower-case apposition noun right before piece i, with or without a comma: "her daughter, Sana",
  // "the news agency Sana".
  inline bool AppositionBefore(uint32_t i) const;
  // ", the … agency" right after piece i: an apposition opened by an article and headed by an outlet noun,
  // at most six words after the comma, the noun ending the apposition.
  inline bool AppositionAfter(uint32_t i) const;
  // Whether every piece of the match is a compass word and a place follows ("North-East Syria").
  inline bool CompassBeforePlace(const RawMatch& m) const;
  inline bool PossessiveAfter(uint32_t i) const;
  // A locative word before piece i, or a list of places: ", Tartus", "and Hama" after an accepted place.
  inline bool LocativeBefore(uint32_t i) const;

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
  std::string& keys_;  // the pieces' keys, back to back: [0, key_end_) is used
  size_t key_end_ = 0;
  std::string& slow_key_;  // scratch for places::AppendKey
  std::vector<RawMatch>& matches_;
  std::vector<uint32_t>& anchors_;
  MarkedHashSet& capitalised_keys_;  // marked: also written in lower case
  std::vector<uint64_t>& surnames_;
  std::vector<uint64_t>& speakers_;                          // one-word names the article uses as a speaker's
  std::vector<bool>& accepted_;                              // per raw match, as decided in text order
  std::vector<uint64_t>& accepted_keys_;                     // one-word names taken as places
  std::vector<std::pair<uint64_t, PlaceMention>>& pending_;  // refused for want of a locative only
  std::array<PopulationScoreSlot, kPopulationScoreSlots>& population_scores_;
};

}  // namespace annalist::places
