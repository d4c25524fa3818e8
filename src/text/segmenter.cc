// The text stage: Tokenize, then SplitSentences, then cut sentences over the length budget.
//
// The budget (SegmenterOptions::max_sentence_tokens) protects later stages from unbounded sentences, say an
// article without punctuation. An over-long sentence is cut into pieces of at most that many tokens; each
// piece ends after the last comma, semicolon, colon or dash in its second half when there is one (a clause
// edge hurts later stages least), else at the budget itself. A budget of 0 means no limit.
//
// A text longer than UINT32_MAX bytes cannot be addressed by Token's 32-bit offsets; only its first 4 GiB
// (to a character boundary) are segmented. Readers cap article size far below that.
#include "text/segmenter.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <vector>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace annalist {
namespace {

bool IsClauseEdge(std::string_view text, const Token& token) {
  if (token.kind != TokenKind::kPunct) return false;
  const std::string_view mark = text.substr(token.begin, token.end - token.begin);
  return mark == "," || mark == ";" || mark == ":" || mark == "–" || mark == "—" || mark == "-";
}

// Cuts every sentence of more than `max_tokens` tokens into pieces of at most `max_tokens`.
void CutLongSentences(std::string_view text, const std::vector<Token>& tokens, uint32_t max_tokens,
                      std::vector<Sentence>& sentences) {
  bool any_long = false;
  for (const Sentence& sentence : sentences)
    any_long |= sentence.token_end - sentence.token_begin > max_tokens;
  if (!any_long) return;
  std::vector<Sentence> cut;
  cut.reserve(sentences.size() + tokens.size() / max_tokens + 1);
  for (const Sentence& sentence : sentences) {
    uint32_t begin = sentence.token_begin;
    while (sentence.token_end - begin > max_tokens) {
      uint32_t end = begin + max_tokens;
      for (uint32_t i = end - 1; i > begin + max_tokens / 2; --i) {
        if (IsClauseEdge(text, tokens[i])) {
          end = i + 1;
          break;
        }
      }
      cut.push_back(Sentence{Span{tokens[begin].begin, tokens[end - 1].end}, begin, end});
      begin = end;
    }
    cut.push_back(
        Sentence{Span{tokens[begin].begin, tokens[sentence.token_end - 1].end}, begin, sentence.token_end});
  }
  sentences.swap(cut);
}

}  // namespace

Segmenter::Segmenter(const SegmenterOptions& options) : options_(options) {}

void Segmenter::Process(Document& doc) const {
  std::string_view text = doc.text;
  constexpr size_t kMaxBytes = std::numeric_limits<uint32_t>::max();
  if (text.size() > kMaxBytes) {
    size_t end = kMaxBytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    text = text.substr(0, end);
  }
  Tokenize(text, doc.tokens);
  SplitSentences(text, doc.tokens, doc.sentences);
  if (options_.max_sentence_tokens > 0) {
    CutLongSentences(text, doc.tokens, options_.max_sentence_tokens, doc.sentences);
  }
}

}  // namespace annalist
