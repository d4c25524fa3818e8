// ActorDictionary: every actor and agent the actors stage knows, with the matcher that finds them.
//
// Two kinds of entry, read from plain-text files (format in data/actors/README.md):
//   * actors — countries, organisations, people, population groups and places, each with a canonical name,
//     aliases (plain names, adjectival forms such as "Israeli", metonyms such as "Washington"), a default country
//     and sector, and for people the roles they held with date ranges ("GOV 2009-03-31..2021-06-13"), resolved
//     against the article's date;
//   * agents — sector nouns that combine with an actor ("troops" MIL, "spokesperson" takes the actor's sector,
//     "bombardment" marks the actor before it MIL, "group" stands for an organisation named before).
//
// Life cycle: construct, add files (AddText / AddActor / AddAgent, e.g. from the PETRARCH importer), then
// Finish(). After Finish() the dictionary is immutable and shared by every thread; the names it hands out
// (ActorEntry::name) live as long as it does, and it must not be moved from while mentions point into it.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "actors/phrase_matcher.h"
#include "annalist/date.h"
#include "annalist/document.h"
#include "annalist/status.h"

namespace annalist {

enum class ActorKind : uint8_t {
  kCountry,       // a state: "Israel", "the UK"; alone it is its government (GOV)
  kOrganisation,  // "Hamas", "the UN", "Mossad", "the Israeli war cabinet"
  kPerson,        // "Benjamin Netanyahu"
  kGroup,         // a population group without a state: "Kurds", "Sunni", "Druze"
  kPlace,         // a region or city that is not a state: "Gaza", "the West Bank"
};

// How an alias names its actor.
enum class AliasForm : uint8_t {
  kName,       // "Israel", "Hamas", "Benjamin Netanyahu"
  kAdjective,  // "Israeli", "Gazan": alone it names the country with no sector ("Israeli soil")
  kMetonym,    // "Washington", "Kremlin": an actor only as a subject or possessor ("Washington said")
  kSurname,    // "Netanyahu": made for each person; counts only after the full name in the same article or
               // after a title ("President Rouhani"); write the surname as a plain alias to match it anywhere
  kPeople,     // "Israelis", "Syrians": the country's people (CVL), not its government
};

// A period during which an actor had another sector (and maybe country) than its default.
struct ActorRole {
  Sector sector = Sector::kNone;
  bool sets_country = false;  // the role names a country ("IGO/-" sets none)
  CountryCode country;
  int64_t first_day = std::numeric_limits<int64_t>::min();  // day numbers (date.h), both ends included
  int64_t last_day = std::numeric_limits<int64_t>::max();
};

struct ActorEntry {
  std::string name;  // canonical
  CountryCode country;
  Sector sector = Sector::kNone;
  ActorKind kind = ActorKind::kOrganisation;
  std::vector<std::pair<AliasForm, std::string>> aliases;  // the name itself is always a kName alias
  std::vector<ActorRole> roles;                            // first match wins
  std::string origin;                                      // "file:line" of the entry, for messages
};

// The fields of an ActorEntry that the grammar run reads at every hit, packed in 24 bytes (the entry, with its
// strings and vectors, takes about 150): resolving a hit then reads one small record from a table that stays in
// the cache, and the entry itself only for an actor with roles. Built by Finish(); `name` points into the entry.
struct ActorSummary {
  const char* name = nullptr;  // ActorEntry::name's bytes
  uint32_t name_size = 0;
  uint32_t alias_count = 0;  // ActorEntry::aliases.size()
  CountryCode country;
  Sector sector = Sector::kNone;
  ActorKind kind = ActorKind::kOrganisation;
  bool has_roles = false;
  std::string_view name_view() const { return {name, name_size}; }
};
static_assert(sizeof(ActorSummary) <= 24, "a small record: the point of it");

enum class AgentKind : uint8_t {
  kMember,      // people or units of a sector: "troops" MIL, "protesters" CVL, "war cabinet" GOV
  kRole,        // a role that takes its actor's sector: "spokesperson", "sources", "leader" (GOV for a country)
  kTitle,       // a title before a name: "President", "Prime Minister", "chief"
  kAct,         // an act or weapon that marks the actor before it: "Israeli bombardment" → "Israeli" MIL
  kDescriptor,  // a noun standing for an organisation: "the group", "the Islamist movement"
};

struct AgentEntry {
  std::string noun;    // singular, as written: "war cabinet"
  std::string plural;  // empty when there is none
  Sector sector = Sector::kNone;  // kNone for a kRole agent without a default
  AgentKind kind = AgentKind::kMember;
  std::string group;   // nouns with the same group corefer ("hostages", "captives"); may be empty
  uint32_t group_id = 0;  // set by Finish(): equal for equal non-empty groups, 0 for none
  std::string origin;
};

// The fields of an AgentEntry that the grammar run reads at every agent noun, in 3 bytes (the entry, with its
// strings, takes about 170), so that agent nouns read one small table. Built by Finish().
struct AgentSummary {
  Sector sector = Sector::kNone;
  AgentKind kind = AgentKind::kMember;
  bool has_plural = false;  // !AgentEntry::plural.empty()
};

// An actor's country and sector on a day.
struct ResolvedActor {
  CountryCode country;
  Sector sector = Sector::kNone;
};

// What a PhraseMatch value refers to (see ActorDictionary::Decode).
struct DictionaryHit {
  bool is_agent = false;
  uint32_t index = 0;                         // into actors() or agents()
  AliasForm form = AliasForm::kName;          // actors only
  ActorKind kind = ActorKind::kOrganisation;  // actors only: the actor's, so that no table need say it
  bool plural = false;                        // agents only
};

class ActorDictionary {
 public:
  ActorDictionary() = default;
  ActorDictionary(const ActorDictionary&) = delete;
  ActorDictionary& operator=(const ActorDictionary&) = delete;
  ActorDictionary(ActorDictionary&&) = default;
  ActorDictionary& operator=(ActorDictionary&&) = default;

  // Parses one dictionary file: its first line is "# annalist-actors 1" or "# annalist-agents 1". `file` names
  // it in messages. Errors: Corruption with "file:line: reason 'text'" for the first bad line; entries before
  // it are kept. REQUIRES: !finished().
  Status AddText(std::string_view text, std::string_view file);

  // Adds an actor; an entry whose name (compared case-insensitively) is already present is merged into it:
  // its aliases and roles are appended. REQUIRES: !finished().
  void AddActor(ActorEntry entry);
  void AddAgent(AgentEntry entry);

  // Builds the matcher. After it, the dictionary is read-only.
  void Finish();
  bool finished() const { return finished_; }

  const std::vector<ActorEntry>& actors() const { return actors_; }
  const std::vector<AgentEntry>& agents() const { return agents_; }
  // Per actor: its ActorSummary (set by Finish()).
  const std::vector<ActorSummary>& summaries() const { return summaries_; }
  // Per agent: its AgentSummary (set by Finish()).
  const std::vector<AgentSummary>& agent_summaries() const { return agent_summaries_; }
  // Per agent: the key its mentions corefer by ("hostages" after "Israeli hostages"), set by Finish(): two agents
  // have the same key exactly when they are the same agent or share a non-empty group. Keys are below
  // coreference_key_count(), so that the grammar run can index a table by them.
  const std::vector<uint32_t>& coreference_keys() const { return coreference_keys_; }
  size_t coreference_key_count() const { return 2 * agents_.size() + 1; }
  const actors::PhraseMatcher& matcher() const { return matcher_; }
  // What a PhraseMatch value of matcher() refers to. Values are index << 6 | kind << 3 | tag: tags 0-4 are an
  // actor's AliasForm, with its ActorKind in `kind`; 6 an agent's singular, 7 its plural (and `kind` 0). Room
  // for 2^26 actors and agents.
  static DictionaryHit Decode(uint32_t value) {
    DictionaryHit hit;
    hit.index = value >> 6;
    const uint32_t tag = value & 7;
    hit.is_agent = tag >= 6;
    hit.plural = tag == 7;
    if (!hit.is_agent) {
      hit.form = static_cast<AliasForm>(tag);
      hit.kind = static_cast<ActorKind>((value >> 3) & 7);
    }
    return hit;
  }

  // The actor's country and sector on `date` (its roles); with no date, the role that is still open, if any.
  static ResolvedActor Resolve(const ActorEntry& entry, const std::optional<CivilDate>& date);
  // The same with the date as a day number (ToDayNumber), nullopt for no date: for a caller that resolves many
  // actors on one date, so that the date is converted once.
  static ResolvedActor ResolveOnDay(const ActorEntry& entry, std::optional<int64_t> day);
  // ResolveOnDay for actor `index`, reading its entry only when it has roles.
  ResolvedActor ResolveOnDay(uint32_t index, std::optional<int64_t> day) const {
    const ActorSummary& summary = summaries_[index];
    if (!summary.has_roles) return {summary.country, summary.sector};
    return ResolveOnDay(actors_[index], day);
  }

 private:
  Status AddActorLine(std::string_view line, const std::string& origin);
  Status AddAgentLine(std::string_view line, const std::string& origin);

  std::vector<ActorEntry> actors_;
  std::vector<AgentEntry> agents_;
  std::vector<ActorSummary> summaries_;
  std::vector<AgentSummary> agent_summaries_;
  std::vector<uint32_t> coreference_keys_;
  std::unordered_map<std::string, uint32_t> actor_by_key_;
  actors::PhraseMatcher matcher_;
  bool finished_ = false;
};

// Parses "GOV 2009-03-31..2021-06-13", "IGO/- 2014..2019-01", "GOV 2022-12-29.." (see data/actors/README.md).
// Errors: InvalidInput naming the bad part.
Result<ActorRole> ParseActorRole(std::string_view text);

// The surname alias made for a person: the last word with the particles before it ("Staffan de Mistura" →
// "de Mistura", "Bashar al-Assad" → "al-Assad"); empty for a one-word name.
std::string SurnameOf(std::string_view name);

}  // namespace annalist
