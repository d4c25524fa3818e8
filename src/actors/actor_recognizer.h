// The actors stage: finds who is named in an article — states, organisations, people, and the agents in
// between ("Israeli tanks", "Hamas sources", "a spokesperson for the group") — with a country and a sector.
//
// Adds Document::actors: ActorMentions in text order, not overlapping. A mention's name points into the
// ActorDictionary (empty when the text names no known actor, e.g. "the mediators"); its country is empty for
// international organisations and unknown countries; its sector is Sector::kNone where the text does not say
// ("Israeli soil"). The rules, and their limits, are described in actor_recognizer.cc.
#pragma once

#include <cstdint>

#include "actors/actor_dictionary.h"
#include "annalist/document.h"

namespace annalist {

struct ActorRecognizerOptions {
  // "he", "she", "him", "his" stand for the last person named within this many sentences (0 turns pronouns off).
  uint32_t pronoun_window_sentences = 2;
  // At most this many words between an adjectival form and its agent noun ("Israeli [senior] officials").
  uint32_t max_adjective_gap = 2;
  // No document gets more actor mentions than this (a budget against hostile input); the rest are dropped.
  uint32_t max_actors_per_document = 20000;
};

class ActorRecognizer {
 public:
  // REQUIRES: dictionary.finished(); it must outlive the recognizer and every Document it fills.
  explicit ActorRecognizer(const ActorDictionary& dictionary, const ActorRecognizerOptions& options = {});

  // Replaces doc.actors with the actor mentions of doc.text, resolved against doc.date (people's roles). Leaves
  // an error document alone. Thread-safe: the recognizer is immutable; its scratch buffers belong to
  // the calling thread (thread_local), reused across calls.
  // REQUIRES: doc.tokens and doc.sentences filled by the text stage.
  void Process(Document& doc) const;

  const ActorDictionary& dictionary() const { return dictionary_; }

 private:
  const ActorDictionary& dictionary_;
  ActorRecognizerOptions options_;
};

}  // namespace annalist
