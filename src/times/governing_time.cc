// Dating a clause. The order — the clause's own time, then the sentence's nearest time, then the dateline for
// a present-tense report — is ANNOTATION.md's rule for event dates ("the publication date when the event is
// reported as current, and null where nothing tells"). Tense is read from a closed list of auxiliaries and
// reporting verbs, so "Hamas says" dates to the dateline and "Hamas said" (with no time in its sentence) does
// not.
#include "times/governing_time.h"

#include <algorithm>
#include <cstdlib>
#include <span>
#include <string_view>

#include "core/ascii.h"
#include "times/clause.h"

namespace annalist {
namespace {

bool InList(std::string_view word, std::span<const std::string_view> list) {
  for (std::string_view entry : list) {
    if (EqualsAsciiLower(word, entry)) return true;
  }
  return false;
}

// Distance in bytes between two spans (0 when they overlap).
uint32_t Gap(Span a, Span b) {
  if (a.end <= b.begin) return b.begin - a.end;
  if (b.end <= a.begin) return a.begin - b.end;
  return 0;
}

enum class Tense { kNone, kPastOrFuture, kPresent };

// The tense a word marks: an auxiliary or reporting verb of the past or future ("was", "said", "will"), of
// the present ("is", "says", "has"), or neither. Dispatched on the first letter: the clause's words are tested
// one by one for every dated figure and event whose sentence has no time, and most start with none of these.
Tense TenseOf(std::string_view word) {
  if (word.size() < 2 || word.size() > 9) return Tense::kNone;
  static constexpr std::string_view kA[] = {"are", "am", "accuses"};
  static constexpr std::string_view kC[] = {"continues", "continue", "claims"};
  static constexpr std::string_view kD[] = {"denies"};
  static constexpr std::string_view kH[] = {"has", "have"};
  static constexpr std::string_view kI[] = {"is", "insists"};
  static constexpr std::string_view kR[] = {"remains", "remain", "reports"};
  static constexpr std::string_view kS[] = {"says", "say"};
  static constexpr std::string_view kT[] = {"tells"};
  static constexpr std::string_view kW[] = {"warns"};
  static constexpr std::string_view kPastC[] = {"could"};
  static constexpr std::string_view kPastD[] = {"did"};
  static constexpr std::string_view kPastH[] = {"had"};
  static constexpr std::string_view kPastM[] = {"might"};
  static constexpr std::string_view kPastS[] = {"said", "shall"};
  static constexpr std::string_view kPastT[] = {"told"};
  static constexpr std::string_view kPastW[] = {"was", "were", "will", "would"};
  std::span<const std::string_view> past, present;
  switch (AsciiLower(word[0])) {
    case 'a': present = kA; break;
    case 'c': past = kPastC, present = kC; break;
    case 'd': past = kPastD, present = kD; break;
    case 'h': past = kPastH, present = kH; break;
    case 'i': present = kI; break;
    case 'm': past = kPastM; break;
    case 'r': present = kR; break;
    case 's': past = kPastS, present = kS; break;
    case 't': past = kPastT, present = kT; break;
    case 'w': past = kPastW, present = kW; break;
    default: return Tense::kNone;
  }
  if (InList(word, past)) return Tense::kPastOrFuture;
  if (InList(word, present)) return Tense::kPresent;
  return Tense::kNone;
}

// Whether the clause has a present-tense marker and no past or future one.
bool PresentTenseReport(const Document& doc, Span clause) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), clause.begin,
                             [](const Token& t, uint32_t offset) { return t.end <= offset; });
  bool present = false;
  for (; it != doc.tokens.end() && it->begin < clause.end; ++it) {
    if (it->kind != TokenKind::kWord) continue;
    const Tense tense = TenseOf(doc.slice(it->span()));
    if (tense == Tense::kPastOrFuture) return false;
    if (tense == Tense::kPresent) present = true;
  }
  return present;
}

}  // namespace

std::optional<DayInterval> GoverningTime(const Document& doc, Span clause, uint32_t anchor) {
  // Events ask this once per event, so the mentions and the sentence are found by binary search: the times
  // stage leaves its mentions in text order and disjoint (a test holds it), as the segmenter its sentences.
  const auto first_from = [&doc](uint32_t offset) {
    return std::lower_bound(doc.times.begin(), doc.times.end(), offset,
                            [](const TimeMention& time, uint32_t b) { return time.span.begin < b; });
  };
  const TimeMention* best = nullptr;
  uint32_t best_distance = 0;
  for (auto time = first_from(clause.begin); time != doc.times.end() && time->span.begin < clause.end; ++time) {
    if (time->span.end > clause.end) continue;
    const uint32_t distance = anchor == kNone ? 0 : Gap(time->span, Span{anchor, anchor});
    if (!best || distance < best_distance) {
      best = &*time;
      best_distance = distance;
    }
  }
  if (best) return best->value;
  // The sentence holding the clause.
  Span sentence = clause;
  auto holder = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), clause.begin,
                                 [](uint32_t b, const Sentence& s) { return b < s.span.begin; });
  if (holder != doc.sentences.begin() && clause.begin < (holder - 1)->span.end) sentence = (holder - 1)->span;
  for (auto time = first_from(sentence.begin); time != doc.times.end() && time->span.begin < sentence.end;
       ++time) {
    if (time->span.end > sentence.end) continue;
    const uint32_t distance = Gap(time->span, clause);
    if (!best || distance < best_distance) {
      best = &*time;
      best_distance = distance;
    }
  }
  if (best) return best->value;
  if (doc.date && PresentTenseReport(doc, clause)) return DayInterval::Day(*doc.date);
  return std::nullopt;
}

Span ClauseSpanOfToken(const Document& doc, uint32_t token) {
  const times::TokenRange range = times::ClauseOf(doc, token);
  return Span{doc.tokens[range.begin].begin, doc.tokens[range.end - 1].end};
}

}  // namespace annalist
