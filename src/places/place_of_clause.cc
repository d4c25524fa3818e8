// The place of a clause: a query over the places stage's output, for the stages after it (figures, events).
// Declared in place_recognizer.h beside the stage whose output it reads.
#include <algorithm>
#include <string>
#include <string_view>

#include "places/place_recognizer.h"  // declares PlaceOfClause

namespace annalist {
namespace {

bool IsAsciiUpperByte(char c) { return c >= 'A' && c <= 'Z'; }
bool IsAsciiLowerByte(char c) { return c >= 'a' && c <= 'z'; }

// Whether the word right before the mention is "in", "at", "near", "outside", "from", "inside" or "into".
bool LocativeIntroduced(const Document& doc, const PlaceMention& place) {
  uint32_t b = place.span.begin;
  while (b > 0 && doc.text[b - 1] == ' ') --b;
  uint32_t a = b;
  while (a > 0 && IsAsciiLowerByte(doc.text[a - 1])) --a;
  if (a > 0 && IsAsciiUpperByte(doc.text[a - 1])) --a;
  if (a == b || b == place.span.begin || (a > 0 && doc.text[a - 1] != ' ' && doc.text[a - 1] != '\n')) return false;
  std::string word(doc.text.substr(a, b - a));
  for (char& c : word) c = static_cast<char>(c | 0x20);
  for (const std::string_view w : {"in", "at", "near", "outside", "from", "inside", "into"}) {
    if (word == w) return true;
  }
  return false;
}

}  // namespace

uint32_t PlaceOfClause(const Document& doc, Span clause) {
  const auto& places = doc.places;
  auto it = std::lower_bound(places.begin(), places.end(), clause.begin,
                             [](const PlaceMention& p, uint32_t b) { return p.span.begin < b; });
  if (it != places.end() && it->span.end <= clause.end) {
    // Prefer a place introduced by a locative preposition over a modifier before it ("The U.S. envoy met …
    // in Doha" → Doha).
    for (auto k = it; k != places.end() && k->span.end <= clause.end; ++k) {
      if (LocativeIntroduced(doc, *k)) return static_cast<uint32_t>(k - places.begin());
    }
    return static_cast<uint32_t>(it - places.begin());
  }
  auto s = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), clause.begin,
                            [](uint32_t b, const Sentence& sentence) { return b < sentence.span.begin; });
  if (s == doc.sentences.begin()) return kNone;
  --s;
  if (clause.begin >= s->span.end) return kNone;
  it = std::lower_bound(places.begin(), places.end(), s->span.begin,
                        [](const PlaceMention& p, uint32_t b) { return p.span.begin < b; });
  if (it != places.end() && it->span.end <= s->span.end) return static_cast<uint32_t>(it - places.begin());
  return kNone;
}

}  // namespace annalist
