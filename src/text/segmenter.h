// The text stage: tokens and sentences for a Document.
//
// Adds Document::tokens and Document::sentences (byte spans into Document::text). Stateless after
// construction: one Segmenter serves every thread.
#pragma once

#include <cstdint>

#include "annalist/document.h"

namespace annalist {

struct SegmenterOptions {
  // A sentence longer than this many tokens is cut, so no later stage sees unbounded input (a 50 MB article
  // without punctuation must not go quadratic anywhere). A cut prefers the last comma, semicolon, colon or
  // dash in the second half of the piece. 0 means no limit.
  uint32_t max_sentence_tokens = 400;
};

class Segmenter {
 public:
  explicit Segmenter(const SegmenterOptions& options = {});

  // Fills doc.tokens and doc.sentences from doc.text, replacing what they held.
  // REQUIRES: doc.text is valid UTF-8 (the readers guarantee it).
  void Process(Document& doc) const;

 private:
  SegmenterOptions options_;
};

}  // namespace annalist
