// Dating a clause. The order — the clause's own time, then the sentence's nearest time, then the dateline for
// a present-tense report — is ANNOTATION.md's rule for event dates ("the publication date when the event is
// reported as current, and null where nothing tells"). Tense is read from a closed list of auxiliaries and
// reporting verbs, so "Hamas says" dates to the dateline and "Hamas said" (with no time in its sentence) does
// not.
#include "times/governing_time.h"

#include <algorithm>
#include <cstdlib>
#include <string_view>

#include "core/ascii.h"
#include "times/clause.h"

namespace annalist {
namespace {

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
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

bool PresentTenseReport(const Document& doc, Span clause) {
  auto it = std::lower_bound(doc.tokens.begin(), doc.tokens.end(), clause.begin,
                             [](const Token& t, uint32_t offset) { return t.end <= offset; });
  bool present = false;
  for (; it != doc.tokens.end() && it->begin < clause.end; ++it) {
    if (it->kind != TokenKind::kWord) continue;
    const std::string_view word = doc.slice(it->span());
    if (InList(word,
               {"was", "were", "had", "did", "said", "told", "will", "would", "shall", "could", "might"})) {
      return false;
    }
    if (InList(word, {"is", "are", "am", "says", "say", "has", "have", "remains", "remain", "continues",
                      "continue", "tells", "warns", "insists", "claims", "reports", "accuses", "denies"})) {
      present = true;
    }
  }
  return present;
}

}  // namespace

std::optional<DayInterval> GoverningTime(const Document& doc, Span clause, uint32_t anchor) {
  const TimeMention* best = nullptr;
  uint32_t best_distance = 0;
  for (const TimeMention& time : doc.times) {
    if (time.span.begin < clause.begin || time.span.end > clause.end) continue;
    const uint32_t distance = anchor == kNone ? 0 : Gap(time.span, Span{anchor, anchor});
    if (!best || distance < best_distance) {
      best = &time;
      best_distance = distance;
    }
  }
  if (best) return best->value;
  // The sentence holding the clause.
  Span sentence = clause;
  for (const Sentence& s : doc.sentences) {
    if (s.span.begin <= clause.begin && clause.begin < s.span.end) {
      sentence = s.span;
      break;
    }
  }
  for (const TimeMention& time : doc.times) {
    if (time.span.begin < sentence.begin || time.span.end > sentence.end) continue;
    const uint32_t distance = Gap(time.span, clause);
    if (!best || distance < best_distance) {
      best = &time;
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
