#include "actors/petrarch_reader.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

#include "io/record_names.h"

namespace annalist {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

Status Bad(std::string_view file, size_t line, std::string_view reason, std::string_view text) {
  return Status::Corruption(std::string(file) + ":" + std::to_string(line) + ": " + std::string(reason) + " '" +
                            std::string(text) + "'");
}

// The lines of a file after read_FIN_line: comments cut at '#', <!-- --> comments removed, blank lines skipped.
struct Line {
  size_t number;
  std::string_view raw;   // with its leading whitespace (it tells a date restriction)
};

std::vector<Line> ReadLines(std::string_view text) {
  std::vector<Line> lines;
  bool in_comment = false;
  size_t number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++number;
    if (in_comment) {
      if (line.find("-->") != std::string_view::npos) in_comment = false;
      continue;  // the rest of the closing line is dropped too, as PETRARCH does
    }
    if (const size_t open = line.find("<!--"); open != std::string_view::npos) {
      if (line.find("-->", open) == std::string_view::npos) in_comment = true;
      line = line.substr(0, open);
    }
    if (line.starts_with("<!")) continue;
    if (const size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    if (Trim(line).empty()) continue;
    lines.push_back({number, line});
  }
  return lines;
}

// "BARACK_OBAMA_" → "Barack Obama"; connecting words in lower case; parenthesised abbreviations dropped.
std::string TitleCase(std::string_view phrase) {
  std::string out;
  std::string word;
  const auto flush = [&] {
    if (word.empty()) return;
    std::string key;
    actors::WordKey(word, &key);
    if (!out.empty()) out.push_back(' ');
    if (actors::IsParticle(key) && !out.empty()) {
      out += key;
    } else {
      bool first = true;  // at the start of the word or after a hyphen: "AL-QAIDA" → "Al-Qaida"
      for (char c : word) {
        const bool letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        out.push_back(letter ? (first ? static_cast<char>(c & ~0x20) : static_cast<char>(c | 0x20)) : c);
        first = c == '-';
      }
    }
    word.clear();
  };
  int depth = 0;
  for (char c : phrase) {
    if (c == '(') ++depth;
    if (depth > 0) {
      if (c == ')') --depth;
      continue;
    }
    if (c == '_' || c == ' ' || c == '\t' || c == '+') {
      flush();
    } else {
      word.push_back(c);
    }
  }
  flush();
  return out;
}

std::optional<Sector> SectorOfSegment(std::string_view segment) {
  if (auto sector = ParseSector(segment)) return sector;
  static constexpr std::pair<std::string_view, Sector> kCameo[] = {
      {"ELI", Sector::kGOV}, {"PTY", Sector::kOPP}, {"INS", Sector::kREB}, {"SEP", Sector::kREB},
      {"UAF", Sector::kREB}, {"RAD", Sector::kREB}, {"IMG", Sector::kREB}, {"EDU", Sector::kCVL},
      {"LAB", Sector::kCVL}, {"AGR", Sector::kCVL}, {"CRM", Sector::kCVL}, {"HRI", Sector::kNGO},
      {"ENV", Sector::kNGO}, {"NGM", Sector::kNGO}, {"MNC", Sector::kBUS}, {"DEV", Sector::kNGO},
      {"BUD", Sector::kREL}, {"CHR", Sector::kREL}, {"MOS", Sector::kREL}, {"JEW", Sector::kREL},
      {"HIN", Sector::kREL}, {"SHI", Sector::kREL}, {"SUN", Sector::kREL}, {"CTH", Sector::kREL},
      {"ATH", Sector::kREL}, {"CON", Sector::kREL}, {"ITR", Sector::kREL}, {"JAN", Sector::kREL},
      {"SIK", Sector::kREL}, {"TAO", Sector::kREL}, {"ZRO", Sector::kREL}, {"DRZ", Sector::kREL},
      {"ALE", Sector::kREL}, {"MED", Sector::kMED}};
  for (const auto& [code, sector] : kCameo) {
    if (segment == code) return sector;
  }
  return std::nullopt;
}

// CAMEO roots that are not countries.
bool IsNonStateRoot(std::string_view root) {
  static constexpr std::string_view kRoots[] = {
      "IGO", "NGO", "IMG", "MNC", "UIS", "UAF", "NGM", "AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CFR", "CRB",
      "EAF", "EEU", "EIN", "EUR", "LAM", "MEA", "MDT", "NAF", "NAM", "PGS", "SAF", "SAM", "SAS", "SEA", "SCN",
      "WAF", "WEU", "WST", "ARB", "CEU", "MDE", "NTH", "STH", "WSB", "KKL", "INT"};
  for (std::string_view r : kRoots) {
    if (root == r) return true;
  }
  return false;
}

bool IsLetters(std::string_view s) {
  for (char c : s) {
    if (c < 'A' || c > 'Z') return false;
  }
  return !s.empty();
}

// A CAMEO code as a role without dates. nullopt when it is not a code at all.
std::optional<ActorRole> RoleOfCode(std::string_view code) {
  if (code.size() < 3 || !IsLetters(code.substr(0, 3))) return std::nullopt;
  ActorRole role;
  role.sets_country = true;
  const std::string_view root = code.substr(0, 3);
  if (IsNonStateRoot(root)) {
    if (auto sector = SectorOfSegment(root)) role.sector = *sector;
  } else {
    role.country = CountryCode::FromString(root);
    if (code.size() == 3) role.sector = Sector::kGOV;
  }
  for (size_t i = 3; i + 3 <= code.size() && role.sector == Sector::kNone; i += 3) {
    if (auto sector = SectorOfSegment(code.substr(i, 3))) role.sector = *sector;
  }
  if (role.sector == Sector::kNone && code.size() >= 3 && !IsNonStateRoot(root)) role.sector = Sector::kGOV;
  return role;
}

// PETRARCH dates: YYMMDD (YY <= 30 is 20YY) or YYYYMMDD; a 7-character string is read as YYMMDD.
std::optional<int64_t> ParsePetrarchDate(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int year, month, day;
  const auto number = [&](size_t at, size_t n) { return std::stoi(std::string(s.substr(at, n))); };
  if (s.size() <= 7) {
    if (s.size() < 6) return std::nullopt;
    year = number(0, 2);
    year += year <= 30 ? 2000 : 1900;
    month = number(2, 2);
    day = number(4, 2);
  } else {  // PETRARCH reads the first eight digits ("201005011" is 2010-05-01)
    year = number(0, 4);
    month = number(4, 2);
    day = number(6, 2);
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return ToDayNumber(CivilDate{year, month, day});
}

// Parses "[CODE]", "[CODE <date]", "[CODE >date]", "[CODE d1-d2]". `dated` tells whether it had dates.
std::optional<ActorRole> ParseBracket(std::string_view inside, bool* dated) {
  inside = Trim(inside);
  const size_t space = inside.find_first_of(" \t");
  auto role = RoleOfCode(inside.substr(0, space));
  if (!role) return std::nullopt;
  *dated = space != std::string_view::npos;
  if (!*dated) return role;
  const std::string_view when = Trim(inside.substr(space));
  if (when.starts_with('<')) {
    auto day = ParsePetrarchDate(Trim(when.substr(1)));
    if (!day) return std::nullopt;
    role->last_day = *day - 1;
  } else if (when.starts_with('>')) {
    auto day = ParsePetrarchDate(Trim(when.substr(1)));
    if (!day) return std::nullopt;
    role->first_day = *day;
  } else if (when.find('-') == std::string_view::npos) {
    // A single bare date: PETRARCH drops its first character (design note 4.2); we read it as "from then on".
    auto day = ParsePetrarchDate(when);
    if (!day) return std::nullopt;
    role->first_day = *day;
  } else {
    const size_t dash = when.find('-');
    auto first = ParsePetrarchDate(Trim(when.substr(0, dash)));
    auto last = ParsePetrarchDate(Trim(when.substr(dash + 1)));
    if (!first || !last) return std::nullopt;
    role->first_day = *first;
    role->last_day = *last - 1;  // PETRARCH's end is exclusive
  }
  return role;
}

}  // namespace

Result<PetrarchCounts> ImportPetrarchActors(std::string_view text, std::string_view file,
                                            ActorDictionary* dictionary) {
  PetrarchCounts counts;
  ActorEntry entry;
  bool open = false;
  const auto close = [&] {
    if (!open) return;
    if (entry.roles.size() == 1 && entry.roles[0].first_day == std::numeric_limits<int64_t>::min() &&
        entry.roles[0].last_day == std::numeric_limits<int64_t>::max()) {
      entry.country = entry.roles[0].country;
      entry.sector = entry.roles[0].sector;
      entry.roles.clear();
    }
    counts.roles += entry.roles.size();
    dictionary->AddActor(std::move(entry));
    entry = ActorEntry();
    open = false;
  };
  // Adds the bracketed codes found in `codes`; an undated one is the default.
  const auto add_codes = [&](std::string_view codes, size_t line) -> Status {
    for (size_t at = codes.find('['); at != std::string_view::npos; at = codes.find('[', at + 1)) {
      size_t close_at = codes.find_first_of("]}", at);
      if (close_at == std::string_view::npos) close_at = codes.size();
      if (Trim(codes.substr(at + 1, close_at - at - 1)) == "---") continue;  // "no code", as in CAMEO
      bool dated = false;
      auto role = ParseBracket(codes.substr(at + 1, close_at - at - 1), &dated);
      if (!role) return Bad(file, line, "bad code", codes.substr(at, close_at - at + 1));
      if (dated) {
        entry.roles.push_back(*role);
      } else if (entry.roles.empty() && entry.sector == Sector::kNone && entry.country.empty()) {
        entry.country = role->country;
        entry.sector = role->sector;
      } else {
        entry.roles.push_back(*role);  // a "[CODE]" restriction after dated ones: the fallback, tried last
      }
    }
    return Status::Ok();
  };
  for (const Line& line : ReadLines(text)) {
    const std::string_view trimmed = Trim(line.raw);
    const bool indented = line.raw.front() == ' ' || line.raw.front() == '\t';
    if (trimmed.front() == '[' || (indented && trimmed.front() == '[')) {
      if (!open) return Bad(file, line.number, "a code with no actor before it", trimmed);
      if (Status s = add_codes(trimmed, line.number); !s.ok()) return s;
      continue;
    }
    const size_t bracket = trimmed.find('[');
    const std::string_view phrase = Trim(trimmed.substr(0, bracket));
    if (trimmed.front() == '+') {
      if (!open) return Bad(file, line.number, "a synonym with no actor before it", trimmed);
      const std::string alias = TitleCase(phrase.substr(1));
      if (!alias.empty()) {
        entry.aliases.emplace_back(AliasForm::kName, alias);
        ++counts.aliases;
      }
      if (bracket != std::string_view::npos) {
        if (Status s = add_codes(trimmed.substr(bracket), line.number); !s.ok()) return s;
      }
      continue;
    }
    close();
    entry.name = TitleCase(phrase);
    if (entry.name.empty()) return Bad(file, line.number, "an actor with no name", trimmed);
    entry.origin = std::string(file) + ":" + std::to_string(line.number);
    entry.kind = ActorKind::kOrganisation;
    open = true;
    ++counts.actors;
    ++counts.aliases;
    if (bracket != std::string_view::npos) {
      if (Status s = add_codes(trimmed.substr(bracket), line.number); !s.ok()) return s;
    }
    // A bare country code ("AFGHANISTAN_ [AFG]") names the state itself.
    if (bracket != std::string_view::npos) {
      const std::string_view codes = trimmed.substr(bracket);
      if (codes.size() >= 5 && codes[4] == ']') entry.kind = ActorKind::kCountry;
    }
  }
  close();
  return counts;
}

Result<PetrarchCounts> ImportPetrarchAgents(std::string_view text, std::string_view file,
                                            ActorDictionary* dictionary) {
  PetrarchCounts counts;
  std::vector<std::pair<std::string, std::vector<std::string>>> substitutions;
  for (const Line& line : ReadLines(text)) {
    const std::string_view trimmed = Trim(line.raw);
    if (trimmed.front() == '!' && trimmed.find('=') != std::string_view::npos) {
      const size_t eq = trimmed.find('=');
      std::vector<std::string> items;
      std::string_view rest = trimmed.substr(eq + 1);
      for (size_t start = 0; start <= rest.size();) {
        size_t comma = rest.find(',', start);
        if (comma == std::string_view::npos) comma = rest.size();
        const std::string_view item = Trim(rest.substr(start, comma - start));
        if (!item.empty()) items.emplace_back(item);
        start = comma + 1;
      }
      substitutions.emplace_back(std::string(Trim(trimmed.substr(0, eq))), std::move(items));
      continue;
    }
    const size_t bracket = trimmed.find('[');
    if (bracket == std::string_view::npos) {
      ++counts.skipped;  // "Codes are required for agents"
      continue;
    }
    size_t close_at = trimmed.find_first_of("]}", bracket);
    if (close_at == std::string_view::npos) close_at = trimmed.size();
    std::string_view code = Trim(trimmed.substr(bracket + 1, close_at - bracket - 1));
    std::string_view head = Trim(trimmed.substr(0, bracket));
    std::vector<std::string> plurals;
    bool no_plural = false;
    if (const size_t brace = head.find('{'); brace != std::string_view::npos) {
      const size_t brace_end = head.find('}', brace);
      const std::string_view inside =
          head.substr(brace + 1, (brace_end == std::string_view::npos ? head.size() : brace_end) - brace - 1);
      no_plural = Trim(inside).empty();
      for (size_t start = 0; start < inside.size();) {
        size_t space = inside.find_first_of(" \t", start);
        if (space == std::string_view::npos) space = inside.size();
        if (space > start) plurals.push_back(TitleCase(inside.substr(start, space - start)));
        start = space + 1;
      }
      head = Trim(head.substr(0, brace));
    }
    // "~GOV" appends to the actor's code, "NGO~" prepends: either way the segment names the sector.
    std::string_view segment = code;
    if (segment.starts_with('~')) segment.remove_prefix(1);
    if (segment.ends_with('~')) segment.remove_suffix(1);
    std::optional<Sector> sector;
    for (size_t i = 0; i + 3 <= segment.size() && !sector; i += 3) sector = SectorOfSegment(segment.substr(i, 3));
    // Expand "!PERSON!"-style markers; the expanded forms get no plural.
    std::vector<std::string> nouns{std::string(head)};
    bool substituted = false;
    for (const auto& [marker, items] : substitutions) {
      std::vector<std::string> expanded;
      for (const std::string& noun : nouns) {
        const size_t at = noun.find(marker);
        if (at == std::string::npos) {
          expanded.push_back(noun);
          continue;
        }
        substituted = true;
        for (const std::string& item : items) expanded.push_back(noun.substr(0, at) + item + noun.substr(at + marker.size()));
      }
      nouns = std::move(expanded);
    }
    for (const std::string& raw : nouns) {
      AgentEntry agent;
      agent.noun = TitleCase(raw);
      for (char& c : agent.noun) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
      if (agent.noun.empty()) continue;
      if (!substituted && !no_plural) {
        if (!plurals.empty()) {
          agent.plural = plurals.front();
          for (char& c : agent.plural) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        } else if (agent.noun.back() == 'y') {
          agent.plural = agent.noun.substr(0, agent.noun.size() - 1) + "ies";
        } else if (agent.noun.back() == 's') {
          agent.plural = agent.noun + "es";
        } else {
          agent.plural = agent.noun + "s";
        }
      }
      agent.sector = sector.value_or(Sector::kNone);
      agent.kind = sector ? AgentKind::kMember : AgentKind::kRole;
      agent.origin = std::string(file) + ":" + std::to_string(line.number);
      dictionary->AddAgent(std::move(agent));
      ++counts.agents;
    }
  }
  return counts;
}

Result<PetrarchCounts> ImportPetrarchFile(const std::string& path, ActorDictionary* dictionary) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open '" + path + "': " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  const bool agents = text.find("[~") != std::string::npos || text.find("~]") != std::string::npos;
  return agents ? ImportPetrarchAgents(text, path, dictionary) : ImportPetrarchActors(text, path, dictionary);
}

}  // namespace annalist
