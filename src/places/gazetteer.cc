// The gazetteer is a view: validation checks the header and that every section lies inside the blob, then
// lookups are a linear probe over 16-byte slots. Entry and posting bounds are checked once here (every
// posting indexes an entry, every name lies in the names section) so the hot path can trust them.
#include "places/gazetteer.h"

#include <cstring>
#include <string>

#include "core/embedded_blob.h"

ANNALIST_EMBEDDED_BLOB(annalist_places_gazetteer);

namespace annalist {

using places::BlobHeader;
using places::EntryRecord;
using places::Slot;

Result<Gazetteer> Gazetteer::LoadEmbedded() { return FromBytes(EmbeddedBlob(annalist_places_gazetteer)); }

Result<Gazetteer> Gazetteer::FromBytes(std::string_view bytes) {
  auto corrupt = [](const std::string& what) { return Status::Corruption("gazetteer blob: " + what); };
  if (bytes.size() < sizeof(BlobHeader)) return corrupt("shorter than its header");
  if (reinterpret_cast<uintptr_t>(bytes.data()) % 8 != 0) return corrupt("not 8-byte aligned");
  const auto* header = reinterpret_cast<const BlobHeader*>(bytes.data());
  if (std::memcmp(header->magic, places::kBlobMagic, sizeof(header->magic)) != 0) return corrupt("bad magic");
  if (header->version != places::kBlobVersion) {
    return corrupt("version " + std::to_string(header->version) + ", expected " +
                   std::to_string(places::kBlobVersion));
  }
  auto inside = [&](uint64_t offset, uint64_t size) { return offset % 8 == 0 && offset + size <= bytes.size(); };
  if (!inside(header->entries_offset, uint64_t{header->entry_count} * sizeof(EntryRecord))) {
    return corrupt("entries section out of bounds");
  }
  if (header->slot_count == 0 || (header->slot_count & (header->slot_count - 1)) != 0 ||
      !inside(header->slots_offset, uint64_t{header->slot_count} * sizeof(Slot))) {
    return corrupt("slot section out of bounds or not a power of two");
  }
  if (!inside(header->postings_offset, uint64_t{header->posting_count} * 4)) {
    return corrupt("postings section out of bounds");
  }
  if (uint64_t{header->names_offset} + header->name_bytes > bytes.size()) return corrupt("names out of bounds");

  Gazetteer g;
  g.header_ = header;
  g.entries_ = reinterpret_cast<const EntryRecord*>(bytes.data() + header->entries_offset);
  g.slots_ = reinterpret_cast<const Slot*>(bytes.data() + header->slots_offset);
  g.postings_ = reinterpret_cast<const uint32_t*>(bytes.data() + header->postings_offset);
  g.names_ = bytes.data() + header->names_offset;
  g.byte_size_ = bytes.size();
  for (uint32_t i = 0; i < header->entry_count; ++i) {
    const EntryRecord& e = g.entries_[i];
    if (uint64_t{e.name_offset} + e.name_length > header->name_bytes || e.kind > 5) {
      return corrupt("entry " + std::to_string(i) + " has a bad name or kind");
    }
  }
  for (uint32_t i = 0; i < header->posting_count; ++i) {
    if ((g.postings_[i] & places::kPostingEntryMask) >= header->entry_count) {
      return corrupt("posting " + std::to_string(i) + " names no entry");
    }
  }
  for (uint32_t i = 0; i < header->slot_count; ++i) {
    const Slot& s = g.slots_[i];
    if (uint64_t{s.postings_offset} + s.posting_count > header->posting_count) {
      return corrupt("slot " + std::to_string(i) + " postings out of bounds");
    }
  }
  return g;
}

Gazetteer::Hit Gazetteer::Find(uint64_t hash) const {
  const uint32_t mask = header_->slot_count - 1;
  for (uint32_t i = static_cast<uint32_t>(hash) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.hash == 0) return {};
    if (slot.hash == hash) return {{postings_ + slot.postings_offset, slot.posting_count}, slot.flags};
  }
}

CountryCode Gazetteer::Country(const EntryRecord& entry) {
  CountryCode code;
  if (entry.country[0] != 0) code.code = {entry.country[0], entry.country[1], entry.country[2]};
  return code;
}

}  // namespace annalist
