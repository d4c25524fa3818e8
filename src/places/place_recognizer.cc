// Place recognition: a gazetteer of 200,000 towns hit by every capitalised word, kept honest by context.
//
// The idea. Every word token is cut at its hyphens into pieces ("Aleppo-Hama" → Aleppo, Hama; "United
// States-backed" → United, States, backed), and each piece is normalised once (normalize.h): a token of
// ASCII letters and digits, most of them, in a few vector instructions; a lower-case one is its own key and
// is hashed only if a rule asks about it (only capitalised pieces are looked up). From every capitalised
// piece the matcher hashes one more piece at a time and probes the gazetteer, reading on only while the probe
// says some longer key continues that way (prefix marks), and keeps the longest whole key whose pieces are
// all capitalised, short connectors ("al", "ez", "of") or feature words ("camp", "river"). No string is built
// and nothing is allocated per token: one scratch buffer and one vector of pieces per document.
//
// Which raw matches are places. A name is taken when it is *strong*: a country, an entry of the project's
// supplement, a capital, a division named with several words or in a country the article names, or a town
// of at least PlaceOptions::strong_population people. A *weak* name (a smaller town) needs a country the
// article already names (its "anchors": countries, supplement places and demonyms, which are not places but
// say "this is about Syria") and, when it is one word, no capitalised neighbour (so "Jeremy Hunt" and
// "Victoria Beckham" are people). Everywhere, a name is refused after a title ("Mr", "President"), before an
// organisation head ("Post", "Party", "Forces") or after "Bank of" and the like; a blocked phrase of the
// supplement ("White House", "Gulf war", "Islamic State") swallows its words; demonyms are never places.
// A one-word name that is also a common word or given name (data/places/ambiguous.txt: Mark, Hope, Jordan)
// needs more: no capitalised neighbour, not seen elsewhere in the article as a surname ("Bashar al-Assad" →
// "Assad" is a person throughout), not written elsewhere in lower case ("hope") when it opens a sentence, and
// unless it is a country or capital, an anchored country. Names of two letters or three are taken only in
// capitals and only as countries ("US", "UK"): never "Of", "Us", "Hit".
//
// Persons, outlets and code names. A one-word town that is not a capital or curated is a person when the
// article makes it a speaker ("Ricardo said", "said Saratova, who") or it stands beside a capitalised word
// that is no place ("Elizabeth Hoff", "Shiraz Maher"), however big; nothing after an apposition noun ("her
// daughter, Sana", "the news agency Sana") or before ", the … agency", after "Operation", before "for" and a
// capitalised word ("Centre for Global Policy") or a lower-case "university"/"college" is a place; a compass
// word before a place ("North-East Syria") is not. An alternate name that is also a town's own name
// ("Franklin", "Salisbury", "Geneva") is not evidence by itself: it needs a locative like a small town.
//
// Disambiguation. Among the entries of a key the best score wins: countries first, then the supplement
// (whose spellings are the news ones: bare "Gaza" is the Strip), then towns by population with a bonus for
// capitals and division seats, divisions below big towns of the same name (bare "Idlib" is a city, "Idlib
// province" the division: a following "province", "governorate", "region", "oblast" or "district" joins the
// span and prefers the division), and a large bonus for an anchored country ("Tripoli" with Lebanon named
// is Lebanon's). Alternate names (other languages' exonyms) score below a name proper.
//
// Limits. Person names made of two place names ("Jordan Peterson" aside) and single-word towns that are
// surnames in an article that never gives the first name are the main residual errors; so are headlines in
// title case. Regional phrases keep the gold convention: "southern Israel" is the mention "Israel".
//
// The work on one document is a DocumentMatcher (document_matcher.h): pieces and raw matches in
// raw_matches.cc, evidence and decisions in place_decision.cc.
#include "places/place_recognizer.h"

#include "places/document_matcher.h"

namespace annalist {

PlaceRecognizer::PlaceRecognizer(const Gazetteer& gazetteer, const PlaceOptions& options)
    : gazetteer_(gazetteer), options_(options) {}

void PlaceRecognizer::Process(Document& doc) const {
  doc.places.clear();
  if (doc.is_error()) return;
  thread_local places::MatcherScratch scratch;
  places::DocumentMatcher(gazetteer_, options_, doc, scratch).Run();
}

}  // namespace annalist
