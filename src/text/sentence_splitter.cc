// The sentence splitter.
//
// The idea is the classic one (Grefenstette & Tapanainen 1994; the Punkt and Moses splitters refine it): a
// sentence ends at a terminal mark when what follows can start a sentence. We decide on tokens, not bytes,
// so the tokenizer has already settled the hard cases of the period: a decimal point is inside "1.2", and an
// abbreviation's period is inside "Gen." or "U.S.". What remains is a left-to-right pass with one token of
// lookahead past any closing quotes and brackets, so it is linear and allocates nothing but the output.
//
// Three kinds of stop, by strength:
//   * "." "!" "?" end a sentence before anything that can open one: a word or number not starting in lower
//     case (so caseless scripts split too), an opening quote or bracket, a symbol ("$5bn was pledged").
//     A period inside a closing quote before "said" ("… now,” said a statement") thus does not split, and
//     a comma inside quotes is not a stop at all;
//   * "…" ends one only before a capitalised word, since an ellipsis more often marks an omission;
//   * an abbreviation that can end a sentence ("U.S.", "W.", "Inc.", "Jan.") ends one only before a
//     sentence-opening function word ("The", "He"), because a capital after it is usually a name ("U.S.
//     Army", "George W. Bush", "J. K. Rowling"), also when an opening quote comes between ("News Corp. “If
//     I must …”"). Titles ("Gen.", "Mr.") never end one.
// Layout comes first: a line break always ends a sentence (headlines, bylines, captions and "EFE" stand on
// lines of their own, and news text does not hard-wrap), and a whole line in brackets ("(Read also: …)") is
// one sentence whatever it holds.
//
// Known limits: "“Stop!” Smith said." splits after the quote (a capitalised name after a closing quote
// looks like a new sentence); a sentence ending in an initial or abbreviation before a name ("… in the U.S.
// Biden said") does not split; lower-case sentence starts ("iPhone sales rose") do not split; an
// unterminated line of text joins nothing, since the line break ends it anyway.
#include "text/sentence_splitter.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "text/abbreviations.h"
#include "text/char_class.h"

namespace annalist {
namespace {

using text_internal::AbbreviationKind;

enum class Stop : uint8_t { kNone, kAbbreviation, kEllipsis, kFull };  // weakest to strongest

bool IsAnyOf(std::string_view s, std::initializer_list<std::string_view> options) {
  return std::find(options.begin(), options.end(), s) != options.end();
}

class Splitter {
 public:
  Splitter(std::string_view text, std::span<const Token> tokens) : text_(text), tokens_(tokens) {}

  void Run(std::vector<Sentence>& sentences) {
    const size_t n = tokens_.size();
    size_t start = 0;
    size_t protected_end = 0;  // no stop before this token: the rest of a bracketed line
    size_t i = 0;
    while (i < n) {
      if (i == 0 || tokens_[i].has(kTokenNewlineBefore)) {
        if (i > start) {
          Add(start, i, sentences);
          start = i;
        }
        protected_end = BracketedLineEnd(i);
      }
      Stop stop = i >= protected_end ? StopAt(i) : Stop::kNone;
      if (stop == Stop::kNone) {
        ++i;
        continue;
      }
      // Take in further marks and closing quotes or brackets: `?!`, `.”`, `.)`.
      size_t next = i + 1;
      for (; next < n && !tokens_[next].has(kTokenNewlineBefore); ++next) {
        const Stop more = tokens_[next].kind == TokenKind::kPunct ? StopAt(next) : Stop::kNone;
        if (more != Stop::kNone) {
          stop = std::max(stop, more);
        } else if (!IsCloser(next)) {
          break;
        }
      }
      if (next < n && !tokens_[next].has(kTokenNewlineBefore) && EndsBefore(stop, next)) {
        Add(start, next, sentences);
        start = next;
      }
      i = next;
    }
    if (start < n) Add(start, n, sentences);
  }

 private:
  std::string_view Text(size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }

  void Add(size_t begin, size_t end, std::vector<Sentence>& sentences) const {
    sentences.push_back(Sentence{Span{tokens_[begin].begin, tokens_[end - 1].end},
                                 static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
  }

  Stop StopAt(size_t i) const {
    const Token& token = tokens_[i];
    if (token.kind == TokenKind::kPunct) {
      // Decided on the first byte: "." "!" "?" are one byte, "…" is E2 80 A6, "..." is a run of periods.
      const char first = text_[token.begin];
      if (token.end - token.begin == 1) {
        return first == '.' || first == '!' || first == '?' ? Stop::kFull : Stop::kNone;
      }
      return first == '.' || Text(i) == "…" ? Stop::kEllipsis : Stop::kNone;
    }
    if (token.kind == TokenKind::kWord && token.has(kTokenAbbreviation)) {
      const std::string_view word = Text(i);
      const AbbreviationKind kind = text_internal::ClassifyAbbreviation(word.substr(0, word.size() - 1));
      return kind == AbbreviationKind::kTitle || kind == AbbreviationKind::kNumberSign ? Stop::kNone
                                                                                       : Stop::kAbbreviation;
    }
    return Stop::kNone;
  }

  // A closing quote or bracket. A straight quote closes when it hugs the previous token.
  bool IsCloser(size_t i) const {
    if (tokens_[i].kind != TokenKind::kPunct) return false;
    const std::string_view mark = Text(i);
    if (mark == "\"" || mark == "'") return !tokens_[i].has(kTokenSpaceBefore);
    return IsAnyOf(mark, {")", "]", "}", "”", "’", "»", "›"});
  }

  bool IsOpener(size_t i) const {
    return tokens_[i].kind == TokenKind::kPunct &&
           IsAnyOf(Text(i), {"(", "[", "{", "“", "‘", "«", "‹", "\"", "'", "„"});
  }

  bool CanOpenSentence(size_t i) const {
    switch (tokens_[i].kind) {
      case TokenKind::kWord:
      case TokenKind::kNumber:
        return !StartsLowerCase(i);
      case TokenKind::kPunct:
        return IsOpener(i);
      case TokenKind::kSymbol:
        return true;
    }
    return false;
  }

  bool StartsLowerCase(size_t i) const {
    const auto byte = static_cast<unsigned char>(text_[tokens_[i].begin]);
    if (byte < 0x80) return text_internal::kAsciiClass[byte] == text_internal::kCharLower;
    return text_internal::ClassifyAt(text_, tokens_[i].begin).cls == text_internal::kCharLower;
  }

  bool EndsBefore(Stop stop, size_t next) const {
    switch (stop) {
      case Stop::kFull:
        return CanOpenSentence(next);
      case Stop::kEllipsis:
        return tokens_[next].has(kTokenCapitalized);
      case Stop::kAbbreviation:
        // Look through an opening quote or bracket: "News Corp. “If I must …”".
        if (IsOpener(next) && next + 1 < tokens_.size() && !tokens_[next + 1].has(kTokenNewlineBefore))
          ++next;
        return tokens_[next].kind == TokenKind::kWord && text_internal::IsSentenceOpener(Text(next));
      case Stop::kNone:
        break;
    }
    return false;
  }

  // For a line whose first token is `first`: the end of the line when the whole line is in brackets
  // ("(Read also: …)", optionally followed by a period), else `first`.
  size_t BracketedLineEnd(size_t first) const {
    const std::string_view open = Text(first);
    if (open != "(" && open != "[") return first;
    size_t end = first + 1;
    while (end < tokens_.size() && !tokens_[end].has(kTokenNewlineBefore)) ++end;
    size_t last = end - 1;
    if (last > first + 1 && StopAt(last) == Stop::kFull) --last;
    const std::string_view close = Text(last);
    const bool matches = last > first && ((open == "(" && close == ")") || (open == "[" && close == "]"));
    return matches ? end : first;
  }

  std::string_view text_;
  std::span<const Token> tokens_;
};

}  // namespace

void SplitSentences(std::string_view text, std::span<const Token> tokens, std::vector<Sentence>& sentences) {
  sentences.clear();
  Splitter(text, tokens).Run(sentences);
}

}  // namespace annalist
