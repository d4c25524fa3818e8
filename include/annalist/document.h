// Document: the one typed record that flows through every stage of the pipeline.
//
// A reader fills the article part (id, date, text, carried fields) or marks the document as an error. Then each
// stage adds its own layer and treats the earlier layers as read-only:
//
//   text     → tokens, sentences
//   times    → times
//   places   → places
//   actors   → actors
//   figures  → quantities (and claim_sources, the sources it found, for the events stage)
//   events   → events
//
// Every span is a half-open range of UTF-8 *byte* offsets into `text`. Code points appear only at the edge:
// the writer converts byte spans to the code-point spans RECORDS.md requires (see src/core/utf8_index.h).
// Layers refer to each other by uint32_t indices into their vectors (kNone for "none"), never by pointers, so
// they stay valid when a vector grows.
//
// A Document owns all of its strings, except string_views documented as pointing into the immutable resources
// (gazetteer, dictionaries), which outlive every document processed with them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "annalist/date.h"

namespace annalist {

inline constexpr uint32_t kNone = 0xFFFFFFFFu;

// A half-open byte range [begin, end) of Document::text.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;

  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// An ISO 3166-1 alpha-3 code ("PSE"), or empty for "no country" (null in the output).
struct CountryCode {
  std::array<char, 3> code{0, 0, 0};

  static CountryCode FromString(std::string_view alpha3);  // REQUIRES: alpha3.size() == 3
  bool empty() const { return code[0] == 0; }
  std::string_view view() const { return empty() ? std::string_view() : std::string_view(code.data(), 3); }
  friend bool operator==(const CountryCode&, const CountryCode&) = default;
};

// ---------------------------------------------------------------------------------------------------------
// The text layer.

enum class TokenKind : uint8_t {
  kWord,    // letters, possibly with inner hyphens/apostrophes/periods: "al-Thani", "U.S.", "Gen.", "don't"
  kNumber,  // digits with inner separators: "20,000", "1.2", "2023-12-21", "17-year-old" is a kWord
  kPunct,   // . , ; : ! ? ( ) [ ] quotes, dashes, ellipsis
  kSymbol,  // anything else: % $ € & / # @ …
};

// Token::flags bits.
enum TokenFlag : uint8_t {
  kTokenCapitalized = 1 << 0,     // first letter is upper case ("Hamas", "U.S.")
  kTokenAllCaps = 1 << 1,         // two or more letters, none lower case ("EFE", "UN")
  kTokenAbbreviation = 1 << 2,    // a word that ends in its own period ("Gen.", "U.N.", "Mr.")
  kTokenPossessive = 1 << 3,      // the clitic "'s" / "’s" / "'" split off a word ("Jihad" + "'s")
  kTokenSpaceBefore = 1 << 4,     // whitespace separates it from the previous token
  kTokenNewlineBefore = 1 << 5,   // a line break separates it from the previous token
  kTokenParagraphBefore = 1 << 6, // a blank line separates it from the previous token
  kTokenLowerAscii = 1 << 7,      // a word of ASCII a-z and 0-9 from a letter on ("said", "g20"; not "don't",
                                  // "al-Qaida", "iPhone", "1990s", "etc."): known to the tokenizer for free
};

struct Token {
  uint32_t begin = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;  // TokenFlag bits

  bool has(TokenFlag flag) const { return (flags & flag) != 0; }
  Span span() const { return {begin, end}; }
};

struct Sentence {
  Span span;                 // from the first token's begin to the last token's end
  uint32_t token_begin = 0;  // [token_begin, token_end) indexes Document::tokens
  uint32_t token_end = 0;
};

// ---------------------------------------------------------------------------------------------------------
// Mentions added by the stages. Closed sets are enums; their spelling lives only in the writer.

struct TimeMention {
  Span span;
  DayInterval value;  // resolved against the article's date
};

enum class PlaceKind : uint8_t { kCountry, kAdmin, kCity, kArea };

struct PlaceMention {
  Span span;
  std::string_view name;  // canonical name; points into the gazetteer
  CountryCode country;
  PlaceKind kind = PlaceKind::kCity;
  double lat = 0;
  double lon = 0;
};

enum class Sector : uint8_t {
  kNone,  // unknown: null in the output
  kGOV, kMIL, kCOP, kSPY, kJUD, kLEG, kREB, kOPP, kCVL, kMED, kNGO, kIGO, kBUS, kREL, kREF, kHLH,
};

struct ActorMention {
  Span span;
  std::string_view name;  // canonical name, empty when unknown; points into the dictionary
  CountryCode country;
  Sector sector = Sector::kNone;
};

enum class QuantityCategory : uint8_t {
  kKilled, kInjured, kMissing, kAbducted, kHeld, kReleased, kArrested, kDisplaced, kLaunched, kParticipants,
  kOther,
};

enum class Qualifier : uint8_t { kExact, kAbout, kMoreThan, kAtLeast, kUpTo, kLessThan };

struct Quantity {
  Span span;  // where the number stands
  QuantityCategory category = QuantityCategory::kOther;
  double value = 0;
  std::optional<double> high;  // upper end of a range
  Qualifier qualifier = Qualifier::kExact;
  Span who;                         // the counted group as written; empty = null
  uint32_t part_of = kNone;         // index into Document::quantities
  uint32_t claimed_by = kNone;      // index into Document::actors
  std::optional<DayInterval> date;
  uint32_t place = kNone;           // index into Document::places
};

enum class EventType : uint8_t {
  kAgree, kConsult, kSupport, kConcede, kCooperate, kAid, kRetreat, kRequest, kAccuse, kReject, kThreaten,
  kProtest, kSanction, kMobilize, kCoerce, kAssault,
};

enum class EventStatus : uint8_t { kOccurred, kPlanned, kRefused, kConditional, kDenied };

struct Event {
  Span trigger;
  EventType type = EventType::kAgree;
  std::string_view mode;                   // PLOVER mode, empty = null; points into the event lexicon
  std::vector<std::string_view> contexts;  // PLOVER context labels; point into the event lexicon
  std::string_view cameo;                  // CAMEO code, empty = null
  uint32_t actor = kNone;                  // indices into Document::actors
  uint32_t recipient = kNone;
  uint32_t claimed_by = kNone;
  std::optional<DayInterval> date;
  uint32_t place = kNone;                  // index into Document::places
  EventStatus status = EventStatus::kOccurred;
};

// Who says so, as the figures stage found it (src/figures/source_finder.h), kept so that the events stage
// reads the same sources instead of finding them again.

struct ClaimSource {
  uint32_t verb = 0;      // the token of the verb, or of "according"
  uint32_t sentence = 0;  // index into Document::sentences
  Span words;             // the source as written
  uint32_t actor = kNone; // index into Document::actors
};

struct Quotation {
  uint32_t open = 0, close = 0;  // tokens of the opening and closing marks
  uint32_t actor = kNone;        // index into Document::actors: who opened or closed it, or kNone
};

struct ClaimSources {
  std::vector<ClaimSource> sources;
  std::vector<Quotation> quotes;
  bool filled = false;  // set by the figures stage; unset when the stage did not run on this document

  void clear() {
    sources.clear();
    quotes.clear();
    filled = false;
  }
};

// ---------------------------------------------------------------------------------------------------------

struct Document {
  // --- The article, as the reader gave it. ---
  std::string id;
  std::optional<CivilDate> date;  // publication date; unset when absent or not a valid date
  std::string date_text;          // the date as written in the input (kept for the output when invalid)
  std::string text;               // valid UTF-8 (the reader replaced any invalid byte with U+FFFD)
  std::optional<std::string> title, source, url;  // carried through unchanged
  uint64_t input_number = 0;      // 1-based record number within its input, for messages

  // When non-empty, the input could not be read as an article: the writer prints {"id", "error"} and the
  // stages leave the document alone.
  std::string error;
  // Problems that did not stop coding (an invalid date, replaced bytes); printed as "warnings".
  std::vector<std::string> warnings;

  // --- Layers added by the stages. ---
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<TimeMention> times;
  std::vector<PlaceMention> places;
  std::vector<ActorMention> actors;
  std::vector<Quantity> quantities;
  std::vector<Event> events;
  // The figures stage's sources and quotations (its claimant mentions are already in `actors`).
  ClaimSources claim_sources;

  bool is_error() const { return !error.empty(); }
  std::string_view slice(Span span) const { return std::string_view(text).substr(span.begin, span.size()); }
  std::string_view token_text(uint32_t token) const { return slice(tokens[token].span()); }

  // Empties every layer but keeps the vectors' capacity, so a Document can be reused across articles.
  void Clear();
};

}  // namespace annalist
