// Clause bounds and tense cues. Both are deliberately shallow — no parser, only punctuation, a handful of
// conjunctions and a closed list of tense words — because the times stage needs a direction only for the few
// names that do not fix their own year or week (a bare weekday, a month-day, a month, a holiday, a season),
// and there the nearest auxiliary or reporting verb is right far more often than not. The scan is bounded
// (kMaxCueDistance tokens each way), so the cost per expression is constant.
#include "times/clause.h"

#include <algorithm>
#include <string_view>

#include "core/ascii.h"

namespace annalist::times {
namespace {

constexpr uint32_t kMaxCueDistance = 25;

// Words that open a new clause after a comma.
bool IsClauseOpener(std::string_view word) {
  static constexpr std::string_view kOpeners[] = {
      "after",  "although", "and",  "as",    "because", "before", "but",   "if",  "since", "though",
      "unless", "until",    "when", "where", "whereas", "which",  "while", "who", "whom",  "whose",
  };
  for (std::string_view opener : kOpeners) {
    if (EqualsAsciiLower(word, opener)) return true;
  }
  return false;
}

bool IsQuote(std::string_view text) {
  return text == "\"" || text == "\xE2\x80\x9C" || text == "\xE2\x80\x9D" || text == "\xE2\x80\x98" ||
         text == "\xE2\x80\x99" || text == "'";
}

// Whether token `token` separates clauses: ";", ":", brackets, quotation marks, a spaced dash, or a comma
// before a conjunction or relative word. A break token belongs to no clause.
bool IsBreak(const Document& doc, uint32_t token) {
  const Token& t = doc.tokens[token];
  if (t.kind != TokenKind::kPunct) return false;
  const std::string_view text = doc.token_text(token);
  if (text == ";" || text == ":" || text == "(" || text == ")" || IsQuote(text)) return true;
  if ((text == "\xE2\x80\x93" || text == "\xE2\x80\x94" || text == "-" || text == "--") &&
      t.has(kTokenSpaceBefore)) {
    return true;
  }
  return text == "," && token + 1 < doc.tokens.size() && doc.tokens[token + 1].kind == TokenKind::kWord &&
         IsClauseOpener(doc.token_text(token + 1));
}

// Whether a clause break stands between token `token` - 1 and token `token`.
bool BreakBefore(const Document& doc, uint32_t token) {
  return IsBreak(doc, token - 1) || IsBreak(doc, token);
}

bool IsRelative(std::string_view word) {
  return EqualsAsciiLower(word, "which") || EqualsAsciiLower(word, "who") || EqualsAsciiLower(word, "whom") ||
         EqualsAsciiLower(word, "whose");
}

enum class Verdict { kNone, kForward, kBack };

// The cue at `token`. After the expression (`after`), a word in "-ed" counts as a past verb ("In December
// Trump announced that troops would leave"); before it, it does not, being as often a participle after a
// future auxiliary ("will be withdrawn by 10 October").
Verdict CueAt(const Document& doc, const TimeLexicon& lexicon, uint32_t token, TokenRange sentence,
              bool after) {
  const Token& t = doc.tokens[token];
  if (t.kind != TokenKind::kWord) return Verdict::kNone;
  const std::string_view text = doc.token_text(token);
  if (after && text.size() > 4 && text.ends_with("ed") && !t.has(kTokenCapitalized) &&
      lexicon.Lookup(text).kind == WordKind::kNone) {
    return Verdict::kBack;
  }
  if (text.size() >= 3 && (text.ends_with("'ll") || text.ends_with("\xE2\x80\x99ll")))
    return Verdict::kForward;
  const WordEntry entry = lexicon.Lookup(text);
  if (entry.kind == WordKind::kMonth && entry.value == 5 && text[0] == 'm')
    return Verdict::kForward;  // "may"
  if (entry.kind != WordKind::kCue) return Verdict::kNone;
  switch (static_cast<Cue>(entry.value)) {
    case Cue::kFutureModal:
      return Verdict::kForward;
    case Cue::kFutureWord:
      // "due to the storm" is a cause, not a schedule.
      if (EqualsAsciiLower(text, "due") && token + 2 < sentence.end &&
          EqualsAsciiLower(doc.token_text(token + 1), "to")) {
        const WordEntry next = lexicon.Lookup(doc.token_text(token + 2));
        if (next.is(FunctionWord::kThe) || next.kind == WordKind::kNumberWord) return Verdict::kNone;
      }
      return Verdict::kForward;
    case Cue::kDeliberation: {
      // "for consideration", "for a vote".
      uint32_t before = token;
      for (int k = 0; k < 2 && before > sentence.begin; ++k) {
        --before;
        const WordEntry word = lexicon.Lookup(doc.token_text(before));
        if (word.is(FunctionWord::kFor)) return Verdict::kForward;
        if (!(word.kind == WordKind::kNumberWord && word.value == 1) && !word.is(FunctionWord::kThe)) break;
      }
      return Verdict::kNone;
    }
    case Cue::kPast:
      return Verdict::kBack;
  }
  return Verdict::kNone;
}

}  // namespace

uint32_t SentenceOfToken(const Document& doc, uint32_t token) {
  const auto& sentences = doc.sentences;
  auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.token_begin; });
  if (it == sentences.begin()) return kNone;
  --it;
  if (token >= it->token_end) return kNone;
  return static_cast<uint32_t>(it - sentences.begin());
}

TokenRange SentenceTokens(const Document& doc, uint32_t token) {
  const uint32_t index = SentenceOfToken(doc, token);
  if (index == kNone) return {0, static_cast<uint32_t>(doc.tokens.size())};
  return {doc.sentences[index].token_begin, doc.sentences[index].token_end};
}

TokenRange ClauseOf(const Document& doc, uint32_t token) {
  const TokenRange sentence = SentenceTokens(doc, token);
  TokenRange clause{token, token + 1};
  if (IsBreak(doc, token)) return clause;
  while (clause.begin > sentence.begin && !IsBreak(doc, clause.begin - 1)) --clause.begin;
  // ", which failed," closes at the next comma.
  const bool relative = clause.begin > sentence.begin && IsRelative(doc.token_text(clause.begin));
  while (
      clause.end < sentence.end && !IsBreak(doc, clause.end) &&
      !(relative && doc.tokens[clause.end].kind == TokenKind::kPunct && doc.token_text(clause.end) == ",")) {
    ++clause.end;
  }
  return clause;
}

Direction ClauseDirection(const Document& doc, const TimeLexicon& lexicon, uint32_t first, uint32_t last) {
  return ClauseCue(doc, lexicon, first, last).value_or(Direction::kPast);
}

std::optional<Direction> ClauseCue(const Document& doc, const TimeLexicon& lexicon, uint32_t first,
                                   uint32_t last) {
  const TokenRange sentence = SentenceTokens(doc, first);
  const uint32_t back_limit =
      first > sentence.begin + kMaxCueDistance ? first - kMaxCueDistance : sentence.begin;
  for (uint32_t token = first; token > back_limit;) {
    if (BreakBefore(doc, token)) break;
    --token;
    const Verdict verdict = CueAt(doc, lexicon, token, sentence, /*after=*/false);
    if (verdict != Verdict::kNone)
      return verdict == Verdict::kForward ? Direction::kFuture : Direction::kPast;
  }
  const uint32_t forward_limit = std::min(sentence.end, last + kMaxCueDistance);
  for (uint32_t token = last; token < forward_limit; ++token) {
    if (token > last && BreakBefore(doc, token)) break;
    const Verdict verdict = CueAt(doc, lexicon, token, sentence, /*after=*/true);
    if (verdict != Verdict::kNone)
      return verdict == Verdict::kForward ? Direction::kFuture : Direction::kPast;
  }
  return std::nullopt;
}

}  // namespace annalist::times
