// The word lists of place recognition (titles, organisation heads, locatives, feature words, …), merged
// into one table built at compile time: a key's places::HashKey, which every piece of the matcher carries,
// finds the lists that hold the key in one probe instead of a scan of each list.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace annalist::places {

// The lists, one bit each.
enum ListBit : uint32_t {
  kListTitle = 1u << 0,
  kListOrganisationHead = 1u << 1,
  kListLowerCaseHead = 1u << 2,
  kListLocative = 1u << 3,
  kListOfPlaceNoun = 1u << 4,
  kListToMotion = 1u << 5,
  kListOfHead = 1u << 6,
  kListFeatureWord = 1u << 7,
  kListSuffixWord = 1u << 8,
  kListNameConnector = 1u << 9,
  kListArticle = 1u << 10,
  kListFunctionWord = 1u << 11,
  kListSpeechVerb = 1u << 12,
  kListAppositionNoun = 1u << 13,
  kListCompass = 1u << 14,
  kListOutletNoun = 1u << 15,
};

// A word after a name that joins its span; the first seven prefer a division.
inline constexpr std::string_view kSuffixWords[] = {"province", "governorate", "region", "oblast", "district",
                                                    "county", "prefecture", "camp", "river"};
inline constexpr size_t kAdminSuffixCount = 7;
// The longest name connector ("al", "bin", "van", …), in bytes: a cheap test before the table.
inline constexpr size_t kMaxConnectorSize = 4;

// Bit (hash >> 52) of the hash of every word of every list: most keys asked about are in no list, and this
// 512-byte filter answers them without touching the table.
extern const std::array<uint64_t, 64> kListFilter;

// 12 bits of a non-empty key's size, first and last byte: a filter on them rejects most keys before they are
// hashed.
constexpr uint32_t KeyShape(std::string_view key) {
  const uint32_t x = static_cast<uint32_t>(key.size()) | uint32_t{static_cast<unsigned char>(key[0])} << 8 |
                     uint32_t{static_cast<unsigned char>(key.back())} << 16;
  return (x * 0x9E3779B1u) >> 20;
}
// Bit KeyShape(word) of every word of every list.
extern const std::array<uint64_t, 64> kListShapeFilter;
// False when no list holds the non-empty `key` (true when one may).
inline bool MaybeListed(std::string_view key) {
  const uint32_t s = KeyShape(key);
  return (kListShapeFilter[s >> 6] >> (s & 63)) & 1;
}

// The lists (ListBit bits) that hold `key`, whose places::HashKey is `hash`; looked up in the table.
uint32_t ListsInTable(uint64_t hash, std::string_view key);

// The same, with the filter's answer in line. Thread-safe: the tables are constants.
inline uint32_t ListsOf(uint64_t hash, std::string_view key) {
  if (!(kListFilter[hash >> 58] & (uint64_t{1} << ((hash >> 52) & 63)))) return 0;
  return ListsInTable(hash, key);
}

}  // namespace annalist::places
