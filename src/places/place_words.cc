// The lists behind place_words.h and the table that merges them, built at compile time.
#include "places/place_words.h"

#include "places/normalize.h"

namespace annalist::places {
namespace {

constexpr std::string_view kTitles[] = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "president", "gen", "general", "prince",
    "princess", "king", "queen", "sheikh", "senator", "sen", "rep", "judge", "colonel", "col", "capt", "captain",
    "lt", "sgt", "rabbi", "imam", "father", "pope", "minister", "secretary", "governor", "gov", "mayor",
    "chancellor", "ambassador", "commander", "premier", "emir", "ayatollah", "cardinal", "professor", "prof",
    "brig", "maj", "major", "sergeant", "lieutenant", "officer", "speaker", "envoy", "chief", "st"};
// Capitalised words that end organisation, press and event names: the place before them is part of a name.
constexpr std::string_view kOrganisationHeads[] = {
    "party", "workers", "front", "movement", "liberation", "brigade", "brigades", "battalion", "army", "corps",
    "guard", "guards", "forces", "force", "fc", "united", "airways", "airlines", "times", "post", "herald",
    "tribune", "journal", "gazette", "observer", "telegraph", "declaration", "accord", "accords", "convention",
    "conventions", "protocol", "treaty", "war", "bank", "university", "college", "club", "council", "company",
    "corporation", "group", "institute", "foundation", "review", "daily", "today", "news", "radio", "tv",
    "television", "agency", "stock", "exchange", "index", "symphony", "orchestra", "festival", "marathon",
    "olympics", "games", "cup", "open", "prize", "award", "street", "avenue", "road", "square", "hospital"};
// Lower-case words after a name that make it part of an event or organisation name ("Gulf war", "Astana
// group", "Rome statute").
constexpr std::string_view kLowerCaseHeads[] = {"war", "group", "statute", "format", "process", "university",
                                                 "college"};
// Verbs of speech: a one-word town right before or after one is a person ("Ricardo said", "said Saratova").
constexpr std::string_view kSpeechVerbs[] = {"said", "says", "told", "asked", "added", "wrote", "explained",
                                             "recalled", "insisted"};
// Lower-case nouns whose apposition is a person or an outlet, not a place ("her daughter, Sana", "the news
// agency Sana"); the outlets (the last seven) also after the name ("Sana, the state news agency").
constexpr std::string_view kAppositionNouns[] = {
    "daughter", "son", "wife", "husband", "brother", "sister", "mother", "father", "cousin", "uncle", "aunt",
    "nephew", "niece", "friend", "colleague", "spokesman", "spokeswoman", "spokesperson", "agency", "newspaper",
    "broadcaster", "channel", "website", "outlet", "tabloid"};
constexpr std::string_view kOutletNouns[] = {"agency", "newspaper", "broadcaster", "channel", "website", "outlet",
                                             "tabloid"};
// Compass words: "North-East Syria" is a regional phrase on the country, not a town called North East.
constexpr std::string_view kCompassWords[] = {"north", "south", "east", "west", "northeast", "northwest",
                                              "southeast", "southwest"};
// Words before a place name that say "a place follows": prepositions of place and motion, and a few verbs.
constexpr std::string_view kLocatives[] = {
    "in", "at", "near", "from", "outside", "into", "towards", "toward", "around", "across", "via", "through",
    "inside", "within", "beyond", "reached", "fled", "entered", "captured", "seized", "besieged", "shelled",
    "bombed", "northern", "southern", "eastern", "western", "central"};
// "of" is locative after these ("the town of Hajin", "east of Raqqa"); "to" after these ("travelled to").
constexpr std::string_view kOfPlaceNouns[] = {
    "town", "city", "village", "province", "governorate", "region", "district", "suburb", "suburbs", "outskirts",
    "parts", "part", "east", "west", "north", "south", "centre", "center", "capital", "streets", "residents",
    "people", "battle", "siege", "fall", "liberation", "countryside", "area", "neighbourhood", "port"};
constexpr std::string_view kToMotion[] = {"travelled", "traveled", "returned", "flew", "fled", "moved", "went",
                                          "came", "deployed", "sent", "back", "way", "trip", "journey", "road",
                                          "route", "heading", "headed", "bound", "return", "travel", "go"};
// Heads before "of" whose complement is part of the name ("Bank of England", "University of Chicago").
constexpr std::string_view kOfHeads[] = {"bank", "university", "college", "church", "museum", "institute",
                                         "school", "duke", "duchess", "earl", "prince", "princess",
                                         "archbishop", "bishop", "diocese", "battle", "siege", "treaty"};
// Lower-case words allowed inside a multi-word key ("Rukban camp", "Jabalia refugee camp").
constexpr std::string_view kFeatureWords[] = {"camp", "river", "refugee", "detention", "displacement", "city",
                                              "sea", "valley", "crossing", "corridor", "desert", "peninsula",
                                              "strip", "plains", "air", "base", "airbase", "province",
                                              "region", "neighbourhood", "district", "checkpoint", "health",
                                              "ministry", "accords", "war", "occupied", "eastern", "group"};
// Connectors skipped when looking for the given name before a surname ("Bashar al-Assad").
constexpr std::string_view kNameConnectors[] = {"al", "el", "bin", "ibn", "bint", "abu", "de", "van", "von",
                                                "da", "di", "le", "la", "del", "der", "du", "ben"};

// Arabic articles, which open a name in lower case ("al-Hawl camp", "el-Fasher").
constexpr std::string_view kArticles[] = {"al", "el", "ad", "an", "ar", "as", "at", "az", "ash"};
// Words that open sentences in capitals without being names: never a given name before a place.
constexpr std::string_view kFunctionWords[] = {
    "the", "in", "at", "on", "for", "from", "but", "and", "as", "after", "by", "with", "to", "when", "while",
    "if", "since", "during", "a", "an", "it", "this", "that", "these", "those", "he", "she", "they", "we", "i",
    "his", "her", "their", "our", "across", "near", "outside", "inside", "into", "over", "under", "between",
    "both", "meanwhile", "then", "now", "also", "yet", "so", "last", "next", "north", "south", "east", "west",
    "central", "northern", "southern", "eastern", "western", "of", "or", "before", "against", "via", "like",
    "unlike", "neither", "nor", "either", "all", "many", "most", "some", "every", "each", "no", "not", "where",
    "why", "how", "what", "who", "there", "here", "once", "throughout", "beyond", "towards", "toward", "until"};

static_assert(kMaxConnectorSize == [] {
  size_t size = 0;
  for (std::string_view w : kNameConnectors) size = std::max(size, w.size());
  return size;
}(), "kMaxConnectorSize is the longest name connector");

struct ListSlot {
  uint64_t hash = 0;  // places::HashKey(word); 0 = empty
  const char* word = nullptr;
  uint32_t size = 0;   // of word
  uint32_t lists = 0;  // ListBit bits
};
constexpr size_t kListSlots = 1024;  // a power of two, over twice the number of distinct words

constexpr std::array<ListSlot, kListSlots> BuildListTable() {
  std::array<ListSlot, kListSlots> table{};
  auto add = [&table](const auto& list, uint32_t bit) {
    for (const std::string_view word : list) {
      const uint64_t hash = places::HashKey(word);
      size_t i = hash & (kListSlots - 1);
      while (table[i].hash != 0 &&
             !(table[i].hash == hash && std::string_view(table[i].word, table[i].size) == word)) {
        i = (i + 1) & (kListSlots - 1);
      }
      table[i].hash = hash;
      table[i].word = word.data();
      table[i].size = static_cast<uint32_t>(word.size());
      table[i].lists |= bit;
    }
  };
  add(kTitles, kListTitle);
  add(kOrganisationHeads, kListOrganisationHead);
  add(kLowerCaseHeads, kListLowerCaseHead);
  add(kLocatives, kListLocative);
  add(kOfPlaceNouns, kListOfPlaceNoun);
  add(kToMotion, kListToMotion);
  add(kOfHeads, kListOfHead);
  add(kFeatureWords, kListFeatureWord);
  add(kSuffixWords, kListSuffixWord);
  add(kNameConnectors, kListNameConnector);
  add(kArticles, kListArticle);
  add(kFunctionWords, kListFunctionWord);
  add(kSpeechVerbs, kListSpeechVerb);
  add(kAppositionNouns, kListAppositionNoun);
  add(kCompassWords, kListCompass);
  add(kOutletNouns, kListOutletNoun);
  return table;
}
constexpr std::array<ListSlot, kListSlots> kListTable = BuildListTable();

// Bit (hash >> 52) of each word's hash: most keys asked about are in no list, and this 512-byte filter
// answers them without touching the table.
constexpr std::array<uint64_t, 64> BuildListFilter() {
  std::array<uint64_t, 64> filter{};
  for (const ListSlot& slot : kListTable) {
    if (slot.hash != 0) filter[slot.hash >> 58] |= uint64_t{1} << ((slot.hash >> 52) & 63);
  }
  return filter;
}

constexpr std::array<uint64_t, 64> BuildListShapeFilter() {
  std::array<uint64_t, 64> filter{};
  for (const ListSlot& slot : kListTable) {
    if (slot.hash != 0) {
      const uint32_t s = KeyShape(std::string_view(slot.word, slot.size));
      filter[s >> 6] |= uint64_t{1} << (s & 63);
    }
  }
  return filter;
}

}  // namespace

constexpr std::array<uint64_t, 64> kListFilter = BuildListFilter();
constexpr std::array<uint64_t, 64> kListShapeFilter = BuildListShapeFilter();

uint32_t ListsInTable(uint64_t hash, std::string_view key) {
  for (size_t i = hash & (kListSlots - 1);; i = (i + 1) & (kListSlots - 1)) {
    const ListSlot& slot = kListTable[i];
    if (slot.hash == 0) return 0;
    if (slot.hash == hash && slot.size == key.size()) {
      // The words are short: compare in line rather than call memcmp.
      size_t k = 0;
      while (k < key.size() && slot.word[k] == key[k]) ++k;
      if (k == key.size()) return slot.lists;
    }
  }
}

}  // namespace annalist::places
