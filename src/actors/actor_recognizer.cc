// The actors stage.
//
// The idea. One PhraseMatcher holds every name, adjectival form, metonym and agent noun of the dictionary. The
// article is matched once, left to right, keeping the longest phrase at each token (a surname alone counts only
// after the person's full name, or after a title). Then a small grammar of noun phrases, applied per sentence,
// turns those hits into mentions:
//
//   anchor [anchor…] ['s] [≤2 words] agent…   "Israeli tanks", "Syrian Kurdish forces", "Assad's forces",
//                                             "Hamas sources", "an Israeli security source"
//   anchor act                                "Israeli bombardment" → the anchor alone, MIL
//   anchor Capitalized-name-with-agent        "Israel Forum of Families of Hostages…" → ISR CVL
//   [title] person                            "Prime Minister Benjamin Netanyahu", "CIA chief William Burns"
//   agent of|for|from [the] anchor|descriptor "Government of Israel", "the head of Mossad",
//                                             "a spokesperson for the group"
//   agent in … country                        "communities in southern and central Israel"
//   the [adjectives] descriptor [name]        "The Islamist group Hamas"; without a name it stands for the last
//                                             organisation named ("the Palestinian Islamist group" → Hamas)
//   [the] agent                               "the mediators" (sector only); a noun of a coreference group
//                                             takes the country of its last mention ("hostages" after "Israeli
//                                             hostages", "the same sources" after "Hamas sources")
//   he / she / him / his                      the last person named within a few sentences
//   it [verb] / its [agent]                   the last actor named, when it was an organisation or a state
//                                             acting as such, within the pronoun window, with no unknown
//                                             Capitalized name between ("Isis … It has resurfaced", "its
//                                             fighters"); not the impersonal "it is", "it would be"
//   they [verb]                               the last plural party that was a subject itself, in this sentence
//                                             or the one before ("Iraqi security forces allegedly hurl … they")
//   the two                                   a mention with no country or sector, for the pair just named
//
// Setting. A population group ("Kurdish forces", "the Kurds"; not religions) or an unnamed armed, police,
// opposition or single governing agent ("rebel factions", "the state") with no country takes the country named
// as a place nearest to it in its sentence ("In Iraq, the state…"), else the country that dominates the
// article's places ("in Syria", "Idlib", "the Syrian town of"), when one does (≥ 2 and twice the next).
// Equal-length phrases for several actors ("American") go to the one with more names (the United States).
//
// Sectors combine: an organisation keeps its own ("Hamas officials" is REB); a state gives the agent's ("Israeli
// tanks" MIL) or GOV for a role noun ("Israeli spokesperson"); a person gives the agent's ("Assad's forces" MIL)
// or its own; a population group makes armed agents REB ("Kurdish fighters").
//
// Limits. No parsing: "they" takes only a plural subject of this or the last sentence, "it"/"its" take the
// last actor named (wrong when a thing or a relative clause's object intervenes), "he" is not checked for subject position, and a
// country named after a locative preposition ("in Syria") is taken as a place, not an actor. Coordinations
// ("US, French and British airstrikes") give their members separately, without the shared agent.
#include "actors/actor_recognizer.h"

#include "actors/grammar_run.h"

namespace annalist {

using actors_detail::Run;
using actors_detail::RunScratch;


ActorRecognizer::ActorRecognizer(const ActorDictionary& dictionary, const ActorRecognizerOptions& options)
    : dictionary_(dictionary), options_(options) {}

void ActorRecognizer::Process(Document& doc) const {
  if (doc.is_error()) return;
  thread_local RunScratch scratch;
  Run run(dictionary_, options_, doc, scratch);
  run.Go();
}

}  // namespace annalist
