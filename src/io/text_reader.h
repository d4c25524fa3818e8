// The text reader: the whole input is one article, which may start with "date YYYY-MM-DD".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/byte_source.h"
#include "io/reader.h"

namespace annalist {

// The "date YYYY-MM-DD" line a dated text starts with.
struct DatedTextHeader {
  std::string_view
      date;  // the date as written: YYYY-MM-DD-shaped, not necessarily a real date ("2023-13-45")
  size_t text_begin = 0;  // where the text starts: after the whitespace that follows the date
};

// Recognises the header at the start of `content` (after a UTF-8 BOM and whitespace): the word "date", spaces
// or tabs, then ten characters shaped DDDD-DD-DD followed by whitespace or the end. nullopt otherwise.
std::optional<DatedTextHeader> ParseDatedTextHeader(std::string_view content);

// A reader over `source` (already decompressed), which it owns. The input is one article: when it starts
// with a DatedTextHeader, its date is the header's and its text everything after the header's trailing
// whitespace, unchanged; otherwise its text is the whole input (less a BOM) and it has no date of its own.
// Its id is InputStem(name), or doc-1 when that is empty. An empty or all-whitespace input has no record.
// The article is read whole, but never more than max_article_bytes + 64 KiB of it: a longer input is read
// on only to count its bytes, and is an error record ("text is N bytes; the limit is M …"; when more than
// 64 KiB of whitespace follows the date line, the part beyond is counted as text).
std::unique_ptr<ArticleReader> NewTextReader(std::string name, std::unique_ptr<ByteSource> source,
                                             const ReaderOptions& options);

}  // namespace annalist
