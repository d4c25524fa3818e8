#include "io/reader.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <system_error>

#include "io/byte_source.h"
#include "io/csv_reader.h"
#include "io/decompress.h"
#include "io/format_detect.h"
#include "io/jsonl_reader.h"
#include "io/text_reader.h"

namespace annalist {
namespace {

namespace fs = std::filesystem;

// The most decompressed bytes read to recognise an input's format from its content, in pieces of
// kFormatPeekPiece: fixed sizes, so that what is read before the reader starts (and so whether a failure shows
// at once or later) never depends on ReaderOptions::chunk_bytes.
constexpr size_t kFormatPeekBytes = size_t{64} << 10;
constexpr size_t kFormatPeekPiece = size_t{4} << 10;

// True once `prefix` shows that the content is JSON Lines: its first non-blank byte (after a BOM) is '{'.
bool ShowsJsonLines(std::string_view prefix) {
  prefix.remove_prefix(ByteOrderMarkLength(prefix));
  for (const char c : prefix) {
    if (!IsAsciiSpace(c)) return c == '{';
  }
  return false;
}

// Recognises the compression from the first bytes and the format from the name or the first decompressed
// bytes, and makes the reader. The bytes read to recognise them are handed back in front of the rest.
Result<std::unique_ptr<ArticleReader>> MakeReader(std::string name, std::unique_ptr<ByteSource> raw,
                                                  const ReaderOptions& options) {
  const size_t chunk = std::max<size_t>(options.chunk_bytes, 1);
  std::string magic;
  if (Status status = ReadPrefix(*raw, kCompressionMagicBytes, magic); !status.ok()) return status;
  const Compression compression = DetectCompression(magic);
  std::unique_ptr<ByteSource> source = NewPrefixedSource(std::move(magic), std::move(raw));
  if (compression != Compression::kNone) {
    source = NewDecompressingSource(name, compression, std::move(source), chunk);
  }
  if (options.max_input_bytes != UINT64_MAX) {
    source = NewCappedSource(name, compression != Compression::kNone, options.max_input_bytes, std::move(source));
  }
  InputFormat format = options.format != InputFormat::kAuto ? options.format : FormatFromName(name);
  // The first decompressed bytes are read even when the format is known, so that compressed data that is
  // broken from the start fails here, as an input that cannot be opened.
  if (format == InputFormat::kAuto || compression != Compression::kNone) {
    std::string prefix;
    while (prefix.size() < kFormatPeekBytes) {
      const size_t wanted = std::min(kFormatPeekBytes, prefix.size() + kFormatPeekPiece);
      if (Status status = ReadPrefix(*source, wanted, prefix); !status.ok()) return status;
      if (prefix.size() < wanted || format != InputFormat::kAuto || ShowsJsonLines(prefix)) break;
    }
    if (format == InputFormat::kAuto) format = FormatFromContent(prefix);
    source = NewPrefixedSource(std::move(prefix), std::move(source));
  }
  switch (format) {
    case InputFormat::kCsv:
      return NewCsvReader(std::move(name), std::move(source), options);
    case InputFormat::kDatedText:
      return NewTextReader(std::move(name), std::move(source), options);
    case InputFormat::kJsonLines:
    case InputFormat::kAuto:
      break;
  }
  return NewJsonLinesReader(std::move(name), std::move(source), options);
}

bool IsHidden(const fs::path& path) {
  const std::string name = path.filename().string();
  return !name.empty() && name[0] == '.';
}

// Appends the regular files under `directory`, skipping hidden files and folders.
Status ListDirectory(const fs::path& directory, std::vector<std::string>& files) {
  std::error_code error;
  fs::recursive_directory_iterator it(directory, fs::directory_options::none, error);
  std::vector<std::string> found;
  for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
    if (IsHidden(it->path())) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(error)) found.push_back(it->path().string());
  }
  if (error) return Status::IOError("cannot list '" + directory.string() + "': " + error.message());
  std::sort(found.begin(), found.end());
  files.insert(files.end(), found.begin(), found.end());
  return Status::Ok();
}

}  // namespace

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kJsonLines:
      return "jsonl";
    case InputFormat::kCsv:
      return "csv";
    case InputFormat::kDatedText:
      return "text";
  }
  return "auto";
}

std::optional<InputFormat> ParseInputFormat(std::string_view name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "jsonl" || name == "json" || name == "ndjson") return InputFormat::kJsonLines;
  if (name == "csv") return InputFormat::kCsv;
  if (name == "text" || name == "txt") return InputFormat::kDatedText;
  return std::nullopt;
}

Result<std::unique_ptr<ArticleReader>> OpenInput(const std::string& path, const ReaderOptions& options) {
  Result<std::unique_ptr<ByteSource>> source = OpenFileSource(path);
  if (!source.ok()) return source.status();
  return MakeReader(path == "-" ? "<stdin>" : path, std::move(source).value(), options);
}

Result<std::unique_ptr<ArticleReader>> ReaderFromBuffer(std::string name, std::string content,
                                                        const ReaderOptions& options) {
  if (content.size() > options.max_input_bytes) {
    return Status::IOError("'" + name + "' is larger than " + std::to_string(options.max_input_bytes) +
                           " bytes (ReaderOptions::max_input_bytes)");
  }
  return MakeReader(std::move(name), NewMemorySource(std::move(content)), options);
}

Result<std::vector<std::string>> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (path == "-") {
      files.push_back(path);
      continue;
    }
    std::error_code error;
    const fs::file_status status = fs::status(path, error);
    if (error || !fs::exists(status)) {
      return Status::IOError("cannot open '" + path +
                             "': " + (error ? error.message() : std::string("No such file or directory")));
    }
    if (fs::is_directory(status)) {
      Status listed = ListDirectory(path, files);
      if (!listed.ok()) return listed;
    } else {
      files.push_back(path);
    }
  }
  return files;
}

}  // namespace annalist
