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
#include <vector>

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

// A name or alias (folded as the matcher folds it) that two entries of data/actors share must give the same
// country and sector, or the text it matches gets one of them at random. Known, accepted clashes are listed.
TEST(DataFiles, NoNameStandsForTwoActorsWithDifferentCodes) {
  const std::set<std::string> accepted = {"jem"};  // JeM (Jaish-e-Mohammed) and JEM (Justice and Equality Movement)
  struct Owner {
    std::string name, codes;
  };
  std::map<std::string, Owner> owners;
  for (const auto& path : DataFiles()) {
    if (path.filename() == "agents.tsv") continue;
    std::istringstream lines(Read(path));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      std::vector<std::string> fields;
      std::istringstream cells(line);
      for (std::string cell; std::getline(cells, cell, '\t');) fields.push_back(cell);
      ASSERT_GE(fields.size(), 4u) << line;
      const std::string codes = fields[1] + " " + fields[2];
      std::vector<std::string> names = {fields[0]};
      if (fields.size() > 4 && fields[4] != "-") {
        std::istringstream aliases(fields[4]);
        for (std::string alias; std::getline(aliases, alias, ';');) {
          alias.erase(0, alias.find_first_not_of(' '));
          for (const char* prefix : {"adj:", "pl:", "loc:", "sur:"}) {
            if (alias.starts_with(prefix)) alias.erase(0, std::string_view(prefix).size());
          }
          names.push_back(alias);
        }
      }
      for (const std::string& name : names) {
        const std::string key = SortKey(name);
        if (accepted.count(key)) continue;
        auto [it, inserted] = owners.emplace(key, Owner{fields[0], codes});
        EXPECT_TRUE(inserted || it->second.codes == codes || it->second.name == fields[0])
            << "'" << name << "' names " << it->second.name << " (" << it->second.codes << ") and " << fields[0]
            << " (" << codes << ")";
      }
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
  // Floors a little under today's counts, so that a lost file or a broken merge fails.
  EXPECT_GE(countries, 249u);
  EXPECT_GE(people, 1800u);
  EXPECT_GE(organisations, 1700u);
  EXPECT_GE(dictionary.agents().size(), 330u);
  EXPECT_GE(dictionary.matcher().phrase_count(), 10000u);
}

}  // namespace
}  // namespace annalist
