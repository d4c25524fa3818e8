// The places stage: finds the named places of an article and resolves each to a gazetteer entry.
//
// Adds Document::places: one PlaceMention per mention of a country, division, city, town, neighbourhood, camp
// or named feature, in text order, non-overlapping, with its canonical name (pointing into the Gazetteer),
// country, kind and coordinates. The rules are those of shared/spec/ANNOTATION.md, "Places": demonyms,
// names inside organisation, treaty and event names, and buildings standing for institutions are not places.
// A regional phrase ("southern Israel", "Syria's north-east") is a mention of the country's name only, as in
// the gold annotation. The algorithm and its limits are described in place_recognizer.cc.
#pragma once

#include <cstdint>

#include "annalist/document.h"
#include "places/gazetteer.h"

namespace annalist {

struct PlaceOptions {
  // A one-word town at least this populous is a place without other evidence (otherwise a one-word town must
  // lie in a country the article names: "Hajin" in an article about Syria).
  uint32_t strong_population = 100000;
  // A one-word town in a country the article names needs at least this many people.
  uint32_t anchored_population = 500;
  // A name of two or more words ("Nir Oz", "Kafr Nabl") anywhere needs this many people, or a country the
  // article names.
  uint32_t multiword_population = 1000;
  // The longest name, in words, that is looked up.
  uint32_t max_name_words = 8;
  // No document gets more place mentions than this (a budget against hostile input); the rest are dropped.
  uint32_t max_places_per_document = 10000;
};

class PlaceRecognizer {
 public:
  // `gazetteer` must outlive the recogniser and every Document it fills (mention names point into it).
  explicit PlaceRecognizer(const Gazetteer& gazetteer, const PlaceOptions& options = {});

  // Replaces doc.places with the place mentions of doc.text, in text order. Time expressions already tagged
  // (doc.times) are never places ("March", "May"). Leaves an error document alone. Thread-safe: the
  // recogniser is immutable; its scratch buffers belong to the calling thread (thread_local), reused across
  // calls.
  // REQUIRES: doc.tokens and doc.sentences filled by the text stage (Segmenter).
  void Process(Document& doc) const;

 private:
  const Gazetteer& gazetteer_;
  PlaceOptions options_;
};

// The place of a clause, for later stages (events, figures): the first place mention inside `clause` that a
// locative ("in", "at", "near", "outside", "from", "inside", "into") introduces, else the first place mention lying inside `clause`
// (a byte span of doc.text), else the first place of the sentence that holds clause.begin, else kNone.
// Returns an index into doc.places. O(log n). REQUIRES: doc.places in text order (as Process leaves them).
uint32_t PlaceOfClause(const Document& doc, Span clause);

}  // namespace annalist
