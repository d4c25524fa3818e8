// The record formatters. Key order, number formatting and escaping are fixed, so the output is the same bytes
// whatever the thread count: golden files and diffs depend on it.
#include "io/writer.h"

#include <algorithm>
#include <bit>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <memory>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "io/gdelt_writer.h"
#include "io/record_names.h"

namespace annalist {
namespace {

// Literals are appended as string_views ("…"sv): their length is known at compile time, where `+= "…"` would
// call strlen on each of the record's two hundred-odd pieces.
using namespace std::string_view_literals;

// The record being written. std::string::append is a call with a capacity test for each of a record's
// hundreds of pieces; here an append is inline: one test and a copy whose length the compiler often knows.
// Kept by the formatting thread; a buffer grown far past its records is given back (memory stays flat).
class RecordBuffer {
 public:
  size_t size() const { return size_; }
  const char* data() const { return data_.get(); }
  void clear() {
    if (capacity_ > kKeptCapacity && capacity_ > 4 * size_) {
      data_.reset();
      capacity_ = 0;
    }
    size_ = 0;
  }
  void reserve(size_t n) {
    if (n > capacity_) Grow(n);
  }
  // (Always inline: a call per piece is the cost this class exists to remove, and GCC will not inline it
  // into the builder's long functions on its own.)
  // For the pieces whose length varies (text, names, escaped runs).
  [[gnu::always_inline]] void append(const char* bytes, size_t n) {
    reserve(size_ + n);
    CopyBytes(data_.get() + size_, bytes, n);
    size_ += n;
  }
  void append(const char* begin, const char* end) { append(begin, static_cast<size_t>(end - begin)); }
  // For literals ("…"sv) and keys, whose length the compiler knows: a memcpy of a known length is a move or
  // two. (Through CopyBytes, GCC warns of reads past a literal on the branches of lengths it does not have.)
  [[gnu::always_inline]] RecordBuffer& operator+=(std::string_view text) {
    reserve(size_ + text.size());
    if (!text.empty()) std::memcpy(data_.get() + size_, text.data(), text.size());  // (an empty view's may be null)
    size_ += text.size();
    return *this;
  }
  [[gnu::always_inline]] RecordBuffer& operator+=(char c) {
    reserve(size_ + 1);
    data_[size_++] = c;
    return *this;
  }
  // Appends the `length` bytes written at `offset` (an actor or place already written in this record).
  void AppendCopy(size_t offset, size_t length) {
    reserve(size_ + length);  // before taking the source: growing moves it
    std::memcpy(data_.get() + size_, data_.get() + offset, length);
    size_ += length;
  }
  // For a piece written in place (a number): room for `n` more bytes at the returned pointer, of which those
  // before `end` are then kept by Commit(end).
  char* Room(size_t n) {
    reserve(size_ + n);
    return data_.get() + size_;
  }
  void Commit(const char* end) { size_ = static_cast<size_t>(end - data_.get()); }

 private:
  static constexpr size_t kKeptCapacity = size_t{1} << 20;
  // memcpy, with the short copies of most of a record's pieces (a name, a number, a few bytes of text) done
  // here in two overlapping loads and stores instead of a call. (Also safe for no bytes, where memcpy's
  // pointers must not be null, and an empty buffer's are.)
  [[gnu::always_inline]] static void CopyBytes(char* to, const char* from, size_t n) {
    if (n >= 8) {
      if (n > 16) {
        std::memcpy(to, from, n);
        return;
      }
      uint64_t head, tail;
      std::memcpy(&head, from, 8);
      std::memcpy(&tail, from + n - 8, 8);
      std::memcpy(to, &head, 8);
      std::memcpy(to + n - 8, &tail, 8);
    } else if (n >= 4) {
      uint32_t head, tail;
      std::memcpy(&head, from, 4);
      std::memcpy(&tail, from + n - 4, 4);
      std::memcpy(to, &head, 4);
      std::memcpy(to + n - 4, &tail, 4);
    } else if (n > 0) {
      to[0] = from[0];
      to[n / 2] = from[n / 2];
      to[n - 1] = from[n - 1];
    }
  }
  void Grow(size_t n) {
    const size_t capacity = std::max({n, 2 * capacity_, size_t{4096}});
    auto grown = std::make_unique_for_overwrite<char[]>(capacity);
    if (size_ > 0) std::memcpy(grown.get(), data_.get(), size_);
    data_ = std::move(grown);
    capacity_ = capacity;
  }
  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// The most bytes WriteNumber writes: std::to_chars' shortest form of a double is at most 24.
constexpr size_t kMaxNumberLength = 32;

// Writes `value` at `p` and returns the end: an integral value as an integer ("100000", where the shortest
// form would be "1e+05"); others in the shortest form that reads back exactly ("31.42").
char* WriteNumber(double value, char* p) {
  char* const end = p + kMaxNumberLength;
  // (The range tests come first: converting a NaN or a huge value to an integer is undefined.)
  if (value > -9e15 && value < 9e15 && value == static_cast<double>(static_cast<int64_t>(value))) {
    return std::to_chars(p, end, static_cast<int64_t>(value)).ptr;
  }
  // Coordinates are rounded to hundredths (places stage). A value that is exactly the double nearest some
  // k / 100 has k / 100 with its trailing zeros cut as its shortest form: below 1e9, where a rounding step is
  // far below a hundredth, no other decimal of two places or fewer reads back as it, and any of more places
  // is longer. Writing k with the point put back is several times cheaper than std::to_chars' search.
  if (value > -1e9 && value < 1e9 && std::round(value * 100) / 100 == value) {
    const auto k = static_cast<int64_t>(std::round(value * 100));
    const uint64_t magnitude = static_cast<uint64_t>(k < 0 ? -k : k);
    if (k < 0) *p++ = '-';
    p = std::to_chars(p, end, magnitude / 100).ptr;
    const auto cents = static_cast<unsigned>(magnitude % 100);  // not 0: the value is not integral
    *p++ = '.';
    *p++ = static_cast<char>('0' + cents / 10);
    if (cents % 10 != 0) *p++ = static_cast<char>('0' + cents % 10);
    return p;
  }
  return std::to_chars(p, end, value).ptr;
}

void AppendNumberTo(double value, std::string& out) {
  char buffer[kMaxNumberLength];
  out.append(buffer, WriteNumber(value, buffer));
}

// Written in place: a record has a dozen numbers, and a copy through a buffer was a memcpy call each.
void AppendNumberTo(double value, RecordBuffer& out) { out.Commit(WriteNumber(value, out.Room(kMaxNumberLength))); }

template <typename Word>
Word LoadWord(const char* bytes) {
  Word word;
  std::memcpy(&word, bytes, sizeof word);
  return word;
}

// Whether any of the eight bytes of `word` is one JSON must escape: the "some byte is below n" and "some
// byte is zero" tests on whole words (exact as a yes or no), for below 0x20 and for the bytes of `word` xor
// '"' and xor '\\'. They share the `& ~word` since the xor leaves the high bits alone.
inline bool HasByteToEscape(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighBits = 0x8080808080808080ull;
  const uint64_t quote = word ^ (kOnes * '"');
  const uint64_t backslash = word ^ (kOnes * '\\');
  const uint64_t flagged = ((word - kOnes * 0x20) | (quote - kOnes) | (backslash - kOnes)) & ~word & kHighBits;
  return flagged != 0;
}

// The index of the first byte at or after `i` that JSON must escape (a control byte, '"' or '\\'), or
// text.size(). Sixteen bytes at a time where SSE2 is available: most strings need no escape at all.
size_t NextToEscape(std::string_view text, size_t i) {
#if defined(__SSE2__)
  for (; i + 16 <= text.size(); i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    // A byte below 0x20 as an unsigned number: the signed byte, shifted by 0x80, is below -0x60.
    const __m128i control = _mm_cmplt_epi8(_mm_xor_si128(bytes, _mm_set1_epi8(static_cast<char>(0x80))),
                                           _mm_set1_epi8(static_cast<char>(0x20 ^ 0x80)));
    const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('"')),
                                         _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\\')));
    const auto mask = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(control, special)));
    if (mask != 0) return i + static_cast<size_t>(std::countr_zero(mask));
  }
#endif
  // Fewer than 16 bytes are left: most mention texts and names are all here. They are tested as one word (two
  // overlapping ones from 8 bytes, two halves from 4) and only a word that holds a byte to escape is looked
  // at byte by byte.
  const size_t left = text.size() - i;
  if (left >= 8) {
    if (!HasByteToEscape(LoadWord<uint64_t>(text.data() + i)) &&
        !HasByteToEscape(LoadWord<uint64_t>(text.data() + text.size() - 8))) {
      return text.size();
    }
  } else if (left >= 4) {
    const uint32_t head = LoadWord<uint32_t>(text.data() + i);
    const uint32_t tail = LoadWord<uint32_t>(text.data() + text.size() - 4);
    if (!HasByteToEscape(head | uint64_t{tail} << 32)) return text.size();
  }
  for (; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') return i;
  }
  return text.size();
}

// A JSON string literal, quotes included.
template <typename Out>
void AppendEscapedTo(std::string_view text, Out& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  size_t run_start = 0;
  for (size_t i = NextToEscape(text, 0); i < text.size(); i = NextToEscape(text, run_start)) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    out.append(text.data() + run_start, i - run_start);
    run_start = i + 1;
    switch (c) {
      case '"': out += "\\\""sv; break;
      case '\\': out += "\\\\"sv; break;
      case '\n': out += "\\n"sv; break;
      case '\r': out += "\\r"sv; break;
      case '\t': out += "\\t"sv; break;
      case '\b': out += "\\b"sv; break;
      case '\f': out += "\\f"sv; break;
      default:
        out += "\\u00"sv;
        out += kHex[c >> 4];
        out += kHex[c & 0xF];
    }
  }
  out.append(text.data() + run_start, text.size() - run_start);
  out += '"';
}


void AppendUnsigned(uint64_t value, std::string& out) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, result.ptr);
}

// Written in place, like AppendNumberTo: two a span.
void AppendUnsigned(uint64_t value, RecordBuffer& out) {
  constexpr size_t kMaxLength = 20;  // digits of 2^64 - 1
  char* const room = out.Room(kMaxLength);
  out.Commit(std::to_chars(room, room + kMaxLength, value).ptr);
}

template <typename Out>
void AppendNullableString(std::string_view text, Out& out) {
  if (text.empty()) {
    out += "null"sv;
  } else {
    AppendEscapedTo(text, out);
  }
}

// Walks a document's layers and writes them as RECORDS.md JSON into the thread's RecordBuffer, then appends
// the record to the caller's string. Holds the per-document byte→code-point index.
class JsonRecordBuilder {
 public:
  JsonRecordBuilder(const Document& doc, std::string& out)
      : doc_(doc),
        record_(out),
        out_(scratch.buffer),
        index_(scratch.index),
        actor_json_(scratch.actor_json),
        place_json_(scratch.place_json) {
    out_.clear();
    index_.Reset(doc.text);
    actor_json_.assign(doc.actors.size(), {0, 0});
    place_json_.assign(doc.places.size(), {0, 0});
  }

  void Build() {
    out_ += "{\"id\":"sv;
    AppendEscapedTo(doc_.id, out_);
    if (doc_.is_error()) {
      out_ += ",\"error\":"sv;
      AppendEscapedTo(doc_.error, out_);
      out_ += "}\n"sv;
      record_.append(out_.data(), out_.size());
      return;
    }
    out_ += ",\"date\":"sv;
    if (doc_.date) {
      out_ += '"';
      text_.clear();
      AppendIsoDate(*doc_.date, text_);
      out_ += text_;
      out_ += '"';
    } else {
      out_ += "null"sv;
    }
    AppendOptionalField("title", doc_.title);
    AppendOptionalField("source", doc_.source);
    AppendOptionalField("url", doc_.url);
    AppendList("events", doc_.events, [this](const Event& event) { AppendEvent(event); });
    AppendList("quantities", doc_.quantities, [this](const Quantity& quantity) { AppendQuantity(quantity); });
    AppendList("places", doc_.places,
               [this](const PlaceMention& place) {
                 AppendPlaceOrNull(static_cast<uint32_t>(&place - doc_.places.data()));
               });
    AppendList("times", doc_.times, [this](const TimeMention& time) { AppendTime(time); });
    if (!doc_.warnings.empty()) {
      AppendList("warnings", doc_.warnings, [this](const std::string& warning) { AppendEscapedTo(warning, out_); });
    }
    out_ += "}\n"sv;
    record_.append(out_.data(), out_.size());
  }

 private:
  // ,"key":[item,item,...] with each item written by `append`.
  template <typename T, typename AppendItem>
  void AppendList(std::string_view key, const std::vector<T>& items, AppendItem append) {
    out_ += ",\""sv;
    out_ += key;
    out_ += "\":["sv;
    for (size_t i = 0; i < items.size(); ++i) {
      if (i) out_ += ',';
      append(items[i]);
    }
    out_ += ']';
  }

  void AppendOptionalField(std::string_view key, const std::optional<std::string>& value) {
    if (!value) return;
    out_ += ",\""sv;
    out_ += key;
    out_ += "\":"sv;
    AppendEscapedTo(*value, out_);
  }

  // "text":"…","span":[b,e] — the text and the code-point span of a byte span, written in that order by
  // callers that put other keys between them.
  void AppendSpan(Span span) {
    out_ += "\"span\":["sv;
    const uint32_t begin = index_.CodePointOffset(span.begin);
    AppendUnsigned(begin, out_);
    out_ += ',';
    AppendUnsigned(index_.CodePointOffsetFrom(span.begin, begin, span.end), out_);
    out_ += ']';
  }

  void AppendText(Span span) {
    out_ += "\"text\":"sv;
    AppendEscapedTo(doc_.slice(span), out_);
  }

  void AppendCountry(const CountryCode& country) {
    out_ += "\"country\":"sv;
    AppendNullableString(country.view(), out_);
  }

  void AppendDate(const std::optional<DayInterval>& date) {
    out_ += "\"date\":"sv;
    if (date) {
      AppendQuotedTimeValue(*date);
    } else {
      out_ += "null"sv;
    }
  }

  // A time value needs no escaping: digits, '-' and '/'.
  void AppendQuotedTimeValue(const DayInterval& value) {
    out_ += '"';
    text_.clear();
    AppendTimeValue(value, text_);
    out_ += text_;
    out_ += '"';
  }
  void AppendActorOrNull(uint32_t actor_index) {
    if (actor_index == kNone || actor_index >= doc_.actors.size()) {
      out_ += "null"sv;
      return;
    }
    // A mention named by several events and figures is written once and copied after.
    auto& [offset, length] = actor_json_[actor_index];
    if (length > 0) {
      out_.AppendCopy(offset, length);
      return;
    }
    offset = out_.size();
    const ActorMention& actor = doc_.actors[actor_index];
    out_ += '{';
    AppendText(actor.span);
    out_ += ",\"name\":"sv;
    AppendNullableString(actor.name, out_);
    out_ += ',';
    AppendCountry(actor.country);
    out_ += ",\"sector\":"sv;
    AppendNullableString(SectorName(actor.sector), out_);
    out_ += ',';
    AppendSpan(actor.span);
    out_ += '}';
    length = out_.size() - offset;
  }

  void AppendPlaceOrNull(uint32_t place_index) {
    if (place_index == kNone || place_index >= doc_.places.size()) {
      out_ += "null"sv;
      return;
    }
    // Written once in "places" (which comes after events and figures in the record, so maybe here first)
    // and copied for every event and figure that names it.
    auto& [offset, length] = place_json_[place_index];
    if (length > 0) {
      out_.AppendCopy(offset, length);
      return;
    }
    offset = out_.size();
    AppendPlace(doc_.places[place_index]);
    length = out_.size() - offset;
  }

  void AppendPlace(const PlaceMention& place) {
    out_ += '{';
    AppendText(place.span);
    out_ += ",\"name\":"sv;
    AppendEscapedTo(place.name, out_);
    out_ += ',';
    AppendCountry(place.country);
    out_ += ",\"kind\":\""sv;
    out_ += PlaceKindName(place.kind);
    out_ += "\",\"lat\":"sv;
    AppendNumberTo(place.lat, out_);
    out_ += ",\"lon\":"sv;
    AppendNumberTo(place.lon, out_);
    out_ += ',';
    AppendSpan(place.span);
    out_ += '}';
  }

  void AppendTime(const TimeMention& time) {
    out_ += '{';
    AppendText(time.span);
    out_ += ",\"value\":"sv;
    AppendQuotedTimeValue(time.value);
    out_ += ',';
    AppendSpan(time.span);
    out_ += '}';
  }

  void AppendQuantity(const Quantity& quantity) {
    out_ += "{\"category\":\""sv;
    out_ += QuantityCategoryName(quantity.category);
    out_ += "\",\"value\":"sv;
    AppendNumberTo(quantity.value, out_);
    out_ += ",\"high\":"sv;
    if (quantity.high) {
      AppendNumberTo(*quantity.high, out_);
    } else {
      out_ += "null"sv;
    }
    out_ += ",\"qualifier\":\""sv;
    out_ += QualifierName(quantity.qualifier);
    out_ += "\",\"who\":"sv;
    AppendNullableString(doc_.slice(quantity.who), out_);
    out_ += ",\"part_of\":"sv;
    if (quantity.part_of == kNone) {
      out_ += "null"sv;
    } else {
      AppendUnsigned(quantity.part_of, out_);
    }
    out_ += ",\"claimed_by\":"sv;
    AppendActorOrNull(quantity.claimed_by);
    out_ += ',';
    AppendDate(quantity.date);
    out_ += ",\"place\":"sv;
    AppendPlaceOrNull(quantity.place);
    out_ += ',';
    AppendSpan(quantity.span);
    out_ += '}';
  }

  void AppendEvent(const Event& event) {
    out_ += "{\"type\":\""sv;
    out_ += EventTypeName(event.type);
    out_ += "\",\"mode\":"sv;
    AppendNullableString(event.mode, out_);
    out_ += ",\"context\":["sv;
    for (size_t i = 0; i < event.contexts.size(); ++i) {
      if (i) out_ += ',';
      AppendEscapedTo(event.contexts[i], out_);
    }
    out_ += "],\"cameo\":"sv;
    AppendNullableString(event.cameo, out_);
    out_ += ",\"actor\":"sv;
    AppendActorOrNull(event.actor);
    out_ += ",\"recipient\":"sv;
    AppendActorOrNull(event.recipient);
    out_ += ',';
    AppendDate(event.date);
    out_ += ",\"place\":"sv;
    AppendPlaceOrNull(event.place);
    out_ += ",\"claimed_by\":"sv;
    AppendActorOrNull(event.claimed_by);
    out_ += ",\"status\":\""sv;
    out_ += EventStatusName(event.status);
    out_ += "\",\"trigger\":"sv;
    AppendEscapedTo(doc_.slice(event.trigger), out_);
    out_ += ',';
    AppendSpan(event.trigger);
    out_ += '}';
  }

  // The builder's buffers, kept by the formatting thread across documents.
  struct Scratch {
    RecordBuffer buffer;
    std::string text;  // a date or time value on its way into the buffer
    Utf8Index index;
    std::vector<std::pair<size_t, size_t>> actor_json;  // per actor mention: offset and length in out_
    std::vector<std::pair<size_t, size_t>> place_json;  // per place mention: the same
  };
  static thread_local Scratch scratch;

  const Document& doc_;
  std::string& record_;  // the caller's: the record is appended there once built
  RecordBuffer& out_;
  std::string& text_ = scratch.text;
  Utf8Index& index_;
  std::vector<std::pair<size_t, size_t>>& actor_json_;  // length 0: not written yet
  std::vector<std::pair<size_t, size_t>>& place_json_;  // length 0: not written yet
};

thread_local JsonRecordBuilder::Scratch JsonRecordBuilder::scratch;

class JsonLinesFormatter final : public RecordFormatter {
 public:
  std::string Header() const override { return {}; }
  void Format(const Document& doc, std::string& out) const override { JsonRecordBuilder(doc, out).Build(); }
};

// RFC 4180 field: quoted only when it must be.
void AppendCsvField(std::string_view field, std::string& out) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
    out.append(field);
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

class EventsCsvFormatter final : public RecordFormatter {
 public:
  std::string Header() const override {
    return "id,article_date,type,mode,cameo,actor,actor_country,actor_sector,recipient,recipient_country,"
           "recipient_sector,date,place,place_country,lat,lon,claimed_by,status,trigger,trigger_begin,"
           "trigger_end,error\n";
  }

  void Format(const Document& doc, std::string& out) const override {
    if (doc.is_error()) {
      AppendCsvField(doc.id, out);
      out += ",,,,,,,,,,,,,,,,,,,,,"sv;
      AppendCsvField(doc.error, out);
      out += '\n';
      return;
    }
    const std::string article_date = doc.date ? FormatIsoDate(*doc.date) : std::string();
    const Utf8Index index(doc.text);
    for (const Event& event : doc.events) {
      AppendCsvField(doc.id, out);
      out += ',';
      out += article_date;
      out += ',';
      out += EventTypeName(event.type);
      out += ',';
      AppendCsvField(event.mode, out);
      out += ',';
      AppendCsvField(event.cameo, out);
      out += ',';
      AppendActor(doc, event.actor, out);
      out += ',';
      AppendActor(doc, event.recipient, out);
      out += ',';
      if (event.date) AppendTimeValue(*event.date, out);
      out += ',';
      if (event.place != kNone && event.place < doc.places.size()) {
        const PlaceMention& place = doc.places[event.place];
        AppendCsvField(place.name, out);
        out += ',';
        out.append(place.country.view());
        out += ',';
        AppendJsonNumber(place.lat, out);
        out += ',';
        AppendJsonNumber(place.lon, out);
      } else {
        out += ",,,"sv;
      }
      out += ',';
      if (event.claimed_by != kNone && event.claimed_by < doc.actors.size()) {
        AppendCsvField(doc.slice(doc.actors[event.claimed_by].span), out);
      }
      out += ',';
      out += EventStatusName(event.status);
      out += ',';
      AppendCsvField(doc.slice(event.trigger), out);
      out += ',';
      AppendUnsigned(index.CodePointOffset(event.trigger.begin), out);
      out += ',';
      AppendUnsigned(index.CodePointOffset(event.trigger.end), out);
      out += ",\n"sv;
    }
  }

 private:
  // Three columns: the words, the country, the sector.
  static void AppendActor(const Document& doc, uint32_t actor_index, std::string& out) {
    if (actor_index == kNone || actor_index >= doc.actors.size()) {
      out += ",,"sv;
      return;
    }
    const ActorMention& actor = doc.actors[actor_index];
    AppendCsvField(doc.slice(actor.span), out);
    out += ',';
    out.append(actor.country.view());
    out += ',';
    out.append(SectorName(actor.sector));
  }
};

}  // namespace

void AppendJsonNumber(double value, std::string& out) { AppendNumberTo(value, out); }

void AppendJsonString(std::string_view text, std::string& out) { AppendEscapedTo(text, out); }

Result<std::unique_ptr<RecordFormatter>> MakeFormatter(std::string_view name) {
  if (name == "jsonl") return std::unique_ptr<RecordFormatter>(new JsonLinesFormatter());
  if (name == "events-csv") return std::unique_ptr<RecordFormatter>(new EventsCsvFormatter());
  if (name == "gdelt") return MakeGdeltFormatter();
  return Status::InvalidInput("unknown output format '" + std::string(name) + "' (use jsonl, events-csv or gdelt)");
}

Result<std::unique_ptr<OutputSink>> OutputSink::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<OutputSink>(new OutputSink(stdout, "<stdout>", false));
  }
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Status::IOError("cannot create '" + path + "': " + std::strerror(errno));
  }
  return std::unique_ptr<OutputSink>(new OutputSink(file, path, true));
}

OutputSink::~OutputSink() {
  if (file_ != nullptr && owned_) std::fclose(file_);
}

Status OutputSink::Write(std::string_view bytes) {
  if (file_ == nullptr) return Status::IOError("write to '" + path_ + "' after it was closed");
  if (bytes.empty()) return Status::Ok();
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    return Status::IOError("cannot write to '" + path_ + "': " + std::strerror(errno));
  }
  return Status::Ok();
}

Status OutputSink::Close() {
  if (file_ == nullptr) return Status::Ok();
  std::FILE* file = file_;
  file_ = nullptr;
  const bool flushed = std::fflush(file) == 0;
  const int flush_errno = errno;
  const bool had_error = std::ferror(file) != 0;
  const bool closed = owned_ ? std::fclose(file) == 0 : true;
  if (!flushed || had_error || !closed) {
    return Status::IOError("cannot write to '" + path_ + "': " + std::strerror(flushed ? errno : flush_errno));
  }
  return Status::Ok();
}

}  // namespace annalist
