// The compiled gazetteer's binary layout, shared by the compiler (build_gazetteer.cc) and the reader
// (gazetteer.cc). Little-endian, every section 8-byte aligned, offsets from the start of the blob:
//
//   BlobHeader | EntryRecord[entry_count] | Slot[slot_count] | uint32 postings[posting_count] | names
//
// Slots are an open-addressing (linear probing) table keyed by the 64-bit hash of a key (normalize.h); a slot
// marks a whole key (its postings list the entries it names) and/or a proper prefix of a longer key (so the
// matcher knows whether to read one more word). A key is never stored: two keys sharing 64 bits are a risk
// of about 1e-7 for the 2 million keys compiled, accepted for a table that needs no string compares.
#pragma once

#include <cstdint>

namespace annalist::places {

inline constexpr char kBlobMagic[8] = {'A', 'N', 'P', 'L', 'A', 'C', 'E', 'S'};
inline constexpr uint32_t kBlobVersion = 1;

struct BlobHeader {
  char magic[8];
  uint32_t version;
  uint32_t entry_count;
  uint32_t slot_count;  // a power of two
  uint32_t posting_count;
  uint32_t name_bytes;
  uint32_t entries_offset;
  uint32_t slots_offset;
  uint32_t postings_offset;
  uint32_t names_offset;
  uint32_t reserved;
};
static_assert(sizeof(BlobHeader) == 48);

// What an entry is. Stored in the blob: append only.
enum class EntryKind : uint8_t {
  kCountry = 0,
  kAdmin = 1,    // first-level division: province, governorate, state, oblast
  kCity = 2,     // city, town, village, neighbourhood, camp
  kArea = 3,     // strip, region, sea, river, continent
  kBlock = 4,    // a phrase that is never a place ("White House", "Gulf war"): matched only to be skipped
  kDemonym = 5,  // "Israeli", "Syrians": never a place, but tells which countries the article is about
};

// EntryRecord::flags bits.
enum EntryFlag : uint8_t {
  kEntrySupplement = 1 << 0,  // from data/places/supplement.tsv: preferred over package entries
  kEntryCapital = 1 << 1,     // national capital (GeoNames PPLC)
  kEntryAdminSeat = 1 << 2,   // seat of a first-level division (PPLA)
};

struct EntryRecord {
  uint32_t name_offset;  // canonical name, in the names section
  uint32_t population;
  float lat;
  float lon;
  uint16_t name_length;
  char country[3];  // ISO 3166-1 alpha-3, or three zero bytes
  uint8_t kind;     // EntryKind
  uint8_t flags;    // EntryFlag bits
  uint8_t reserved;
};
static_assert(sizeof(EntryRecord) == 24);

// Slot::flags bits.
enum SlotFlag : uint16_t {
  kSlotKey = 1 << 0,        // a whole key: postings follow
  kSlotPrefix = 1 << 1,     // a proper word prefix of some key
  kSlotAmbiguous = 1 << 2,  // also a common word or given name (data/places/ambiguous.txt): needs context
};

struct Slot {
  uint64_t hash;  // 0 = empty
  uint32_t postings_offset;  // index into postings
  uint16_t posting_count;
  uint16_t flags;
};
static_assert(sizeof(Slot) == 16);

// A posting: entry index in the low 24 bits, PostingFlag bits above.
inline constexpr uint32_t kPostingEntryMask = 0x00FFFFFFu;
enum PostingFlag : uint32_t {
  kPostingAltName = 1u << 24,  // the key is an alternate name of the entry, not its name or ASCII name
};

}  // namespace annalist::places
