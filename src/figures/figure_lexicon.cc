// The figures vocabulary as lists of words per role, merged into one sorted array at construction. A word may
// carry several roles ("dead" is a kToll noun and a killed cue; "release" a cue of release), so rows with the
// same word are merged by OR-ing their flags. The lists are English news usage; the README of the stage's
// tests says how to extend them.
#include "figures/figure_lexicon.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <initializer_list>

namespace annalist::figures {
namespace {

using QC = QuantityCategory;

struct Seed {
  const char* word;
  WordEntry entry;
};

WordEntry Flags(uint32_t flags, double value = 0) {
  WordEntry e;
  e.flags = flags;
  e.value = value;
  return e;
}

WordEntry Noun(NounClass noun, QC category = QC::kOther) {
  WordEntry e;
  e.noun = noun;
  e.noun_category = category;
  return e;
}

WordEntry Cue(QC category, uint32_t extra = 0) {
  WordEntry e;
  e.flags = kCue | extra;
  e.cue_category = category;
  return e;
}

void Add(std::vector<Seed>& out, std::initializer_list<const char*> words, const WordEntry& entry) {
  for (const char* w : words) out.push_back({w, entry});
}

std::vector<Seed> Seeds() {
  std::vector<Seed> s;
  // Numbers.
  const char* const units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                               "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                               "seventeen", "eighteen", "nineteen"};
  for (int i = 0; i < 20; ++i) s.push_back({units[i], Flags(kNumberWord, i)});
  const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (int i = 0; i < 8; ++i) s.push_back({tens[i], Flags(kNumberWord, 20 + 10 * i)});
  s.push_back({"dozen", Flags(kScale, 12)});
  s.push_back({"hundred", Flags(kScale, 100)});
  s.push_back({"thousand", Flags(kScale, 1e3)});
  s.push_back({"million", Flags(kScale, 1e6)});
  s.push_back({"billion", Flags(kScale, 1e9)});
  s.push_back({"dozens", Flags(kVague, 12)});
  s.push_back({"scores", Flags(kVague, 20)});
  s.push_back({"hundreds", Flags(kVague, 100)});
  s.push_back({"thousands", Flags(kVague, 1e3)});
  s.push_back({"millions", Flags(kVague, 1e6)});
  s.push_back({"tens", Flags(kVague, 10)});

  // Units: a number followed by one of these is not a figure.
  Add(s, {"%", "percent", "per", "pc", "percentage", "seconds", "second", "minutes", "minute", "hours", "hour",
          "days", "day", "nights", "night", "weeks", "week", "months", "month", "years", "year", "yrs",
          "decades", "decade", "centuries", "century", "times", "km", "kms", "kilometres", "kilometers",
          "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre", "meter", "feet", "foot", "ft",
          "yards", "inches", "tons", "tonnes", "ton", "tonne", "kg", "kilos", "kilograms", "kilogram", "grams",
          "pounds", "lbs", "litres", "liters", "gallons", "barrels", "acres", "hectares", "square", "degrees",
          "dollars", "dollar", "euros", "euro", "shekels", "riyals", "lira", "liras", "rubles", "roubles",
          "yuan", "yen", "dinars", "francs", "cents", "pence", "bn", "votes", "seats", "points", "goals",
          "calories", "mph", "o'clock", "am", "pm", "a.m.", "p.m.", "bc", "ad",
          // Counts of events, offers and meetings are not figures (ANNOTATION.md).
          "attacks", "airstrikes", "strikes", "raids", "bombings", "explosions", "blasts", "incidents",
          "occasions", "offers", "meetings", "talks", "sessions", "hearings", "visits", "trips", "proposals",
          "resolutions", "rounds", "stages", "phases", "waves"},
      Flags(kUnit));
  Add(s, {"$", "£", "€", "us$", "usd", "eur", "gbp"}, Flags(kCurrency));
  Add(s, {"aged", "age", "ages", "ageing"}, Flags(kAgeWord));

  // Function words that end a noun phrase.
  Add(s, {"in", "on", "at", "to", "from", "by", "with", "without", "for", "into", "onto", "across", "near",
          "inside", "outside", "under", "over", "during", "after", "before", "since", "until", "between",
          "among", "amid", "against", "through", "throughout", "towards", "toward", "of", "about", "and", "or",
          "but", "nor", "as", "while", "whereas", "who", "whom", "whose", "which", "that", "than", "if",
          "because", "when", "where", "including", "like", "per", "this", "these", "those", "it", "they",
          "them", "we", "he", "she", "i", "you", "its", "their", "his", "her", "our", "my", "your", "there",
          "here", "not", "no", "so", "then", "also", "all", "each", "every", "both", "such", "more", "less",
          "most", "many", "much", "few", "some", "any", "other", "only", "just", "would", "could", "should",
          "will", "shall", "may", "might", "must", "can", "cannot", "do", "does", "did", "according", "said",
          "says", "say", "told", "the", "a", "an", "whether", "what"},
      Flags(kStop));
  Add(s, {"has", "have", "had", "having", "is", "are", "was", "were", "be", "been", "being", "'ve", "’ve",
          "'s", "’s", "get", "got", "gets"},
      Flags(kAux | kStop));
  Add(s, {"also", "reportedly", "allegedly", "still", "already", "now", "since", "previously", "earlier",
          "later", "reported", "apparently", "thought", "believed", "feared", "likely", "mostly", "mainly",
          "then", "just", "recently", "not", "never", "yet", "all", "both", "so", "far", "subsequently",
          "eventually", "immediately", "imminently"},
      Flags(kAdverb | kStop));
  Add(s, {"said", "says", "say", "told", "tells", "reported", "confirmed",
          "confirms", "confirm", "estimated", "estimates", "claimed", "stated", "states", "added", "adds", "warned", "warns", "noted", "notes", "revealed",
          "reveals", "acknowledged", "admitted", "insisted", "insists", "counted", "recorded", "documented",
          "according"},
      Flags(kSpeech | kStop));
  Add(s, {"her", "his", "their", "its", "our", "my", "your", "whose"}, Flags(kPossessive | kStop));
  Add(s, {"he", "she", "they", "it", "we"}, Flags(kPronoun | kStop));
  Add(s, {"wanted", "wants", "want", "hoped", "hopes", "hope", "urged", "urges", "urge", "called", "calls",
          "call", "demanded", "demands", "demand", "asked", "asks", "proposed", "proposes", "offered",
          "offers", "wished", "wishes", "threatened", "threatens",
          "planned", "plans", "vowed", "vows", "pledged", "promised", "promises", "sought", "seeks"},
      Flags(kNonAssertive));
  Add(s, {"handed", "hand", "hands", "handing", "took", "take", "takes", "taken", "taking", "turned", "turn",
          "turning", "won", "win", "taken", "handover", "passed", "pass", "looked", "look", "watched",
          "presided", "fought", "rolled", "ran", "run", "stepped", "came", "come"},
      Flags(kParticleVerb));
  Add(s, {"estimated", "thought", "believed", "feared", "presumed"},
      Flags(kEstimate));
  Add(s, {"further", "another", "additional"}, Flags(kContinuation));
  Add(s, {"statement", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "report", "official",
          "officials", "source", "sources", "representative", "representatives", "figures", "data", "tally",
          "count", "estimate", "estimates"},
      Flags(kSourceHead));

  // Counted nouns.
  Add(s, {"people", "persons", "person", "civilians", "civilian", "children", "child", "kids", "babies",
          "baby", "infants", "infant", "women", "men", "woman", "man", "girls", "boys", "girl", "boy",
          "residents", "inhabitants", "villagers", "citizens", "nationals", "foreigners", "members",
          "individuals", "workers", "journalists", "reporters", "doctors", "medics", "nurses", "paramedics",
          "patients", "students", "pupils", "teachers", "passengers", "pilgrims", "worshippers", "guards",
          "officers", "policemen", "policeman", "police", "employees", "staff", "volunteers", "victims",
          "survivors", "adults", "minors", "teenagers", "teens", "youths", "elderly", "jews", "muslims",
          "christians", "kurds", "arabs", "druze", "yazidis", "sunnis", "shias", "shiites", "settlers",
          "farmers", "fishermen", "miners", "activists", "dissidents", "opponents", "diplomats", "family",
          "families", "relatives", "israelis", "palestinians", "syrians", "iraqis", "afghans", "yemenis",
          "lebanese", "iranians", "turks", "americans", "russians", "ukrainians", "britons", "israeli",
          "palestinian", "others", "bystanders", "colleagues", "relief", "humanitarians", "peacekeepers",
          "observers", "monitors", "suspects"},
      Noun(NounClass::kPeople));
  Add(s, {"hostages", "hostage", "captives", "captive", "prisoners", "prisoner", "detainees", "detainee",
          "abductees", "inmates"},
      Noun(NounClass::kCaptive, QC::kHeld));
  Add(s, {"fighters", "fighter", "troops", "soldiers", "soldier", "militants", "militant", "forces", "jihadists",
          "jihadist", "insurgents", "rebels", "rebel", "combatants", "gunmen", "militiamen", "militias",
          "paratroopers", "commandos", "marines", "personnel", "reservists", "servicemen", "servicemembers",
          "recruits", "mercenaries", "commanders", "operatives", "terrorists", "attackers", "extremists",
          "bombers", "snipers", "guerrillas", "guerillas", "warriors", "contractors", "advisers", "advisors",
          "agents", "sleeper", "cells", "battalions", "brigades", "units", "divisions"},
      Noun(NounClass::kArmed));
  Add(s, {"refugees", "refugee", "migrants", "asylum", "asylum-seekers", "evacuees", "idps", "returnees",
          "deportees", "exiles"},
      Noun(NounClass::kRefugee));
  Add(s, {"camps", "tents", "homes", "houses", "buildings", "shelters", "tanks", "aircraft", "warplanes",
          "jets", "helicopters", "vehicles", "villages", "hospitals", "schools", "mosques", "churches",
          "checkpoints", "tunnels", "bases", "positions", "settlements", "outposts", "warships",
          "ships", "boats", "apartments", "homesteads", "mines", "landmines", "weapons", "guns", "rifles",
          "artillery", "launchers", "trucks"},
      Noun(NounClass::kThing));
  Add(s, {"rockets", "rocket", "missiles", "missile", "drones", "drone", "shells", "mortars", "mortar",
          "projectiles", "bombs", "grenades", "munitions"},
      Noun(NounClass::kProjectile, QC::kLaunched));
  Add(s, {"protesters", "protestors", "demonstrators", "marchers", "rioters", "mourners", "crowd", "crowds",
          "strikers"},
      Noun(NounClass::kCrowd, QC::kParticipants));
  Add(s, {"dead", "deaths", "bodies", "fatalities", "corpses", "executions", "killings", "killed", "slain",
          "murders", "martyrs", "death"},
      Noun(NounClass::kToll, QC::kKilled));
  Add(s, {"injured", "wounded", "injuries", "hurt"}, Noun(NounClass::kToll, QC::kInjured));
  Add(s, {"missing", "disappeared"}, Noun(NounClass::kToll, QC::kMissing));
  Add(s, {"arrests", "arrested", "detained"}, Noun(NounClass::kToll, QC::kArrested));
  Add(s, {"displaced", "homeless", "uprooted"}, Noun(NounClass::kToll, QC::kDisplaced));
  Add(s, {"kidnapped", "abducted"}, Noun(NounClass::kToll, QC::kAbducted));
  Add(s, {"released", "freed"}, Noun(NounClass::kToll, QC::kReleased));

  Add(s, {"dead", "killed", "slain", "injured", "wounded", "hurt", "missing", "disappeared", "arrested",
          "detained", "displaced", "homeless", "uprooted", "kidnapped", "abducted", "released", "freed"},
      Flags(kTollAdjective));

  // Category cues: verbs, adjectives and nouns of the clause.
  Add(s, {"killed", "kill", "kills", "killing", "died", "die", "dies", "dying", "dead", "death", "deaths",
          "massacre", "massacred", "massacring", "murdered", "murder", "murdering", "executed", "execute",
          "executing", "slain", "slaughtered", "perished", "fatally", "toll", "bodies", "lifeless", "martyred"},
      Cue(QC::kKilled));
  Add(s, {"injured", "injuring", "injure", "injures", "wounded", "wounding", "hurt", "maimed", "treated",
          "hospitalised", "hospitalized", "injuries", "burns"},
      Cue(QC::kInjured));
  Add(s, {"missing", "unaccounted", "disappeared"}, Cue(QC::kMissing));
  Add(s, {"kidnapped", "kidnap", "kidnapping", "abducted", "abduct", "abducting", "abduction", "captured",
          "seized"},
      Cue(QC::kAbducted));
  Add(s, {"held", "holding", "hold", "holds", "captivity", "imprisoned"}, Cue(QC::kHeld));
  Add(s, {"remain", "remains", "remaining", "still"}, Cue(QC::kHeld, kCaptiveOnly));
  Add(s, {"released", "release", "releases", "releasing", "freed", "free", "frees", "freeing", "handed",
          "exchanged", "exchange", "swapped", "swap", "repatriated"},
      Cue(QC::kReleased));
  Add(s, {"returned"}, Cue(QC::kReleased, kCaptiveOnly));
  Add(s, {"arrested", "arrest", "arrests", "arresting", "detained", "detain", "detaining", "detention",
          "apprehended", "jailed", "rounded"},
      Cue(QC::kArrested));
  Add(s, {"displaced", "displacement", "displacing", "fled", "flee", "fleeing", "flees", "uprooted",
          "evacuated", "evacuation", "homeless", "exodus", "return", "returning", "arriving", "arrived",
          "arrive", "relocated", "expelled", "deported", "sheltering", "shelter"},
      Cue(QC::kDisplaced));
  Add(s, {"launched", "launch", "launching", "fired", "fire", "firing", "intercepted", "lobbed", "rained",
          "shot"},
      Cue(QC::kLaunched));
  Add(s, {"protested", "protest", "protesting", "protests", "marched", "march", "marching", "rallied",
          "rally", "gathered", "demonstrated", "demonstrating", "demonstration", "rallies"},
      Cue(QC::kParticipants));
  return s;
}

// A word of up to 31 bytes as four zero-padded 64-bit words, in the machine's byte order: Id compares a token
// with an entry word by word and hashes it without a byte-serial chain (every token of every document is
// looked up, and most are eight bytes or fewer: one load, one compare). `readable` bytes from `word` on may
// be read: when the words cover no more, they are loaded whole and the bytes past the end masked off.
PaddedWord LoadPadded(const char* word, size_t size, size_t readable) {
  PaddedWord padded{};
  const size_t words = (size + 7) / 8;
  if (8 * words <= readable && std::endian::native == std::endian::little) {
    for (size_t i = 0; i < words; ++i) std::memcpy(&padded[i], word + 8 * i, 8);
    const size_t tail = size % 8;
    if (tail != 0) padded[words - 1] &= (uint64_t{1} << (8 * tail)) - 1;
    return padded;
  }
  auto* bytes = reinterpret_cast<unsigned char*>(padded.data());
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<unsigned char>(word[i]);
  return padded;
}

uint64_t HashPadded(const PaddedWord& w, size_t size) {
  uint64_t h = (w[0] ^ size) * 0x9E3779B97F4A7C15ull;
  if (size > 8) h ^= (w[1] * 0xC2B2AE3D27D4EB4Full) ^ (w[2] * 0x165667B19E3779F9ull) ^ (w[3] * 0xD6E8FEB86659FD93ull);
  return h ^ (h >> 31);
}

}  // namespace

using detail::LowerAscii;

FigureLexicon::FigureLexicon() {
  struct Row {
    std::string_view word;
    WordEntry entry;
  };
  std::vector<Row> rows;  // sorted by word, one per word
  std::vector<Seed> seeds = Seeds();
  std::stable_sort(seeds.begin(), seeds.end(),
                   [](const Seed& a, const Seed& b) { return std::string_view(a.word) < std::string_view(b.word); });
  for (const Seed& seed : seeds) {
    const std::string_view word(seed.word);
    if (!rows.empty() && rows.back().word == word) {
      WordEntry& e = rows.back().entry;
      e.flags |= seed.entry.flags;
      if (seed.entry.value != 0) e.value = seed.entry.value;
      if (seed.entry.noun != NounClass::kNone && e.noun == NounClass::kNone) {
        e.noun = seed.entry.noun;
        e.noun_category = seed.entry.noun_category;
      }
      if (seed.entry.flags & kCue) e.cue_category = seed.entry.cue_category;
    } else {
      rows.push_back({word, seed.entry});
    }
  }
  WordEntry demonym;
  demonym.noun = NounClass::kPeople;
  entries_ = {WordEntry(), demonym};
  uint32_t size = 16;
  while (size < 8 * rows.size()) size *= 2;  // sparse: IdShort's first probe almost always decides
  slots_.assign(size, kUnknownWord);
  mask_ = size - 1;
  padded_ = {PaddedWord{}, PaddedWord{}};
  word0_ = {0, 0};
  size_ = {0, 0};
  for (const Row& row : rows) {
    // A word longer than Id's buffer could never be found; it is left out as Lookup always left it.
    if (row.word.empty() || row.word.size() >= sizeof(PaddedWord)) continue;
    const auto id = static_cast<WordId>(entries_.size());
    entries_.push_back(row.entry);
    padded_.push_back(LoadPadded(row.word.data(), row.word.size(), row.word.size()));
    uint32_t s = static_cast<uint32_t>(HashPadded(padded_.back(), row.word.size())) & mask_;
    while (slots_[s] != kUnknownWord) s = (s + 1) & mask_;
    slots_[s] = id;
    word0_.push_back(padded_.back()[0]);
    size_.push_back(static_cast<uint8_t>(row.word.size()));
  }
}

WordId FigureLexicon::Id(std::string_view word) const { return IdIn(word.data(), word.size(), word.size()); }

WordId FigureLexicon::IdIn(const char* word, size_t n, size_t readable) const {
  if (n == 0 || n >= sizeof(PaddedWord)) return kUnknownWord;
  if (kShortWordsInLine && n <= 8 && readable >= 8) return IdShort(word, n);
  if (kShortWordsInLine && n <= 16 && readable >= 16) return IdMedium(word, n);
  PaddedWord lower = LoadPadded(word, n, readable);
  lower[0] = LowerAscii(lower[0]);
  if (n > 8) {
    for (size_t i = 1; i < 4; ++i) lower[i] = LowerAscii(lower[i]);
  }
  for (uint32_t s = static_cast<uint32_t>(HashPadded(lower, n)) & mask_;; s = (s + 1) & mask_) {
    const WordId id = slots_[s];
    if (id == kUnknownWord) break;
    if (word0_[id] == lower[0] && size_[id] == n && (n <= 8 || padded_[id] == lower)) return id;
  }
  return DemonymOrUnknown(word, n);
}

WordId FigureLexicon::DemonymOrUnknown(const char* word, size_t n) {
  // A capitalised plural demonym ("Palestinians", "Israelis", "Iraqis", "Kurds") counts people.
  const unsigned char first = static_cast<unsigned char>(word[0]);
  if (first >= 'A' && first <= 'Z' && n >= 5) {
    char tail[3];
    for (size_t i = 0; i < 3; ++i) {
      const char c = word[n - 3 + i];
      tail[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const std::string_view t(tail, 3);
    if (t == "ans" || t == "ens" || t.ends_with("is") || t == "ese" || t == "ons") return kDemonymWord;
  }
  return kUnknownWord;
}

void TokenIds::Assign(const Document& doc, const FigureLexicon& lexicon) {
  ids_.resize(doc.tokens.size());
  const char* const text = doc.text.data();
  const size_t size = doc.text.size();
  for (size_t t = 0; t < doc.tokens.size(); ++t) {
    const Token& token = doc.tokens[t];
    const size_t n = token.end - token.begin;
    // (Most tokens are sixteen bytes or fewer with sixteen readable: the probe in line.)
    const size_t readable = size - token.begin;
    if (FigureLexicon::kShortWordsInLine && n - 1 < 8 && readable >= 8) {
      ids_[t] = lexicon.IdShort(text + token.begin, n);
    } else if (FigureLexicon::kShortWordsInLine && n - 9 < 8 && readable >= 16) {
      ids_[t] = lexicon.IdMedium(text + token.begin, n);
    } else {
      ids_[t] = lexicon.IdIn(text + token.begin, n, readable);
    }
  }
}

}  // namespace annalist::figures
