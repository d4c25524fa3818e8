// The text reader: the whole input is one article, which may start with "date YYYY-MM-DD".
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "io/input_buffer.h"
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

// A reader over `buffer` (already decompressed), which it keeps. The input is one article: when it starts
// with a DatedTextHeader, its date is the header's and its text everything after the header's trailing
// whitespace, unchanged; otherwise its text is the whole input (less a BOM) and it has no date of its own.
// Its id is InputStem(name), or doc-1 when that is empty. An empty or all-whitespace input has no record.
std::unique_ptr<ArticleReader> NewTextReader(std::string name, InputBuffer buffer,
                                             const ReaderOptions& options);

}  // namespace annalist
