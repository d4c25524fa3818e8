#include "io/format_detect.h"

#include <filesystem>

#include "io/text_reader.h"

namespace annalist {
namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

bool EndsWithIgnoringCase(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && EqualsIgnoringCase(text.substr(text.size() - suffix.size()), suffix);
}

// `name` without its folders and a compression extension.
std::string_view BaseName(std::string_view name) {
  const size_t slash = name.find_last_of('/');
  if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
  for (std::string_view compressed : {".gz", ".zst", ".zstd"}) {
    if (EndsWithIgnoringCase(name, compressed)) {
      name.remove_suffix(compressed.size());
      break;
    }
  }
  return name;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsAsciiSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsAsciiSpace(text.back())) text.remove_suffix(1);
  return text;
}

// True when the first line is a CSV header with a "text" column. Quoted names are unquoted; a header with
// a comma inside a quoted name is rare enough that splitting on every comma is good enough to recognise one.
bool LooksLikeCsvHeader(std::string_view content) {
  const std::string_view line = content.substr(0, content.find('\n'));
  if (line.find(',') == std::string_view::npos) return false;
  size_t begin = 0;
  for (;;) {
    const size_t comma = line.find(',', begin);
    std::string_view column =
        Trim(line.substr(begin, comma == std::string_view::npos ? comma : comma - begin));
    if (column.size() >= 2 && column.front() == '"' && column.back() == '"') {
      column = Trim(column.substr(1, column.size() - 2));
    }
    if (EqualsIgnoringCase(column, "text")) return true;
    if (comma == std::string_view::npos) return false;
    begin = comma + 1;
  }
}

}  // namespace

size_t ByteOrderMarkLength(std::string_view content) { return content.starts_with("\xEF\xBB\xBF") ? 3 : 0; }

InputFormat FormatFromName(std::string_view name) {
  const std::string_view base = BaseName(name);
  for (std::string_view extension : {".jsonl", ".ndjson", ".json"}) {
    if (EndsWithIgnoringCase(base, extension)) return InputFormat::kJsonLines;
  }
  if (EndsWithIgnoringCase(base, ".csv")) return InputFormat::kCsv;
  if (EndsWithIgnoringCase(base, ".txt")) return InputFormat::kDatedText;
  return InputFormat::kAuto;
}

InputFormat FormatFromContent(std::string_view content) {
  content.remove_prefix(ByteOrderMarkLength(content));
  size_t first = 0;
  while (first < content.size() && IsAsciiSpace(content[first])) ++first;
  if (first == content.size() || content[first] == '{') return InputFormat::kJsonLines;
  if (ParseDatedTextHeader(content).has_value()) return InputFormat::kDatedText;
  if (LooksLikeCsvHeader(content)) return InputFormat::kCsv;
  return InputFormat::kDatedText;
}

InputFormat DetectFormat(std::string_view name, std::string_view content) {
  const InputFormat by_name = FormatFromName(name);
  return by_name != InputFormat::kAuto ? by_name : FormatFromContent(content);
}

std::string InputStem(std::string_view name) {
  if (name == "<stdin>") return "";
  return std::filesystem::path(BaseName(name)).stem().string();
}

}  // namespace annalist
