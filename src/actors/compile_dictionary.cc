// Build-time tool: writes the actors stage's built-in dictionary, the bytes cmake links into the binary.
//
//   actors_compile_dictionary OUT WORLD_COUNTRIES_JSON I18N_EN_JSON ISO_3166_1_JSON [DICTIONARY.tsv...]
//
// OUT holds sections, each introduced by a line "##file NAME" and holding one dictionary file as text: first a
// generated "countries" section (every state of the npm package world-countries, with the names and aliases of
// i18n-iso-countries and Debian's iso-codes, English demonyms as adjectival forms and capitals as metonyms),
// then each TSV file given, as it is. JSON is read here once, so start-up only reads plain text.
#include <simdjson.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

bool ReadFile(const char* path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

std::string Str(simdjson::dom::element element) { return std::string(std::string_view(element)); }

struct Country {
  std::string name;
  std::set<std::string> names, adjectives, capitals;  // ordered: the output is deterministic
};

// Codes that news writes as words; other two- and three-letter codes among the alternative spellings ("PS",
// "IT") would match ordinary words.
bool IsUsableAlias(const std::string& alias, const std::string& cca2, const std::string& cca3) {
  static const std::set<std::string> kCodesUsedAsNames = {"US", "USA", "UK", "UAE", "DRC", "DPRK", "ROK",
                                                          "PRC", "KSA", "U.S.", "U.K.", "U.S.A."};
  if (alias.empty() || alias.find_first_of(",()\t;") != std::string::npos) return false;
  if (kCodesUsedAsNames.count(alias)) return true;
  if (alias == cca2 || alias == cca3 || alias.size() <= 3) return false;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: %s OUT WORLD_COUNTRIES_JSON I18N_EN_JSON ISO_3166_1_JSON [TSV...]\n", argv[0]);
    return 2;
  }
  simdjson::dom::parser parser;
  std::map<std::string, Country> countries;  // by cca3
  std::map<std::string, std::string> cca3_of_cca2;
  {
    simdjson::dom::element root;
    if (parser.load(argv[2]).get(root)) {
      std::fprintf(stderr, "cannot parse %s\n", argv[2]);
      return 1;
    }
    for (simdjson::dom::element c : root.get_array()) {
      std::string cca3 = Str(c["cca3"]);
      if (cca3 == "UNK") cca3 = "XKX";  // Kosovo: world-countries writes UNK (UN interim code), iso-codes none
      const std::string cca2 = Str(c["cca2"]);
      cca3_of_cca2[cca2] = cca3;
      Country& country = countries[cca3];
      country.name = std::string(std::string_view(c["name"]["common"]));
      country.names.insert(country.name);
      const std::string official = Str(c["name"]["official"]);
      if (IsUsableAlias(official, cca2, cca3)) country.names.insert(official);
      for (simdjson::dom::element alt : c["altSpellings"].get_array()) {
        const std::string alias = Str(alt);
        if (IsUsableAlias(alias, cca2, cca3)) country.names.insert(alias);
      }
      simdjson::dom::element eng;
      if (!c["demonyms"]["eng"].get(eng)) {
        for (const char* gender : {"m", "f"}) {
          std::string_view demonym;
          if (eng[gender].get(demonym) || demonym.empty()) continue;
          // "Bosnian, Herzegovinian": two forms.
          for (size_t start = 0; start < demonym.size();) {
            size_t comma = demonym.find(", ", start);
            if (comma == std::string_view::npos) comma = demonym.size();
            country.adjectives.insert(std::string(demonym.substr(start, comma - start)));
            start = comma + 2;
          }
        }
      }
      for (simdjson::dom::element cap : c["capital"].get_array()) {
        std::string capital = Str(cap);
        if (capital.size() > 5 && capital.ends_with(" D.C.")) capital.resize(capital.size() - 5);
        if (capital.find_first_of(",()") == std::string::npos && !country.names.count(capital)) {
          country.capitals.insert(capital);
        }
      }
    }
  }
  {
    simdjson::dom::element root;
    if (parser.load(argv[3]).get(root)) {
      std::fprintf(stderr, "cannot parse %s\n", argv[3]);
      return 1;
    }
    for (auto [cca2, value] : root["countries"].get_object()) {
      auto it = cca3_of_cca2.find(std::string(cca2));
      if (it == cca3_of_cca2.end()) continue;
      std::vector<std::string> names;
      if (value.is_string()) {
        names.emplace_back(std::string_view(value));
      } else {
        for (simdjson::dom::element name : value.get_array()) names.emplace_back(std::string_view(name));
      }
      for (const std::string& name : names) {
        if (IsUsableAlias(name, std::string(cca2), it->second)) countries[it->second].names.insert(name);
      }
    }
  }
  {
    simdjson::dom::element root;
    if (parser.load(argv[4]).get(root)) {
      std::fprintf(stderr, "cannot parse %s\n", argv[4]);
      return 1;
    }
    for (simdjson::dom::element c : root["3166-1"].get_array()) {
      const std::string cca3 = Str(c["alpha_3"]);
      auto it = countries.find(cca3);
      if (it == countries.end()) continue;
      for (const char* field : {"name", "official_name", "common_name"}) {
        std::string_view name;
        if (!c[field].get(name) && IsUsableAlias(std::string(name), std::string(std::string_view(c["alpha_2"])), cca3)) {
          it->second.names.insert(std::string(name));
        }
      }
    }
  }

  std::ofstream out(argv[1], std::ios::binary);
  out << "##file countries (generated from world-countries, i18n-iso-countries, iso-codes)\n";
  out << "# annalist-actors 1\n";
  std::vector<std::pair<std::string, const Country*>> sorted;
  for (const auto& [cca3, country] : countries) sorted.emplace_back(cca3, &country);
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second->name < b.second->name; });
  for (const auto& [cca3, country] : sorted) {
    out << country->name << '\t' << cca3 << "\tGOV\tcountry\t";
    bool first = true;
    const auto emit = [&](const std::string& prefix, const std::string& alias) {
      if (!first) out << ';';
      out << prefix << alias;
      first = false;
    };
    for (const std::string& name : country->names) {
      if (name != country->name) emit("", name);
    }
    for (const std::string& adjective : country->adjectives) {
      emit("adj:", adjective);
      // The people: "Israelis", "Syrians", "Iraqis" (not "Britishs", "Chineses").
      const char last = adjective.back();
      if (adjective.find(' ') == std::string::npos && (last == 'n' || last == 'i')) emit("pl:", adjective + "s");
    }
    for (const std::string& capital : country->capitals) emit("loc:", capital);
    if (first) out << '-';
    out << '\n';
  }
  for (int i = 5; i < argc; ++i) {
    std::string text;
    if (!ReadFile(argv[i], &text)) {
      std::fprintf(stderr, "cannot read %s\n", argv[i]);
      return 1;
    }
    std::string name = argv[i];
    if (const size_t slash = name.rfind('/'); slash != std::string::npos) name = name.substr(slash + 1);
    out << "##file " << name << '\n' << text;
    if (!text.empty() && text.back() != '\n') out << '\n';
  }
  return out ? 0 : 1;
}
