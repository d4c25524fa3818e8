#include "io/reader.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include "io/csv_reader.h"
#include "io/decompress.h"
#include "io/format_detect.h"
#include "io/input_buffer.h"
#include "io/jsonl_reader.h"
#include "io/text_reader.h"

namespace annalist {
namespace {

namespace fs = std::filesystem;

// Decompresses when needed, recognises the format and makes the reader.
Result<std::unique_ptr<ArticleReader>> MakeReader(std::string name, InputBuffer raw,
                                                  const ReaderOptions& options) {
  Result<InputBuffer> buffer = DecompressIfNeeded(name, std::move(raw), options.max_input_bytes);
  if (!buffer.ok()) return buffer.status();
  const InputFormat format =
      options.format == InputFormat::kAuto ? DetectFormat(name, buffer->view()) : options.format;
  switch (format) {
    case InputFormat::kCsv:
      return NewCsvReader(std::move(name), std::move(buffer).value(), options);
    case InputFormat::kDatedText:
      return NewTextReader(std::move(name), std::move(buffer).value(), options);
    case InputFormat::kJsonLines:
    case InputFormat::kAuto:
      break;
  }
  return NewJsonLinesReader(std::move(name), std::move(buffer).value(), options);
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
  Result<InputBuffer> buffer = ReadWholeInput(path, options.max_input_bytes);
  if (!buffer.ok()) return buffer.status();
  return MakeReader(path == "-" ? "<stdin>" : path, std::move(buffer).value(), options);
}

Result<std::unique_ptr<ArticleReader>> ReaderFromBuffer(std::string name, std::string content,
                                                        const ReaderOptions& options) {
  if (content.size() > options.max_input_bytes) {
    return Status::IOError("'" + name + "' is larger than " + std::to_string(options.max_input_bytes) +
                           " bytes (the limit is --max-input-bytes)");
  }
  InputBuffer buffer(content);
  content = std::string();  // the buffer holds the only copy from here on
  return MakeReader(std::move(name), std::move(buffer), options);
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
