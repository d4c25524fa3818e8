// The dictionary built into the binary: the countries compiled at build time from the data packages
// (world-countries, i18n-iso-countries, iso-codes) and the project's own files in data/actors/, linked in by
// cmake (annalist_embed_blob) so nothing is located or parsed as JSON at run time.
#pragma once

#include <string_view>

#include "actors/actor_dictionary.h"
#include "annalist/status.h"

namespace annalist {

// The built-in dictionary text: sections "##file NAME" each holding one dictionary file. Lives as long as the
// process.
std::string_view BuiltinActorData();

// Adds every section of `data` (in the form above) to `dictionary`. Errors: Corruption with "NAME:line: …".
// REQUIRES: !dictionary->finished().
Status AddDictionarySections(std::string_view data, ActorDictionary* dictionary);

// Adds the built-in dictionary. Typical start-up:
//   ActorDictionary dictionary;
//   Status s = AddBuiltinActors(&dictionary);          // then any --actors-petrarch files
//   dictionary.Finish();
Status AddBuiltinActors(ActorDictionary* dictionary);

}  // namespace annalist
