// Reader for PETRARCH / TABARI actor and agent dictionaries (the Phoenix dictionaries and their kind), so users
// can bring their own with `--actors-petrarch FILE`. The formats are those of PETRARCH2's reader
// (shared/design/petrarch-dictionaries.md, sections 4.0, 4.2 and 4.3), including its quirks: comments cut at
// any '#', date ranges whose end is exclusive, two-digit years, 7-digit dates read as YYMMDD.
//
// Entries are merged into an ActorDictionary (before its Finish()):
//   * an actor record (primary phrase, "+synonyms", date-restricted codes) becomes an ActorEntry whose name is the
//     primary phrase in title case ("BARACK_OBAMA" → "Barack Obama"), whose default is its undated code and
//     whose roles are its dated codes; a record whose name is already known (e.g. "ISRAEL") adds its aliases to
//     the known entry;
//   * an agent line becomes an AgentEntry with its plural forms (regular, listed in braces, or none for "{}").
// CAMEO codes map to RECORDS.md's closed sets: the first three letters are a country, or IGO/NGO/MNC/IMG-style
// roots with no country; the first later segment that names a sector gives it (ELI → GOV, PTY → OPP,
// INS/SEP/UAF → REB, EDU/LAB/AGR → CVL, HRI/ENV → NGO, religions → REL…).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "actors/actor_dictionary.h"
#include "annalist/status.h"

namespace annalist {

struct PetrarchCounts {
  size_t actors = 0;    // actor records read (each with its synonyms)
  size_t aliases = 0;   // phrases read, primary phrases and synonyms together
  size_t roles = 0;     // dated codes
  size_t agents = 0;    // agent lines read (after "!PERSON!"-style substitution)
  size_t skipped = 0;   // lines PETRARCH itself skips with a warning (an agent without a code)
};

// Reads an actor dictionary. `file` names it in messages. Errors: Corruption "file:line: reason 'text'" for a
// line PETRARCH would reject (a bad date or code). REQUIRES: !dictionary->finished().
Result<PetrarchCounts> ImportPetrarchActors(std::string_view text, std::string_view file,
                                            ActorDictionary* dictionary);

// Reads an agent dictionary, as above.
Result<PetrarchCounts> ImportPetrarchAgents(std::string_view text, std::string_view file,
                                            ActorDictionary* dictionary);

// Reads the file at `path` and imports it as an agent dictionary when its codes are agent codes ("[~GOV]",
// "[NGO~]"), else as an actor dictionary. Errors: IOError when it cannot be read; as above.
Result<PetrarchCounts> ImportPetrarchFile(const std::string& path, ActorDictionary* dictionary);

}  // namespace annalist
