// Queries on Document::actors for the stages after actors (figures, events): which actor mention covers a
// token, or is nearest to a span. All functions read only; they work on any document whose actors are in text
// order and do not overlap, as ActorRecognizer leaves them.
#pragma once

#include <cstdint>

#include "annalist/document.h"

namespace annalist {

// The index of the actor mention that overlaps `span`, or kNone. With several, the first.
uint32_t ActorOverlapping(const Document& doc, Span span);

// The index of the actor mention nearest to `span` within the same sentence, looking only before it when
// `direction` < 0, only after it when > 0, either way when 0; kNone when the sentence has none. Distance is in
// bytes between the spans' facing ends; an overlapping mention is at distance 0.
uint32_t NearestActor(const Document& doc, Span span, int direction = 0);

// The index of the first actor mention whose span starts at or after byte `begin`; doc.actors.size() if none.
uint32_t FirstActorFrom(const Document& doc, uint32_t begin);

}  // namespace annalist
