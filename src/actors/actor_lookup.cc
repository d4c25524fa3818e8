#include "actors/actor_lookup.h"

#include <algorithm>

namespace annalist {

uint32_t FirstActorFrom(const Document& doc, uint32_t begin) {
  auto it = std::lower_bound(doc.actors.begin(), doc.actors.end(), begin,
                             [](const ActorMention& m, uint32_t b) { return m.span.begin < b; });
  return static_cast<uint32_t>(it - doc.actors.begin());
}

uint32_t ActorOverlapping(const Document& doc, Span span) {
  // Mentions do not overlap, so only the one starting before `span` and those starting inside it can.
  uint32_t i = FirstActorFrom(doc, span.begin);
  if (i > 0 && doc.actors[i - 1].span.end > span.begin) return i - 1;
  if (i < doc.actors.size() && doc.actors[i].span.begin < std::max(span.end, span.begin + 1)) return i;
  return kNone;
}

uint32_t NearestActor(const Document& doc, Span span, int direction) {
  // The sentence holding the span.
  auto sentence = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), span.begin,
                                   [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
  if (sentence == doc.sentences.begin()) return kNone;
  --sentence;
  const Span limits = sentence->span;
  uint32_t best = kNone;
  uint64_t best_distance = UINT64_MAX;
  const uint32_t first = FirstActorFrom(doc, limits.begin);
  for (uint32_t i = first; i < doc.actors.size() && doc.actors[i].span.begin < limits.end; ++i) {
    const Span m = doc.actors[i].span;
    uint64_t distance;
    if (m.end <= span.begin) {
      if (direction > 0) continue;
      distance = span.begin - m.end;
    } else if (m.begin >= span.end) {
      if (direction < 0) continue;
      distance = m.begin - span.end;
    } else {
      distance = 0;
    }
    if (distance < best_distance) {
      best_distance = distance;
      best = i;
    }
  }
  return best;
}

}  // namespace annalist
