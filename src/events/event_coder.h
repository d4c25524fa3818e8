// The events stage: who did what to whom. For each sentence it finds the triggers of the event lexicon (verbs,
// verb phrases, event nouns), decides their reading in context, assigns actor and recipient from the actor
// mentions of the actors stage, combines governors with their complements ("refused to continue
// negotiations" → one REJECT), sets status (occurred, planned, refused, conditional, denied), the claimant,
// the date (times API) and the place (places API); then keeps one event per real-world event per article.
// Rules: shared/spec/ANNOTATION.md, "Events"; the algorithm and its limits are described in event_coder.cc.
#pragma once

#include <cstdint>

#include "annalist/document.h"
#include "events/event_lexicon.h"
#include "figures/figure_lexicon.h"

namespace annalist {

struct EventCoderOptions {
  // How far (in tokens) before a trigger the subject is looked for, and after it the object or a
  // prepositional argument ("declined up to three offers put on the table by the mediators").
  uint32_t subject_window = 25;
  uint32_t object_window = 8;
  // How many tokens before a trigger the status cues (not, will, plans to, if …) are read.
  uint32_t cue_window = 5;
  // Sentences longer than this many tokens are not coded (hostile input; news sentences are ~26 tokens).
  uint32_t max_sentence_tokens = 256;
  // No document gets more events than this; the rest are dropped.
  uint32_t max_events_per_document = 2000;
  // Print every candidate trigger with its arguments and fate on stderr (also set by ANNALIST_TRACE_EVENTS).
  bool trace = false;
};

class EventCoder {
 public:
  // REQUIRES: `lexicon` outlives the coder and every Document it fills (events point into it).
  explicit EventCoder(const events::EventLexicon& lexicon = events::EventLexicon::Builtin(),
                      const EventCoderOptions& options = {});

  // Replaces doc.events with the events of doc.text, in text order. May append to doc.actors an
  // ActorMention (no name, country or sector) for a claimant the actors stage did not recognise. Leaves an
  // error document alone. Thread-safe: the coder is immutable (per-thread scratch is thread_local).
  // REQUIRES: doc.tokens, doc.sentences (text), doc.times (times) filled; doc.places, doc.actors as their
  // stages left them (either may be empty).
  void Process(Document& doc) const;

  const events::EventLexicon& lexicon() const { return lexicon_; }

 private:
  const events::EventLexicon& lexicon_;
  EventCoderOptions options_;
  figures::FigureLexicon figure_lexicon_;  // for the source finder shared with the figures stage
};

}  // namespace annalist
