// Fuzz target for the text layer: any bytes, made valid UTF-8 the way the readers do it, then tokenized and
// split. Checks the invariants every later stage relies on: tokens in order, not overlapping, inside the text
// and on character boundaries; sentences cover their tokens in order; the writer's spans slice back.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "annalist/document.h"
#include "core/utf8.h"
#include "io/writer.h"
#include "text/segmenter.h"

namespace {

bool IsBoundary(const std::string& text, uint32_t offset) {
  return offset == text.size() || (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80;
}

void Check(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const annalist::Segmenter segmenter(annalist::SegmenterOptions{.max_sentence_tokens = 50});
  annalist::Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  annalist::SanitizeUtf8(doc.text);
  segmenter.Process(doc);

  uint32_t previous_end = 0;
  for (const annalist::Token& token : doc.tokens) {
    Check(token.begin < token.end && token.end <= doc.text.size());
    Check(token.begin >= previous_end);
    Check(IsBoundary(doc.text, token.begin) && IsBoundary(doc.text, token.end));
    previous_end = token.end;
  }
  uint32_t next_token = 0;
  for (const annalist::Sentence& sentence : doc.sentences) {
    Check(sentence.token_begin == next_token && sentence.token_begin < sentence.token_end);
    Check(sentence.token_end <= doc.tokens.size());
    Check(sentence.token_end - sentence.token_begin <= 50);
    Check(sentence.span.begin == doc.tokens[sentence.token_begin].begin);
    Check(sentence.span.end == doc.tokens[sentence.token_end - 1].end);
    next_token = sentence.token_end;
  }
  Check(next_token == doc.tokens.size());

  // The writer must accept whatever the text layer produced.
  static const auto formatter = annalist::MakeFormatter("jsonl");
  std::string out;
  (*formatter)->Format(doc, out);
  Check(!out.empty() && out.back() == '\n');
  return 0;
}
