#include "actors/actor_dictionary.h"

#include <algorithm>

#include "io/record_names.h"

namespace annalist {
namespace {

constexpr std::string_view kActorsHeader = "# annalist-actors 1";
constexpr std::string_view kAgentsHeader = "# annalist-agents 1";

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  for (size_t start = 0;;) {
    const size_t end = s.find(separator, start);
    parts.push_back(Trim(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

std::string Key(std::string_view name) {
  std::string key, word;
  for (std::string_view part : actors::SplitPhrase(name)) {
    actors::WordKey(part, &word);
    if (!key.empty()) key.push_back(' ');
    key += word;
  }
  return key;
}

bool IsCountryCode(std::string_view s) {
  return s.size() == 3 && std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

Status Bad(const std::string& origin, std::string_view reason, std::string_view text) {
  return Status::Corruption(origin + ": " + std::string(reason) + " '" + std::string(text) + "'");
}

// "2009", "2009-03" or "2009-03-31"; `end` picks the last day of a year or month.
std::optional<int64_t> ParseDay(std::string_view s, bool end) {
  if (s.size() == 10) {
    auto date = ParseIsoDate(s);
    if (!date) return std::nullopt;
    return ToDayNumber(*date);
  }
  const auto number = [](std::string_view digits) -> int {
    int value = 0;
    for (char c : digits) {
      if (c < '0' || c > '9') return -1;
      value = value * 10 + (c - '0');
    }
    return digits.empty() ? -1 : value;
  };
  if (s.size() == 4) {
    const int year = number(s);
    if (year < 1000) return std::nullopt;
    return ToDayNumber(end ? CivilDate{year, 12, 31} : CivilDate{year, 1, 1});
  }
  if (s.size() == 7 && s[4] == '-') {
    const int year = number(s.substr(0, 4)), month = number(s.substr(5, 2));
    if (year < 1000 || month < 1 || month > 12) return std::nullopt;
    return ToDayNumber(CivilDate{year, month, end ? DaysInMonth(year, month) : 1});
  }
  return std::nullopt;
}

}  // namespace

Result<ActorRole> ParseActorRole(std::string_view text) {
  ActorRole role;
  text = Trim(text);
  const size_t space = text.find(' ');
  std::string_view who = text.substr(0, space);
  const std::string_view when = space == std::string_view::npos ? std::string_view() : Trim(text.substr(space));
  if (const size_t slash = who.find('/'); slash != std::string_view::npos) {
    const std::string_view country = who.substr(slash + 1);
    role.sets_country = true;
    if (country != "-") {
      if (!IsCountryCode(country)) return Status::InvalidInput("bad country in role '" + std::string(text) + "'");
      role.country = CountryCode::FromString(country);
    }
    who = who.substr(0, slash);
  }
  const auto sector = ParseSector(who);
  if (!sector) return Status::InvalidInput("bad sector in role '" + std::string(text) + "'");
  role.sector = *sector;
  if (when.empty()) return role;
  const size_t dots = when.find("..");
  if (dots == std::string_view::npos)
    return Status::InvalidInput("role dates need '..' in '" + std::string(text) + "'");
  if (dots > 0) {
    auto day = ParseDay(when.substr(0, dots), false);
    if (!day) return Status::InvalidInput("bad start date in role '" + std::string(text) + "'");
    role.first_day = *day;
  }
  if (dots + 2 < when.size()) {
    auto day = ParseDay(when.substr(dots + 2), true);
    if (!day) return Status::InvalidInput("bad end date in role '" + std::string(text) + "'");
    role.last_day = *day;
  }
  if (role.first_day > role.last_day)
    return Status::InvalidInput("role ends before it starts '" + std::string(text) + "'");
  return role;
}

std::string SurnameOf(std::string_view name) {
  const std::vector<std::string_view> words = actors::SplitPhrase(name);
  if (words.size() < 2) return "";
  size_t first = words.size() - 1;
  std::string key;
  // No surname for "Abdullah II", "Rania of Jordan", or a name ending in a particle ("Moon Jae-in").
  actors::WordKey(words.back(), &key);
  const bool roman = key.find_first_not_of("ivxl") == std::string::npos;
  if (roman || actors::IsParticle(key)) return "";
  for (std::string_view word : words) {
    actors::WordKey(word, &key);
    if (key == "of") return "";
  }
  while (first > 1) {
    actors::WordKey(words[first - 1], &key);
    if (!actors::IsParticle(key)) break;
    --first;
  }
  // From the start of the first surname word to the end of the name, so "al-Assad" keeps its hyphen.
  const size_t begin = static_cast<size_t>(words[first].data() - name.data());
  return std::string(name.substr(begin));
}

Status ActorDictionary::AddText(std::string_view text, std::string_view file) {
  bool agents = false;
  size_t line_number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view raw = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    const std::string origin = std::string(file) + ":" + std::to_string(line_number);
    if (line_number == 1) {
      const std::string_view header = Trim(raw);
      if (header == kActorsHeader) continue;
      if (header == kAgentsHeader) {
        agents = true;
        continue;
      }
      return Bad(origin, "expected the header '# annalist-actors 1' or '# annalist-agents 1', found", header);
    }
    const std::string_view line = Trim(raw);
    if (line.empty() || line.front() == '#') continue;
    Status status = agents ? AddAgentLine(raw, origin) : AddActorLine(raw, origin);
    if (!status.ok()) return status;
  }
  if (line_number == 0) return Status::Corruption(std::string(file) + ":1: empty dictionary file");
  return Status::Ok();
}

// name <TAB> country <TAB> sector <TAB> kind <TAB> aliases [<TAB> roles]
Status ActorDictionary::AddActorLine(std::string_view line, const std::string& origin) {
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < 4 || fields.size() > 6) return Bad(origin, "expected 4 to 6 tab-separated fields in", line);
  ActorEntry entry;
  entry.origin = origin;
  entry.name = std::string(fields[0]);
  if (entry.name.empty()) return Bad(origin, "empty name in", line);
  if (fields[1] != "-") {
    if (!IsCountryCode(fields[1])) return Bad(origin, "bad country code", fields[1]);
    entry.country = CountryCode::FromString(fields[1]);
  }
  if (fields[2] != "-") {
    const auto sector = ParseSector(fields[2]);
    if (!sector) return Bad(origin, "bad sector", fields[2]);
    entry.sector = *sector;
  }
  static constexpr std::pair<std::string_view, ActorKind> kKinds[] = {
      {"country", ActorKind::kCountry}, {"org", ActorKind::kOrganisation}, {"person", ActorKind::kPerson},
      {"group", ActorKind::kGroup}, {"place", ActorKind::kPlace}};
  bool known_kind = false;
  for (const auto& [spelling, kind] : kKinds) {
    if (fields[3] == spelling) {
      entry.kind = kind;
      known_kind = true;
    }
  }
  if (!known_kind) return Bad(origin, "bad kind (country, org, person, group, place)", fields[3]);
  if (fields.size() > 4 && fields[4] != "-" && !fields[4].empty()) {
    for (std::string_view alias : Split(fields[4], ';')) {
      if (alias.empty()) return Bad(origin, "empty alias in", fields[4]);
      AliasForm form = AliasForm::kName;
      if (alias.starts_with("adj:")) {
        form = AliasForm::kAdjective;
        alias.remove_prefix(4);
      } else if (alias.starts_with("loc:")) {
        form = AliasForm::kMetonym;
        alias.remove_prefix(4);
      } else if (alias.starts_with("pl:")) {
        form = AliasForm::kPeople;
        alias.remove_prefix(3);
      } else if (alias.starts_with("sur:")) {
        form = AliasForm::kSurname;
        alias.remove_prefix(4);
      }
      alias = Trim(alias);
      if (alias.empty() || actors::SplitPhrase(alias).size() > actors::PhraseMatcher::kMaxPhraseWords) {
        return Bad(origin, "bad alias", alias);
      }
      entry.aliases.emplace_back(form, std::string(alias));
    }
  }
  if (fields.size() > 5 && fields[5] != "-" && !fields[5].empty()) {
    for (std::string_view text : Split(fields[5], ';')) {
      Result<ActorRole> role = ParseActorRole(text);
      if (!role.ok()) return Bad(origin, role.status().message(), line);
      entry.roles.push_back(*role);
    }
  }
  AddActor(std::move(entry));
  return Status::Ok();
}

// noun <TAB> plural <TAB> sector <TAB> kind [<TAB> group]
Status ActorDictionary::AddAgentLine(std::string_view line, const std::string& origin) {
  const std::vector<std::string_view> fields = Split(line, '\t');
  if (fields.size() < 4 || fields.size() > 5) return Bad(origin, "expected 4 or 5 tab-separated fields in", line);
  AgentEntry agent;
  agent.origin = origin;
  agent.noun = std::string(fields[0]);
  if (agent.noun.empty()) return Bad(origin, "empty noun in", line);
  if (fields[1] == "+") {
    agent.plural = agent.noun + "s";
  } else if (fields[1] != "-") {
    agent.plural = std::string(fields[1]);
  }
  if (fields[2] != "-") {
    const auto sector = ParseSector(fields[2]);
    if (!sector) return Bad(origin, "bad sector", fields[2]);
    agent.sector = *sector;
  }
  static constexpr std::pair<std::string_view, AgentKind> kKinds[] = {
      {"member", AgentKind::kMember}, {"role", AgentKind::kRole}, {"title", AgentKind::kTitle},
      {"act", AgentKind::kAct}, {"descriptor", AgentKind::kDescriptor}};
  bool known_kind = false;
  for (const auto& [spelling, kind] : kKinds) {
    if (fields[3] == spelling) {
      agent.kind = kind;
      known_kind = true;
    }
  }
  if (!known_kind) return Bad(origin, "bad kind (member, role, title, act, descriptor)", fields[3]);
  if (agent.kind == AgentKind::kMember && agent.sector == Sector::kNone) {
    return Bad(origin, "a member agent needs a sector in", line);
  }
  if (fields.size() > 4 && fields[4] != "-") agent.group = std::string(fields[4]);
  AddAgent(std::move(agent));
  return Status::Ok();
}

void ActorDictionary::AddActor(ActorEntry entry) {
  const std::string key = Key(entry.name);
  auto [it, inserted] = actor_by_key_.try_emplace(key, static_cast<uint32_t>(actors_.size()));
  if (inserted) {
    actors_.push_back(std::move(entry));
    return;
  }
  ActorEntry& existing = actors_[it->second];
  for (auto& alias : entry.aliases) existing.aliases.push_back(std::move(alias));
  for (const ActorRole& role : entry.roles) existing.roles.push_back(role);
  if (existing.country.empty()) existing.country = entry.country;
  if (existing.sector == Sector::kNone) existing.sector = entry.sector;
}

void ActorDictionary::AddAgent(AgentEntry entry) { agents_.push_back(std::move(entry)); }

void ActorDictionary::Finish() {
  for (uint32_t i = 0; i < actors_.size(); ++i) {
    const ActorEntry& entry = actors_[i];
    const uint32_t base = i << 6 | static_cast<uint32_t>(entry.kind) << 3;  // see Decode
    matcher_.Add(entry.name, base | static_cast<uint32_t>(AliasForm::kName));
    for (const auto& [form, alias] : entry.aliases) matcher_.Add(alias, base | static_cast<uint32_t>(form));
    if (entry.kind == ActorKind::kPerson) {
      const std::string surname = SurnameOf(entry.name);
      if (!surname.empty()) {
        matcher_.Add(surname, base | static_cast<uint32_t>(AliasForm::kSurname));
        const std::vector<std::string_view> words = actors::SplitPhrase(surname);
        if (words.size() > 1) matcher_.Add(words.back(), base | static_cast<uint32_t>(AliasForm::kSurname));
      }
    }
  }
  summaries_.clear();
  for (const ActorEntry& entry : actors_) {
    ActorSummary summary;
    summary.name = entry.name.data();
    summary.name_size = static_cast<uint32_t>(entry.name.size());
    summary.alias_count = static_cast<uint32_t>(entry.aliases.size());
    summary.country = entry.country;
    summary.sector = entry.sector;
    summary.kind = entry.kind;
    summary.has_roles = !entry.roles.empty();
    summaries_.push_back(summary);
  }
  std::unordered_map<std::string, uint32_t> groups;
  agent_summaries_.clear();
  for (const AgentEntry& agent : agents_)
    agent_summaries_.push_back({agent.sector, agent.kind, !agent.plural.empty()});
  coreference_keys_.clear();
  for (uint32_t i = 0; i < agents_.size(); ++i) {
    AgentEntry& agent = agents_[i];
    if (!agent.group.empty()) agent.group_id = groups.try_emplace(agent.group, groups.size() + 1).first->second;
    // An agent of no group is its own key; a group, numbered from 1, takes a key after every agent's.
    coreference_keys_.push_back(agent.group_id == 0 ? i : static_cast<uint32_t>(agents_.size()) + agent.group_id);
  }
  for (uint32_t i = 0; i < agents_.size(); ++i) {
    matcher_.Add(agents_[i].noun, (i << 6) | 6);
    if (!agents_[i].plural.empty()) matcher_.Add(agents_[i].plural, (i << 6) | 7);
  }
  // The words the grammar run's OnOther acts on (pronouns, and "two" for "the two": see Run::Match), listed by
  // Tokenize.
  for (std::string_view word : {"it", "its", "they", "he", "she", "him", "his", "two"}) matcher_.Mark(word);
  matcher_.Finish();
  finished_ = true;
}

ResolvedActor ActorDictionary::Resolve(const ActorEntry& entry, const std::optional<CivilDate>& date) {
  if (entry.roles.empty()) return {entry.country, entry.sector};  // most entries: no date to convert
  return ResolveOnDay(entry, date ? std::optional<int64_t>(ToDayNumber(*date)) : std::nullopt);
}

ResolvedActor ActorDictionary::ResolveOnDay(const ActorEntry& entry, std::optional<int64_t> day) {
  ResolvedActor resolved{entry.country, entry.sector};
  const ActorRole* chosen = nullptr;
  if (entry.roles.empty()) return resolved;
  if (day) {
    for (const ActorRole& role : entry.roles) {
      if (role.first_day <= *day && *day <= role.last_day) {
        chosen = &role;
        break;
      }
    }
  } else {
    for (const ActorRole& role : entry.roles) {
      if (role.last_day == std::numeric_limits<int64_t>::max()) chosen = &role;
    }
  }
  if (chosen) {
    resolved.sector = chosen->sector;
    if (chosen->sets_country) resolved.country = chosen->country;
  }
  return resolved;
}

}  // namespace annalist
