// Recognising an input's format from its name and its (decompressed) content.
#pragma once

#include <string>
#include <string_view>

#include "io/reader.h"

namespace annalist {

// The format the file name's extension names, ignoring case and a trailing .gz/.zst: .jsonl .ndjson .json →
// kJsonLines, .csv → kCsv, .txt → kDatedText; kAuto when it names none.
InputFormat FormatFromName(std::string_view name);

// The format the content looks like (after an optional UTF-8 BOM):
//   - empty or only whitespace → kJsonLines (any reader yields no record for it);
//   - first non-blank byte '{' → kJsonLines;
//   - "date" + spaces + a YYYY-MM-DD-shaped word, after optional whitespace → kDatedText;
//   - a first line with a comma and a column named "text" (any case, optionally quoted) → kCsv;
//   - anything else → kDatedText, which reads the whole input as one undated article.
InputFormat FormatFromContent(std::string_view content);

// FormatFromName, else FormatFromContent. Never kAuto.
InputFormat DetectFormat(std::string_view name, std::string_view content);

// The name without its folders, a trailing .gz/.zst and then its last extension: a text article's id
// ("data/seed/000_7b6c.txt.gz" → "000_7b6c"). Empty for "" and "<stdin>".
std::string InputStem(std::string_view name);

// Length of a UTF-8 byte-order mark at the start of `content` (0 or 3).
size_t ByteOrderMarkLength(std::string_view content);

// True for the ASCII whitespace bytes: space, \t, \n, \v, \f, \r.
inline bool IsAsciiSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace annalist
