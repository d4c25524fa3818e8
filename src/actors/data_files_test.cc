// Checks on the project's own dictionaries in data/actors/ (this test reads the real data, as it says): each
// file has its header, loads without error, is sorted with no repeated entry, and uses valid codes; and the
// built-in dictionary (with the countries compiled from the data packages) loads.
#include <gtest/gtest.h>
#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "actors/actor_dictionary.h"
#include "actors/builtin_dictionary.h"

namespace annalist {
namespace {

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<std::filesystem::path> DataFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(ANNALIST_SOURCE_DIR) + "/data/actors")) {
    if (entry.path().extension() == ".tsv") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The sort key of data/actors (the same as the sorting script's): case- and accent-folded, hyphens as spaces.
std::string SortKey(std::string_view name) {
  std::string key;
  actors::WordKey(name, &key);
  std::replace(key.begin(), key.end(), '-', ' ');
  std::replace(key.begin(), key.end(), '_', ' ');
  return key;
}

std::set<std::string> IsoCountries() {
  simdjson::dom::parser parser;
  std::set<std::string> codes = {"XKX"};  // Kosovo: user-assigned, used by world-countries
  simdjson::dom::element root;
  if (parser.load("/usr/share/iso-codes/json/iso_3166-1.json").get(root)) return codes;
  for (simdjson::dom::element c : root["3166-1"].get_array()) codes.insert(std::string(std::string_view(c["alpha_3"])));
  return codes;
}

TEST(DataFiles, EachFileLoadsIsSortedAndHasNoDuplicates) {
  const auto files = DataFiles();
  ASSERT_GE(files.size(), 5u);
  std::map<std::string, std::string> names;  // key → file, across the files (country_aliases extends countries)
  for (const auto& path : files) {
    const std::string text = Read(path);
    ActorDictionary dictionary;
    const Status status = dictionary.AddText(text, path.filename().string());
    EXPECT_TRUE(status.ok()) << status.ToString();
    std::string previous;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      const std::string name = line.substr(0, line.find('\t'));
      const std::string key = SortKey(name);
      EXPECT_LT(previous, key) << path.filename() << ": '" << name << "' out of order or repeated";
      previous = key;
      if (path.filename() == "agents.tsv" || path.filename() == "country_aliases.tsv") continue;
      auto [it, inserted] = names.emplace(key, path.filename().string());
      EXPECT_TRUE(inserted) << "'" << name << "' in " << path.filename() << " and " << it->second;
    }
  }
}

TEST(DataFiles, CountryCodesAreIso3166) {
  const std::set<std::string> iso = IsoCountries();
  ASSERT_GT(iso.size(), 240u);
  ActorDictionary dictionary;
  ASSERT_TRUE(AddBuiltinActors(&dictionary).ok());
  for (const ActorEntry& entry : dictionary.actors()) {
    if (!entry.country.empty()) {
      EXPECT_TRUE(iso.count(std::string(entry.country.view()))) << entry.origin << ": " << entry.country.view();
    }
    for (const ActorRole& role : entry.roles) {
      if (!role.country.empty()) {
        EXPECT_TRUE(iso.count(std::string(role.country.view()))) << entry.origin;
      }
    }
  }
}

TEST(DataFiles, CountryAliasesExtendGeneratedCountries) {
  ActorDictionary dictionary;
  ASSERT_TRUE(AddBuiltinActors(&dictionary).ok());
  for (const ActorEntry& entry : dictionary.actors()) {
    if (entry.origin.starts_with("country_aliases.tsv")) {
      ADD_FAILURE() << entry.origin << ": '" << entry.name << "' is no country";
    }
  }
}

TEST(DataFiles, BuiltinDictionaryLoads) {
  ActorDictionary dictionary;
  const Status status = AddBuiltinActors(&dictionary);
  ASSERT_TRUE(status.ok()) << status.ToString();
  dictionary.Finish();
  size_t countries = 0, people = 0, organisations = 0, aliases = 0;
  for (const ActorEntry& entry : dictionary.actors()) {
    countries += entry.kind == ActorKind::kCountry;
    people += entry.kind == ActorKind::kPerson;
    organisations += entry.kind == ActorKind::kOrganisation;
    aliases += 1 + entry.aliases.size();
  }
  std::printf("built-in: %zu actors (%zu countries, %zu organisations, %zu people), %zu agents, %zu names, %zu phrases\n",
              dictionary.actors().size(), countries, organisations, people, dictionary.agents().size(), aliases,
              dictionary.matcher().phrase_count());
  EXPECT_GE(countries, 249u);
  EXPECT_GE(people, 250u);
  EXPECT_GE(organisations, 250u);
  EXPECT_GE(dictionary.matcher().phrase_count(), 2500u);
}

}  // namespace
}  // namespace annalist
